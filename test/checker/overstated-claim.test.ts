import { strict as assert } from 'node:assert';
import { check } from '../../server/src/checker';
import { OVERSTATEMENTS } from '../../server/src/checker/analysis/claims';

const over = (text: string) => check(text).findings.filter((f) => f.ruleId === 'overstated-claim');

describe('rule overstated-claim', () => {
  const fixes: [string, string, string][] = [
    ['This case proves that early surgery helps.', 'proves', 'suggests'],
    ['Our case clearly demonstrates the benefit.', 'clearly demonstrates', 'suggests'],
    ['Cramps always precede weakness.', 'always', 'usually'],
    ['The tumour never recurs after excision.', 'never', 'rarely'],
    ['Excision cures the disease.', 'cures', 'can improve'],
    ['It is definitely a drug reaction.', 'definitely', 'probably'],
    ['This is the first case ever reported.', 'the first case ever reported', 'to our knowledge, the first reported case'],
    ['The sign is pathognomonic of the disease.', 'pathognomonic', 'highly suggestive'],
  ];
  for (const [sentence, phrase, alternative] of fixes) {
    it(`"${phrase}" → "${alternative}" (message and fix)`, () => {
      const text = `# T\n\n## Discussion\n\n${sentence}\n`;
      const found = over(text);
      assert.equal(found.length, 1);
      const f = found[0];
      assert.equal(f.severity, 'warning');
      assert.equal(text.slice(f.start, f.end), phrase);
      assert.match(f.message, new RegExp(`"${alternative}"`));
      assert.deepEqual(f.fixes, [{ title: `Replace with "${alternative}"`, kind: 'fix', edits: [{ start: f.start, end: f.end, newText: alternative }], safe: false }]);
    });
  }

  it('"can cure" becomes "can improve", not "can can improve"', () => {
    const [f] = over('# T\n\n## Discussion\n\nEarly excision can cure the disease.\n');
    assert.equal(f.fixes![0].edits[0].newText, 'improve');
  });

  it('keeps the capital of the replaced word', () => {
    const [f] = over('# T\n\n## Discussion\n\nDefinitely, the drug caused it.\n');
    assert.equal(f.fixes![0].edits[0].newText, 'Probably');
  });

  it('offsets map through markup', () => {
    const text = '# T\n\n## Discussion\n\nThe sign is **pathognomonic** of the disease.\n';
    const [f] = over(text);
    assert.equal(text.slice(f.start, f.end), 'pathognomonic');
  });
});

describe('overstated-claim agrees with unsupported-claim', () => {
  const claimsOf = (text: string) => check(text).findings.filter((f) => f.ruleId === 'unsupported-claim');
  const applyAll = (text: string) => {
    const edits = over(text).flatMap((f) => f.fixes![0].edits).sort((a, b) => b.start - a.start);
    return edits.reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
  };

  for (const o of OVERSTATEMENTS) {
    for (const sentence of o.examples.claims) {
      it(`the rewording of "${sentence}" is flagged by neither rule again`, () => {
        const text = `# T\n\n## Discussion\n\n${sentence}\n`;
        const after = applyAll(text);
        assert.notEqual(after, text, 'a fix was offered');
        assert.deepEqual(over(after).map((f) => after.slice(f.start, f.end)), [], `overstated-claim on "${after.trim()}"`);
        assert.ok(claimsOf(after).length <= claimsOf(text).length, `unsupported-claim flags "${after.split('\n').at(-2)}" but not the original`);
      });
    }
  }

  it('"the first case ever reported" becomes a hedged novelty, which needs no citation', () => {
    const text = '# T\n\n## Discussion\n\nThis is the first case ever reported of cramps as the only sign.\n';
    assert.equal(claimsOf(text).length, 1, 'unhedged novelty is a claim about the literature');
    const after = applyAll(text);
    assert.match(after, /This is to our knowledge, the first reported case of cramps as the only sign\./);
    assert.deepEqual(claimsOf(after), []);
    assert.deepEqual(over(after), []);
  });

  for (const sentence of ['There is always the possibility of a second cause.', 'Clinicians should never ignore cramps in an older adult.', 'It is unclear whether quinine cures cramps.']) {
    it(`no overstatement in "${sentence}"`, () => assert.deepEqual(over(`# T\n\n## Discussion\n\n${sentence}\n`), []));
    for (const section of ['Discussion', 'Case presentation']) {
      it(`and no uncited claim in "${sentence}" (${section})`, () => assert.deepEqual(claimsOf(`# T\n\n## ${section}\n\n${sentence}\n`).map((f) => f.message), []));
    }
  }

  for (const sentence of ['Ours is the first case ever reported.', 'It is the first report ever of cramps after the vaccine.', 'We describe the first case ever of cramps after the vaccine.']) {
    it(`the hedged rewording of "${sentence}" is not an uncited claim`, () => {
      const text = `# T\n\n## Discussion\n\n${sentence}\n`;
      const after = applyAll(text);
      assert.notEqual(after, text);
      assert.deepEqual(claimsOf(after).map((f) => after.slice(f.start, f.end)), []);
      assert.deepEqual(over(after), []);
    });
  }
});
