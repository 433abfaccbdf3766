/**
 * `npm run test:vscode`: the shared suite under @vscode/test-electron, for machines with internet
 * access (it downloads VS Code into .cache/vscode-test/ on first use; set VSCODE_VERSION to pin one, default
 * "stable"). Runs VS Code with caselint loaded from this repository (extensionDevelopmentPath) on a
 * temporary copy of examples/, and the mocha index as extensionTestsPath.
 *
 * On Linux without a display, run it under xvfb-run. On this offline workplace, use
 * test/e2e/run-all.sh (code-server) instead.
 */
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleE2E } from './build';

async function main(): Promise<number> {
  const repo = resolve(__dirname, '../../..');
  for (const f of ['client/out/extension.js', 'server/out/server.js']) {
    if (!existsSync(join(repo, f))) {
      console.error(`test:vscode: ${f} is missing; run "npm run build" first`);
      return 1;
    }
  }
  const work = mkdtempSync(join(tmpdir(), 'caselint-vscode-'));
  try {
    const workspace = join(work, 'workspace');
    cpSync(join(repo, 'examples'), workspace, { recursive: true });
    // Bundled inside the repository (gitignored .cache/) so that require('mocha') resolves from its
    // node_modules; not under client/out, which the extension package ships.
    const testsPath = await bundleE2E(join(repo, '.cache', 'e2e-out'), 'electron');
    const code = await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      cachePath: join(repo, '.cache', 'vscode-test'), // not the default .vscode-test/ at the top level
      extensionDevelopmentPath: repo,
      extensionTestsPath: testsPath,
      launchArgs: [
        workspace,
        '--disable-extensions', // only the extension under development
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${join(work, 'user-data')}`,
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), // Electron refuses to run as root otherwise
      ],
    });
    return code;
  } catch (e) {
    console.error(`test:vscode failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
