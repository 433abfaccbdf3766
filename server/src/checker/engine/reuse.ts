import { sameAbbreviations } from '../analysis/abbreviations';
import { factsReadNothingIn, paragraphCaseFacts } from '../analysis/case-facts';
import { identifierOptions, paragraphHoldsNoIdentifier } from '../analysis/identifiers';
import { paragraphHoldsNoPlaceholder, placeholderOptions } from '../analysis/placeholders';
import type { SectionAnalysis } from '../analysis/sections';
import type { CaselintConfig } from '../config';
import { paragraphMentions } from '../analysis/figures';
import type { Rule } from '../analysis/rule';
import type { Citation, DocumentModel, Finding, Fix, Paragraph } from '../types';
import { lowerBound, textEdit } from '../model/text';

/**
 * A rule's last findings reused after an edit that leaves what it reads the same (Rule.scope),
 * for the incremental checker: the edit is found between the last completed check's model and
 * this one's, proven to leave every part of the model in the rule's scope the same, only moved,
 * and the last findings are then moved likewise instead of computed again.
 *
 * `citations` (the citation rules): a Markdown edit inside one paragraph (or at its start or
 * end) outside the references sections, that adds or removes no line break, and after which the
 * models have the same paragraphs (place, kind, plain text, citations), headings, tables, code
 * blocks, comments, suppressions, front matter and title, all moved by the edit; the edited
 * paragraph's kind and citations are the same, and no citation is within a character of the edit. The findings are
 * then the last ones with every offset after the edit moved by its length, provided none of
 * their spans (nor any of their fixes' edits) reaches into the edit or contains it (nor, after an
 * edit at the paragraph's end or start, ends where it starts or starts where it ends): those are
 * computed again. The other scopes take an edit inside a reference entry too (they read none of
 * its text, or, `placeholders`, only the placeholders in it), with the same conditions on the rest of the model and their own test on the edited
 * paragraph (inScope). `test/checker/incremental.test.ts` compares each re-check with a full check.
 */
export interface EditMap {
  /** The edit replaced [start, oldEnd) of the last text with `delta` more characters. */
  start: number;
  oldEnd: number;
  delta: number;
  /** The index of the paragraph edited (-1: the text is the same). */
  paragraph: number;
  /**
   * The edit ends where the paragraph ends (a writer typing on at its end, or deleting its last
   * characters): a span that ends where the edit starts may now end after it, so it is not known.
   */
  atEnd?: true;
  /** The edit starts where the paragraph starts (likewise for a span that starts where it ends). */
  atStart?: true;
}

/**
 * The map of an edit inside one paragraph (or at its start or end) from `old` to `now` that
 * leaves all else the same (the `citations` scope), or undefined.
 */
export function paragraphEdit(old: DocumentModel, now: DocumentModel): EditMap | undefined {
  if (old.format !== 'markdown' || now.format !== 'markdown') return undefined;
  if (old.text === now.text) return { start: 0, oldEnd: 0, delta: 0, paragraph: -1 };
  const edit = textEdit(old.text, now.text);
  const start = edit.prefix;
  const oldEnd = old.text.length - edit.suffix;
  const newEnd = now.text.length - edit.suffix;
  if (oldEnd < start || newEnd < start) return undefined; // (prefix and suffix overlap: not one edit)
  const map: EditMap = { start, oldEnd, delta: newEnd - oldEnd, paragraph: -1 };
  if (hasLineBreak(old.text, start, oldEnd) || hasLineBreak(now.text, start, newEnd)) return undefined;
  const ps = old.paragraphs;
  let k = lowerBound(ps.length, (i) => ps[i].start < start);
  if (k < ps.length && ps[k].start === start) map.atStart = true;
  else k--;
  if (k < 0) return undefined;
  map.paragraph = k;
  const edited = ps[k];
  // Inside the paragraph, at its start or at its end, not both. (It may be a reference entry,
  // which only the citations scope reads: inScope. A paragraph of a references section is a
  // reference entry: model/index.ts.)
  if (!(edited.start <= start && oldEnd <= edited.end) || (map.atStart && oldEnd === edited.end)) return undefined;
  if (oldEnd === edited.end) map.atEnd = true;
  const qs = now.paragraphs;
  if (qs.length !== ps.length) return undefined;
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    const q = qs[i];
    // (The edited paragraph, edited at its start or its end, starts or ends where it did or moved
    // with the edit: typed spaces are not part of it.)
    const begin = i === k && map.atStart ? edge(p.start, q.start, map.delta) : at(map, p.start);
    const end = i === k && map.atEnd ? edge(p.end, q.end, map.delta) : at(map, p.end);
    if (q.start !== begin || q.end !== end || q.kind !== p.kind || !q.quoted !== !p.quoted) return undefined;
    if (i !== k && q.plain !== p.plain) return undefined;
    if (!sameCitations(map, p.citations, q.citations, i === k)) return undefined;
  }
  if (old.headings.length !== now.headings.length || old.sections.length !== now.sections.length) return undefined;
  for (let i = 0; i < old.headings.length; i++) {
    const h = old.headings[i];
    const g = now.headings[i];
    if (g.start !== at(map, h.start) || g.end !== at(map, h.end) || g.level !== h.level || g.text !== h.text || g.textStart !== at(map, h.textStart) || g.textEnd !== at(map, h.textEnd) || g.number !== h.number) return undefined;
  }
  if (!sameSpans(map, old.tables, now.tables) || !sameSpans(map, old.codeBlocks, now.codeBlocks) || !sameSpans(map, old.comments, now.comments) || !sameSpans(map, old.suppressions, now.suppressions)) return undefined;
  if (old.frontMatter?.end !== now.frontMatter?.end || (old.frontMatter && old.frontMatter.end >= start)) return undefined;
  if (old.title?.text !== now.title?.text || (old.title && (now.title!.start !== at(map, old.title.start) || now.title!.end !== at(map, old.title.end)))) return undefined;
  return map;
}

/** Does an edit inside one paragraph (paragraphEdit) leave a rule's scope the same? */
export function inScope(scope: NonNullable<Rule['scope']>, map: EditMap, old: DocumentModel, now: DocumentModel, sections: SectionAnalysis, config: CaselintConfig): boolean {
  if (map.paragraph < 0) return true;
  const a = old.paragraphs[map.paragraph];
  const b = now.paragraphs[map.paragraph];
  // (The citation rules read a reference entry's text; the other scopes read none of it.)
  if (scope === 'citations') return a.kind !== 'reference';
  if (scope === 'abbreviations') return sameAbbreviations(a, b, now.memo, (s) => spanAt(map, s));
  // (The rule reads up to 4 characters before an identifier, which may lie in the paragraph before it.)
  if (scope === 'identifiers') {
    const options = identifierOptions(config);
    return a.kind === b.kind && map.oldEnd + 16 <= a.end && paragraphHoldsNoIdentifier(old, a, options) && paragraphHoldsNoIdentifier(now, b, options);
  }
  // (A placeholder elsewhere on the edited line is not in inline code, or still is, unless the
  // edit adds or removes a backtick: the rule reads the backticks of a placeholder's line.)
  if (scope === 'placeholders') {
    const options = placeholderOptions(config);
    return !hasBacktick(old.text, map.start, map.oldEnd) && !hasBacktick(now.text, map.start, map.oldEnd + map.delta) && paragraphHoldsNoPlaceholder(old, a, options) && paragraphHoldsNoPlaceholder(now, b, options);
  }
  // (The sections are the same: the paragraph's role is read from the new model's. The rule reads
  // 12 characters before a fact, which may lie in the paragraph before it.)
  if (scope === 'case-facts') {
    if (a.kind !== b.kind || map.oldEnd + 16 > a.end) return false;
    return factsReadNothingIn(b, sections) || sameMoved(map, paragraphCaseFacts(a, old.memo), paragraphCaseFacts(b, now.memo), 12);
  }
  return quietForFigures(old, a) && quietForFigures(now, b) && sameMoved(map, paragraphMentions(a, old.memo), paragraphMentions(b, now.memo), 0);
}

/**
 * A paragraph that the figure analysis (analysis/figures.ts) reads only the numbered mentions
 * of: not a caption, and in its source none of the characters that begin a label or a cross-reference (`{#fig-x}`, `@fig-x`, `\@ref(fig:x)`, `#| label:`), none of
 * which can reach into a paragraph from outside it (they do not cross a line end).
 */
function quietForFigures(doc: DocumentModel, p: Paragraph): boolean {
  if (p.kind === 'caption') return false;
  for (let i = p.start; i < p.end; i++) {
    const c = doc.text.charCodeAt(i);
    if (c === 64 /* @ */ || c === 123 /* { */ || c === 92 /* \ */ || c === 35 /* # */) return false;
  }
  return true;
}

/**
 * Are two values the same but for their spans (objects with a numeric start and end), which the
 * edit moves from the first to the second? A span, with `look` characters before it, must lie
 * wholly before or wholly after the edit.
 */
function sameMoved(map: EditMap, x: unknown, y: unknown, look: number): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || !x || !y) return false;
  if (Array.isArray(x)) {
    if (!Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameMoved(map, x[i], y[i], look)) return false;
    return true;
  }
  const a = x as Record<string, unknown>;
  const b = y as Record<string, unknown>;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const span = typeof a.start === 'number' && typeof a.end === 'number';
  if (span) {
    if (besideEdge(map, a as { start: number; end: number })) return false;
    const before = (a.end as number) <= map.start;
    if (!before && !((a.start as number) - look >= map.oldEnd)) return false;
    const d = before ? 0 : map.delta;
    if (b.start !== (a.start as number) + d || b.end !== (a.end as number) + d) return false;
  }
  for (const k of keys) {
    if (span && (k === 'start' || k === 'end')) continue;
    if (!(k in b) || !sameMoved(map, a[k], b[k], look)) return false;
  }
  return true;
}

function hasBacktick(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 96) return true;
  return false;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** Where a paragraph's edge at `old` is now, given where the new paragraph's is: where it was, or moved by the edit. */
function edge(old: number, now: number, delta: number): number {
  return now === old ? old : old + delta;
}

/**
 * After an edit at a paragraph's end or start: does a span end where the edit starts, or start
 * where it ends? It may now end after the edit or start before it, so where it is is not known.
 */
function besideEdge(map: EditMap, s: { start: number; end: number }): boolean {
  return (!!map.atEnd && s.end === map.start) || (!!map.atStart && s.start === map.oldEnd);
}

/** Where an offset of the last text outside the edit is now (NaN: inside it). */
function at(map: EditMap, x: number): number {
  if (x <= map.start) return x;
  if (x >= map.oldEnd) return x + map.delta;
  return NaN;
}

function sameCitations(map: EditMap, a: readonly Citation[], b: readonly Citation[], edited: boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const c = a[i];
    const d = b[i];
    // In the edited paragraph, no citation next to the edit (a fix may read a character beside it).
    if (edited && !(c.end < map.start || c.start > map.oldEnd)) return false;
    if (d.start !== at(map, c.start) || d.end !== at(map, c.end) || d.kind !== c.kind || d.raw !== c.raw || !d.nameOnly !== !c.nameOnly) return false;
    if (d.keys !== c.keys) {
      if (d.keys.length !== c.keys.length) return false;
      for (let j = 0; j < c.keys.length; j++) if (d.keys[j] !== c.keys[j]) return false;
    }
  }
  return true;
}

function sameSpans(map: EditMap, a: readonly { start: number; end: number }[], b: readonly { start: number; end: number }[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (b[i].start !== at(map, a[i].start) || b[i].end !== at(map, a[i].end)) return false;
  return true;
}

/**
 * A span of the last text now, or undefined when it reaches into the edit or contains it, or is
 * an empty span where the edit starts or ends (before or after the text typed: not known).
 */
function spanAt(map: EditMap, s: { start: number; end: number }): { start: number; end: number } | undefined {
  if (map.delta === 0 && map.start === map.oldEnd) return s;
  if (s.start === s.end && (s.start === map.start || s.start === map.oldEnd)) return undefined;
  if (besideEdge(map, s)) return undefined;
  if (s.end <= map.start) return s;
  if (s.start >= map.oldEnd) return { start: s.start + map.delta, end: s.end + map.delta };
  return undefined;
}

/**
 * The last findings moved by the edit (the same objects where nothing moved), or undefined when
 * one of them, or an edit of its fixes, reaches into the edit or spans it.
 */
export function movedFindings(map: EditMap, findings: readonly Finding[]): Finding[] | undefined {
  const out: Finding[] = [];
  for (const f of findings) {
    const span = spanAt(map, f);
    if (!span) return undefined;
    let fixes: Fix[] | undefined;
    if (f.fixes) {
      let moved = false;
      fixes = [];
      for (const fix of f.fixes) {
        const edits = [];
        for (const e of fix.edits) {
          const s = spanAt(map, e);
          if (!s) return undefined;
          if (s !== e) moved = true;
          edits.push(s === e ? e : { ...e, start: s.start, end: s.end });
        }
        fixes.push(moved ? { ...fix, edits } : fix);
      }
      if (!moved) fixes = f.fixes;
    }
    let data = f.data;
    if (data) {
      // Offsets in the data come in pairs of keys ending in Start and End ("caseStart", "caseEnd").
      for (const key of Object.keys(data)) {
        if (!key.endsWith('Start') || typeof data[key] !== 'number') continue;
        const endKey = key.slice(0, -5) + 'End';
        const s = spanAt(map, { start: data[key] as number, end: typeof data[endKey] === 'number' ? (data[endKey] as number) : (data[key] as number) + 1 });
        if (!s) return undefined;
        if (s.start === data[key]) continue;
        data = { ...data, [key]: s.start, ...(typeof data[endKey] === 'number' ? { [endKey]: s.end } : {}) };
      }
    }
    if (span === f && fixes === f.fixes && data === f.data) out.push(f);
    else {
      const g: Finding = { ...f, start: span.start, end: span.end };
      if (fixes) g.fixes = fixes;
      if (data) g.data = data;
      out.push(g);
    }
  }
  return out;
}
