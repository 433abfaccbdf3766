import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits, checkFixture, readFixture } from './fixtures';

/** The fixture runner itself: it must fail on every kind of mismatch, or rule fixtures prove nothing. */
describe('fixture runner (test/helpers/fixtures.ts)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'caselint-fixtures-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const doc = (line: string) => `# Cramps: a case report\n\n## Discussion\n\n${line}\n`;
  const claim = 'This case proves that stretching helps.';

  it('reads rule ids, columns, message fragments, several per line, @line, check and config', () => {
    const fx = readFixture(write('read.md', `<!-- config {"profile": "care"} -->\nText. <!-- expect overstated-claim:11 "suggests", placeholder 'a, "b"' -->\n<!-- expect@1 front-matter -->\n<!-- check empty-section -->\n`));
    assert.deepEqual(fx.config, { profile: 'care' });
    assert.deepEqual(fx.expectations, [
      { line: 2, ruleId: 'overstated-claim', column: 11, message: 'suggests' },
      { line: 2, ruleId: 'placeholder', message: 'a, "b"' },
      { line: 1, ruleId: 'front-matter' },
    ]);
    assert.deepEqual(fx.checked, ['empty-section']);
    assert.deepEqual(readFixture(write('tex.tex', 'A. % expect exam-grade:3\n% check all\n')).expectations, [{ line: 1, ruleId: 'exam-grade', column: 3 }]);
    assert.deepEqual(readFixture(write('txt.txt', 'A. [expect exam-grade "x"]\n')).expectations, [{ line: 1, ruleId: 'exam-grade', message: 'x' }]);
  });

  it('passes when findings, columns and fragments match', () => {
    checkFixture(write('ok.md', doc(`${claim} <!-- expect overstated-claim:11 "suggests" -->`)), { rules: ['overstated-claim'] });
  });

  const failures: [string, string, RegExp][] = [
    ['a missing finding', `Stretching helped. <!-- expect overstated-claim -->`, /findings of/],
    ['an extra finding', claim, /findings of/],
    ['a wrong line', `<!-- expect overstated-claim -->\n${claim}`, /findings of/],
    ['a wrong column', `${claim} <!-- expect overstated-claim:12 -->`, /findings of/],
    ['a wrong message fragment', `${claim} <!-- expect overstated-claim "demonstrates" -->`, /findings of/],
    ['an unreadable expectation', `${claim} <!-- expect overstated-claim:x -->`, /cannot read this expectation/],
    ['an unknown rule id', `${claim} <!-- expect overstated-clam -->`, /unknown rule id "overstated-clam"/],
  ];
  for (const [what, line, re] of failures) {
    it(`fails on ${what}`, () => {
      assert.throws(() => checkFixture(write('bad.md', doc(line)), { rules: ['overstated-claim'] }), re);
    });
  }

  it('fails when name.fixed.md is not the text with its fixes applied, or there is nothing to fix', () => {
    const file = write('fix.md', doc(`${claim} <!-- expect overstated-claim -->`));
    write('fix.fixed.md', doc(`${claim.replace('proves', 'suggests')} <!-- expect overstated-claim -->`));
    checkFixture(file);
    write('fix.fixed.md', doc(`${claim.replace('proves', 'shows')} <!-- expect overstated-claim -->`));
    assert.throws(() => checkFixture(file), /fix\.fixed\.md: the fixture with its fixes applied/);
    const none = write('none.md', doc('Stretching helped.'));
    write('none.fixed.md', doc('Stretching helped.'));
    assert.throws(() => checkFixture(none, { rules: ['overstated-claim'] }), /has no fixable finding/);
  });

  it('fails when a fix also resolves another finding, unless the fixture allows it', () => {
    const paragraph = readFileSync(join(__dirname, '..', 'fixtures', 'unsupported-claim', 'citation-scope-paragraph.md'), 'utf8');
    assert.match(paragraph, /fix-may-resolve-others/);
    const strict = write('paragraph.md', paragraph.replace('<!-- fix-may-resolve-others -->\n', ''));
    assert.throws(() => checkFixture(strict), /once applied, its finding is gone and no other finding appears or goes/);
    checkFixture(write('paragraph-ok.md', paragraph));
  });

  it('applies edits from the end, keeping insertions at one offset in order', () => {
    assert.equal(applyEdits('abcdef', [{ start: 1, end: 2, newText: 'B' }, { start: 4, end: 4, newText: 'x' }, { start: 4, end: 4, newText: 'y' }]), 'aBcdxyef');
    assert.throws(() => applyEdits('abcdef', [{ start: 1, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }]), /overlapping edits/);
  });
});
