import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers';

const MANUSCRIPT = [
  '# A case report',
  '',
  '## Case presentation',
  '',
  'A man had cramps in both calves.',
  '',
  '## Discussion',
  '',
  'Patients received ventilation for dyspnea [2]. These treatments increase the life expectancy.',
  '',
  'Neurologists should keep this cause of cramps in mind.',
  '',
].join('\n');

describe('cli: caselint explain FILE:LINE', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'caselint-explain-'));
    writeFileSync(join(dir, 'report.md'), MANUSCRIPT);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints each finding on the line with the decision behind it, how to fix and silence it', async () => {
    const r = await runCli(['explain', 'report.md:9'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    // Other rules may report on the line too (the citation [2] has no reference list here).
    const all = r.stdout.split('\n');
    const lines = all.slice(all.findIndex((l) => l.endsWith('unsupported-claim')));
    assert.equal(lines[0], 'report.md:9:48  warning  Uncited claim (effect or cause). Add a citation.  unsupported-claim');
    assert.match(lines[1], /^ {2}why: claim \(effect or cause\): "treatments increase" \(effect verb after a plural subject\); present tense/);
    assert.match(lines[1], /the sentence before it cites; a citation covers only its own sentence/);
    assert.match(r.stdout, /^ {2}to silence it: <!-- caselint-disable-next-line unsupported-claim --> on the line above$/m);
    assert.match(r.stdout, /^ {2}rule page: .*docs\/rules\/unsupported-claim\.md$/m);
  });

  it('on a line with no finding, says why each sentence on it is not an uncited claim (an exhortation)', async () => {
    const r = await runCli(['explain', 'report.md:11'], { cwd: dir });
    assert.deepEqual(r, {
      code: 0,
      stdout:
        'report.md:11: no finding\n' +
        'unsupported-claim, sentences not flagged:\n' +
        '  report.md:11:1  not a claim: urges the reader, states nothing (exhortation ("should be considered"))\n',
      stderr: '',
    });
  });

  it('beside a finding, says why the other sentences on the line are not flagged (one cites, one is in the past tense)', async () => {
    const r = await runCli(['explain', 'report.md:9'], { cwd: dir });
    assert.match(r.stdout, /^unsupported-claim, sentences not flagged:\n {2}report\.md:9:1 {2}not checked: it cites\n/m);
    const r2 = await runCli(['explain', 'report.md:5'], { cwd: dir });
    assert.match(r2.stdout, /^ {2}report\.md:5:1 {2}not a claim: no claim word, not in the present tense$/m);
  });

  it('a bad FILE:LINE, a line past the end, a missing file: exit 2 with one line, no document text', async () => {
    for (const [argv, pattern] of [
      [['explain', 'report.md'], /FILE:LINE/],
      [['explain', 'report.md:0'], /FILE:LINE/],
      [['explain', 'report.md:99'], /has 12 lines, not 99/],
      [['explain', 'missing.md:3'], /cannot read missing\.md/],
      [['explain', 'report.md:3', '--fast'], /unknown option for explain: --fast/],
    ] as const) {
      const r = await runCli([...argv], { cwd: dir });
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^caselint: [^\n]+\n$/);
      assert.match(r.stderr, pattern);
      assert.doesNotMatch(r.stderr, /treatments|cramps/, 'no document text on stderr');
    }
  });

  it('--help prints its usage', async () => {
    const r = await runCli(['explain', '--help'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: caselint explain FILE:LINE/);
  });
});
