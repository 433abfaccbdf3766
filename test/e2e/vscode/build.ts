/**
 * Bundles the e2e entry points with esbuild (vscode stays external):
 *   <outDir>/entry.js        code-server-entry.ts (the test extension's main)
 *   <outDir>/mocha-index.js  mocha-index.ts (extensionTestsPath for test-electron; mocha external)
 */
import { build } from 'esbuild';
import { join } from 'node:path';

export async function bundleE2E(outDir: string, which: 'code-server' | 'electron'): Promise<string> {
  const here = __dirname;
  const entry = which === 'code-server' ? join(here, 'code-server-entry.ts') : join(here, 'mocha-index.ts');
  const outfile = join(outDir, which === 'code-server' ? 'entry.js' : 'mocha-index.js');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}
