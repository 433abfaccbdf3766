import type { PlainCitation } from './citations';

/**
 * Sentence segmentation for scientific prose. Intl.Segmenter (ICU) splits after "et al."
 * and "Fig.", and knows nothing of citation markers, so case reports need their own rules:
 *  - abbreviations do not end a sentence ("et al.", "e.g.", "Fig. 2", "vs.", "approx.");
 *  - decimals and ranges do not ("61.8", "1.7-2.3%");
 *  - markers after the full stop belong to the sentence they follow ("no recurrence. [1]");
 *  - a numeric marker followed by a capitalised word closes a sentence even without a full
 *    stop (",[2,14] These treatments ...").
 */

/** Words (lower case, without the final full stop) after which a full stop is not an end. */
export const ABBREVIATIONS = new Set([
  'al', 'e.g', 'i.e', 'eg', 'ie', 'cf', 'viz', 'vs', 'approx', 'ca', 'resp', 'incl', 'esp',
  'fig', 'figs', 'tab', 'eq', 'eqs', 'ref', 'refs', 'no', 'nos', 'vol', 'vols', 'p', 'pp', 'ch', 'sec', 'suppl',
  'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'dept', 'univ',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'min', 'max', 'mg', 'temp', 'b.i.d', 't.i.d', 'q.i.d', 'p.o', 'i.v', 'i.m', 's.c',
]);

/** Abbreviations that may still end a sentence when a capitalised word follows. */
const MAY_END = new Set(['etc', 'mg', 'min', 'max', 'p.o', 'i.v', 'i.m', 's.c', 'b.i.d', 't.i.d', 'q.i.d', 'temp', 'no']);
/** Length of the longest abbreviation (words checked against the sets above). */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS, ...MAY_END].map((w) => w.length));

const CLOSERS = new Set([')', ']', '"', "'", '\u201d', '\u2019', '\u00bb', '*', '_']);
const TERMINATORS = new Set(['.', '!', '?', '\u2026']);
const SPACE_RE = /\s/;
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;
/** Character tests with an ASCII fast path (this runs on every terminator of 300 KB). */
const SPACE = { test: (c: string | undefined) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || (c !== undefined && c.charCodeAt(0) >= 128 && SPACE_RE.test(c)) };
const UPPER = { test: (c: string | undefined) => c !== undefined && (c >= 'A' && c <= 'Z' ? true : c.charCodeAt(0) < 128 ? false : UPPER_RE.test(c)) };
const LOWER = { test: (c: string | undefined) => c !== undefined && (c >= 'a' && c <= 'z' ? true : c.charCodeAt(0) < 128 ? false : LOWER_RE.test(c)) };
const TERM_RE = /[.!?\u2026]/g;
/** LaTeX in-text citations, which start a sentence ("\\citet{x} showed"), unlike "\\cite{x}" after a full stop. */
const IN_TEXT_CITE = /^\\(?:[Cc]ite(?:t|author|alt)|[Tt]extcite)\b/;
/** Emoji (with modifiers, joiners and variation selectors) and the space after them. */
const EMOJI_RUN = /\p{Extended_Pictographic}[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\u20e3\s]*/uy;
const OPENERS = /[\p{Lu}\p{N}"'\u201c\u2018(\[\u00ab]/u;

const WORD_RE = /[\p{L}\p{N}]/u;
/** A letter or digit, with an ASCII fast path. */
function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_RE.test(c);
}

function wordBefore(plain: string, i: number): { word: string; start: number } {
  let s = i;
  while (s > 0 && (plain[s - 1] === '.' || isWordChar(plain[s - 1]))) s--;
  return { word: plain.slice(s, i), start: s };
}

/** Does a sentence plausibly start at k ("The", "MRI", "12 days", "mRNA", "(A)")? */
function startsSentence(plain: string, k: number): boolean {
  const code = plain.charCodeAt(k);
  // ASCII first (nearly every sentence): OPENERS and the test below without a regular expression.
  if (code < 128) {
    if ((code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 34 || code === 39 || code === 40 || code === 91) return true;
    if (!(code >= 97 && code <= 122)) return false;
    for (let j = k + 1; j < k + 20 && j < plain.length; j++) {
      const d = plain.charCodeAt(j);
      if (d >= 128) return startsSentenceSlowly(plain, k);
      if (d >= 65 && d <= 90) return true;
      if (!((d >= 97 && d <= 122) || (d >= 48 && d <= 57))) return false;
    }
    return false;
  }
  return startsSentenceSlowly(plain, k);
}

function startsSentenceSlowly(plain: string, k: number): boolean {
  const c = plain[k];
  if (OPENERS.test(c)) return true;
  if (LOWER.test(c)) {
    // mRNA, pH, iPSC: lower-case first letter, upper-case inside the word.
    const w = /^[\p{L}\p{N}]+/u.exec(plain.slice(k, k + 20));
    return !!w && UPPER_RE.test(w[0].slice(1));
  }
  return false;
}

/** Returns sentence ranges [start, end) in the plain text, trimmed of white space. */
export function splitSentences(plain: string, citations: PlainCitation[]): { start: number; end: number }[] {
  const ends: number[] = [];
  // Citations come sorted from findCitations; most paragraphs have none (no map then).
  const citationAt = citations.length ? new Map<number, PlainCitation>() : undefined;
  if (citationAt) for (const c of citations) citationAt.set(c.start, c);
  const n = plain.length;

  const skipClosersAndCitations = (j: number): number => {
    for (;;) {
      while (j < n && CLOSERS.has(plain[j])) j++;
      if (!citationAt) return j;
      let k = j;
      while (k < n && (plain[k] === ' ' || plain[k] === '\u00a0')) k++;
      const c = citationAt.get(j) ?? citationAt.get(k);
      if (c && (c.kind === 'numeric' || c.kind === 'superscript' || c.kind === 'pandoc')) {
        j = c.end;
        continue;
      }
      return j;
    }
  };

  let ci = 0;
  let i = 0;
  // The next terminator at or after `termFrom` is at `termAt` (n: none): searched again only when
  // i has passed it, so that many citations before one full stop do not rescan the text up to it.
  let termFrom = 1;
  let termAt = 0;
  while (i < n) {
    if (!(i >= termFrom && i <= termAt)) {
      // The next terminator (test, not exec: no match object; every terminator is one code unit).
      TERM_RE.lastIndex = i;
      termFrom = i;
      termAt = TERM_RE.test(plain) ? TERM_RE.lastIndex - 1 : n;
    }
    const found = termAt < n;
    const ti = termAt;
    while (ci < citations.length && citations[ci].start < i) ci++;
    const cit = ci < citations.length && citations[ci].start < ti ? citations[ci] : undefined;
    if (cit) {
      // ",[2,14] These treatments": a numeric marker then a capitalised word.
      if (cit.kind === 'numeric' || cit.kind === 'superscript') {
        const j = cit.end;
        let k = j;
        while (k < n && SPACE.test(plain[k])) k++;
        if (k > j && k < n && UPPER.test(plain[k]) && LOWER.test(plain[k + 1] ?? '')) {
          const before = plain.slice(Math.max(0, cit.start - 20), cit.start).trimEnd();
          const prev = before[before.length - 1];
          // "per year.1 Muscle": a marker glued to the full stop (read as a decimal point above).
          const glued = TERMINATORS.has(plain[cit.start - 1] ?? '');
          if (prev !== undefined && (!TERMINATORS.has(prev) || glued) && prev !== '(') ends.push(j);
        }
      }
      i = cit.end;
      continue;
    }
    if (!found) break;
    i = ti;
    const ch = plain[i];
    // Decimals, "e.g", "U.S", "3.5mg": a full stop with no space after it.
    const next = plain[i + 1];
    if (ch === '.' && next !== undefined && isWordChar(next)) {
      i++;
      continue;
    }
    let t = i;
    while (t + 1 < n && TERMINATORS.has(plain[t + 1])) t++;
    const j = skipClosersAndCitations(t + 1);
    let k = j;
    while (k < n && SPACE.test(plain[k])) k++;
    if (k >= n) {
      ends.push(j);
      break;
    }
    i = t + 1;
    // "Discharged home. 🎉 Statins …", "well.🙂 The": an emoji after the full stop belongs to the
    // sentence it closes; the next one starts after it.
    if (plain.charCodeAt(k) >= 0xa9) {
      EMOJI_RUN.lastIndex = k;
      const e = EMOJI_RUN.exec(plain);
      if (e) {
        const after = k + e[0].length;
        const emojiEnd = k + e[0].trimEnd().length;
        if (after >= n) {
          ends.push(emojiEnd);
          break;
        }
        if (after > emojiEnd && startsSentence(plain, after)) {
          ends.push(emojiEnd);
          i = after;
          continue;
        }
      }
    }
    if (k === j) continue;
    if (ch === '.' && t === ti) {
      const { word, start } = wordBefore(plain, ti);
      // Longer words are no abbreviation: no lower-casing and set look-ups for them.
      if (word.length <= LONGEST_ABBREVIATION) {
        const lower = word.toLowerCase();
        if (ABBREVIATIONS.has(lower) && !(MAY_END.has(lower) && UPPER.test(plain[k]) && LOWER.test(plain[k + 1] ?? ''))) continue;
        if (lower === 'etc' && !UPPER.test(plain[k])) continue;
      }
      // Initials ("J. Neurol.", "A. Smith") and list numbers at the start ("1. ").
      // (A word is letters and digits of the BMP: one code unit per character.)
      if (word.length === 1 && UPPER.test(word) && UPPER.test(plain[k])) continue;
      if (/^\d+$/.test(word) && plain.slice(0, start).trim() === '') continue;
    }
    if (startsSentence(plain, k) || (plain[k] === '\\' && citationAt?.get(k)?.kind === 'latex' && IN_TEXT_CITE.test(plain.slice(k, k + 14)))) {
      ends.push(j);
      i = j;
    }
  }

  const out: { start: number; end: number }[] = [];
  let s = 0;
  const push = (a: number, b: number) => {
    while (a < b && SPACE.test(plain[a])) a++;
    while (b > a && SPACE.test(plain[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (const e of ends) {
    if (e <= s) continue;
    push(s, e);
    s = e;
  }
  push(s, n);
  return out;
}
