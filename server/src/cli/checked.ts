/**
 * Whether this process checked a case report, shared by the CLI's two bundles (cli/bin.ts sets it,
 * entries/cli.ts reads it; each bundle has its own copy of this module, hence a registered symbol).
 * The code cache holds the functions a run compiled, and a valid cache is never written again: one
 * made by a run that checked nothing (`--version`, a folder without a case report) would leave
 * every later run compiling the rules itself.
 */
const CHECKED = Symbol.for('caselint.cli.checked');

export function markChecked(): void {
  (globalThis as Record<symbol, unknown>)[CHECKED] = true;
}

export function checkedAny(): boolean {
  return (globalThis as Record<symbol, unknown>)[CHECKED] === true;
}
