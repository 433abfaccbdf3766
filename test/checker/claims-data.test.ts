import { strict as assert } from 'node:assert';
import { CATEGORY_INFO, CLAIM_CUES, classifySentence, findOverstatements, OVERSTATEMENTS, SENTENCE_EXCLUSIONS } from '../../server/src/checker/analysis/claims';

/** The cue, exclusion and overstatement lists are data: each entry must be complete and its example must work. */
describe('claims data', () => {
  describe('claim cues', () => {
    for (const cue of CLAIM_CUES) {
      it(`${cue.category}: ${cue.name}`, () => {
        assert.ok(cue.name && cue.example, 'name and example');
        assert.ok(CATEGORY_INFO[cue.category], 'known category');
        assert.ok(cue.triggers.length > 0, 'at least one trigger word');
        for (const w of cue.triggers) assert.equal(w, w.toLowerCase(), `trigger "${w}" is lower case`);
        assert.ok(!cue.pattern.global && !cue.pattern.sticky, 'pattern is not global or sticky (no lastIndex state)');
        assert.ok(cue.pattern.test(cue.example), `its pattern matches its example "${cue.example}"`);
        const claim = classifySentence(cue.example, 'discussion');
        assert.ok(claim, `its example is a claim: "${cue.example}"`);
      });
    }
  });

  describe('exclusions', () => {
    for (const ex of SENTENCE_EXCLUSIONS) {
      it(`${ex.kind}: ${ex.name}`, () => {
        assert.ok(ex.name && ex.example && ex.triggers.length);
        assert.ok(ex.pattern.test(ex.example), `its pattern matches its example "${ex.example}"`);
        assert.equal(classifySentence(ex.example, 'case'), null, `its example is not a claim in a case section: "${ex.example}"`);
      });
    }
  });

  describe('overstatements', () => {
    for (const o of OVERSTATEMENTS) {
      it(o.name, () => {
        const found = findOverstatements(o.example, () => true);
        assert.ok(found.some((f) => f.overstatement === o), `its example is found: "${o.example}"`);
      });
    }
  });
});
