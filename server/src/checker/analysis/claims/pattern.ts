/**
 * A pattern of the claim data, compiled when it first runs. The classifier runs most `iu`
 * patterns as a copy without `i` on the lower-cased sentence (classify.ts), and a pattern whose
 * trigger words never occur does not run at all: a regular expression made at load would be
 * parsed for nothing (about 80 of them, ~10 ms of every start). Its trigger words are looked up
 * by source and flags (triggers.ts), which need no compile.
 */
export interface ClaimRegExp {
  /** As RegExp#source: the table of trigger words (triggers.generated.ts) is keyed by it. */
  readonly source: string;
  readonly flags: string;
  readonly global: boolean;
  readonly sticky: boolean;
  exec(text: string): RegExpExecArray | null;
  test(text: string): boolean;
}

class LazyRegExp implements ClaimRegExp {
  #re: RegExp | undefined;
  constructor(
    readonly source: string,
    readonly flags: string,
  ) {}
  get global(): boolean {
    return this.flags.includes('g');
  }
  get sticky(): boolean {
    return this.flags.includes('y');
  }
  exec(text: string): RegExpExecArray | null {
    return (this.#re ??= new RegExp(this.source, this.flags)).exec(text);
  }
  test(text: string): boolean {
    return (this.#re ??= new RegExp(this.source, this.flags)).test(text);
  }
}

/** `new RegExp(source, flags)`, made on first use (write the source with String.raw, as the literal's body). */
export function lazyPattern(source: string, flags: string): ClaimRegExp {
  return new LazyRegExp(source, flags);
}

/**
 * Sentences are almost all written in Latin (and Greek: "μg") letters, but a Unicode property
 * class (`\p{L}`) is built, and emitted as machine code, at each place a pattern names it: about
 * 45 % of the claim patterns' compile time, and compiling is most of their cost in one check
 * (78 of them compile in a cold check of the bench manuscript: 35 of their 41 ms). So each
 * pattern without `i` also has a copy with `\p{L}` and `\p{N}` written as the ranges of letters
 * and numbers below U+0400 (LOW), which compiles in about 55 % of the time and matches the same
 * strings at the same offsets on a text with no letter or number at or above U+0400 (a class
 * then holds a character of the text if and only if the property does; without `i` no case
 * folding widens either). A sentence with such a letter runs the pattern itself.
 */
const LOW = 0x400;

/** A text whose letters and numbers are all below U+0400 (where the copies match the same). */
const HIGH_LETTER_OR_NUMBER = /[^\P{L}\0-\u03ff]|[^\P{N}\0-\u03ff]/u;
/** Any character at or above U+0400 (a code unit: a surrogate is one): a tenth of the cost of the test above, which most sentences then skip. */
const HIGH = /[^\0-\u03ff]/;
export const lowLettersOnly = (text: string): boolean => !HIGH.test(text) || !HIGH_LETTER_OR_NUMBER.test(text);

let lowRanges: Record<string, string> | undefined;
/** The characters below LOW of a property, as class ranges read from the property itself (so the running engine's Unicode version). */
function rangesBelowLow(property: RegExp): string {
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  let out = '';
  let lo = -1;
  for (let c = 0; c <= LOW; c++) {
    const yes = c < LOW && property.test(String.fromCharCode(c));
    if (yes && lo < 0) lo = c;
    else if (!yes && lo >= 0) {
      out += lo === c - 1 ? hex(lo) : `${hex(lo)}-${hex(c - 1)}`;
      lo = -1;
    }
  }
  return out;
}

/**
 * The source of a pattern without `i` with each `\p{L}` and `\p{N}` replaced by its ranges
 * below U+0400 (`[…]`, or the bare ranges inside a class), or undefined when it has none or
 * names another property or a negated one (`\P{…}`), or has flags other than `u`.
 */
export function lowLetterSource(source: string, flags: string): string | undefined {
  if (flags !== 'u') return undefined;
  let out = '';
  let inClass = false;
  let changed = false;
  for (const [tok] of source.matchAll(/\\[pP]\{[^}]*\}|\\.|[[\]]|[^\\[\]]+/gsu)) {
    if (tok.startsWith('\\p{') || tok.startsWith('\\P{')) {
      const name = tok.slice(3, -1);
      if (tok[1] !== 'p' || (name !== 'L' && name !== 'N')) return undefined;
      lowRanges ??= { L: rangesBelowLow(/^\p{L}$/u), N: rangesBelowLow(/^\p{N}$/u) };
      out += inClass ? lowRanges[name] : `[${lowRanges[name]}]`;
      changed = true;
      continue;
    }
    // Under `u` (without `v`) a "[" inside a class is that character: classes do not nest.
    if (tok === '[') inClass = true;
    else if (tok === ']') inClass = false;
    out += tok;
  }
  return changed ? out : undefined;
}
