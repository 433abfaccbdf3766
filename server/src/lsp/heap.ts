/**
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
 *
 * `adjust` is cheap (one look at V8's space sizes, ~10 µs): the analyzer calls it when a check
 * yields (every few ms of work) and when it ends, so the cap is overshot by a doubling or so.
 * Loading the server's bundle alone would grow it to 16 MB, so the server's entry
 * (entries/server.ts) stops its growth before that, and the first check lets it grow to the cap.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Young generation (both semi-spaces) at which the server stops it growing, in MB. */
export const YOUNG_GENERATION_CAP_MB = 8;

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
      if (full === stopped) return;
      stopped = full;
      setFlag(full ? '--semi-space-growth-factor=1' : '--semi-space-growth-factor=2');
    },
    get stopped() {
      return stopped === true;
    },
  };
}
