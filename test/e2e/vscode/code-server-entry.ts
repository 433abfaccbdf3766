/**
 * Entry of the small test extension that run-code-server.ts installs next to caselint in
 * code-server (code-server does not pass --extensionTestsPath, so the suite runs from inside an
 * installed extension). It activates on startup, but does nothing unless CASELINT_E2E_REPORT is
 * set in code-server's environment (the extension host inherits it): then it runs the shared suite,
 * opens the checklist view and the Problems panel for the runner's screenshot, and writes the
 * results JSON there. With CASELINT_E2E_MOCHA=<bundled mocha-index.js> it runs the suite through the
 * @vscode/test-electron entry instead (mocha), to check that entry offline.
 */
import * as vscode from 'vscode';
import { writeFileSync, renameSync } from 'node:fs';
import { runSuite, type E2EReport } from './suite';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const resultsPath = process.env.CASELINT_E2E_REPORT;
  if (!resultsPath) return;
  const out = vscode.window.createOutputChannel('caselint e2e');
  context.subscriptions.push(out);
  let report: E2EReport;
  try {
    const mochaIndex = process.env.CASELINT_E2E_MOCHA;
    if (mochaIndex) {
      // The @vscode/test-electron entry (mocha-index.ts, bundled), run as VS Code would run it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runMocha } = require(mochaIndex) as typeof import('./mocha-index');
      const outcome = await runMocha();
      report = { suite: 'vscode-mocha', vscodeVersion: vscode.version, passed: outcome.passes, failed: outcome.failures, results: outcome.results, diagnostics: [] };
    } else {
      report = await runSuite((line) => out.appendLine(line));
    }
  } catch (e) {
    report = { suite: 'vscode', vscodeVersion: vscode.version, passed: 0, failed: 1, results: [{ name: 'suite', ok: false, ms: 0, error: String(e) }], diagnostics: [] };
  }
  try {
    // For the screenshot: the checklist view (best effort) and the Problems panel.
    await vscode.commands.executeCommand('caselint.showChecklist').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  } catch (e) {
    out.appendLine(`could not open the Problems panel: ${String(e)}`);
  }
  // write atomically: the runner watches for the file
  writeFileSync(`${resultsPath}.tmp`, JSON.stringify(report, null, 2));
  renameSync(`${resultsPath}.tmp`, resultsPath);
}

export function deactivate(): void {}
