import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureFiles, runFixture } from '../helpers/fixtures';
import { FIXTURES, REPO, runCli, runCliUnprivileged, RUNS_AS_ROOT, UNPRIVILEGED_UID } from './helpers';
import pkg from '../../package.json';

const COMPLETE = join(FIXTURES, 'project/complete-case-report.md');
const MISSING = join(FIXTURES, 'missing-section.md');
const MISSING_REL = 'test/fixtures/cli/missing-section.md';

/** Exactly one line on stderr, "caselint: …", and nothing on stdout. */
function assertUsageError(r: { code: number; stdout: string; stderr: string }, pattern: RegExp) {
  assert.equal(r.code, 2, `exit code for: ${r.stderr}`);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^caselint: [^\n]+\n$/, `one line on stderr, got ${JSON.stringify(r.stderr)}`);
  assert.match(r.stderr, pattern);
  assert.doesNotMatch(r.stderr, /\bat .+:\d+:\d+\)?$/m, 'no stack trace');
}

describe('cli: main() in-process', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'caselint-cli-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('the CLI fixtures carry their expected findings inline', () => {
    const files = [COMPLETE, MISSING, join(FIXTURES, 'bad-config/report.md'), ...fixtureFiles(join(FIXTURES, 'kinds'))];
    for (const file of files) {
      const { expected, actual } = runFixture(file);
      assert.deepEqual(actual, expected, file);
    }
  });

  describe('exit codes and the JSON shape', () => {
    it('a complete, correctly cited case report: exit 0, nothing printed', async () => {
      const r = await runCli([COMPLETE]);
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, '');
      assert.equal(r.code, 0);
      const j = await runCli(['--format', 'json', COMPLETE]);
      assert.equal(j.code, 0);
      assert.deepEqual(JSON.parse(j.stdout), [{ filePath: COMPLETE, messages: [], errorCount: 0, warningCount: 0, infoCount: 0 }]);
    });

    it('a report missing a section: exit 1, ESLint-style JSON with UTF-16 columns', async () => {
      const r = await runCli(['--format', 'json', MISSING_REL]);
      assert.equal(r.stderr, '');
      assert.equal(r.code, 1);
      const out = JSON.parse(r.stdout);
      assert.equal(out.length, 1);
      const [file] = out;
      assert.deepEqual(Object.keys(file).sort(), ['errorCount', 'filePath', 'infoCount', 'messages', 'warningCount']);
      assert.equal(file.filePath, MISSING, 'absolute path');
      assert.equal(file.errorCount, 1);
      assert.equal(file.warningCount, 1);
      for (const m of file.messages) {
        assert.deepEqual(Object.keys(m).sort(), ['caselintSeverity', 'column', 'endColumn', 'endLine', 'line', 'message', 'ruleId', 'severity']);
      }
      const text = readFileSync(MISSING, 'utf8');
      const title = /"(Nocturnal[^"]*)"/.exec(text)![1];
      // Line 2: title: "Nocturnal cramps 🦵 in …" — starts at column 9; the emoji is two UTF-16 code
      // units, so the end column counts it twice (a code-point count would be one less).
      const section = file.messages.find((m: { ruleId: string }) => m.ruleId === 'required-section');
      assert.deepEqual(section, {
        ruleId: 'required-section',
        severity: 2,
        caselintSeverity: 'error',
        message: section.message,
        line: 2,
        column: 9,
        endLine: 2,
        endColumn: 9 + title.length,
      });
      assert.equal(title.length, [...title].length + 1);
      assert.match(section.message, /"Investigations"/);
      // Line 11: "The patient 🦵 reported XX …": XX starts after 12 + 2 + 10 code units → column 25.
      const marker = file.messages.find((m: { ruleId: string }) => m.ruleId === 'placeholder');
      assert.deepEqual(
        { line: marker.line, column: marker.column, endLine: marker.endLine, endColumn: marker.endColumn, severity: marker.severity, caselintSeverity: marker.caselintSeverity },
        { line: 11, column: 25, endLine: 11, endColumn: 27, severity: 1, caselintSeverity: 'warning' },
      );
      // The CLI reports what the fixture's inline expectations say.
      const fx = runFixture(MISSING);
      assert.deepEqual(file.messages.map((m: { line: number; ruleId: string }) => `${m.line}:${m.ruleId}`).sort(), fx.expected);
    });

    it('--quiet reports errors only', async () => {
      const r = await runCli(['--format', 'json', '--quiet', MISSING]);
      assert.equal(r.code, 1);
      const [file] = JSON.parse(r.stdout);
      assert.deepEqual(file.messages.map((m: { ruleId: string }) => m.ruleId), ['required-section']);
      assert.equal(file.warningCount, 0);
    });

    it('--max-warnings counts warnings only; --exit-zero exits 0 with findings', async () => {
      const onlyWarning = readFileSync(COMPLETE, 'utf8').replace('levothyroxine.', 'levothyroxine XX.');
      const args = ['--stdin', '--stdin-filename', 'warned.md'];
      assert.equal((await runCli(args, { stdin: onlyWarning })).code, 0);
      assert.equal((await runCli([...args, '--max-warnings', '1'], { stdin: onlyWarning })).code, 0);
      const over = await runCli([...args, '--max-warnings', '0'], { stdin: onlyWarning });
      assert.equal(over.code, 1);
      assert.match(over.stderr, /too many warnings \(1; --max-warnings is 0\)/);
      assert.equal((await runCli([...args, '--max-warnings', '0', '--exit-zero'], { stdin: onlyWarning })).code, 0);
      assert.equal((await runCli([MISSING, '--exit-zero'])).code, 0);
      // --exit-zero never hides a usage error.
      assert.equal((await runCli(['nowhere.md', '--exit-zero'])).code, 2);
    });

    it('--rule and --profile override the config', async () => {
      const demoted = await runCli(['--format', 'json', '--rule', 'required-section:warning', '--rule', 'placeholder:off', MISSING]);
      assert.equal(demoted.code, 0);
      const [file] = JSON.parse(demoted.stdout);
      assert.deepEqual(file.messages.map((m: { ruleId: string; severity: number }) => `${m.ruleId}:${m.severity}`), ['required-section:1']);
      const care = await runCli(['--format', 'json', '--profile', 'care', MISSING]);
      assert.equal(care.code, 1);
      const [c] = JSON.parse(care.stdout);
      const missing = c.messages.filter((m: { ruleId: string }) => m.ruleId === 'required-section');
      assert.ok(missing.length > 1, 'the CARE profile requires more sections');
      for (const m of missing) assert.match(m.message, /\(profile "care"\)/);
    });
  });

  describe('usage, config and I/O errors: exit 2 with one line', () => {
    const cases: [string, string[], RegExp][] = [
      ['unknown option', ['--bogus'], /unknown option --bogus/],
      ['unknown format', ['--format', 'xml', MISSING], /unknown format "xml" \(known: stylish, json, sarif, github, junit, markdown\)/],
      ['option without its value', ['--format'], /^caselint: option --format needs a value\n$/],
      ['short option without its value', ['-o'], /^caselint: option --output-file needs a value\n$/],
      ['missing file', ['no/such/file.md'], /no such file or directory: no\/such\/file\.md/],
      ['glob matching nothing', ['test/fixtures/cli/**/*.nothing'], /no files match the glob/],
      ['bad --max-warnings', ['--max-warnings', 'many', MISSING], /--max-warnings expects a whole number/],
      ['unknown profile', ['--profile', 'nope', MISSING], /unknown profile "nope"/],
      ['unknown rule in --rule', ['--rule', 'no-such-rule:error', MISSING], /unknown rule "no-such-rule"/],
      ['unknown severity in --rule', ['--rule', 'placeholder:loud', MISSING], /unknown severity "loud"/],
      ['malformed --rule', ['--rule', 'placeholder', MISSING], /--rule expects ID:SEVERITY/],
      ['missing --config file', ['--config', 'nowhere/.caselint.json', MISSING], /nowhere\/\.caselint\.json: cannot be read \(ENOENT\)/],
      ['invalid discovered config', ['test/fixtures/cli/bad-config'], /bad-config\/\.caselint\.json: unknown key "colour"/],
      ['invalid config named with --config', ['--config', 'test/fixtures/cli/bad-config/.caselint.json', COMPLETE], /unknown key "colour"/],
      ['--config with --no-config', ['--config', 'a.json', '--no-config'], /cannot be used together/],
      ['--stdin with files', ['--stdin', MISSING], /--stdin cannot be combined with file arguments/],
      ['--stdin-filename without --stdin', ['--stdin-filename', 'a.md'], /--stdin-filename needs --stdin/],
      ['a flag given a value', ['--quiet=yes', MISSING], /option --quiet does not take a value/],
    ];
    for (const [name, argv, pattern] of cases) {
      it(name, async () => assertUsageError(await runCli(argv), pattern));
    }

    it('a value starting with "-" gets a clear message, not "does not take a value"', async () => {
      const r = await runCli(['--max-warnings', '-1', 'x.md'], { cwd: tmp });
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, 'caselint: option --max-warnings needs a value (for a value starting with "-", write --max-warnings=VALUE)\n');
      const o = await runCli(['-o', '-report.json', 'x.md'], { cwd: tmp });
      assert.equal(o.code, 2);
      assert.match(o.stderr, /^caselint: option -o needs a value \(for a value starting with "-", write --output-file=VALUE\)\n$/);
    });

    it('a binary file named explicitly', async () => {
      const bin = join(tmp, 'figure.md');
      writeFileSync(bin, Buffer.from([0x23, 0x20, 0x41, 0x00, 0x01, 0x02]));
      assertUsageError(await runCli([bin]), /figure\.md is a binary file/);
    });

    it('a file over 10 MB named explicitly', async () => {
      const big = join(tmp, 'huge.md');
      writeFileSync(big, '');
      truncateSync(big, 11 * 1024 * 1024);
      assertUsageError(await runCli([big]), /huge\.md is too large \(11\.0 MB; the limit is 10 MB\)/);
    });

    it('an output file that cannot be written', async () => {
      assertUsageError(await runCli(['--output-file', `${COMPLETE}/report.json`, COMPLETE]), /cannot write the output file .*report\.json \((ENOTDIR|EEXIST)\)/);
    });

    it('an output file in a folder that cannot be created fails with one line instead of hanging', async () => {
      writeFileSync(join(tmp, 'case.md'), '# A case report\n\n## Case report\n\nA man.\n');
      const r = await runCli(['-o', '/proc/caselint-x/y.json', 'case.md'], { cwd: tmp });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^caselint: cannot write the output file \/proc\/caselint-x\/y\.json \(E[A-Z]+\)\n$/);
    });

    it('binary data on standard input', async () => {
      assertUsageError(await runCli(['--stdin'], { stdin: 'abc\u0000def' }), /standard input is a binary file \(NUL bytes, and no UTF-16 or UTF-32 byte-order mark\), not a manuscript/);
    });

    // Permission bits do not stop root: as root, main() runs in a child process as an
    // unprivileged user, which must be able to run node and read the repository.
    const runUnreadable = async (path: string) => {
      if (!RUNS_AS_ROOT) return runCli([path]);
      chmodSync(tmp, 0o755);
      const r = runCliUnprivileged([path]);
      assert.doesNotMatch(r.stderr, /Cannot find module|ERR_MODULE_NOT_FOUND|EACCES: permission denied, open .*(?:node_modules|server\/src)/, `running as root, this test runs the CLI as uid ${UNPRIVILEGED_UID}, who cannot run it here: ${r.stderr}`);
      return r;
    };
    it('a directory without read permission', async () => {
      const locked = join(tmp, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o000);
      try {
        assertUsageError(await runUnreadable(locked), /cannot read directory .*locked \(permission denied\)/);
      } finally {
        chmodSync(locked, 0o755);
      }
    });
    it('an unreadable file', async () => {
      const f = join(tmp, 'secret.md');
      writeFileSync(f, '# Case report\n');
      chmodSync(f, 0o000);
      try {
        assertUsageError(await runUnreadable(f), /cannot read .*secret\.md \(permission denied\)/);
      } finally {
        chmodSync(f, 0o644);
      }
    });
  });

  describe('files, directories, globs and config', () => {
    it('walks a directory: checks case reports, skips other files and config "ignore" globs', async () => {
      const r = await runCli(['--format', 'json', 'test/fixtures/cli/project']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath), [COMPLETE]);
    });

    it('checks a file named explicitly even when it is ignored or not detected', async () => {
      const draft = join(FIXTURES, 'project/notes/draft.txt');
      const readme = join(FIXTURES, 'project/notes/README.md');
      const r = await runCli(['--format', 'json', draft, readme]);
      assert.equal(r.code, 1);
      assert.deepEqual(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath), [draft, readme]);
    });

    it('--detect applies detection and config "ignore" to named files (pre-commit)', async () => {
      const draft = join(FIXTURES, 'project/notes/draft.txt');
      const readme = join(FIXTURES, 'project/notes/README.md');
      const r = await runCli(['--format', 'json', '--detect', COMPLETE, draft, readme]);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath), [COMPLETE]);
    });

    it('a folder walk and --detect skip a README even when its title names case reports; named, it is checked', async () => {
      const dir = join(FIXTURES, 'readme-titled');
      const walked = await runCli(['--format', 'json', 'test/fixtures/cli/readme-titled']);
      assert.equal(walked.code, 0, walked.stderr);
      assert.deepEqual(JSON.parse(walked.stdout).map((f: { filePath: string }) => f.filePath), [join(dir, 'paper.md')]);
      const detected = await runCli(['--format', 'json', '--detect', join(dir, 'README.md'), join(dir, 'paper.md')]);
      assert.deepEqual(JSON.parse(detected.stdout).map((f: { filePath: string }) => f.filePath), [join(dir, 'paper.md')]);
      const named = await runCli(['--format', 'json', join(dir, 'README.md')]);
      assert.deepEqual(JSON.parse(named.stdout).map((f: { filePath: string }) => f.filePath), [join(dir, 'README.md')]);
    });

    it('walks every extension of the table of formats (.markdown too; not .html), each in its own format', async () => {
      const dir = join(FIXTURES, 'kinds');
      const r = await runCli(['--format', 'json', 'test/fixtures/cli/kinds']);
      assert.equal(r.code, 1, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.deepEqual(out.map((f: { filePath: string }) => f.filePath), ['case.Rmd', 'case.markdown', 'case.qmd', 'case.tex'].map((f) => join(dir, f)));
      // The same Markdown case report, walked as .markdown, .qmd and .Rmd.
      assert.deepEqual(out[1].messages, out[0].messages);
      assert.deepEqual(out[1].messages, out[2].messages);
      // LaTeX: \title{Cramps 🦵 …} — the title starts after "\title{" (column 8); the emoji counts twice.
      const tex = out[3];
      const title = 'Cramps 🦵 and hypothyroidism: a case report';
      assert.deepEqual(
        tex.messages.map((m: { ruleId: string; line: number; column: number; endLine: number; endColumn: number }) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn]),
        [
          // No consent statement.
          ['declarations', 2, 8, 2, 8 + title.length],
          ['required-section', 2, 8, 2, 8 + title.length],
          ['required-section', 2, 8, 2, 8 + title.length],
          // \cite{smith2019} with neither \bibliography nor thebibliography.
          ['citation-reference', 8, 51, 8, 67],
        ],
      );
      assert.deepEqual(tex.messages.map((m: { line: number; ruleId: string }) => `${m.line}:${m.ruleId}`), runFixture(join(dir, 'case.tex')).expected);
      // Named explicitly, any extension is checked (as Markdown).
      const named = await runCli(['--format', 'json', join(dir, 'case.html')]);
      assert.deepEqual(JSON.parse(named.stdout).map((f: { filePath: string }) => f.filePath), [join(dir, 'case.html')]);
    });

    it('expands globs and skips non-manuscripts among the matches', async () => {
      const r = await runCli(['--format', 'json', 'test/fixtures/cli/project/**/*.md']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath), [COMPLETE]);
    });

    it('no arguments: the current directory', async () => {
      const r = await runCli(['--format', 'json'], { cwd: join(FIXTURES, 'project') });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath), [COMPLETE]);
    });

    it('skips binary and huge files met while walking, with a note on stderr', async () => {
      const dir = join(tmp, 'walk');
      mkdirSync(join(dir, 'node_modules/pkg'), { recursive: true });
      mkdirSync(join(dir, '.hidden'), { recursive: true });
      copyFileSync(COMPLETE, join(dir, 'report.md'));
      copyFileSync(MISSING, join(dir, 'node_modules/pkg/report.md'));
      copyFileSync(MISSING, join(dir, '.hidden/report.md'));
      writeFileSync(join(dir, 'scan.md'), Buffer.from([0x00, 0xff, 0x10]));
      writeFileSync(join(dir, 'huge.txt'), '');
      truncateSync(join(dir, 'huge.txt'), 10 * 1024 * 1024 + 1);
      writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]));
      const r = await runCli(['--format', 'json', dir], { cwd: tmp });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath), [join(dir, 'report.md')]);
      assert.equal(r.stderr, 'caselint: skipped walk/huge.txt (too large (10.0 MB))\ncaselint: skipped walk/scan.md (binary file)\n');
    });

    it('a folder with no manuscript files says so on stderr and exits 0', async () => {
      const empty = join(tmp, 'empty');
      mkdirSync(join(empty, 'src'), { recursive: true });
      writeFileSync(join(empty, 'src', 'index.js'), 'console.log(1);\n');
      const r = await runCli(['empty'], { cwd: tmp });
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, 'caselint: no manuscript files (.md .markdown .qmd .Rmd .tex .latex .ltx .txt .text) found in empty\n');
    });

    it('says so when a directory holds no case reports', async () => {
      const r = await runCli(['test/fixtures/cli/project/notes']);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^caselint: no case reports found among 2 files \(name a file to check it anyway/);
    });

    it('--no-config and --config', async () => {
      // With no config, the ignored draft is found by walking (and has errors).
      const r = await runCli(['--format', 'json', '--no-config', 'test/fixtures/cli/project']);
      assert.equal(r.code, 1);
      assert.equal(JSON.parse(r.stdout).length, 2);
      const cfg = join(tmp, 'strict.json');
      writeFileSync(cfg, JSON.stringify({ rules: { placeholder: 'error' } }));
      const s = await runCli(['--format', 'json', '--config', cfg, MISSING]);
      const [file] = JSON.parse(s.stdout);
      assert.equal(file.errorCount, 2);
    });

    it('--stdin: reports <stdin>, or the --stdin-filename (absolute), with its format and config', async () => {
      const text = readFileSync(MISSING, 'utf8');
      const plain = await runCli(['--stdin', '--format', 'json'], { stdin: text });
      assert.equal(plain.code, 1);
      assert.equal(JSON.parse(plain.stdout)[0].filePath, '<stdin>');
      const named = await runCli(['--stdin', '--stdin-filename', 'test/fixtures/cli/project/notes/draft.txt', '--format', 'json'], {
        stdin: readFileSync(join(FIXTURES, 'project/notes/draft.txt'), 'utf8'),
      });
      const [file] = JSON.parse(named.stdout);
      assert.equal(file.filePath, join(FIXTURES, 'project/notes/draft.txt'));
      assert.equal(file.messages[0].line, 1, 'plain-text format from the file name');
      const stylish = await runCli(['--stdin'], { stdin: text });
      assert.match(stylish.stdout, /^\n<stdin>\n/);
    });

    it('a UTF-8 byte-order mark is not counted in columns', async () => {
      const bom = join(tmp, 'bom.md');
      writeFileSync(bom, `\uFEFF${readFileSync(MISSING, 'utf8')}`);
      const r = await runCli(['--format', 'json', bom]);
      const marker = JSON.parse(r.stdout)[0].messages.find((m: { ruleId: string }) => m.ruleId === 'placeholder');
      assert.equal(marker.column, 25);
    });
  });

  describe('output', () => {
    it('--output-file writes the report (creating folders) and keeps stdout quiet', async () => {
      const out = join(tmp, 'reports/nested/caselint.json');
      const r = await runCli(['--format', 'json', '--output-file', out, MISSING]);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, '');
      assert.equal(JSON.parse(readFileSync(out, 'utf8'))[0].filePath, MISSING);
    });

    it('stylish: ESLint-like lines and summary; colours only on a TTY without NO_COLOR', async () => {
      const r = await runCli([MISSING_REL]);
      const lines = r.stdout.split('\n');
      assert.equal(lines[0], '');
      assert.equal(lines[1], MISSING_REL);
      assert.match(lines[2], /^ {2}2:9 {4}error {4}Missing required section "Investigations" .* {2}required-section$/);
      assert.match(lines[3], /^ {2}11:25 {2}warning {2}\S.* {2}placeholder$/);
      assert.equal(lines[5], '✖ 2 problems (1 error, 1 warning)');
      assert.doesNotMatch(r.stdout, /\u001b\[/);
      const tty = await runCli([MISSING_REL], { isTTY: true });
      assert.match(tty.stdout, /\u001b\[31merror/);
      assert.equal(tty.stdout.replace(/\u001b\[\d+m/g, ''), r.stdout);
      const noColor = await runCli([MISSING_REL], { isTTY: true, env: { NO_COLOR: '1' } });
      assert.equal(noColor.stdout, r.stdout);
    });

    it('stylish: FORCE_COLOR and NO_COLOR as usual for CLIs (FORCE_COLOR wins; TERM=dumb is plain)', async () => {
      const plain = (await runCli([MISSING_REL])).stdout;
      const coloured = (await runCli([MISSING_REL], { isTTY: true })).stdout;
      assert.notEqual(coloured, plain);
      const out = async (env: Record<string, string>, isTTY = false) => (await runCli([MISSING_REL], { isTTY, env })).stdout;
      for (const v of ['1', '2', '3', 'true', '']) assert.equal(await out({ FORCE_COLOR: v }), coloured, `FORCE_COLOR=${v} in a pipe`);
      for (const v of ['0', 'false']) assert.equal(await out({ FORCE_COLOR: v }, true), plain, `FORCE_COLOR=${v} on a terminal`);
      assert.equal(await out({ FORCE_COLOR: '1', NO_COLOR: '1' }), coloured, 'FORCE_COLOR wins over NO_COLOR');
      assert.equal(await out({ NO_COLOR: '' }, true), coloured, 'an empty NO_COLOR does not count');
      assert.equal(await out({ TERM: 'dumb' }, true), plain);
    });

    it('stylish lines match the caselint-stylish problem matcher in package.json', async () => {
      const matchers = (pkg as { contributes?: { problemMatchers?: { name: string; pattern: { regexp: string }[] }[] } }).contributes?.problemMatchers;
      const m = matchers?.find((x) => x.name === 'caselint-stylish');
      assert.ok(m, 'package.json contributes.problemMatchers has caselint-stylish');
      const [fileRe, lineRe] = m.pattern.map((p) => new RegExp(p.regexp));
      const r = await runCli([MISSING_REL]);
      const lines = r.stdout.split('\n');
      assert.equal(fileRe.exec(lines[1])?.[1], MISSING_REL);
      const hit = lineRe.exec(lines[2])!;
      assert.deepEqual(hit.slice(1), ['2', '9', 'error', hit[4], 'required-section']);
      assert.match(hit[4], /^Missing required section "Investigations"/);
      assert.equal(fileRe.exec(lines[2]), null, 'a finding line is not taken for a file name');
      assert.equal(lineRe.exec(lines[5]), null, 'the summary is not taken for a finding');
    });

    it('--help and --version', async () => {
      const help = await runCli(['--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: caselint \[options\] \[files\|dirs\|globs\.\.\.\]/);
      for (const flag of ['--format', '--output-file', '--profile', '--rule', '--max-warnings', '--quiet', '--stdin', '--stdin-filename', '--config', '--no-config', '--exit-zero', '--version']) {
        assert.ok(help.stdout.includes(flag), flag);
      }
      assert.match(help.stdout, /Exit codes:/);
      const version = await runCli(['--version']);
      assert.equal(version.stdout, `${pkg.version}\n`);
    });
  });
});

void REPO;
