import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES, type Rule } from '../../server/src/checker';
import { main, type CliIO } from '../../server/src/cli/main';
import { readTarget } from '../../server/src/cli/files';
import { CLI_JS, ensureCliBuilt, FIXTURES, runCli, runCliUnprivileged, RUNS_AS_ROOT } from './helpers';

/**
 * The CLI's I/O contract (issue 14, docs/cli.md): exit 2 with one line on stderr for every I/O
 * problem, a report never lost, nothing of the document on stderr, and every encoding writers
 * really save read exactly.
 */

const COMPLETE = join(FIXTURES, 'project/complete-case-report.md');
const placeholder = RULES.find((r) => r.id === 'placeholder')!;

interface Located {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}
const messagesOf = (stdout: string): Located[] =>
  (JSON.parse(stdout) as { messages: Located[] }[]).flatMap((f) => f.messages).map(({ ruleId, line, column, endLine, endColumn, message }) => ({ ruleId, line, column, endLine, endColumn, message }));

/** Runs main() with a stdout that fails as given, and stdin given as bytes. */
async function runWith(argv: string[], opts: { cwd: string; write?: CliIO['stdout']['write']; stdin?: Uint8Array }): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    argv,
    stdout: { write: opts.write ?? ((s: string) => (stdout += s)) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: opts.cwd,
    stdin: opts.stdin ? (async function* () { yield opts.stdin!; })() : undefined,
    env: {},
  };
  return { code: await main(io), stdout, stderr };
}

describe('cli: I/O contract, faults and encodings (issue 14)', function () {
  this.timeout(180000);
  let tmp: string;
  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'caselint-io-'));
    chmodSync(tmp, 0o755);
    await ensureCliBuilt();
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  describe('findings never vanish', () => {
    it('a 4.8 MB file with 130,000 warnings: every one reported, exit 1 under --max-warnings 0', async () => {
      const line = 'On admission the sodium was XX mmol/l and the potassium was XX mmol/l.\n';
      const paragraphs = Array.from({ length: 6500 }, () => line.repeat(10)).join('\n');
      const file = join(tmp, 'many-warnings.md');
      writeFileSync(file, `${readFileSync(COMPLETE, 'utf8')}\n## Outcome\n\n${paragraphs}`);
      const r = await runCli(['--max-warnings', '0', file], { cwd: tmp });
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stdout.split('\n').filter((l) => / placeholder$/.test(l)).length, 130000);
      assert.match(r.stdout, /\(0 errors, 130000 warnings\)/);
      assert.match(r.stderr, /^caselint: too many warnings \(130000; --max-warnings is 0\)\n$/);
    });

    it('a rule that fails: exit 2, one line naming the rule and the file, the others reported', async () => {
      const boom: Rule = {
        id: 'boom',
        description: 'Fails.',
        defaultSeverity: 'warning',
        check(ctx) {
          // An error whose message holds document text: it must not reach stderr.
          throw new TypeError(`cannot read "${ctx.doc.title?.text}"`);
        },
      };
      const file = join(tmp, 'fails.md');
      writeFileSync(file, '# Case report of Jane Roe\n\n## Case report\n\nThe sodium was XX.\n');
      let stdout = '';
      let stderr = '';
      const code = await main({ argv: ['--format', 'json', file], stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: tmp, env: {}, rules: [placeholder, boom] });
      assert.equal(code, 2);
      assert.equal(stderr, 'caselint: rule boom failed on fails.md (TypeError); the report lacks its findings for this file\n');
      assert.doesNotMatch(stderr, /Jane Roe/);
      assert.deepEqual(messagesOf(stdout).map((m) => m.ruleId), ['placeholder'], 'the other rules are still reported');
      // --exit-zero does not hide it.
      const z = await main({ argv: ['--exit-zero', file], stdout: { write: () => undefined }, stderr: { write: () => undefined }, cwd: tmp, env: {}, rules: [boom] });
      assert.equal(z, 2);
    });
  });

  describe('encodings: the same findings at the same places, however the file is saved', () => {
    const TEXT = [
      '# Episodic weakness in a café owner: a case report',
      '',
      '## Case report',
      '',
      'A 34-year-old café owner – otherwise well – woke with weakness of all four limbs.',
      'The potassium was XX mmol/l.',
      '',
      '## Discussion',
      '',
      'Hypokalaemic periodic paralysis is caused by mutations in CACNA1S or SCN4A [3–5].',
      'Attacks are provoked by carbohydrate-rich meals and rest after exercise.',
      '',
    ].join('\n');
    const utf16be = (s: string) => {
      const le = Buffer.from(s, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
      return le;
    };
    const utf32 = (s: string, littleEndian: boolean) => {
      const cps = [...s].map((c) => c.codePointAt(0)!);
      const b = Buffer.alloc(cps.length * 4);
      cps.forEach((cp, i) => (littleEndian ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)));
      return b;
    };
    const SAVED: [string, Buffer][] = [
      ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
      ['UTF-16 LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
      ['UTF-16 BE with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])],
      ['UTF-16 LE without a byte-order mark', Buffer.from(TEXT, 'utf16le')],
      ['UTF-32 LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(TEXT, true)])],
      ['UTF-32 BE with a byte-order mark', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32(TEXT, false)])],
    ];

    let expected: Located[];
    before(async () => {
      writeFileSync(join(tmp, 'utf-8.md'), TEXT);
      const r = await runCli(['--format', 'json', 'utf-8.md'], { cwd: tmp });
      expected = messagesOf(r.stdout);
      assert.ok(expected.some((m) => m.ruleId === 'placeholder' && m.line === 6 && m.column === 19), JSON.stringify(expected));
      assert.ok(!expected.some((m) => m.ruleId === 'unsupported-claim' && m.line === 10), 'the cited sentence is cited');
    });

    for (const [name, bytes] of SAVED) {
      it(name, async () => {
        const file = `${name.replace(/\W+/g, '-')}.md`;
        writeFileSync(join(tmp, file), bytes);
        const r = await runCli(['--format', 'json', file], { cwd: tmp });
        assert.equal(r.stderr, '');
        assert.deepEqual(messagesOf(r.stdout), expected);
      });
    }

    it('UTF-16 on standard input', async () => {
      const r = await runWith(['--stdin', '--format', 'json'], { cwd: tmp, stdin: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]) });
      assert.equal(r.stderr, '');
      assert.deepEqual(messagesOf(r.stdout), expected);
    });

    it('Windows-1252: read as such ("é", "–" and the citation [3–5] intact), and one finding at the top says so', async () => {
      writeFileSync(join(tmp, 'cp1252.md'), Buffer.from(TEXT.replace(/–/g, '\u0096').replace(/é/g, '\u00e9'), 'latin1'));
      const r = await runCli(['--format', 'json', 'cp1252.md'], { cwd: tmp });
      assert.equal(r.stderr, '');
      const found = messagesOf(r.stdout);
      assert.deepEqual(
        found.filter((m) => m.ruleId === 'encoding'),
        [{ ruleId: 'encoding', line: 1, column: 1, endLine: 1, endColumn: 51, message: 'Read as Windows-1252: save the file as UTF-8.' }],
      );
      assert.deepEqual(found.filter((m) => m.ruleId !== 'encoding'), expected);
    });

    it('binary is refused, with why', async () => {
      writeFileSync(join(tmp, 'scan.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0xff, 0x00, 0x13]));
      const r = await runCli(['scan.md'], { cwd: tmp });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'caselint: scan.md is a binary file (NUL bytes, and no UTF-16 or UTF-32 byte-order mark), not a manuscript\n');
    });

    it('the size limit is on the text (its UTF-8 size), whatever the encoding: a UTF-16 file of 11 MB of text is refused', async () => {
      writeFileSync(join(tmp, 'big16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a'.repeat(11 * 1024 * 1024), 'utf16le')]));
      const r = await runCli(['big16.md'], { cwd: tmp });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'caselint: big16.md is too large (11.0 MB; the limit is 10 MB)\n');
    });
  });

  describe('what cannot be read', () => {
    it('a FIFO named on the command line: refused at once (no wait for a writer)', async () => {
      const fifo = join(tmp, 'pipe.md');
      const made = spawnSync('mkfifo', [fifo]);
      assert.equal(made.status, 0, `mkfifo: ${made.stderr}`);
      const r = await runCli(['pipe.md'], { cwd: tmp });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'caselint: pipe.md is a named pipe (FIFO), not a file: pipe it into caselint --stdin instead\n');
      // Met while walking, it is not a manuscript file at all.
      mkdirSync(join(tmp, 'with-fifo'));
      copyFileSync(COMPLETE, join(tmp, 'with-fifo', 'report.md'));
      spawnSync('mkfifo', [join(tmp, 'with-fifo', 'pipe.md')]);
      const w = await runCli(['--format', 'json', 'with-fifo'], { cwd: tmp });
      assert.equal(w.code, 0, w.stderr);
      assert.equal(JSON.parse(w.stdout).length, 1);
    });

    for (const device of ['/dev/zero', '/dev/urandom']) {
      it(`${device}: refused as a device (it is never read)`, async () => {
        const r = await runCli([device], { cwd: tmp });
        assert.equal(r.code, 2);
        assert.equal(r.stderr, `caselint: ${device} is a device, not a file\n`);
      });
    }

    it('a file that vanished before it was read, met while walking: reported, and the walk goes on', () => {
      assert.deepEqual(readTarget({ path: join(tmp, 'gone.md'), explicit: false }, 'gone.md'), { kind: 'unreadable', message: 'cannot read gone.md (no such file or directory)' });
      assert.throws(() => readTarget({ path: join(tmp, 'gone.md'), explicit: true }, 'gone.md'), /cannot read gone\.md \(no such file or directory\)/);
    });

    it('an unreadable file and folder met while walking: one line each, exit 2, the other files reported', async function () {
      const dir = join(tmp, 'walk-locked');
      mkdirSync(join(dir, 'locked'), { recursive: true });
      copyFileSync(COMPLETE, join(dir, 'report.md'));
      copyFileSync(COMPLETE, join(dir, 'secret.md'));
      copyFileSync(COMPLETE, join(dir, 'locked', 'inside.md'));
      chmodSync(join(dir, 'secret.md'), 0o000);
      chmodSync(join(dir, 'locked'), 0o000);
      try {
        const r = RUNS_AS_ROOT ? runCliUnprivileged(['--format', 'json', dir]) : await runCli(['--format', 'json', dir]);
        assert.equal(r.code, 2, r.stderr);
        assert.deepEqual(r.stderr.split('\n'), [`caselint: cannot read directory ${join(dir, 'locked')} (permission denied)`, `caselint: cannot read ${join(dir, 'secret.md')} (permission denied)`, '']);
        assert.deepEqual(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath), [join(dir, 'report.md')]);
      } finally {
        chmodSync(join(dir, 'secret.md'), 0o644);
        chmodSync(join(dir, 'locked'), 0o755);
      }
    });

    it('EACCES and ELOOP are said as what they are', async () => {
      symlinkSync('loop-b.md', join(tmp, 'loop-a.md'));
      symlinkSync('loop-a.md', join(tmp, 'loop-b.md'));
      const loop = await runCli(['loop-a.md'], { cwd: tmp });
      assert.equal(loop.code, 2);
      assert.equal(loop.stderr, 'caselint: cannot read loop-a.md (too many symbolic links: a symbolic link loop)\n');
      const dir = join(tmp, 'closed');
      mkdirSync(dir);
      copyFileSync(COMPLETE, join(dir, 'x.md'));
      chmodSync(dir, 0o000);
      try {
        const r = RUNS_AS_ROOT ? runCliUnprivileged([join(dir, 'x.md')]) : await runCli([join(dir, 'x.md')]);
        assert.equal(r.code, 2);
        assert.equal(r.stderr, `caselint: cannot read ${join(dir, 'x.md')} (permission denied)\n`);
      } finally {
        chmodSync(dir, 0o755);
      }
    });

    it('a glob through a symbolic link loop, and a link to a file: each real file reported once', async () => {
      const dir = join(tmp, 'looped');
      mkdirSync(join(dir, 'a'), { recursive: true });
      copyFileSync(COMPLETE, join(dir, 'a', 'report.md'));
      symlinkSync('..', join(dir, 'a', 'up'));
      const g = await runCli(['--format', 'json', '**/*.md'], { cwd: dir });
      assert.equal(g.code, 0, g.stderr);
      // Under the shortest of its paths (not a/up/a/report.md, a/up/a/up/a/report.md …).
      assert.deepEqual(JSON.parse(g.stdout).map((f: { filePath: string }) => f.filePath), [join(dir, 'a', 'report.md')]);
      symlinkSync(join(dir, 'a', 'report.md'), join(dir, 'also.md'));
      for (const args of [['**/*.md'], ['.'], ['also.md', 'a/report.md']]) {
        const r = await runCli(['--format', 'json', ...args], { cwd: dir });
        assert.equal(JSON.parse(r.stdout).length, 1, `${args.join(' ')}: ${r.stdout}`);
      }
    });
  });

  describe('writing the report', () => {
    it('a write error on standard output (a closed pipe, a full disk): exit 2 and one line', async () => {
      const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      const r = await runWith(['--format', 'json', COMPLETE], { cwd: tmp, write: () => Promise.reject(epipe) });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'caselint: cannot write the report to standard output (the reader closed the pipe)\n');
      const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      const s = await runWith(['--format', 'json', COMPLETE], {
        cwd: tmp,
        write: () => {
          throw enospc;
        },
      });
      assert.equal(s.code, 2);
      assert.equal(s.stderr, 'caselint: cannot write the report to standard output (no space left on device)\n');
    });

    it('the bundled CLI writing to /dev/full and to a closed pipe: exit 2', async () => {
      const full = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [CLI_JS, '--format', 'json', COMPLETE], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 30000 });
        assert.equal(r.status, 2, r.stderr);
        assert.equal(r.stderr, 'caselint: cannot write the report to standard output (no space left on device)\n');
      } finally {
        closeSync(full);
      }
      const child = spawn(process.execPath, [CLI_JS, '--format', 'json', COMPLETE], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(code, 2, stderr);
      assert.equal(stderr, 'caselint: cannot write the report to standard output (the reader closed the pipe)\n');
    });

    it('--output-file is written whole or not at all: eight runs at once (making its folder, then replacing the file) always leave a valid report, and no temporary file', async () => {
      const out = join(tmp, 'reports', 'caselint.json');
      const many = join(tmp, 'many');
      mkdirSync(many);
      for (let i = 0; i < 10; i++) copyFileSync(COMPLETE, join(many, `report-${i}.md`));
      for (let round = 0; round < 2; round++) {
        const runs = Array.from({ length: 8 }, () => {
          const c = spawn(process.execPath, [CLI_JS, '--format', 'json', '-o', out, many], { stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          c.stderr.on('data', (d) => (stderr += d));
          return new Promise<string>((resolve) => c.on('close', (code) => resolve(`${code} ${stderr}`)));
        });
        assert.deepEqual(await Promise.all(runs), Array(8).fill('0 '));
        assert.equal(JSON.parse(readFileSync(out, 'utf8')).length, 10);
        assert.deepEqual(readdirSync(join(tmp, 'reports')), ['caselint.json']);
      }
    });

    it('--output-file through a symbolic link replaces the file it links to', async () => {
      const target = join(tmp, 'real-report.json');
      writeFileSync(target, 'old');
      symlinkSync(target, join(tmp, 'link-report.json'));
      const r = await runCli(['--format', 'json', '-o', 'link-report.json', COMPLETE], { cwd: tmp });
      assert.equal(r.code, 0, r.stderr);
      assert.ok(lstatSync(join(tmp, 'link-report.json')).isSymbolicLink());
      assert.equal(JSON.parse(readFileSync(target, 'utf8')).length, 1);
    });
  });

  describe('nothing of the document on stderr', () => {
    it("the YAML library's warnings become front-matter findings; a duplicate key is a finding too", () => {
      const body = readFileSync(COMPLETE, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      const files = {
        'tag.md': `---\ntitle: "Cramps: a case report"\npatient: !person Jane Roe\n---\n${body}`,
        'duplicate.md': `---\ntitle: "Cramps: a case report"\npatient: Jane Roe\npatient: Jane Roe\n---\n${body}`,
        'collection-key.md': `---\ntitle: "Cramps: a case report"\n? [Jane Roe]\n: patient\n---\n${body}`,
      };
      for (const [name, text] of Object.entries(files)) writeFileSync(join(tmp, name), text);
      const r = spawnSync(process.execPath, [CLI_JS, '--format', 'json', '--exit-zero', ...Object.keys(files)], { cwd: tmp, encoding: 'utf8', timeout: 30000 });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '', 'nothing on stderr');
      const byFile = Object.fromEntries((JSON.parse(r.stdout) as { filePath: string; messages: Located[] }[]).map((f) => [f.filePath.split('/').pop(), f.messages.filter((m) => m.ruleId === 'front-matter')]));
      assert.match(byFile['tag.md'][0]?.message ?? '', /^Front matter YAML warning: Unresolved tag: !person at line 3, column 10\./);
      assert.match(byFile['duplicate.md'][0]?.message ?? '', /^Front matter is not valid YAML: Map keys must be unique at line 4, column 1\./);
      assert.match(byFile['collection-key.md'][0]?.message ?? '', /^Front matter YAML warning: A list or a map is used as a key; it is read as text at line 3, column 3\./);
    });
  });
});
