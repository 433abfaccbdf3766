/**
 * The keystroke re-check over a real stdio LSP connection (issue 17), shared by `npm run bench`
 * (bench/run.ts) and the server profile (bench/lsp-keystrokes.ts): the built server spawned as
 * an editor starts it, the manuscript opened, then one-character edits spread over it, each
 * followed by a pull with the last result id (as VS Code pulls), timed from the edit to the
 * answer. The server's CPU time and memory are read from /proc (Linux; NaN elsewhere): CPU
 * time is much less disturbed than wall time by the other processes of a shared machine.
 */
import { readFileSync } from 'node:fs';
import { PULL_CAPABILITIES, spawnServer } from '../test/lsp/client';
import { editRandom } from './workload';

export interface LspKeystrokeOptions {
  text: string;
  edits: number;
  /** The server to spawn (default this checkout's server/out/server.js). */
  serverJs?: string;
  /** Node options of the server process (`--cpu-prof`, `--cpu-prof-dir=…`). */
  nodeArgs?: string[];
  /** Seed of the edit positions (bench/run.ts uses 17). */
  seed?: number;
}

export interface LspKeystrokeResult {
  openMs: number;
  /** Per edit: from the didChange to the pull's answer (ms). */
  times: number[];
  unchanged: number;
  /** Server CPU time per edit (ms): its main thread, and all its threads (GC, compiler). */
  mainCpuPerEdit: number;
  cpuPerEdit: number;
  rssOpenMB: number;
  rssEditedMB: number;
  /** JSON size of the full reports' items (what went on the wire for them), per full report. */
  fullReportBytes: number;
}

export function rssMB(pid?: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** CPU time (ms) of a process, or of its main thread (the one that answers), from /proc. */
export function cpuMs(pid?: number, mainThread = false): number {
  try {
    const fields = readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

export function percentile(xs: readonly number[], q: number): number {
  return [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
}

export async function lspKeystrokes(options: LspKeystrokeOptions): Promise<LspKeystrokeResult> {
  const { text, edits } = options;
  const client = spawnServer({ capabilities: PULL_CAPABILITIES, settings: { run: 'onType' }, serverJs: options.serverJs, nodeArgs: options.nodeArgs });
  try {
    await client.initialize();
    const uri = 'file:///tmp/caselint-bench/manuscript.md';
    const t0 = performance.now();
    await client.open(uri, text);
    let resultId = (await client.pull(uri)).resultId;
    const openMs = performance.now() - t0;
    const rssOpenMB = rssMB(client.pid);
    const random = editRandom(options.seed ?? 17);
    const times: number[] = [];
    let unchanged = 0;
    let fullBytes = 0;
    const cpu0 = cpuMs(client.pid);
    const main0 = cpuMs(client.pid, true);
    for (let i = 0; i < edits; i++) {
      const doc = client.text(uri);
      const offset = Math.floor(((i + random()) / edits) * doc.length);
      const lines = doc.slice(0, offset).split('\n');
      const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
      const t = performance.now();
      await client.change(uri, [{ range: { start: position, end: position }, text: i % 2 ? 'a' : ' ' }]);
      const report = await client.pull(uri, resultId);
      times.push(performance.now() - t);
      if (report.kind === 'unchanged') unchanged++;
      else fullBytes += JSON.stringify(report.items).length;
      resultId = report.resultId;
    }
    const rssEditedMB = rssMB(client.pid);
    const cpuPerEdit = (cpuMs(client.pid) - cpu0) / edits;
    const mainCpuPerEdit = (cpuMs(client.pid, true) - main0) / edits;
    return { openMs, times, unchanged, cpuPerEdit, mainCpuPerEdit, rssOpenMB, rssEditedMB, fullReportBytes: edits > unchanged ? fullBytes / (edits - unchanged) : 0 };
  } finally {
    await client.shutdown();
  }
}
