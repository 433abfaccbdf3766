import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { TRIGGER_WORDS } from './triggers.generated';

/** A pattern's key in the table of precomputed trigger words: its source and flags. */
export const patternKey = (pattern: Pick<RegExp, 'source' | 'flags'>): string => `/${pattern.source}/${pattern.flags}`;

/**
 * The trigger words of a pattern of the claim data: from the table that `npm run schema` writes
 * (triggers.generated.ts), so that starting the checker parses no pattern; a pattern the table
 * does not hold (the data was edited since) is derived here, with the same result.
 */
export function triggersOf(pattern: Pick<RegExp, 'source' | 'flags'>): readonly string[] {
  return TRIGGER_WORDS[patternKey(pattern)] ?? triggerWords(pattern);
}

/**
 * The trigger words of a pattern, derived from the pattern itself: a set of lower-case words
 * (as the classifier's tokenizer splits a sentence: runs of letters and digits, and "%") of
 * which at least one occurs, as a whole word, in every text the pattern matches. The classifier
 * runs a pattern only on sentences holding one of its trigger words, so a cue declares its
 * pattern once and the cheap pre-filter follows from it.
 *
 * How: the pattern is parsed (regexpp) and walked. A part that can only match a few literal
 * strings ("reported|described", "minimi[sz]e", "\s+") is expanded; a part that can match
 * unboundedly many words ("[\p{L}-]+", "[^;]{0,60}") is unknown text. In each alternative, a run
 * of expandable parts whose strings all hold a whole word (bounded by "\b", a space or
 * punctuation, never by unknown text) gives one candidate set: one word of each string; a group
 * inside unknown text gives its own. The cheapest candidate wins (common words such as "is"
 * cost more, since they occur in most sentences). Throws when no word is certain to occur: such
 * a pattern cannot be pre-filtered and must be rewritten.
 */
export function triggerWords(pattern: Pick<RegExp, 'source' | 'flags'>): string[] {
  const ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(pattern.source, 0, pattern.source.length, { unicode: pattern.flags.includes('u') });
  const found = requiredOfAlternatives(ast.alternatives, false, false);
  if (!found) throw new Error(`no trigger word can be derived from /${pattern.source}/: every match must contain a literal whole word`);
  return [...found].sort();
}

/** Word characters as the tokenizer sees them; the other symbols of an expansion: */
const SEP = ' '; // a separator (space, punctuation): bounds a word
const BOUND = '\u0003'; // a zero-width word boundary (\b, ^, $): bounds a word
const ANY_WORD_CHAR = '\u0001'; // some word character (\p{L}, \d, [a-z]): a word, but not a literal one
const UNKNOWN = '\u0002'; // a character that may or may not be a word character

/** At most this many strings per expansion (beyond: unknown text). */
const CAP = 512;

/** Words that occur in most sentences: a candidate made of them is a poor pre-filter. */
const COMMON = new Set([
  'a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'of', 'in', 'on', 'at', 'to', 'for',
  'by', 'with', 'from', 'and', 'or', 'as', 'that', 'this', 'it', 'its', 'not', 'no', 'can', 'may', 'will', 'all', 'than',
  'which', 'also',
]);
const cost = (words: Set<string>) => [...words].reduce((n, w) => n + (COMMON.has(w) ? 40 : 1), 0);

function isWordChar(c: string): boolean {
  return /^[\p{L}\p{N}]$/u.test(c);
}

function charString(cp: number): string {
  const c = String.fromCodePoint(cp);
  if (c === '%') return `${SEP}%${SEP}`;
  if (isWordChar(c)) return c.toLowerCase();
  return SEP;
}

/** What one character class element or set stands for: literal characters, any word character, a separator, or unknown. */
type CharKind = { literal: string[] } | 'word' | 'sep' | 'unknown';

function setKind(node: AST.CharacterSet): CharKind {
  switch (node.kind) {
    case 'digit':
    case 'word':
      return node.negate ? 'unknown' : 'word';
    case 'space':
      return node.negate ? 'unknown' : 'sep';
    case 'property': {
      const key = 'value' in node && node.value ? node.value : node.key;
      const wordy = /^(?:L|Lu|Ll|Lt|Lm|Lo|N|Nd|Letter|Lowercase_Letter|Uppercase_Letter|Number|Alphabetic)$/.test(String(key));
      if (!wordy) return 'unknown';
      return node.negate ? 'unknown' : 'word';
    }
    default:
      return 'unknown';
  }
}

function classKind(node: AST.CharacterClass): CharKind {
  if (node.negate) return 'unknown';
  const literal: string[] = [];
  let word = false;
  let sep = false;
  for (const e of node.elements) {
    if (e.type === 'Character') {
      const s = charString(e.value);
      if (s === SEP || s.includes('%')) sep = true;
      else literal.push(s);
    } else if (e.type === 'CharacterClassRange') {
      const lo = String.fromCodePoint(e.min.value);
      if (isWordChar(lo)) word = true;
      else sep = true;
    } else if (e.type === 'CharacterSet') {
      const k = setKind(e);
      if (k === 'word') word = true;
      else if (k === 'sep') sep = true;
      else return 'unknown';
    } else return 'unknown';
  }
  if ((word || literal.length) && sep) return 'unknown';
  if (sep) return 'sep';
  if (word || literal.length > 4) return 'word';
  return { literal: [...new Set(literal)] };
}

function kindStrings(k: CharKind): string[] {
  if (k === 'word') return [ANY_WORD_CHAR];
  if (k === 'sep') return [SEP];
  if (k === 'unknown') return [UNKNOWN];
  return k.literal;
}

/**
 * Does a lookaround bound a word? A negative one of word characters ("(?<![\p{L}\p{N}])") does;
 * so does a positive one each of whose alternatives starts (lookahead) or ends (lookbehind) with
 * a boundary ("(?=\s+here\b|[.;])").
 */
function excludesWordChars(node: AST.Assertion): boolean {
  if (node.kind !== 'lookbehind' && node.kind !== 'lookahead') return false;
  if (!node.negate) {
    const side = node.kind === 'lookahead' ? 'start' : 'end';
    return node.alternatives.every((a) => {
      const e = edge(a, side);
      return e.bounded && !e.canBeEmpty;
    });
  }
  if (node.alternatives.length !== 1 || node.alternatives[0].elements.length !== 1) return false;
  const el = node.alternatives[0].elements[0];
  if (el.type === 'CharacterSet') return setKind(el) === 'word';
  if (el.type !== 'CharacterClass' || el.negate) return false;
  return el.elements.some((e) => e.type === 'CharacterSet' && setKind(e) === 'word');
}

/** Every string a node can match (in the symbols above), or null when there are too many. */
function finite(node: AST.Node): string[] | null {
  switch (node.type) {
    case 'Character':
      return [charString(node.value)];
    case 'CharacterSet':
      return kindStrings(setKind(node));
    case 'CharacterClass':
      return kindStrings(classKind(node));
    case 'Assertion':
      if (node.kind === 'word' && !node.negate) return [BOUND];
      if (node.kind === 'start' || node.kind === 'end') return [BOUND];
      if (excludesWordChars(node)) return [BOUND];
      return ['']; // a lookaround: the words it names need not be in the match
    case 'Group':
    case 'CapturingGroup':
      return union(node.alternatives.map(finite));
    case 'Alternative':
      return product(node.elements.map(finite));
    case 'Quantifier': {
      const inner = finite(node.element);
      if (!inner) return null;
      const sepOnly = inner.every((s) => /^[ \u0003]*$/.test(s));
      if (sepOnly) return node.min === 0 ? ['', SEP] : [SEP];
      if (node.max === 1) return node.min === 0 ? union([[''], inner]) : inner;
      if (node.min === node.max && node.min <= 3) return product(Array.from({ length: node.min }, () => inner));
      return null;
    }
    default:
      return null;
  }
}

function union(lists: (string[] | null)[]): string[] | null {
  const out = new Set<string>();
  for (const l of lists) {
    if (!l) return null;
    for (const s of l) out.add(s);
    if (out.size > CAP) return null;
  }
  return [...out];
}

function product(lists: (string[] | null)[]): string[] | null {
  let acc = [''];
  for (const l of lists) {
    if (!l) return null;
    const next: string[] = [];
    for (const a of acc) for (const b of l) next.push(a + b);
    if (next.length > CAP) return null;
    acc = next;
  }
  return acc;
}

/** How a node meets its neighbour on one side: does it bound a word there, and can it match nothing? */
interface Edge {
  bounded: boolean;
  canBeEmpty: boolean;
}

function edge(node: AST.Node, side: 'start' | 'end'): Edge {
  switch (node.type) {
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass': {
      const strings = finite(node) ?? [UNKNOWN];
      return { bounded: strings.every((x) => x === SEP || x.startsWith(SEP)), canBeEmpty: false };
    }
    case 'Assertion':
      if ((node.kind === 'word' && !node.negate) || node.kind === 'start' || node.kind === 'end' || excludesWordChars(node)) return { bounded: true, canBeEmpty: false };
      return { bounded: true, canBeEmpty: true }; // a lookaround is transparent
    case 'Group':
    case 'CapturingGroup': {
      const edges = node.alternatives.map((a) => edge(a, side));
      return { bounded: edges.every((e) => e.bounded), canBeEmpty: edges.some((e) => e.canBeEmpty) };
    }
    case 'Alternative':
      return seqEdge(node.elements, side, { bounded: true, canBeEmpty: true });
    case 'Quantifier': {
      const e = edge(node.element, side);
      return node.min === 0 ? { bounded: e.bounded, canBeEmpty: true } : e;
    }
    default:
      return { bounded: false, canBeEmpty: false };
  }
}

/**
 * The edge of a sequence on one side. `outer` is what lies beyond the sequence on that side
 * when every element can match nothing.
 */
function seqEdge(els: readonly AST.Node[], side: 'start' | 'end', outer: Edge): Edge {
  const ordered = side === 'end' ? [...els].reverse() : els;
  let bounded = true;
  for (const el of ordered) {
    const e = edge(el, side);
    bounded = bounded && e.bounded;
    if (!e.canBeEmpty) return { bounded, canBeEmpty: false };
  }
  return { bounded: bounded && outer.bounded, canBeEmpty: outer.canBeEmpty };
}

/** Is the text right before element i of a sequence (after it) a word boundary? */
function boundedBefore(els: readonly AST.Node[], i: number, leftBounded: boolean): boolean {
  return seqEdge(els.slice(0, i), 'end', { bounded: leftBounded, canBeEmpty: false }).bounded;
}
function boundedAfter(els: readonly AST.Node[], i: number, rightBounded: boolean): boolean {
  return seqEdge(els.slice(i + 1), 'start', { bounded: rightBounded, canBeEmpty: false }).bounded;
}

/**
 * The literal whole words of a string, given whether its start and end are bounded. A word
 * touching unknown text or a non-literal word character is not whole (or not literal).
 */
function wholeWords(s: string, leftBounded: boolean, rightBounded: boolean): string[] {
  const out: string[] = [];
  const re = /[^ \u0003]+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const w = m[0];
    if (w.includes(ANY_WORD_CHAR) || w.includes(UNKNOWN)) continue;
    const start = m.index;
    const end = start + w.length;
    if (start === 0 && !leftBounded) continue;
    if (end === s.length && !rightBounded) continue;
    out.push(w);
  }
  return out;
}

/**
 * A candidate set from finite strings: words such that each string holds one of them whole
 * (a greedy set cover, cheapest word per string covered first), or null when a string has none.
 */
function fromStrings(strings: string[], leftBounded: boolean, rightBounded: boolean): Set<string> | null {
  const per = strings.map((s) => new Set(wholeWords(s, leftBounded, rightBounded)));
  if (per.some((ws) => ws.size === 0)) return null;
  const words = new Set<string>();
  let open = per;
  while (open.length) {
    const count = new Map<string, number>();
    for (const ws of open) for (const w of ws) count.set(w, (count.get(w) ?? 0) + 1);
    let pick = '';
    let score = Infinity;
    for (const [w, n] of count) {
      const sc = (COMMON.has(w) ? 40 : 1) / n - w.length * 1e-6;
      if (sc < score) {
        score = sc;
        pick = w;
      }
    }
    words.add(pick);
    open = open.filter((ws) => !ws.has(pick));
  }
  return words;
}

function better(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (!a) return b;
  if (!b) return a;
  return cost(b) < cost(a) ? b : a;
}

/** Words one of which every match of any alternative contains; null when one alternative has none. */
function requiredOfAlternatives(alts: AST.Alternative[], leftBounded: boolean, rightBounded: boolean): Set<string> | null {
  const out = new Set<string>();
  for (const alt of alts) {
    const r = requiredOfAlternative(alt, leftBounded, rightBounded);
    if (!r) return null;
    for (const w of r) out.add(w);
  }
  return out;
}

function requiredOfAlternative(alt: AST.Alternative, leftBounded: boolean, rightBounded: boolean): Set<string> | null {
  const els = alt.elements;
  const fin = els.map(finite);
  let best: Set<string> | null = null;
  // Runs of expandable parts.
  for (let i = 0; i < els.length; i++) {
    if (!fin[i]) continue;
    let j = i;
    while (j + 1 < els.length && fin[j + 1]) j++;
    const strings = product(fin.slice(i, j + 1));
    if (strings) best = better(best, fromStrings(strings, boundedBefore(els, i, leftBounded), boundedAfter(els, j, rightBounded)));
    i = j;
  }
  // Each group on its own (one that cannot be expanded, or whose run had too many strings):
  // its own required words, bounded by what stands next to it.
  for (let i = 0; i < els.length; i++) {
    let el: AST.Node = els[i];
    if (el.type === 'Quantifier') {
      if (el.min === 0) continue;
      el = el.element;
    }
    if (el.type !== 'Group' && el.type !== 'CapturingGroup') continue;
    best = better(best, requiredOfAlternatives(el.alternatives, boundedBefore(els, i, leftBounded), boundedAfter(els, i, rightBounded)));
  }
  return best;
}
