/**
 * The checker library alone, bundled as the shipped bundles are (scripts/bundle.mjs: the same
 * target, literals and plugins) but not minified, for the bench (bench/workload.ts):
 *
 *   node scripts/bundle-checker.mjs OUTFILE [ROOT]
 *
 * ROOT (default: this checkout) is the checkout whose checker is bundled: the bench compares
 * older checkouts (`--src`) built the same way, so that only their code differs.
 * A script of its own because esbuild runs plugins in its asynchronous API only, and the bench
 * loads its bundle synchronously.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownItFields } from './esbuild-plugins.mjs';

const outfile = process.argv[2];
const root = process.argv[3] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
if (!outfile) {
  process.stderr.write('usage: node scripts/bundle-checker.mjs OUTFILE [ROOT]\n');
  process.exit(2);
}
await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'server/src/checker/index.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile,
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  supported: { 'regexp-unicode-property-escapes': true, 'regexp-set-notation': true },
  plugins: [markdownItFields],
  logLevel: 'warning',
});
