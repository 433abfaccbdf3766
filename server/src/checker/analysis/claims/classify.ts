import { AMBIGUOUS_PRESENT, CATEGORY_INFO, CLAIM_CUES, GENERIC_SUBJECT, NOT_VERB_BEFORE, PRESENT_TENSE_CUE, PRESENT_TENSE_WORDS } from './cues';
import { CLAIM_CLAUSES, SENTENCE_EXCLUSIONS } from './exclusions';
import { triggerWords } from './triggers';
import type { ClaimCue, ClaimData, ClaimExclusion, ClaimMatch, SectionMode } from './types';

/**
 * The claim classifier: one sentence in, the cue that makes it a claim (or null) out.
 *
 * Speed (the whole rule must stay at a few milliseconds for a 300 KB manuscript): the sentence
 * is tokenised once by a char-code loop; each word is looked up once in a lexicon built at load
 * time from the cue and exclusion lists (which cues it triggers, which exclusions, whether it is
 * a present-tense verb); a pattern runs only when one of its trigger words occurs; every pattern
 * is compiled once.
 *
 * The data is a parameter (`makeClassifier(data)`): the exported functions are the classifier
 * built once from the real data (`CLAIM_DATA`); the data test builds others, each without one
 * entry, to show that every entry decides something.
 */

/** The real data. */
export const CLAIM_DATA: ClaimData = {
  cues: CLAIM_CUES,
  presentTenseCue: PRESENT_TENSE_CUE,
  exclusions: SENTENCE_EXCLUSIONS,
  clauses: CLAIM_CLAUSES,
  presentWords: PRESENT_TENSE_WORDS,
  ambiguousPresent: AMBIGUOUS_PRESENT,
  notVerbBefore: NOT_VERB_BEFORE,
  genericSubject: GENERIC_SUBJECT,
};

/** A past-tense auxiliary anywhere: the sentence tells what happened. */
const PAST_AUX = /\b(?:was|were|had|did)\b/iu;

/** Ends with a question mark (before closing quotes, brackets or space)? */
function isQuestion(text: string): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '?') return true;
    if (!(c === '"' || c === "'" || c === '\u201d' || c === '\u2019' || c === ')' || c === ']' || c === ' ' || c === '\n' || c === '\t')) return false;
  }
  return false;
}

/** A boundary between two clauses: ", but", ", although", ";"... */
const CLAUSE_BREAK = /,\s*(?:but|although|though|whereas|while|yet)\b|;\s|\s(?:but|whereas)\s/giu;

/** Are offsets a and b of a sentence in the same clause (no clause boundary between them)? */
function sameClause(text: string, a: number, b: number): boolean {
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  CLAUSE_BREAK.lastIndex = from;
  const m = CLAUSE_BREAK.exec(text);
  return !m || m.index >= to;
}

/** Minimum number of words for a sentence to be judged (fragments like "(Figure 3)" are not). */
const MIN_WORDS = 3;

const hashStep = (h: number, c: number) => (Math.imul(h, 31) + c) | 0;

/**
 * Is a UTF-16 code unit part of a word (letters and digits)? Returns the code folded to lower
 * case for ASCII letters, or -1 for a separator.
 */
function wordUnit(c: number): number {
  if (c < 0xc0) {
    if (c >= 97 && c <= 122) return c;
    if (c >= 65 && c <= 90) return c | 0x20;
    if (c >= 48 && c <= 57) return c;
    return -1;
  }
  if (c === 0xd7 || c === 0xf7) return -1;
  // General punctuation, symbols, arrows, maths; CJK punctuation; BOM.
  if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || c === 0xfeff) return -1;
  return c;
}

/** Does text[start, end) spell word, ASCII letters compared without case? (Lexicon words are lower-case ASCII.) */
function sameWord(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) {
    let c = text.charCodeAt(start + k);
    if (c >= 65 && c <= 90) c |= 0x20;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Insertion sort: these lists hold a handful of distinct indices (cheaper than Array#sort's calls). */
function sortSmall(a: number[]): void {
  for (let i = 1; i < a.length; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

interface WordInfo {
  word: string;
  /** Indices into the sorted cues of the cues this word triggers. */
  cues: number[];
  /** Indices into the exclusions of the exclusions this word triggers. */
  exclusions: number[];
  present: boolean;
  ambiguous: boolean;
  /** An article, "to" or a preposition: the next ambiguous form is not a verb. */
  notVerbBefore: boolean;
  /** A word of the generic subject ("people", "patients"): worth trying that pattern when it opens the sentence. */
  generic: boolean;
}

export interface SentenceAnalysis {
  /** The claim, or null. */
  claim: ClaimMatch | null;
  /** Why weak cues were ignored (this patient, this report), if they were. */
  excludedBy?: ClaimExclusion;
}

interface SentenceFacts {
  text: string;
  wordCount: number;
  /** Candidate cue indices (into the sorted cues), in priority order. */
  candidates: number[];
  /** Exclusion indices (into the exclusions) whose trigger words occur. */
  exclusions: number[];
  /** Have the exclusion patterns been run (skip, blockedBy, patientBlock are then set)? */
  checked: boolean;
  /** A `skip` exclusion matched (figure call-out). */
  skip?: ClaimExclusion;
  /** The first patient/report exclusion that matched. */
  blockedBy?: ClaimExclusion;
  /** The first `patient` exclusion that matched. */
  patientBlock?: ClaimExclusion;
  /** An `exhortation` exclusion that matched, and where (it covers its own clause only). */
  exhortation?: ClaimExclusion;
  exhortationAt: number;
  /** A `paper` exclusion (about the paper, the authors' search), or an `own-data` one in a sentence without present tense. */
  never?: ClaimExclusion;
  /** Offsets of the first present-tense verb, or -1. */
  presentStart: number;
  presentEnd: number;
}

export interface ClaimClassifier {
  /** Classifies one sentence's text (markup removed) written in a section of the given mode. */
  classifySentence(text: string, mode: SectionMode): ClaimMatch | null;
  /** The claim, and why weak cues were ignored. */
  analyseSentence(text: string, mode: SectionMode): SentenceAnalysis;
  /**
   * Does a sentence generalise: present tense, and not about this patient ("She had never
   * smoked" does not; "This case shows that cramps always precede weakness" does).
   */
  generalises(text: string): boolean;
}

/** Builds a classifier for the given data (the lexicon and tables are built here, once). */
export function makeClassifier(data: ClaimData = CLAIM_DATA): ClaimClassifier {
  const { presentTenseCue: PRESENT_CUE, exclusions: EXCLUSIONS, clauses: CLAUSES } = data;
  /** Cues sorted by category priority (stable within a category). */
  const CUES: readonly ClaimCue[] = [...data.cues].sort((a, b) => CATEGORY_INFO[a.category].priority - CATEGORY_INFO[b.category].priority);

  /**
   * The lexicon: every word that matters, in an open-addressing hash table keyed by a hash of
   * its char codes, so that scanning a sentence allocates no substrings and computes no string
   * hashes (this loop runs on every sentence of the document).
   */
  const LEXICON = new Map<string, WordInfo>();
  const entry = (w: string): WordInfo => {
    let e = LEXICON.get(w);
    if (!e) {
      e = { word: w, cues: [], exclusions: [], present: false, ambiguous: false, notVerbBefore: false, generic: false };
      LEXICON.set(w, e);
    }
    return e;
  };
  CUES.forEach((cue, i) => {
    for (const w of triggerWords(cue.pattern)) {
      const e = entry(w);
      if (!e.cues.includes(i)) e.cues.push(i);
    }
  });
  EXCLUSIONS.forEach((ex, i) => {
    for (const w of triggerWords(ex.pattern)) {
      const e = entry(w);
      if (!e.exclusions.includes(i)) e.exclusions.push(i);
    }
  });
  for (const w of data.presentWords) {
    const e = entry(w);
    e.present = true;
    e.ambiguous = data.ambiguousPresent.has(w);
  }
  for (const w of data.notVerbBefore) entry(w).notVerbBefore = true;
  for (const w of triggerWords(data.genericSubject.pattern)) entry(w).generic = true;
  const PERCENT = entry('%');

  /**
   * Open addressing with linear probing in two typed arrays (a few hundred words in 4096 slots):
   * most words of a sentence are not in the lexicon, and a miss is one read of SLOT_ENTRY.
   */
  const TABLE_SIZE = 1 << 12;
  const ENTRIES: WordInfo[] = [...LEXICON.values()];
  /** Index + 1 into ENTRIES, 0 for an empty slot. */
  const SLOT_ENTRY = new Int32Array(TABLE_SIZE);
  const SLOT_HASH = new Int32Array(TABLE_SIZE);
  ENTRIES.forEach((e, index) => {
    let h = 0;
    for (let i = 0; i < e.word.length; i++) h = hashStep(h, e.word.charCodeAt(i));
    let slot = h & (TABLE_SIZE - 1);
    while (SLOT_ENTRY[slot] !== 0) slot = (slot + 1) & (TABLE_SIZE - 1);
    SLOT_ENTRY[slot] = index + 1;
    SLOT_HASH[slot] = h;
  });

  const cueStamp = new Uint32Array(CUES.length);
  const exStamp = new Uint32Array(EXCLUSIONS.length);
  let generation = 0;

  function lookup(text: string, start: number, end: number, h: number): WordInfo | undefined {
    for (let slot = h & (TABLE_SIZE - 1); ; slot = (slot + 1) & (TABLE_SIZE - 1)) {
      const e = SLOT_ENTRY[slot];
      if (e === 0) return undefined;
      if (SLOT_HASH[slot] === h && sameWord(text, start, end, ENTRIES[e - 1].word)) return ENTRIES[e - 1];
    }
  }

  function sentenceFacts(text: string): SentenceFacts {
    generation++;
    const f: SentenceFacts = {
      text,
      wordCount: 0,
      candidates: [],
      exclusions: [],
      checked: false,
      presentStart: -1,
      presentEnd: -1,
      exhortationAt: -1,
    };
    let start = -1;
    let h = 0;
    let prevNotVerbBefore = true; // the first word has nothing before it
    let genericCandidate = false;
    const n = text.length;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? text.charCodeAt(i) : 32;
      const w = wordUnit(c);
      if (w >= 0) {
        if (start < 0) {
          start = i;
          h = 0;
        }
        h = hashStep(h, w);
        continue;
      }
      let info: WordInfo | undefined;
      if (start >= 0) {
        f.wordCount++;
        info = lookup(text, start, i, h);
        if (info?.generic && f.wordCount <= 5) genericCandidate = true;
      } else if (c === 37) info = PERCENT; // '%': a pseudo-word for the percentage cues
      else continue;
      if (info) {
        const cues = info.cues;
        for (let j = 0; j < cues.length; j++) {
          const k = cues[j];
          if (cueStamp[k] !== generation) {
            cueStamp[k] = generation;
            f.candidates.push(k);
          }
        }
        const exs = info.exclusions;
        for (let j = 0; j < exs.length; j++) {
          const x = exs[j];
          if (exStamp[x] !== generation) {
            exStamp[x] = generation;
            f.exclusions.push(x);
          }
        }
        // Present tense: a finite present verb, a modal, or a present perfect. Ambiguous forms
        // ("include", "results") count unless an article, "to" or a preposition precedes them.
        if (start >= 0 && f.presentStart < 0 && info.present && !(info.ambiguous && prevNotVerbBefore)) {
          f.presentStart = start;
          f.presentEnd = i;
        }
        if (start >= 0) prevNotVerbBefore = info.notVerbBefore;
      } else prevNotVerbBefore = false;
      // "50%," : a percent sign right after a number also counts.
      if (start >= 0 && c === 37) {
        for (const k of PERCENT.cues) {
          if (cueStamp[k] !== generation) {
            cueStamp[k] = generation;
            f.candidates.push(k);
          }
        }
      }
      start = -1;
    }
    sortSmall(f.candidates);
    sortSmall(f.exclusions);
    if (f.presentStart < 0 && genericCandidate) {
      const g = data.genericSubject.pattern.exec(text);
      if (g && !PAST_AUX.test(text)) {
        f.presentStart = g.index;
        f.presentEnd = g.index + g[0].trimEnd().length;
      }
    }
    return f;
  }

  /**
   * Runs the exclusion patterns, once, and only when an answer depends on them (most sentences
   * of the case sections never get here: past tense, no cue).
   */
  function checkExclusions(f: SentenceFacts): SentenceFacts {
    if (f.checked) return f;
    f.checked = true;
    for (const x of f.exclusions) {
      const ex = EXCLUSIONS[x];
      if (ex.kind === 'own-data' && f.presentStart >= 0) continue;
      let at = 0;
      if (!ex.triggerIsEnough) {
        const m = ex.pattern.exec(f.text);
        if (!m) continue;
        at = m.index;
      }
      if (ex.kind === 'skip') {
        f.skip = ex;
        return f;
      }
      if (ex.kind === 'paper' || ex.kind === 'own-data') f.never ??= ex;
      else if (ex.kind === 'exhortation') {
        if (!f.exhortation) {
          f.exhortation = ex;
          f.exhortationAt = at;
        }
      }
      else {
        f.blockedBy ??= ex;
        if (ex.kind === 'patient') f.patientBlock ??= ex;
      }
    }
    return f;
  }

  /**
   * Does what the sentence is (exclusions) keep this cue, matched at `at` (-1: not matched yet),
   * from making it a claim? Own data never blocks a strong literature cue (the patients are then
   * someone else's); an exhortation blocks only within its own clause ("X is rare, but it should
   * be considered" still states that X is rare).
   */
  function blocks(f: SentenceFacts, cue: ClaimCue, at: number): ClaimExclusion | undefined {
    if (f.never && !(f.never.kind === 'own-data' && cue.strong && cue.category === 'literature')) return f.never;
    if (!cue.strong && f.blockedBy) return f.blockedBy;
    if (f.exhortation && (!cue.strong || cue.category === 'general') && at >= 0 && sameClause(f.text, at, f.exhortationAt)) return f.exhortation;
    return undefined;
  }

  function generalises(text: string): boolean {
    const f = sentenceFacts(text);
    if (f.presentStart < 0) return false;
    checkExclusions(f);
    return !f.skip && !f.never && !f.exhortation && f.patientBlock === undefined;
  }

  function analyseSentence(text: string, mode: SectionMode): SentenceAnalysis {
    // Questions ask, they do not claim ("Could the vaccine have triggered the syndrome?").
    if (isQuestion(text)) return { claim: null };
    const f = sentenceFacts(text);
    if (f.wordCount < MIN_WORDS) return { claim: null };
    const present = f.presentStart >= 0;

    for (const i of f.candidates) {
      const cue = CUES[i];
      if (cue.discussionOnly && mode === 'case') continue;
      if (mode === 'case' && !cue.strong && !present && !cue.presentVerb) continue;
      if (!cue.strong && blocks(checkExclusions(f), cue, -1)) continue;
      const match = cue.pattern.exec(text);
      if (!match || (cue.accept && !cue.accept(match))) continue;
      checkExclusions(f);
      if (f.skip) return { claim: null, excludedBy: f.skip };
      const blocked = blocks(f, cue, match.index);
      if (blocked) {
        if (blocked === f.never && blocked.kind === 'paper') return { claim: null, excludedBy: blocked };
        continue;
      }
      return { claim: { category: cue.category, cue, text: match[0].trim(), index: match.index }, excludedBy: f.blockedBy };
    }
    if (!present && !f.checked) return { claim: null };
    checkExclusions(f);
    const { skip, blockedBy } = f;
    if (skip) return { claim: null, excludedBy: skip };
    if (f.never) return { claim: null, excludedBy: f.never };

    // A claim in a clause of its own inside a sentence about the patient or this report.
    if (blockedBy) {
      for (const clause of CLAUSES) {
        if (clause.when !== blockedBy.kind) continue;
        const m = clause.pattern.exec(text);
        if (!m) continue;
        const offset = m.index + m[0].length;
        const sub = analyseSentence(text.slice(offset), mode);
        if (sub.claim && sub.claim.cue !== PRESENT_CUE) {
          return { claim: { ...sub.claim, index: sub.claim.index + offset } };
        }
      }
    }

    if (f.exhortation && present && sameClause(text, f.presentStart, f.exhortationAt)) return { claim: null, excludedBy: f.exhortation };
    if (mode === 'discussion' && !blockedBy && present) {
      return { claim: { category: 'general', cue: PRESENT_CUE, text: text.slice(f.presentStart, f.presentEnd), index: f.presentStart } };
    }
    return { claim: null, excludedBy: blockedBy };
  }

  return { classifySentence: (text, mode) => analyseSentence(text, mode).claim, analyseSentence, generalises };
}

/** The classifier of the real data. */
const CLASSIFIER = makeClassifier(CLAIM_DATA);

/** Classifies one sentence's text (markup removed) written in a section of the given mode. */
export const classifySentence = CLASSIFIER.classifySentence;

/**
 * Does a sentence generalise: present tense, and not about this patient ("She had never
 * smoked" does not; "This case shows that cramps always precede weakness" does).
 */
export const generalises = CLASSIFIER.generalises;

export const analyseSentence = CLASSIFIER.analyseSentence;
