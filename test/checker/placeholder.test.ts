import { strict as assert } from 'node:assert';
import { check } from '../../server/src/checker';
import { findPlaceholders, isPlaceholderText, PLACEHOLDER_TEXTS } from '../../server/src/checker/analysis/placeholders';

const texts = (plain: string) => findPlaceholders(plain).map((m) => m.text);

describe('rule placeholder', () => {
  it('flags TODO', () => {
    const { findings } = check('# T\n\nTODO\n', { config: { rules: { 'required-section': 'off' } } });
    assert.deepEqual(findings.filter((f) => f.ruleId === 'placeholder').map((f) => f.start), [5]);
  });

  it('finds markers, citation placeholders and snippet fields', () => {
    assert.deepEqual(texts('TODO: XX mg, XXX and TBD'), ['TODO', 'XX', 'XXX', 'TBD']);
    assert.deepEqual(texts('common [citation needed] and [?] and [ref]'), ['[citation needed]', '[?]', '[ref]']);
    assert.deepEqual(texts('see [@key] and [@smith2019] and \\cite{citekey} and \\cite{lee2020}'), ['[@key]', '\\cite{citekey}']);
    assert.deepEqual(texts('dose ${1:dose} and ${2|a,b|} and ${3}'), ['${1:dose}', '${2|a,b|}', '${3}']);
    assert.deepEqual(texts("the [patient\u2019s perspective] and [AGE]"), ["[patient\u2019s perspective]", '[AGE]']);
  });

  it('leaves karyotypes and ordinary words alone', () => {
    assert.deepEqual(texts('46,XX karyotype; XX/XY mosaic; XX male; todo; Toronto; XXL'), []);
  });

  it('knows every snippet placeholder text', () => {
    for (const t of PLACEHOLDER_TEXTS) assert.ok(isPlaceholderText(t), t);
    assert.ok(isPlaceholderText('XX.X'));
    assert.ok(!isPlaceholderText('45'));
  });

  it('takes extra markers and ignores from options', () => {
    const config = { rules: { 'required-section': 'off' as const, placeholder: ['warning', { markers: ['@@@'], ignore: ['TBD'] }] as ['warning', Record<string, unknown>] } };
    const { findings } = check('# T\n\nSee @@@ and TBD.\n', { config });
    assert.deepEqual(findings.filter((f) => f.ruleId === 'placeholder').map((f) => f.data?.text), ['@@@']);
  });
});
