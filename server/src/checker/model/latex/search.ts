/**
 * The scanner's searches for a closing delimiter, in time linear in the text over all searches.
 *
 * Each search is first made directly, as it always was: from the opener to its closer. That is
 * what almost every manuscript needs, and costs little. But an unclosed `\cite{`, `\item[` or
 * `\[` is searched for up to the end of its paragraph or of the file, and a thousand of them
 * rescanned the rest of the file a thousand times. So each kind of search has a budget (a few
 * times the length of the text, summed over its direct searches); once it is spent, one pass
 * over the text builds an index that answers every later search of that kind at once. The
 * answers are the same either way (test/checker/linear-time.test.ts compares them).
 */

/** Direct-search steps allowed per kind of search before its index is built: 2 × length + 64 K. */
export function searchBudget(text: string): number {
  return 2 * text.length + 65536;
}

/** Does a line end at k: \n, or a \r not followed by \n (a \r\n ends at its \n)? */
function endsLine(text: string, k: number): boolean {
  const ch = text[k];
  return ch === '\n' || (ch === '\r' && text[k + 1] !== '\n');
}

function isBlankLineAt(text: string, p: number): boolean {
  while (p < text.length && (text[p] === ' ' || text[p] === '\t')) p++;
  return p < text.length && (text[p] === '\n' || text[p] === '\r');
}

/**
 * Where the balanced group opening at p ends (exclusive, after the closer), or -1: the scanner's
 * `groupEnd`. A backslash escapes the next character; a `%` comment (unless verbatim) runs to
 * the end of its line; for `{` groups a blank line ends the search (-1).
 */
export class GroupEnds {
  private spent = 0;
  /** next[] of the index: for each position, the first later position the group search may end at. */
  private index: Int32Array | undefined;

  constructor(
    private readonly text: string,
    private readonly open: string,
    private readonly close: string,
    private readonly verbatim: boolean,
 
    /** Direct-search steps before the index is built (tests pass 0). */
    private readonly budget = searchBudget(text),
  ) {}

  end(p: number): number {
    const text = this.text;
    if (p >= text.length || text[p] !== this.open) return this.direct(p);
    if (!this.index && this.spent >= this.budget) this.index = this.build();
    if (this.index) return p + 1 < text.length ? this.index[p + 1] : -1;
    return this.direct(p);
  }

  /** The search as a plain loop (also what the index is checked against). */
  direct(p: number): number {
    const { text, open, close, verbatim } = this;
    let depth = 0;
    let k = p;
    try {
      for (; k < text.length; k++) {
        const ch = text[k];
        if (ch === '\\') {
          k++;
          continue;
        }
        if (ch === '%' && !verbatim) {
          // The comment and its line end (\r\n as one).
          while (k < text.length && text[k] !== '\n' && text[k] !== '\r') k++;
          if (text[k] === '\r' && text[k + 1] === '\n') k++;
          continue;
        }
        if (open === '{' && endsLine(text, k) && isBlankLineAt(text, k + 1)) return -1;
        if (ch === open) depth++;
        else if (ch === close) {
          depth--;
          if (depth === 0) return k + 1;
        }
      }
      return -1;
    } finally {
      this.spent += k - p + 1;
    }
  }

  /**
   * The search steps from each position to the next one (skipping an escaped character, a
   * comment), so the positions form a forest whose edges point forward; a blank line (for `{`)
   * and the end of the text are roots. phi(k) = the sum of +1 (opener) and -1 (closer) from k
   * to its root. A search from an opener at p, at depth 1 on p + 1, ends right after the first
   * closer that brings the depth back to 0, which is the first position after p + 1 on its way
   * to the root whose phi is greater than phi(p + 1). That "next greater" position is computed
   * for every position in one backward pass: phi moves by at most one per step, so each takes at
   * most two jumps along positions already computed.
   */
  private build(): Int32Array {
    const { text, open, close, verbatim } = this;
    const n = text.length;
    const phi = new Int32Array(n + 1);
    const greater = new Int32Array(n + 1);
    greater[n] = -1;
    let lineEnd = n;
    let nonBlank = n;
    for (let i = n - 1; i >= 0; i--) {
      const ch = text[i];
      // nonBlank and lineEnd still describe i + 1 here.
      const blankAfter = nonBlank < n && (text[nonBlank] === '\n' || text[nonBlank] === '\r');
      if (ch === '\n' || ch === '\r') lineEnd = i;
      if (ch !== ' ' && ch !== '\t') nonBlank = i;
      let next: number;
      let w = 0;
      if (ch === '\\') next = Math.min(i + 2, n);
      else if (ch === '%' && !verbatim) next = Math.min(lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1), n);
      else if (open === '{' && blankAfter && endsLine(text, i)) {
        phi[i] = 0;
        greater[i] = -1;
        continue;
      } else {
        next = i + 1;
        w = ch === open ? 1 : ch === close ? -1 : 0;
      }
      const v = w + phi[next];
      phi[i] = v;
      let g = next;
      while (g >= 0 && phi[g] <= v) g = greater[g];
      greater[i] = g;
    }
    return greater;
  }
}

/**
 * Where math opened before `from` closes: the offset of `closer` (`$`, `$$`, `\]`, `\)`), or -1
 * when a blank line or `end` comes first. A backslash escapes the next character (unless it
 * starts the closer).
 */
export class MathClosers {
  private spent = 0;
  /** For each position: 0 unknown, c + 1 when the search from there finds the closer at c, -(b + 1) when it stops at b. */
  private memo: Int32Array | undefined;

  constructor(
    private readonly text: string,
    private readonly closer: string,
 
    /** Direct-search steps before the index is built (tests pass 0). */
    private readonly budget = searchBudget(text),
  ) {}

  find(from: number, end: number): number {
    if (!this.memo && this.spent >= this.budget) this.memo = new Int32Array(this.text.length + 1);
    if (!this.memo) return this.direct(from, end);
    const r = this.outcome(from);
    return r > 0 && r - 1 < end ? r - 1 : -1;
  }

  /** One step of the search at k: the next position, or a final outcome (encoded as in memo) when it stops at k. */
  private step(k: number): { next: number } | { outcome: number } {
    const { text, closer } = this;
    const ch = text[k];
    if (ch === '\\' && !(closer.startsWith('\\') && text.startsWith(closer, k))) return { next: k + 2 };
    if (text.startsWith(closer, k)) return { outcome: k + 1 };
    if (endsLine(text, k) && isBlankLineAt(text, k + 1)) return { outcome: -(k + 1) };
    return { next: k + 1 };
  }

  direct(from: number, end: number): number {
    let k = from;
    try {
      while (k < end) {
        const s = this.step(k);
        if ('outcome' in s) return s.outcome > 0 ? k : -1;
        k = s.next;
      }
      return -1;
    } finally {
      this.spent += k - from + 1;
    }
  }

  /** The outcome of the search from `from` whatever the end: walk to a known position or a stop, then record it along the way. */
  private outcome(from: number): number {
    const memo = this.memo!;
    const n = this.text.length;
    let k = from;
    let result = 0;
    while (result === 0) {
      if (k >= n) result = -(n + 1);
      else if (memo[k] !== 0) result = memo[k];
      else {
        const s = this.step(k);
        if ('outcome' in s) result = s.outcome;
        else k = s.next;
      }
    }
    for (let j = from; j < n && memo[j] === 0; ) {
      memo[j] = result;
      const s = this.step(j);
      if ('outcome' in s) break;
      j = s.next;
    }
    return result;
  }
}

/**
 * The \end{name} matching a \begin{name} whose body starts at `from`, for one environment name.
 * `re` matches \begin{name} (group 1 set) or \end{name}, global.
 */
export class EnvironmentEnds {
  private spent = 0;
  private tokens: { index: number; length: number; begin: boolean }[] | undefined;
  /** See build. */
  private greater: Int32Array | undefined;

  constructor(
    private readonly text: string,
    private readonly re: RegExp,
 
    /** Direct-search steps before the index is built (tests pass 0). */
    private readonly budget = searchBudget(text),
  ) {}

  find(from: number): { innerEnd: number; end: number } | null {
    if (!this.tokens && this.spent >= this.budget) this.build();
    if (!this.tokens) return this.direct(from);
    const tokens = this.tokens;
    // The first token at or after from; the body is at depth 1 before it.
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].index < from) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= tokens.length) return null;
    // The body is at depth 1 before token lo; the search ends at the end token just before the first
    // t > lo whose suffix sum is greater than lo's (see build).
    const g = this.greater![lo];
    if (g < 0) return null;
    const t = tokens[g - 1];
    return { innerEnd: t.index, end: t.index + t.length };
  }

  direct(from: number): { innerEnd: number; end: number } | null {
    const re = this.re;
    re.lastIndex = from;
    let depth = 1;
    let m: RegExpExecArray | null = null;
    try {
      while ((m = re.exec(this.text))) {
        if (m[1] !== undefined) depth++;
        else if (--depth === 0) return { innerEnd: m.index, end: m.index + m[0].length };
      }
      return null;
    } finally {
      this.spent += (m ? re.lastIndex : this.text.length) - from + 1;
    }
  }

  /**
   * Every \begin{name} and \end{name} in order, and for each token t the first u > t whose suffix
   * sum s(u) = Σ_{v ≥ u} (begin ? +1 : -1) is greater than s(t) (s(len) = 0): from token t at depth 1,
   * depth 0 is reached on the end token u - 1. Sums move by one per token, so each takes at most two jumps.
   */
  private build(): void {
    const re = this.re;
    const tokens: { index: number; length: number; begin: boolean }[] = [];
    re.lastIndex = 0;
    for (let m; (m = re.exec(this.text)); ) tokens.push({ index: m.index, length: m[0].length, begin: m[1] !== undefined });
    const len = tokens.length;
    const s = new Int32Array(len + 1);
    const greater = new Int32Array(len + 1);
    greater[len] = -1;
    for (let t = len - 1; t >= 0; t--) {
      const v = (tokens[t].begin ? 1 : -1) + s[t + 1];
      s[t] = v;
      let g = t + 1;
      while (g >= 0 && s[g] <= v) g = greater[g];
      greater[t] = g;
    }
    this.tokens = tokens;
    this.greater = greater;
  }
}
