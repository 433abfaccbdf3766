/**
 * What `npm run bench` (bench/run.ts) and the keystroke profile (bench/keystrokes.ts) both
 * measure: the checker bundled as it ships, the ~300 KB manuscript built from the corpus, and
 * the one-character edits spread over it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The checker of the checkout at `root` bundled by esbuild with the settings of the shipped
 * bundles (scripts/bundle-checker.mjs: the shipped bundles' literals and plugins), not minified
 * (names stay readable in a profile), and loaded.
 */
export function bundledChecker(root: string, name = 'caselint-bench-'): typeof import('../server/src/checker') {
  const outfile = join(mkdtempSync(join(tmpdir(), name)), 'checker.js');
  // This checkout's settings and plugins for every checkout compared (--src): only their code differs.
  execFileSync(process.execPath, [resolve(__dirname, '../scripts/bundle-checker.mjs'), outfile, resolve(root)], { stdio: ['ignore', 'inherit', 'inherit'] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as typeof import('../server/src/checker');
}

/** The corpus articles (or, without the corpus, the example manuscript) repeated to `size` characters. */
export function manuscriptText(corpusDir: string, size: number): { text: string; fromCorpus: boolean } {
  const files = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => /\.md$/.test(f) && f !== 'README.md').sort() : [];
  const sources = files.length
    ? files.map((f) => readFileSync(join(corpusDir, f), 'utf8'))
    : [readFileSync(resolve(__dirname, '../examples/als-cramps-case-report.md'), 'utf8')];
  let text = '';
  for (let i = 0; text.length < size; i++) text += sources[i % sources.length] + '\n\n';
  return { text, fromCorpus: files.length > 0 };
}

/** The bench's generator of edit positions (a linear congruential one, so that runs repeat). */
export function editRandom(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Edit `i` of `n`: one character typed at a random place of the i-th n-th of the text. */
export function oneCharEdit(text: string, i: number, n: number, random: () => number): string {
  const at = Math.floor(((i + random()) / n) * text.length);
  return text.slice(0, at) + (i % 2 ? 'a' : ' ') + text.slice(at);
}
