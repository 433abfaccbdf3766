/**
 * extensionTestsPath for @vscode/test-electron (`npm run test:vscode`): VS Code calls run() in the
 * extension host of a window with caselint loaded from the repository (extensionDevelopmentPath).
 * Builds one mocha suite from the shared tests in suite.ts, in order.
 *
 * The offline CI checks this index too: `run-code-server.ts --mocha` has the code-server test
 * extension load the bundled index and call runMocha() instead of the plain runner.
 */
import Mocha from 'mocha';
import { createSuite, type E2EResult } from './suite';

export interface MochaOutcome {
  passes: number;
  failures: number;
  results: E2EResult[];
}

export function runMocha(): Promise<MochaOutcome> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec' });
  const suite = Mocha.Suite.create(mocha.suite, 'caselint in VS Code');
  suite.bail(true); // the tests share the opened document: stop at the first failure
  for (const t of createSuite()) {
    const test = new Mocha.Test(t.name, t.fn);
    suite.addTest(test);
    test.timeout(t.timeoutMs); // after addTest, which sets the suite's timeout on the test
  }
  const results: E2EResult[] = [];
  return new Promise((resolve) => {
    const runner = mocha.run((failures) => resolve({ passes: results.filter((r) => r.ok).length, failures, results }));
    runner.on('pass', (test) => results.push({ name: test.title, ok: true, ms: test.duration ?? 0 }));
    runner.on('fail', (test, err) => results.push({ name: test.title, ok: false, ms: test.duration ?? 0, error: err instanceof Error ? err.message : String(err) }));
  });
}

export async function run(): Promise<void> {
  const { failures } = await runMocha();
  if (failures > 0) throw new Error(`${failures} test(s) failed`);
}
