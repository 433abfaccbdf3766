import type { Memo } from '../types';

/**
 * `compute()`, through the memo when there is one (the incremental checker), else at once.
 * Callers key the work by every input it reads: the result must equal a fresh computation.
 */
export function memoised<T>(memo: Memo | undefined, space: string, key: string, compute: () => T): T {
  return memo ? memo.get(space, key, compute) : compute();
}

/**
 * A string for a memoised value to keep: with a memo, a copy that shares no memory with the text
 * it was cut from (without one, the string itself). V8 makes a slice of a long string a view that
 * keeps the whole string alive, so a paragraph's plain text kept by the memo would keep the whole
 * text of the document version it was cut from, one version per edit (tens of MB after a few
 * hundred edits of a 300 KB manuscript). Strings cut from the copy keep only the copy.
 */
export function detached(memo: Memo | undefined, s: string): string {
  return memo && s.length > 12 ? (JSON.parse(JSON.stringify(s)) as string) : s;
}

/**
 * Keys are best the very strings of the model (a paragraph's plain text, a sentence's text, which
 * a re-check takes from the memo and so are the same objects from check to check), with any other
 * input in the space: a string's hash is computed once and kept with it, and a key found is then
 * the same object, so a lookup costs nothing like the key's length; a key built anew at each check
 * ('p' + text) is hashed, character by character, each time.
 *
 * A memo that keeps what the last completed check and the current one used: `next()` ends a
 * check, and whatever the check before it did not ask for is forgotten. Memory stays bounded by two checks'
 * worth of entries however long a document is edited; an undo finds the previous text's work.
 * Each check's map holds the keys it looked up (a key that is a slice of this check's text keeps
 * this version alive until two checks later); a key that later checks reuse must be a copy.
 */
export class GenerationalMemo implements Memo {
  private current = new Map<string, Map<string, unknown>>();
  private previous = new Map<string, Map<string, unknown>>();
  /** Lookups answered from the memo and computed (tests, bench). */
  hits = 0;
  misses = 0;

  get<T>(space: string, key: string, compute: () => T): T {
    let now = this.current.get(space);
    if (!now) this.current.set(space, (now = new Map()));
    // One lookup for a value found (a value is undefined only when a computation returned it).
    let value = now.get(key) as T | undefined;
    if (value !== undefined || now.has(key)) {
      this.hits++;
      return value as T;
    }
    const before = this.previous.get(space);
    value = before?.get(key) as T | undefined;
    if (value !== undefined || before?.has(key)) {
      this.hits++;
    } else {
      this.misses++;
      value = compute();
    }
    now.set(key, value as T);
    return value as T;
  }

  /** A check completed: what it used is kept for the next one, anything older goes. */
  next(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** Forgets everything (the document closed, or its config changed). */
  clear(): void {
    this.current = new Map();
    this.previous = new Map();
  }

  /** How many values are held (tests: bounded). */
  get size(): number {
    let n = 0;
    for (const m of this.current.values()) n += m.size;
    for (const [space, m] of this.previous) {
      const now = this.current.get(space);
      for (const k of m.keys()) if (!now?.has(k)) n++;
    }
    return n;
  }
}
