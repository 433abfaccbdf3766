import { strict as assert } from 'node:assert';
import { CLAIM_DATA, CLAIM_WORD_SETS, analyseSentence, makeClassifier, traceOf, type ClaimExamples, type SectionMode } from '../../server/src/checker/analysis/claims';
import { USE_LEARNED_DECISION, learnedClassifier } from '../../server/src/checker/analysis/claims/classify';
import { DECISION_WEIGHTS, EVIDENCE, checkWeights, weightVector, type DecisionWeights } from '../../server/src/checker/analysis/claims/weights';
import trained from '../../server/src/checker/analysis/claims/decision-weights.json';

/**
 * The learned decision (decision-weights.json, written by `npm run train`): the checked-in
 * weights load, the decision is bias + Σ weight·evidence against the threshold, and it decides
 * our own sentences as the data says. Sentences here are ours, never corpus text.
 */
const LEARNED = learnedClassifier();

describe('claims: the learned decision (decision-weights.json)', () => {
  it('the checked-in weights load: one number for every feature, a bias and a threshold', () => {
    assert.equal(checkWeights(trained as DecisionWeights), trained);
    assert.deepEqual(Object.keys(DECISION_WEIGHTS.weights).sort(), EVIDENCE.map((e) => e.id).sort());
    for (const w of Object.values(DECISION_WEIGHTS.weights)) assert.ok(Number.isFinite(w));
    assert.ok(Number.isFinite(DECISION_WEIGHTS.bias) && Number.isFinite(DECISION_WEIGHTS.threshold));
    assert.throws(() => checkWeights({ ...DECISION_WEIGHTS, weights: { ...DECISION_WEIGHTS.weights, 'no such feature': 1 } }), /unknown entry/);
    const { 'present verb': _, ...missing } = DECISION_WEIGHTS.weights;
    assert.throws(() => checkWeights({ ...DECISION_WEIGHTS, weights: missing }), /no weight for "present verb"/);
  });

  it('the rule decides by the weights when USE_LEARNED_DECISION is set', () => {
    const s = 'People with myasthenia tire towards evening.';
    const d = analyseSentence(s, 'discussion');
    assert.equal(USE_LEARNED_DECISION, d.weighed !== undefined);
  });

  const own: { text: string; mode: SectionMode; claim: boolean }[] = [
    { text: 'The incidence of the disease is 4 per 100,000.', mode: 'discussion', claim: true },
    { text: 'People with myasthenia tire towards evening.', mode: 'discussion', claim: true },
    { text: 'Our patient was 52 years old, within the typical age at diagnosis of 50 to 72 years.', mode: 'discussion', claim: true },
    { text: 'She received riluzole, which prolongs survival in this disease.', mode: 'case', claim: true },
    { text: 'Clinicians should keep this diagnosis in mind.', mode: 'discussion', claim: false },
    { text: 'The normal creatine kinase makes a myopathy unlikely.', mode: 'discussion', claim: false },
    { text: 'Here we present a man with cramps and fasciculations.', mode: 'discussion', claim: false },
    { text: 'She was admitted with weakness of both legs.', mode: 'case', claim: false },
    { text: 'Previous reports describe a benign course, and the incidence is rising.', mode: 'discussion', claim: true },
  ];

  it('decides our sentences by bias + Σ weight·evidence against the threshold', () => {
    const w = weightVector(DECISION_WEIGHTS);
    for (const s of own) {
      const ft = LEARNED.features(s.text, s.mode);
      const e = LEARNED.evidence(ft);
      const d = LEARNED.decide(ft);
      if (!e.x) {
        assert.equal(d.claim, null, s.text);
        assert.equal(d.weighed, undefined, s.text);
        continue;
      }
      const score = DECISION_WEIGHTS.bias + e.x.reduce((sum, v, i) => sum + v * w[i], 0);
      assert.equal(d.claim !== null, score > DECISION_WEIGHTS.threshold, s.text);
      // The rule stops reading cues once the claim is certain (no cue left could bring it down): its score is then that of the facts read.
      if (d.claim) assert.ok(d.weighed!.score > DECISION_WEIGHTS.threshold, s.text);
      else assert.ok(Math.abs(score - d.weighed!.score) < 1e-9, s.text);
    }
  });

  it('stopping once a claim is certain gives the decision of the full evidence (every example sentence)', () => {
    const w = weightVector(DECISION_WEIGHTS);
    const all: { text: string; mode: SectionMode }[] = [];
    const put = (e: ClaimExamples) => {
      for (const text of [...(e.claims ?? []), ...(e.leaves ?? [])]) all.push({ text, mode: 'discussion' });
      for (const text of [...(e.caseClaims ?? []), ...(e.caseLeaves ?? [])]) all.push({ text, mode: 'case' });
    };
    for (const c of [...CLAIM_DATA.cues, CLAIM_DATA.presentTenseCue]) put(c.examples);
    for (const x of [...CLAIM_DATA.exclusions, ...CLAIM_DATA.clauses, ...Object.values(CLAIM_WORD_SETS), CLAIM_DATA.genericSubject]) put(x.examples);
    for (const s of all) {
      const e = LEARNED.evidence(LEARNED.features(s.text, s.mode));
      const full = e.x ? DECISION_WEIGHTS.bias + e.x.reduce((sum, v, i) => sum + v * w[i], 0) > DECISION_WEIGHTS.threshold : false;
      const d = LEARNED.analyseSentence(s.text, s.mode);
      assert.equal(d.claim !== null, full, `${s.text} (${s.mode})`);
      if (d.claim) assert.equal(d.claim.cue, e.claim!.cue, s.text);
    }
  });

  it('decides our sentences as an editor would', () => {
    for (const s of own) assert.equal(LEARNED.classifySentence(s.text, s.mode) !== null, s.claim, `${s.text} (${s.mode})`);
  });

  it('decides every example sentence of the cues, exclusions, clauses and word sets as written', () => {
    const wrong: string[] = [];
    const check = (e: ClaimExamples) => {
      const put = (texts: readonly string[] | undefined, mode: SectionMode, claim: boolean) => {
        for (const text of texts ?? []) if ((LEARNED.classifySentence(text, mode) !== null) !== claim) wrong.push(`${claim ? 'missed' : 'flagged'} (${mode}): ${text}`);
      };
      put(e.claims, 'discussion', true);
      put(e.caseClaims, 'case', true);
      put(e.leaves, 'discussion', false);
      put(e.caseLeaves, 'case', false);
    };
    for (const c of [...CLAIM_DATA.cues, CLAIM_DATA.presentTenseCue]) check(c.examples);
    for (const x of [...CLAIM_DATA.exclusions, ...CLAIM_DATA.clauses, ...CLAIM_DATA.frames, ...Object.values(CLAIM_WORD_SETS), CLAIM_DATA.genericSubject]) check(x.examples);
    assert.deepEqual(wrong, [], 'run npm run train after changing the cues or exclusions');
  });

  it('the trace names what weighed most, in words (no feature ids)', () => {
    const claim = LEARNED.analyseSentence('The incidence of the disease is 4 per 100,000.', 'discussion');
    const trace = traceOf(claim);
    assert.match(trace, /^claim \(statistic about a population\): .*; weighed most: [^;]+; no citation in this sentence$/);
    const leave = traceOf(LEARNED.analyseSentence('Clinicians should keep this diagnosis in mind.', 'discussion'));
    assert.match(leave, /^not a claim: urges the reader.*; weighed most: /);
    for (const t of [trace, leave]) for (const e of EVIDENCE) if (e.id !== e.words) assert.ok(!t.includes(e.id) || t.includes(e.words), `${t} uses the feature id "${e.id}"`);
  });

  it('the hand decision is still there (makeClassifier without weights)', () => {
    const hand = makeClassifier(CLAIM_DATA);
    const d = hand.analyseSentence('People with myasthenia tire towards evening.', 'discussion');
    assert.equal(d.weighed, undefined);
    assert.equal(d.claim?.category, 'general');
  });
});
