import { strict as assert } from 'node:assert';
import { check } from '../../server/src/checker';

describe('rule suppression-comment', () => {
  it('names the unknown id, suggests the nearest known one, and its fix makes the comment work', () => {
    const text = '## Discussion\n\n<!-- caselint-disable-next-line unsuported-claim -->\nRiluzole prolongs survival.\n';
    const before = check(text);
    const f = before.findings.find((x) => x.ruleId === 'suppression-comment')!;
    assert.equal(text.slice(f.start, f.end), 'unsuported-claim');
    assert.match(f.message, /Unknown rule id "unsuported-claim".*Did you mean "unsupported-claim"\?/);
    assert.ok(before.findings.some((x) => x.ruleId === 'unsupported-claim'), 'the misspelt comment silences nothing');
    const e = f.fixes![0].edits[0];
    const fixed = text.slice(0, e.start) + e.newText + text.slice(e.end);
    const after = check(fixed).findings.map((x) => x.ruleId);
    assert.ok(!after.includes('suppression-comment') && !after.includes('unsupported-claim'), after.join(','));
  });

  it('flags an unknown directive with the nearest one, in LaTeX too', () => {
    const text = '\\section{Discussion}\n% caselint-disable-nextline unsupported-claim\nRiluzole prolongs survival.\n';
    const f = check(text, { format: 'latex' }).findings.find((x) => x.ruleId === 'suppression-comment')!;
    assert.equal(text.slice(f.start, f.end), 'caselint-disable-nextline');
    assert.match(f.message, /Did you mean "caselint-disable-next-line"\?/);
  });

  it('no suggestion when nothing is close', () => {
    const f = check('<!-- caselint-disable zzz -->\nText.\n').findings.find((x) => x.ruleId === 'suppression-comment')!;
    assert.equal(f.fixes, undefined);
    assert.doesNotMatch(f.message, /Did you mean/);
  });
});
