/**
 * The LSP section of `npm run bench` alone, for profiling and A/B runs of the server (issue 17):
 * the built server over stdio, the ~300 KB manuscript, one-character edits each followed by a
 * pull with the last result id (bench/lsp.ts).
 *
 *   node --import tsx bench/lsp-keystrokes.ts [--edits 200] [--runs 1] [--server DIR/server/out/server.js] [--prof DIR] [--node-args='…'] [--idle MS] [--cadence MS] [--phases]
 *
 * --prof writes a CPU profile of the server process into DIR (node --cpu-prof);
 * --server spawns another checkout's built server, to compare two versions in turn;
 * --node-args: Node options of the server process (V8 heap settings, to try them);
 * --idle MS: the time between the open's diagnostics and the first edit (a writer reading first);
 * --cadence MS: one edit every MS ms, as a writer types (default 0: the next edit as soon as the
 * answer arrives, back to back);
 * --phases: where each edit's time went, step by step (the server's records, lsp/phases.ts), for
 * all the edits, the slowest tenth and the fastest half (mean and median of each step, ms).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCorpus } from './corpus';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lspKeystrokes, percentile, type EditPhases } from './lsp';
import { manuscriptText } from './workload';

const { values } = parseArgs({
  options: {
    edits: { type: 'string', default: '200' },
    runs: { type: 'string', default: '1' },
    size: { type: 'string', default: '300000' },
    server: { type: 'string' },
    prof: { type: 'string' },
    'node-args': { type: 'string', default: '' },
    phases: { type: 'boolean', default: false },
    idle: { type: 'string', default: '0' },
    cadence: { type: 'string', default: '0' },
  },
});
const { text } = manuscriptText(defaultCorpus(), Number(values.size));

/** Mean (median) of each step over all edits, the slowest tenth and the fastest half. */
function printPhases(phases: EditPhases[]): void {
  const byTotal = [...phases].sort((a, b) => a.total - b.total);
  const groups: [string, EditPhases[]][] = [
    ['all', byTotal],
    ['slowest 10%', byTotal.slice(Math.floor(byTotal.length * 0.9))],
    ['fastest 50%', byTotal.slice(0, Math.ceil(byTotal.length / 2))],
  ];
  console.log(`${'step (ms)'.padEnd(12)}${groups.map(([name, g]) => `${name} (${g.length})`.padStart(22)).join('')}`);
  for (const key of Object.keys(phases[0] ?? {}) as (keyof EditPhases)[]) {
    const cells = groups.map(([, g]) => {
      const xs = g.map((p) => p[key]).filter(Number.isFinite);
      const mean = xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
      return `${mean.toFixed(2)} (${(xs.length ? percentile(xs, 0.5) : NaN).toFixed(2)})`.padStart(22);
    });
    console.log(`${key.padEnd(12)}${cells.join('')}`);
  }
}

void (async () => {
  for (let run = 0; run < Number(values.runs); run++) {
    const r = await lspKeystrokes({
      text,
      edits: Number(values.edits),
      serverJs: values.server ? resolve(values.server) : undefined,
      idleMs: Number(values.idle),
      cadenceMs: Number(values.cadence),
      phaseLog: values.phases ? join(tmpdir(), `caselint-phases-${process.pid}.jsonl`) : undefined,
      nodeArgs: [...values['node-args']!.split(' ').filter(Boolean), ...(values.prof ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values.prof)}`] : [])],
    });
    const f = (x: number) => x.toFixed(1);
    console.log(
      `${r.times.length} edits of ${(text.length / 1000).toFixed(0)} KB${Number(values.cadence) ? `, one every ${values.cadence} ms` : ', back to back'}: open ${r.openMs.toFixed(0)} ms; median ${f(percentile(r.times, 0.5))} ms, p95 ${f(percentile(r.times, 0.95))} ms; ` +
        `${r.unchanged} unchanged; CPU/edit main ${f(r.mainCpuPerEdit)} ms, all ${f(r.cpuPerEdit)} ms; RSS ${r.rssOpenMB.toFixed(0)} → ${r.rssEditedMB.toFixed(0)} MB (after a pause ${r.rssIdleMB.toFixed(0)}); ` +
        `full report ${(r.fullReportBytes / 1000).toFixed(0)} KB`,
    );
    if (r.phases) printPhases(r.phases);
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
