/**
 * Types shared by the claim cue lists, the exclusions and the classifier.
 * Everything here is data that can grow: each entry has a name (shown in messages and
 * docs), the words that make it worth trying (a cheap pre-filter), and an example.
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

export interface ClaimCue {
  /** Short name shown in the message: `cue: "increase" (effect verb)`. */
  name: string;
  category: ClaimCategory;
  /**
   * Lower-case words (as the tokenizer splits them: letters and digits only) of which at least
   * one must occur in the sentence before `pattern` is run. Keeps the rule fast.
   */
  triggers: readonly string[];
  /** Further words of which one must also occur (a second cheap filter), e.g. ["is", "are"]. */
  alsoNeeds?: readonly string[];
  /** Run over the sentence text; the match is quoted in the message. Precompiled, no `g` flag. */
  pattern: RegExp;
  /**
   * Strong cues are unmistakably about other patients or the literature ("incidence",
   * "et al.", "per 100,000"): they make a claim even in a sentence that also mentions this
   * patient ("Our patient falls within the typical age at diagnosis, which is 50 to 72 years").
   */
  strong?: boolean;
  /** Extra check on a match (e.g. the name before "reported" is not "Pathology"). */
  accept?: (m: RegExpExecArray) => boolean;
  /** Only outside the case sections (default: anywhere). */
  discussionOnly?: boolean;
  /**
   * The match itself is a finite present-tense verb ("These treatments increase"), so in the
   * case sections it counts as a present-tense sentence even when no listed present-tense word occurs.
   */
  presentVerb?: boolean;
  example: string;
}

/** A reason a sentence is about this patient, this report or something else than a claim. */
export interface ClaimExclusion {
  name: string;
  /**
   * `patient`/`report`: the sentence speaks of this patient or this report; it blocks every cue
   * that is not strong. `skip`: never a claim (a figure call-out, a question).
   */
  kind: 'patient' | 'report' | 'skip';
  triggers: readonly string[];
  /** Confirms the exclusion once a trigger word occurs (skipped when `triggerIsEnough`). */
  pattern: RegExp;
  /** A trigger word alone is proof (pronouns, "we"): no pattern run needed. */
  triggerIsEnough?: boolean;
  example: string;
}

export interface ClaimMatch {
  category: ClaimCategory;
  cue: ClaimCue;
  /** The matched text, as written. */
  text: string;
  /** Offset of the match within the sentence text. */
  index: number;
}
