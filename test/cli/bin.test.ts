import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pkg from '../../package.json';
import { CLI_JS, ensureCliBuilt, FIXTURES, REPO, sarifValidator, spawnCli, UNPRIVILEGED_UID } from './helpers';

const MISSING_REL = 'test/fixtures/cli/missing-section.md';
const COMPLETE_REL = 'test/fixtures/cli/project/complete-case-report.md';

function assertOneLineError(r: { code: number; stdout: string; stderr: string }, pattern: RegExp) {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^caselint: [^\n]+\n$/);
  assert.match(r.stderr, pattern);
}

describe('cli: the bundled binary (node server/out/cli.js)', function () {
  this.timeout(60000);
  let tmp: string;

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'caselint-bin-'));
    chmodSync(tmp, 0o755);
    await ensureCliBuilt();
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('is an executable node script', () => {
    assert.equal(readFileSync(CLI_JS, 'utf8').split('\n')[0], '#!/usr/bin/env node');
    const r = spawnCli(['--version']);
    assert.deepEqual(r, { code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    // Answered by server/out/cli.js itself, as the bundle answers it with other arguments.
    assert.deepEqual(spawnCli(['-v']), r);
    assert.deepEqual(spawnCli(['--version', '--quiet']), r);
  });

  it('reads FORCE_COLOR and NO_COLOR from its environment', () => {
    assert.match(spawnCli([MISSING_REL], { env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[31merror/);
    assert.doesNotMatch(spawnCli([MISSING_REL], { env: { FORCE_COLOR: '0' } }).stdout, /\u001b\[/);
    assert.doesNotMatch(spawnCli([MISSING_REL]).stdout, /\u001b\[/);
  });

  it('exit codes: 0 clean, 1 problems, 2 usage errors (one line, no stack trace)', () => {
    assert.deepEqual(spawnCli([COMPLETE_REL]), { code: 0, stdout: '', stderr: '' });
    const bad = spawnCli([MISSING_REL]);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /✖ 2 problems \(1 error, 1 warning\)/);
    assertOneLineError(spawnCli(['--frobnicate']), /unknown option --frobnicate/);
    assertOneLineError(spawnCli(['--format', 'yaml', COMPLETE_REL]), /unknown format "yaml"/);
    assertOneLineError(spawnCli(['missing.md']), /no such file or directory: missing\.md/);
    assertOneLineError(spawnCli(['test/fixtures/cli/bad-config']), /unknown key "colour"/);
  });

  it('--format json and sarif', () => {
    const j = spawnCli(['--format', 'json', MISSING_REL]);
    assert.equal(j.code, 1);
    const [file] = JSON.parse(j.stdout);
    assert.equal(file.filePath, join(FIXTURES, 'missing-section.md'));
    assert.deepEqual(file.messages.map((m: { line: number; column: number }) => `${m.line}:${m.column}`), ['2:9', '11:25']);
    const s = spawnCli(['--format', 'sarif', MISSING_REL]);
    const validate = sarifValidator();
    assert.ok(validate(JSON.parse(s.stdout)), JSON.stringify(validate.errors));
  });

  it('reads standard input with --stdin', () => {
    const text = readFileSync(join(FIXTURES, 'missing-section.md'), 'utf8');
    const r = spawnCli(['--stdin', '--format', 'json'], { input: text });
    assert.equal(r.code, 1);
    const [file] = JSON.parse(r.stdout);
    assert.equal(file.filePath, '<stdin>');
    assert.equal(file.errorCount, 1);
    const named = spawnCli(['--stdin', '--stdin-filename', 'notes/draft.md', '--format', 'github'], { input: text });
    assert.match(named.stdout, /^::error file=notes\/draft\.md,line=2,col=9,/);
    const clean = spawnCli(['--stdin'], { input: readFileSync(join(REPO, COMPLETE_REL), 'utf8') });
    assert.deepEqual(clean, { code: 0, stdout: '', stderr: '' });
  });

  it('--output-file writes the report; stdout stays quiet', () => {
    const out = join(tmp, 'out/dir/report.xml');
    const r = spawnCli(['--format', 'junit', '--output-file', out, MISSING_REL]);
    assert.deepEqual(r, { code: 1, stdout: '', stderr: '' });
    assert.match(readFileSync(out, 'utf8'), /^<\?xml[^]*<\/testsuites>\n$/);
  });

  it('keeps its code cache (in CASELINT_CACHE_DIR) only after a run that checked a case report', () => {
    const cacheDir = join(tmp, 'code-cache');
    const env = { CASELINT_CACHE_DIR: cacheDir };
    const files = () => (existsSync(cacheDir) ? readdirSync(cacheDir) : []);
    assert.equal(spawnCli(['--version'], { env }).code, 0);
    assert.equal(spawnCli(['--help'], { env }).code, 0);
    const notes = join(tmp, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'todo.md'), '# To do\n\n- order the reagents\n- book the room\n');
    assert.match(spawnCli([notes], { env }).stderr, /no case reports found/);
    assert.deepEqual(files(), [], 'a run that checked nothing compiled too little to keep');
    assert.deepEqual(spawnCli([COMPLETE_REL], { env }), { code: 0, stdout: '', stderr: '' });
    assert.equal(files().length, 1);
    const cache = readFileSync(join(cacheDir, files()[0]));
    assert.deepEqual(spawnCli([COMPLETE_REL], { env }), { code: 0, stdout: '', stderr: '' }, 'the same from the cache');
    assert.ok(readFileSync(join(cacheDir, files()[0])).equals(cache), 'and it is not written again');
  });

  it('the demo: examples/ with --exit-zero exits 0', () => {
    const r = spawnCli(['examples/', '--exit-zero']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /examples\/\S+\.md/);
  });

  it('a directory or file without read permission: exit 2 (run as an unprivileged user when root)', function () {
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    const locked = join(tmp, 'locked');
    mkdirSync(locked);
    copyFileSync(join(REPO, COMPLETE_REL), join(locked, 'report.md'));
    const secret = join(tmp, 'secret.md');
    writeFileSync(secret, readFileSync(join(REPO, COMPLETE_REL)));
    chmodSync(locked, 0o000);
    chmodSync(secret, 0o000);
    try {
      const run = (args: string[]) => {
        const r = spawnSync(process.execPath, [CLI_JS, ...args], {
          cwd: tmp,
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '' },
          ...(root ? { uid: UNPRIVILEGED_UID, gid: UNPRIVILEGED_UID } : {}),
        });
        if (r.error) throw r.error;
        return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
      };
      // The unprivileged user must be able to run node from where it is installed.
      if (root) {
        const v = run(['--version']);
        assert.equal(v.code, 0, `running as root, this test runs the CLI as uid ${UNPRIVILEGED_UID}, who cannot run node and ${CLI_JS} here: ${v.stderr}`);
      }
      assertOneLineError(run(['locked']), /cannot read directory .*locked \(permission denied\)/);
      assertOneLineError(run(['secret.md']), /cannot read secret\.md \(permission denied\)/);
    } finally {
      chmodSync(locked, 0o755);
      chmodSync(secret, 0o644);
    }
  });
});
