/**
 * What bench/eval.ts and bench/train.ts share about the labelled corpus: the split of issue 12
 * and how a labelled sentence is found in an article (as published, or stripped of citations).
 */
import { check } from '../server/src/checker';

/**
 * The split of issue 12, chosen before any result was looked at. TUNING: decisions (and sentence
 * labels) of these articles and narratives [0, NARRATIVE_TUNE_END) in file order. SCORE ONLY: the
 * rest; never tuned or trained on, and their sentences are never listed.
 */
export const DECISION_TUNE_IDS = ['01', '02', '03', '04', '06'];
export const NARRATIVE_TUNE_END = 500;

/** A labelled sentence: its text (corpus labels) or its offsets into the article (our labels). */
export type Label = string | { start: number; end: number; sha256: string };
export const LISTS = ['cited_sentences', 'uncited_claims', 'patient_sentences'] as const;
export type Labels = Record<(typeof LISTS)[number], Label[]>;

/** A decision of decisions.json: every uncited sentence outside the case sections, labelled blind. */
export interface DecisionLabel {
  at: number;
  len: number;
  sha1: string;
  label: 'CLAIM' | 'NOT' | 'BORDERLINE';
  why: string;
  split_error: boolean;
}

/** Normalised text (runs of white space → one space) and a map back to original offsets. */
export function normalise(text: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      if (!space && norm.length) {
        norm += ' ';
        map.push(i);
      }
      space = true;
    } else {
      norm += ch;
      map.push(i);
      space = false;
    }
  }
  map.push(text.length);
  return { norm, map };
}

export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Removes every citation marker the model found (and the spaces before it). Returns the text
 * and a map from an offset in the original to the offset in the stripped text.
 */
export function stripCitations(text: string): { text: string; at: (offset: number) => number } {
  const { model } = check(text, { format: 'markdown', rules: [] });
  let out = '';
  let at = 0;
  /** The removed ranges [start, end) of the original, in order. */
  const cuts: { start: number; end: number }[] = [];
  for (const c of [...model.citations].sort((a, b) => a.start - b.start)) {
    if (c.start < at) continue;
    let start = c.start;
    while (start > at && (text[start - 1] === ' ' || text[start - 1] === '\u00a0')) start--;
    out += text.slice(at, start);
    cuts.push({ start, end: c.end });
    at = c.end;
  }
  const removedBefore = (offset: number) => {
    let removed = 0;
    for (const cut of cuts) {
      if (offset <= cut.start) break;
      removed += Math.min(offset, cut.end) - cut.start;
    }
    return removed;
  };
  return { text: out + text.slice(at), at: (offset) => offset - removedBefore(offset) };
}

/** Where a label stands in `text` (the article, or the article stripped of markers through `at`), or undefined. */
export function locate(label: Label, norm: { norm: string; map: number[] }, at: (offset: number) => number): { start: number; end: number } | undefined {
  if (typeof label !== 'string') return { start: at(label.start), end: at(label.end) };
  const needle = squash(label);
  const found = norm.norm.lastIndexOf(needle);
  if (found < 0) return undefined;
  return { start: norm.map[found], end: norm.map[found + needle.length - 1] + 1 };
}
