/**
 * Whether this process checked a case report, shared by the CLI's two bundles: cli/bin.ts sets
 * `globalThis[Symbol.for(CHECKED_KEY)]`, entries/cli.ts reads it (each bundle has its own copy of
 * any module, hence a registered symbol). The code cache holds the functions a run compiled, and a
 * valid cache is never written again: one made by a run that checked nothing (`--version`, a
 * folder without a case report) would leave every later run compiling the rules itself.
 *
 * bin.ts sets it inline rather than importing this module: with one more import there, running it
 * from source (`node --import tsx server/src/cli/bin.ts`, the permission tests) crashed V8 now and
 * then, as startup.ts changes V8's flags after tsx has run code.
 */
export const CHECKED_KEY = 'caselint.cli.checked';

export function checkedAny(): boolean {
  return (globalThis as Record<symbol, unknown>)[Symbol.for(CHECKED_KEY)] === true;
}
