/**
 * The keystroke re-check over a real stdio LSP connection (issue 17), shared by `npm run bench`
 * (bench/run.ts) and the server profile (bench/lsp-keystrokes.ts): the built server spawned as
 * an editor starts it, the manuscript opened, then one-character edits spread over it, each
 * followed by a pull with the last result id (as VS Code pulls), timed from the edit to the
 * answer. The server's CPU time and memory are read from /proc (Linux; NaN elsewhere): CPU
 * time is much less disturbed than wall time by the other processes of a shared machine.
 */
import { readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { IDLE_COLLECT_AFTER_MS } from '../server/src/lsp/heap';
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
  /** A file for the server's phase records (lsp/phases.ts): then `phases` has each edit's. */
  phaseLog?: string;
  /**
   * How long the writer reads before typing (ms) after the open's diagnostics arrived: the
   * server's idle time after an open (default 0, the first edit at once).
   */
  idleMs?: number;
  /** Also read the server's RSS after a pause in typing (rssIdleMB; default yes). */
  rssAfterPause?: boolean;
  /**
   * A writer's typing speed: each edit is sent this many ms after the previous one was (or at
   * once when its answer came later). Default 0: the next edit as soon as the answer arrives
   * (back to back, no idle time in the server between keystrokes); real typing leaves 50–200 ms.
   */
  cadenceMs?: number;
}

/**
 * Where one edit's time went (ms): the server's steps (lsp/phases.ts), and the client's.
 * toServer and toClient subtract one process's clock from the other's (performance.timeOrigin
 * of each): right to a fraction of a millisecond, not exactly.
 */
export interface EditPhases {
  /** From the client's didChange to the server's document updated (pipe, read, update). */
  toServer: number;
  /** TextDocument.update alone. */
  update: number;
  /** From the document updated to the pull handled (the client's pull, on the pipe). */
  toPull: number;
  /** The pull's wait for the messages already received (settle). */
  settle: number;
  /** From settled to the check's start (settings, config, snapshot). */
  toCheck: number;
  /** The check (the checker's lint, with its yields and the GC pauses in it). */
  check: number;
  yields: number;
  /** Time in the check's yields to the event loop. */
  yieldWait: number;
  /** The last yield, after the check. */
  lastYield: number;
  /** Findings → diagnostics. */
  convert: number;
  /** Are they the last report's (the result id kept)? */
  compare: number;
  /** From compared to the answer encoded (vscode-jsonrpc, the encoder). */
  encode: number;
  /** From encoded to written (header and body on standard output). */
  write: number;
  /** From written to the client's answer (pipe, the client's parse). */
  toClient: number;
  /** V8's GC pauses of the server in the edit (all, and minor: scavenges). */
  gc: number;
  gcMinor: number;
  /** Of which mark-compact (full) collections. */
  gcMajor: number;
  /** How many GC pauses. */
  gcs: number;
  /** V8's GC pauses between the previous answer and this edit (e.g. the compacting collection after a pause, lsp/heap.ts). */
  gcIdle: number;
  /** The server's CPU time (all its threads) from the edit's arrival to its report written. */
  cpu: number;
  total: number;
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
  /** Right after the last edit's answer. */
  rssEditedMB: number;
  /** After a pause of a writer who stops typing: once the server's idle collection ran (lsp/heap.ts). */
  rssIdleMB: number;
  /** JSON size of the full reports' items (what went on the wire for them), per full report. */
  fullReportBytes: number;
  /** Per edit, with `phaseLog`. */
  phases?: EditPhases[];
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
  if (options.phaseLog) {
    rmSync(options.phaseLog, { force: true });
    process.env.CASELINT_PHASE_LOG = options.phaseLog;
  }
  // As the VS Code client starts it: it makes the rules' links itself (RuleLinks of lsp/protocol.ts).
  const client = spawnServer({
    capabilities: PULL_CAPABILITIES,
    settings: { run: 'onType' },
    initializationOptions: { ruleLinks: true },
    serverJs: options.serverJs,
    nodeArgs: options.nodeArgs,
  });
  delete process.env.CASELINT_PHASE_LOG;
  const sent: number[] = [];
  const received: number[] = [];
  let result: LspKeystrokeResult;
  try {
    await client.initialize();
    const uri = 'file:///tmp/caselint-bench/manuscript.md';
    const t0 = performance.now();
    await client.open(uri, text);
    let resultId = (await client.pull(uri)).resultId;
    const openMs = performance.now() - t0;
    const rssOpenMB = rssMB(client.pid);
    if (options.idleMs) await new Promise((resolve) => setTimeout(resolve, options.idleMs));
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
      if (options.cadenceMs && i > 0) {
        const wait = sent[sent.length - 1] + options.cadenceMs - (performance.timeOrigin + performance.now());
        if (wait > 0) await sleep(wait);
      }
      const t = performance.now();
      sent.push(performance.timeOrigin + t);
      await client.change(uri, [{ range: { start: position, end: position }, text: i % 2 ? 'a' : ' ' }]);
      const report = await client.pull(uri, resultId);
      received.push(performance.timeOrigin + performance.now());
      times.push(performance.now() - t);
      if (report.kind === 'unchanged') unchanged++;
      else fullBytes += JSON.stringify(report.items).length;
      resultId = report.resultId;
    }
    const rssEditedMB = rssMB(client.pid);
    const cpuPerEdit = (cpuMs(client.pid) - cpu0) / edits;
    const mainCpuPerEdit = (cpuMs(client.pid, true) - main0) / edits;
    let rssIdleMB = NaN;
    if (options.rssAfterPause !== false) {
      await sleep(IDLE_COLLECT_AFTER_MS + 1000);
      rssIdleMB = rssMB(client.pid);
    }
    result = { openMs, times, unchanged, cpuPerEdit, mainCpuPerEdit, rssOpenMB, rssEditedMB, rssIdleMB, fullReportBytes: edits > unchanged ? fullBytes / (edits - unchanged) : 0 };
  } finally {
    await client.shutdown();
  }
  // The server wrote its records as it went; all are in once it has exited.
  if (options.phaseLog) result.phases = editPhases(options.phaseLog, sent, received);
  return result;
}

/** Each edit's phases from the server's records (the last `sent.length`: the open's pull comes first). */
export function editPhases(log: string, sent: readonly number[], received: readonly number[]): EditPhases[] {
  const records = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, number>);
  const edits = records.slice(-sent.length);
  return edits.map((r, i) => {
    const d = (a: string, b: string) => r[b] - r[a];
    return {
      toServer: r.changed - sent[i],
      update: r.update ?? 0,
      toPull: d('changed', 'pulled'),
      settle: d('pulled', 'settled'),
      toCheck: d('settled', 'checkStart'),
      check: d('checkStart', 'checked'),
      yields: r.yields ?? 0,
      yieldWait: r.yieldWait ?? 0,
      lastYield: d('checked', 'lastYield'),
      convert: d('lastYield', 'converted'),
      compare: d('converted', 'compared'),
      encode: d('compared', 'encoded'),
      write: d('encoded', 'written'),
      toClient: received[i] - r.written,
      gc: r.gc ?? 0,
      gcMinor: r.gcMinor ?? 0,
      gcMajor: r.gcMajor ?? 0,
      gcs: r.gcs ?? 0,
      gcIdle: r.gcIdle ?? 0,
      cpu: r.cpu ?? NaN,
      total: received[i] - sent[i],
    };
  });
}
