/**
 * `npm run bundle`: the shipped bundles, minified, with source maps beside them (package.json
 * "files" ships only the .js):
 *
 *   client/out/extension-main.js the VS Code client
 *   client/out/extension.js      its main module: runs extension-main.js with V8's code cache
 *   server/out/server-main.js    the language server (caselint-language-server; server.ts)
 *   server/out/cli-main.js       the CLI (caselint; cli/bin.ts)
 *   server/out/server.js,        the two commands: each runs its bundle with V8's code cache
 *   server/out/cli.js            (server/src/launch.ts), so that it is compiled once, not at every start
 *   server/out/bibtex-parser.js  @retorquere/bibtex-parser and its LaTeX-to-Unicode tables, which
 *                                the server and the CLI load on the first .bib file they read: they
 *                                are about 40 % of the code, and a process that reads no .bib (most
 *                                runs) no longer compiles them at start.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownItFields } from './esbuild-plugins.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  minify: true,
  keepNames: true,
  sourcemap: true,
  logLevel: 'warning',
  outdir: '.',
  // Node 20 has Unicode property escapes (\p{L}) and the v flag, but esbuild's table for node20
  // says otherwise and would turn every such literal into `new RegExp(…)`, compiled again at each
  // call of the function it stands in: keep them literals.
  supported: { 'regexp-unicode-property-escapes': true, 'regexp-set-notation': true },
};

/** The checker's `import('@retorquere/bibtex-parser')` loads server/out/bibtex-parser.js instead. */
const bibtexParserFile = {
  name: 'bibtex-parser-file',
  setup(b) {
    b.onResolve({ filter: /^@retorquere\/bibtex-parser$/ }, () => ({ path: './bibtex-parser.js', external: true }));
  },
};

// Code caches that earlier builds kept beside the bundles (now in the user's cache folder: launch.ts).
for (const f of ['server/out/cli-main.js.cache', 'server/out/server-main.js.cache']) rmSync(join(root, f), { force: true });

await Promise.all([
  // The client, and its main module: the loader that runs it with V8's code cache (client/src/entry.ts).
  build({ ...common, entryPoints: { 'client/out/extension-main': 'client/src/extension.ts', 'client/out/extension': 'client/src/entry.ts' } }),
  // The server without keepNames too: its __name() calls were ~1.5 % of the server's main
  // thread while a writer types (bench/lsp-keystrokes.ts under --cpu-prof), as closures made per
  // paragraph and sentence each got a name set on them. Nothing reads those names; a stack trace
  // in the server's log now shows the minified names, as the CLI's do (the build's source maps,
  // server/out/*.map, map them back).
  build({
    ...common,
    entryPoints: { 'server/out/server-main': 'server/src/server.ts' },
    plugins: [bibtexParserFile, markdownItFields],
    // import() of the external file as require() (the bundles are CommonJS, as is that file).
    supported: { ...common.supported, 'dynamic-import': false },
    keepNames: false,
  }),
  // The CLI without keepNames: esbuild's __name() calls (about 1,250, many in functions that
  // make closures per sentence or paragraph) cost ~3 % of a short run; the CLI shows no function
  // names (its errors name themselves: `name = 'UsageError'`).
  build({
    ...common,
    entryPoints: { 'server/out/cli-main': 'server/src/cli/bin.ts' },
    plugins: [bibtexParserFile, markdownItFields],
    supported: { ...common.supported, 'dynamic-import': false },
    keepNames: false,
  }),
  build({ ...common, entryPoints: { 'server/out/server': 'server/src/entries/server.ts', 'server/out/cli': 'server/src/entries/cli.ts' } }),
  build({
    ...common,
    stdin: { contents: "export * from '@retorquere/bibtex-parser';", resolveDir: root, loader: 'js', sourcefile: 'bibtex-parser.js' },
    outdir: undefined,
    outfile: 'server/out/bibtex-parser.js',
  }),
]);
