import { strict as assert } from 'node:assert';
import { check, type Format } from '../../server/src/checker';
import { applyEdits } from '../helpers/fixtures';
import { generated } from '../helpers/generated';

/**
 * What the reliability pass of issue 14 found sound, kept so (a seeded sample of its generated
 * documents, small enough for every run): no rule throws, every finding's range and every fix's
 * edits lie in the text, and the text with a fix applied checks without a rule failing.
 */
function assertSound(text: string, format: Format, name: string, recheck: boolean): void {
  const errors: string[] = [];
  const onRuleError = (id: string, e: unknown) => errors.push(`${id}: ${String(e)}`);
  const { findings } = check(text, { format, onRuleError });
  assert.deepEqual(errors, [], `${name}: a rule failed`);
  let rechecked = 0;
  for (const f of findings) {
    assert.ok(Number.isInteger(f.start) && f.start >= 0 && f.start <= f.end && f.end <= text.length, `${name}: ${f.ruleId} range [${f.start}, ${f.end})`);
    for (const fix of f.fixes ?? []) {
      for (const e of fix.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${name}: ${f.ruleId} fix edit [${e.start}, ${e.end})`);
      if (!recheck || rechecked >= 3) continue;
      rechecked++;
      const fixed = applyEdits(text, fix.edits);
      check(fixed, { format, onRuleError });
      assert.deepEqual(errors, [], `${name}: a rule failed after the fix "${fix.title}" of ${f.ruleId}`);
    }
  }
}

describe('generated documents: no exception, every range valid, every fix re-checks (issue 14)', function () {
  this.timeout(120000);
  for (const format of ['markdown', 'latex', 'text'] as const) {
    it(`120 generated ${format} documents`, () => {
      for (let d = 0; d < 120; d++) {
        const text = generated(format, 15485863 * (d + 1), 5 + (d % 80));
        assertSound(text, format, `generated ${format} document ${d}:\n${text}`, d % 4 === 0);
      }
    });
  }
});
