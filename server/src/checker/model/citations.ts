import type { CitationKind } from '../types';
import { LATEX_CITE_COMMANDS } from './latex/commands';
import { DisjointSpans } from './text';

/**
 * Citation marker patterns, run over a paragraph's plain text. Each has a name and an
 * example so that the list can grow without becoming one giant regular expression.
 */
export interface CitationPattern {
  kind: CitationKind;
  example: string;
  /** A cheap test that must pass before `re` is run over a paragraph. */
  quick: RegExp;
  re: RegExp;
  keys(m: RegExpExecArray): string[];
  /**
   * Only with a reference list (`CitationOptions.referenceCount`), and only for markers whose
   * numbers all lie in its range: digits that could as well be a decimal ("age 70.2").
   */
  inReferenceRange?: boolean;
  /** The marker names an author and cites nothing (`\citeauthor{x}`). */
  nameOnly?(m: RegExpExecArray): boolean;
}

export interface CitationOptions {
  /** How many entries the document's own numbered reference list has (0 or absent: none). */
  referenceCount?: number;
}

const NUM_LIST = String.raw`\d{1,4}[a-z]?(?:\s*[-\u2013\u2014,;]\s*\d{1,4}[a-z]?)*`;
const AUTHOR = String.raw`(?:\p{Lu}[\p{L}'\u2019-]+(?:\s(?:van|von|de|der|den|da|di|la|le)\s\p{Lu}[\p{L}'\u2019-]+)?)`;
const AUTHORS = String.raw`${AUTHOR}(?:\s+et\s+al\.?|\s+(?:and|&)\s+${AUTHOR})?`;
const YEAR = String.raw`(?:1[89]|20)\d{2}[a-z]?`;
const AUTHOR_YEAR = String.raw`${AUTHORS},?\s+${YEAR}(?:\s*,\s*${YEAR})*`;
/**
 * Quarto cross-reference prefixes: @fig-x, @tbl-x, @sec-x, @eq-x, ... are references to the
 * document's own figures, tables and sections, not citations.
 */
const XREF = String.raw`(?:fig|tbl|sec|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|rem|sol|nte|tip|wrn|imp|cau|apx|suppfig|supptbl)-`;
const NOT_XREF = String.raw`(?!${XREF})`;
const XREF_KEY = new RegExp(`^${XREF}`);

/** Unicode superscript digits (and minus) → ASCII. */
const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '\u2070': '0', '\u00b9': '1', '\u00b2': '2', '\u00b3': '3', '\u2074': '4', '\u2075': '5',
  '\u2076': '6', '\u2077': '7', '\u2078': '8', '\u2079': '9', '\u207b': '-',
};

/** Expands "1,3-5" into ["1","3","4","5"] (ranges of at most 50). */
export function expandNumbers(list: string): string[] {
  const keys: string[] = [];
  for (const part of list.split(/\s*[,;]\s*/)) {
    const range = /^(\d+)\s*[-\u2013\u2014]\s*(\d+)$/.exec(part);
    if (range) {
      const a = Number(range[1]);
      const b = Number(range[2]);
      if (b >= a && b - a <= 50) {
        for (let n = a; n <= b; n++) keys.push(String(n));
        continue;
      }
    }
    if (part) keys.push(part.replace(/\s+/g, ''));
  }
  return keys;
}

export const CITATION_PATTERNS: CitationPattern[] = [
  {
    // First: its optional arguments ([see][12]) must not read as numeric markers.
    kind: 'latex',
    example: String.raw`\cite{a,b}, \citep[p. 3]{key}, \parencite{key}, \cites{a}{b}`,
    quick: /\\/, // a backslash: rare in Markdown prose, where escapes are already resolved
    // Options hold no bracket and keys no brace, so an unclosed "\cite[" or "\cite{" is not searched past the next one.
    re: new RegExp(String.raw`\\(?:${LATEX_CITE_COMMANDS})\*?(?:\s*\[[^\][]*\]){0,2}(?:\s*\{[^{}]*\})+`, 'g'),
    keys: (m) => [...m[0].matchAll(/\{([^{}]*)\}/g)].flatMap((g) => g[1].split(',')).map((k) => k.trim()).filter(Boolean),
    // "\citeauthor{x} showed": the author's name, not a citation of the sentence.
    nameOnly: (m) => /^\\citeauthor\b/i.test(m[0]),
  },
  {
    kind: 'numeric',
    example: '[1], [1,2], [3-6], [3–6]',
    quick: /\[\d/,
    re: new RegExp(String.raw`\[(${NUM_LIST})\]`, 'gu'),
    keys: (m) => expandNumbers(m[1]),
  },
  {
    kind: 'superscript',
    example: '^1^, ^1,2^, <sup>3-5</sup>',
    quick: /\^\d/,
    re: new RegExp(String.raw`\^(${NUM_LIST})\^`, 'gu'),
    keys: (m) => expandNumbers(m[1]),
  },
  {
    kind: 'superscript',
    example: 'Unicode superscripts ¹ ²³ ⁴⁻⁶',
    quick: /[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]/,
    re: /(?<=[\p{L}\p{P}])[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+(?:[\u207b,][\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+)*/gu,
    // "⁴⁻⁶" → 4, 5, 6: the same keys as "^4-6^".
    keys: (m) => expandNumbers(m[0].replace(/[\u00b9\u00b2\u00b3\u2070\u2074-\u2079\u207b]/gu, (c) => SUPERSCRIPT_DIGITS[c])),
  },
  {
    // Vancouver in parentheses, as Frontiers and other journals print it: "… in CIDP (1).",
    // "(2, 3);", "(4–6)" closing a clause. Only right before punctuation or the end, so that
    // enumerations ("(1) weakness, (2) wasting") and years ("Smith (1990)") are not read.
    kind: 'numeric',
    example: '(1), (2, 3), (4–6) before a full stop, comma or semicolon',
    quick: /\(\d/,
    // (The look-behind after the "(" it ends with, not before: tried at each "(", not at every character.)
    re: /\((?<=[\p{L}\p{N}%'"\u2019)\]]\s?\()(\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*)\)(?=[.,;:!?]|\s*$)/gu,
    keys: (m) => expandNumbers(m[1]),
  },
  {
    // Text pasted from a PDF loses the superscript: "per year.1 Muscle cramps", "for dyspnea,4,5
    // These", "in selected patients.10" (end of paragraph). Only right after a lower-case word
    // (or a closing parenthesis) and its punctuation, and only before a capitalised word or the
    // end, so that decimals ("61.8"), counts ("In 2019, 12 patients") and list numbers are not read.
    kind: 'superscript',
    example: 'lost superscripts pasted from a PDF: year.1 Muscle, dyspnea,4,5 These, months.6–8',
    // (Look-behinds after the digit they end with: tried at each digit or punctuation, not at every character.)
    quick: /[.,;:]\d(?<=[\p{Ll})][.,;:]\d)/u,
    re: /\d(?<=[\p{Ll})][.,;:]\d)\d{0,2}(?:[,\u2013-]\d{1,3})*(?=\s+\p{Lu}|\s*$)/gu,
    keys: (m) => expandNumbers(m[0]),
  },
  {
    // The same after a number or an acronym ("after age 70.2", "approved in 2001.7 Since", "on
    // MRI.3 The"): digits that could be a decimal, so only when the document has a numbered
    // reference list and every number lies in its range, and only before a capitalised word that
    // is not a unit ("2.5 Gy") or at the end of the paragraph. A number at the start of the text
    // ("2.1 Imaging", a section number) is not read.
    kind: 'superscript',
    example: 'lost superscripts after a number or an acronym: age 70.2, in 2001.7 Since, on MRI.3 The',
    quick: /[.,;:]\d(?<=(?:\d|\p{Lu}\p{Lu})[.,;:]\d)/u,
    re: /\d(?<=(?:[\p{L}\p{N})%,;]\s{1,3}\d{1,4}(?:,\d{3}){0,4}\.|\p{Lu}\p{Lu}[.,;:])\d)\d{0,2}(?:[,\u2013-]\d{1,3})*(?=\s+(?!(?:Gy|Hz|Pa|Bq|Sv|Da|Wb)\b)\p{Lu}\p{Ll}|\s*$)/gu,
    keys: (m) => expandNumbers(m[0]),
    inReferenceRange: true,
  },
  {
    kind: 'pandoc',
    example: '[@smith2019; @lee2020, p. 3], [see @key]',
    quick: /@/,
    re: new RegExp(String.raw`\[[^\[\]]*?(?<=[\[\s;-])@${NOT_XREF}[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~\/-]*[^\[\]]*\]`, 'gu'),
    keys: (m) =>
      [...m[0].matchAll(/@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~\/-]*[\p{L}\p{N}_])/gu)].map((k) => k[1]).filter((k) => !XREF_KEY.test(k)),
  },
  {
    kind: 'pandoc',
    example: '@smith2019 says (in-text)',
    quick: /@/,
    // Not a bookdown cross-reference "\@ref(fig:x)" (its backslash is a Markdown escape).
    re: new RegExp(String.raw`(?<![\p{L}\p{N}_.@\[])@${NOT_XREF}(?!ref\()([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~\/-]*[\p{L}\p{N}_])`, 'gu'),
    keys: (m) => [m[1]],
  },
  {
    kind: 'numeric',
    example: 'footnote references [^1]',
    quick: /\[\^/,
    re: /\[\^([\p{L}\p{N}_-]+)\]/gu,
    keys: (m) => [m[1]],
  },
  {
    kind: 'author-year',
    example: '(Smith et al., 2019; Lee and Park 2020)',
    // A year after a "(" with no parenthesis between ("(" excluded too: one pass, not one per "(").
    quick: /\([^()]*(?:1[89]|20)\d\d/,
    re: new RegExp(String.raw`\((?:(?:e\.g\.|see|cf\.)\s*,?\s*)?${AUTHOR_YEAR}(?:\s*;\s*${AUTHOR_YEAR})*\)`, 'gu'),
    keys: (m) => [m[0].slice(1, -1)],
  },
  {
    // "[Vandenberg 2017]", "[Okafor et al. 2021; Lee 2019]": a Markdown link keeps only its text
    // and a task list's "[ ]"/"[x]" has no year, so neither reads as one.
    kind: 'author-year',
    example: '[Vandenberg 2017], [Okafor et al., 2021; Lee and Park 2020]',
    quick: /\[[^\][]*(?:1[89]|20)\d\d/,
    re: new RegExp(String.raw`\[(?:(?:e\.g\.|see|cf\.)\s*,?\s*)?${AUTHOR_YEAR}(?:\s*;\s*${AUTHOR_YEAR})*\]`, 'gu'),
    keys: (m) => [m[0].slice(1, -1)],
  },
  {
    kind: 'author-year',
    example: 'Smith et al. (2019) reported',
    quick: /\((?:1[89]|20)\d\d[a-z]?\)/,
    re: new RegExp(String.raw`${AUTHORS}\s+\(${YEAR}\)`, 'gu'),
    keys: (m) => [m[0]],
  },
];

export interface PlainCitation {
  kind: CitationKind;
  start: number;
  end: number;
  keys: string[];
  /** Names an author and cites nothing (`\citeauthor{x}`): does not make its sentence cited. */
  nameOnly?: boolean;
}

/**
 * The reference list sizes for which findCitations gives the same markers as for the size it was
 * asked with (from `lo` to `hi`, both included): it reads the size only where digits that could be
 * a decimal are taken for markers if all their numbers are in the list, so its answer changes only
 * where the size crosses such a marker's highest number.
 */
export interface ReferenceCountRange {
  lo: number;
  hi: number;
}

/**
 * All citation markers in a plain text, in order, without overlaps. `same`, when given (with a
 * reference list, `options.referenceCount` at least 1), is narrowed to the list sizes that give
 * the same markers.
 */
export function findCitations(plain: string, options: CitationOptions = {}, same?: ReferenceCountRange): PlainCitation[] {
  const found = new DisjointSpans<PlainCitation>();
  const count = options.referenceCount ?? 0;
  for (const p of CITATION_PATTERNS) {
    if (p.inReferenceRange && count < 1) continue;
    if (!p.quick.test(plain)) continue;
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(plain))) {
      const start = m.index;
      const end = start + m[0].length;
      if (!found.free(start, end)) continue;
      const keys = p.keys(m);
      if (p.inReferenceRange) {
        if (!keys.every((k) => /^\d+$/.test(k) && Number(k) >= 1)) continue;
        const highest = keys.reduce((h, k) => Math.max(h, Number(k)), 0);
        if (same) {
          if (highest <= count) same.lo = Math.max(same.lo, highest);
          else same.hi = Math.min(same.hi, highest - 1);
        }
        if (highest > count) continue;
      }
      found.add({ kind: p.kind, start, end, keys, ...(p.nameOnly?.(m) ? { nameOnly: true } : {}) });
    }
    found.endRound();
  }
  return found.spans();
}
