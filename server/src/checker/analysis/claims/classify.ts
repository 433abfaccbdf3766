import {
  ADVERB_WORDS,
  AUXILIARY_PRESENT,
  MEDICAL_VERBS_3SG,
  MEDICAL_VERBS_BASE,
  AMBIGUOUS_PRESENT,
  BASE_PRESENT,
  CATEGORY_INFO,
  CLAIM_CUES,
  GENERIC_SUBJECT,
  NOT_VERB_BEFORE,
  NOUN_FIRST_PRESENT,
  PAST_FORMS,
  DETERMINER_WORDS,
  DISCOURSE_NOUNS,
  FRAME_VERBS,
  JUDGEMENT_WORDS,
  PLURAL_SUBJECTS,
  RAISING_VERBS,
  PRESENT_TENSE_CUE,
  PRESENT_TENSE_WORDS,
  SINGULAR_PRONOUNS,
} from './cues';
import { FORM_AMBIGUOUS, FORM_BASE, FORM_NOUN_FIRST, FORM_PRESENT, handFormList, hashTableSize, presentTable, wordHash, type PresentFormList, type PresentTable } from './lexicon';
import { CLAIM_CLAUSES, CLAIM_FRAMES, SENTENCE_EXCLUSIONS } from './exclusions';
import { makeFrameReader } from './structure';
import { lowLetterSource, lowLettersOnly, type ClaimRegExp } from './pattern';
import { triggersOf } from './triggers';
import type { ClaimClause, ClaimCue, ClaimData, ClaimExclusion, ClaimFrame, ClaimMatch, SectionMode } from './types';
import { DECISION_WEIGHTS, EVIDENCE, EVIDENCE_INDEX, weightVector, type DecisionWeights, type EvidenceId } from './weights';

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
  basePresent: BASE_PRESENT,
  nounFirstPresent: NOUN_FIRST_PRESENT,
  pluralSubjects: PLURAL_SUBJECTS,
  singularPronouns: SINGULAR_PRONOUNS,
  determiners: DETERMINER_WORDS,
  adverbs: ADVERB_WORDS,
  pastForms: PAST_FORMS,
  genericSubject: GENERIC_SUBJECT,
  frames: CLAIM_FRAMES,
  frameVerbs: FRAME_VERBS,
  judgements: JUDGEMENT_WORDS,
  raising: RAISING_VERBS,
  discourse: DISCOURSE_NOUNS,
};

const NOT_PRESENT: SentenceFeatures['tense'] = Object.freeze({ present: false });
const NO_CONTEXT: SentenceContext = Object.freeze({});
const NO_CUES: ClaimCue[] = [];

/** The word that ends right before offset `at` (spaces and one bracketed group skipped), lower-cased. */
function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && text.charCodeAt(i - 1) === 32) i--;
  if (i > 0 && text[i - 1] === ')') {
    const open = text.lastIndexOf('(', i - 1);
    if (open >= 0) i = open;
    while (i > 0 && text.charCodeAt(i - 1) === 32) i--;
  }
  const end = i;
  while (i > 0 && wordUnit(text.charCodeAt(i - 1)) >= 0) i--;
  return text.slice(i, end).toLowerCase();
}

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

/**
 * V8 runs a pattern with both the `i` and `u` flags 10 to 30 times slower than the same pattern
 * without `i` (measured on this corpus: the exclusions' and cues' patterns were most of the
 * rule's time). So each `iu` pattern is run without `i` on the sentence lower-cased (same
 * length, same offsets; the words shown are taken from the sentence as written). A pattern that
 * names upper-case letters (`[A-Z]`, `\p{Lu}`) keeps its flags: undefined here.
 */
function flagsWithoutIgnoreCase(re: ClaimRegExp): string | undefined {
  if (!re.flags.includes('i') || !re.flags.includes('u')) return undefined;
  const literal = re.source.replace(/\\[pP]\{[^}]*\}|\\./g, '');
  if (/[A-Z]/.test(literal) || /\\[pP]\{(?:Lu|Ll|Lt|Uppercase|Lowercase|Cased|LC|L&)/.test(re.source)) return undefined;
  return re.flags.replace('i', '');
}

/**
 * How a pattern of the data runs (see flagsWithoutIgnoreCase and lowLetterSource): `flags`
 * undefined for the pattern itself, else its copy without `i` (`fast`) and, for a sentence of
 * letters below U+0400, the copy with its letter classes as ranges (`low`, when `lowSource` is
 * one). Each copy is made when a sentence first needs it: most patterns with `\p{L}` only ever
 * run as `low` in a check, and making a pattern parses it (building its `\p{…}` sets) even when
 * it never runs.
 */
interface PatternRun {
  flags: string | undefined;
  fast?: RegExp;
  lowSource?: string | null;
  low?: RegExp;
}

const lowerRun = (run: string) => run.toLowerCase();
/**
 * The text lower-cased with the same length and offsets (toLowerCase, unless it changes the
 * length, as for a dotted capital I: then only ASCII letters are lower-cased).
 */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]+/g, lowerRun);
}

/** Finite forms of "be", "have", "do" and the modals: a present form right before one is a noun ("an infectious cause was excluded", "blood tests may"). */
const AUXILIARIES = ['is', 'isn', 'are', 'aren', 'was', 'were', 'has', 'hasn', 'have', 'haven', 'had', 'does', 'doesn', 'do', 'don', 'did', 'can', 'cannot', 'may', 'might', 'must', 'should', 'shall', 'will', 'would', 'could'];

/**
 * What the word before a present form (adverbs skipped) can be to it: a subject of an -s form
 * (a noun, "it"), a plural subject (of a base form: "adults", "they"), a subject pronoun; 0 for
 * none (the sentence's start, a function word, a verb).
 */
/**
 * Words after which a form read first as a noun, right after a noun, is the noun (closed class):
 * "large doses of", "hormone levels and", "night cramps in", "heart beats at" (but "the disease
 * spreads along", "renal function declines with").
 */
const NOUN_AFTER = ['of', 'and', 'or', 'nor', 'in', 'at'];

/** Not a subject itself, but the next noun is a coordinated subject, plural ("X and Y"). */
const AFTER_AND = 8;

/** The sentence's (or clause's) first word: an unambiguous form counts there ("prolongs survival", the clause after ", which"). */
const SUBJECT_START = 16;
/** After an -ed word: no subject of an ambiguous form ("contained blasts"), but an unambiguous one counts ("once established, progresses"). */
const AFTER_PARTICIPLE = 32;

const SUBJECT_OF_3SG = 1;
const SUBJECT_PLURAL = 2;
const SUBJECT_PRONOUN = 4;

/** Minimum number of words for a sentence to be judged (fragments like "(Figure 3)" are not). */
const MIN_WORDS = 3;

/** The lexicon's word hash, one character at a time (written out where the word table is built). */
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
  /** A finite form of "be", "have", "do" or a modal ("was", "is", "may"): a present form right before it is a noun ("an infectious cause was excluded"). */
  auxiliary: boolean;
  /** A base form ("heal"): present only after a plural subject. */
  base: boolean;
  /** An -s form read first as a plural noun ("results"): present only after a subject pronoun. */
  nounFirst: boolean;
  /** SUBJECT_* bits this word gives a present form after it (pronouns, "people"), or -1: read from its ending. */
  subject: number;
  /** A determiner ("the", "its", "two"). */
  determiner: boolean;
  /** "of", "and", "or": a form read first as a noun right before one is the noun ("large doses of", "hormone levels and"). */
  noun: boolean;
  /** An adverb: skipped between a subject and its verb. */
  adverb: boolean;
  /** A past form not ending in -ed ("found"). */
  past: boolean;
  /** A noun of the argument or "case" (a frame may read the subject: structure.ts). */
  argument: boolean;
}

/** The shared empty index list of a lexicon entry that triggers nothing (most of them: the verbs). */
const NO_INDICES: number[] = [];

/** The classifier's word table (wordTable). */
interface WordTable {
  /** Every word of the table: the lexicon's words first, then the present forms, each once. */
  WORDS: string[];
  /** What each word is (undefined for a word that is no present form and nothing else; a present form that is nothing else shares one of a few records: about 13,000 of them). */
  INFOS: (WordInfo | undefined)[];
  /** Open addressing with linear probing: per slot, a word's index + 1 (0: empty). */
  SLOTS: Uint16Array | Uint32Array;
  /** What each word is as a present form (FORM_* bits joined over its occurrences). */
  FORMS: Uint8Array;
  TABLE_SIZE: number;
}

/**
 * The word table: the lexicon's words with their records, and the present forms, in a hash
 * table at most half full (about 14,700 words in 32,768 slots of 16 bits), small for the
 * processor's caches. For the real data it starts from `preset`, the
 * lexicon's ~12,700 present forms already in their slots (lexicon.ts presentTable, built by
 * `npm run schema`), and adds the classifier's ~2,000 words and the hand-kept present forms
 * (`present`) to it; a word found there is the same word, its bits joined: the same table as
 * inserting all of them here (which it does when the preset table would be more than half full,
 * and for other data). A function of its own, out of makeClassifier: its loops run once, and V8
 * compiles a long loop on the fly (OSR) together with the whole function it stands in (in
 * makeClassifier: ~1 % more instructions to load the checker and build the classifier,
 * callgrind). The loops make no call per character: they run mostly in V8's interpreter, where a
 * call per character was half their time (a word is one call of indexOf and of wordHash, whose
 * loop is written out: some 2,500 with the preset table).
 */
function wordTable(lexicon: Map<string, WordInfo>, present: PresentFormList, preset?: PresentTable): WordTable {
  let WORDS: string[];
  let INFOS: (WordInfo | undefined)[];
  let SLOTS: Uint16Array | Uint32Array;
  let FORMS: Uint8Array;
  let TABLE_SIZE: number;
  /** A word's index in the table, the word added (with no record yet) when it is not there. */
  const indexOf = (w: string): number => {
    let slot = wordHash(w) & (TABLE_SIZE - 1);
    for (let e = SLOTS[slot]; e !== 0; slot = (slot + 1) & (TABLE_SIZE - 1), e = SLOTS[slot]) if (WORDS[e - 1] === w) return e - 1;
    WORDS.push(w);
    INFOS.push(undefined);
    SLOTS[slot] = WORDS.length;
    return WORDS.length - 1;
  };
  const max = (preset ? preset.words.length : 0) + lexicon.size + present.words.length;
  if (preset && max * 2 <= preset.slots.length) {
    // The lexicon's present forms already in their slots; its words then go in as the present forms do below.
    WORDS = preset.words;
    INFOS = [];
    for (let index = 0; index < WORDS.length; index++) INFOS.push(undefined);
    TABLE_SIZE = preset.slots.length;
    SLOTS = preset.slots;
    FORMS = new Uint8Array(max);
    FORMS.set(preset.bits);
    for (const [w, info] of lexicon) INFOS[indexOf(w)] = info;
  } else {
    if (preset) present = { words: [...preset.words, ...present.words], bits: [...preset.bits, ...present.bits] };
    WORDS = [...lexicon.keys()];
    INFOS = [...lexicon.values()];
    TABLE_SIZE = hashTableSize(max);
    SLOTS = max < 0xffff ? new Uint16Array(TABLE_SIZE) : new Uint32Array(TABLE_SIZE);
    FORMS = new Uint8Array(max);
    // The lexicon's words are distinct: each gets a slot of its own.
    for (let index = 0; index < WORDS.length; index++) {
      let slot = wordHash(WORDS[index]) & (TABLE_SIZE - 1);
      while (SLOTS[slot] !== 0) slot = (slot + 1) & (TABLE_SIZE - 1);
      SLOTS[slot] = index + 1;
    }
  }
  for (let k = 0; k < present.words.length; k++) FORMS[indexOf(present.words[k])] |= present.bits[k];
  /** The shared records of the present forms that are nothing else, by what they are (ambiguous 1, base 2, read first as a noun 4). */
  const shared: (WordInfo | undefined)[] = [];
  for (let index = 0; index < WORDS.length; index++) {
    const bits = FORMS[index];
    if (!(bits & FORM_PRESENT)) continue;
    const ambiguous = (bits & FORM_AMBIGUOUS) !== 0;
    const base = ambiguous && (bits & FORM_BASE) !== 0;
    const nounFirst = ambiguous && (bits & FORM_NOUN_FIRST) !== 0;
    const e = INFOS[index];
    if (e) {
      e.present = true;
      e.ambiguous = ambiguous;
      e.base = base;
      e.nounFirst = nounFirst;
      continue;
    }
    const key = (ambiguous ? 1 : 0) | (base ? 2 : 0) | (nounFirst ? 4 : 0);
    INFOS[index] = shared[key] ??= { word: '', cues: NO_INDICES, exclusions: NO_INDICES, present: true, ambiguous, notVerbBefore: false, generic: false, auxiliary: false, base, nounFirst, subject: -1, determiner: false, noun: false, adverb: false, past: false, argument: false };
  }
  return { WORDS, INFOS, SLOTS, FORMS, TABLE_SIZE };
}

/** What the rule knows of a sentence's neighbours (for the trace; a citation covers only its own sentence). */
export interface SentenceContext {
  citedBefore?: boolean;
  citedAfter?: boolean;
}

/** Who or what a sentence is about. `words`: the words that say so. */
export interface SentenceSubject {
  kind: 'this patient' | 'these patients' | 'this report' | 'the authors' | 'the paper' | 'people in general' | 'unknown';
  words?: string;
}

/** A cue that matched a sentence: the words it matched and where. */
export interface CueMatch {
  cue: ClaimCue;
  text: string;
  index: number;
}

/** What the decision reads (features()); decide() turns it into a verdict. */
export interface SentenceFeatures {
  text: string;
  mode: SectionMode;
  context: SentenceContext;
  question: boolean;
  words: number;
  /** Present tense (or present perfect, a modal): the word that makes it so, and how it was read. */
  tense: { present: boolean; word?: string; at?: number; by?: 'verb' | 'generic subject' };
  /** The cues worth trying (a trigger word occurs; in a case section, weak cues only in a present-tense sentence), in priority order. */
  candidates: ClaimCue[];
  /** Weak cues not tried: in a case section, the sentence is not in the present tense. */
  ignoredCues: ClaimCue[];
  /** A candidate's match (its pattern is run once, when first asked). */
  matchOf(cue: ClaimCue): CueMatch | null;
  /** Every candidate that matches. */
  cues: CueMatch[];
  /** Have the exclusions been run (they are, when first asked for)? */
  exclusionsRead: boolean;
  /** Every exclusion that matched, in order, with where and what it matched. */
  exclusions: { exclusion: ClaimExclusion; at: number; text: string }[];
  skip?: ClaimExclusion;
  /** A `paper` or `own-data` exclusion: no claim (own data gives way to a strong literature cue). */
  never?: ClaimExclusion;
  /** The first `patient`/`report` exclusion: weak cues and the fallback are blocked. */
  about?: ClaimExclusion;
  exhortation?: { exclusion: ClaimExclusion; at: number; end: number };
  /** A `comment` exclusion: the authors reason, hedge or advise; the present tense alone makes no claim. */
  comment?: ClaimExclusion;
  /** A `question` exclusion ("unclear whether"), and where: a weak cue after it, in its clause, is asked. */
  openQuestion?: { exclusion: ClaimExclusion; at: number };
  subject: SentenceSubject;
  /**
   * What the present-tense verb frames, when it is the only present-tense verb group (structure.ts):
   * "It may be that … was", "remains possible, since …", "It helps to …", "are listed below".
   * Read only for the present-tense fallback outside the case sections.
   */
  frame?: { frame: ClaimFrame; at: number; words: string };
  /** Clauses judged on their own (a relative clause in a sentence about the patient...). */
  clauses: { clause: ClaimClause; offset: number; features: SentenceFeatures }[];
}

/** The verdict on a sentence: the claim (or null), why, and the features it was read from. */
export interface Decision {
  claim: ClaimMatch | null;
  /** Why weak cues were ignored, or why it is not a claim. */
  excludedBy?: ClaimExclusion;
  features: SentenceFeatures;
  /** The cue's name for a claim, or the reason it is none, in a writer's words. */
  why: string;
  /** Cues that matched but did not count, and why. */
  passed?: string[];
  /** The clause judged on its own that holds the claim, if any. */
  clause?: string;
  /**
   * The learned decision (decision-weights.json): the score (bias + weights of the evidence,
   * flagged above the threshold; for a claim, of the facts read until it was certain) and what
   * pushed it most, in a writer's words.
   */
  weighed?: { score: number; threshold: number; top: { words: string; weight: number }[] };
}

/** A sentence's evidence as numbers (EVIDENCE order), what a learned claim would name, or why it is not weighed. */
export interface Evidence {
  /** Each entry 0 or 1; undefined: the sentence is not weighed (a question, too short, no claim word...): `why` says so. */
  x?: Uint8Array;
  /** The cue a claim names: the first claim word that counts, else a clause's, else the first matched, else the present tense. */
  claim?: ClaimMatch;
  clause?: string;
  why: string;
  excludedBy?: ClaimExclusion;
}

/** The old name of a Decision. */
export type SentenceAnalysis = Decision;

interface SentenceFacts {
  text: string;
  wordCount: number;
  /** Candidate cue indices (into the sorted cues), in priority order. */
  candidates: number[];
  /** Exclusion indices (into the exclusions) whose trigger words occur. */
  exclusions: number[];
  /** Have the exclusion patterns been run (skip, blockedBy, patientBlock are then set)? */
  checked: boolean;
  /** Have the `comment` ones been run (they are read last, so they run only when asked for)? */
  commentsChecked: boolean;
  /** Index (into the exclusions) of the `skip` exclusion that matched: none after it is run. */
  skipIndex: number;
  /** A `skip` exclusion matched (figure call-out). */
  skip?: ClaimExclusion;
  /** The first patient/report exclusion that matched. */
  blockedBy?: ClaimExclusion;
  /** The first `patient` exclusion that matched. */
  patientBlock?: ClaimExclusion;
  /** An `exhortation` exclusion that matched, and where (it covers its own clause only). */
  exhortation?: ClaimExclusion;
  exhortationAt: number;
  exhortationEnd: number;
  /** The first `comment` exclusion that matched. */
  comment?: ClaimExclusion;
  /** The first `question` exclusion that matched, and where. */
  question?: ClaimExclusion;
  questionAt: number;
  /** A `paper` exclusion (about the paper, the authors' search), or an `own-data` one in a sentence without present tense. */
  never?: ClaimExclusion;
  /** The section's mode (set by features(); undefined for generalises(), read as outside the case sections). */
  mode?: SectionMode;
  /** Offsets of the first present-tense verb, or -1. */
  presentStart: number;
  presentEnd: number;
  /** Present tense read from a generic subject, not from a verb. */
  presentByGeneric: boolean;
  /** A noun of the argument or "case" occurs (structure.ts reads the subject only then). */
  argument: boolean;
  /** The text with ASCII letters lower-cased, for the patterns compiled without `i` (made when first needed). */
  lower?: string;
  /** The lower-cased text has no letter or number at or above U+0400 (lowLettersOnly; made when first needed). */
  lowLetters?: boolean;
  /** Every exclusion that matched (patterns run once, by checkExclusions); undefined for none. */
  matched?: { exclusion: ClaimExclusion; at: number; text: string }[];
  neverText?: string;
  blockedByText?: string;
}

export interface ClaimClassifier {
  /** Classifies one sentence's text (markup removed) written in a section of the given mode. */
  classifySentence(text: string, mode: SectionMode): ClaimMatch | null;
  /** The claim, why, and the features read (features() then decide()). */
  analyseSentence(text: string, mode: SectionMode, context?: SentenceContext): Decision;
  /** What the decision reads of a sentence. */
  features(text: string, mode: SectionMode, context?: SentenceContext): SentenceFeatures;
  /** The verdict on a sentence's features, with the reason. */
  decide(features: SentenceFeatures): Decision;
  /** The features as numbers for the learned decision (bench/train.ts fits its weights on them). */
  evidence(features: SentenceFeatures): Evidence;
  /**
   * Does a sentence generalise: present tense, and not about this patient ("She had never
   * smoked" does not; "This case shows that cramps always precede weakness" does).
   */
  generalises(text: string): boolean;
}

/** How a classifier decides: by the hand-written steps, or by weights (decision-weights.json, `npm run train`). */
export interface DecisionOptions {
  weights?: DecisionWeights;
}

/** Builds a classifier for the given data (the lexicon and tables are built here, once). */
export function makeClassifier(data: ClaimData = CLAIM_DATA, options: DecisionOptions = HAND_DECISION): ClaimClassifier {
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
      e = { word: w, cues: NO_INDICES, exclusions: NO_INDICES, present: false, ambiguous: false, notVerbBefore: false, generic: false, auxiliary: false, base: false, nounFirst: false, subject: -1, determiner: false, noun: false, adverb: false, past: false, argument: false };
      LEXICON.set(w, e);
    }
    return e;
  };
  CUES.forEach((cue, i) => {
    for (const w of triggersOf(cue.pattern)) {
      const e = entry(w);
      if (e.cues === NO_INDICES) e.cues = [i];
      else if (!e.cues.includes(i)) e.cues.push(i);
    }
  });
  EXCLUSIONS.forEach((ex, i) => {
    for (const w of triggersOf(ex.pattern)) {
      const e = entry(w);
      if (e.exclusions === NO_INDICES) e.exclusions = [i];
      else if (!e.exclusions.includes(i)) e.exclusions.push(i);
    }
  });
  for (const w of data.notVerbBefore) entry(w).notVerbBefore = true;
  for (const w of AUXILIARIES) entry(w).auxiliary = true;
  for (const w of data.pluralSubjects) entry(w).subject = SUBJECT_PLURAL;
  for (const w of data.singularPronouns) {
    const e = entry(w);
    e.subject = (e.subject < 0 ? 0 : e.subject) | SUBJECT_OF_3SG | SUBJECT_PRONOUN;
  }
  for (const w of data.adverbs) entry(w).adverb = true;
  for (const w of data.determiners) entry(w).determiner = true;
  for (const w of NOUN_AFTER) entry(w).noun = true;
  for (const w of data.pastForms) entry(w).past = true;
  for (const w of triggersOf(data.genericSubject.pattern)) entry(w).generic = true;
  for (const w of data.discourse) entry(w).argument = true;
  entry('case').argument = true;
  const PERCENT = entry('%');
  /**
   * The present forms, each with what it is (FORM_* bits; a word may come more than once): for
   * the real data the lexicon's in the table built ahead (`preset`) and the hand-kept ones (its
   * four sets are views of a map that a check never builds).
   */
  let present: PresentFormList;
  const realPresent =
    data.presentWords === PRESENT_TENSE_WORDS &&
    data.ambiguousPresent === AMBIGUOUS_PRESENT &&
    data.basePresent === BASE_PRESENT &&
    data.nounFirstPresent === NOUN_FIRST_PRESENT;
  let preset: PresentTable | undefined;
  if (realPresent) {
    preset = presentTable();
    present = handFormList(AUXILIARY_PRESENT, MEDICAL_VERBS_3SG, MEDICAL_VERBS_BASE);
  } else {
    present = { words: [...data.presentWords], bits: [] };
    for (const w of present.words) {
      const ambiguous = data.ambiguousPresent.has(w);
      present.bits.push(FORM_PRESENT | (ambiguous ? FORM_AMBIGUOUS : 0) | (data.basePresent.has(w) ? FORM_BASE : 0) | (data.nounFirstPresent.has(w) ? FORM_NOUN_FIRST : 0));
    }
  }

  const { WORDS, INFOS, SLOTS, FORMS, TABLE_SIZE } = wordTable(LEXICON, present, preset);

  /** How each pattern of the data runs (PatternRun; made when a pattern first runs: starting the checker compiles none). */
  const RUNS = new Map<ClaimRegExp, PatternRun>();
  /** Runs a pattern of the data on a sentence (the faster way when there is one); offsets are the sentence's. */
  function run(re: ClaimRegExp, f: { text: string; lower?: string; lowLetters?: boolean }): RegExpExecArray | null {
    let how = RUNS.get(re);
    if (how === undefined) RUNS.set(re, (how = { flags: flagsWithoutIgnoreCase(re), fast: undefined, lowSource: undefined, low: undefined }));
    const flags = how.flags;
    if (flags === undefined) return re.exec(f.text);
    const lower = (f.lower ??= lowerSameLength(f.text));
    if (f.lowLetters ??= lowLettersOnly(lower)) {
      if (how.lowSource === undefined) how.lowSource = lowLetterSource(re.source, flags) ?? null;
      if (how.lowSource !== null) return (how.low ??= new RegExp(how.lowSource, flags)).exec(lower);
    }
    return (how.fast ??= new RegExp(re.source, flags)).exec(lower);
  }
  /** What a match says, as written in the sentence. */
  const written = (f: { text: string }, m: RegExpExecArray) => f.text.slice(m.index, m.index + m[0].length);
  /** Exclusions whose subject is the authors ("we", "us"): read once here, not per sentence. */
  const AUTHORS = new Set(EXCLUSIONS.filter((x) => x.triggerIsEnough || /\bus\b/.test(x.pattern.source)));

  const cueStamp = new Uint32Array(CUES.length);
  const exStamp = new Uint32Array(EXCLUSIONS.length);
  let generation = 0;

  /** The table's index of the word text[start, end) (ASCII letters folded), whose hash is `h`; -1 if it has none. */
  function wordIndex(text: string, start: number, end: number, h: number): number {
    const length = end - start;
    for (let slot = h & (TABLE_SIZE - 1); ; slot = (slot + 1) & (TABLE_SIZE - 1)) {
      const e = SLOTS[slot];
      if (e === 0) return -1;
      // The length before the letters (the table keeps no hashes: those of its present forms would be computed at every start).
      const w = WORDS[e - 1];
      if (w.length === length && sameWord(text, start, end, w)) return e - 1;
    }
  }

  function lookup(text: string, start: number, end: number, h: number): WordInfo | undefined {
    const index = wordIndex(text, start, end, h);
    return index < 0 ? undefined : INFOS[index];
  }

  function sentenceFacts(text: string): SentenceFacts {
    generation++;
    const f: SentenceFacts = {
      text,
      wordCount: 0,
      candidates: [],
      exclusions: [],
      checked: false,
      commentsChecked: false,
      skipIndex: -1,
      presentStart: -1,
      presentEnd: -1,
      exhortationAt: -1,
      exhortationEnd: -1,
      questionAt: -1,
      presentByGeneric: false,
      argument: false,
      // Every field from the start: one hidden class for every sentence's facts (fields added
      // later, in an order that differs by sentence, made the reads of them polymorphic).
      skip: undefined,
      blockedBy: undefined,
      patientBlock: undefined,
      exhortation: undefined,
      comment: undefined,
      question: undefined,
      never: undefined,
      mode: undefined,
      lower: undefined,
      lowLetters: undefined,
      matched: undefined,
      neverText: undefined,
      blockedByText: undefined,
    };
    let start = -1;
    let h = 0;
    /** What the last word that is not an adverb can be to a present form after it (SUBJECT_* bits; the first word has nothing before it). */
    let subject = SUBJECT_START;
    /**
     * The present tense was read from the word just before this one: 1, an open-class form (a
     * verb after it makes it a noun, "Relapses were rare"); 2, a form that is also a noun
     * ("works"); 3, one read first as a noun ("tests": an -ed word after it too, "Blood tests
     * showed").
     */
    let pending = 0;
    /**
     * Words left in which a verb makes the ambiguous present form before them a noun, the head of
     * a subject ("Tests for HIV were negative"); an -ed word counts only right after a noun ("scans
     * of the brain showed", not "presents with fever and elevated CK").
     */
    let watch = 0;
    /** A plural subject stood earlier ("Patients with GBS develop": a base form after the head's modifier). */
    let pluralSeen = false;
    /** The word before was a past form ("made"): a determiner after it opens its object, and the subject so far has had its verb. */
    let afterPast = false;
    let genericCandidate = false;
    /** The last two letters of the current word, as wordUnit folds them. */
    let u1 = 0;
    let u2 = 0;
    const n = text.length;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? text.charCodeAt(i) : 32;
      const w = wordUnit(c);
      if (w >= 0) {
        if (start < 0) {
          start = i;
          h = 0;
          u1 = 0;
        }
        h = hashStep(h, w);
        u2 = u1;
        u1 = w;
        continue;
      }
      // The word's ending, from its last two letters (lower-cased): "-ed", "-ly", a plural "-s" (not -ss, -us, -is).
      const len = i - start;
      const ed = len >= 4 && u2 === 101 && u1 === 100;
      const ly = len >= 5 && u2 === 108 && u1 === 121;
      let info: WordInfo | undefined;
      if (start >= 0) {
        f.wordCount++;
        info = lookup(text, start, i, h);
        if (info?.generic && f.wordCount <= 5) genericCandidate = true;
        if (info?.argument) f.argument = true;
      } else if (c === 37) info = PERCENT; // '%': a pseudo-word for the percentage cues
      else {
        if (c === 40 || c === 41 || c === 91 || c === 93) subject = 0; // brackets: what stands before one is no subject of what follows
        else if (c === 59 || c === 58) subject = SUBJECT_START; // ";", ":" start a clause
        continue;
      }
      // A present form right before a verb ("was", "may", "found") is the subject, a noun:
      // "An infectious cause was excluded", "Other forms are rarer", "Blood tests showed".
      // Not a form that is only a verb before a past form that is also a noun ("impairs wound
      // healing", "sets bone"): that one is the object.
      if (start >= 0 && (pending !== 0 || watch > 0)) {
        if (info?.auxiliary || (info?.past && pending !== 1) || (pending >= 3 && ed) || (pending === 4 && info !== undefined && info.noun) || (watch > 0 && ed && (subject & SUBJECT_OF_3SG) !== 0)) {
          f.presentStart = f.presentEnd = -1;
          watch = 0;
        } else if (pending >= 2 && info?.notVerbBefore && !info.determiner && info.subject < 0) watch = 5; // a preposition: the form may head a noun phrase
        else if (pending === 0 && (info?.present || (info && info.subject >= 0))) watch = 0; // another verb, a pronoun: a new clause
        else if (pending === 0) watch--;
        pending = 0;
      }
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
        // Present tense: a finite present verb, a modal, or a present perfect. A form that is
        // also a noun or an infinitive counts after a plausible subject only: a base form
        // ("heal", "include") after a plural one ("older adults", "they"), an -s form read first
        // as a noun ("results") after a pronoun ("it", "which"), another ambiguous -s form
        // ("works") after anything but a function word.
        if (start >= 0 && f.presentStart < 0 && info.present) {
          const s = subject;
          const verb = info.ambiguous
            ? info.base
              ? (s & SUBJECT_PLURAL) !== 0 || (!info.nounFirst && pluralSeen && (s & SUBJECT_OF_3SG) !== 0)
              : info.nounFirst
                ? (s & SUBJECT_PRONOUN) !== 0 || s === SUBJECT_OF_3SG
                : (s & SUBJECT_OF_3SG) !== 0
            : info.auxiliary || s !== 0;
          // An ambiguous form right before a comma or a bracket is the noun ("hemolytic complements,"),
          // and one read first as a noun also right before a full stop ("Plasma exchange helps." is a verb).
          if (verb && !(info.ambiguous && (c === 44 || c === 59 || c === 58 || c === 41 || c === 93 || (c === 46 && info.nounFirst)))) {
            f.presentStart = start;
            f.presentEnd = i;
            // How sure: 1 and 2 give way to a verb after it, 3 to an -ed word too, 4 to "of", "and" too.
            pending = info.auxiliary
              ? 0
              : !info.ambiguous
                ? 1
                : info.base
                  ? (s & SUBJECT_PLURAL) !== 0 ? 2 : 3
                  : !info.nounFirst ? 2 : (s & SUBJECT_PRONOUN) !== 0 ? 3 : 4;
          }
        }
      }
      // What this word can be to a present form after it (adverbs are skipped).
      if (start >= 0) {
        // "The lack of X and the normal level made a parasitic cause unlikely": the plural read
        // before a past verb and its object belongs to that verb's subject, not to a form after.
        if (afterPast && info?.determiner) pluralSeen = false;
        afterPast = info?.past === true && !info.present;
      }
      if (start >= 0 && !info?.adverb && !(ly && !info?.present)) {
        if (f.presentStart === start || (info && (info.auxiliary || info.past))) subject = 0;
        else if (ed) subject = AFTER_PARTICIPLE;
        else if (info && info.subject >= 0) subject = info.subject;
        else if (info?.notVerbBefore) subject = sameWord(text, start, i, 'and') ? AFTER_AND : 0;
        // A noun: plural by its ending, or after "and" ("hepatitis and cirrhosis increase").
        else subject = (len >= 3 && u1 === 115 && u2 !== 115 && u2 !== 117 && u2 !== 105) || subject === AFTER_AND ? SUBJECT_OF_3SG | SUBJECT_PLURAL : SUBJECT_OF_3SG;
        if (subject & SUBJECT_PLURAL) pluralSeen = true;
        else if (subject === AFTER_AND) pluralSeen = true; // "colitis and collagenous colitis exist"
      }
      if (c === 44 || c === 59 || c === 58) watch = 0; // ",", ";", ":" end the noun phrase
      if (c === 40 || c === 41 || c === 91 || c === 93) subject = 0;
      else if (c === 59 || c === 58) subject = SUBJECT_START;
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
      const g = run(data.genericSubject.pattern, f);
      if (g && !PAST_AUX.test(text)) {
        f.presentStart = g.index;
        f.presentEnd = g.index + g[0].trimEnd().length;
        f.presentByGeneric = true;
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
      if (ex.caseOnly && f.mode !== 'case') continue;
      // What the sentence is as the authors' comment is read last by the decision, when nothing
      // else has decided it (checkComments): most sentences never need those patterns run.
      if (ex.kind === 'comment') continue;
      const m = run(ex.pattern, f);
      if (!m) continue;
      const at = m.index;
      const said = written(f, m);
      (f.matched ??= []).push({ exclusion: ex, at, text: said });
      if (ex.kind === 'skip') {
        f.skip = ex;
        f.skipIndex = x;
        return f;
      }
      if (ex.kind === 'paper' || ex.kind === 'own-data') {
        if (!f.never) {
          f.never = ex;
          f.neverText = said;
        }
      }
      else if (ex.kind === 'exhortation') {
        if (!f.exhortation) {
          f.exhortation = ex;
          f.exhortationAt = at;
          f.exhortationEnd = at + m[0].length;
        }
      }
      else if (ex.kind === 'question') {
        if (!f.question) {
          f.question = ex;
          f.questionAt = at;
        }
      }
      else {
        if (!f.blockedBy) {
          f.blockedBy = ex;
          f.blockedByText = said;
        }
        if (ex.kind === 'patient') f.patientBlock ??= ex;
      }
    }
    return f;
  }

  /** Runs the `comment` exclusions (after the others, once): the authors reason, hedge or advise. */
  function checkComments(f: SentenceFacts): SentenceFacts {
    checkExclusions(f);
    if (f.commentsChecked) return f;
    f.commentsChecked = true;
    let added = false;
    for (const x of f.exclusions) {
      if (f.skip && x > f.skipIndex) break;
      const ex = EXCLUSIONS[x];
      if (ex.kind !== 'comment') continue;
      const m = run(ex.pattern, f);
      if (!m) continue;
      (f.matched ??= []).push({ exclusion: ex, at: m.index, text: written(f, m) });
      added = true;
      f.comment ??= ex;
    }
    // In the exclusions' order, as they were listed when all ran at once.
    if (added && f.matched!.length > 1) f.matched!.sort((a, b) => EXCLUSION_INDEX.get(a.exclusion)! - EXCLUSION_INDEX.get(b.exclusion)!);
    return f;
  }
  const EXCLUSION_INDEX = new Map(EXCLUSIONS.map((ex, i) => [ex, i]));

  /**
   * Does what the sentence is (exclusions) keep this cue, matched at `at` (-1: not matched yet),
   * from making it a claim? Own data never blocks a strong literature cue (the patients are then
   * someone else's); an exhortation blocks only within its own clause ("X is rare, but it should
   * be considered" still states that X is rare), and any cue whose words are its own ("larger
   * prospective studies will be needed").
   */
  function blocks(f: SentenceFeatures, cue: ClaimCue, at: number, end = at): ClaimExclusion | undefined {
    if (f.never && !(f.never.kind === 'own-data' && cue.strong && cue.category === 'literature')) return f.never;
    if (!cue.strong && f.about) return f.about;
    const ex = f.exhortation;
    if (ex && at >= 0 && (!cue.strong || cue.category === 'general') && sameClause(f.text, at, ex.at)) return ex.exclusion;
    if (ex && at >= 0 && at < ex.end && end > ex.at) return ex.exclusion;
    const q = f.openQuestion;
    if (q && !cue.strong && at > q.at && sameClause(f.text, at, q.at) && !f.text.slice(q.at, at).includes(',')) return q.exclusion;
    return undefined;
  }

  function generalises(text: string): boolean {
    const f = sentenceFacts(text);
    if (f.presentStart < 0) return false;
    checkExclusions(f);
    return !f.skip && !f.never && !f.exhortation && f.patientBlock === undefined;
  }

  /**
   * What the decision reads of a sentence: its cues, what it is about (exclusions, subject),
   * its tense, where it stands and what its neighbours cite. The tokens, tense and candidate cues
   * are read at once; cue patterns, exclusions and clauses are run when first asked for (and
   * once), so that decide() runs no more patterns than it needs: most sentences of a case
   * section (past tense, no cue word) cost one pass over their characters.
   */
  /** The features of one sentence; prototype getters, so that a sentence allocates little (this runs on every sentence). */
  class Features implements SentenceFeatures {
    readonly question: boolean;
    readonly words: number;
    readonly tense: SentenceFeatures['tense'];
    private found: (CueMatch | null | undefined)[] | undefined;
    private subjectMemo: SentenceSubject | undefined;
    private clausesMemo: SentenceFeatures['clauses'] | undefined;
    private frameMemo: SentenceFeatures['frame'] | null | undefined;
    constructor(
      readonly text: string,
      readonly mode: SectionMode,
      readonly context: SentenceContext,
      readonly f: SentenceFacts,
      readonly candidates: ClaimCue[],
      readonly ignoredCues: ClaimCue[],
    ) {
      this.question = isQuestion(text);
      this.words = f.wordCount;
      this.tense =
        f.presentStart >= 0
          ? { present: true, word: text.slice(f.presentStart, f.presentEnd), at: f.presentStart, by: f.presentByGeneric ? 'generic subject' : 'verb' }
          : NOT_PRESENT;
    }
    matchOf(cue: ClaimCue): CueMatch | null {
      const i = this.candidates.indexOf(cue);
      return i < 0 ? null : this.matchAt(i);
    }
    /** The match of candidate i (run once). */
    matchAt(i: number): CueMatch | null {
      const found = (this.found ??= new Array(this.candidates.length));
      let m = found[i];
      if (m === undefined) {
        const cue = this.candidates[i];
        const x = run(cue.pattern, this.f);
        m = x && (!cue.accept || cue.accept(x)) ? { cue, text: written(this.f, x).trim(), index: x.index } : null;
        found[i] = m;
      }
      return m;
    }
    get cues(): CueMatch[] {
      return this.candidates.map((c) => this.matchOf(c)).filter((m): m is CueMatch => m !== null);
    }
    get exclusionsRead(): boolean {
      return this.f.checked;
    }
    get exclusions(): SentenceFeatures['exclusions'] {
      return checkComments(this.f).matched ?? [];
    }
    get skip(): ClaimExclusion | undefined {
      return checkExclusions(this.f).skip;
    }
    get never(): ClaimExclusion | undefined {
      return checkExclusions(this.f).never;
    }
    get about(): ClaimExclusion | undefined {
      return checkExclusions(this.f).blockedBy;
    }
    get exhortation(): SentenceFeatures['exhortation'] {
      const f = checkExclusions(this.f);
      return f.exhortation ? { exclusion: f.exhortation, at: f.exhortationAt, end: f.exhortationEnd } : undefined;
    }
    get comment(): ClaimExclusion | undefined {
      return checkComments(this.f).comment;
    }
    get openQuestion(): SentenceFeatures['openQuestion'] {
      const f = checkExclusions(this.f);
      return f.question ? { exclusion: f.question, at: f.questionAt } : undefined;
    }
    get subject(): SentenceSubject {
      return (this.subjectMemo ??= subjectOf(this, checkExclusions(this.f)));
    }
    get frame(): SentenceFeatures['frame'] {
      if (this.frameMemo === undefined) this.frameMemo = frameOf(this) ?? null;
      return this.frameMemo ?? undefined;
    }
    /** A claim in a clause of its own inside a sentence about the patient or this report. */
    get clauses(): SentenceFeatures['clauses'] {
      if (this.clausesMemo) return this.clausesMemo;
      const out: SentenceFeatures['clauses'] = [];
      const f = checkExclusions(this.f);
      if ((f.blockedBy || this.mode === 'case') && !f.skip && !f.never) {
        for (const clause of CLAUSES) {
          const kind = f.blockedBy?.kind;
          if (clause.when === 'case' ? !(this.mode === 'case' || f.patientBlock !== undefined) : !(clause.when === kind || (clause.when === 'this case' && (kind === 'patient' || kind === 'report')))) continue;
          // A clause whose claim words alone count holds one only if the sentence has a claim word.
          if (clause.cuesOnly && this.f.candidates.length === 0) continue;
          const m = run(clause.pattern, this.f);
          if (!m) continue;
          if (clause.notAfter && clause.notAfter.has(wordBefore(this.text, m.index))) continue;
          // The text after the match is judged, or the main clause before it (an aside).
          const before = clause.judges === 'before';
          const offset = before ? 0 : m.index + m[0].length;
          out.push({ clause, offset, features: features(before ? this.text.slice(0, m.index) : this.text.slice(offset), clause.when === 'case' ? 'discussion' : this.mode) });
        }
      }
      return (this.clausesMemo = out);
    }
  }

  /**
   * What the decision reads of a sentence: its cues, what it is about (exclusions, subject),
   * its tense, where it stands and what its neighbours cite. The tokens, tense and candidate cues
   * are read at once; cue patterns, exclusions and clauses are run when first asked for (and
   * once), so that decide() runs no more patterns than it needs: most sentences of a case
   * section (past tense, no cue word) cost one pass over their characters.
   */
  function features(text: string, mode: SectionMode, context: SentenceContext = NO_CONTEXT): SentenceFeatures {
    const f = sentenceFacts(text);
    f.mode = mode;
    const present = f.presentStart >= 0;
    let candidates: ClaimCue[] = NO_CUES;
    let ignoredCues: ClaimCue[] = NO_CUES;
    for (const i of f.candidates) {
      const cue = CUES[i];
      if (cue.discussionOnly && mode === 'case') continue;
      if (mode === 'case' && !cue.strong && !present && !cue.presentVerb) {
        if (ignoredCues === NO_CUES) ignoredCues = [];
        ignoredCues.push(cue);
      } else {
        if (candidates === NO_CUES) candidates = [];
        candidates.push(cue);
      }
    }
    return new Features(text, mode, context, f, candidates, ignoredCues);
  }

  /** Who or what the sentence is about, as far as its words tell. */
  function subjectOf(out: SentenceFeatures, f: SentenceFacts): SentenceSubject {
    if (f.never?.kind === 'paper') return { kind: 'the paper', words: f.neverText };
    if (f.never?.kind === 'own-data') return { kind: 'these patients', words: f.neverText };
    if (f.patientBlock) return { kind: 'this patient', words: f.blockedByText };
    if (f.blockedBy) return { kind: AUTHORS.has(f.blockedBy) ? 'the authors' : 'this report', words: f.blockedByText };
    if (f.presentByGeneric) return { kind: 'people in general', words: out.tense.word };
    if (out.tense.present && out.tense.at !== undefined) {
      // One to seven words before the verb, no clause punctuation: counted by a char loop (this runs on most sentences).
      const at = out.tense.at;
      const text = out.text;
      let n = 0;
      let inWord = false;
      let ok = true;
      for (let i = 0; i < at && ok; i++) {
        const c = text.charCodeAt(i);
        if (c === 44 || c === 59 || c === 58) ok = false;
        else if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) inWord = false;
        else if (!inWord) {
          inWord = true;
          if (++n > 7) ok = false;
        }
      }
      if (ok && n >= 1) return { kind: 'unknown', words: text.slice(0, at).trim() };
    }
    return { kind: 'unknown' };
  }

  /**
   * The present forms with `bit` (FORM_*), read from the table: for the real data, whose sets
   * are views of a map (cues.ts) that the frame reader's lookups would otherwise build.
   */
  const formsWith = (bit: number): Pick<ReadonlySet<string>, 'has'> => ({
    has(w: string): boolean {
      // (The frame reader's words are lower case, as the table's are.)
      const index = wordIndex(w, 0, w.length, wordHash(w));
      return index >= 0 && (FORMS[index] & bit) !== 0;
    },
  });
  const readFrame = makeFrameReader(realPresent ? { ...data, presentWords: formsWith(FORM_PRESENT), ambiguousPresent: formsWith(FORM_AMBIGUOUS) } : data);
  /** The frame of the data that the present-tense verb opens (structure.ts), if any. */
  function frameOf(ft: SentenceFeatures): SentenceFeatures['frame'] {
    if (!ft.tense.present || ft.tense.by !== 'verb' || data.frames.length === 0) return undefined;
    const fr = readFrame(ft.text, ft.tense.at!, ft instanceof Features ? ft.f.argument : true);
    if (!fr) return undefined;
    const frame = data.frames.find((x) => x.reads === fr.kind && (!x.content || x.content === fr.content) && (!x.opens || x.opens.includes(fr.opens!)));
    return frame && { frame, at: fr.at, words: fr.words };
  }

  /**
   * A weak general cue that is the present-tense verb itself ("remains"), when that verb opens a
   * frame ("Lymphoma remains possible, since …"): it is the same reading as the present tense.
   * Any weak cue, in a frame that weighs a diagnosis of this case ("In favour of an inherited
   * cause is the early age at onset"): what it names is this case's own (as "a diagnosis weighed").
   */
  function framedCue(ft: SentenceFeatures, cue: ClaimCue, at: number): boolean {
    if (cue.strong || ft.mode !== 'discussion' || ft.about || !ft.tense.present) return false;
    if (cue.category === 'general' && at === ft.tense.at) return ft.frame !== undefined;
    return ft.frame?.frame.weighsDiagnosis === true;
  }

  /** Clauses of a case section in which only claim words count (an apposition). */
  const CUES_ONLY_CASE_CLAUSES = CLAUSES.filter((c) => c.when === 'case' && c.cuesOnly);
  /**
   * Does one of them match (a cheap pattern run, so that a past-tense sentence with a claim word
   * left out runs its exclusions and clauses only then: reading them for every such sentence
   * made the classifier ~20 % slower on the bench manuscript)?
   */
  function mayHoldCuesOnlyClause(ft: SentenceFeatures): boolean {
    const f = ft instanceof Features ? ft.f : { text: ft.text, lower: undefined, lowLetters: undefined };
    for (const c of CUES_ONLY_CASE_CLAUSES) if (run(c.pattern, f)) return true;
    return false;
  }

  /** The verdict on a sentence's features, with its reason (the same steps as ever, in the same order). */
  function decide(ft: SentenceFeatures): Decision {
    const none = (why: string, excludedBy?: ClaimExclusion): Decision => ({ claim: null, excludedBy, features: ft, why });
    // Questions ask, they do not claim ("Could the vaccine have triggered the syndrome?").
    if (ft.question) return none('a question');
    if (ft.words < MIN_WORDS) return none('too short to judge');
    const passed: string[] = [];
    const candidates = ft.candidates;
    for (let i = 0; i < candidates.length; i++) {
      const cue = candidates[i];
      // A weak cue in a sentence about the patient, the report or the paper is not even tried.
      if (!cue.strong && blocks(ft, cue, -1)) continue;
      const c = ft instanceof Features ? ft.matchAt(i) : ft.matchOf(cue);
      if (!c) continue;
      if (ft.skip) return none(ft.skip.name, ft.skip);
      const blocked = blocks(ft, cue, c.index, c.index + c.text.length);
      if (blocked) {
        if (blocked.kind === 'paper') return none(whatItIs(blocked), blocked);
        passed.push(`"${c.text}" (${cue.name}) does not count: ${whatItIs(blocked)}`);
        continue;
      }
      if (framedCue(ft, cue, c.index)) {
        passed.push(`"${c.text}" (${cue.name}) does not count: ${ft.frame!.frame.weighsDiagnosis && c.index !== ft.tense.at ? "it names this case's own finding, in a diagnosis weighed" : 'it is the verb of a frame'}`);
        continue;
      }
      return { claim: { category: cue.category, cue, text: c.text, index: c.index }, excludedBy: ft.about, features: ft, why: cue.name, passed };
    }
    // (In a case section, a claim word left out for the past tense may still stand in a clause
    // judged on its own, an apposition: the clauses are read below, when one may stand there.)
    if (!ft.tense.present && !ft.exclusionsRead && !(ft.mode === 'case' && ft.ignoredCues.length && mayHoldCuesOnlyClause(ft))) {
      return none(ft.ignoredCues.length ? ignoredWhy(ft) : 'no claim word, not in the present tense');
    }
    if (ft.skip) return none(ft.skip.name, ft.skip);
    if (ft.never) return none(whatItIs(ft.never), ft.never);
    if (ft.about || ft.mode === 'case') {
      for (const c of ft.clauses) {
        const sub = decide(c.features);
        if (sub.claim && (sub.claim.cue !== PRESENT_CUE || ((c.clause.when === 'case' || c.clause.whole) && !c.clause.cuesOnly))) {
          return { claim: { ...sub.claim, index: sub.claim.index + c.offset }, features: ft, why: sub.why, clause: c.clause.name, passed };
        }
      }
    }
    const ex = ft.exhortation;
    if (ex && ft.tense.present && sameClause(ft.text, ft.tense.at!, ex.at)) return none(whatItIs(ex.exclusion), ex.exclusion);
    if (ft.comment && !ft.about && ft.tense.present && !(ft.mode === 'discussion' && ft.frame?.frame.states)) return none(whatItIs(ft.comment), ft.comment);
    if (ft.mode === 'discussion' && !ft.about && ft.tense.present) {
      const fr = ft.frame;
      if (fr && !fr.frame.states) return none(whatFrames(fr.frame, fr.words));
      return { claim: { category: 'general', cue: PRESENT_CUE, text: ft.tense.word!, index: ft.tense.at! }, features: ft, why: PRESENT_CUE.name, passed };
    }
    if (ft.about) return none(whatItIs(ft.about), ft.about);
    if (ft.mode === 'case' && !ft.tense.present && ft.ignoredCues.length) return none(ignoredWhy(ft));
    return none(ft.mode === 'case' ? 'in a case section, a present-tense sentence needs a claim word' : 'no claim word');
  }

  const AUX = new Set(AUXILIARIES);
  const ix = (id: EvidenceId) => EVIDENCE_INDEX.get(id)!;
  const SUBJECT_EVIDENCE: Record<SentenceSubject['kind'], number> = {
    'this patient': ix('subject this patient'),
    'these patients': ix('subject these patients'),
    'this report': ix('subject this report'),
    'the authors': ix('subject the authors'),
    'the paper': ix('subject the paper'),
    'people in general': ix('subject people in general'),
    unknown: -1,
  };
  const CUE_EVIDENCE = new Map(CUES.map((cue) => [cue, ix(`${cue.strong ? 'strong' : 'weak'} ${cue.category}` as EvidenceId)]));
  const BLOCKED_EVIDENCE: Record<ClaimExclusion['kind'], number> = {
    patient: ix('claim word about this case'),
    report: ix('claim word about this case'),
    exhortation: ix('claim word in an exhortation'),
    question: ix('claim word in an open question'),
    paper: ix('claim word about the paper'),
    'own-data': ix('claim word about the paper'),
    comment: -1,
    skip: -1,
  };

  /** Indices of the evidence entries evidence() sets (looked up once). */
  const X_CASE_SECTION = ix('case section');
  const X_CLAIM_IN_A_CLAUSE = ix('claim in a clause');
  const X_CLAIM_WORD_ABOUT_THIS_CASE = ix('claim word about this case');
  const X_CLAIM_WORD_IN_REASONING_OR_ADVICE = ix('claim word in reasoning or advice');
  const X_EXHORTATION = ix('exhortation');
  const X_EXHORTATION_IN_THE_CLAUSE_OF_THE_VERB = ix('exhortation in the clause of the verb');
  const X_NAMED_SUBJECT = ix('named subject');
  const X_OPEN_QUESTION = ix('open question');
  const X_PRESENT_BE_OR_HAVE_ALONE = ix('present be or have alone');
  const X_PRESENT_GENERIC_SUBJECT = ix('present generic subject');
  const X_PRESENT_VERB = ix('present verb');
  const X_REASONING_OR_ADVICE = ix('reasoning or advice');
  const X_A_FRAME = ix('a frame');
  const X_SEVERAL_CLAIM_WORDS = ix('several claim words');
  const X_STRONG_CLAIM_WORD_ABOUT_THIS_CASE = ix('strong claim word about this case');

  /** The evidence that does not depend on the cues: tense, section, exhortation, open question, subject. */
  function readContext(ft: SentenceFeatures, x: Uint8Array, present: boolean): void {
    if (present) {
      if (ft.tense.by === 'generic subject') x[X_PRESENT_GENERIC_SUBJECT] = 1;
      else if (AUX.has(ft.tense.word!.toLowerCase())) x[X_PRESENT_BE_OR_HAVE_ALONE] = 1;
      else x[X_PRESENT_VERB] = 1;
    }
    if (ft.mode === 'case') x[X_CASE_SECTION] = 1;
    const ex = ft.exhortation;
    if (ex) {
      x[X_EXHORTATION] = 1;
      if (ft.tense.present && sameClause(ft.text, ft.tense.at!, ex.at)) x[X_EXHORTATION_IN_THE_CLAUSE_OF_THE_VERB] = 1;
    }
    if (ft.openQuestion) x[X_OPEN_QUESTION] = 1;
    const s = ft.subject;
    const k = SUBJECT_EVIDENCE[s.kind];
    if (k >= 0) x[k] = 1;
    else if (s.words) x[X_NAMED_SUBJECT] = 1;
  }

  /**
   * The features as numbers (weights.ts, EVIDENCE): which kinds of claim word count and which
   * are kept out by what the sentence is, the tense and by what, the subject, the section. The
   * same gates as the hand decision come first (a question, too short, a figure call-out, no
   * claim word and no present tense outside the case sections): such a sentence is not weighed.
   * `bound` (the learned decision, not training): asked after each cue that counts, true stops
   * reading cues (the claim is certain whatever the rest would add).
   */
  function evidence(ft: SentenceFeatures, bound?: (x: Uint8Array) => boolean): Evidence {
    if (ft.question) return { why: 'a question' };
    if (ft.words < MIN_WORDS) return { why: 'too short to judge' };
    const candidates = ft.candidates;
    const present = ft.tense.present && ft.mode === 'discussion';
    // The clauses' own evidence, each read once (below, and for the case clause here).
    let subs: Map<SentenceFeatures['clauses'][number], Evidence> | undefined;
    const subOf = (c: SentenceFeatures['clauses'][number]) => {
      let sub = (subs ??= new Map()).get(c);
      if (!sub) subs.set(c, (sub = evidence(c.features)));
      return sub;
    };
    // In a case section, a clause judged as a sentence of its own (a reason stated as a general
    // fact) can make a claim where nothing else does: read only when it is needed.
    let caseClauseRead: boolean | undefined;
    const caseClause = () => (caseClauseRead ??= ft.mode === 'case' && !present && ft.clauses.some((c) => c.clause.when === 'case' && clauseCounts(c, subOf(c))));
    if (!candidates.length && !present && !caseClause()) {
      return { why: ft.ignoredCues.length ? `in a case section, "${ft.ignoredCues[0].name}" counts only in a present-tense sentence` : ft.mode === 'case' && ft.tense.present ? 'in a case section, a present-tense sentence needs a claim word' : 'no claim word, not in the present tense' };
    }
    const x = new Uint8Array(EVIDENCE.length);
    let contextRead = false;
    let named: CueMatch | undefined;
    let first: CueMatch | undefined;
    /** Kinds of claim word that count (category, strong or not). */
    let counted = 0;
    for (let i = 0; i < candidates.length; i++) {
      const cue = candidates[i];
      // What the sentence is (the paper, this patient...) blocks a weak cue wherever it matches:
      // its pattern need not run once that evidence and a first match are known.
      const early = blocks(ft, cue, -1);
      if (early && first && x[BLOCKED_EVIDENCE[early.kind]] === 1) continue;
      // Nor a cue that would count, when a cue of its kind already counts (without an exhortation
      // or an open question, where it matches does not matter): it would add nothing.
      if (!early && x[CUE_EVIDENCE.get(cue)!] === 1 && !(cue.strong && ft.about && x[X_STRONG_CLAIM_WORD_ABOUT_THIS_CASE] === 0) && !ft.exhortation && !ft.openQuestion) continue;
      const m = ft instanceof Features ? ft.matchAt(i) : ft.matchOf(cue);
      if (!m) continue;
      first ??= m;
      const blocked = early ?? blocks(ft, cue, m.index, m.index + m.text.length);
      if (blocked) {
        const k = BLOCKED_EVIDENCE[blocked.kind];
        if (k >= 0) x[k] = 1;
        continue;
      }
      if (framedCue(ft, cue, m.index)) continue;
      const kind = CUE_EVIDENCE.get(cue)!;
      if (x[kind] === 0) counted++;
      x[kind] = 1;
      if (cue.strong && ft.about) x[X_STRONG_CLAIM_WORD_ABOUT_THIS_CASE] = 1;
      named ??= m;
      // Deciding (not training): stop once no cue left can bring the score down to the threshold.
      if (bound) {
        if (!contextRead) {
          readContext(ft, x, present);
          contextRead = true;
        }
        if (bound(x)) break;
      }
    }
    if (!first && !present && !caseClause()) return { why: ft.mode === 'case' ? 'in a case section, a present-tense sentence needs a claim word' : 'no claim word, not in the present tense' };
    if (ft.skip) return { why: ft.skip.name, excludedBy: ft.skip };
    if (counted > 1) x[X_SEVERAL_CLAIM_WORDS] = 1;
    let clause: { match: ClaimMatch; name: string } | undefined;
    // A clause of its own is read only when no claim word of the whole sentence counts (as the
    // hand decision does): it re-reads the rest of the sentence.
    if ((ft.about || ft.mode === 'case') && !ft.never && counted === 0) {
      for (const c of ft.clauses) {
        const sub = subOf(c);
        if (clauseCounts(c, sub)) {
          x[X_CLAIM_IN_A_CLAUSE] = 1;
          clause = { match: { ...sub.claim, index: sub.claim.index + c.offset }, name: c.clause.name };
          break;
        }
      }
    }
    if (!contextRead) readContext(ft, x, present);
    // A frame (structure.ts), where the hand decision reads it; one whose clause states the
    // sentence's content lifts the comment on it.
    const frame = present && !ft.about && (ft.comment || (!counted && !clause)) ? ft.frame?.frame : undefined;
    if (ft.comment && !frame?.states) x[counted ? X_CLAIM_WORD_IN_REASONING_OR_ADVICE : X_REASONING_OR_ADVICE] = 1;
    else if (!ft.comment && !counted && !clause && frame && !frame.states) x[X_A_FRAME] = 1;
    const ex = ft.exhortation;
    const shown = named ?? (clause ? undefined : first);
    const claim: ClaimMatch = shown
      ? { category: shown.cue.category, cue: shown.cue, text: shown.text, index: shown.index }
      : clause
        ? clause.match
        : { category: 'general', cue: PRESENT_CUE, text: ft.tense.word!, index: ft.tense.at! };
    const excludedBy = ft.never ?? ft.about ?? (ex && present && x[X_EXHORTATION_IN_THE_CLAUSE_OF_THE_VERB] ? ex.exclusion : undefined) ?? ft.comment;
    return { x, claim, clause: named ? undefined : clause?.name, why: named ? named.cue.name : clause ? clause.match.cue.name : claim.cue.name, excludedBy };
  }

  /**
   * Does a clause judged on its own make a claim (as the hand decision reads it): a claim word
   * that counts in it (not one kept out by this case's words), or its present tense where that
   * counts (a case section's clause, a whole one; never an apposition's).
   */
  function clauseCounts(c: SentenceFeatures['clauses'][number], sub: Evidence): boolean {
    if (!sub.x || !sub.claim || sub.x[X_CLAIM_WORD_ABOUT_THIS_CASE]) return false;
    return sub.claim.cue !== PRESENT_CUE || ((c.clause.when === 'case' || c.clause.whole === true) && !c.clause.cuesOnly);
  }

  const W = options.weights ? weightVector(options.weights) : undefined;
  const BIAS = options.weights?.bias ?? 0;
  const THRESHOLD = options.weights?.threshold ?? 0;
  const NAMES = EVIDENCE.map((e) => e.words);
  const AGAINST = EVIDENCE.map((e) => e.against);

  /** The entries the cues set (a cue not yet run may still set them). */
  const CUE_SET = [...new Set([...CUE_EVIDENCE.values(), X_SEVERAL_CLAIM_WORDS, X_STRONG_CLAIM_WORD_ABOUT_THIS_CASE, ...Object.values(BLOCKED_EVIDENCE).filter((k) => k >= 0)])];
  /**
   * Once a cue counts: is the sentence a claim whatever the cues not yet run add? The score so far
   * (with the claim-word variant of "reasoning or advice") plus every negative weight the cues
   * could still set is above the threshold. Then the decision is the one the full evidence gives.
   */
  function certainClaim(x: Uint8Array, ft: SentenceFeatures): boolean {
    let low = BIAS;
    for (let i = 0; i < x.length; i++) if (x[i] !== 0) low += W![i];
    if (ft.comment) low += W![X_CLAIM_WORD_IN_REASONING_OR_ADVICE];
    for (const k of CUE_SET) if (x[k] === 0 && W![k] < 0) low += W![k];
    return low > THRESHOLD;
  }

  /** The learned decision: bias + Σ weight·evidence, a claim above the threshold; the trace names the two largest pushes. */
  function decideLearned(ft: SentenceFeatures): Decision {
    const e = evidence(ft, (x) => certainClaim(x, ft));
    if (!e.x || !e.claim) return { claim: null, excludedBy: e.excludedBy, features: ft, why: e.why };
    const x = e.x;
    let score = BIAS;
    for (let i = 0; i < x.length; i++) if (x[i] !== 0) score += W![i] * x[i];
    const isClaim = score > THRESHOLD;
    // The two largest pushes of the decision's own side (entries that tell for a claim when it is one, against when not).
    let a = -1;
    let b = -1;
    let wa = 0;
    let wb = 0;
    for (let i = 0; i < x.length; i++) {
      if (x[i] === 0 || AGAINST[i] === isClaim) continue;
      const w = W![i] * x[i];
      if (w === 0 || (w > 0) !== isClaim) continue;
      const m = Math.abs(w);
      if (m > wa) {
        b = a;
        wb = wa;
        a = i;
        wa = m;
      } else if (m > wb) {
        b = i;
        wb = m;
      }
    }
    const top = a < 0 ? [] : b < 0 ? [{ words: NAMES[a], weight: W![a] * x[a] }] : [{ words: NAMES[a], weight: W![a] * x[a] }, { words: NAMES[b], weight: W![b] * x[b] }];
    const weighed = { score, threshold: THRESHOLD, top };
    if (!isClaim) {
      const against = top.length ? `weighed most: ${top.map((p) => p.words).join(', ')}` : 'too little weighs for a claim';
      const why = e.excludedBy ? `${whatItIs(e.excludedBy)}; ${against}` : against;
      return { claim: null, excludedBy: e.excludedBy, features: ft, why, weighed };
    }
    const aboutCase = e.excludedBy && e.excludedBy.kind !== 'comment' ? e.excludedBy : undefined;
    return { claim: e.claim, excludedBy: aboutCase, features: ft, why: e.why, clause: e.clause, weighed };
  }

  const decideBy = W ? decideLearned : decide;

  function analyseSentence(text: string, mode: SectionMode, context?: SentenceContext): SentenceAnalysis {
    return decideBy(features(text, mode, context));
  }

  return { classifySentence: (text, mode) => analyseSentence(text, mode).claim, analyseSentence, generalises, features, decide: decideBy, evidence };
}

/** Why a claim word of a case section did not count (the sentence is not in the present tense). */
function ignoredWhy(ft: SentenceFeatures): string {
  return `in a case section, "${ft.ignoredCues[0].name}" counts only in a present-tense sentence`;
}

/** What a frame says the sentence is, in a writer's words. */
function whatFrames(frame: ClaimFrame, words: string): string {
  const said = `"${quote(words)}"`;
  if (frame.reads === 'paper') return `about the paper itself, ${said} (${frame.name})`;
  if (frame.reads === 'course') return `about this patient's course, ${said} (${frame.name})`;
  if (frame.weighsDiagnosis) return `the authors weigh a diagnosis of this case, what it names is this case's own: ${said} (${frame.name})`;
  return `the authors' reasoning or advice, no claim word: ${said} (${frame.name})`;
}

/** What an exclusion says the sentence is, in a writer's words. */
function whatItIs(ex: ClaimExclusion): string {
  switch (ex.kind) {
    case 'patient':
      return `about this patient (${ex.name})`;
    case 'report':
      return `about this case or its authors (${ex.name})`;
    case 'exhortation':
      return `urges the reader, states nothing (${ex.name})`;
    case 'paper':
      return `about the paper itself (${ex.name})`;
    case 'own-data':
      return `the authors' own patients, in the past tense (${ex.name})`;
    case 'comment':
      return `the authors' reasoning or advice, no claim word (${ex.name})`;
    case 'question':
      return `asked, not stated (${ex.name})`;
    default:
      return ex.name;
  }
}

/**
 * The decision in one or two lines a writer reads in hover and `caselint explain`: what kind of
 * claim and which words, the tense and the subject, and the citations around it.
 */
export function traceOf(d: Decision, context: SentenceContext = d.features.context): string {
  const ft = d.features;
  if (!d.claim) return `not a claim: ${d.why}`;
  const info = CATEGORY_INFO[d.claim.category];
  const cue = d.claim.cue;
  const general = cue.name === PRESENT_TENSE_CUE.name;
  const generic = ft.tense.by === 'generic subject';
  const bits = [`claim (${info.short}): ${general ? `a statement in the present tense${generic ? '' : ` ("${d.claim.text}")`}` : `"${quote(d.claim.text)}" (${d.why})`}`];
  if (!general) bits.push(ft.tense.present ? `present tense ("${ft.tense.word}")` : cue.presentVerb ? `present tense ("${quote(d.claim.text)}")` : 'not in the present tense');
  const s = ft.subject;
  if (d.clause) bits.push(`in a clause of its own (${d.clause}) inside a sentence about ${s.kind === 'unknown' ? 'this case' : s.kind}`);
  else if (s.kind === 'people in general') bits.push(`generic subject ("${ft.text.split(/\s+/).slice(0, 3).join(' ')}")`);
  else if (s.kind !== 'unknown') bits.push(`about ${s.kind}${s.words ? ` ("${quote(s.words)}")` : ''}, but these words count anyway`);
  else if (s.words) bits.push(`subject "${quote(s.words)}"`);
  else if (general) bits.push('not about this patient or this report');
  if (d.weighed?.top.length) bits.push(`weighed most: ${d.weighed.top.map((p) => p.words).join(', ')}`);
  let cites = 'no citation in this sentence';
  if (context.citedBefore || context.citedAfter) {
    cites += ` (the sentence ${context.citedBefore ? 'before' : 'after'} it cites; a citation covers only its own sentence)`;
  }
  bits.push(cites);
  return bits.join('; ');
}

const quote = (text: string) => (text.length > 50 ? `${text.slice(0, 47)}...` : text);

/** The hand-written decision (decide's steps), no weights. */
const HAND_DECISION: DecisionOptions = Object.freeze({});

/**
 * Which decision the rule uses: the hand-written steps, or the weights `npm run train` fitted
 * (decision-weights.json). It stays with the hand steps while the learned decision does not
 * measure at least as well, leaving one article out at a time, on the tuning group
 * (docs/rules/unsupported-claim.md, "How the decision is made").
 */
export const USE_LEARNED_DECISION = false;

/** The learned decision over the checked-in weights (what `npm run train` measures and the tests check). */
export const learnedClassifier = (weights: DecisionWeights = DECISION_WEIGHTS) => makeClassifier(CLAIM_DATA, { weights });

let classifier: ClaimClassifier | undefined;
/**
 * The classifier of the real data, built when first asked: building its lexicon (~14,000 words)
 * is several milliseconds, which a process that checks no prose (`--help`, the language server
 * before its first document) need not spend.
 */
const real = (): ClaimClassifier => (classifier ??= USE_LEARNED_DECISION ? learnedClassifier() : makeClassifier(CLAIM_DATA));

/** Classifies one sentence's text (markup removed) written in a section of the given mode. */
export const classifySentence = (text: string, mode: SectionMode): ClaimMatch | null => real().classifySentence(text, mode);

/**
 * Does a sentence generalise: present tense, and not about this patient ("She had never
 * smoked" does not; "This case shows that cramps always precede weakness" does).
 */
export const generalises = (text: string): boolean => real().generalises(text);

export const analyseSentence = (text: string, mode: SectionMode, context?: SentenceContext): Decision => real().analyseSentence(text, mode, context);

/** The features of a sentence, and the decision on them (`traceOf` says it in words). */
export const features = (text: string, mode: SectionMode, context?: SentenceContext): SentenceFeatures => real().features(text, mode, context);
export const decide = (f: SentenceFeatures): Decision => real().decide(f);
