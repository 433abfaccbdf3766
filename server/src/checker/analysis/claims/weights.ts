import TRAINED from './decision-weights.json';
import type { ClaimCategory } from './types';

/**
 * The learned decision's inputs: what the classifier's features() say of a sentence, as numbers
 * (each 0 or 1). `npm run train` (bench/train.ts) fits one weight per entry by logistic
 * regression on the tuning group of the corpus split and writes decision-weights.json; the
 * learned decide() adds the weights of the entries a sentence has, plus the bias, and flags it
 * above the threshold. `words` is what hover and `caselint explain` say of an entry that pushed
 * the decision (a writer's words).
 *
 * Every entry is read from the cues, the exclusions, the tense, the subject and the section, not
 * from a word list of its own: "present tense" is yes/no and by what (a verb, a form of "be" or
 * "have" alone, a generic subject), whatever list or tagger finds the verb, so the weights can be
 * retrained after the cues or the verb lexicon change by running `npm run train`.
 *
 * `against`: an entry that tells what keeps a sentence from being a claim (the others tell what
 * makes one). The trace names the largest pushes of the decision's own side only: each weight is
 * relative to the bias, so "a present-tense verb" may weigh less than the bias and still be a
 * reason for, never against, a claim.
 */
export const EVIDENCE = [
  ...(['literature', 'efficacy', 'statistic', 'frequency', 'general'] as const).map((c) => ({ id: `strong ${c}`, against: false, words: strongWords(c) })),
  ...(['literature', 'efficacy', 'statistic', 'frequency', 'general'] as const).map((c) => ({ id: `weak ${c}`, against: false, words: weakWords(c) })),
  { id: 'several claim words', against: false, words: 'claim words of more than one kind' },
  { id: 'claim word about this case', against: true, words: 'claim words in a sentence about this patient or this report' },
  { id: 'strong claim word about this case', against: false, words: 'words about other patients or the literature, in a sentence about this case' },
  { id: 'claim word in an exhortation', against: true, words: 'claim words inside advice to the reader' },
  { id: 'claim word in an open question', against: true, words: 'claim words inside an open question' },
  { id: 'claim word about the paper', against: true, words: "claim words in a sentence about the paper or the authors' own patients" },
  { id: 'claim in a clause', against: false, words: 'a clause of its own that makes a claim' /* read only when no claim word of the whole sentence counts */ },
  { id: 'present verb', against: false, words: 'a present-tense verb outside the case sections' },
  { id: 'present be or have alone', against: false, words: 'only "is", "are", "has" or "have" in the present tense' },
  { id: 'present generic subject', against: false, words: 'a general statement outside the case sections' },
  { id: 'case section', against: true, words: 'in a case section' },
  { id: 'exhortation', against: true, words: 'urges the reader' },
  { id: 'exhortation in the clause of the verb', against: true, words: 'the verb is part of advice to the reader' },
  { id: 'reasoning or advice', against: true, words: "the authors' reasoning or advice" },
  { id: 'claim word in reasoning or advice', against: true, words: "claim words in the authors' reasoning or advice" },
  { id: 'a frame', against: true, words: "a verb that only frames the authors' reasoning, advice or the paper" },
  { id: 'open question', against: true, words: 'an open question' },
  { id: 'subject this patient', against: true, words: 'about this patient' },
  { id: 'subject these patients', against: true, words: "about the authors' own patients" },
  { id: 'subject this report', against: true, words: 'about this case' },
  { id: 'subject the authors', against: true, words: 'about the authors' },
  { id: 'subject the paper', against: true, words: 'about the paper itself' },
  { id: 'subject people in general', against: false, words: 'people in general as the subject' },
  { id: 'named subject', against: false, words: 'a subject named before the verb' },
] as const;

export type EvidenceId = (typeof EVIDENCE)[number]['id'];

/** Index of each entry in a vector. */
export const EVIDENCE_INDEX: ReadonlyMap<string, number> = new Map(EVIDENCE.map((e, i) => [e.id, i]));

function strongWords(c: ClaimCategory): string {
  return {
    literature: 'words about published work',
    efficacy: 'words about an effect or a cause that need a source',
    statistic: 'a figure about a population',
    frequency: 'words about how often something happens',
    general: 'a recommendation or typical findings',
  }[c];
}
function weakWords(c: ClaimCategory): string {
  return {
    literature: 'words that may refer to published work',
    efficacy: 'words about an effect or a cause',
    statistic: 'a figure that may be about a population',
    frequency: 'words about how common or rare something is',
    general: 'words of a general statement',
  }[c];
}

/** What decision-weights.json holds (written by `npm run train`). */
export interface DecisionWeights {
  /** How and on what the weights were fitted (for people; not read). */
  about: string;
  bias: number;
  /** A sentence is a claim when bias + Σ weight·value exceeds this. */
  threshold: number;
  /** One weight per EVIDENCE id. */
  weights: Record<string, number>;
  /** The leave-one-article-out measurement the weights were chosen by (for people; not read). */
  loao?: unknown;
}

/** The checked-in weights, checked against EVIDENCE (every id has a weight, no other ids). */
export const DECISION_WEIGHTS: DecisionWeights = checkWeights(TRAINED as DecisionWeights);

export function checkWeights(w: DecisionWeights): DecisionWeights {
  if (typeof w.bias !== 'number' || typeof w.threshold !== 'number' || !w.weights) throw new Error('decision-weights.json: bias, threshold and weights are required');
  for (const e of EVIDENCE) if (typeof w.weights[e.id] !== 'number') throw new Error(`decision-weights.json: no weight for "${e.id}" (run npm run train)`);
  for (const id of Object.keys(w.weights)) if (!EVIDENCE_INDEX.has(id)) throw new Error(`decision-weights.json: unknown entry "${id}" (run npm run train)`);
  return w;
}

/** The weights in EVIDENCE order. */
export function weightVector(w: DecisionWeights): Float64Array {
  return Float64Array.from(EVIDENCE, (e) => w.weights[e.id]);
}
