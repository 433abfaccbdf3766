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
 */
export const EVIDENCE = [
  ...(['literature', 'efficacy', 'statistic', 'frequency', 'general'] as const).map((c) => ({ id: `strong ${c}`, words: strongWords(c) })),
  ...(['literature', 'efficacy', 'statistic', 'frequency', 'general'] as const).map((c) => ({ id: `weak ${c}`, words: weakWords(c) })),
  { id: 'several claim words', words: 'more than one kind of claim word' },
  { id: 'claim word about this case', words: 'claim words in a sentence about this patient or this report' },
  { id: 'claim word in an exhortation', words: 'claim words inside advice to the reader' },
  { id: 'claim word in an open question', words: 'claim words inside an open question' },
  { id: 'claim word about the paper', words: "claim words in a sentence about the paper or the authors' own patients" },
  { id: 'claim in a clause', words: 'a clause of its own that makes a claim' },
  { id: 'present verb', words: 'a present-tense verb outside the case sections' },
  { id: 'present be or have alone', words: 'only "is", "are", "has" or "have" in the present tense' },
  { id: 'present generic subject', words: 'people in general as the subject, outside the case sections' },
  { id: 'case section', words: 'in a case section' },
  { id: 'exhortation', words: 'urges the reader' },
  { id: 'exhortation in the clause of the verb', words: 'the verb is part of advice to the reader' },
  { id: 'reasoning or advice', words: "the authors' reasoning or advice" },
  { id: 'open question', words: 'an open question' },
  { id: 'subject this patient', words: 'about this patient' },
  { id: 'subject these patients', words: "about the authors' own patients" },
  { id: 'subject this report', words: 'about this case' },
  { id: 'subject the authors', words: 'about the authors' },
  { id: 'subject the paper', words: 'about the paper itself' },
  { id: 'subject people in general', words: 'about people in general' },
  { id: 'named subject', words: 'a subject named before the verb' },
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
