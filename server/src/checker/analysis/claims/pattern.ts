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
