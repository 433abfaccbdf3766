/** Regressions for CLI bugs found in product QA. */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers';

describe('CLI QA regressions', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'caselint-qa-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a value starting with "-" gets a clear message, not "does not take a value"', async () => {
    const r = await runCli(['--max-warnings', '-1', 'x.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'caselint: option --max-warnings needs a value (for a value starting with "-", write --max-warnings=VALUE)\n');
    const o = await runCli(['-o', '-report.json', 'x.md'], { cwd: dir });
    assert.equal(o.code, 2);
    assert.match(o.stderr, /^caselint: option -o needs a value \(for a value starting with "-", write --output-file=VALUE\)\n$/);
  });

  it('a folder with no manuscript files says so on stderr and exits 0', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(join(empty, 'src'), { recursive: true });
    writeFileSync(join(empty, 'src', 'index.js'), 'console.log(1);\n');
    const r = await runCli(['empty'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'caselint: no manuscript files (.md .qmd .Rmd .rmd .tex .txt) found in empty\n');
  });

  it('an output file in a folder that cannot be created fails with one line instead of hanging', async () => {
    writeFileSync(join(dir, 'case.md'), '# A case report\n\n## Case report\n\nA man.\n');
    const r = await runCli(['-o', '/proc/caselint-x/y.json', 'case.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^caselint: cannot write the output file \/proc\/caselint-x\/y\.json \(E[A-Z]+\)\n$/);
  });
});
