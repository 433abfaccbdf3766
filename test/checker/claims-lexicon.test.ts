import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import enLexicon from 'en-lexicon/dist/lexicon';
import { features } from '../../server/src/checker/analysis/claims/classify';
import { AMBIGUOUS_PRESENT, AUXILIARY_PRESENT, BASE_PRESENT, MEDICAL_VERBS_3SG, MEDICAL_VERBS_BASE, NOUN_FIRST_PRESENT, PRESENT_TENSE_WORDS } from '../../server/src/checker/analysis/claims/cues';
import { presentFormList, presentTable, regular3sg, tenseClasses, wordHash } from '../../server/src/checker/analysis/claims/lexicon';
import { lexiconClasses, lexiconSource, LEXICON_TS } from '../../server/scripts/lexicon';
import { lexiconStrings, presentTableSource, PRESENT_TABLE_TS } from '../../server/scripts/present-table';

/** The present-tense word read in a sentence, or undefined. */
const presentWord = (text: string, mode: 'case' | 'discussion' = 'discussion') => {
  const t = features(text, mode).tense;
  return t.present ? t.word : undefined;
};

describe('tense from the English lexicon (lexicon.generated.ts)', () => {
  it('the committed table (lexicon.generated.ts) is up to date', () => {
    assert.ok(readFileSync(LEXICON_TS, 'utf8') === lexiconSource(), 'server/src/checker/analysis/claims/lexicon.generated.ts is stale: run `npm run schema` and commit the result');
  });

  it('the committed table of present forms (present-table.generated.ts) is up to date, from the committed lexicon module and from a fresh one', () => {
    const stale = 'server/src/checker/analysis/claims/present-table.generated.ts is stale: run `npm run schema` and commit the result';
    assert.ok(readFileSync(PRESENT_TABLE_TS, 'utf8') === presentTableSource(), stale);
    assert.ok(presentTableSource(lexiconStrings(lexiconSource())) === presentTableSource(), stale);
  });

  it('the table of present forms holds presentFormList(), each word once with its bits joined, where a probe from its hash finds it', () => {
    const list = presentFormList();
    const expected = new Map<string, number>();
    list.words.forEach((w, i) => expected.set(w, (expected.get(w) ?? 0) | list.bits[i]));
    const t = presentTable();
    assert.equal(t.words.length, expected.size);
    assert.equal(new Set(t.words).size, t.words.length);
    const size = t.slots.length;
    assert.equal(size & (size - 1), 0);
    assert.equal(t.slots.filter((e) => e !== 0).length, t.words.length);
    t.words.forEach((w, i) => {
      assert.equal(t.bits[i], expected.get(w), w);
      let slot = wordHash(w) & (size - 1);
      while (t.slots[slot] !== 0 && t.words[t.slots[slot] - 1] !== w) slot = (slot + 1) & (size - 1);
      assert.equal(t.slots[slot], i + 1, w);
    });
  });

  it('stays small enough to ship (under 80 KB of source)', () => {
    assert.ok(readFileSync(LEXICON_TS, 'utf8').length < 80_000);
  });

  it('reads back the classes derived from the lexicon (the -s forms folded into their base forms)', () => {
    const derived = lexiconClasses();
    const read = tenseClasses();
    for (const k of Object.keys(derived) as (keyof typeof derived)[]) {
      assert.deepEqual([...new Set(read[k])].sort(), [...derived[k]].sort(), k); // an -s form may come from two base forms ("stymie", "stymy")
    }
    assert.deepEqual(['heal', 'fix', 'carry', 'play', 'go'].map(regular3sg), ['heals', 'fixes', 'carries', 'plays', 'goes']);
  });

  it('the present-tense sets (views of one map) hold the classes read back, with the hand-kept lists', () => {
    const t = tenseClasses();
    const base = new Set([...t.presentBase, ...MEDICAL_VERBS_BASE, 'have', 'do']);
    const expected: [ReadonlySet<string>, Set<string>][] = [
      [PRESENT_TENSE_WORDS, new Set([...AUXILIARY_PRESENT, ...t.present3sg, ...t.present3sgAmbiguous, ...t.presentBase, ...MEDICAL_VERBS_3SG, ...MEDICAL_VERBS_BASE])],
      [BASE_PRESENT, base],
      [AMBIGUOUS_PRESENT, new Set([...t.present3sgAmbiguous, ...base])],
      [NOUN_FIRST_PRESENT, new Set(t.nounFirst)],
    ];
    for (const [view, set] of expected) {
      assert.equal(view.size, set.size);
      assert.deepEqual([...view].sort(), [...set].sort());
      assert.deepEqual([...view.keys()].length, set.size);
      assert.deepEqual([...view.entries()][0], [[...view][0], [...view][0]]);
      for (const w of set) assert.ok(view.has(w), w);
      assert.ok(!view.has('zzz') && !view.has('__proto__'));
      let n = 0;
      view.forEach(() => n++);
      assert.equal(n, set.size);
    }
  });

  it('the hand-kept medical verbs are only those the lexicon lacks', () => {
    for (const w of [...MEDICAL_VERBS_3SG, ...MEDICAL_VERBS_BASE]) {
      const tags = enLexicon[w]?.split('|') ?? [];
      assert.ok(!tags.some((t) => t.startsWith('VB')), `"${w}" is in the lexicon as a verb (${enLexicon[w]}): remove it from the hand list`);
    }
  });

  it('the hand-kept auxiliaries and modals are verbs in the lexicon (or stems of contractions)', () => {
    for (const w of AUXILIARY_PRESENT) {
      if (/n$/.test(w) && !['can'].includes(w)) continue; // "isn", "don": stems the tokenizer leaves of "isn't", "don't"
      const tags = enLexicon[w]?.split('|') ?? [];
      assert.ok(tags.some((t) => t === 'MD' || t.startsWith('VB')), `"${w}": ${enLexicon[w]}`);
    }
  });

  it('knows the present forms of the issue and of medical prose', () => {
    const c = lexiconClasses();
    const all = new Set([...c.present3sg, ...c.present3sgAmbiguous, ...c.presentBase]);
    for (const w of ['tire', 'works', 'heal', 'heals', 'recurs', 'relapses', 'infiltrates', 'impairs', 'worsens', 'metastasizes']) {
      assert.ok(all.has(w) || PRESENT_TENSE_WORDS.has(w), w);
    }
  });

  it('reads the present tense of the issue\'s sentences', () => {
    assert.equal(presentWord('Levetiracetam works faster than valproate.'), 'works');
    assert.equal(presentWord('Older adults heal more slowly.'), 'heal');
    // "tire" is read first as a noun: a base form so read counts only right after a plural
    // subject; here the generic subject ("People with …") makes the sentence present.
    assert.equal(presentWord('People with myasthenia tire towards evening.'), 'People with');
    assert.equal(presentWord('Patients often tire towards evening.'), 'tire');
  });

  it('reads a verb the old word list lacked, after a plausible subject', () => {
    assert.equal(presentWord('Hyperkalaemia slows cardiac conduction.'), 'slows');
    assert.equal(presentWord('Wounds in smokers heal slowly.'), 'heal');
    assert.equal(presentWord('Toxins from the bacteria bind to the presynaptic terminal.'), 'bind');
    assert.equal(presentWord('Hepatitis and cirrhosis increase the risk of cancer.'), 'increase');
    assert.equal(presentWord('This damages the myelin sheath.'), 'damages');
    assert.equal(presentWord('The disease spreads along the nerve roots.'), 'spreads');
    assert.equal(presentWord('The tumour grows slowly and rarely metastasizes.'), 'grows');
    assert.equal(presentWord('She received riluzole, which prolongs survival.', 'case'), 'prolongs');
  });

  it('reads the noun, not a verb, where context says so', () => {
    for (const text of [
      'Blood tests showed anaemia.',
      'Laboratory tests for HIV were negative.',
      'Chest pain during exercise was the first symptom.',
      'Blood counts fell within a day.',
      'Serum levels of IgE were raised.',
      'MRI scans of the brain showed no lesion.',
      'Heart sounds were normal without murmurs.',
      'Bone marrow aspirates contained blasts.',
      'She was unable to walk.',
      'Night cramps in a long-distance cyclist: a case report',
      'The swelling spread to the forearm.',
      'Reduced hormone levels were associated with low T4 levels and high TSH.',
    ]) {
      assert.equal(presentWord(text, 'case'), undefined, text);
    }
  });
});
