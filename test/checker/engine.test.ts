import { strict as assert } from 'node:assert';
import { basename, join } from 'node:path';
import { check, type Rule } from '../../server/src/checker';
import { checkFixture, fixtureFiles } from '../helpers/fixtures';

/** A rule that flags every sentence containing "flag", to test the engine on its own. */
const flagRule: Rule = {
  id: 'flag-test',
  description: 'test rule',
  defaultSeverity: 'warning',
  check(ctx) {
    for (const s of ctx.doc.sentences) if (s.text.includes('flag')) ctx.report({ start: s.start, end: s.end, message: 'flagged' });
  },
};

function lines(text: string, rules: Rule[] = [flagRule]): number[] {
  const { findings, model } = check(text, { rules });
  return findings.map((f) => model.lineStarts.findLastIndex((s) => s <= f.start) + 1);
}

describe('engine', () => {
  describe('suppression comments', () => {
    it('disable-next-line silences the next line with text, for the named rule only', () => {
      const text = 'A flag.\n\n<!-- caselint-disable-next-line flag-test -->\nB flag.\n\nC flag.\n';
      assert.deepEqual(lines(text), [1, 6]);
      assert.deepEqual(lines(text.replace('flag-test', 'other-rule')), [1, 4, 6]);
    });
    it('disable-next-line skips blank lines after the comment', () => {
      assert.deepEqual(lines('<!-- caselint-disable-next-line -->\n\nA flag.\n\nB flag.\n'), [5]);
    });
    it('disable-line silences its own line', () => {
      assert.deepEqual(lines('A flag. <!-- caselint-disable-line flag-test -->\n\nB flag.\n'), [3]);
    });
    it('disable … enable silences a range; disable without enable runs to the end', () => {
      const text = 'A flag.\n\n<!-- caselint-disable flag-test -->\n\nB flag.\n\n<!-- caselint-enable flag-test -->\n\nC flag.\n\n<!-- caselint-disable -->\n\nD flag.\n';
      assert.deepEqual(lines(text), [1, 9]);
    });
    it('a disable right after the front matter also covers the front matter title', () => {
      const text = '---\ntitle: A case report of cramps\n---\n<!-- caselint-disable required-section declarations -->\n\n## Case report\n\nA man.\n';
      assert.deepEqual(check(text).findings.map((f) => f.ruleId), []);
      assert.equal(check(text.replace('<!-- caselint-disable required-section declarations -->\n', '')).findings.filter((f) => f.ruleId === 'required-section').length, 3);
    });
    it('LaTeX % comments suppress too', () => {
      const text = '\\section{Case}\n% caselint-disable-next-line flag-test\nA flag.\n\nB flag.\n';
      const { findings } = check(text, { format: 'latex', rules: [flagRule] });
      assert.equal(findings.length, 1);
    });
    describe('fixtures (test/fixtures/suppressions/)', () => {
      for (const file of fixtureFiles(join(__dirname, '..', 'fixtures', 'suppressions'))) it(basename(file), () => void checkFixture(file));
    });
  });

  describe('robustness', () => {
    it('a rule that throws is skipped and reported; the others still run', () => {
      const errors: string[] = [];
      const boom: Rule = { id: 'boom', description: '', defaultSeverity: 'error', check: () => { throw new Error('bad rule'); } };
      const { findings } = check('A flag.', { rules: [boom, flagRule], onRuleError: (id) => errors.push(id) });
      assert.deepEqual(errors, ['boom']);
      assert.equal(findings.length, 1);
    });
    it('a rule reporting an invalid range or fix loses its findings', () => {
      const errors: string[] = [];
      const bad: Rule = { id: 'bad', description: '', defaultSeverity: 'error', check: (ctx) => ctx.report({ start: 5, end: 999, message: 'x' }) };
      const badFix: Rule = { id: 'bad-fix', description: '', defaultSeverity: 'error', check: (ctx) => ctx.report({ start: 0, end: 1, message: 'x', fixes: [{ title: 't', kind: 'fix', edits: [{ start: -1, end: 0, newText: '' }] }] }) };
      const { findings } = check('A flag.', { rules: [bad, badFix, flagRule], onRuleError: (id) => errors.push(id) });
      assert.deepEqual(errors, ['bad', 'bad-fix']);
      assert.deepEqual(findings.map((f) => f.ruleId), ['flag-test']);
    });
    it('configured severities win, "off" disables a rule, unknown profiles throw a clear error', () => {
      const info: Rule = { ...flagRule, check: (ctx) => ctx.report({ start: 0, end: 1, message: 'm', severity: 'info' }) };
      assert.equal(check('A flag.', { rules: [info] }).findings[0].severity, 'info');
      assert.equal(check('A flag.', { rules: [info], config: { rules: { 'flag-test': 'error' } } }).findings[0].severity, 'error');
      assert.equal(check('A flag.', { rules: [info], config: { rules: { 'flag-test': 'off' } } }).findings.length, 0);
      assert.throws(() => check('x', { config: { profile: 'nope' } }), /unknown profile "nope"/);
    });
    it('findings are sorted by position', () => {
      assert.deepEqual(lines('A flag.\n\nB flag.\n\nC flag.\n'), [1, 3, 5]);
    });
  });
});
