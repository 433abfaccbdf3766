import { plainSpanToSource, positionAt } from '../model/text';
import type { Rule } from '../rule';
import type { DocumentModel } from '../types';

/**
 * The fill-in texts that caselint's snippets (snippets/*.json) insert. One list, shared by the
 * `placeholder` rule and the snippet tests (every non-choice placeholder default of a snippet
 * must be here, so that an unfilled snippet never passes CI unnoticed).
 */
export const PLACEHOLDER_TEXTS: readonly string[] = [
  '[title]', '[keywords]', '[abstract]', '[introduction]', '[age]', '[presenting complaint]', '[duration]',
  '[investigations]', '[discussion]', '[references]', '[clinical findings]', '[timeline]', '[diagnostic assessment]',
  '[therapeutic intervention]', '[follow-up and outcomes]', "[patient's perspective]", '[speech and language]',
  '[cranial nerve findings]', '[power findings]', '[reflex findings]', '[sensory findings]', '[coordination findings]',
  '[gait findings]', '[stimulation site]', '[recording site]', '[muscle]', '[test]', '[unit]', '[reference range]',
  '[symptom onset]', '[first assessment]', '[event]', '[alternative diagnosis]', '[reasons for the final diagnosis]',
  '[upper and lower motor neuron signs by region]',
  // Number placeholder (also a writing marker below).
  'XX',
];

/** Citation keys that are obviously not real ones: `[@key]`, `\cite{citekey}`. */
const PLACEHOLDER_KEYS = new Set(['key', 'keys', 'citekey', 'cite', 'ref', 'refs', 'reference', 'citation', 'todo', 'xx', 'xxx', 'tbd', 'bibkey', 'author', 'authoryear', 'author2020', 'source']);

export type PlaceholderKind = 'marker' | 'snippet' | 'citation' | 'syntax';

export interface PlaceholderMatch {
  start: number;
  end: number;
  kind: PlaceholderKind;
  text: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SNIPPET_TEXTS = PLACEHOLDER_TEXTS.filter((t) => t.startsWith('['));

interface Pattern {
  kind: PlaceholderKind;
  /** Text that every match contains: without it the pattern is not run (a quick scan). */
  needs?: string;
  /** Or a cheap pattern every text with a match passes. */
  quick?: RegExp;
  re: RegExp;
  /** Return false to drop a match (context checks). */
  keep?: (plain: string, m: RegExpExecArray) => boolean;
}

const PATTERNS: Pattern[] = [
  {
    kind: 'snippet',
    needs: '[',
    re: new RegExp(SNIPPET_TEXTS.map((t) => escape(t).replace(/'/g, "['\u2019]")).join('|'), 'gi'),
  },
  {
    // "[insert dose]", "[describe findings]", "[add reference]".
    kind: 'snippet',
    needs: '[',
    re: /\[(?:insert|describe|add|enter|fill in|specify|complete|write)\b[^\[\]\n]{0,80}\]/gi,
  },
  {
    kind: 'marker',
    quick: /TODO|TBD|FIXME|XX/,
    re: /(?<![\p{L}\p{N}_])(?:TODO|TBD|FIXME|X{2,}(?:[.,]X+)?)(?![\p{L}\p{N}_])/gu,
    keep: (plain, m) => {
      if (!m[0].startsWith('XX')) return true;
      // Karyotypes and sex chromosomes: "46,XX", "XX/XY mosaicism", "XX male".
      const before = plain.slice(Math.max(0, m.index - 6), m.index);
      const after = plain.slice(m.index + m[0].length, m.index + m[0].length + 16);
      if (/\d\s*,\s*$/.test(before) || /[\/]$/.test(before) || /^\s*\//.test(after)) return false;
      if (/^\s*(?:karyotype|chromosomes?|males?|females?|DSD|sex reversal)\b/i.test(after)) return false;
      return true;
    },
  },
  {
    kind: 'citation',
    needs: '[',
    re: /\[(?:citations? needed|citation|ref(?:erence)?s?(?: needed)?|cite|source|\?)\]/gi,
  },
  {
    kind: 'citation',
    needs: '[@',
    re: /\[@([^\]\s;,]+)\]/g,
    keep: (_plain, m) => PLACEHOLDER_KEYS.has(m[1].toLowerCase()),
  },
  {
    kind: 'citation',
    needs: '\\',
    re: /\\(?:cite[pt]?|parencite|textcite|autocite|footcite)\*?(?:\[[^\]]*\])*\{\s*([^}]*)\}/g,
    keep: (_plain, m) => {
      const keys = m[1].split(',').map((k) => k.trim().toLowerCase());
      return keys.every((k) => k === '' || PLACEHOLDER_KEYS.has(k) || /^\?+$/.test(k));
    },
  },
  {
    // Snippet syntax that was pasted instead of expanded: ${1:…}, ${2|a,b|}, ${3}.
    kind: 'syntax',
    needs: '${',
    re: /\$\{\d+(?::[^{}\n]*|\|[^|\n]*\|)?\}/g,
  },
];

/** Placeholders and writing markers in a piece of plain text, in order, without overlaps. */
export function findPlaceholders(plain: string, extra: readonly string[] = [], ignore: readonly string[] = []): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  const patterns = extra.length
    ? [...PATTERNS, { kind: 'marker' as const, re: new RegExp(extra.map(escape).join('|'), 'g') }]
    : PATTERNS;
  const ignored = ignore.length ? new Set(ignore.map((s) => s.toLowerCase())) : undefined;
  for (const p of patterns) {
    if (p.needs !== undefined && !plain.includes(p.needs)) continue;
    if (p.quick && !p.quick.test(plain)) continue;
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(plain))) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      if (p.keep && !p.keep(plain, m)) continue;
      if (ignored?.has(m[0].toLowerCase())) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ start, end, kind: p.kind, text: m[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Is a table cell (or any short text) nothing but an unfilled placeholder or a writing marker? */
export function isPlaceholderText(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  const found = findPlaceholders(t);
  return found.length > 0 && /^[\s\-–—.,;:%()]*$/.test(stripRanges(t, found));
}

/** A value such as "XX", "XX.X", "XX beats" or "TODO" in a table cell. */
export function containsPlaceholder(text: string): boolean {
  return findPlaceholders(text).length > 0;
}

function stripRanges(t: string, ranges: { start: number; end: number }[]): string {
  let out = '';
  let cur = 0;
  for (const r of ranges) {
    out += t.slice(cur, r.start);
    cur = r.end;
  }
  return out + t.slice(cur);
}

/** Offsets [a, b) of the source lying inside `inline code` on their line. */
function inInlineCode(text: string, lineStarts: number[], offset: number): boolean {
  const before = text.slice(lineStarts[positionAt(lineStarts, offset).line], offset);
  return ((before.match(/`/g) ?? []).length & 1) === 1;
}

function message(m: PlaceholderMatch): string {
  switch (m.kind) {
    case 'marker':
      if (/^X/.test(m.text)) return `Placeholder "${m.text}" left in the text: write the real value.`;
      return `Writing marker "${m.text}" left in the text: finish this part, then remove the marker.`;
    case 'snippet':
      return `Unfilled placeholder "${m.text}": replace it with the real text.`;
    case 'citation':
      return `Citation placeholder "${m.text}": cite the real source.`;
    case 'syntax':
      return `Snippet field "${m.text}" was inserted as text: replace it with the real text.`;
  }
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
}

/** Unfilled template placeholders and writing markers (TODO, XX, [citation needed], snippet fields). */
export const placeholder: Rule = {
  id: 'placeholder',
  description: 'No unfilled placeholders or writing markers (TODO, XX, [citation needed], snippet fields).',
  howToFix: 'Fill in or remove the placeholder before submission.',
  defaultSeverity: 'warning',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      markers: { type: 'array', items: { type: 'string', minLength: 1 } },
      ignore: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const extra = stringList(ctx.options.markers);
    const ignore = stringList(ctx.options.ignore);
    const reported = new Set<number>();
    const report = (start: number, end: number, m: PlaceholderMatch) => {
      if (reported.has(start) || end <= start) return;
      if (doc.format === 'markdown' && inInlineCode(doc.text, doc.lineStarts, start)) return;
      reported.add(start);
      ctx.report({ start, end, message: message(m), data: { kind: m.kind, text: m.text } });
    };
    // Prose, captions, list items, references: the plain text, mapped back to the source.
    for (const p of doc.paragraphs) {
      for (const m of findPlaceholders(p.plain, extra, ignore)) {
        const { start, end } = plainSpanToSource(p, m.start, m.end);
        report(start, end, m);
      }
    }
    // Headings and table cells: their plain text is searched, each match found again in the source.
    const spans: { text: string; start: number; end: number }[] = [
      ...doc.headings.map((h) => ({ text: h.text, start: h.textStart, end: h.textEnd })),
      ...doc.tables.flatMap((t) => [...t.header, ...t.rows.flat()]),
    ];
    for (const s of spans) scanSpan(doc, s, extra, ignore, report);
  },
};

function scanSpan(
  doc: DocumentModel,
  span: { text: string; start: number; end: number },
  extra: string[],
  ignore: string[],
  report: (start: number, end: number, m: PlaceholderMatch) => void,
): void {
  const source = doc.text.slice(span.start, span.end);
  let from = 0;
  for (const m of findPlaceholders(span.text, extra, ignore)) {
    const idx = source.indexOf(m.text, from);
    if (idx >= 0) {
      report(span.start + idx, span.start + idx + m.text.length, m);
      from = idx + m.text.length;
    } else {
      report(span.start, Math.max(span.start, span.end), m);
    }
  }
}
