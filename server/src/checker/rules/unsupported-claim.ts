import { analyseSentence, traceOf } from '../analysis/claims/classify';
import { CATEGORY_INFO } from '../analysis/claims/cues';
import { ABSTRACT_PART_RUN_IN, ABSTRACT_RUN_IN, KEYWORDS_RUN_IN, PENDING_CITATION, SKIPPED_HEADINGS } from '../analysis/claims/exclusions';
import type { SectionMode } from '../analysis/claims/types';
import type { Decision } from '../analysis/claims/classify';
import { memoised } from '../model/memo';
import { normalizeHeading } from '../profiles';
import type { Rule, RuleContext } from '../analysis/rule';
import type { DocumentModel, Fix, Paragraph, Section, Sentence } from '../types';
import { PARAGRAPHS_PER_STEP, runSteps, type Steps } from '../steps';

/**
 * A sentence that states a general medical fact, a statistic, an effect or cause, or a claim
 * about the literature, with no citation marker in it. The claim logic (cue lists,
 * exclusions, classifier) lives in ../claims/; this file decides where to look and reports.
 *
 * Options (rule options win over the top-level config):
 *  - citationScope: "sentence" (default) | "paragraph"
 *  - checkAbstract, checkPatientPerspective: booleans (default false)
 */
export const unsupportedClaim: Rule = {
  id: 'unsupported-claim',
  description: 'Medical claims (statistics, effects, literature, general facts) carry a citation.',
  howToFix: 'Cite a source for the statement (`[n]`, `[@key]` or `\\cite{key}`). In a case section, a sentence that is really this patient\'s course can be told as such ("In our patient, the cramps eased with quinine.").',
  defaultSeverity: 'warning',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      citationScope: { enum: ['sentence', 'paragraph'], description: 'What a citation covers: its own sentence or its whole paragraph (default: the top-level citationScope, else "sentence").' },
      checkAbstract: { type: 'boolean', description: 'Check the abstract too (default: claims.checkAbstract, else false).' },
      checkPatientPerspective: { type: 'boolean', description: 'Check the patient-perspective section too (default: claims.checkPatientPerspective, else false).' },
    },
  },
  *check(ctx) {
    // The fix's citation placeholder is in the document's citation style: a fact of the whole
    // document, so part of each paragraph's key, with its section's mode (ctx.block).
    const placeholder = placeholderFix(ctx.doc);
    const judged: Judged = (sentence, mode, decision, k, sentences) => {
      const { claim } = decision;
      if (!claim) return;
      const fix = placeholder.fix(sentence);
      const info = CATEGORY_INFO[claim.category];
      ctx.report({
        start: sentence.start,
        end: sentence.end,
        message: message(decision, mode),
        severity: info.severity,
        ...(fix ? { fixes: [fix] } : {}),
        // The decision in words for hover and `caselint explain` (traceOf).
        // The neighbours' citations are read for the trace only (a citation covers only its own sentence).
        data: {
          category: claim.category,
          cue: claim.cue.name,
          match: claim.text,
          trace: traceOf(decision, { citedBefore: !!sentences[k - 1]?.citations.length, citedAfter: !!sentences[k + 1]?.citations.length }),
        },
      });
    };
    // In steps (a few paragraphs each: steps.ts).
    // (The key of each mode made once: the same string for every paragraph, hashed once.)
    const keys = new Map<SectionMode, string>();
    const keyOf = (mode: SectionMode) => {
      let key = keys.get(mode);
      if (key === undefined) keys.set(mode, (key = mode + '\0' + placeholder.marker));
      return key;
    };
    yield* walkSteps(ctx, judged, undefined, (para, mode, judge) => ctx.block(para, keyOf(mode), judge));
  },
};

/** What the rule needs of a check's context (the walk and the explanation of unflagged sentences). */
export type ClaimWalkContext = Pick<RuleContext, 'doc' | 'options' | 'config' | 'itemAt'>;

type Judged = (sentence: Sentence, mode: SectionMode, decision: Decision, k: number, sentences: readonly Sentence[]) => void;

/**
 * Every sentence the rule judges, with its decision; `skipped`, when given, hears of the
 * sentences it does not judge and why (for `caselint explain` on a line without a finding).
 */
function walk(ctx: ClaimWalkContext, judged: Judged, skipped?: (sentence: Sentence, why: string) => void): void {
  runSteps(walkSteps(ctx, judged, skipped));
}

/**
 * walk in steps (steps.ts): a few paragraphs each. Which paragraphs are judged, and in which mode, is
 * decided here for the whole document (sections, run-in abstracts, the citation scope); the
 * sentences of a judged paragraph are judged by `judge` (the rule runs it as ctx.block, keyed by
 * the mode: what is judged of a paragraph is a function of its sentences and the mode alone).
 */
function* walkSteps(
  ctx: ClaimWalkContext,
  judged: Judged,
  skipped?: (sentence: Sentence, why: string) => void,
  paragraph: (para: Paragraph, mode: SectionMode, judge: () => void) => void = (_p, _m, judge) => judge(),
): Steps<void> {
  const opt = ctx.options;
  const scope = (opt.citationScope ?? ctx.config.citationScope ?? 'sentence') === 'paragraph' ? 'paragraph' : 'sentence';
  const checkAbstract = bool(opt.checkAbstract) ?? ctx.config.claims?.checkAbstract ?? false;
  const checkPerspective = bool(opt.checkPatientPerspective) ?? ctx.config.claims?.checkPatientPerspective ?? false;

  const modes = new Map<Section | null, SectionMode | 'skip'>();
  const modeOf = (section: Section | null): SectionMode | 'skip' => {
    let mode = modes.get(section);
    if (mode === undefined) {
      mode = sectionMode(ctx, section, checkAbstract, checkPerspective, modeOf);
      modes.set(section, mode);
    }
    return mode;
  };
  const skipAll = (sentences: readonly Sentence[], why: string) => {
    if (skipped) for (const s of sentences) skipped(s, why);
  };

  let runInSection: Section | null | undefined;
  let inRunInAbstract = false;

  // The judging of a paragraph's sentences: one function for every paragraph, reading the one
  // being judged (a closure per paragraph at every re-check was made for the few whose work runs).
  let judging: Paragraph | undefined;
  let judgingMode: SectionMode = 'discussion';
  const judge = () => {
    const mode = judgingMode;
    const sentences = judging!.sentences;
    for (let k = 0; k < sentences.length; k++) {
      const sentence = sentences[k];
      if (sentence.citations.length) {
        skipped?.(sentence, 'it cites');
        continue;
      }
      if (sentence.text.includes('[') && PENDING_CITATION.test(sentence.text)) {
        skipped?.(sentence, 'it holds a citation still to be found');
        continue;
      }
      // A decision is a function of the sentence's text and its section's mode: memoised by both
      // (the text is the key, the mode in the space: a model's text is hashed once, memo.ts).
      const decision = memoised(ctx.doc.memo, claimSpace(mode), sentence.text, () => analyseSentence(sentence.text, mode));
      judged(sentence, mode, decision, k, sentences);
    }
  };

  let walked = 0;
  for (const para of ctx.doc.paragraphs) {
    if (++walked % PARAGRAPHS_PER_STEP === 0) yield; // a step per few paragraphs (steps.ts)
    if (para.kind === 'caption' || para.kind === 'reference') {
      skipAll(para.sentences, para.kind === 'caption' ? 'a caption is not checked' : 'the reference list is not checked');
      continue;
    }
    const mode = modeOf(para.section);
    if (mode === 'skip') {
      skipAll(para.sentences, 'this section is not checked (abstract, patient perspective or back matter; see the rule\'s options)');
      continue;
    }
    // Abstracts written without a heading: "**Abstract** ..." then "Case presentation: ...".
    if (runInSection !== para.section) {
      runInSection = para.section;
      inRunInAbstract = false;
    }
    if (KEYWORDS_RUN_IN.test(para.plain)) {
      skipAll(para.sentences, 'a keywords line is not checked');
      continue;
    }
    if (ABSTRACT_RUN_IN.test(para.plain)) inRunInAbstract = true;
    else if (inRunInAbstract && !ABSTRACT_PART_RUN_IN.test(para.plain)) inRunInAbstract = false;
    if (inRunInAbstract && !checkAbstract) {
      skipAll(para.sentences, 'the abstract is not checked (option checkAbstract)');
      continue;
    }

    // A citation covers its paragraph; so does a pending one ("[citation needed]", the placeholder fix's).
    if (scope === 'paragraph' && (para.citations.some((c) => !c.nameOnly) || (para.plain.includes('[') && PENDING_CITATION.test(para.plain)))) {
      skipAll(para.sentences, 'its paragraph cites (citationScope "paragraph")');
      continue;
    }
    judging = para;
    judgingMode = mode;
    paragraph(para, mode, judge);
  }
}

/**
 * Why each sentence that overlaps [from, to) is or is not an uncited claim, in one line each:
 * the decision's trace (`not a claim: about this patient (...)`, `claim (...)`), or why the
 * sentence is not judged at all (it cites, its section is not checked...).
 */
export function claimDecisionsIn(ctx: ClaimWalkContext, from: number, to: number): { start: number; end: number; why: string }[] {
  const out: { start: number; end: number; why: string }[] = [];
  const inRange = (s: Sentence) => s.start < to && from < s.end;
  walk(
    ctx,
    (sentence, _mode, decision, k, sentences) => {
      if (!inRange(sentence)) return;
      out.push({
        start: sentence.start,
        end: sentence.end,
        why: traceOf(decision, { citedBefore: !!sentences[k - 1]?.citations.length, citedAfter: !!sentences[k + 1]?.citations.length }),
      });
    },
    (sentence, why) => {
      if (inRange(sentence)) out.push({ start: sentence.start, end: sentence.end, why: `not checked: ${why}` });
    },
  );
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Every sentence the rule judges, with its text (as the classifier reads it) and its section's
 * mode: what `npm run train` (bench/train.ts) computes the features of.
 */
export function judgedSentences(ctx: ClaimWalkContext): { start: number; end: number; text: string; mode: SectionMode }[] {
  const out: { start: number; end: number; text: string; mode: SectionMode }[] = [];
  walk(ctx, (sentence, mode) => out.push({ start: sentence.start, end: sentence.end, text: sentence.text, mode }));
  return out;
}

const claimSpaces = new Map<SectionMode, string>();
/** The memo's space of a mode's decisions (one string per mode). */
function claimSpace(mode: SectionMode): string {
  let space = claimSpaces.get(mode);
  if (space === undefined) claimSpaces.set(mode, (space = 'claims\0' + mode));
  return space;
}

function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/**
 * The one-line message a writer reads: the kind of claim in plain words and what to do; the
 * words that triggered it and the reasoning go to `data` (hover, `caselint explain`). The advice
 * fits the section: in a case section an effect ("Quinine reduces the cramps.", a cue marked
 * `retell`) may be the patient's story told as a general fact, so telling it as such is the
 * other way out; a definition, a frequency, a statistic, a claim about the literature, a claim
 * already inside a sentence about the patient, and anything outside the case sections need a
 * citation.
 */
function message(decision: Decision, mode: SectionMode): string {
  const claim = decision.claim!;
  const info = CATEGORY_INFO[claim.category];
  const retell = mode === 'case' && claim.cue.retell && !decision.excludedBy && !decision.clause;
  const advice = claim.cue.advice ?? (retell ? "Add a citation, or tell it as this patient's course." : 'Add a citation.');
  return `Uncited claim (${info.short}). ${advice}`;
}

function sectionMode(
  ctx: ClaimWalkContext,
  section: Section | null,
  checkAbstract: boolean,
  checkPerspective: boolean,
  parentMode: (s: Section) => SectionMode | 'skip',
): SectionMode | 'skip' {
  // The profile item says how its sentences are read (its claimMode role), some only on request.
  const item = ctx.itemAt(section);
  if (item) {
    if (item.claimOption === 'checkAbstract' && !checkAbstract) return 'skip';
    if (item.claimOption === 'checkPatientPerspective' && !checkPerspective) return 'skip';
    return item.claimMode;
  }
  // Back matter by heading; a sub-section inherits its parent's mode (cached by the caller).
  if (section?.heading) {
    const h = normalizeHeading(section.heading.text).replace(/['\u2019]/g, '');
    if (SKIPPED_HEADINGS.some((k) => h === k || h.startsWith(`${k} `))) return 'skip';
  }
  return section?.parent ? parentMode(section.parent) : 'discussion';
}

// ---------------------------------------------------------------------------
// The fix: a citation placeholder in the document's own style
// ---------------------------------------------------------------------------

/**
 * Builds the placeholder fix once per document (and names its marker, the fix's only input from
 * outside the sentence), in the document's citation style: `[@TODO]` for
 * Pandoc keys, `~\cite{TODO}` for LaTeX, `[citation needed]` otherwise (numbered, superscript
 * and author–year citations, or none yet). Never a number or a real-looking key: a placeholder
 * that looked like a citation would silence this rule without a source behind it. The
 * `placeholder` rule reports each of them until it is replaced by a real citation.
 */
function placeholderFix(doc: DocumentModel): { marker: string; fix: (s: Sentence) => Fix | undefined } {
  const counts = new Map<string, number>();
  for (const c of doc.citations) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  let style = '';
  let best = 0;
  for (const [kind, n] of counts) {
    if (n > best) {
      best = n;
      style = kind;
    }
  }
  let marker: string;
  let spaced = true;
  if (doc.format === 'latex' || style === 'latex') {
    marker = '~\\cite{TODO}';
    spaced = false;
  } else if (style === 'pandoc') marker = '[@TODO]';
  else marker = '[citation needed]';

  const text = doc.text;
  const fix = (s: Sentence): Fix | undefined => {
    // Before the final full stop (and any closing quote or bracket after it), else at the end.
    let at = s.end;
    let k = s.end - 1;
    while (k > s.start && /["'\u201d\u2019)\]*_]/.test(text[k]) && !/[.!]/.test(text[k])) k--;
    if (/[.!\u2026]/.test(text[k])) {
      at = k;
      while (at > s.start && /[.!\u2026]/.test(text[at - 1])) at--;
    }
    const before = text[at - 1] ?? '';
    const insert = spaced && !/\s/.test(before) ? ` ${marker}` : marker;
    return { title: 'Insert citation placeholder', kind: 'fix', edits: [{ start: at, end: at, newText: insert }], safe: false };
  };
  return { marker, fix };
}
