import type { ClaimRegExp } from './pattern';
/**
 * Types shared by the claim cue lists, the exclusions and the classifier.
 * Everything here is data that can grow: each entry has a name (shown in hover and docs), a
 * pattern and examples of what it decides. The words that make a pattern worth trying (a cheap
 * pre-filter) are derived from the pattern (triggers.ts), never kept beside it.
 */

/** What kind of claim a sentence makes; named in the message and in `Finding.data.category`. */
export type ClaimCategory = 'statistic' | 'efficacy' | 'literature' | 'frequency' | 'general';

/**
 * Where a sentence stands. `case`: the patient's own story (case presentation, investigations,
 * treatment, outcome...): written in the past tense, so only strong cues, or cues in a
 * present-tense sentence, make a claim. `discussion`: introduction, discussion, conclusion and
 * any other body section: present-tense statements of fact are claims there.
 */
export type SectionMode = 'case' | 'discussion';

/**
 * Sentences (our own words) that show what an entry decides. `claims` and `leaves` are judged
 * outside the case sections (discussion, introduction...), `caseClaims` and `caseLeaves` in a
 * case section (the patient's story). `test/checker/claims-data.test.ts` checks that each
 * example gets its decision, and that removing the entry changes the decision on at least one
 * of its examples: an entry no example needs is redundant.
 *
 * - a cue: `claims`/`caseClaims` are claims made by this cue (it is the one named in the
 *   message); `leaves`/`caseLeaves` look like the cue but are not claims (what its pattern,
 *   `accept` or weakness keeps out).
 * - an exclusion: `leaves`/`caseLeaves` are not claims because of it; `claims`/`caseClaims`
 *   hold its trigger words and are claims all the same (it must not apply).
 * - a clause, a word set: `claims`... are claims because of it, `leaves`... are not.
 */
export interface ClaimExamples {
  claims?: readonly string[];
  caseClaims?: readonly string[];
  leaves?: readonly string[];
  caseLeaves?: readonly string[];
}

export interface ClaimCue {
  /** Short name shown in hover and `explain`: `"treatments increase" (effect verb after a plural subject)`. */
  name: string;
  category: ClaimCategory;
  /**
   * Run over the sentence text; the match is quoted in hover. Precompiled, no `g` flag. Its
   * trigger words are derived from it (triggers.ts): every match must hold a literal whole word.
   */
  pattern: ClaimRegExp;
  /**
   * Strong cues are unmistakably about other patients or the literature ("incidence",
   * "et al.", "per 100,000"): they make a claim even in a sentence that also mentions this
   * patient ("Our patient falls within the typical age at diagnosis, which is 50 to 72 years").
   */
  strong?: boolean;
  /**
   * Extra check on a match (e.g. the name before "reported" is not "Pathology"). The data test
   * also runs the cue without it: one of the cue's `leaves` must then become a claim.
   */
  accept?: (m: RegExpExecArray) => boolean;
  /** Only outside the case sections (default: anywhere). */
  discussionOnly?: boolean;
  /**
   * The match itself is a finite present-tense verb ("These treatments increase"), so in the
   * case sections it counts as a present-tense sentence even when no listed present-tense word occurs.
   */
  presentVerb?: boolean;
  /** What the message tells the writer to do, when it is not just "Add a citation." */
  advice?: string;
  /**
   * In a case section, a sentence this cue makes a claim may be the patient's course told as a
   * general fact ("Quinine reduces the cramps."): the message offers telling it as such.
   */
  retell?: boolean;
  examples: ClaimExamples;
}

/** A reason a sentence is about this patient, this report or something else than a claim. */
export interface ClaimExclusion {
  name: string;
  /**
   * What the sentence is, and what that blocks:
   * - `patient`/`report`: it speaks of this patient or this report; every cue that is not
   *   strong is blocked (and the present-tense fallback);
   * - `exhortation`: it urges the reader ("should be considered", "further studies are
   *   needed"): weak cues, strong `general` cues (a recommendation) and the fallback are blocked;
   * - `paper`: it is about the paper itself or the authors' own literature search ("Here we
   *   present…", "… are discussed.", "We found no similar case."): never a claim;
   * - `own-data`: a past-tense sentence about the authors' own patients ("In our three
   *   patients the mean age was…", "case 2"): never a claim while no present tense occurs;
   * - `comment`: the authors reason, hedge or advise ("The normal creatine kinase makes a
   *   myopathy unlikely.", "It is possible that…", "Early recognition is crucial.", "This has
   *   implications…"): the present tense alone does not make it a claim; a cue still does;
   * - `question`: an open question ("it is unclear whether…", "not known if…"): a weak cue after
   *   it, in its own clause, is asked, not stated;
   * - `skip`: never a claim (a figure call-out).
   */
  kind: 'patient' | 'report' | 'exhortation' | 'paper' | 'own-data' | 'comment' | 'question' | 'skip';
  /** Confirms the exclusion once one of its trigger words (derived from it) occurs; skipped when `triggerIsEnough`. */
  pattern: ClaimRegExp;
  /** A trigger word alone is proof (pronouns, "we": the pattern is a list of words): no pattern run needed. */
  triggerIsEnough?: boolean;
  /** Only in a case section (the same words outside one may name a kind, not this patient's). */
  caseOnly?: boolean;
  examples: ClaimExamples;
}

/**
 * A clause judged on its own (by the cues, not by the present-tense fallback) when the sentence
 * as a whole is about this patient (`patient`) or this report (`report`): the text after the
 * match is classified again (or, with `judges: 'before'`, the text before it: the main clause
 * before an aside about the patient).
 */
export interface ClaimClause {
  name: string;
  /**
   * When the clause is looked for: in a sentence about this patient (`patient`), this report
   * (`report`) or either (`this case`: "As in our case, …"), its cues judged on their own; or in any sentence of a case section or about this patient (`case`: the patient's story, wherever it is told),
   * judged as a sentence of its own outside the case sections (a present-tense statement in
   * it is a claim: "Levetiracetam was chosen because it has few interactions.").
   */
  when: 'patient' | 'report' | 'this case' | 'case';
  /**
   * The clause is a sentence of its own, so the present tense alone makes it a claim, as it
   * does outside the case sections (always so for `case`).
   */
  whole?: boolean;
  /**
   * Only the clause's claim words count, never its present tense alone (a `case` clause without
   * a finite verb of its own, an apposition: ", a titre found in many healthy women", but not
   * ", a mass that is 3 cm wide").
   */
  cuesOnly?: boolean;
  /**
   * Not after these words (lower case): the word right before the match (a bracket skipped) names
   * what the clause is about ("the polyp, which measures…", "a village, which is…").
   */
  notAfter?: ReadonlySet<string>;
  /** What is judged: the text after the match (default), or the text before it (the main clause before an aside). */
  judges?: 'after' | 'before';
  pattern: ClaimRegExp;
  examples: ClaimExamples;
}

/**
 * What a present-tense verb frames (structure.ts), when it is the sentence's only present-tense
 * verb group: outside the case sections its present tense alone then makes no claim (its claim
 * words still do). `reads`: the frame; `content`: the tense of the clause it leads to.
 */
export interface ClaimFrame {
  name: string;
  /** `paper`: the sentence is about the paper ("are listed below"); the others: the authors reason or advise. */
  reads: 'clause' | 'judgement' | 'infinitive' | 'paper' | 'argument' | 'course' | 'advice' | 'weighed' | 'against';
  /**
   * The tense the clause the frame leads to must have: `past`, what happened in this case (the
   * sentence states nothing general); `present`, a statement of its own.
   */
  content?: 'past' | 'present';
  /** The words that must open that clause ("that"). */
  opens?: readonly string[];
  /**
   * The clause the frame leads to states what the sentence says: a hedge or comment on the frame
   * ("It is likely that …") does not keep its present tense from making a claim.
   */
  states?: boolean;
  /** The frame weighs a diagnosis of this case: its weak claim words do not count either (strong ones do). */
  weighsDiagnosis?: boolean;
  examples: ClaimExamples;
}

/** A word set the classifier reads (present-tense verbs...), one entry with its examples. */
export interface ClaimWordSet {
  name: string;
  words: ReadonlySet<string>;
  examples: ClaimExamples;
}

/** A pattern the classifier reads (the generic subject...), with its examples. */
export interface ClaimPattern {
  name: string;
  pattern: ClaimRegExp;
  examples: ClaimExamples;
}

/**
 * Everything the classifier reads. `CLAIM_DATA` (classify.ts) is the real data;
 * `makeClassifier` takes another (the data test removes one entry at a time).
 */
export interface ClaimData {
  cues: readonly ClaimCue[];
  /** The `general` fallback outside the case sections (a present-tense sentence). */
  presentTenseCue: ClaimCue;
  exclusions: readonly ClaimExclusion[];
  clauses: readonly ClaimClause[];
  /** Words that make a sentence present tense (or present perfect, or modal). */
  presentWords: ReadonlySet<string>;
  /** Present forms that are also nouns or infinitives ("results", "include"). */
  ambiguousPresent: ReadonlySet<string>;
  /** Words before an ambiguous form that make it a noun or an infinitive ("to", "the"). */
  notVerbBefore: ReadonlySet<string>;
  /** Base forms ("heal", "include"): present only after a plural subject. */
  basePresent: ReadonlySet<string>;
  /** Ambiguous -s forms read first as plural nouns ("results", "tests"): present only after a subject pronoun. */
  nounFirstPresent: ReadonlySet<string>;
  /** Plural subjects that do not end in -s ("people", "they"). */
  pluralSubjects: ReadonlySet<string>;
  /** Subject pronouns of an -s form ("it", "this", "which"). */
  singularPronouns: ReadonlySet<string>;
  /** Determiners ("the", "its"): right after an ambiguous form they open its object ("damages the fibres found…"). */
  determiners: ReadonlySet<string>;
  /** Adverbs skipped between a subject and its verb ("often"; every -ly word too). */
  adverbs: ReadonlySet<string>;
  /** Past forms not ending in -ed ("found"): a present form right before one is a noun. */
  pastForms: ReadonlySet<string>;
  /** A sentence opening with people in general and no past auxiliary is present tense. */
  genericSubject: ClaimPattern;
  /** What a present-tense verb may frame (structure.ts): then its present tense alone makes no claim. */
  frames: readonly ClaimFrame[];
  /** Verbs that link a subject to what it is ("is", "seems", "remains"): the frames' verbs. */
  frameVerbs: ReadonlySet<string>;
  /** Words that weigh a possibility ("possible", "unlikely"): a judgement frame. */
  judgements: ReadonlySet<string>;
  /** Verbs after which "it … to" is the subject's own ("it tends to recur"), no frame. */
  raising: ReadonlySet<string>;
  /** Nouns of the argument ("point", "question", "answer"): as the subject, the authors' reasoning. */
  discourse: ReadonlySet<string>;
}

export interface ClaimMatch {
  category: ClaimCategory;
  cue: ClaimCue;
  /** The matched text, as written. */
  text: string;
  /** Offset of the match within the sentence text. */
  index: number;
}
