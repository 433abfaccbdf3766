/**
 * Work in steps (issue 14): a long computation of the core (the parse, a rule) is a generator
 * that yields between its slices (a block, a paragraph, a run of lines) and returns its result.
 * The synchronous path runs it to the end (runSteps); the language server drives the same
 * generator (driveSteps), awaiting its pause whenever a slice of time has passed, so that other
 * documents' requests are answered in between and a check that is no longer wanted stops there.
 * The result is the same either way: the same code runs, only the pauses differ.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs steps to the end, without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * How many paragraphs (or headings) a rule walks between two steps. A paragraph whose findings
 * or analysis are reused costs far less than a step (a resumption and an iterator result
 * through each yield*, per paragraph and rule at every re-check), and one worked afresh costs
 * well under a slice: so a step per few paragraphs, not per paragraph.
 */
export const PARAGRAPHS_PER_STEP = 8;

/** How long the core works between two pauses of a driven computation, in ms. */
export const SLICE_MS = 15;

/**
 * Runs steps to the end, awaiting `pause()` at the first yield after each `sliceMs` of work. A
 * pause that throws (the check was cancelled) stops the steps (their `finally` blocks run) and
 * rejects with its error.
 */
export async function driveSteps<T>(steps: Steps<T>, pause: () => Promise<void>, sliceMs = SLICE_MS): Promise<T> {
  let since = Date.now();
  let done = false;
  try {
    for (;;) {
      const r = steps.next();
      if (r.done) {
        done = true;
        return r.value;
      }
      if (Date.now() - since >= sliceMs) {
        await pause();
        since = Date.now();
      }
    }
  } finally {
    if (!done) steps.return(undefined as T);
  }
}

/** A rule's or a step's result that may be steps (a generator) or nothing: runs it to the end. */
export function isSteps(value: unknown): value is Steps<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Steps<unknown>).next === 'function' && typeof (value as Steps<unknown>)[Symbol.iterator] === 'function';
}
