import { strict as assert } from 'node:assert';
import {
  CATEGORY_INFO,
  CLAIM_CLAUSES,
  CLAIM_CUES,
  CLAIM_DATA,
  CLAIM_FRAMES,
  CLAIM_WORD_SETS,
  GENERIC_SUBJECT,
  generalises,
  makeClassifier,
  makeOverstatementFinder,
  OVERSTATEMENTS,
  PRESENT_TENSE_CUE,
  SENTENCE_EXCLUSIONS,
  type ClaimClassifier,
  type ClaimCue,
  type ClaimData,
  type ClaimExamples,
  type Overstatement,
  type SectionMode,
} from '../../server/src/checker/analysis/claims';
import { triggerWords } from '../../server/src/checker/analysis/claims/triggers';

/**
 * The cue, exclusion, clause, word-set and overstatement lists are data. Each entry carries
 * examples (types.ts, `ClaimExamples`): with all the data each example gets the decision its
 * entry says, and with the entry removed at least one of them gets another decision. An entry
 * that fails the second check decides nothing its examples show: write an example that only it
 * decides, or remove it (if `npm run eval` and the findings on the corpus stay the same).
 */

interface Example {
  text: string;
  mode: SectionMode;
  /** `claim`: flagged; `leave`: not flagged. */
  expect: 'claim' | 'leave';
}

function examplesOf(e: ClaimExamples): Example[] {
  const list = (texts: readonly string[] | undefined, mode: SectionMode, expect: Example['expect']) =>
    (texts ?? []).map((text): Example => ({ text, mode, expect }));
  return [
    ...list(e.claims, 'discussion', 'claim'),
    ...list(e.caseClaims, 'case', 'claim'),
    ...list(e.leaves, 'discussion', 'leave'),
    ...list(e.caseLeaves, 'case', 'leave'),
  ];
}

const where = (ex: Example) => `"${ex.text}" (${ex.mode === 'case' ? 'in a case section' : 'outside the case sections'})`;

/** What the writer sees of a sentence: not flagged, or flagged as a claim of one category. */
function decision(c: ClaimClassifier, ex: Example): string {
  const claim = c.classifySentence(ex.text, ex.mode);
  return claim ? `${claim.category} claim` : 'not a claim';
}

function describeClaim(c: ClaimClassifier, ex: Example): string {
  const claim = c.classifySentence(ex.text, ex.mode);
  return claim ? `a ${claim.category} claim by cue "${claim.cue.name}" (match "${claim.text}")` : 'not a claim';
}

const ALL = makeClassifier(CLAIM_DATA);

/**
 * Removing an entry (`without`) must change the decision on at least one of its examples.
 * `label` names the entry in the failure message.
 */
function assertDecides(label: string, examples: Example[], without: ClaimData): void {
  const ablated = makeClassifier(without);
  const changed = examples.filter((ex) => decision(ALL, ex) !== decision(ablated, ex));
  assert.ok(
    changed.length > 0,
    `${label} decides none of its examples: without it, ` +
      examples.map((ex) => `${where(ex)} is still ${decision(ablated, ex)}`).join('; ') +
      '. Write an example that only this entry decides, or remove the entry if it is redundant.',
  );
}

const cueLabel = (cue: ClaimCue) => (cue === PRESENT_TENSE_CUE ? `cue "${cue.name}"` : `cue "${cue.name}" (${cue.category})`);

describe('claims data', () => {
  describe('claim cues', () => {
    for (const cue of CLAIM_CUES) {
      describe(`${cue.category}: ${cue.name}`, () => {
        const examples = examplesOf(cue.examples);
        it('is complete', () => {
          assert.ok(cue.name, 'a name');
          assert.ok(CATEGORY_INFO[cue.category], 'known category');
          assert.ok(triggerWords(cue.pattern).length > 0, 'trigger words derived from the pattern');
          assert.ok(!cue.pattern.global && !cue.pattern.sticky, 'pattern is not global or sticky (no lastIndex state)');
          assert.ok(examples.some((ex) => ex.expect === 'claim'), `${cueLabel(cue)}: at least one example it makes a claim (examples.claims or examples.caseClaims)`);
        });
        it('each example gets its decision', () => {
          for (const ex of examples) {
            const claim = ALL.classifySentence(ex.text, ex.mode);
            if (ex.expect === 'claim') {
              assert.ok(claim?.cue === cue, `${cueLabel(cue)}: ${where(ex)} should be a ${cue.category} claim by this cue, but is ${describeClaim(ALL, ex)}`);
            } else {
              assert.equal(claim, null, `${cueLabel(cue)}: ${where(ex)} should not be a claim, but is ${describeClaim(ALL, ex)}`);
            }
          }
        });
        it('removing it changes a decision', () => {
          assertDecides(cueLabel(cue), examples, { ...CLAIM_DATA, cues: CLAIM_DATA.cues.filter((c) => c !== cue) });
        });
        if (cue.accept) {
          it('its accept check changes a decision', () => {
            const { accept: _, ...rest } = cue;
            const loose: ClaimCue = rest;
            assertDecides(`the accept check of ${cueLabel(cue)}`, examples, { ...CLAIM_DATA, cues: CLAIM_DATA.cues.map((c) => (c === cue ? loose : c)) });
          });
        }
      });
    }
  });

  describe('the present-tense fallback (present-tense words)', () => {
    const examples = examplesOf(PRESENT_TENSE_CUE.examples);
    it('each example gets its decision', () => {
      assert.ok(examples.some((ex) => ex.expect === 'claim'));
      for (const ex of examples) {
        const claim = ALL.classifySentence(ex.text, ex.mode);
        if (ex.expect === 'claim') assert.ok(claim?.cue === PRESENT_TENSE_CUE, `${cueLabel(PRESENT_TENSE_CUE)}: ${where(ex)} should be a general claim by this cue, but is ${describeClaim(ALL, ex)}`);
        else assert.equal(claim, null, `${cueLabel(PRESENT_TENSE_CUE)}: ${where(ex)} should not be a claim, but is ${describeClaim(ALL, ex)}`);
      }
    });
    it('removing its words changes a decision', () => {
      assertDecides(`${cueLabel(PRESENT_TENSE_CUE)} (its word list, PRESENT_TENSE_WORDS)`, examples, { ...CLAIM_DATA, presentWords: new Set() });
    });
  });

  describe('word sets', () => {
    for (const key of Object.keys(CLAIM_WORD_SETS) as (keyof typeof CLAIM_WORD_SETS)[]) {
      const set = CLAIM_WORD_SETS[key];
      describe(set.name, () => {
        const examples = examplesOf(set.examples);
        it('is the set the classifier reads, with examples', () => {
          assert.equal(set.words, CLAIM_DATA[key]);
          for (const w of set.words) assert.equal(w, w.toLowerCase(), `"${w}" is lower case`);
          assert.ok(examples.length > 0);
        });
        it('each example gets its decision', () => {
          for (const ex of examples) {
            const claim = ALL.classifySentence(ex.text, ex.mode);
            if (ex.expect === 'claim') assert.ok(claim, `word set "${set.name}": ${where(ex)} should be a claim, but is not`);
            else assert.equal(claim, null, `word set "${set.name}": ${where(ex)} should not be a claim, but is ${describeClaim(ALL, ex)}`);
          }
        });
        it('emptying it changes a decision', () => {
          assertDecides(`word set "${set.name}"`, examples, { ...CLAIM_DATA, [key]: new Set() });
        });
      });
    }
  });

  describe(`the generic subject (${GENERIC_SUBJECT.name})`, () => {
    const examples = examplesOf(GENERIC_SUBJECT.examples);
    it('is the pattern the classifier reads, and each example gets its decision', () => {
      assert.equal(GENERIC_SUBJECT, CLAIM_DATA.genericSubject);
      assert.ok(!GENERIC_SUBJECT.pattern.global && !GENERIC_SUBJECT.pattern.sticky);
      for (const ex of examples) {
        const claim = ALL.classifySentence(ex.text, ex.mode);
        if (ex.expect === 'claim') assert.ok(claim, `${where(ex)} should be a claim, but is not`);
        else assert.equal(claim, null, `${where(ex)} should not be a claim, but is ${describeClaim(ALL, ex)}`);
      }
    });
    it('removing it changes a decision', () => {
      assertDecides(`the generic subject`, examples, { ...CLAIM_DATA, genericSubject: { ...GENERIC_SUBJECT, pattern: /\bxyzzy\b/u } });
    });
  });

  describe('frames (what the only present-tense verb frames)', () => {
    for (const frame of CLAIM_FRAMES) {
      describe(`${frame.reads}: ${frame.name}`, () => {
        const label = `frame "${frame.name}"`;
        const examples = examplesOf(frame.examples);
        it('is the data the classifier reads, with a sentence it leaves alone', () => {
          assert.ok(CLAIM_DATA.frames.includes(frame));
          assert.ok(examples.some((e) => e.expect === 'leave'), `${label}: at least one sentence it leaves alone`);
        });
        it('each example gets its decision', () => {
          for (const e of examples) {
            const claim = ALL.classifySentence(e.text, e.mode);
            if (e.expect === 'leave') assert.equal(claim, null, `${label}: ${where(e)} should not be a claim, but is ${describeClaim(ALL, e)}`);
            else assert.ok(claim, `${label} must not apply: ${where(e)} should be a claim, but is not`);
          }
        });
        it('removing it changes a decision', () => {
          assertDecides(label, examples, { ...CLAIM_DATA, frames: CLAIM_DATA.frames.filter((x) => x !== frame) });
        });
      });
    }
  });

  describe('exclusions', () => {
    for (const ex of SENTENCE_EXCLUSIONS) {
      describe(`${ex.kind}: ${ex.name}`, () => {
        const label = `exclusion "${ex.name}"`;
        const examples = examplesOf(ex.examples);
        it('is complete', () => {
          assert.ok(ex.name && triggerWords(ex.pattern).length, 'a name, and trigger words derived from the pattern');
          assert.ok(!ex.pattern.global && !ex.pattern.sticky, 'pattern is not global or sticky');
          assert.ok(examples.some((e) => e.expect === 'leave'), `${label}: at least one sentence it leaves alone (examples.leaves or examples.caseLeaves)`);
        });
        it('each example gets its decision', () => {
          for (const e of examples) {
            const claim = ALL.classifySentence(e.text, e.mode);
            if (e.expect === 'leave') {
              assert.equal(claim, null, `${label}: ${where(e)} should not be a claim, but is ${describeClaim(ALL, e)}`);
              if (!ex.triggerIsEnough) assert.ok(ex.pattern.test(e.text), `${label}: its pattern matches ${where(e)}`);
            } else {
              assert.ok(claim, `${label} must not apply: ${where(e)} should be a claim, but is not`);
            }
          }
        });
        it('removing it changes a decision', () => {
          assertDecides(label, examples, { ...CLAIM_DATA, exclusions: CLAIM_DATA.exclusions.filter((x) => x !== ex) });
        });
      });
    }
  });

  describe('clauses judged on their own', () => {
    for (const clause of CLAIM_CLAUSES) {
      describe(`${clause.when}: ${clause.name}`, () => {
        const label = `clause "${clause.name}"`;
        const examples = examplesOf(clause.examples);
        it('each example gets its decision', () => {
          assert.ok(examples.some((e) => e.expect === 'claim'), `${label}: at least one claim it finds`);
          for (const e of examples) {
            const claim = ALL.classifySentence(e.text, e.mode);
            if (e.expect === 'claim') assert.ok(claim, `${label}: ${where(e)} should be a claim, but is not`);
            else assert.equal(claim, null, `${label}: ${where(e)} should not be a claim, but is ${describeClaim(ALL, e)}`);
          }
        });
        it('removing it changes a decision', () => {
          assertDecides(label, examples, { ...CLAIM_DATA, clauses: CLAIM_DATA.clauses.filter((c) => c !== clause) });
        });
      });
    }
  });

  describe('overstatements', () => {
    const ALL_FINDER = makeOverstatementFinder(OVERSTATEMENTS);
    /** What the writer sees: the phrases flagged and the wording offered. */
    const found = (finder: ReturnType<typeof makeOverstatementFinder>, text: string) =>
      finder.find(text, () => generalises(text)).map((m) => `"${m.text}" (${m.overstatement.name})`);
    const spans = (finder: ReturnType<typeof makeOverstatementFinder>, text: string) =>
      JSON.stringify(finder.find(text, () => generalises(text)).map((m) => [m.start, m.end]));
    for (const o of OVERSTATEMENTS) {
      describe(o.name, () => {
        const label = `overstatement "${o.name}"`;
        it('is complete', () => {
          assert.ok(triggerWords(o.pattern).length, 'trigger words derived from the pattern');
          assert.ok(!o.pattern.global && !o.pattern.sticky, 'pattern is not global or sticky');
          assert.ok(o.examples.claims.length > 0, `${label}: at least one example in examples.claims`);
        });
        it('each example gets its decision', () => {
          for (const text of o.examples.claims) {
            const hits = ALL_FINDER.find(text, () => generalises(text));
            assert.ok(hits.some((h) => h.overstatement === o), `${label}: should be found in "${text}", found: ${found(ALL_FINDER, text).join(', ') || 'nothing'}`);
          }
          for (const text of o.examples.leaves ?? []) {
            assert.deepEqual(found(ALL_FINDER, text), [], `${label}: "${text}" should not be flagged`);
          }
        });
        it('removing it changes a decision', () => {
          const without = makeOverstatementFinder(OVERSTATEMENTS.filter((x: Overstatement) => x !== o));
          const changed = o.examples.claims.filter((text) => spans(ALL_FINDER, text) !== spans(without, text));
          assert.ok(
            changed.length > 0,
            `${label} decides none of its examples: without it, ` +
              o.examples.claims.map((text) => `"${text}" still gets ${found(without, text).join(', ') || 'nothing'}`).join('; '),
          );
        });
      });
    }
  });
});
