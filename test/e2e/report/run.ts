/**
 * The `caselint report --format html` page in a real browser: Debian's chromium driven by
 * playwright-core (from the cache test/e2e/prepare.sh fills, as the VS Code suite finds them).
 *
 *   node --import tsx test/e2e/report/run.ts
 *
 * Writes the report of a fixture manuscript that links images on the web (`![…](https://…)`,
 * `<img src=…>`), opens the file, and checks that the page renders (its headings are there and
 * visible, the tables have rows), that no request leaves the page (every request is recorded,
 * through `page.route` and the context's request events; anything but the page's own file fails),
 * and that the console shows no error. Saves a screenshot to test-results/report-e2e.png and the
 * counts to test-results/report-e2e.json ({passed, failed}). Exit 0 only when every test passed;
 * a missing chromium or playwright-core is a failure (run test/e2e/prepare.sh), never a skip.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../../server/src/cli/main';

const REPO = resolve(__dirname, '../../..');
const CACHE = process.env.CASELINT_E2E_CACHE || join(REPO, '.cache', 'e2e');
const PLAYWRIGHT = join(CACHE, 'playwright/node_modules/playwright-core');
const CHROMIUM = process.env.CASELINT_E2E_CHROMIUM || '/usr/bin/chromium';
const RESULTS_DIR = join(REPO, 'test-results');
const SCREENSHOT = join(RESULTS_DIR, 'report-e2e.png');
const RESULTS = join(RESULTS_DIR, 'report-e2e.json');
const FIXTURE = join(REPO, 'test/fixtures/report/web-images.md');

function log(line: string): void {
  process.stdout.write(`[report e2e] ${line}\n`);
}

let passed = 0;
let failed = 0;
function result(ok: boolean, name: string, why = ''): void {
  if (ok) passed++;
  else failed++;
  log(`${ok ? 'ok  ' : 'FAIL'} ${name}${why ? `: ${why}` : ''}`);
}

function finish(): number {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify({ passed, failed })}\n`);
  log(`${failed === 0 && passed > 0 ? 'PASS' : 'FAIL'}: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

async function run(): Promise<number> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  rmSync(SCREENSHOT, { force: true });
  const missing = [[PLAYWRIGHT, 'playwright-core'], [CHROMIUM, 'chromium']].filter(([p]) => !existsSync(p));
  if (missing.length) {
    result(false, 'browser available', `missing ${missing.map(([p, w]) => `${w} (${p})`).join(', ')}: run test/e2e/prepare.sh first`);
    return finish();
  }
  const work = mkdtempSync(join(tmpdir(), 'caselint-report-e2e-'));
  let browser: any;
  try {
    // The page, written by the CLI as a writer would (`caselint report --format html -o …`).
    const page_ = join(work, 'report.html');
    let stderr = '';
    const code = await main({
      argv: ['report', '--format', 'html', '--profile', 'care', '--exit-zero', '-o', page_, FIXTURE],
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
      cwd: REPO,
      env: {},
    });
    result(code === 0 && existsSync(page_), 'caselint report --format html writes the page', `exit ${code} ${stderr.trim()}`);
    if (!existsSync(page_)) return finish();
    const html = readFileSync(page_, 'utf8');
    const url = pathToFileURL(page_).href;

    const require_ = createRequire(join(PLAYWRIGHT, 'package.json'));
    const { chromium } = require_(PLAYWRIGHT);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    context.on('request', (r: { url(): string }) => requests.push(r.url()));
    const page = await context.newPage();
    // Every request the page makes goes through here: the page's own file is let through, anything else recorded and refused.
    const outside: string[] = [];
    await page.route('**/*', (route: { request(): { url(): string }; continue(): Promise<void>; abort(): Promise<void> }) => {
      const u = route.request().url();
      if (u === url) return route.continue();
      outside.push(u);
      return route.abort();
    });
    page.on('console', (m: { type(): string; text(): string }) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e: Error) => consoleErrors.push(e.message));
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    // Give late loads (images, fonts, prefetches) a moment to show up.
    await page.waitForTimeout(500);

    const headings: { tag: string; text: string; visible: boolean }[] = await page.$$eval('h1, h2, h3', (els: any[]) =>
      els.map((e) => ({ tag: e.tagName, text: (e.textContent ?? '').trim(), visible: e.offsetHeight > 0 })),
    );
    const want = ['H1 caselint report', 'H2 test/fixtures/report/web-images.md', 'H3 Checklist', 'H3 Words and counts', 'H3 Findings', 'H3 Abbreviations'];
    const got = headings.map((h) => `${h.tag} ${h.text}`);
    result(want.every((w) => got.includes(w)) && headings.every((h) => h.visible), 'renders its headings', got.join(' | '));
    const rows: number = await page.$$eval('table tbody tr', (els: any[]) => els.length);
    result(rows >= 10, 'renders the tables', `${rows} rows`);
    const title: string = await page.title();
    result(title === 'caselint report \u2014 test/fixtures/report/web-images.md', 'has the manuscript in its title', title);
    const style: string = await page.$eval('h1', (e: any) => (globalThis as any).getComputedStyle(e).fontFamily);
    result(/system-ui|sans-serif/.test(style), 'applies its inline CSS', style);
    const escaped: boolean = await page.$$eval('img, script, iframe, object, embed, link', (els: any[]) => els.length === 0);
    result(escaped && html.includes('&lt;img'), "shows the manuscript's HTML as text, never as elements");

    const own = (u: string) => u === url;
    result(outside.length === 0 && requests.every(own), 'makes no request but its own file', [...new Set([...outside, ...requests.filter((u) => !own(u))])].join(', '));
    result(consoleErrors.length === 0, 'logs no error in the console', consoleErrors.join(' | '));

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    log(`screenshot: ${SCREENSHOT}`);
    result(existsSync(SCREENSHOT), 'saves a screenshot to test-results/');

    // The probe: the same watch on a page that does load an image sees (and refuses) the request.
    const probe = join(work, 'probe.html');
    writeFileSync(probe, '<!DOCTYPE html><title>probe</title><img src="http://192.0.2.1/probe.png">');
    const probeUrl = pathToFileURL(probe).href;
    const seen: string[] = [];
    const probePage = await context.newPage();
    await probePage.route('**/*', (route: { request(): { url(): string }; continue(): Promise<void>; abort(): Promise<void> }) => {
      const u = route.request().url();
      if (u === probeUrl) return route.continue();
      seen.push(u);
      return route.abort();
    });
    await probePage.goto(probeUrl, { waitUntil: 'load', timeout: 30_000 });
    await probePage.waitForTimeout(300);
    result(seen.includes('http://192.0.2.1/probe.png'), 'the watch sees a request when a page makes one (probe)', seen.join(', ') || 'nothing seen');
  } catch (e) {
    result(false, 'runs', e instanceof Error ? e.message : String(e));
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
  return finish();
}

const hard = setTimeout(() => {
  log('FAIL: the run exceeded 120 s');
  result(false, 'finishes in time');
  process.exit(finish());
}, 120_000);
run().then(
  (code) => {
    clearTimeout(hard);
    process.exit(code);
  },
  (e) => {
    log(`FAIL: ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(1);
  },
);
