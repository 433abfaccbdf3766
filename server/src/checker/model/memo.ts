import type { Memo } from '../types';
import type { Steps } from '../steps';

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
 *
 * The copy is a slice of `s + ' '` (flattened into a string of its own by the slice): it keeps the
 * encoding of `s`, as a slice of the text does. V8 compiles each regular expression once for
 * one-byte and once more for two-byte subjects, and a document with any character above U+00FF
 * (a curly quote) is two-byte, as are all slices of it; a copy through JSON (as before) made the
 * memoised paragraphs without one one-byte, and so every pattern ran on both (the server's
 * compiled code ~11.3 -> ~9.1 MB on the bench's 300 KB manuscript, for ~1.3 MB more text held).
 *
 * A GenerationalMemo gives the copy it already made of the same text for this check or the last
 * (copyOf): a paragraph's plain text is copied once, not once for the parse, once for its
 * sentences and once for its block's record.
 */
export function detached(memo: Memo | undefined, s: string): string {
  if (!memo || s.length <= 12) return s;
  return memo instanceof GenerationalMemo ? memo.copyOf(s) : copied(s);
}

const copied = (s: string) => `${s} `.slice(0, -1);

/** A memoised value (or a detached copy), and the last check that used it (GenerationalMemo). */
interface Stamped<T> {
  value: T;
  generation: number;
}

/** Drops the entries that no check since `done` used. */
function forgetUnused<K>(map: Map<K, Stamped<unknown>>, done: number): void {
  // (forEach: no [key, value] pair made per entry, as for…of would.)
  map.forEach((entry, key) => {
    if (entry.generation < done) map.delete(key);
  });
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
 * The maps hold the keys these two checks looked up (a key that is a slice of this check's text
 * keeps this version alive until two checks later); a key that later checks reuse must be a copy.
 *
 * One map per space, each entry stamped with the last check that used it, and `next()` drops
 * those the completed check did not use: a lookup found costs one map lookup and a stamp, not
 * an insertion into a map that each check would build again from empty (a re-check of the
 * bench's 300 KB manuscript looks up some ten thousand values).
 */
export class GenerationalMemo implements Memo {
  private values = new Map<string, Map<string, Stamped<unknown>>>();
  /** The check running now (incremented by next()). */
  private generation = 0;
  /**
   * Values that the work of a block looked up (heldBy), kept for as long as the block's record
   * lives although no check asks for them: a block whose findings are reused (engine/blocks.ts)
   * does not run its work, so without this its sentences' decisions would be forgotten two
   * checks later, and the first edit of the paragraph would decide every one of its sentences
   * again instead of the one edited. Looked in only when neither generation has the key.
   */
  private held = new Map<string, Map<string, Held>>();
  /** The lookups of the heldBy work running now (with their values). */
  private recording: MemoUse[] | undefined;
  /** One weak reference per owner. */
  private refs = new WeakMap<object, WeakRef<object>>();
  /** The copies detached() made for this check and the last (each its own key), by their text. */
  private copies = new Map<string, Stamped<string>>();
  /** Lookups answered from the memo and computed (tests, bench). */
  hits = 0;
  misses = 0;

  /** The map of a space's values. */
  private valuesOf(space: string): Map<string, Stamped<unknown>> {
    let map = this.values.get(space);
    if (!map) this.values.set(space, (map = new Map()));
    return map;
  }

  get<T>(space: string, key: string, compute: () => T): T {
    const map = this.valuesOf(space);
    let entry = map.get(key);
    let value: T;
    if (entry !== undefined) {
      this.hits++;
      entry.generation = this.generation;
      value = entry.value as T;
    } else {
      const kept = this.held.get(space)?.get(key);
      if (kept && kept.owners.some((o) => o.deref() !== undefined)) {
        this.hits++;
        value = kept.value as T;
      } else {
        this.misses++;
        value = compute();
      }
      map.set(key, (entry = { value, generation: this.generation }));
    }
    if (this.recording) this.recording.push({ space, key, value, entry });
    return value;
  }

  /**
   * A copy of `s` that shares no memory with it (memo.ts, detached): the one made for this check
   * or the last when there is one with the same text, else a new one. The copies are their own
   * keys, so the maps keep no slice of a document alive.
   */
  copyOf(s: string): string {
    const known = this.copies.get(s);
    if (known !== undefined) {
      known.generation = this.generation;
      return known.value;
    }
    const copy = copied(s);
    this.copies.set(copy, { value: copy, generation: this.generation });
    return copy;
  }

  /**
   * Runs `work` and holds what it looked up in the memo for as long as `owner` is alive (a
   * block's record: engine/check.ts), even through checks that do not ask for it. Memory stays
   * bounded by what live owners hold: entries of owners gone are swept every SWEEP_EVERY checks.
   */
  heldBy<T>(owner: object, work: () => T): T {
    const outer = this.recording;
    const uses: { space: string; key: string; value: unknown }[] = [];
    this.recording = uses;
    try {
      return work();
    } finally {
      this.recording = outer;
      if (outer) for (const u of uses) outer.push(u);
      if (uses.length) {
        let ref = this.refs.get(owner);
        if (!ref) this.refs.set(owner, (ref = new WeakRef(owner)));
        for (const { space, key, value } of uses) {
          let m = this.held.get(space);
          if (!m) this.held.set(space, (m = new Map()));
          const kept = m.get(key);
          if (!kept) m.set(key, { value, owners: [ref] });
          else if (!kept.owners.includes(ref)) {
            // (A few owners are enough: the value is the key's whoever holds it; one gone too soon is computed again.)
            if (kept.owners.length >= MAX_OWNERS) kept.owners.shift();
            kept.owners.push(ref);
          }
        }
      }
    }
  }

  /**
   * Runs `work` and returns what it looked up in the memo (with the values), for a later check
   * that reuses its result instead of running it (engine/reuse.ts) to keep (touch).
   */
  recorded<T>(work: () => T): { value: T; uses: MemoUse[] } {
    const outer = this.recording;
    const uses: MemoUse[] = [];
    this.recording = uses;
    try {
      return { value: work(), uses };
    } finally {
      this.recording = outer;
      if (outer) for (const u of uses) outer.push(u);
    }
  }

  /** Keeps what an earlier work looked up (recorded) as if this check had looked it up. */
  touch(uses: readonly MemoUse[]): void {
    for (const use of uses) {
      // An entry this check or the last used is in its map still (next() keeps those): stamped
      // as it is, with no lookup (a reused rule's uses are touched at every check, some thousand).
      const known = use.entry;
      if (known !== undefined && known.generation >= this.generation - 1) known.generation = this.generation;
      else {
        const map = this.valuesOf(use.space);
        let entry = map.get(use.key);
        if (entry !== undefined) entry.generation = this.generation;
        else map.set(use.key, (entry = { value: use.value, generation: this.generation }));
        use.entry = entry;
      }
      if (this.recording) this.recording.push(use);
    }
  }

  /** A check completed: what it used is kept for the next one, anything older goes. */
  next(): void {
    const done = this.generation++;
    this.values.forEach((map, space) => {
      forgetUnused(map, done);
      if (!map.size) this.values.delete(space);
    });
    forgetUnused(this.copies, done);
    if (this.generation % SWEEP_EVERY === 0) this.sweep();
  }

  /** Drops the held values whose owners are all gone (collected). */
  private sweep(): void {
    for (const [space, m] of this.held) {
      for (const [key, kept] of m) {
        kept.owners = kept.owners.filter((o) => o.deref() !== undefined);
        if (!kept.owners.length) m.delete(key);
      }
      if (!m.size) this.held.delete(space);
    }
  }

  /** Forgets everything (the document closed, or its config changed). */
  clear(): void {
    this.values = new Map();
    this.held = new Map();
    this.copies = new Map();
    // (No entry of the maps dropped may pass for one of this check or the last: touch.)
    this.generation += 2;
  }

  /** How many values are held (tests: bounded). */
  get size(): number {
    let n = 0;
    for (const m of this.values.values()) n += m.size;
    for (const [space, m] of this.held) {
      const values = this.values.get(space);
      for (const [k, kept] of m) if (!values?.has(k) && kept.owners.some((o) => o.deref() !== undefined)) n++;
    }
    return n;
  }
}

/** A lookup of the memo: its space, key and value. */
export interface MemoUse {
  space: string;
  key: string;
  value: unknown;
  /** The entry of the value (GenerationalMemo), for touch to stamp without looking it up. */
  entry?: Stamped<unknown>;
}

interface Held {
  value: unknown;
  owners: WeakRef<object>[];
}

/** At most this many owners per held value. */
const MAX_OWNERS = 4;

/** How often (in checks) the values held by owners now gone are dropped. */
const SWEEP_EVERY = 16;

/**
 * `work()`, with what it looks up in the memo held for as long as `owner` lives (see
 * GenerationalMemo.heldBy); at once without a memo that holds.
 */
export function heldBy<T>(memo: Memo | undefined, owner: object, work: () => T): T {
  return memo instanceof GenerationalMemo ? memo.heldBy(owner, work) : work();
}

/** `work()` and what it looked up in the memo (GenerationalMemo.recorded); nothing recorded without one. */
export function recordedUses<T>(memo: Memo | undefined, work: () => T): { value: T; uses: readonly MemoUse[] } {
  return memo instanceof GenerationalMemo ? memo.recorded(work) : { value: work(), uses: [] };
}

/**
 * Steps run to their end, each slice recorded (recordedUses): their result and what they looked
 * up, yielding where they yield (a host that drives them pauses there, steps.ts).
 */
export function* recordedSteps<T>(memo: Memo | undefined, steps: Steps<T>): Steps<{ value: T; uses: readonly MemoUse[] }> {
  const uses: MemoUse[] = [];
  let done = false;
  try {
    for (;;) {
      const r = recordedUses(memo, () => steps.next());
      for (const u of r.uses) uses.push(u);
      if (r.value.done) {
        done = true;
        return { value: r.value.value, uses };
      }
      yield;
    }
  } finally {
    if (!done) steps.return(undefined as T);
  }
}

/** Keeps what a recorded work looked up, for a check that reuses its result (GenerationalMemo.touch). */
export function touchUses(memo: Memo | undefined, uses: readonly MemoUse[]): void {
  if (memo instanceof GenerationalMemo) memo.touch(uses);
}
