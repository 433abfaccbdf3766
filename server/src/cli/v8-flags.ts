/**
 * V8 settings of the CLI only (not the language server), imported by server/out/cli.js
 * (entries/cli.ts) before it compiles the CLI's bundle, so that its code cache is made and read
 * under the same flags (launch.ts), and by the bundle itself (cli/bin.ts) for a run without it.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * V8 optimises a function with Turbofan once it has run a little (its "interrupt budget", 66 KB
 * of bytecode executed in Node 20). A short CLI run is cold: on the 300 KB bench manuscript V8
 * optimised ~120 functions on a background thread, most of them used for a few milliseconds
 * more, which cost more CPU than it saved (user+sys ~480 → ~290 ms; the main thread the same,
 * ~250 ms; on two busy cores the compile thread competes with the check). 32 times the budget
 * leaves Turbofan to the few functions that stay hot.
 */
const SHORT_RUN = '--interrupt-budget=2162688';
/** Node 20's (V8 11.3's) default budget. */
const LONG_RUN = '--interrupt-budget=67584';
/**
 * Past this much text in one run, V8's own budget again: there Turbofan pays off (500 small
 * files, 1.4 MB: main thread ~2.4 → ~1.8 s with the default budget).
 */
export const LONG_RUN_CHARS = 600_000;

// A young generation that grows 8× at a time instead of 2× reaches its usual size after one
// scavenge instead of three: fewer scavenges copy the model's live objects (~5 % less CPU).
setFlagsFromString(`${SHORT_RUN} --semi-space-growth-factor=8`);

let checked = 0;
let long = false;

/** Called before each file is checked with its length: a long run gets V8's default tiering. */
export function willCheck(chars: number): void {
  checked += chars;
  if (!long && checked > LONG_RUN_CHARS) {
    long = true;
    setFlagsFromString(LONG_RUN);
  }
}

/**
 * The start flags again, before the code cache is written at exit (entries/cli.ts): V8 rejects a
 * cache made under other flags, and the next run starts with these.
 */
export function restoreStartFlags(): void {
  setFlagsFromString(SHORT_RUN);
}
