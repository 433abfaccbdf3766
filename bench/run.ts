/**
 * caselint benchmark: time and memory of a full in-process check of a ~300 KB manuscript,
 * with peer tools measured in the same run on the same text, printed as ratios.
 *
 *   npm run bench                 (reads ../shared/corpus/case-reports/*.md)
 *   npm run bench -- --corpus DIR --size 300000 --runs 30
 *
 * Peers: markdown-it (our parser alone), mdast-util-from-markdown (micromark, the unified
 * ecosystem's parser) and markdownlint (a Markdown linter with its default rules).
 * Targets (issue 2): a 300 KB manuscript fully checked in about 15 ms (median).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import MarkdownIt from 'markdown-it';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { lint as markdownlint } from 'markdownlint/sync';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { buildSync } from 'esbuild';

// Measure what ships: the checker bundled by esbuild exactly as in server/out (no tsx helpers).
const bundleFile = join(mkdtempSync(join(tmpdir(), 'caselint-bench-')), 'checker.js');
buildSync({ entryPoints: [resolve(__dirname, '../server/src/checker/index.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: bundleFile, alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' }, logLevel: 'warning' });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { check, parseDocument } = require(bundleFile) as typeof import('../server/src/checker');

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(__dirname, '../../shared/corpus/case-reports') },
    size: { type: 'string', default: '300000' },
    runs: { type: 'string', default: '50' },
  },
});
const corpusDir = values.corpus!;
const size = Number(values.size);
const runs = Number(values.runs);


function buildText(): string {
  let files: string[] = [];
  if (existsSync(corpusDir)) files = readdirSync(corpusDir).filter((f) => /\.md$/.test(f) && f !== 'README.md').sort();
  const sources = files.length
    ? files.map((f) => readFileSync(join(corpusDir, f), 'utf8'))
    : [readFileSync(resolve(__dirname, '../examples/als-cramps-case-report.md'), 'utf8')];
  if (!files.length) console.log(`(corpus not found at ${corpusDir}; using examples/ instead)`);
  let text = '';
  for (let i = 0; text.length < size; i++) text += sources[i % sources.length] + '\n\n';
  return text;
}

interface Measure {
  name: string;
  median: number;
  p90: number;
  heapMB: number;
}

function measure(name: string, fn: () => unknown): Measure {
  for (let i = 0; i < 3; i++) fn(); // warm-up (JIT)
  const times: number[] = [];
  let heap = 0;
  for (let i = 0; i < runs; i++) {
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const result = fn();
    times.push(performance.now() - t0);
    heap = Math.max(heap, process.memoryUsage().heapUsed - before);
    if (result === undefined) throw new Error('no result');
  }
  times.sort((a, b) => a - b);
  return { name, median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)], heapMB: heap / 1e6 };
}

const text = buildText();
const md = new MarkdownIt();
// A LaTeX manuscript of the same size, written for this benchmark.
const latexUnit = String.raw`\section{Case presentation}
A 64-year-old man presented with weakness of the \textbf{left} arm, which is known to cause falls \cite{lee2020,park2021}.
% caselint-disable-next-line unsupported-claim
Potassium was $8.1\,\mathrm{mmol/L}$ and creatinine rose by 50\% over 2~days (Fig.~\ref{fig:ecg}).
\begin{table}\caption{Labs}\begin{tabular}{ll}\hline K & 8.1 \\ Na & 131 \\ \hline\end{tabular}\end{table}

`;
const latex = latexUnit.repeat(Math.ceil(text.length / latexUnit.length));
const results = [
  measure('caselint check (parse + all rules)', () => check(text)),
  measure('caselint parse (document model)', () => parseDocument(text, 'markdown')),
  measure('caselint check, LaTeX of the same size', () => check(latex, { format: 'latex' })),
  measure('markdown-it parse', () => md.parse(text, {})),
  measure('mdast-util-from-markdown (micromark)', () => fromMarkdown(text)),
  measure('markdownlint (default rules)', () => markdownlint({ strings: { doc: text } })),
];

const base = results[0];
console.log(`caselint benchmark: ${(text.length / 1000).toFixed(0)} KB of Markdown, ${runs} runs each, Node ${process.version}\n`);
console.log('tool'.padEnd(40) + 'median ms'.padStart(11) + 'p90 ms'.padStart(9) + 'heap Δ MB'.padStart(11) + '  ratio to caselint check');
for (const r of results) {
  const ratio = r.median / base.median;
  console.log(
    r.name.padEnd(40) + r.median.toFixed(1).padStart(11) + r.p90.toFixed(1).padStart(9) + r.heapMB.toFixed(1).padStart(11) + `  ${ratio.toFixed(2)}×`,
  );
}
/**
 * The patient-identifier rule's share of the full check (issue 15: under 15 %), from runs that
 * alternate a full check with a check without the rule, so that both see the same machine load.
 */
{
  const off = { rules: { 'patient-identifier': 'off' as const } };
  for (let i = 0; i < 3; i++) check(text, { config: off });
  const full: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    check(text);
    full.push(performance.now() - t0);
    t0 = performance.now();
    check(text, { config: off });
    without.push(performance.now() - t0);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const share = (med(full) - med(without)) / med(full);
  console.log(
    `
patient-identifier: ${(med(full) - med(without)).toFixed(1)} ms of ${med(full).toFixed(1)} ms (check without it ${med(without).toFixed(1)} ms), ` +
      `${(share * 100).toFixed(1)} % of the full check; target under 15 %: ${share < 0.15 ? 'met' : 'NOT met'}`,
  );
}

const budget = 15 * (text.length / 300_000);
console.log(`\ntarget: caselint check ≤ ${budget.toFixed(1)} ms for this size (15 ms per 300 KB): ${base.median <= budget ? 'met' : 'NOT met'} (${base.median.toFixed(1)} ms)`);
