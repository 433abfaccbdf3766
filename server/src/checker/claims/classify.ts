import { AMBIGUOUS_PRESENT, CATEGORY_INFO, CLAIM_CUES, NOT_VERB_BEFORE, PRESENT_TENSE_CUE, PRESENT_TENSE_WORDS } from './cues';
import { SENTENCE_EXCLUSIONS } from './exclusions';
import type { ClaimCue, ClaimExclusion, ClaimMatch, SectionMode } from './types';

/**
 * The claim classifier: one sentence in, the cue that makes it a claim (or null) out.
 * Speed: the sentence is tokenised once; a cue's pattern runs only when one of its trigger
 * words occurs; every pattern is compiled once, at load time.
 */

const TOKEN_RE = /[\p{L}\p{N}]+/gu;
/** ", which prolongs": a non-restrictive relative clause (its own subject: a general fact). */
const REL_CLAUSE = /,\s+which\s+(?=(?:\p{L}+ly\s+)?(?:is|are|has|have|can|may|might|will|\p{L}+s)\b)/gu;

/** Cues sorted by category priority (stable within a category), and trigger word → cue indices. */
const CUES: readonly ClaimCue[] = [...CLAIM_CUES].sort((a, b) => CATEGORY_INFO[a.category].priority - CATEGORY_INFO[b.category].priority);
const CUES_BY_WORD = new Map<string, number[]>();
CUES.forEach((cue, i) => {
  for (const w of cue.triggers) {
    const list = CUES_BY_WORD.get(w);
    if (list) {
      if (!list.includes(i)) list.push(i);
    } else CUES_BY_WORD.set(w, [i]);
  }
});
const EXCLUSIONS_BY_WORD = new Map<string, ClaimExclusion[]>();
for (const ex of SENTENCE_EXCLUSIONS) {
  for (const w of ex.triggers) {
    const list = EXCLUSIONS_BY_WORD.get(w);
    if (list) list.push(ex);
    else EXCLUSIONS_BY_WORD.set(w, [ex]);
  }
}

export interface SentenceAnalysis {
  /** The claim, or null. */
  claim: ClaimMatch | null;
  /** Why weak cues were ignored (this patient, this report), if they were. */
  excludedBy?: ClaimExclusion;
}

/** Minimum number of words for a sentence to be judged (fragments like "(Figure 3)" are not). */
const MIN_WORDS = 3;

/** Classifies one sentence's text (markup removed) written in a section of the given mode. */
export function classifySentence(text: string, mode: SectionMode): ClaimMatch | null {
  return analyseSentence(text, mode).claim;
}

interface SentenceFacts {
  words: string[];
  starts: number[];
  /** A `skip` exclusion matched (figure call-out). */
  skip?: ClaimExclusion;
  /** The first patient/report exclusion that matched. */
  blockedBy?: ClaimExclusion;
  /** The first `patient` exclusion that matched. */
  patientBlock?: ClaimExclusion;
  /** Index (in words) of the first present-tense verb, or -1. */
  presentAt: number;
}

function sentenceFacts(text: string): SentenceFacts {
  const words: string[] = [];
  const starts: number[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) {
    words.push(m[0].toLowerCase());
    starts.push(m.index);
  }
  // Exclusions: skip kinds end the matter; patient/report kinds block the weak cues.
  let blockedBy: ClaimExclusion | undefined;
  let patientBlock: ClaimExclusion | undefined;
  const triedEx = new Set<ClaimExclusion>();
  for (const w of words) {
    const list = EXCLUSIONS_BY_WORD.get(w);
    if (!list) continue;
    for (const ex of list) {
      if (triedEx.has(ex)) continue;
      triedEx.add(ex);
      if (!ex.pattern.test(text)) continue;
      if (ex.kind === 'skip') return { words, starts, skip: ex, presentAt: -1 };
      blockedBy ??= ex;
      if (ex.kind === 'patient') patientBlock ??= ex;
    }
  }

  // Present tense: a finite present verb, a modal, or a present perfect.
  let presentAt = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!PRESENT_TENSE_WORDS.has(w)) continue;
    if (AMBIGUOUS_PRESENT.has(w) && (i === 0 || NOT_VERB_BEFORE.has(words[i - 1]))) continue;
    presentAt = i;
    break;
  }
  return { words, starts, blockedBy, patientBlock, presentAt };
}

/**
 * Does a sentence generalise: present tense, and not about this patient ("She had never
 * smoked" does not; "This case shows that cramps always precede weakness" does).
 */
export function generalises(text: string): boolean {
  const f = sentenceFacts(text);
  return !f.skip && f.patientBlock === undefined && f.presentAt >= 0;
}

export function analyseSentence(text: string, mode: SectionMode): SentenceAnalysis {
  // Questions ask, they do not claim ("Could the vaccine have triggered the syndrome?").
  if (/\?["'\u201d\u2019)\]]*$/.test(text.trimEnd())) return { claim: null };
  const { words, starts, skip, blockedBy, presentAt } = sentenceFacts(text);
  if (skip) return { claim: null, excludedBy: skip };
  if (words.length < MIN_WORDS) return { claim: null };

  // Candidate cues, in priority order.
  const candidates = new Set<number>();
  for (const w of words) {
    const list = CUES_BY_WORD.get(w);
    if (list) for (const i of list) candidates.add(i);
  }
  if (candidates.size) {
    const ordered = [...candidates].sort((a, b) => a - b);
    for (const i of ordered) {
      const cue = CUES[i];
      if (cue.discussionOnly && mode === 'case') continue;
      if (blockedBy && !cue.strong) continue;
      if (mode === 'case' && !cue.strong && presentAt < 0) continue;
      const match = cue.pattern.exec(text);
      if (!match || (cue.accept && !cue.accept(match))) continue;
      return { claim: { category: cue.category, cue, text: match[0].trim(), index: match.index }, excludedBy: blockedBy };
    }
  }

  // "She received riluzole, which prolongs survival": a claim in a relative clause of a
  // sentence about the patient. The clause is judged on its own (but not by the fallback).
  if (blockedBy && blockedBy.kind === 'patient') {
    REL_CLAUSE.lastIndex = 0;
    const rel = REL_CLAUSE.exec(text);
    if (rel) {
      const offset = rel.index + rel[0].length;
      const sub = analyseSentence(text.slice(offset), mode);
      if (sub.claim && sub.claim.cue !== PRESENT_TENSE_CUE) {
        return { claim: { ...sub.claim, index: sub.claim.index + offset } };
      }
    }
  }

  if (mode === 'discussion' && !blockedBy && presentAt >= 0) {
    return { claim: { category: 'general', cue: PRESENT_TENSE_CUE, text: text.substr(starts[presentAt], words[presentAt].length), index: starts[presentAt] } };
  }
  return { claim: null, excludedBy: blockedBy };
}
