import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import { build } from 'esbuild';
import { main, type CliIO } from '../../server/src/cli/main';

export const REPO = resolve(__dirname, '../..');
export const FIXTURES = join(REPO, 'test/fixtures/cli');
export const CLI_JS = join(REPO, 'server/out/cli.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs main() in-process with buffers for stdout and stderr. */
export async function runCli(
  argv: string[],
  opts: { cwd?: string; stdin?: string; env?: Record<string, string | undefined>; isTTY?: boolean } = {},
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    argv,
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.isTTY ?? false },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: opts.cwd ?? REPO,
    stdin: opts.stdin,
    env: opts.env ?? {},
  };
  const code = await main(io);
  return { code, stdout, stderr };
}

/** Runs the bundled CLI (server/out/cli.js, built by `npm run bundle`) as a child process. */
export function spawnCli(argv: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}): RunResult {
  const r = spawnSync(process.execPath, [CLI_JS, ...argv], {
    cwd: opts.cwd ?? REPO,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...opts.env },
    timeout: 30000,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Permission bits do not stop root: permission tests run as this unprivileged user (nobody) then. */
export const UNPRIVILEGED_UID = 65534;
export const RUNS_AS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Runs main() from source (server/src/cli/bin.ts, through tsx) in a child process as the
 * unprivileged user, for the permission tests when the tests run as root. Paths in argv must be
 * absolute or relative to the repository, and readable by that user up to the file's folder.
 */
export function runCliUnprivileged(argv: string[]): RunResult {
  // The flag startup.ts sets, given at start: set at run time after tsx has run, V8 crashed now and then.
  const r = spawnSync(process.execPath, ['--no-regexp-tier-up', '--import', 'tsx', join(REPO, 'server/src/cli/bin.ts'), ...argv], {
    cwd: REPO,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    uid: UNPRIVILEGED_UID,
    gid: UNPRIVILEGED_UID,
    timeout: 60000,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function cliBuilt(): boolean {
  return existsSync(CLI_JS);
}

/** `npm test` builds the CLI first (pretest); when a test file runs alone, bundle it if it is missing. */
export async function ensureCliBuilt(): Promise<void> {
  if (cliBuilt()) return;
  await build({
    entryPoints: { 'server/out/cli': join(REPO, 'server/src/cli/bin.ts') },
    absWorkingDir: REPO,
    outdir: REPO,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    logLevel: 'warning',
  });
}

/**
 * A validator for the SARIF 2.1.0 JSON schema as published (the copy shipped in the npm package
 * @microsoft/jest-sarif, lib/schemas/sarif-2.1.0-rtm.5.json, MIT). It is a draft-04 schema, so it is
 * compiled with ajv-draft-04; its one pattern that is not valid with the `u` flag needs
 * unicodeRegExp off. The uri, uri-reference and date-time formats are checked too.
 */
export function sarifValidator(): { (data: unknown): boolean; errors: unknown } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => {
    try {
      new URL(s);
      return true;
    } catch {
      return false;
    }
  });
  ajv.addFormat('uri-reference', (s: string) => {
    if (/\s/.test(s)) return false;
    try {
      new URL(s, 'file:///base/');
      return true;
    } catch {
      return false;
    }
  });
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d\d-\d\dT/.test(s));
  const compiled = ajv.compile(schema);
  // A plain boolean check (not a type guard), with the last errors kept for messages.
  const validate = ((data: unknown): boolean => {
    const ok = compiled(data) as boolean;
    validate.errors = compiled.errors;
    return ok;
  }) as { (data: unknown): boolean; errors: unknown };
  validate.errors = null;
  return validate;
}

/**
 * A small XML well-formedness check (no XML parser is installed, and this is all the junit test
 * needs): one root, balanced tags, quoted attributes without raw '<' or '&', entities known.
 * Returns the elements met, as [name, attributes][] in document order.
 */
export function checkXml(xml: string): { name: string; attrs: Record<string, string>; text: string }[] {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const elements: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const open: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  let roots = 0;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < body.length) {
    token.lastIndex = pos;
    m = token.exec(body);
    if (!m) throw new Error(`XML not well formed at ${pos}: ${JSON.stringify(body.slice(pos, pos + 40))}`);
    pos = token.lastIndex;
    if (m[5] !== undefined) {
      if (entity.test(m[5])) throw new Error(`raw & in text: ${m[5]}`);
      if (!stack.length && m[5].trim()) throw new Error('text outside the root element');
      if (open.length) open[open.length - 1].text += m[5];
      continue;
    }
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
      open.pop();
      continue;
    }
    if (!stack.length && ++roots > 1) throw new Error('more than one root element');
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      if (entity.test(a[2])) throw new Error(`raw & in attribute ${a[1]}`);
      if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]}`);
      attrs[a[1]] = a[2];
    }
    const el = { name, attrs, text: '' };
    elements.push(el);
    if (!selfClose) {
      stack.push(name);
      open.push(el);
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) throw new Error('no root element');
  return elements;
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
