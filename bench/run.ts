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
 * Issue 17 (after the in-process table): the incremental re-check in process, and the keystroke
 * re-check over a real stdio LSP connection (the server's incremental checker per document)
 * (median, p95 over 200+ edits spread over the text) against the full check, the server RSS, the
 * CLI whole process against markdownlint-cli2 (and textlint when installed), the extension's
 * activation (bench/activation-probe.js), the .vsix size.
 * Issue 11: the citation rules (citation-reference, citation-order, reference-entry) cost under
 * 10 % of the full check (the three rules alone on a freshly parsed model, against the full check).
 * Issues 15 and 16: patient-identifier, and the editorial rules (abbreviation, declarations,
 * length-limit, abstract-consistency) together, each under 15 % (checks with and without them).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import MarkdownIt from 'markdown-it';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { lint as markdownlint } from 'markdownlint/sync';
import { tmpdir } from 'node:os';
import { defaultCorpus } from './corpus';
import { bundledChecker, editRandom, manuscriptText, oneCharEdit } from './workload';

// Measure what ships: the checker bundled by esbuild as in server/out (no tsx helpers).
const { check, checkModel, createIncrementalChecker, parseDocument, PROFILES, RULES } = bundledChecker(resolve(__dirname, '..'));

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: defaultCorpus() },
    size: { type: 'string', default: '300000' },
    runs: { type: 'string', default: '50' },
  },
});
const corpusDir = values.corpus!;
const size = Number(values.size);
const runs = Number(values.runs);



interface Measure {
  name: string;
  median: number;
  p90: number;
  heapMB: number;
}

function measure(name: string, fn: () => unknown): Measure {
  return measureOn(name, () => undefined, fn);
}

/** Like measure, with an untimed setup before each run (its result is handed to fn). */
function measureOn<T>(name: string, setup: () => T, fn: (input: T) => unknown): Measure {
  for (let i = 0; i < 3; i++) fn(setup()); // warm-up (JIT)
  const times: number[] = [];
  let heap = 0;
  for (let i = 0; i < runs; i++) {
    const input = setup();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const result = fn(input);
    times.push(performance.now() - t0);
    heap = Math.max(heap, process.memoryUsage().heapUsed - before);
    if (result === undefined) throw new Error('no result');
  }
  times.sort((a, b) => a - b);
  return { name, median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)], heapMB: heap / 1e6 };
}

const { text, fromCorpus } = manuscriptText(corpusDir, size);
if (!fromCorpus) console.log(`(corpus not found at ${corpusDir}; using examples/ instead)`);
const md = new MarkdownIt();
// A LaTeX manuscript of the same size, written for this benchmark.
const latexUnit = String.raw`\section{Case presentation}
A 64-year-old man presented with weakness of the \textbf{left} arm, which is known to cause falls \cite{lee2020,park2021}.
% caselint-disable-next-line unsupported-claim
Potassium was $8.1\,\mathrm{mmol/L}$ and creatinine rose by 50\% over 2~days (Fig.~\ref{fig:ecg}).
\begin{table}\caption{Labs}\begin{tabular}{ll}\hline K & 8.1 \\ Na & 131 \\ \hline\end{tabular}\end{table}

`;
const latex = latexUnit.repeat(Math.ceil(text.length / latexUnit.length));
const CITATION_RULES = RULES.filter((r) => ['citation-reference', 'citation-order', 'reference-entry'].includes(r.id));
const results = [
  measure('caselint check (parse + all rules)', () => check(text)),
  // On a freshly parsed model each run (the parse is not timed): what the three rules add.
  measureOn('caselint citation rules alone', () => parseDocument(text, 'markdown'), (model) => checkModel(model, PROFILES.default, { rules: CITATION_RULES })),
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
 * A group of rules' share of the full check, from runs that alternate a full check with a check
 * without them, so that both see the same machine load. Rules not in the registry are left out.
 *
 * On a loaded machine a difference of two medians jumps by several points from run to run, so
 * each full check is paired with the check without the rules run next to it, the order of the
 * two alternating (a collection or a compilation left by one falls on the other half of the time),
 * and the share is the median of the paired differences over the median full check. The same is
 * printed from CPU time (process.cpuUsage: what the process computed, not the time it waited for
 * a core), which other processes on the machine disturb much less.
 */
function ruleShare(label: string, ids: readonly string[], target: number, profile?: string): void {
  const present = ids.filter((id) => RULES.some((r) => r.id === id));
  if (!present.length) return;
  const on = profile ? { profile } : {};
  const off = { ...on, rules: Object.fromEntries(present.map((id) => [id, 'off' as const])) };
  for (let i = 0; i < 3; i++) {
    check(text, { config: on });
    check(text, { config: off });
  }
  const timed = (config: object): [number, number] => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    check(text, { config });
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return [wall, (cpu.user + cpu.system) / 1000];
  };
  const full: number[] = [];
  const diff: number[] = [];
  const fullCpu: number[] = [];
  const diffCpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    let a: [number, number];
    let b: [number, number];
    if (i % 2 === 0) {
      a = timed(on);
      b = timed(off);
    } else {
      b = timed(off);
      a = timed(on);
    }
    full.push(a[0]);
    diff.push(a[0] - b[0]);
    fullCpu.push(a[1]);
    diffCpu.push(a[1] - b[1]);
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const share = med(diff) / med(full);
  const shareCpu = med(diffCpu) / med(fullCpu);
  console.log(
    `\n${label} (${present.join(', ')}${profile ? `; profile ${profile}` : ''}): ${med(diff).toFixed(1)} ms of ${med(full).toFixed(1)} ms (median of ${runs} paired differences), ` +
      `${(share * 100).toFixed(1)} % of the full check (CPU time: ${(shareCpu * 100).toFixed(1)} %); target under ${target * 100} %: ${share < target ? 'met' : 'NOT met'}`,
  );
}
// Issue 15: the patient-identifier rule under 15 %.
ruleShare('patient-identifier', ['patient-identifier'], 0.15);
// Issue 16: the editorial rules together under 15 %, on jmcr (the default profile requires no declarations).
ruleShare('editorial rules', ['abbreviation', 'declarations', 'length-limit', 'abstract-consistency'], 0.15, 'jmcr');

/**
 * Issue 17: the incremental re-check in process (engine/incremental.ts, what the server runs per
 * document): 200+ one-character edits spread over the text, each re-checked, against full checks
 * of the same texts alternating with them (same machine load); the findings are compared once.
 */
{
  const checker = createIncrementalChecker();
  let edited = text;
  checker.check(edited);
  const n = Math.max(200, runs * 4);
  const incremental: number[] = [];
  const fullChecks: number[] = [];
  const randomIn = editRandom(29);
  for (let i = 0; i < n; i++) {
    edited = oneCharEdit(edited, i, n, randomIn);
    let t0 = performance.now();
    const inc = checker.check(edited);
    incremental.push(performance.now() - t0);
    if (i % 10 === 0) {
      t0 = performance.now();
      const fresh = check(edited);
      fullChecks.push(performance.now() - t0);
      if (i === 0 && JSON.stringify(fresh.findings) !== JSON.stringify(inc.findings)) throw new Error('incremental findings differ from a full check');
    }
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
  const fullMedian = q(fullChecks, 0.5);
  const stats = checker.stats();
  console.log(
    `\nincremental re-check in process (engine/incremental.ts), ${n} one-character edits: median ${q(incremental, 0.5).toFixed(1)} ms, p95 ${q(incremental, 0.95).toFixed(1)} ms; ` +
      `full check of the same texts ${fullMedian.toFixed(1)} ms (median ${(q(incremental, 0.5) / fullMedian).toFixed(2)}×, p95 ${(q(incremental, 0.95) / fullMedian).toFixed(2)}×); ` +
      `memo: ${stats.size} values, ${((100 * stats.hits) / (stats.hits + stats.misses)).toFixed(1)} % of lookups answered`,
  );
}

const citationShare = results[1].median / base.median;
console.log(`\ncitation rules (citation-reference, citation-order, reference-entry): ${results[1].median.toFixed(1)} ms of the full check's ${base.median.toFixed(1)} ms (${(citationShare * 100).toFixed(1)} %; target under 10 %: ${citationShare < 0.1 ? 'met' : 'NOT met'})`);
const budget = 15 * (text.length / 300_000);
console.log(`\ntarget: caselint check ≤ ${budget.toFixed(1)} ms for this size (15 ms per 300 KB): ${base.median <= budget ? 'met' : 'NOT met'} (${base.median.toFixed(1)} ms)`);

// ---------------------------------------------------------------------------
// Issue 17: the editor's keystroke re-check over a real LSP connection, the CLI's whole process
// against markdownlint-cli2 (and textlint when installed), the server's memory, the .vsix size.
// ---------------------------------------------------------------------------

void (async () => {
  const { spawnSync } = await import('node:child_process');
  const { rmSync, writeFileSync, statSync } = await import('node:fs');
  const { deflateRawSync } = await import('node:zlib');
  const { SERVER_JS } = await import('../test/lsp/client');
  const { lspKeystrokes, percentile } = await import('./lsp');
  const ROOT = resolve(__dirname, '..');
  const cliJs = join(ROOT, 'server', 'out', 'cli.js');
  if (!existsSync(SERVER_JS) || !existsSync(cliJs)) {
    console.log('\n(server/out is missing: run `npm run build` first for the LSP, CLI and .vsix measures)');
    return;
  }
  const pct = percentile;

  // Keystroke re-check: 200+ one-character edits spread over the document, each followed by a
  // pull, timed from the edit to the answer; against a full check of the same text (bench/lsp.ts,
  // which bench/lsp-keystrokes.ts runs alone, to profile the server or compare two builds).
  const edits = Math.max(200, runs * 4);
  // The writer reads for 3 s after opening before typing, as writers do: the server's idle time
  // then (its rehearsal of the first re-checks, lsp/rehearsal.ts) is part of what is measured.
  const idleMs = 3000;
  // Twice, each in a server of its own: back to back (the next edit as soon as the answer came:
  // no idle time in the server between keys), and at a writer's pace (one key every 100 ms:
  // real typing leaves 50–200 ms of idle time between keys; the server does no work of its own in
  // such short pauses: its rehearsal waits 300 ms, its memory collection 3 s).
  const cadenceMs = 100;
  const lsp = await lspKeystrokes({ text, edits, seed: 17, idleMs });
  const typed = await lspKeystrokes({ text, edits, seed: 17, idleMs, cadenceMs, rssAfterPause: false });
  const full = base.median;
  const median = pct(lsp.times, 0.5);
  const p95 = pct(lsp.times, 0.95);
  const typedMedian = pct(typed.times, 0.5);
  const typedP95 = pct(typed.times, 0.95);
  console.log(`\nkeystroke re-check over LSP (stdio, pull diagnostics), ${edits} edits spread over ${(text.length / 1000).toFixed(0)} KB, typed ${idleMs / 1000} s after opening:`);
  console.log(`  open + first check + diagnostics ${lsp.openMs.toFixed(0)} ms; ${lsp.unchanged} of ${edits} answered "unchanged" (a full report: ${(lsp.fullReportBytes / 1000).toFixed(0)} KB)`);
  console.log(`  back to back (each edit as soon as the last answer came): per edit median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
  console.log(`  typed at one key per ${cadenceMs} ms (a writer's pace):      per edit median ${typedMedian.toFixed(1)} ms, p95 ${typedP95.toFixed(1)} ms`);
  console.log(`  ratio to a full in-process check (${full.toFixed(1)} ms): back to back median ${(median / full).toFixed(2)}×, p95 ${(p95 / full).toFixed(2)}×; typed median ${(typedMedian / full).toFixed(2)}×, p95 ${(typedP95 / full).toFixed(2)}×`);
  // The server's CPU time over the edits: what it spends per keystroke whatever else the machine
  // runs (the wall times above grow with the load of a shared machine; this much less).
  if (Number.isFinite(lsp.cpuPerEdit)) {
    console.log(`  server CPU time per edit, back to back: ${lsp.mainCpuPerEdit.toFixed(1)} ms on its main thread, ${lsp.cpuPerEdit.toFixed(1)} ms in all (with V8's GC and compiler threads)`);
    console.log(`  server CPU time per edit, typed:        ${typed.mainCpuPerEdit.toFixed(1)} ms on its main thread, ${typed.cpuPerEdit.toFixed(1)} ms in all (with V8's GC and compiler threads)`);
  }
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(`  targets: p95 ≤ 5 ms (back to back ${met(p95 <= 5)}, typed ${met(typedP95 <= 5)}), p95 ≤ 0.1× full check (back to back ${met(p95 <= full / 10)}, typed ${met(typedP95 <= full / 10)})`);
  const rssMax = Math.max(lsp.rssOpenMB, lsp.rssEditedMB, typed.rssEditedMB);
  console.log(`  server RSS: ${lsp.rssOpenMB.toFixed(0)} MB after opening, ${lsp.rssEditedMB.toFixed(0)} MB right after the edits back to back (${typed.rssEditedMB.toFixed(0)} MB typed), ${lsp.rssIdleMB.toFixed(0)} MB after a pause in typing (target ≤ 100 MB: ${met(rssMax <= 100)})`);

  // CLI whole process, each tool on the same file, in the same run. caselint keeps its code
  // cache in a folder of its own here (CASELINT_CACHE_DIR): its first run compiles the bundle and
  // writes the cache, the later ones read it; both are shown.
  const file = join(mkdtempSync(join(tmpdir(), 'caselint-bench-cli-')), 'manuscript.md');
  writeFileSync(file, text);
  const small = resolve(__dirname, '../examples/als-cramps-case-report.md');
  // Node reads the certificates of NODE_EXTRA_CA_CERTS at every start, before any script (~35 ms
  // of CPU on a sandbox that sets it); no tool here uses the network, so all run without it, as
  // on a machine that does not set it (the line below says how much it added).
  const env: NodeJS.ProcessEnv = { ...process.env };
  const extraCerts = env.NODE_EXTRA_CA_CERTS !== undefined;
  delete env.NODE_EXTRA_CA_CERTS;
  const cliEnv = { ...env, CASELINT_CACHE_DIR: mkdtempSync(join(tmpdir(), 'caselint-bench-cache-')) };
  /** CPU time (ms) of this process's waited-for children (Linux /proc; NaN elsewhere). */
  const childrenCpuMs = () => {
    try {
      const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
    } catch {
      return NaN;
    }
  };
  /** Median wall time of n runs, and their mean CPU time (user+sys, all threads). */
  const timed = (cmd: string, args: string[], n = 7, childEnv: NodeJS.ProcessEnv = env): { wall: number; cpu: number } => {
    const ts: number[] = [];
    const cpu0 = childrenCpuMs();
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const r = spawnSync(cmd, args, { stdio: 'ignore', cwd: dirname(file), env: childEnv });
      if (r.error) return { wall: NaN, cpu: NaN };
      ts.push(performance.now() - t);
    }
    return { wall: pct(ts, 0.5), cpu: (childrenCpuMs() - cpu0) / n };
  };
  const cpuNote = (cpu: number) => (Number.isFinite(cpu) ? `, CPU ${cpu.toFixed(0)} ms` : '');
  const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
  const nodeBin = (path: string) => (existsSync(join(ROOT, 'node_modules', path)) ? join(ROOT, 'node_modules', path) : undefined);
  const bigArgs = [cliJs, file, '--no-config', '--exit-zero'];
  const cliFirst = timed(process.execPath, bigArgs, 1, cliEnv);
  const cliSmall = timed(process.execPath, [cliJs, small, '--no-config', '--exit-zero'], 7, cliEnv);
  const cliBig = timed(process.execPath, bigArgs, 7, cliEnv);
  const nodeOnly = timed(process.execPath, ['-e', '0']);
  console.log(`\nCLI whole process (median of 7; node -e 0 takes ${nodeOnly.wall.toFixed(0)} ms${cpuNote(nodeOnly.cpu)}):`);
  if (extraCerts) {
    const withCerts = timed(process.execPath, ['-e', '0'], 7, process.env);
    console.log(`  (all without NODE_EXTRA_CA_CERTS, which this environment sets: with it, node -e 0 takes ${withCerts.wall.toFixed(0)} ms${cpuNote(withCerts.cpu)}, and every run here as much more)`);
  }
  console.log(`  caselint, ${statSync(small).size} B example: ${cliSmall.wall.toFixed(0)} ms${cpuNote(cliSmall.cpu)}; ${(text.length / 1000).toFixed(0)} KB: ${cliBig.wall.toFixed(0)} ms${cpuNote(cliBig.cpu)} (target ≤ 200 ms: ${cliBig.wall <= 200 ? 'met' : 'NOT met'})`);
  console.log(`  caselint's first run on the ${(text.length / 1000).toFixed(0)} KB file, without a code cache (it writes one): ${cliFirst.wall.toFixed(0)} ms${cpuNote(cliFirst.cpu)}`);
  const peers: [string, string | undefined, string[]][] = [
    ['markdownlint-cli2', nodeBin('markdownlint-cli2/markdownlint-cli2-bin.mjs'), [basename(file)]],
    ['textlint', existsSync(bin('textlint')) ? bin('textlint') : undefined, [basename(file)]],
  ];
  for (const [name, entry, args] of peers) {
    if (!entry) {
      console.log(`  ${name}: not installed (npm i -D ${name} to compare)`);
      continue;
    }
    const ms = timed(entry.endsWith('.mjs') || entry.endsWith('.js') ? process.execPath : entry, entry.endsWith('.mjs') || entry.endsWith('.js') ? [entry, ...args] : args);
    const target = name === 'markdownlint-cli2' ? ` (target ≤ 0.33×: ${cliBig.wall / ms.wall <= 1 / 3 ? 'met' : 'NOT met'})` : '';
    console.log(`  ${name}, same file: ${ms.wall.toFixed(0)} ms${cpuNote(ms.cpu)}; caselint/${name} ${(cliBig.wall / ms.wall).toFixed(2)}×${target}`);
  }
  rmSync(cliEnv.CASELINT_CACHE_DIR, { recursive: true, force: true });

  // Extension activation as VS Code times it: require client/out/extension.js and call
  // activate() until it returns, in a fresh process each time (bench/activation-probe.js, with a
  // stand-in vscode module); the language server starts after activate() has returned. The client
  // runs with V8's code cache (client/src/entry.ts), here in a folder of its own: the first
  // activation compiles the client and writes the cache (as after an install or an update), the
  // later ones read it; both are shown.
  const extensionJs = join(ROOT, 'client', 'out', 'extension.js');
  if (existsSync(extensionJs)) {
    type Sample = { load: number; activate: number; cpu: number };
    const probeEnv = { ...env, CASELINT_CACHE_DIR: mkdtempSync(join(tmpdir(), 'caselint-bench-cache-')) };
    const probe = (): Sample | undefined => {
      const r = spawnSync(process.execPath, [join(__dirname, 'activation-probe.js'), ROOT], { encoding: 'utf8', env: probeEnv });
      return r.status === 0 ? (JSON.parse(r.stdout) as Sample) : undefined;
    };
    const first = probe();
    const samples: Sample[] = [];
    for (let i = 0; i < 7; i++) {
      const s = probe();
      if (s) samples.push(s);
    }
    rmSync(probeEnv.CASELINT_CACHE_DIR, { recursive: true, force: true });
    if (samples.length && first) {
      const total = pct(samples.map((s) => s.load + s.activate), 0.5);
      const median = (f: (s: Sample) => number) => pct(samples.map(f), 0.5).toFixed(0);
      console.log(`\nextension activation (median of ${samples.length} fresh processes): ${total.toFixed(0)} ms = loading extension.js ${median((s) => s.load)} ms + activate() ${median((s) => s.activate)} ms; CPU time ${median((s) => s.cpu)} ms (target < 100 ms: ${total < 100 ? 'met' : 'NOT met'})`);
      console.log(`  the first activation, without a code cache (it writes one): ${(first.load + first.activate).toFixed(0)} ms, CPU time ${first.cpu.toFixed(0)} ms`);
    } else {
      console.log('\nextension activation: the probe failed (bench/activation-probe.js)');
    }
  }

  // The .vsix: the files package.json ships, each deflated as in the zip (vsce ls lists the same).
  const pkgJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
  const { globSync } = await import('tinyglobby');
  const shipped = globSync([...pkgJson.files.map((f) => (/[*]/.test(f) || /\.[a-z]+$/i.test(f) ? f : `${f}/**`)), 'package.json'], { cwd: ROOT, onlyFiles: true });
  let raw = 0;
  let packed = 0;
  for (const f of shipped) {
    const data = readFileSync(join(ROOT, f));
    raw += data.length;
    packed += Math.min(data.length, deflateRawSync(data, { level: 9 }).length) + 100;
  }
  console.log(`\n.vsix (the ${shipped.length} files of package.json "files", deflated): about ${(packed / 1e6).toFixed(2)} MB, ${(raw / 1e6).toFixed(2)} MB unpacked (target ≤ 1.5 MB: ${packed <= 1.5e6 ? 'met' : 'NOT met'})`);
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
