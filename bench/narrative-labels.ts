/**
 * Our labels of narrative sentences (bench/labels/narratives.json): the flag rate on the
 * narratives counts every flag as wrong, but published case sections do hold general claims
 * ("… a mutation in the X gene, which is responsible for Y syndrome."), and a flag on one of
 * them is right. So a sample of the narrative sentences was labelled blind by an editor as
 * CLAIM / NOT / BORDERLINE, as decisions.json is: every sentence the rule flagged on the day of
 * labelling, mixed with 60 unflagged sentences drawn at random from each half, shuffled, the
 * labeller not told which were flagged (and a second batch the same way for the flags the rule's
 * later changes that day added; and a third, of the tuning half only, with no flag then unlabelled:
 * 90 unflagged sentences in which a claim word matched or the present tense was read, what a rule
 * finding more claims in case sections would flag next, and 30 of the rest). The labels are stored as the narrative's line index and id,
 * the sentence's offsets in the narrative's text and a SHA-1 prefix of the sentence, never its
 * text. A flag on a sentence without a label (the rule changed since) counts as wrong until
 * labelled, so the wrong-flag rate is an upper bound.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type NarrativeLabel = 'CLAIM' | 'NOT' | 'BORDERLINE';
interface Entry {
  index: number;
  id: string;
  at: number;
  len: number;
  sha1: string;
  label: NarrativeLabel;
  /** Flagged when labelled (the unflagged ones are the random sample of the rest). */
  flagged: boolean;
  why: string;
  /**
   * Third batch only: which draw it came from, unflagged sentences of the tuning half with a
   * claim word or the present tense (`claim word or present tense`) or the rest (`the rest`);
   * these are not part of the uniform random sample.
   */
  drawn?: 'claim word or present tense' | 'the rest';
}

export const sentenceKey = (index: number, sentence: string) => `${index}:${createHash('sha1').update(sentence, 'utf8').digest('hex').slice(0, 12)}`;

export function loadNarrativeLabels(dir: string): Map<string, Entry> {
  const path = join(dir, 'labels', 'narratives.json');
  const out = new Map<string, Entry>();
  if (!existsSync(path)) return out;
  const { labels } = JSON.parse(readFileSync(path, 'utf8')) as { labels: Entry[] };
  for (const e of labels) out.set(`${e.index}:${e.sha1}`, e);
  return out;
}

export interface JudgedFlags {
  claim: number;
  not: number;
  borderline: number;
  unlabelled: number;
  /** Of the random sample of unflagged sentences: how many are claims (missed) of how many. */
  sampleClaims: number;
  sampleSize: number;
  /** Of the third batch's unflagged sentences with a claim word or the present tense (still unflagged): claims, borderline, how many. */
  nearClaims: number;
  nearBorderline: number;
  nearSize: number;
}

/** The flags of one half, judged by the labels; `unflagged` are the keys of that half's unflagged sentences. */
export function judgeFlags(labels: Map<string, Entry>, flaggedKeys: string[], unflaggedKeys: string[]): JudgedFlags {
  const j: JudgedFlags = { claim: 0, not: 0, borderline: 0, unlabelled: 0, sampleClaims: 0, sampleSize: 0, nearClaims: 0, nearBorderline: 0, nearSize: 0 };
  for (const k of flaggedKeys) {
    const e = labels.get(k);
    if (!e) j.unlabelled++;
    else if (e.label === 'CLAIM') j.claim++;
    else if (e.label === 'NOT') j.not++;
    else j.borderline++;
  }
  for (const k of unflaggedKeys) {
    const e = labels.get(k);
    if (!e || e.flagged) continue;
    if (e.drawn === 'claim word or present tense') {
      j.nearSize++;
      if (e.label === 'CLAIM') j.nearClaims++;
      else if (e.label === 'BORDERLINE') j.nearBorderline++;
    }
    if (e.drawn) continue;
    j.sampleSize++;
    if (e.label === 'CLAIM') j.sampleClaims++;
  }
  return j;
}
