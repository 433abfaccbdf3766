import { strict as assert } from 'node:assert';
import { check, type CaselintConfig, type Finding } from '../../server/src/checker';
import { analyseSentence, classifySentence } from '../../server/src/checker/analysis/claims';

const claims = (text: string, config: CaselintConfig = {}, format: 'markdown' | 'latex' | 'text' = 'markdown'): Finding[] =>
  check(text, { format, config, onRuleError: (id, e) => { throw new Error(`rule ${id} failed: ${String(e)}`); } }).findings.filter(
    (f) => f.ruleId === 'unsupported-claim',
  );
const doc = (discussion: string, extra = '') => `# T\n\n## Abstract\n\nText.\n\n## Discussion\n\n${discussion}\n${extra}`;
const applyFix = (text: string, f: Finding) => {
  const e = f.fixes![0].edits[0];
  return text.slice(0, e.start) + e.newText + text.slice(e.end);
};

describe('rule unsupported-claim', () => {
  describe('the life-expectancy example', () => {
    for (const sep of [',', '.']) {
      it(`flags the second sentence of "dyspnea${sep}[2,14] These treatments..." as an efficacy claim`, () => {
        const text = doc(`Patients received non-invasive ventilation and ventilator support for dyspnea${sep}[2,14] These treatments increase the life expectancy.`);
        const found = claims(text);
        assert.equal(found.length, 1);
        const f = found[0];
        assert.equal(text.slice(f.start, f.end), 'These treatments increase the life expectancy.');
        assert.equal(f.severity, 'warning');
        assert.equal(f.data?.category, 'efficacy');
        assert.equal(f.message, 'Uncited claim (effect or cause). Add a citation.');
        assert.doesNotMatch(f.message, /cue|present-tense|statement of fact/, 'no internal words in the message');
        assert.equal(f.data?.match, 'treatments increase');
        assert.match(String(f.data?.trace), /^claim \(effect or cause\): "treatments increase" \(effect verb after a plural subject\); present tense/);
        assert.match(String(f.data?.trace), /no citation in this sentence \(the sentence before it cites; a citation covers only its own sentence\)$/);
      });
    }
  });

  describe('categories and severities', () => {
    const cases: [string, string, string][] = [
      ['The incidence is 4 per 100,000 inhabitants.', 'statistic', 'warning'],
      ['Fever occurs in 7-12% of patients.', 'statistic', 'warning'],
      ['Mortality reaches 30% without treatment.', 'statistic', 'warning'],
      ['The mean age of onset is 55 years.', 'statistic', 'warning'],
      ['Riluzole prolongs survival by three months.', 'efficacy', 'warning'],
      ['Smoking is associated with a poor response.', 'efficacy', 'warning'],
      ['Magnesium may increase the risk of diarrhoea.', 'efficacy', 'warning'],
      ['Studies have shown a benign course.', 'literature', 'warning'],
      ['Smith reported a benign course.', 'literature', 'warning'],
      ['Only eight cases have been described.', 'literature', 'warning'],
      ['This is the first reported case of its kind.', 'literature', 'warning'],
      ['Isolated radial head dislocation is rare in adults.', 'frequency', 'warning'],
      ['Fractures are usually seen in adolescence.', 'frequency', 'warning'],
      ['ALS is a rapidly progressive, fatal neurodegenerative disorder.', 'general', 'info'],
      ['Diagnosis is by clinical, pathological and laboratory correlates.', 'general', 'info'],
    ];
    for (const [sentence, category, severity] of cases) {
      it(`${category}: "${sentence}"`, () => {
        const found = claims(doc(sentence));
        assert.equal(found.length, 1, `not flagged: ${sentence}`);
        assert.equal(found[0].data?.category, category);
        assert.equal(found[0].severity, severity);
        assert.ok(typeof found[0].data?.cue === 'string');
      });
    }
    it('a configured severity wins over the per-category one', () => {
      const found = claims(doc('ALS is a rapidly progressive, fatal neurodegenerative disorder.'), { rules: { 'unsupported-claim': 'error' } });
      assert.equal(found[0].severity, 'error');
    });
  });

  describe('not claims', () => {
    const patient = [
      'Haemoglobin saturation was 96% on room air.',
      'Ulnar nerve CV was 52 m/s with normal amplitudes.',
      'Power was 4/5 in the left finger abductors.',
      'Left ankle clonus was positive.',
      'Serum amylase was raised at 557 U/L (normal range: 25-125 U/L).',
      'A complete blood count showed 23% eosinophils.',
      'The level of oxygen saturation was 74% and increased to 91% with 40% oxygen.',
      'Radiographs showed an anterior dislocation of the radial head.',
      'The patient was commenced on an exercise programme in order to increase the range of motion.',
      'This resulted in complete resolution of the diarrhoea after two months.',
    ];
    for (const s of patient) {
      it(`case section: "${s}"`, () => {
        assert.equal(classifySentence(s, 'case'), null);
        assert.equal(claims(`# T\n\n## Case presentation\n\n${s}\n`).length, 0);
      });
    }
    const authors = [
      'We report a case of cramps preceding weakness.',
      'In our case, the cramps responded to mexiletine.',
      'This case shows how cramps can precede weakness.',
      'Could cramps be the first sign of the disease?',
      'Our patient met the criteria for the disease.',
      'Figure 2 shows the needle EMG of the deltoid.',
    ];
    for (const s of authors) it(`discussion: "${s}"`, () => assert.equal(claims(doc(s)).length, 0));
  });

  describe('where claims are looked for', () => {
    const claim = 'Cramps are common in older adults.';
    it('skips the abstract by default and checks it with claims.checkAbstract', () => {
      const text = `# T\n\n## Abstract\n\n${claim}\n\n## Discussion\n\nText was written.\n`;
      assert.equal(claims(text).length, 0);
      assert.equal(claims(text, { claims: { checkAbstract: true } }).length, 1);
      assert.equal(claims(text, { rules: { 'unsupported-claim': ['warning', { checkAbstract: true }] } }).length, 1);
    });
    it('skips the patient perspective by default', () => {
      const text = `# T\n\n## Patient perspective\n\n${claim}\n`;
      assert.equal(claims(text).length, 0);
      assert.equal(claims(text, { claims: { checkPatientPerspective: true } }).length, 1);
    });
    it('skips captions and the reference list', () => {
      assert.equal(claims(`# T\n\n## Discussion\n\nFigure 1. ${claim}\n\n## References\n\n1. ${claim}\n`).length, 0);
    });
    it('skips headings', () => {
      assert.equal(claims(`# Cramps are common in older adults\n\n## Discussion\n\nText was written.\n`).length, 0);
    });
    it('checks a document without headings', () => {
      assert.equal(claims(claim).length, 1);
    });
    it('citationScope from the rule options', () => {
      const text = doc('Cramps are common. They are benign [1].');
      assert.equal(claims(text).length, 1);
      assert.equal(claims(text, { rules: { 'unsupported-claim': ['warning', { citationScope: 'paragraph' }] } }).length, 0);
      assert.equal(claims(text, { citationScope: 'paragraph' }).length, 0);
    });
    it('a citation in the previous sentence does not cover the next one', () => {
      assert.equal(claims(doc('Cramps are common [1]. They are benign.')).length, 1);
    });
  });

  describe('citation placeholder fix', () => {
    it('numeric style: [citation needed], never a number (a number would look like a real citation)', () => {
      const text = doc('Cramps are benign [1,12]. Cramps are common in older adults.');
      const [f] = claims(text);
      assert.equal(f.fixes![0].title, 'Insert citation placeholder');
      assert.equal(f.fixes![0].safe, false);
      assert.match(applyFix(text, f), /Cramps are common in older adults \[citation needed\]\./);
    });
    it('no citations yet: [citation needed]', () => {
      const text = doc('Cramps are common in older adults.');
      assert.match(applyFix(text, claims(text)[0]), /older adults \[citation needed\]\./);
    });
    it('superscript style: [citation needed]', () => {
      const text = doc('Cramps are benign.^3^ Cramps are common in older adults.');
      assert.match(applyFix(text, claims(text)[0]), /older adults \[citation needed\]\./);
    });
    it('superscript style in plain text: [citation needed]', () => {
      const text = 'DISCUSSION\n\nCramps are benign.\u00b3 Cramps are common in older adults.\n';
      const [f] = claims(text, {}, 'text');
      const fixed = applyFix(text, f);
      assert.match(fixed, /older adults \[citation needed\]\./);
      assert.equal(claims(fixed, {}, 'text').length, 0, fixed);
    });
    it('Pandoc style: [@TODO]', () => {
      const text = doc('Cramps are benign [@lee2019]. Cramps are common in older adults.');
      assert.match(applyFix(text, claims(text)[0]), /older adults \[@TODO\]\./);
    });
    it('LaTeX format: ~\\cite{TODO}', () => {
      const text = 'Cramps are common in older adults.\n';
      const [f] = claims(text, {}, 'latex');
      assert.match(applyFix(text, f), /older adults~\\cite\{TODO\}\./);
    });
    it('every placeholder it inserts is reported by the placeholder rule, and by no citation rule', () => {
      for (const [text, format] of [
        [doc('Cramps are benign [2]. Cramps are common in older adults.\n\n## References\n\n1. One A. First. 2001.\n2. Two B. Second. 2002.'), 'markdown'],
        [doc('Cramps are benign [@lee2019]. Cramps are common in older adults.'), 'markdown'],
        ['\\section{Discussion}\nCramps are common in older adults.\n', 'latex'],
        ['DISCUSSION\n\nCramps are common in older adults.\n', 'text'],
      ] as const) {
        const fixed = applyFix(text, claims(text, {}, format)[0]);
        const after = check(fixed, { format }).findings;
        assert.ok(after.some((f) => f.ruleId === 'placeholder' && /TODO|citation needed/.test(String(f.data?.text))), fixed);
        assert.deepEqual(after.filter((f) => /^citation-|^reference-/.test(f.ruleId) && f.ruleId !== 'citation-order').map((f) => f.message).filter((m) => /TODO|citation needed/.test(m)), [], fixed);
      }
    });
    it('once applied, the claim is covered (and a placeholder is left for the placeholder rule)', () => {
      for (const [text, format] of [
        [doc('Cramps are benign [2]. Cramps are common in older adults.'), 'markdown'],
        [doc('Cramps are benign [@lee2019]. Cramps are common in older adults.'), 'markdown'],
        [doc('Cramps are benign (Smith et al., 2019). Cramps are common in older adults.'), 'markdown'],
        ['\\section{Discussion}\nCramps are common in older adults.\n', 'latex'],
      ] as const) {
        const [f] = claims(text, {}, format);
        assert.equal(claims(applyFix(text, f), {}, format).length, 0, applyFix(text, f));
      }
    });
    it('author-year style: [citation needed], which the placeholder rule reports', () => {
      const text = doc('Cramps are benign (Smith et al., 2019). Cramps are common in older adults.');
      const fixed = applyFix(text, claims(text)[0]);
      assert.match(fixed, /older adults \[citation needed\]\./);
      assert.ok(check(fixed).findings.some((f) => f.ruleId === 'placeholder'));
    });
    it('"(1)", "(2, 3)", "(4–6)" before punctuation are citations; the placeholder fix inserts [citation needed]', () => {
      const md = '# CIDP: a case report\n\n## Discussion\n\nIVIg improves disability (1). Plasma exchange helps (2, 3). Steroids reduce relapses in most patients.\n';
      const r = check(md, { format: 'markdown', config: { rules: { 'required-section': 'off' } } });
      const claims = r.findings.filter((f) => f.ruleId === 'unsupported-claim');
      assert.deepEqual(claims.map((f) => md.slice(f.start, f.end)), ['Steroids reduce relapses in most patients.']);
      const fix = claims[0].fixes?.find((x) => /citation/i.test(x.title));
      assert.ok(fix, 'a citation placeholder fix');
      assert.deepEqual(fix!.edits.map((e) => e.newText.trim()), ['[citation needed]']);
    });
    it('a sentence without a full stop gets the marker at its end', () => {
      const text = doc('Cramps are common in older adults');
      assert.match(applyFix(text, claims(text)[0]), /older adults \[citation needed\]/);
    });
  });

  describe('classifier', () => {
    it('names the cue that made the claim', () => {
      const r = analyseSentence('The incidence of the disease is 4 per 100,000.', 'discussion');
      assert.equal(r.claim?.category, 'statistic');
      assert.equal(r.claim?.text, 'incidence');
    });
    it('strong cues hold in a sentence about the patient', () => {
      const r = analyseSentence('Our patient was 52 years old, within the typical age at diagnosis of 50 to 72 years.', 'discussion');
      assert.equal(r.claim?.category, 'statistic');
    });
    it('weak cues do not', () => {
      assert.equal(classifySentence('Our patient usually had cramps at night.', 'discussion'), null);
    });
    it('past-tense literature claims', () => {
      assert.equal(classifySentence('Do and Kellar reported a 14-year-old patient treated with pinning.', 'discussion')?.category, 'literature');
      assert.equal(classifySentence('In 1998, Wechsler and colleagues reported eight patients.', 'discussion')?.category, 'literature');
    });
    it('a claim in a relative clause of a patient sentence', () => {
      assert.equal(classifySentence('She received riluzole, which prolongs survival in this disease.', 'case')?.category, 'efficacy');
    });
    it('the paper in the present passive, unless what follows makes it a finding', () => {
      assert.equal(classifySentence('The imaging findings are discussed in the light of earlier reports.', 'discussion'), null);
      assert.equal(classifySentence('The options for treatment are reviewed briefly.', 'discussion'), null);
      assert.equal(classifySentence('The syndrome is described mainly in young men.', 'discussion')?.category, 'general');
      assert.equal(classifySentence('Such cramps are described as worse at night.', 'discussion')?.category, 'general');
    });
    it('a call for research with modifiers of its own, and a study proposed', () => {
      assert.equal(classifySentence('More work on the genetics of these tumours is clearly needed.', 'discussion'), null);
      assert.equal(classifySentence('A national registry would help to define the outcome.', 'discussion'), null);
      assert.equal(classifySentence('Randomised trials of the two doses would be welcome.', 'discussion'), null);
      assert.equal(classifySentence('Whether the drug shortens the illness deserves a proper trial.', 'discussion'), null);
      assert.equal(classifySentence('Trials have shown that the drug shortens the illness.', 'discussion')?.category, 'literature');
    });
    it('a course of action weighed is advice; a substance that is essential is a claim', () => {
      assert.equal(classifySentence('Prompt referral to a burns unit is the safest course.', 'discussion'), null);
      assert.equal(classifySentence('Regular follow-up of these children is mandatory.', 'discussion'), null);
      assert.equal(classifySentence('Vitamin K is essential for the synthesis of clotting factors.', 'discussion')?.category, 'general');
    });
    it('in a case section, a reason after "since" with do-support or a modal is judged on its own', () => {
      assert.ok(classifySentence('An MRI was done, since a normal CT does not exclude a small infarct.', 'case'));
      assert.ok(classifySentence('Aspirin was held, since the drug can worsen the bleeding.', 'case'));
      assert.equal(classifySentence('Since then she does not drive at night.', 'case'), null);
      assert.equal(classifySentence('She has been well since her mother can visit daily.', 'case'), null);
    });
    it('the authors weighing their case: a candidate named, what tells for or against, what a case deserves (session 12)', () => {
      // Each sentence in a Discussion, checked whole; the shape's claim-looking twin is still flagged.
      const decided: [string, boolean][] = [
        ['The probable culprit is the new herbal tea.', false],
        ['One plausible source is the well water on the farm.', false],
        ['One likely cause is a fall in cardiac output.', true],
        ['The likely mechanism is the loss of inhibitory neurons in the cord.', true],
        ['Against gout is the normal urate level.', false],
        ['In favour of a viral cause is the cough that preceded the rash.', false],
        ['Against influenza, yearly vaccination is the most effective protection.', true],
        ['A talk on this subject deserves a slot in the induction of new nurses.', false],
        ['Fever in a neutropenic adult warrants antibiotics within the hour.', true],
        ['In retrospect, the cough is the first sign of the relapse.', false],
        ['In retrospect, fractures of the scaphoid are usually visible on the first film.', true],
        ['Here, most infections are caught from dogs.', true],
        ['Patient 3 differs from the others in the absence of fever.', false],
        ['Patients 65 years or older are at higher risk.', true],
      ];
      for (const [s, flagged] of decided) assert.equal(claims(doc(s)).length, flagged ? 1 : 0, `${flagged ? 'should' : 'should not'} be flagged: ${s}`);
      // A weak claim word in a diagnosis weighed is this case's own; a verb of its own is not.
      assert.equal(claims(doc('Against a late-onset form is the young age at onset.')).length, 0);
      assert.equal(claims(doc('The probable culprit is the new tablet, which commonly causes a rash.')).length, 1);
      // The trace names what the sentence is.
      assert.match(analyseSentence('The probable culprit is the new herbal tea.', 'discussion').why, /weigh a diagnosis of this case.*candidate named in this case/);
      assert.match(analyseSentence('Against gout is the normal urate level.', 'discussion').why, /for or against a diagnosis/);
    });
    it('a relative clause after a plural with the plain form of its verb is judged on its own', () => {
      assert.ok(classifySentence('She had two of the classic risk factors, which include smoking and a family history.', 'case'));
      assert.ok(classifySentence('Our patient had none of the usual triggers, which include cold and stress.', 'discussion'));
      assert.equal(classifySentence('She had several ulcers, which bleed on contact.', 'case'), null);
      assert.equal(classifySentence('He was given two tablets, which he swallowed whole.', 'case'), null);
      assert.equal(classifySentence('The results, which we sent to the family, were normal.', 'case'), null);
    });
    it('in a case section, an apposition whose clause opens on a preposition and "which" is judged by what follows "which"', () => {
      assert.ok(classifySentence('Her potassium was 7.1 mmol/L, a level at which arrhythmias become likely.', 'case'));
      assert.ok(classifySentence('He took 2 g a day, a dose above which the liver is at risk.', 'case'));
      assert.equal(classifySentence('Her cramps began at 3 am, a time at which she was usually asleep.', 'case'), null);
      assert.equal(classifySentence('He was moved to a ward, a unit in which the nurses knew him.', 'case'), null);
    });
    it('a base form in the object of a past verb is a noun, not the verb of the plural before it', () => {
      // The plural ("the rash and the normal scan") had its verb ("made"); "cause" after "a viral" is a noun.
      assert.equal(classifySentence('The rash and the normal chest film made a viral cause unlikely.', 'discussion'), null);
      assert.equal(classifySentence('Her weight loss and night sweats prompted a careful search for lymphoma.', 'discussion'), null);
      // A plural with no past verb before the form still makes it the verb.
      assert.ok(classifySentence('Smoking and obesity cause a rise in blood pressure.', 'discussion'));
      assert.ok(classifySentence('Children exposed to lead develop anaemia.', 'discussion'));
    });
  });
});
