/**
 * The citation rules (citation-reference, citation-order, reference-entry) on the real case
 * reports, by mutation: each article is changed in one known way at a time, and the check must
 * then report exactly the findings that change calls for, no more and no fewer. Part of
 * `npm run eval`; reads the articles from the corpus folder, never copies them.
 *
 * Mutations (each seeded per article, three variants each):
 *  - delete a reference entry (not the first or last): each marker citing it has no entry, and
 *    the list skips its number;
 *  - add a marker one past the end of the list to a sentence: it has no entry;
 *  - swap the first mentions of two numbers: one out-of-order finding;
 *  - duplicate an entry at the end of the list: one duplicate finding (not also "never cited").
 *
 * Also lists what the rules find on the articles as published.
 */
import { check, citationKeys, parseDocument, referenceList, type Citation, type DocumentModel, type Finding } from '../server/src/checker';
import { seededRandom as random } from './random';

const RULES = ['citation-reference', 'citation-order', 'reference-entry'];

export interface MutationResult {
  article: string;
  mutation: string;
  ok: boolean;
  /** What was expected and what changed, when not ok. */
  detail?: string;
}

export interface MutationReport {
  results: MutationResult[];
  /** The rules' findings on the articles as published: article, line, message. */
  published: { article: string; line: number; ruleId: string; message: string; text: string }[];
  /** Mutations that could not be made on an article (no candidate), by name. */
  skipped: string[];
  ms: number;
}


const pick = <T>(xs: readonly T[], r: () => number): T | undefined => (xs.length ? xs[Math.floor(r() * xs.length)] : undefined);

function findingsOf(text: string): Finding[] {
  return check(text, { format: 'markdown' }).findings.filter((f) => RULES.includes(f.ruleId));
}

const kindOf = (f: Finding) => `${f.ruleId}/${String(f.data?.kind)}`;

function counts(fs: readonly Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of fs) m.set(kindOf(f), (m.get(kindOf(f)) ?? 0) + 1);
  return m;
}

interface Mutation {
  name: string;
  text: string;
  /** Findings it must add, by rule/kind. */
  expected: Record<string, number>;
}

function numericMarkers(model: DocumentModel, listStart: number): Citation[] {
  return model.citations.filter((c) => (c.kind === 'numeric' || c.kind === 'superscript') && !c.raw.startsWith('[^') && c.start < listStart);
}

const numbersOf = (c: Citation) => citationKeys(c).flatMap((k) => {
  const r = /^(\d+)[-\u2013](\d+)$/.exec(k);
  if (!r) return /^\d+$/.test(k) ? [Number(k)] : [];
  const out: number[] = [];
  for (let n = Number(r[1]); n <= Number(r[2]); n++) out.push(n);
  return out;
});

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function mutations(text: string, seed: number): { made: Mutation[]; skipped: string[] } {
  const model = parseDocument(text, 'markdown');
  const list = referenceList(model);
  const made: Mutation[] = [];
  const skipped: string[] = [];
  if (list.length < 3) return { made, skipped: ['all (no reference list of 3 entries)'] };
  const listStart = lineStartOf(text, list[0].start);
  const markers = numericMarkers(model, listStart);
  const n = list.length;
  const splice = (at: number, end: number, insert: string) => text.slice(0, at) + insert + text.slice(end);

  for (let variant = 0; variant < 3; variant++) {
    const r = random(seed * 100 + variant);

    // 1. Delete an entry in the middle of the list.
    const k = 2 + Math.floor(r() * (n - 2));
    const entry = list[k - 1];
    const next = list[k];
    const citing = markers.filter((c) => numbersOf(c).includes(k)).length;
    made.push({
      name: `delete reference ${k}`,
      text: splice(lineStartOf(text, entry.start), lineStartOf(text, next.start), ''),
      expected: { 'citation-reference/no-entry': citing, 'citation-order/numbering-gap': 1 },
    });

    // 2. A marker one past the end of the list, before the full stop of a sentence.
    const sentences = model.sentences.filter((s) => s.end <= listStart && s.paragraph.kind === 'prose' && text[s.end - 1] === '.' && s.text.length > 40);
    const s = pick(sentences, r);
    if (s) made.push({ name: `add [${n + 1}] to a sentence`, text: splice(s.end - 1, s.end - 1, ` [${n + 1}]`), expected: { 'citation-reference/no-entry': 1 } });
    else skipped.push('add a marker');

    // 3. Swap the first mentions of two numbers (markers without ranges, not citing both), where
    // the article's own order is right: a is first cited after every lower number and no higher one.
    const first = new Map<number, Citation>();
    const inOrder = new Set<number>();
    let highest = 0;
    for (const c of markers) {
      for (const x of numbersOf(c).sort((p, q) => p - q)) {
        if (first.has(x)) continue;
        // Every lower number cited before it, none higher: {1 … x-1} so far.
        if (x === highest + 1 && first.size === x - 1) inOrder.add(x);
        first.set(x, c);
        highest = Math.max(highest, x);
      }
    }
    const simple = (c: Citation) => /^\[\d+(?:,\s*\d+)*\]$/.test(c.raw);
    // Everything first cited from a to b is in order too (the swap must not meet a disorder the article has).
    const sequence = [...first.keys()];
    const clean = (a: number, b: number) => sequence.slice(sequence.indexOf(a), sequence.indexOf(b) + 1).every((x) => inOrder.has(x));
    const pairs: [number, number][] = [];
    for (const [a, ca] of first) {
      for (const [b, cb] of first) {
        if (a < b && clean(a, b) && ca !== cb && simple(ca) && simple(cb) && ca.start < cb.start && !numbersOf(cb).includes(a)) pairs.push([a, b]);
      }
    }
    const pair = pick(pairs, r);
    if (pair) {
      const [a, b] = pair;
      const ca = first.get(a)!;
      const cb = first.get(b)!;
      const swap = (c: Citation, from: number, to: number) => c.raw.replace(new RegExp(`(?<=[\\[,\\s])${from}(?=[\\],])`), String(to));
      let t = text.slice(0, cb.start) + swap(cb, b, a) + text.slice(cb.end);
      t = t.slice(0, ca.start) + swap(ca, a, b) + t.slice(ca.end);
      made.push({ name: `swap the first mentions of ${a} and ${b}`, text: t, expected: { 'citation-order/out-of-order': 1 } });
    } else skipped.push('swap first mentions');

    // 4. Duplicate an entry at the end of the list.
    const d = 1 + Math.floor(r() * n);
    const dup = list[d - 1];
    const last = list[n - 1];
    const body = text.slice(dup.start, dup.end);
    made.push({ name: `duplicate reference ${d} as ${n + 1}`, text: splice(last.end, last.end, `\n${n + 1}. ${body}`), expected: { 'reference-entry/duplicate-entry': 1 } });
  }
  return { made, skipped };
}

export function runCitationMutations(articles: { name: string; text: string }[]): MutationReport {
  const t0 = performance.now();
  const results: MutationResult[] = [];
  const published: MutationReport['published'] = [];
  const skipped: string[] = [];
  for (const [i, { name, text }] of articles.entries()) {
    const base = findingsOf(text);
    const lineStarts = parseDocument(text, 'markdown').lineStarts;
    for (const f of base) {
      let line = 0;
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= f.start) line++;
      published.push({ article: name, line: line + 1, ruleId: f.ruleId, message: f.message, text: text.slice(f.start, f.end) });
    }
    const baseCounts = counts(base);
    const { made, skipped: notMade } = mutations(text, Number(name.slice(0, 2)) || i + 1);
    for (const s of notMade) skipped.push(`${name}: ${s}`);
    for (const m of made) {
      const after = counts(findingsOf(m.text));
      const added: Record<string, number> = {};
      const removed: Record<string, number> = {};
      for (const key of new Set([...after.keys(), ...baseCounts.keys()])) {
        const delta = (after.get(key) ?? 0) - (baseCounts.get(key) ?? 0);
        if (delta > 0) added[key] = delta;
        if (delta < 0) removed[key] = -delta;
      }
      const expected = Object.fromEntries(Object.entries(m.expected).filter(([, v]) => v > 0));
      const ok = JSON.stringify(sorted(added)) === JSON.stringify(sorted(expected)) && !Object.keys(removed).length;
      results.push({ article: name, mutation: m.name, ok, ...(ok ? {} : { detail: `expected +${JSON.stringify(sorted(expected))}, got +${JSON.stringify(sorted(added))}${Object.keys(removed).length ? ` -${JSON.stringify(sorted(removed))}` : ''}` }) });
    }
  }
  return { results, published, skipped, ms: performance.now() - t0 };
}

const sorted = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
