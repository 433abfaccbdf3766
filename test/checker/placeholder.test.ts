import { strict as assert } from 'node:assert';
import { check } from '../../server/src/checker';
import { findPlaceholders, isPlaceholderText, PLACEHOLDER_TEXTS } from '../../server/src/checker/analysis/placeholders';
import { seededRandom } from '../../bench/random';

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

  it('finds what a template or a co-author leaves behind', () => {
    assert.deepEqual(texts('Mr [surname] on [date of admission], [Patient Name], [Date]'), ['[surname]', '[date of admission]', '[Patient Name]', '[Date]']);
    assert.deepEqual(texts('He took __ mg, signed ________ and sodium was 1X.5, 0.X, X.5, 1XX, X mg, X.X mmol/L, ??? and ?? U/L'), [
      '__', '________', '1X.5', '0.X', 'X.5', '1XX', 'X mg', 'X.X mmol', '???', '??',
    ]);
    assert.deepEqual(texts('Lorem ipsum dolor sit amet.'), ['Lorem ipsum']);
    assert.deepEqual(texts('Add image here. Figure 2 goes here. Please paste the MRI here! Insert Figure 1 about here.'), [
      'Add image here.', 'Figure 2 goes here.', 'Please paste the MRI here!', 'Insert Figure 1 about here.',
    ]);
    assert.deepEqual(texts('Click or tap here to enter text.'), ['Click or tap here to enter text.']);
    assert.deepEqual(texts('Common (Author, Year), rare [Author et al., 2020], (Surname 20XX; Surname 20XX) and (ref)'), [
      '(Author, Year)', '[Author et al., 2020]', '(Surname 20XX; Surname 20XX)', '(ref)',
    ]);
  });

  it('leaves citations, abbreviations, quotations, units and numbers alone', () => {
    const prose = [
      'cramps [3] and [4-6], [Okafor et al. 2021], [@smith2019], the [CSF], [18F]-FDG, [47,XX,+21], [K+, Na+]',
      '"it [the cramp] woke me" and "cant [sic]", [redacted], [name withheld], Age [years], dose [mg], [math]',
      'the mass [arrow], the [normal] range, [x] done, [ ] open, [^1], [[wiki]], [text](url), [span]{.c}',
      'Type 2 diabetes was diagnosed here. Complete remission was achieved here. We describe here a man.',
      'Click here to view. Click here for additional data file. Identifiers (name, date of birth) were removed.',
      '(Smith, 2019). 2X10^9/L, 5 X 10^9/L, 400X, 2.5X, ISSN 1234-567X, 3X2 cm, 1744666X.3.6.833, Patient X, factor X',
      'X-ray, X-linked, 47,XXY, 45,X/46,XX, 46 XX karyotype, What??, chloremia, __init__, snake_case',
    ];
    for (const p of prose) assert.deepEqual(texts(p), [], p);
    assert.deepEqual(texts('______'), [], 'a line of underscores is a rule, not a blank');
    assert.deepEqual(findPlaceholders('Lee B. Night cramps [serial on the internet]. Thesis [dissertation].', [], [], true), []);
  });

  it('finds an instruction only where a sentence starts', () => {
    const instructions = (plain: string) => findPlaceholders(plain).filter((m) => m.kind === 'instruction').map((m) => [m.start, m.text]);
    assert.deepEqual(instructions('Add image here.'), [[0, 'Add image here.']]);
    assert.deepEqual(instructions('Done. Add image here. Then: insert table 2 here\n  Text goes here'), [[6, 'Add image here.'], [28, 'insert table 2 here'], [50, 'Text goes here']]);
    assert.deepEqual(instructions('We add image here. The text goes here, then. Done, add image here'), []);
    assert.deepEqual(instructions(' \n Add image here.\u00a0Insert figure here!'), [[3, 'Add image here.'], [19, 'Insert figure here!']]);
  });

  it('finds instructions where the pattern behind look-behinds for sentence starts finds them (random texts)', () => {
    // The rule's search tries the pattern only at sentence starts; this is the pattern it stands for.
    const verbs = '(?:add|insert|place|put|paste|include|describe|write|enter|type|fill in|attach|upload|update|summari[sz]e|list|provide|explain|cite|copy)';
    const lookBehind = new RegExp(
      String.raw`(?:^|(?<=[.!?:]\s+)|(?<=\n\s*))(?:(?:please\s+)?${verbs}\b(?:\s+[^\s.!?]+){0,6}?\s+(?:about\s+)?here|(?:\S+\s+){0,3}?(?:goes|go) here|click(?: or tap)? here to enter text)(?=[.!:]?(?:\s|$|[)\]]))[.!:]?`,
      'giu',
    );
    const keep = (t: string) => !/^\s*type\s+\d|\b(?:was|were|is|are|has|have|had|been|being|did|does|do|will|would|can|could|may|might)\b/i.test(t);
    const words = ['Add', 'add', 'image', 'here', 'Here', 'goes', 'go', 'please', 'Click or tap here to enter text', 'type', '2', 'was', 'Insert', 'Text', 'about', '.', '!', '?', ':', ')', ']', ' ', '  ', '\n', ' \n ', '\t', '\u00a0', 'é', ','];
    const random = seededRandom(17);
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      let t = '';
      for (let k = 1 + Math.floor(random() * 20); k > 0; k--) t += words[Math.floor(random() * words.length)] + (random() < 0.6 ? ' ' : '');
      const expected = [...t.matchAll(lookBehind)].filter((m) => keep(m[0])).map((m) => [m.index, m[0]]);
      assert.deepEqual(findPlaceholders(t).filter((m) => m.kind === 'instruction').map((m) => [m.start, m.text]), expected, JSON.stringify(t));
      found += expected.length;
    }
    assert.ok(found > 300, `${found} instructions in the random texts`);
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
