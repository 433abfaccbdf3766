import { strict as assert } from 'node:assert';
import { CLAIM_CUES, OVERSTATEMENTS, SENTENCE_EXCLUSIONS, type ClaimExamples } from '../../server/src/checker/analysis/claims';
import { readFileSync } from 'node:fs';
import { patternKey, triggersOf, triggerWords } from '../../server/src/checker/analysis/claims/triggers';
import { TRIGGER_WORDS } from '../../server/src/checker/analysis/claims/triggers.generated';
import { lazyPattern, type ClaimRegExp } from '../../server/src/checker/analysis/claims/pattern';
import { claimPatterns, triggersSource, TRIGGERS_TS } from '../../server/scripts/triggers';

/** The words of a text as the classifier's tokenizer splits them (letters and digits; "%" on its own). */
const tokens = (text: string) => new Set([...(text.toLowerCase().match(/[\p{L}\p{N}]+|%/gu) ?? [])]);

describe('trigger words derived from a pattern', () => {
  it('expands small alternations and character classes', () => {
    assert.deepEqual(triggerWords(/\b(?:reported|described)\s+cases\b/iu), ['cases']);
    assert.deepEqual(triggerWords(/\bminimi[sz]es\b/iu), ['minimises', 'minimizes']);
    assert.deepEqual(triggerWords(/\bco-?workers\b/iu), ['coworkers', 'workers']);
    assert.deepEqual(triggerWords(/\d+\s*%\s*of\b/iu), ['%']);
  });

  it('takes the words on either side of unknown text, if they are whole words', () => {
    assert.deepEqual(triggerWords(/\b(?:is|are)\s+(?:\p{L}+ly\s+)?(?:effective|useful)\b/iu), ['effective', 'useful']);
    assert.deepEqual(triggerWords(/\b(?:a|an)\s+(?:[\p{L}-]+\s+){0,3}?(?:study|trial)\s+of\b/iu), ['study', 'trial']);
    assert.deepEqual(triggerWords(/(?<![\p{L}\p{N}])proves\b/iu), ['proves']);
  });

  it('prefers rare words to common ones', () => {
    assert.deepEqual(triggerWords(/\bis\s+(?:rare|uncommon)\b/iu), ['rare', 'uncommon']);
  });

  it('refuses a pattern with no certain whole word', () => {
    assert.throws(() => triggerWords(/\b\p{L}+ly\b/iu), /no trigger word/);
    assert.throws(() => triggerWords(/epidemiolog\p{L}*/iu), /no trigger word/, 'a word continued by unknown letters is not whole');
    assert.throws(() => triggerWords(/rare/iu), /no trigger word/, 'without a boundary "rare" may be part of "rarely"');
  });

  it('every example an entry matches holds one of its trigger words (the pre-filter never hides a match)', () => {
    const texts = (e: ClaimExamples) => [...(e.claims ?? []), ...(e.caseClaims ?? []), ...(e.leaves ?? []), ...(e.caseLeaves ?? [])];
    const entries: { name: string; pattern: ClaimRegExp; examples: ClaimExamples }[] = [...CLAIM_CUES, ...SENTENCE_EXCLUSIONS, ...OVERSTATEMENTS];
    for (const entry of entries) {
      const words = triggerWords(entry.pattern);
      for (const text of texts(entry.examples)) {
        if (!entry.pattern.test(text)) continue;
        assert.ok(words.some((w) => tokens(text).has(w)), `${entry.name}: "${text}" matches but holds none of ${words.join(', ')}`);
      }
    }
  });

  it('the committed table of trigger words (triggers.generated.ts) is up to date', () => {
    assert.ok(readFileSync(TRIGGERS_TS, 'utf8') === triggersSource(), 'server/src/checker/analysis/claims/triggers.generated.ts is stale: run `npm run schema` and commit the result');
    for (const p of claimPatterns()) assert.ok(TRIGGER_WORDS[patternKey(p)], `no precomputed trigger words for /${p.source}/`);
  });

  it('a pattern the table does not hold is derived at run time, with the same words', () => {
    const pattern = /\b(?:reported|described)\s+cases\b/iu;
    assert.equal(TRIGGER_WORDS[patternKey(pattern)], undefined);
    assert.deepEqual(triggersOf(pattern), triggerWords(pattern));
  });

  it('a pattern made on first use has the source and flags a RegExp would have (the table is keyed by them), and compiles', () => {
    for (const p of claimPatterns()) {
      const re = new RegExp(p.source, p.flags);
      assert.equal(re.source, p.source);
      assert.equal(re.flags, p.flags);
      assert.equal(p.global, re.global);
      assert.equal(p.sticky, re.sticky);
    }
    const lazy = lazyPattern(String.raw`\bet\s+al\b`, 'iu');
    assert.deepEqual([lazy.test('Smith ET AL. wrote'), lazy.exec('x et al')?.index], [true, 2]);
  });
});
