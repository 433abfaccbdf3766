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
 * check, and whatever that check did not ask for is forgotten. Memory stays bounded by two checks'
 * worth of entries however long a document is edited; an undo finds the previous text's work.
 * Each entry carries the number of the last check that used it (a found value costs one map
 * lookup and no allocation), and `next()` sweeps out those the ending check did not use.
 */
export class GenerationalMemo implements Memo {
  private spaces = new Map<string, Map<string, { value: unknown; used: number }>>();
  /** The number of the check under way (the checks completed so far). */
  private generation = 0;
  /** Lookups answered from the memo and computed (tests, bench). */
  hits = 0;
  misses = 0;

  get<T>(space: string, key: string, compute: () => T): T {
    let entries = this.spaces.get(space);
    if (!entries) this.spaces.set(space, (entries = new Map()));
    const entry = entries.get(key);
    if (entry) {
      this.hits++;
      entry.used = this.generation;
      return entry.value as T;
    }
    this.misses++;
    const value = compute();
    entries.set(key, { value, used: this.generation });
    return value;
  }

  /** A check completed: what it used is kept for the next one, anything older goes. */
  next(): void {
    for (const [space, entries] of this.spaces) {
      for (const [key, entry] of entries) if (entry.used < this.generation) entries.delete(key);
      if (!entries.size) this.spaces.delete(space);
    }
    this.generation++;
  }

  /** Forgets everything (the document closed, or its config changed). */
  clear(): void {
    this.spaces = new Map();
  }

  /** How many values are held (tests: bounded). */
  get size(): number {
    let n = 0;
    for (const entries of this.spaces.values()) n += entries.size;
    return n;
  }
}
