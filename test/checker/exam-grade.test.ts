import { strict as assert } from 'node:assert';
import { check } from '../../server/src/checker';
import { findGradeProblems } from '../../server/src/checker/rules/exam-grade';

const only = (text: string) =>
  check(text, { config: { rules: { 'required-section': 'off', 'empty-section': 'off' } } }).findings.filter((f) => f.ruleId === 'exam-grade');
const flagged = (sentence: string) => findGradeProblems(sentence).map((p) => sentence.slice(p.start, p.end));

describe('rule exam-grade', () => {
  describe('prose', () => {
    const bad: [string, string[]][] = [
      ['power was 6/5', ['6/5']],
      ['Power was 6/5.', ['6/5']],
      ['biceps reflex was 7+', ['7+']],
      ['MRC grade 4/6 in the deltoid', ['4/6']],
      ['power was 7 bilaterally', ['7']],
      ['strength 5+/5 in the quadriceps', ['5+/5']],
      ['power 0-/5 in the hip flexors', ['0-/5']],
      ['ankle jerks were 5+ and knee jerks 2+', ['5+']],
      ['power was -1/5 in the deltoid', ['-1/5']],
      ['power was \u22122 in the right arm', ['\u22122']],
      ['biceps reflex -2/4', ['-2/4']],
      ['biceps reflex was -1+', ['-1+']],
      ['knee jerks were \u22121+ on the left', ['\u22121+']],
      ['Power of hip flexion was -2.', ['-2']],
      ['Power in the left hand was 6.', ['6']],
    ];
    for (const [s, expected] of bad) it(`flags "${s}"`, () => assert.deepEqual(flagged(s), expected));
    const good = [
      '4/5 in right ankle dorsiflexion',
      'Power was 4/5 in right ankle dorsiflexion.',
      'power was 4+/5 and 5-/5 distally',
      'Blood pressure was 120/80 mmHg with weakness.',
      'Weakness occurred in 2/3 of patients.',
      'On 6/5 the weakness worsened.',
      'Weakness began on 12/5/2020.',
      'Reflexes were 2+/4 and symmetric.',
      'Grip strength was 7 kg.',
      'The score was 6/5 on a scale without context words.',
      'Visual acuity was 6/9.',
      'A 5+ cm defect of the Achilles tendon was seen at the reflex hammer site.',
      'The MRC sum score was 48/60 despite weakness.',
      'Power was 3-4/5 in hip flexion.',
      'Power was 3/5 - 4/5 in the legs.',
      'Power was 4/5 - 2 weeks later it was 3/5.',
      'Power in the grade-2 muscles was 2/5.',
      'Reflexes were 1-2+ throughout.',
      'Reflexes were -1 at the ankles (Mayo Clinic scale).',
      'Power in the left hand was 6 weeks ago 4/5.',
      'Strength of the grip was 7 kg.',
    ];
    for (const s of good) it(`leaves "${s}" alone`, () => assert.deepEqual(flagged(s), []));
  });

  it('reports at the grade in the source', () => {
    const text = '# Case\n\nOn examination **power** was 6/5 in the deltoid.\n';
    const [f] = only(text);
    assert.equal(text.slice(f.start, f.end), '6/5');
    assert.equal(f.severity, 'warning');
  });

  it('reports a bad grade at its table cell', () => {
    const text = '| Muscle group | Left | Right |\n|---|---|---|\n| Deltoid | 5 | 6 |\n';
    const [f] = only(text);
    assert.equal(text.slice(f.start, f.end), '6');
  });

  it('can be turned off', () => {
    const { findings } = check('Power was 6/5.', { config: { rules: { 'exam-grade': 'off' } } });
    assert.equal(findings.filter((f) => f.ruleId === 'exam-grade').length, 0);
  });
});
