/**
 * Whether this process checked a case report, shared by the CLI's two bundles: cli/bin.ts sets
 * `globalThis[Symbol.for(CHECKED_KEY)]` (markChecked), entries/cli.ts reads it (each bundle has its own copy of
 * any module, hence a registered symbol). The code cache holds the functions a run compiled, and a
 * valid cache is never written again: one made by a run that checked nothing (`--version`, a
 * folder without a case report) would leave every later run compiling the rules itself.
 */
export const CHECKED_KEY = 'caselint.cli.checked';

export function checkedAny(): boolean {
  return (globalThis as Record<symbol, unknown>)[Symbol.for(CHECKED_KEY)] === true;
}

/** This process checked a case report (cli/bin.ts, main's `checked`). */
export function markChecked(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(CHECKED_KEY)] = true;
}
