/**
 * Patient identifiers in a manuscript: what the `patient-identifier` rule reports.
 *
 * `findIdentifiers(text)` searches one plain text (structured identifiers first, then names and
 * places, a name never overlapping a structured match). `manuscriptIdentifiers(doc)` searches the
 * parts of a document a journal would print about the patient: the title, headings, prose, lists,
 * captions and tables, but not the reference list, the author and affiliation blocks or the
 * back matter that names people on purpose (acknowledgements, contributions, funding, interests).
 */
import { memoised } from '../../model/memo';
import { plainSpanToSource } from '../../model/text';
import { normalizeHeading } from '../../profiles';
import type { DocumentModel, Section } from '../../types';
import { runSteps, type Steps } from '../../steps';
import { isPlaceName } from './lexicon';
import { findNames } from './names';
import { findStructured, resolveOverlaps } from './structured';
import { IDENTIFIER_KINDS, type IdentifierKind, type IdentifierMatch } from './types';

export { IDENTIFIER_KINDS, STRUCTURED_KINDS, type IdentifierKind, type IdentifierMatch } from './types';

export interface IdentifierOptions {
  /** Kinds not to report (`["institution"]` for a journal that prints the institution). */
  allow?: readonly string[];
  /** Names, places and numbers not to report, matched case-insensitively against the whole identifier or one of its words. */
  allowNames?: readonly string[];
}

/** ", Leeds" or ", Little Dunham" after a street address. */
const TOWN_AFTER = /^,\s*(\p{Lu}[\p{L}\p{M}'’-]+(?:\s\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*)?)/u;

/** Identifiers in one plain text, in order, without overlaps. */
export function findIdentifiers(text: string, options: IdentifierOptions = {}): IdentifierMatch[] {
  const structured = findStructured(text);
  // "14 Orchard Lane, Leeds": the town after a street address belongs to the address.
  for (const s of structured) {
    if (s.kind !== 'street-address') continue;
    const town = TOWN_AFTER.exec(text.slice(s.end, s.end + 60));
    if (town && (isPlaceName().has(town[1]) || /^\s*,?\s*[A-Z0-9]{2,4}\s?[0-9][A-Z0-9]{2,3}\b|^\s*,?\s*\d{4,5}\b/.test(text.slice(s.end + town[0].length, s.end + town[0].length + 12)))) {
      s.end += town[0].length;
      s.text = text.slice(s.start, s.end);
    }
  }
  const names = findNames(text).filter((n) => !structured.some((s) => n.start < s.end && s.start < n.end));
  const all = resolveOverlaps([...structured, ...names]);
  return filterAllowed(all, options);
}

function filterAllowed(matches: IdentifierMatch[], options: IdentifierOptions): IdentifierMatch[] {
  const allow = new Set(options.allow ?? []);
  const names = (options.allowNames ?? []).map((n) => n.trim().toLowerCase()).filter(Boolean);
  return matches.filter((m) => {
    if (allow.has(m.kind)) return false;
    if (!names.length) return true;
    const t = m.text.toLowerCase();
    return !names.some((n) => t === n || t.includes(n) || n.includes(t));
  });
}

/** Back matter and front matter that name people and institutions on purpose. */
const EXCLUDED_HEADINGS = [
  /^acknowledge?ments?\b/,
  /^funding\b/,
  /^financial (?:support|disclosure)/,
  /^sources? of funding/,
  /^(?:competing|conflicts?|declarations?) of interests?\b/,
  /^(?:competing|conflicting) interests?\b/,
  /^disclosures?\b/,
  /^authors?(?:'|’|'s|’s|s)?\s*(?:contributions?|information|details|biograph)/,
  /^contributors?(?:hip)?\b/,
  /^author contributions?\b/,
  /^affiliations?\b/,
  /^correspondence\b/,
  /^(?:availability of )?data (?:and materials? )?availability/,
  /^availability of data/,
  /^credit authorship/,
];

const excludedCache = new WeakMap<Section, boolean>();
function excludedSection(section: Section | null): boolean {
  if (!section) return false;
  let out = excludedCache.get(section);
  if (out === undefined) {
    const h = section.heading ? normalizeHeading(section.heading.text) : '';
    out = (!!h && EXCLUDED_HEADINGS.some((re) => re.test(h))) || excludedSection(section.parent);
    excludedCache.set(section, out);
  }
  return out;
}

/** A found identifier with offsets into the document's source. */
export interface DocumentIdentifier extends IdentifierMatch {
  /** The identifier's text in the source (may hold markup, as in `**Ellen** Marsh`). */
  source: string;
}

/**
 * Identifiers in a document, with source offsets. `text` of each match is the identifier as the
 * reader sees it; `start`/`end` are offsets into `doc.text`.
 */
export function manuscriptIdentifiers(doc: DocumentModel, options: IdentifierOptions = {}): DocumentIdentifier[] {
  return runSteps(manuscriptIdentifierSteps(doc, options));
}

/** manuscriptIdentifiers in steps (steps.ts): a paragraph, a heading or a table cell each. */
export function* manuscriptIdentifierSteps(doc: DocumentModel, options: IdentifierOptions = {}): Steps<DocumentIdentifier[]> {
  // The matches of a text are a function of the text and the allow lists: memoised by both.
  // (The text is the key, the options in the space: a model's text is hashed once, memo.ts.)
  const space = 'identifiers\0' + JSON.stringify([options.allow ?? [], options.allowNames ?? []]);
  const find = (text: string) => memoised(doc.memo, space, text, () => findIdentifiers(text, options));
  const out: DocumentIdentifier[] = [];
  const seen = new Set<number>();
  const push = (m: IdentifierMatch, start: number, end: number) => {
    if (end <= start || seen.has(start)) return;
    seen.add(start);
    out.push({ ...m, start, end, source: doc.text.slice(start, end), ...(m.number ? { number: m.number } : {}) });
  };

  for (const p of doc.paragraphs) {
    yield;
    if (p.kind === 'reference' || excludedSection(p.section)) continue;
    for (const m of find(p.plain)) {
      const { start, end } = plainSpanToSource(p, m.start, m.end);
      const number = m.number ? plainSpanToSource(p, m.number.start, m.number.end) : undefined;
      push({ ...m, ...(number ? { number } : {}) }, start, end);
    }
  }

  // Title, headings and table cells: their clean text is searched, each match found again in the source.
  const spans: { text: string; start: number; end: number; section?: Section | null }[] = [];
  // The title, when it is not a heading or a paragraph already (front matter, LaTeX \title).
  const title = doc.title;
  if (title && title.end > title.start && !doc.headings.some((h) => h.textStart <= title.start && title.start < h.textEnd) && !doc.paragraphs.some((p) => p.start <= title.start && title.start < p.end)) {
    spans.push({ text: title.text, start: title.start, end: title.end });
  }
  for (const h of doc.headings) spans.push({ text: h.text, start: h.textStart, end: h.textEnd });
  for (const t of doc.tables) {
    if (excludedSection(t.section)) continue;
    for (const cell of [...t.header, ...t.rows.flat()]) spans.push(cell);
  }
  for (const span of spans) {
    yield;
    if (!span.text) continue;
    const source = doc.text.slice(span.start, span.end);
    let from = 0;
    for (const m of find(span.text)) {
      const idx = source.indexOf(m.text, from);
      if (idx < 0) continue;
      from = idx + m.text.length;
      const start = span.start + idx;
      const number = m.number ? { start: start + (m.number.start - m.start), end: start + (m.number.end - m.start) } : undefined;
      push({ ...m, ...(number ? { number } : {}) }, start, start + m.text.length);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const KIND_SET = new Set<string>(IDENTIFIER_KINDS);
/** Is this a kind users may name in `identifiers.allow`? */
export function isIdentifierKind(kind: string): kind is IdentifierKind {
  return KIND_SET.has(kind);
}
