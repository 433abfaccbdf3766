/**
 * Do a manuscript's citations resolve, and is its reference list used and in order? One
 * analysis per check (memoised on the model), read by three rules that only report:
 *
 * - `citation-reference`: a marker or key that resolves to nothing, an entry never cited, a
 *   bibliography file that is missing or cannot be read;
 * - `citation-order`: first mentions out of order, reversed ranges, a list with gaps or
 *   duplicate numbers;
 * - `reference-entry`: duplicate entries (same DOI, same title), malformed DOIs and PMIDs.
 *
 * Numeric markers (`[3]`, `[3,4]`, `[5-7]`, `(3)`, `^3^`, `³`, pasted superscripts) name entries of
 * the document's own reference list by number; author–year markers name one entry by first
 * author and year; Pandoc and LaTeX keys name entries of the bibliography files, `\bibitem`s or
 * front-matter references.
 */
import type { BibEntry } from '../model/bibliography';
import { detached, memoised } from '../model/memo';
import { isReferencesHeading } from '../profiles';
import type { CaselintConfig } from '../config';
import type { Citation, DocumentModel, Fix, Memo, Paragraph } from '../types';
import { bibitems, bibliographyRequests, keyIndex, nocite, type KeyIndex, type LoadedBibliography } from './bibliography';
import { isPlaceholderKey } from './placeholders';
import { addEntryEdits, removeEntryEdits, renumberEdits } from './reference-edits';
import { citationKeys, referenceList, type ReferenceEntry } from './references';

export type CitationRuleId = 'citation-reference' | 'citation-order' | 'reference-entry';

export interface CitationProblem {
  rule: CitationRuleId;
  /** What kind of problem (the finding's `data.kind`). */
  kind: string;
  start: number;
  end: number;
  message: string;
  fixes?: Fix[];
}

export interface CitationCheckOptions {
  /**
   * The bibliographies the host read for the document's requests; undefined when the host read
   * none (then keys are checked only against `\bibitem`s and front-matter references, and not at
   * all when the document names bibliography files).
   */
  bibliographies?: readonly LoadedBibliography[];
  /** For the config's `bibliography` (a document naming none uses it). */
  config?: CaselintConfig;
}

/** A numeric marker: the numbers it cites, in the order written. */
export interface NumericUse {
  citation: Citation;
  numbers: number[];
  /** Ranges written backwards ("7-5"). */
  reversed: { a: number; b: number }[];
}

export interface CitationAnalysis {
  list: ReferenceEntry[];
  numeric: NumericUse[];
  keys: Citation[];
  authorYear: Citation[];
  /** Which markers the document's list is read with. */
  style: 'numeric' | 'author-year' | 'keys' | 'none';
  /** Every problem except order (which depends on the rule's option). */
  problems: CitationProblem[];
}

const cache = new WeakMap<DocumentModel, { options: CitationCheckOptions; analysis: CitationAnalysis }>();

/** The citation analysis of a model (computed once per model and bibliographies). */
export function citationAnalysis(model: DocumentModel, options: CitationCheckOptions = {}): CitationAnalysis {
  const hit = cache.get(model);
  if (hit && hit.options.bibliographies === options.bibliographies && hit.options.config === options.config) return hit.analysis;
  const analysis = analyse(model, options);
  cache.set(model, { options, analysis });
  return analysis;
}

// ---------------------------------------------------------------------------
// Markers
// ---------------------------------------------------------------------------

function inReferencesSection(p: Paragraph): boolean {
  for (let s = p.section; s; s = s.parent) if (s.heading && isReferencesHeading(s.heading.text)) return true;
  return false;
}

/** The citations of the text, leaving out the reference list itself and footnote markers. */
function textCitations(model: DocumentModel): Citation[] {
  const out: Citation[] = [];
  // Whether a section lies in a References section, once per section (not per paragraph).
  const inReferences = new Map<Paragraph['section'], boolean>();
  for (const p of model.paragraphs) {
    if (!p.citations.length || p.kind === 'reference') continue;
    let skip = inReferences.get(p.section);
    if (skip === undefined) inReferences.set(p.section, (skip = inReferencesSection(p)));
    if (skip) continue;
    for (const c of p.citations) if (!c.raw.startsWith('[^')) out.push(c);
  }
  return out;
}

/**
 * The numbers a numeric marker cites: a function of its kind and keys. In the incremental checker
 * a paragraph's citations keep their keys' array from check to check (it is the memoised split's,
 * model/index.ts), so the numbers are kept by that array (and its kind): a re-check expands only
 * the markers of the paragraphs edited. Never mutated.
 */
function numericUse(c: Citation, memo: Memo | undefined): NumericUse | undefined {
  if (!memo) return numbersOf(c);
  const kept = numbersByKeys.get(c.keys);
  if (kept && kept.kind === c.kind) return kept.use && { ...kept.use, citation: c };
  const use = numbersOf(c);
  numbersByKeys.set(c.keys, { kind: c.kind, use });
  return use;
}
const numbersByKeys = new WeakMap<readonly string[], { kind: Citation['kind']; use: NumericUse | undefined }>();

function numbersOf(c: Citation): NumericUse | undefined {
  const numbers: number[] = [];
  const reversed: { a: number; b: number }[] = [];
  for (const key of citationKeys(c)) {
    if (/^\d+$/.test(key)) numbers.push(Number(key));
    else {
      const range = /^(\d+)[-\u2013\u2014](\d+)$/.exec(key);
      if (!range) continue; // "12a": a supplementary reference, not a list number
      const a = Number(range[1]);
      const b = Number(range[2]);
      // A range written backwards still names its numbers (citation-order reports it).
      if (b < a) reversed.push({ a, b });
      const [lo, hi] = b < a ? [b, a] : [a, b];
      for (let n = lo; n <= Math.min(hi, lo + 500); n++) numbers.push(n);
    }
  }
  return numbers.length || reversed.length ? { citation: c, numbers, reversed } : undefined;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3", "3 and 4", "3, 4 and 6", "3–6" */
function numberList(ns: readonly number[]): string {
  const sorted = [...new Set(ns)].sort((a, b) => a - b);
  if (sorted.length > 2 && sorted[sorted.length - 1] - sorted[0] === sorted.length - 1) return `${sorted[0]}\u2013${sorted[sorted.length - 1]}`;
  if (sorted.length <= 1) return sorted.join('');
  return `${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]}`;
}

// ---------------------------------------------------------------------------
// The analysis
// ---------------------------------------------------------------------------

function analyse(model: DocumentModel, options: CitationCheckOptions): CitationAnalysis {
  const citations = textCitations(model);
  const numeric: NumericUse[] = [];
  const keys: Citation[] = [];
  const authorYear: Citation[] = [];
  for (const c of citations) {
    if (c.kind === 'numeric' || c.kind === 'superscript') {
      const use = numericUse(c, model.memo);
      if (use) numeric.push(use);
    } else if (c.kind === 'pandoc' || c.kind === 'latex') keys.push(c);
    else if (c.kind === 'author-year') authorYear.push(c);
  }
  const list = referenceList(model);
  // Author–year mentions in a numbered manuscript are narrative ("Smith et al. (2019) reported [3]").
  const style = numeric.length ? 'numeric' : authorYear.length ? 'author-year' : keys.length ? 'keys' : 'none';
  const problems: CitationProblem[] = [];
  const cited = new Set<ReferenceEntry>();
  const removals = removalBudget();

  if (style === 'numeric') checkNumeric(model, list, numeric, problems, cited);
  if (style === 'author-year') checkAuthorYear(list, authorYear, problems, cited);
  // A thebibliography entry is cited by its number ($^{1}$, \textsuperscript{1}) or its key
  // (\cite{lee}): a document that mixes the two cites each entry either way.
  const items = bibitems(model);
  const itemOf = new Map<ReferenceEntry, { key: string }>();
  // Both in document order: one walk pairs each list entry with the \bibitem it lies in.
  for (let i = 0, j = 0; i < list.length && items.length; i++) {
    while (j < items.length - 1 && items[j].end <= list[i].start) j++;
    if (items[j].start <= list[i].start && list[i].start < Math.max(items[j].end, items[j].start + 1)) itemOf.set(list[i], items[j]);
  }
  const citedItems = new Set([...cited].map((e) => itemOf.get(e)?.key).filter((k): k is string => k !== undefined));
  const bibitemsChecked = checkKeys(model, keys, options, problems, citedItems);
  if (style === 'numeric' || style === 'author-year') {
    const duplicates = checkListEntries(model, list, problems, style === 'numeric' ? numeric : undefined, removals);
    const keyCited = items.length ? new Set([...keys.flatMap((c) => c.keys), ...nocite(model).keys.map((k) => k.key)]) : undefined;
    // A duplicate is reported as one; an entry never cited is reported unless it duplicates another.
    for (const e of list) {
      if (cited.has(e) || duplicates.has(e)) continue;
      const item = itemOf.get(e);
      // Cited by its key, or reported as "\bibitem{key} is never cited" already.
      if (item && (bibitemsChecked || keyCited?.has(item.key))) continue;
      const label = style === 'numeric' ? `Reference ${e.number}` : 'This reference';
      const removal = removals.take() ? removeEntryEdits(model, list, style === 'numeric' ? numeric : undefined, e) : undefined;
      problems.push({
        rule: 'citation-reference',
        kind: 'uncited',
        ...firstLine(model, e),
        message: `${label} is never cited: cite it in the text or remove it.`,
        ...(removal ? { fixes: [{ title: 'Remove unused reference', kind: 'remove-reference', edits: removal, safe: false }] } : {}),
      });
    }
  }
  if (style === 'numeric') checkListNumbering(model, list, problems);
  return { list, numeric, keys, authorYear, style, problems };
}

/**
 * "Remove" fixes rewrite every later citation: offered for the first 20 entries of a document
 * (one with more unused or duplicate entries needs the list redone, not 20 quick fixes).
 */
function removalBudget(): { take(): boolean } {
  let left = 20;
  return { take: () => left-- > 0 };
}

function firstLine(model: DocumentModel, span: { start: number; end: number }): { start: number; end: number } {
  const nl = model.text.indexOf('\n', span.start);
  let end = nl < 0 || nl > span.end ? span.end : nl;
  if (end > span.start && model.text[end - 1] === '\r') end--;
  return { start: span.start, end: Math.max(span.start, end) };
}

function checkNumeric(model: DocumentModel, list: ReferenceEntry[], uses: NumericUse[], problems: CitationProblem[], cited: Set<ReferenceEntry>): void {
  const byNumber = new Map<number, ReferenceEntry>();
  for (const e of list) if (e.number !== undefined && !byNumber.has(e.number)) byNumber.set(e.number, e);
  if (!list.length) {
    const first = uses[0].citation;
    problems.push({
      rule: 'citation-reference',
      kind: 'no-list',
      start: first.start,
      end: first.end,
      message: `Numbered citations but no reference list (${plural(uses.length, 'citation')}): add the entries under a References heading.`,
    });
    return;
  }
  const consecutive = list.every((e, i) => e.number === i + 1);
  // Numbers cited beyond the end of the list: an entry is added for each only when all of them
  // up to the one cited are cited somewhere (else the fix would add entries nobody cites).
  // (Gathered at the first marker that cites a number past the list's end: most documents have none.)
  let beyond: Set<number> | undefined;
  for (const use of uses) {
    const c = use.citation;
    for (const r of use.reversed) {
      problems.push({
        rule: 'citation-order',
        kind: 'reversed-range',
        start: c.start,
        end: c.end,
        message: `Citation range ${c.raw.trim()} runs backwards: write ${r.b}\u2013${r.a}.`,
        ...reversedFix(model, c, r),
      });
    }
    const missing: number[] = [];
    for (const n of use.numbers) {
      const e = byNumber.get(n);
      if (e) cited.add(e);
      else missing.push(n);
    }
    if (!missing.length) continue;
    const which = missing.length === use.numbers.length ? `Citation ${c.raw.trim()}` : `${missing.length === 1 ? 'Number' : 'Numbers'} ${numberList(missing)} of ${c.raw.trim()}`;
    const why = consecutive ? `the list has ${plural(list.length, 'entry', 'entries')}` : `the list has no entry ${numberList(missing)}`;
    const top = missing.reduce((a, b) => Math.max(a, b), 0); // no spread: it throws past ~125,000 numbers
    const all = Array.from({ length: Math.max(0, top - list.length) }, (_, i) => list.length + 1 + i);
    if (all.length) beyond ??= new Set(uses.flatMap((u) => u.numbers).filter((n) => !byNumber.has(n) && n > list.length));
    const add = all.length && all.every((n) => beyond!.has(n)) ? addEntryEdits(model, list, all) : undefined;
    problems.push({
      rule: 'citation-reference',
      kind: 'no-entry',
      start: c.start,
      end: c.end,
      message: `${which} ${missing.length === 1 || which.startsWith('Citation') ? 'has' : 'have'} no reference: ${why}.`,
      ...(add ? { fixes: [{ title: `Add reference entry ${numberList(all)}`, kind: 'fix', edits: add, safe: false }] } : {}),
    });
  }
}

function reversedFix(model: DocumentModel, c: Citation, r: { a: number; b: number }): { fixes?: Fix[] } {
  const raw = model.text.slice(c.start, c.end);
  const m = new RegExp(String.raw`(?<!\d)${r.a}(\s*[-\u2013\u2014]\s*)${r.b}(?!\d)`).exec(raw);
  if (!m) return {};
  return { fixes: [{ title: `Write the range as ${r.b}\u2013${r.a}`, kind: 'fix', edits: [{ start: c.start + m.index, end: c.start + m.index + m[0].length, newText: `${r.b}${m[1]}${r.a}` }], safe: true }] };
}

/** Gaps and repeated numbers in a list that writes its own numbers. */
function checkListNumbering(model: DocumentModel, list: ReferenceEntry[], problems: CitationProblem[]): void {
  let prev: number | undefined;
  for (const e of list) {
    if (!e.numbered || e.number === undefined) {
      prev = e.number;
      continue;
    }
    const n = e.number;
    const expected = prev === undefined ? 1 : prev + 1;
    if (prev !== undefined && n === prev) {
      problems.push({ rule: 'citation-order', kind: 'duplicate-number', ...firstLine(model, e), message: `Reference number ${n} is used twice: number the entries 1, 2, 3 in order.` });
    } else if (n > expected) {
      const gap = n - 1 === expected ? `${expected}` : `${expected}\u2013${n - 1}`;
      problems.push({ rule: 'citation-order', kind: 'numbering-gap', ...firstLine(model, e), message: `The reference list skips ${n - 1 === expected ? 'number' : 'numbers'} ${gap}: number the entries without gaps.` });
    } else if (n < expected) {
      problems.push({ rule: 'citation-order', kind: 'numbering-gap', ...firstLine(model, e), message: `Reference ${n} comes after ${prev}: keep the list in numeric order.` });
    }
    prev = prev === undefined ? n : Math.max(prev, n);
  }
}

/**
 * First mentions out of order (Vancouver: references are numbered in the order they are first
 * cited). One finding per disorder: at the marker that first cites a number while a lower one is
 * still to be cited; the numbers it skipped are not reported again when they come.
 */
export function orderProblems(model: DocumentModel, analysis: CitationAnalysis): CitationProblem[] {
  if (analysis.style !== 'numeric' || !analysis.list.length) return [];
  const listed = new Set(analysis.list.map((e) => e.number));
  // Each marker with the numbers it cites for the first time.
  const firsts: { news: number[]; use: NumericUse }[] = [];
  const seen = new Set<number>();
  for (const use of analysis.numeric) {
    const news = [...new Set(use.numbers)].filter((n) => !seen.has(n) && listed.has(n)).sort((a, b) => a - b);
    for (const n of news) seen.add(n);
    if (news.length) firsts.push({ news, use });
  }
  const problems: CitationProblem[] = [];
  let max = 0;
  let renumber: Fix[] | null | undefined;
  for (const [i, { news, use }] of firsts.entries()) {
    let reported = false;
    for (const n of news) {
      if (n < max) continue;
      const later = reported ? [] : firsts.slice(i + 1).flatMap((f) => f.news).filter((k) => k > max && k < n);
      if (later.length) {
        reported = true;
        const skipped = later.reduce((a, b) => Math.min(a, b), Infinity);
        if (renumber === undefined) {
          const edits = renumberEdits(model, analysis.list, analysis.numeric);
          renumber = edits ? [{ title: 'Renumber citations in order of first mention', kind: 'renumber-citations', edits, safe: false }] : null;
        }
        const c = use.citation;
        problems.push({
          rule: 'citation-order',
          kind: 'out-of-order',
          start: c.start,
          end: c.end,
          message: `[${n}] is cited before [${skipped}]: number references in order of first mention.`,
          ...(renumber ? { fixes: renumber } : {}),
        });
      }
      max = n;
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Author–year
// ---------------------------------------------------------------------------

const YEAR_RE = /(?:1[89]|20)\d{2}[a-z]?/g;
const PARTICLES = /^(?:(?:van|von|de|der|den|da|di|la|le|du|del|dos|das|ter|ten)\s+)+/i;

const fold = (s: string) => (/[^\x00-\x7f]/.test(s) ? s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\u2019/g, "'") : s).toLowerCase();

/** "Smith et al., 2019; Lee and Park 2020a, 2021" → [Smith 2019], [Lee 2020a], [Lee 2021]. */
export function authorYearRefs(c: Citation): { surname: string; year: string; suffix: string; text: string }[] {
  const out: { surname: string; year: string; suffix: string; text: string }[] = [];
  for (const key of c.keys) {
    for (const part of key.split(/\s*;\s*/)) {
      const body = part.replace(/^\s*(?:e\.g\.|see|cf\.)\s*,?\s*/i, '');
      const surname = /\p{Lu}[\p{L}'\u2019-]+/u.exec(body)?.[0];
      if (!surname) continue;
      for (const y of body.matchAll(YEAR_RE)) out.push({ surname, year: y[0].slice(0, 4), suffix: y[0].slice(4), text: `${surname} ${y[0]}` });
    }
  }
  return out;
}

function entryAuthorYear(e: ReferenceEntry): { surname: string; years: { year: string; suffix: string }[] } {
  const text = e.text.replace(/^\s*(?:\[\d+\]|\d+[.)])\s*/, '').replace(PARTICLES, '');
  const surname = /^[\p{L}'\u2019-]+/u.exec(text)?.[0] ?? '';
  const years = [...text.matchAll(/(?<![\d])((?:1[89]|20)\d{2})([a-z]?)(?![\d\p{L}])/gu)].map((m) => ({ year: m[1], suffix: m[2] }));
  return { surname: fold(surname), years };
}

function checkAuthorYear(list: ReferenceEntry[], uses: Citation[], problems: CitationProblem[], cited: Set<ReferenceEntry>): void {
  if (!list.length) {
    problems.push({ rule: 'citation-reference', kind: 'no-list', start: uses[0].start, end: uses[0].end, message: `Author\u2013year citations but no reference list (${plural(uses.length, 'citation')}): add the entries under a References heading.` });
    return;
  }
  const parsed = list.map((e) => ({ e, ...entryAuthorYear(e) }));
  for (const c of uses) {
    const none: string[] = [];
    const several: string[] = [];
    for (const r of authorYearRefs(c)) {
      const candidates = parsed.filter((p) => p.surname === fold(r.surname) && p.years.some((y) => y.year === r.year));
      let match: ReferenceEntry[] = candidates.map((p) => p.e);
      if (r.suffix) {
        const exact = candidates.filter((p) => p.years.some((y) => y.year === r.year && y.suffix === r.suffix));
        if (exact.length) match = exact.map((p) => p.e);
        else if (candidates.every((p) => !p.years.some((y) => y.year === r.year && y.suffix))) {
          // "2019a/b" written in the text only: the list's order gives the letters.
          const index = r.suffix.charCodeAt(0) - 97;
          match = candidates[index] ? [candidates[index].e] : [];
        } else match = [];
      } else {
        const plain = candidates.filter((p) => p.years.some((y) => y.year === r.year && !y.suffix));
        if (candidates.length > 1 && plain.length === 1) match = [plain[0].e];
      }
      if (match.length === 1) cited.add(match[0]);
      else if (match.length === 0) none.push(r.text);
      else {
        several.push(r.text);
        for (const m of match) cited.add(m);
      }
    }
    if (none.length) {
      problems.push({ rule: 'citation-reference', kind: 'author-year-none', start: c.start, end: c.end, message: `${none.join('; ')}: no reference by this first author and year in the list.` });
    }
    if (several.length) {
      const year = /\d{4}/.exec(several[0])?.[0] ?? '2019';
      problems.push({ rule: 'citation-reference', kind: 'author-year-ambiguous', start: c.start, end: c.end, message: `${several.join('; ')} matches several references: add a letter to the year (${year}a, ${year}b) in the text and the list.` });
    }
  }
}

// ---------------------------------------------------------------------------
// Keys (Pandoc, LaTeX)
// ---------------------------------------------------------------------------

/** Returns whether it settled which `\bibitem`s are cited (each uncited one reported, or `\nocite{*}`). */
function checkKeys(model: DocumentModel, all: Citation[], options: CitationCheckOptions, problems: CitationProblem[], citedByNumber: ReadonlySet<string> = new Set()): boolean {
  // `[@TODO]`, `\cite{key}`: the placeholder rule's.
  const uses = all.filter((c) => c.keys.some((k) => !isPlaceholderKey(k)));
  const requests = bibliographyRequests(model, options.config);
  const loaded = options.bibliographies ?? [];
  // Bibliography files the host could not read, or that are malformed: one finding each.
  for (const b of loaded) {
    if (b.error) {
      problems.push({ rule: 'citation-reference', kind: 'bibliography-missing', start: b.request.start, end: b.request.end, message: `Bibliography ${b.path} ${b.error}${b.request.from === 'config' ? ' (named in the caselint config)' : ''}: check its path.` });
    } else if (b.bibliography?.errors.length) {
      const [first, ...rest] = b.bibliography.errors;
      const more = rest.length ? ` (and ${plural(rest.length, 'more problem')})` : '';
      problems.push({ rule: 'citation-reference', kind: 'bibliography-malformed', start: b.request.start, end: b.request.end, message: `Bibliography ${b.path}${first.line ? ` line ${first.line}` : ''}: ${first.message}${more}. Entries after it may be missing.` });
    }
  }
  const nc = nocite(model);
  if (!uses.length && !nc.keys.length) return false;
  // Named files the host did not read (a plain check() call): nothing to look keys up in.
  if (requests.length && options.bibliographies === undefined) return false;
  if (loaded.some((b) => b.error)) return false; // the missing file is the finding, not every key
  const index = keyIndex(model, loaded);
  const where = loaded.filter((b) => b.bibliography).map((b) => b.path);
  const place = where.length === 1 ? where[0] : where.length ? 'the bibliography' : 'the document';
  if (!index.any) {
    const first = uses[0] ?? { start: nc.keys[0].start, end: nc.keys[0].end };
    const how = model.format === 'latex' ? 'add \\bibliography{refs} (or \\addbibresource{refs.bib}) or a thebibliography list' : 'name the file in the front matter (bibliography: refs.bib)';
    problems.push({ rule: 'citation-reference', kind: 'no-bibliography', start: first.start, end: first.end, message: `Citation keys but no bibliography to look them up in: ${how}.` });
    return false;
  }
  const unknown = (key: string) => !isPlaceholderKey(key) && !index.byKey.has(key);
  const hint = (key: string) => {
    const near = index.byLowerKey.get(key.toLowerCase());
    return near?.length ? ` (did you mean @${near[0]}?)` : '';
  };
  for (const c of uses) {
    const missing = [...new Set(c.keys.filter(unknown))];
    if (!missing.length) continue;
    const names = missing.map((k) => `@${k}`);
    problems.push({
      rule: 'citation-reference',
      kind: 'unknown-key',
      start: c.start,
      end: c.end,
      message: `${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`} ${names.length === 1 ? 'has' : 'have'} no entry in ${place}${missing.length === 1 ? hint(missing[0]) : ''}.`,
    });
  }
  for (const k of nc.keys) {
    if (!unknown(k.key)) continue;
    problems.push({ rule: 'citation-reference', kind: 'unknown-key', start: k.start, end: k.end, message: `nocite: @${k.key} has no entry in ${place}${hint(k.key)}.` });
  }
  checkCitedBibEntries(uses, index, problems);
  // The document's own thebibliography is its reference list: every \bibitem is cited.
  if (!nc.all) {
    const cited = new Set([...all.flatMap((c) => c.keys), ...nc.keys.map((k) => k.key)]);
    const items = bibitems(model);
    items.forEach((item, i) => {
      if (cited.has(item.key) || citedByNumber.has(item.key)) return;
      const end = i + 1 < items.length ? items[i + 1].start : item.end;
      problems.push({
        rule: 'citation-reference',
        kind: 'uncited',
        ...firstLine(model, item),
        message: `\\bibitem{${item.key}} is never cited: cite it in the text or remove it.`,
        fixes: [{ title: 'Remove unused reference', kind: 'remove-reference', edits: [{ start: item.start, end, newText: '' }], safe: false }],
      });
    });
  }
  return true;
}

/** Entries of the bibliography files that the document cites: duplicates and malformed identifiers. */
function checkCitedBibEntries(uses: Citation[], index: KeyIndex, problems: CitationProblem[]): void {
  const firstUse = new Map<string, Citation>();
  for (const c of uses) for (const k of c.keys) if (!firstUse.has(k)) firstUse.set(k, c);
  const byDoi = new Map<string, string>();
  const byTitle = new Map<string, string>();
  for (const [key, c] of firstUse) {
    const found = index.byKey.get(key);
    const e = found?.entry;
    if (!e) continue;
    const where = found.path ? `${found.path} line ${e.line}` : 'the front matter';
    const report = (kind: string, message: string) => problems.push({ rule: 'reference-entry', kind, start: c.start, end: c.end, message });
    if (e.doi && !validDoi(cleanDoi(e.doi))) report('malformed-doi', `@${key} (${where}) has a malformed DOI "${short(e.doi)}": a DOI looks like 10.1234/abc.`);
    if (e.pmid && !/^\d{1,8}$/.test(e.pmid)) report('malformed-pmid', `@${key} (${where}) has a malformed PMID "${short(e.pmid)}": a PMID is up to 8 digits.`);
    const doi = e.doi && validDoi(cleanDoi(e.doi)) ? cleanDoi(e.doi).toLowerCase() : undefined;
    const title = e.title ? normaliseTitle(e.title) : undefined;
    const same = (doi && byDoi.get(doi)) || (title && byTitle.get(title));
    if (same && same !== key) {
      report('duplicate-entry', `@${key} is the same reference as @${same} (${doi && byDoi.get(doi) ? 'same DOI' : 'same title'}): cite one key.`);
      continue;
    }
    if (doi) byDoi.set(doi, key);
    if (title) byTitle.set(title, key);
  }
}

// ---------------------------------------------------------------------------
// The document's own list: duplicates, DOIs, PMIDs
// ---------------------------------------------------------------------------

const DOI_LABELLED = /\bdoi\s*:\s*(\S*)|\bdoi\s+(10\.\S*)|\bhttps?:\/\/(?:dx\.)?doi\.org\/(\S*)/gi;
const DOI_BARE = /(?<![\w/.])10\.\d{4,9}\/[^\s"<>]+/g;
const PMID_RE = /\bPMID\s*:\s*(\S*)|\bPMID\s+(\d\S*)/g;

const cleanDoi = (s: string) => s.trim().replace(/[.,;)\]]+$/, '');
const validDoi = (s: string) => /^10\.\d{4,9}\/\S+$/.test(s);
const short = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}...` : s);

/** Lower-case letters and digits only, for comparing titles. */
export function normaliseTitle(title: string): string {
  return fold(title).replace(/<[^>]+>/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The longest sentence-like piece of an entry (its title, nearly always), normalised; undefined when short. */
function entryTitle(text: string): string | undefined {
  let longest = '';
  for (const piece of text.split(/[.?!:]\s+/)) if (piece.length > longest.length && /\S+\s+\S+\s+\S+\s+\S/.test(piece)) longest = piece;
  const title = longest ? normaliseTitle(longest) : '';
  return title.length >= 25 ? title : undefined;
}

/** What an entry's text says of its identifiers and title: a function of the text alone (memoised by it). */
interface EntryFacts {
  /** Malformed DOIs and PMIDs: the match as written (found again in the source) and the value. */
  badDois: { match: string; value: string }[];
  badPmids: { match: string; value: string }[];
  /** Valid DOIs, lower-cased: the labelled ones, then the bare ones. */
  dois: string[];
  title: string | undefined;
}

function entryFacts(text: string): EntryFacts {
  const facts: EntryFacts = { badDois: [], badPmids: [], dois: [], title: entryTitle(text) };
  for (const m of /doi/i.test(text) ? text.matchAll(DOI_LABELLED) : []) {
    const value = cleanDoi(m[1] ?? m[2] ?? m[3] ?? '');
    if (!validDoi(value)) facts.badDois.push({ match: m[0], value });
    else facts.dois.push(value.toLowerCase());
  }
  if (text.includes('10.')) for (const m of text.matchAll(DOI_BARE)) facts.dois.push(cleanDoi(m[0]).toLowerCase());
  for (const m of text.includes('PMID') ? text.matchAll(PMID_RE) : []) {
    const value = (m[1] ?? m[2] ?? '').replace(/[.,;)\]]+$/, '');
    if (!/^\d{1,8}$/.test(value)) facts.badPmids.push({ match: m[0], value });
  }
  return facts;
}

/** An entry's malformed DOIs and PMIDs, each found again in the entry's source (else the whole entry). */
function reportIdentifiers(model: DocumentModel, e: ReferenceEntry, label: string, badDois: EntryFacts['badDois'], badPmids: EntryFacts['badPmids'], problems: CitationProblem[]): void {
  const src = model.text.slice(e.start, e.end);
  let from = 0;
  const at = (match: string) => {
    const i = src.indexOf(match, from);
    if (i < 0) return { start: e.start, end: e.end };
    from = i + match.length;
    return { start: e.start + i, end: e.start + i + match.length };
  };
  for (const { match, value } of badDois) {
    problems.push({ rule: 'reference-entry', kind: 'malformed-doi', ...at(match), message: `${label} has a malformed DOI "${short(value)}": a DOI looks like 10.1234/abc.` });
  }
  from = 0;
  for (const { match, value } of badPmids) {
    problems.push({ rule: 'reference-entry', kind: 'malformed-pmid', ...at(match), message: `${label} has a malformed PMID "${short(value)}": a PMID is up to 8 digits.` });
  }
}

/** Checks the list's entries; returns the entries that duplicate an earlier one. */
function checkListEntries(model: DocumentModel, list: ReferenceEntry[], problems: CitationProblem[], numeric: NumericUse[] | undefined, removals: { take(): boolean }): Set<ReferenceEntry> {
  const duplicates = new Set<ReferenceEntry>();
  const byDoi = new Map<string, ReferenceEntry>();
  const byTitle = new Map<string, ReferenceEntry>();
  const label = (e: ReferenceEntry) => (numeric ? `Reference ${e.number}` : 'This reference');
  // The numbers cited, for the first duplicate (most lists have none).
  let citedNumbers: Set<number> | undefined;
  for (const e of list) {
    // The entry's text without markup (comments, emphasis), each match found again in the source.
    // (Facts kept by the memo are cut from a copy: memo.ts, detached.)
    const { badDois, badPmids, dois, title } = memoised(model.memo, 'references/entry', e.text, () => entryFacts(detached(model.memo, e.text)));
    if (badDois.length || badPmids.length) reportIdentifiers(model, e, label(e), badDois, badPmids, problems);
    let sameDoi: ReferenceEntry | undefined;
    for (let i = 0; !sameDoi && i < dois.length; i++) sameDoi = byDoi.get(dois[i]);
    const same = sameDoi ?? (title ? byTitle.get(title) : undefined);
    if (same) {
      duplicates.add(e);
      if (numeric) citedNumbers ??= new Set(numeric.flatMap((u) => u.numbers));
      const removal = numeric && !citedNumbers!.has(e.number!) && removals.take() ? removeEntryEdits(model, list, numeric, e) : undefined;
      problems.push({
        rule: 'reference-entry',
        kind: 'duplicate-entry',
        ...firstLine(model, e),
        message: `${label(e)} duplicates ${numeric ? `reference ${same.number}` : 'an earlier one'} (${sameDoi ? 'same DOI' : 'same title'}): remove one${numeric ? ' and cite the other' : ''}.`,
        ...(removal ? { fixes: [{ title: 'Remove duplicate reference', kind: 'remove-reference', edits: removal, safe: false }] } : {}),
      });
      continue;
    }
    for (const d of dois) if (!byDoi.has(d)) byDoi.set(d, e);
    if (title && !byTitle.has(title)) byTitle.set(title, e);
  }
  return duplicates;
}

export type { BibEntry };
