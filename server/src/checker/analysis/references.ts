/**
 * Citation marker → reference-list entry. Pure: the caller hands in the document model and,
 * for key-based markers (Pandoc `@key`, LaTeX `\cite{key}`), a lookup in the bibliography files it
 * has read itself (reading files is the LSP layer's or the CLI's business, never the checker's).
 *
 * - numeric `[n]` and superscript markers: the nth entry of the References section's list
 *   (an entry's own number — "12." list marker or a leading "[12]" — wins over its position);
 * - author-year markers: the first entry that names the first author's surname and the year;
 * - `@key` / `\cite{key}`: the bibliography entry with that key, when the caller can look keys up.
 */
import { isReferencesHeading } from '../profiles';
import { detached, memoised } from '../model/memo';
import type { Citation, DocumentModel, Memo, Paragraph, Span } from '../types';

export interface ReferenceEntry extends Span {
  /** The entry's number in the list (1-based), for list entries. */
  number?: number;
  /** The number is written in the source ("12.", "[12]"), not counted from the entry's position. */
  numbered?: boolean;
  /** The key, for bibliography-file entries. */
  key?: string;
  /** The entry as written: the list item's plain text, or the bibliography entry's source. */
  text: string;
  source: 'list' | 'bibtex';
}

export interface ReferenceLookup {
  /** The key or number looked up ("3", "smith2019"). */
  key: string;
  /** The entry found, or undefined when none matches. */
  entry?: ReferenceEntry;
}

const UNICODE_SUPERSCRIPTS: Record<string, string> = {
  '\u2070': '0', '\u00b9': '1', '\u00b2': '2', '\u00b3': '3', '\u2074': '4',
  '\u2075': '5', '\u2076': '6', '\u2077': '7', '\u2078': '8', '\u2079': '9', '\u207b': '-',
};

/** The entries of the document's reference list (paragraphs of a References section), numbered. */
export function referenceList(model: DocumentModel): ReferenceEntry[] {
  const cached = listCache.get(model);
  if (cached) return cached;
  const entries: ReferenceEntry[] = [];
  // Whether a section lies in a References section, once per section (not per paragraph).
  const inReferences = new Map<Paragraph['section'], boolean>();
  const paragraphs = model.paragraphs.filter((p) => {
    if (p.kind !== 'reference') return false;
    let yes = inReferences.get(p.section);
    if (yes === undefined) inReferences.set(p.section, (yes = inReferencesSection(p)));
    return yes;
  });
  const parts = paragraphs.flatMap((p) => splitNumberedLines(model.text, p, model.memo));
  // "1." on every item (lazy Markdown numbering, rendered 1, 2, 3): numbered by position.
  const written = parts.filter((p) => p.number !== undefined).map((p) => p.number!);
  const lazy = parts.length > 1 && written.length === parts.length && written.every((n) => n === written[0]);
  let next = lazy ? written[0] : 1;
  for (const part of parts) {
    const own = lazy ? undefined : part.number;
    const number = own ?? next;
    next = number + 1;
    entries.push({ start: part.start, end: part.end, number, ...(own !== undefined ? { numbered: true } : {}), text: part.text, source: 'list' });
  }
  listCache.set(model, entries);
  return entries;
}

const listCache = new WeakMap<DocumentModel, ReferenceEntry[]>();

const NUMBERED_LINE = /^[ \t]*(?:\[(\d{1,4})\]|(\d{1,4})[.)])[ \t]/;
/** A line that is a whole reference entry: starts with a capital letter, names a year. */
const ENTRY_LINE = /^[ \t]*\p{Lu}[^\r\n]*\b(?:1[6-9]|20)\d{2}[a-z]?\b/u;

type Part = { start: number; end: number; number?: number; text: string };

/**
 * A reference paragraph's entries. A function of its source, its plain text and the start of its
 * line before it (its list marker), with offsets relative to the paragraph's start: kept by the
 * memo under the plain text (a string of the model's, whose hash is known) with the source and
 * line start it was split for, and split again only when one of them differs (comparing strings
 * costs much less than hashing ~60 KB of reference list into a key at each check). Strings kept
 * are copies (memo.ts, detached), so a re-check splits only the paragraphs edited. (Two
 * paragraphs of the same plain text, a duplicate entry under another number, take turns: each
 * is split again at each check, and each split is its own.)
 */
function splitNumberedLines(text: string, p: Paragraph, memo: Memo | undefined): Part[] {
  const source = text.slice(p.start, p.end);
  const before = lineBefore(text, p.start);
  if (!memo) return shifted(splitLines(source, p.plain, before), p.start);
  const last = memoised(memo, 'references/split', p.plain, (): { source?: string; before?: string; parts: Part[] } => ({ parts: [] }));
  if (last.source !== source || last.before !== before) {
    last.source = detached(memo, source);
    last.before = detached(memo, before);
    last.parts = splitLines(last.source, detached(memo, p.plain), before);
  }
  return shifted(last.parts, p.start);
}

const shifted = (parts: Part[], by: number): Part[] => parts.map((part) => ({ ...part, start: by + part.start, end: by + part.end }));

/** splitNumberedLines, offsets in `source`. */
function splitLines(source: string, plain: string, before: string): Part[] {
  const lines: { start: number; text: string }[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source)) && m[0]) {
    lines.push({ start: m.index, text: m[0] });
  }
  const numbered = lines.filter((l) => NUMBERED_LINE.test(l.text));
  if (numbered.length < 2 || !NUMBERED_LINE.test(lines[0].text)) {
    // Unnumbered entries one per line with no blank line between them (pasted from a word
    // processor): one paragraph to Markdown, but each line is an entry when every line starts
    // with a capital and names a year. A wrapped entry (a line without a year) keeps the
    // paragraph whole.
    const filled = lines.filter((l) => l.text.trim());
    if (filled.length >= 2 && filled.every((l) => ENTRY_LINE.test(l.text))) {
      return filled.map((l) => {
        const lead = l.text.length - l.text.trimStart().length;
        return { start: l.start + lead, end: l.start + l.text.trimEnd().length, text: l.text.trim() };
      });
    }
    return [{ start: 0, end: source.length, number: ownNumber(before, plain), text: plain.trim() }];
  }
  const parts: Part[] = [];
  for (const l of lines) {
    const nm = NUMBERED_LINE.exec(l.text);
    if (nm || !parts.length) {
      const lead = l.text.length - l.text.trimStart().length;
      parts.push({ start: l.start + lead, end: l.start + l.text.trimEnd().length, number: nm ? Number(nm[1] ?? nm[2]) : undefined, text: l.text.trim() });
    } else {
      const last = parts[parts.length - 1];
      last.end = l.start + l.text.trimEnd().length;
      last.text += ' ' + l.text.trim();
    }
  }
  return parts;
}

function inReferencesSection(p: Paragraph): boolean {
  for (let s = p.section; s; s = s.parent) if (s.heading && isReferencesHeading(s.heading.text)) return true;
  return false;
}

/** The text of a paragraph's line before it (any line end: \n, \r\n or \r), at most its last 32 characters. */
function lineBefore(text: string, start: number): string {
  let lineStart = start;
  while (lineStart > 0 && start - lineStart < 32 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  return text.slice(lineStart, start);
}

/** "12. Smith J…" (ordered list marker just before the paragraph: `before`, its line's text) or "[12] Smith J…" / "12. Smith" in the text. */
function ownNumber(before: string, plain: string): number | undefined {
  let m = /(\d{1,4})[.)]\s*$/.exec(before);
  if (m) return Number(m[1]);
  m = /^\s*\[(\d{1,4})\]|^\s*(\d{1,4})[.)]\s/.exec(plain);
  if (m) return Number(m[1] ?? m[2]);
  return undefined;
}

/** The document's numeric, superscript and author-year citations that cite a reference-list entry. */
export function citationsOfEntry(model: DocumentModel, entry: ReferenceEntry): Citation[] {
  return model.citations.filter(
    (c) => (c.kind === 'numeric' || c.kind === 'superscript' || c.kind === 'author-year') && resolveCitation(model, c).some((l) => l.entry?.start === entry.start),
  );
}

/** Keys of a citation as numbers or BibTeX keys ("¹⁻³" → 1, 2, 3). */
export function citationKeys(citation: Citation): string[] {
  if (citation.kind === 'superscript' && /[\u00b9\u00b2\u00b3\u2070\u2074-\u207b]/.test(citation.keys.join(''))) {
    const ascii = citation.keys.join(',').replace(/[\u00b9\u00b2\u00b3\u2070\u2074-\u207b]/g, (c) => UNICODE_SUPERSCRIPTS[c] ?? c);
    const out: string[] = [];
    for (const part of ascii.split(',')) {
      const range = /^(\d+)-(\d+)$/.exec(part);
      if (range && Number(range[2]) >= Number(range[1]) && Number(range[2]) - Number(range[1]) <= 50) {
        for (let n = Number(range[1]); n <= Number(range[2]); n++) out.push(String(n));
      } else if (part) out.push(part);
    }
    return out;
  }
  return citation.keys;
}

/**
 * The reference entries a citation marker points at, one lookup per key, in the marker's order.
 * `lookupKey` finds a key in the bibliography files, when the caller has read and parsed them
 * (model/bibliography.ts); a `\bibitem` of the document answers otherwise.
 */
export function resolveCitation(model: DocumentModel, citation: Citation, lookupKey?: (key: string) => ReferenceEntry | undefined): ReferenceLookup[] {
  const keys = citationKeys(citation);
  switch (citation.kind) {
    case 'numeric':
    case 'superscript': {
      const list = referenceList(model);
      return keys.map((key) => {
        const n = /^\d+$/.test(key) ? Number(key) : NaN;
        return { key, entry: list.find((e) => e.number === n) };
      });
    }
    case 'author-year': {
      const list = referenceList(model);
      return keys.map((key) => ({ key, entry: findAuthorYear(list, key) }));
    }
    case 'pandoc':
    case 'latex':
    default:
      return keys.map((key) => ({ key, entry: lookupKey?.(key) ?? findBibitem(model.text, key) }));
  }
}

/** "Smith et al., 2019" → the first entry naming Smith and 2019. */
function findAuthorYear(list: ReferenceEntry[], key: string): ReferenceEntry | undefined {
  const year = /(?:1[89]|20)\d{2}/.exec(key)?.[0];
  const author = /\p{Lu}[\p{L}'\u2019-]+/u.exec(key)?.[0];
  if (!year || !author) return undefined;
  return list.find((e) => e.text.includes(author) && e.text.includes(year));
}

/** A LaTeX `\bibitem{key}` of a `thebibliography` environment in the document itself. */
export function findBibitem(text: string, key: string): ReferenceEntry | undefined {
  if (!text.includes('\\bibitem')) return undefined;
  const re = /\\bibitem\s*(?:\[[^\][]*\])?\s*\{([^{}]*)\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1].trim() !== key) continue;
    const rest = text.slice(m.index);
    const stop = /\\bibitem\b|\\end\s*\{thebibliography\}/g;
    stop.lastIndex = m[0].length;
    const next = stop.exec(rest);
    const end = m.index + (next ? next.index : rest.length);
    const raw = text.slice(m.index, end).trimEnd();
    return { start: m.index, end: m.index + raw.length, key, text: raw.slice(m[0].length).trim(), source: 'list' };
  }
  return undefined;
}

/** The citation marker at an offset (half-open: [start, end)). */
export function citationAt(model: DocumentModel, offset: number): Citation | undefined {
  return model.citations.find((c) => offset >= c.start && offset < c.end);
}
