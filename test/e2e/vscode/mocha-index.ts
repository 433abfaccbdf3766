/**
 * extensionTestsPath for @vscode/test-electron (`npm run test:vscode`): VS Code calls run() in the
 * extension host of a window with caselint loaded from the repository (extensionDevelopmentPath).
 * Builds one mocha suite from the shared tests in suite.ts, in order.
 */
import Mocha from 'mocha';
import { createSuite } from './suite';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: true, reporter: 'spec' });
  const suite = Mocha.Suite.create(mocha.suite, 'caselint in VS Code (test-electron)');
  suite.bail(true); // the tests share the opened document: stop at the first failure
  for (const t of createSuite()) {
    const test = new Mocha.Test(t.name, t.fn);
    test.timeout(t.timeoutMs);
    suite.addTest(test);
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
