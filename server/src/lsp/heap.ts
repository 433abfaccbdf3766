/**
 * The language server's process's memory: a cap on V8's young generation (below), and a
 * compacting collection once the server has been idle for a few seconds (collectWhenIdle).
 *
 * A cap on V8's young generation for the language server's process. V8 doubles the young
 * generation whenever much of it survives a scavenge, up to 32 MB (two 16 MB semi-spaces), and a
 * check of a 300 KB manuscript makes it grow there at the first check: a third of the server's
 * memory after a few edits (RSS ~145 MB, of which ~34 MB young generation). `--max-semi-space-size`
 * would cap it, but it is read only when the process starts, and the server is started as
 * `caselint-language-server` by any editor (no Node options of ours). V8 reads its growth factor
 * at each growth, though: so the server lets it double (V8's factor 2) until it reaches the cap
 * and then stops it growing (factor 1), and lets it grow again when V8 shrank it (when the server
 * is idle, V8's memory reducer shrinks it to 1 MB; typing makes it grow back to the cap).
 * Measured on the bench's 200 edits of 300 KB (bench/lsp-keystrokes.ts): RSS after the edits
 * ~145 → ~117 MB, the server's CPU time per edit unchanged within the noise (main thread
 * ~19–20 ms either way); a young generation stopped at 1 MB saved a little more (~112 MB) but
 * cost ~13 % more CPU (more objects live through a scavenge and are promoted).
 * The cap was 8 MB (two 4 MB semi-spaces) until the checker kept less per re-check; at 4 MB (two
 * 2 MB semi-spaces), three interleaved series on the loaded two-core machine (6, 6 and 4 pairs,
 * the last typed at 100 ms per key): RSS after the edits ~109 → ~105, ~108 → ~105 and ~107 →
 * ~101 MB, after a pause ~94 → ~90 MB; the main thread's CPU per edit +1.0, −0.3 and ±0 ms (of
 * 11–14), all threads' +0.9, +0.3 and ±0 ms (earlier sessions measured +3–7 % on the main thread).
 *
 * `adjust` is cheap (one look at V8's space sizes, ~10 µs): the analyzer calls it when a check
 * yields (every few ms of work) and when it ends, so the cap is overshot by a doubling or so.
 * Loading the server's bundle alone would grow it to 16 MB, so the server's entry
 * (entries/server.ts) stops its growth before that, and the first check lets it grow to the cap.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Young generation (both semi-spaces) at which the server stops it growing, in MB. */
export const YOUNG_GENERATION_CAP_MB = 4;

export interface YoungGenerationCap {
  /** Looks at the young generation's size; stops or resumes its growth. */
  adjust(): void;
  /** Whether growth is stopped now (tests). */
  readonly stopped: boolean;
}

export function capYoungGeneration(
  capMB = YOUNG_GENERATION_CAP_MB,
  /** The young generation's size in bytes (tests). */
  size: () => number = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0,
  /** Sets a V8 flag (tests). */
  setFlag: (flag: string) => void = setFlagsFromString,
): YoungGenerationCap {
  const cap = capMB * 1024 * 1024;
  // Unknown at first: the process may have stopped it before loading the bundle (entries/server.ts).
  let stopped: boolean | undefined;
  return {
    adjust() {
      const full = size() >= cap;
      // Below the cap the factor is set at each look (~6 µs): launch.ts sets the starting one (1)
      // back when it makes the code cache, which would stop the growth short of the cap.
      if (full && stopped === true) return;
      stopped = full;
      setFlag(full ? '--semi-space-growth-factor=1' : '--semi-space-growth-factor=2');
    },
    get stopped() {
      return stopped === true;
    },
  };
}

/**
 * After this long without a step of a check (ms), the server collects its garbage once, compacting
 * (collectGarbage). While a writer types, V8 lets the old generation grow by 8 MB or a quarter,
 * whichever is more (entries/server.ts), past what its last full collection left, and compacts
 * only its most fragmented pages; the young generation stays at its cap. After the bench's 200
 * edits of the 300 KB manuscript that is ~110–116 MB resident, of which V8's own memory reducer
 * gave back ~20 MB 15 s after the last edit, and nothing within 8 s (measured). The
 * collection takes ~60 ms of CPU (10–30 ms of it on the main thread, the rest on V8's GC threads)
 * and leaves ~98 MB (bench/lsp.ts's reading after a pause). Shorter pauses in typing do not pay it;
 * an edit that arrives during it waits for it.
 */
export const IDLE_COLLECT_AFTER_MS = 3000;

export interface IdleCollector {
  /** A check did some work: the idle time starts again. */
  busy(): void;
  /** Forgets the pending collection (a server that stops). */
  dispose(): void;
}

/**
 * Runs `collect` once the server has been idle for `afterMs` since the last `busy()`, and not again
 * until the next `busy()`. The timer keeps no process alive (unref).
 */
export function collectWhenIdle(afterMs = IDLE_COLLECT_AFTER_MS, collect: () => void = collectGarbage): IdleCollector {
  let timer: NodeJS.Timeout | undefined;
  let pending = false;
  const fire = () => {
    pending = false;
    try {
      collect();
    } catch {
      // Only memory is at stake: V8 collects on its own.
    }
  };
  return {
    busy() {
      pending = true;
      // refresh() restarts the timer without making a new one (this runs at every yield of a check).
      if (timer) timer.refresh();
      else (timer = setTimeout(() => pending && fire(), afterMs)).unref();
    },
    dispose() {
      pending = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}

let gc: (() => void) | undefined;

/**
 * V8's full garbage collection (mark-compact of all generations), as `node --expose-gc` gives it:
 * the flag makes V8 install `gc` in contexts made after it is set, so one context is made for it.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
    // Back to the default (gc stays): V8 rejects a code cache made under other flags (launch.ts).
    setFlagsFromString('--no-expose-gc');
  }
  // Compacting every page with free space in it, not only the most fragmented ones as V8 does by
  // default: the space the checks' garbage left between live objects goes back to the system
  // (~10 MB more on the bench's manuscript). Too slow for every collection (the server's CPU time
  // per edit +25 % with the flag always on), it is only set for this one.
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    gc();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}
