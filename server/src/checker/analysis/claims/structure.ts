/**
 * What a sentence's present-tense verb does in it (issue 12): the verb group it opens ("is", "may
 * be", "remains", "are listed"), and what that group frames, read from the words around it with
 * the classifier's word classes (the lexicon's present and past forms), not from phrases:
 *
 * - `clause`: a form of "be" (or "seem", "remain", a modal with "be") before "that", "whether",
 *   "why", "because"… — "The difficulty here is that …", "It may be that …": the frame says
 *   nothing itself, the clause after it does;
 * - `judgement`: such a verb before a word that weighs a possibility ("possible", "unlikely"),
 *   then a reason or nothing — "Lymphoma remains possible, since …";
 * - `infinitive`: "it" with a verb that is no raising verb, before "to" and a verb — "It pays to
 *   repeat the study": a course of action weighed, the reader advised;
 * - `paper`: the present passive with a place in the paper — "… are listed in the box below";
 * - `weighed`: a subject that weighs a possibility ("One likely cause", "The probable trigger")
 *   before a form of "be" and a definite noun phrase — "The likely cause is the new tablet": the
 *   authors name a candidate in their case (not "The likely cause of X is Y-ism", a bare noun);
 * - `against`: a sentence opened by "Against …" or "In favour of …" before the verb — "Against
 *   a stroke is the slow onset": the authors weigh their differential;
 * - `advice` also takes a verb of what something calls for ("deserves", "warrants") after a
 *   subject that points back ("this topic", "such a case").
 *
 * `content` is the tense of the first finite verb after a `clause` or `judgement` frame (past:
 * what happened in this case, so the present tense of the frame states nothing general). Every
 * frame is read only when the frame's verb group is the sentence's only present-tense one: a
 * present verb elsewhere ("…, older adults tolerate it poorly") may carry a claim of its own.
 */

/** The words the reader needs (ClaimData's sets). */
export interface StructureWords {
  presentWords: Pick<ReadonlySet<string>, 'has'>;
  ambiguousPresent: Pick<ReadonlySet<string>, 'has'>;
  pastForms: ReadonlySet<string>;
  adverbs: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  notVerbBefore: ReadonlySet<string>;
  /** Verbs that link a subject to what it is ("is", "seems", "remains"). */
  frameVerbs: ReadonlySet<string>;
  /** Words that weigh a possibility ("possible", "unlikely"). */
  judgements: ReadonlySet<string>;
  /** Verbs after which "it … to" is no frame but the subject's own ("it tends to recur", "it takes weeks to heal"). */
  raising: ReadonlySet<string>;
  /** Nouns of the argument ("point", "question", "answer"): a subject that is the authors' reasoning. */
  discourse: ReadonlySet<string>;
}

export interface Frame {
  kind: 'clause' | 'judgement' | 'infinitive' | 'paper' | 'argument' | 'course' | 'advice' | 'weighed' | 'against';
  /** Where the frame's verb group starts, and the words that make it a frame (quoted in the trace). */
  at: number;
  words: string;
  /**
   * The tense of the first finite verb the frame leads to (`clause`, `judgement`): `past` also
   * for what would or might have been ("would", "may have been").
   */
  content?: 'present' | 'past' | 'none';
  /** The word that opens the clause a `clause` frame leads to ("that", "whether"). */
  opens?: string;
}

interface Token {
  w: string;
  start: number;
  end: number;
}

/** Present finite forms of "be", "have", "do" and the modals. */
const PRESENT_AUX = new Set(['is', 'are', 'am', 'has', 'have', 'does', 'do', "isn't", "aren't", "hasn't", "haven't", "doesn't", "don't", 'can', 'cannot', "can't", 'may', 'might', 'must', 'shall', 'should', 'will', "won't", 'ought', 'needs']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "wasn't", "weren't", "hadn't", "didn't"]);
const MODALS = new Set(['can', 'cannot', "can't", 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would', 'ought']);
const BE = new Set(['be', 'been', 'being', 'is', 'are', 'am']);
/** Words that open a clause a frame leads to. */
const COMPLEMENT = new Set(['that', 'whether', 'why', 'how', 'if', 'because', 'which', 'what', 'when', 'who', 'where']);
/** Words that open a reason after a judgement ("possible, since …"). */
const REASON = new Set(['since', 'as', 'because', 'given', 'so', 'for', 'considering']);
/** Prepositions that end a subject's head ("the choice between …", "the remainder of …"). */
const AFTER_HEAD = new Set(['of', 'in', 'between', 'for', 'with', 'on', 'from', 'about', 'at', 'among', 'regarding', 'concerning', 'to', 'behind', 'over']);
/** The reader, or clinicians, as a subject told what to do. */
const AUDIENCE = new Set(['clinicians', 'physicians', 'doctors', 'readers', 'surgeons', 'practitioners', 'colleagues', 'radiologists', 'pathologists', 'nurses', 'specialists']);
/** Participles that tell a subject what to do ("are encouraged to"). */
const DIRECTED = new Set(['encouraged', 'advised', 'urged', 'reminded', 'invited', 'asked', 'cautioned', 'warned', 'expected', 'obliged', 'required']);
/** Verbs of what a case calls for ("any such child merits …"). */
const CALLS_FOR = new Set(['merits', 'warrants', 'deserves']);
/** Determiners of a subject that points to what was said ("both explanations", "this view"). */
const REFERRING = new Set(['both', 'either', 'neither', 'this', 'these', 'that', 'those', 'such', 'each']);
/** Words that point back to this case's own things ("these findings", "her symptoms"). */
const ANAPHORIC = new Set(['this', 'these', 'that', 'those', 'both', 'such', 'its', 'their', 'her', 'his', 'our', 'she', 'he', 'they', 'we', 'it']);
const NUMBERS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'first', 'second', 'third', 'same', 'latter', 'former']);
/** Determiners of a definite noun phrase that names a thing of this case ("the new tablet", "her fall"). */
const DEFINITE = new Set(['the', 'this', 'that', 'her', 'his', 'their', 'our', 'its']);
/** A word that weighs a possibility before the verb (a quick test before the subject is read word by word). */
const WEIGHED_WORDS = /\b(?:possible|likely|probable|plausible|conceivable)\b/i;
/** "Against …", "In favour of …" at the start of a sentence (before its verb). */
const FOR_AGAINST = /^\s*(?:against|in\s+favou?r\s+of)\s/i;

/** Places in the paper ("below", "in the box"). */
const PAPER_PLACE = new Set(['below', 'above', 'herein', 'hereafter', 'overleaf']);
const PAPER_PART = new Set(['table', 'tables', 'figure', 'figures', 'fig', 'box', 'boxes', 'appendix', 'supplement', 'panel', 'panels', 'report', 'paper', 'article']);
/** A place in the paper after a passive (a quick test before the sentence is read word by word). */
const PAPER_WORDS = /\b(?:below|above|herein|hereafter|overleaf|tables?|figures?|fig|box|boxes|appendix|supplement|panels?|report|paper|article)\b/i;
/** Participles of showing: with "in the …" after them, a place in the paper ("summarised in the timeline"). */
const SHOWN = new Set(['shown', 'summarised', 'summarized', 'listed', 'illustrated', 'depicted', 'tabulated', 'detailed', 'outlined', 'displayed', 'presented', 'charted', 'plotted', 'pictured']);

const normal = (w: string) => {
  const lower = w.toLowerCase();
  return lower.indexOf('\u2019') < 0 ? lower : lower.replace(/\u2019/g, "'");
};

/** The sentence's words (lower-cased, the typographic apostrophe as ') and clause punctuation (, ; : ( )). */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41) {
      out.push({ w: text[i], start: i, end: i + 1 });
      i++;
      continue;
    }
    if (!letterOrDigit(c)) {
      i++;
      continue;
    }
    const start = i;
    i++;
    for (;;) {
      while (i < n && letterOrDigit(text.charCodeAt(i))) i++;
      const d = i < n ? text.charCodeAt(i) : 0;
      // An apostrophe or hyphen joins two runs of letters ("isn't", "x-ray").
      if ((d === 39 || d === 0x2019 || d === 45) && i + 1 < n && letterOrDigit(text.charCodeAt(i + 1))) {
        i += 2;
        continue;
      }
      break;
    }
    out.push({ w: normal(text.slice(start, i)), start, end: i });
  }
  return out;
}

/** A letter or digit (every code unit from U+00C0 counts as a letter, but the multiplication and division signs and general punctuation). */
const letterOrDigit = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f));

/** A character of a word as mayFrame reads it before tokens() (letters, digits, an apostrophe or a hyphen). */
const wordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 0x2019 || c === 45 || c >= 0xc0;

/** Where the word that starts at i ends. */
function wordEnd(text: string, i: number): number {
  while (i < text.length && wordChar(text.charCodeAt(i))) i++;
  return i;
}

const isWord = (t: Token | undefined) => t !== undefined && t.w.length > 0 && !',;:()'.includes(t.w);
const participle = (w: string, W: StructureWords) => (w.length >= 4 && w.endsWith('ed')) || W.pastForms.has(w);

export function makeFrameReader(W: StructureWords) {
  const adverb = (w: string) => !W.judgements.has(w) && (W.adverbs.has(w) || (w.length >= 5 && w.endsWith('ly')) || w === 'not' || w === 'also' || w === 'still' || w === 'therefore' || w === 'thus');

  /** Is token i a present finite verb (outside the frame's own group)? Unambiguous forms only. */
  function presentAt(ts: Token[], i: number): boolean {
    const w = ts[i].w;
    if (PRESENT_AUX.has(w)) return w !== 'have' && w !== 'do' ? true : !MODALS.has(ts[i - 1]?.w ?? '') && ts[i - 1]?.w !== 'to';
    if (!W.presentWords.has(w)) return false;
    const before = ts[i - 1];
    if (!isWord(before) || W.notVerbBefore.has(before!.w) || W.determiners.has(before!.w) || MODALS.has(before!.w) || BE.has(before!.w)) return false;
    if (!W.ambiguousPresent.has(w)) return true;
    // A form that is also a noun ("drives", "present") is the verb between a noun and its object
    // ("inflammation drives the fibrosis", "patients present late"): not before a verb, "of" or "and".
    const after = ts[i + 1];
    if (!isWord(after) || PRESENT_AUX.has(after!.w) || PAST_AUX.has(after!.w) || W.pastForms.has(after!.w) || after!.w === 'of' || after!.w === 'and' || after!.w === 'or') return false;
    return w.endsWith('s') ? !W.notVerbBefore.has(after!.w) || W.determiners.has(after!.w) : before!.w.endsWith('s') && before!.w.length > 3;
  }
  /** Is token i a past finite verb: a past auxiliary, or a past form after a word that can be its subject? */
  function pastAt(ts: Token[], i: number): boolean {
    const w = ts[i].w;
    if (PAST_AUX.has(w)) return true;
    const before = ts[i - 1];
    if (!isWord(before) || W.determiners.has(before!.w) || W.notVerbBefore.has(before!.w) || BE.has(before!.w) || PAST_AUX.has(before!.w) || PRESENT_AUX.has(before!.w)) return false;
    return (w.length >= 4 && w.endsWith('ed')) || W.pastForms.has(w);
  }
  /** The tense of the first finite verb from token i on. */
  function contentTense(ts: Token[], i: number): 'present' | 'past' | 'none' {
    for (let k = i; k < ts.length; k++) {
      if (!isWord(ts[k])) continue;
      const w = ts[k].w;
      // What would or might have been is no general statement.
      if (w === 'would' || ((w === 'may' || w === 'might' || w === 'could') && ts[k + 1]?.w === 'have')) return 'past';
      if (pastAt(ts, k)) return 'past';
      if (presentAt(ts, k)) return 'present';
    }
    return 'none';
  }

  /** Is there a present-tense verb from token i on? */
  function laterPresent(ts: Token[], i: number): boolean {
    for (let k = i; k < ts.length; k++) if (isWord(ts[k]) && presentAt(ts, k)) return true;
    return false;
  }

  /** Does the subject before `at` (back to a comma) hold a word that points back ("this topic", "such cases")? */
  function pointsBack(text: string, at: number): boolean {
    let st = at;
    while (st > 0 && !',;:('.includes(text[st - 1])) st--;
    for (const w of text.slice(st, at).toLowerCase().split(/\s+/)) if (w === 'this' || w === 'these' || w === 'such') return true;
    return false;
  }

  /**
   * Can the verb at `at` open a frame at all: a verb of "be", a modal, "has"/"have", "merits"…,
   * "it" right before it, or a noun of the argument (or "case") before it? Read from the words
   * as written, without tokenising the sentence (most present-tense sentences open none).
   */
  function mayFrame(text: string, at: number, argument: boolean): boolean {
    let end = wordEnd(text, at);
    const verb = normal(text.slice(at, end));
    // The word right before the verb ("it"): read alone unless the whole subject is needed.
    let before = '';
    {
      let e = at;
      while (e > 0 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 160)) e--;
      let st = e;
      while (st > 0 && wordChar(text.charCodeAt(st - 1))) st--;
      if (st < e) before = normal(text.slice(st, e));
    }
    // The subject's words (back to a comma), only for a noun of the argument or "case" somewhere
    // in the sentence (`argument`), or a verb of what a case calls for (any/every/each first).
    const calls = CALLS_FOR.has(verb);
    let first = '';
    if (argument || calls) for (let e = at; e > 0; ) {
      let c = text.charCodeAt(e - 1);
      while (e > 0 && !wordChar(c)) {
        if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41) e = 0;
        else c = text.charCodeAt(--e - 1);
      }
      if (e === 0) break;
      let st = e - 1;
      while (st > 0 && wordChar(text.charCodeAt(st - 1))) st--;
      const w = normal(text.slice(st, e));
      if (w === 'case' || W.discourse.has(w)) return true;
      first = w;
      e = st;
    }
    if (calls) return first === 'any' || first === 'every' || first === 'each' || pointsBack(text, at);
    const linking = W.frameVerbs.has(verb) || MODALS.has(verb) || verb === 'has' || verb === 'have';
    if (!linking && before !== 'it') return false;
    // "Against a stroke is …"; "One likely cause is the …" (the subject weighs a possibility).
    if (linking && (FOR_AGAINST.test(text) || (WEIGHED_WORDS.exec(text)?.index ?? at) < at)) return true;
    // After "it", within the next four words: "to" or "that" ("It pays to", "It is possible that").
    // Otherwise the first word after the verb (adverbs skipped): "that", "possible", a participle, "be".
    let w = '';
    for (let k = 0; k < 5; k++) {
      let i = end;
      while (i < text.length && !wordChar(text.charCodeAt(i))) {
        const c = text.charCodeAt(i);
        if (c === 44 || c === 59 || c === 58 || c === 46) return false;
        i++;
      }
      end = wordEnd(text, i);
      if (end === i) return false;
      w = normal(text.slice(i, end));
      if (before === 'it') {
        if (COMPLEMENT.has(w) || w === 'to' || (k === 0 && linking && (participle(w, W) || BE.has(w) || W.judgements.has(w)))) return true;
        if (k === 3) return false;
      } else if (!adverb(w)) break;
    }
    if (before === 'it') return false;
    if (COMPLEMENT.has(w) || W.judgements.has(w) || BE.has(w)) return true;
    const perfect = verb === 'has' || verb === 'have';
    // The present perfect frames only with "since" after it; the passive only the reader told
    // what to do or a place in the paper.
    if (perfect && (participle(w, W) || W.presentWords.has(w))) return text.includes('since', end);
    if (participle(w, W)) return DIRECTED.has(w) || SHOWN.has(w) || PAPER_WORDS.test(text.slice(end));
    return false;
  }

  /**
   * The frame the present-tense verb at `at` opens, if any. `argument`: a noun of the argument
   * or "case" occurs in the sentence (the classifier knows it from its one pass over the words);
   * without one, the subject need not be read for it.
   */
  return function frameOf(text: string, at: number, argument = true): Frame | undefined {
    if (!mayFrame(text, at, argument)) return undefined;
    const ts = tokens(text);
    let v = ts.findIndex((t) => t.start === at);
    if (v < 0) return undefined;
    // The verb group: the finite verb, adverbs and "not", "be"/"been", a participle.
    let k = v;
    let copula = W.frameVerbs.has(ts[v].w);
    let passive = false;
    let perfect = false;
    const modal = MODALS.has(ts[v].w);
    for (k = v + 1; k < ts.length; k++) {
      const w = ts[k].w;
      if (adverb(w)) continue;
      if (BE.has(w) && (modal || BE.has(ts[k - 1].w) || ts[k - 1].w === 'has' || ts[k - 1].w === 'have' || adverb(ts[k - 1].w))) {
        copula = true;
        continue;
      }
      if ((modal || ts[k - 1].w === 'to') && W.frameVerbs.has(w)) {
        copula = true;
        continue;
      }
      if (copula && participle(w, W) && !W.judgements.has(w)) {
        passive = true;
        copula = false;
        k++;
      } else if ((ts[v].w === 'has' || ts[v].w === 'have') && (participle(w, W) || (W.presentWords.has(w) && !w.endsWith('s')))) {
        // (A participle that is also the base form: "has come", "has run".)
        perfect = true;
        k++;
      }
      break;
    }
    let groupEnd = k;
    // "It is possible that …", "It is hard to say which …": after "it" and "be", a word, then the
    // clause (or "to" and a verb, then the clause).
    if (copula && ts[v - 1]?.w === 'it' && isWord(ts[k]) && !W.determiners.has(ts[k].w) && !W.notVerbBefore.has(ts[k].w)) {
      if (ts[k + 1] && COMPLEMENT.has(ts[k + 1].w)) groupEnd = k + 1;
      else if (ts[k + 1]?.w === 'to' && isWord(ts[k + 2]) && ts[k + 3] && COMPLEMENT.has(ts[k + 3].w)) groupEnd = k + 3;
    }
    // Only when no other present-tense verb stands after it but in a clause it leads to (none
    // stands before it: the classifier reads the first one).
    const words = (to: number) => text.slice(ts[v].start, ts[Math.min(to, ts.length - 1)].end);
    const next = ts[groupEnd];
    if (copula && next && COMPLEMENT.has(next.w)) {
      let content = contentTense(ts, groupEnd + 1);
      // A present clause about this case's own things ("that the two conditions are linked",
      // "that these findings reflect …") is no statement of its own.
      const first = ts[groupEnd + 1]?.w;
      const second = ts[groupEnd + 2]?.w ?? '';
      if (content === 'present' && first !== undefined && (ANAPHORIC.has(first) || (first === 'the' && (NUMBERS.has(second) || /^\d/.test(second))))) content = 'none';
      if (content === 'present' || !laterPresent(ts, groupEnd + 1)) return { kind: 'clause', at: ts[v].start, words: words(groupEnd), content, opens: next.w };
      return undefined;
    }
    if (laterPresent(ts, groupEnd)) return undefined;
    const judged = copula && next !== undefined && W.judgements.has(next.w);
    if (judged) {
      const after = ts[groupEnd + 1];
      if (after && (after.w === ',' || after.w === ';' || REASON.has(after.w))) return { kind: 'judgement', at: ts[v].start, words: words(groupEnd), content: contentTense(ts, groupEnd + 1) };
    }
    // The subject: the words since the clause began (the start, a comma), its head the word
    // before the first preposition ("the choice between …" → "choice").
    let from = v;
    while (from > 0 && isWord(ts[from - 1])) from--;
    let head = v - 1;
    for (let i = from; i < v; i++) {
      if (AFTER_HEAD.has(ts[i].w)) {
        head = i - 1;
        break;
      }
    }
    const headWord = head >= from ? ts[head].w : '';
    const firstWord = from < v ? ts[from].w : '';
    // "The answer is not obvious", "Several points are worth making", "The case is of interest":
    // the argument itself; "Both explanations are plausible": a judgement and nothing more, of
    // a subject that points to what was said.
    if (headWord && (W.discourse.has(headWord) || (headWord === 'case' && firstWord === 'the' && head === from + 1)) && (copula || groupEnd === v + 1)) {
      return { kind: 'argument', at: ts[from].start, words: text.slice(ts[from].start, ts[head].end) };
    }
    if (judged && groupEnd + 1 === ts.length && REFERRING.has(firstWord)) return { kind: 'argument', at: ts[from].start, words: text.slice(ts[from].start, next!.end) };
    // "Against a stroke is the slow onset": the sentence opens with what it argues for or against,
    // right before the verb (not "Against influenza, vaccination is …", a clause of its own).
    if (copula && !passive && v > 0 && from === 0 && (ts[0].w === 'against' || (ts[0].w === 'in' && (ts[1]?.w === 'favour' || ts[1]?.w === 'favor') && ts[2]?.w === 'of'))) {
      return { kind: 'against', at: ts[0].start, words: text.slice(ts[0].start, ts[v].end) };
    }
    // "One likely cause is the new tablet": a subject that weighs a possibility, before "be" and
    // a definite noun phrase with no "of" after its first words ("the formation of …" names a
    // mechanism of its own). The subject's words before its head only ("The likely cause").
    if (copula && !passive && next && DEFINITE.has(next.w)) {
      let weighs = false;
      for (let i = from; i < head; i++) if (W.judgements.has(ts[i].w)) weighs = true;
      let of = false;
      for (let i = groupEnd + 1; i < Math.min(ts.length, groupEnd + 4); i++) if (ts[i].w === 'of') of = true;
      if (weighs && !of) return { kind: 'weighed', at: ts[from].start, words: text.slice(ts[from].start, next.end) };
    }
    // "The rash has not returned since the drug was withdrawn": this case's course so far (a
    // subject with an article or possessive, not a bare one: "Survival has improved since …").
    if (perfect && (firstWord === 'the' || W.determiners.has(firstWord)) && firstWord !== 'all' && firstWord !== 'most') {
      for (let i = groupEnd; i < ts.length - 1; i++) {
        if (ts[i].w === 'since' && contentTense(ts, i + 1) === 'past') return { kind: 'course', at: ts[v].start, words: text.slice(ts[v].start, ts[i].end) };
      }
    }
    // "Clinicians are encouraged to …", "Any such child merits …": the reader told what to do.
    const pointing = () => {
      for (let i = from; i < v; i++) if (ts[i].w === 'this' || ts[i].w === 'these' || ts[i].w === 'such') return true;
      return false;
    };
    if ((passive && AUDIENCE.has(headWord) && DIRECTED.has(ts[groupEnd - 1].w)) || ((firstWord === 'any' || firstWord === 'every' || firstWord === 'each' || pointing()) && CALLS_FOR.has(ts[v].w))) {
      return { kind: 'advice', at: ts[from].start, words: text.slice(ts[from].start, ts[groupEnd - 1].end) };
    }
    // "It pays to repeat …": "it" alone before the verb (at the start or after a comma), a verb
    // that is not "seem", "tend", "take"…, then "to" and a verb within two words.
    const subject = ts[v - 1];
    const beforeSubject = ts[v - 2];
    if (subject?.w === 'it' && (!beforeSubject || beforeSubject.w === ',') && !copula && !modal && !passive && !W.raising.has(ts[v].w)) {
      for (let i = v + 1; i <= v + 3 && i + 1 < ts.length; i++) {
        if (!isWord(ts[i])) break;
        if (ts[i].w === 'to' && isWord(ts[i + 1]) && !W.determiners.has(ts[i + 1].w)) return { kind: 'infinitive', at: ts[v].start, words: text.slice(subject.start, ts[i + 1].end) };
      }
    }
    // "… are listed in the box below": the present passive, and a place in the paper in its clause.
    if (passive) {
      for (let i = groupEnd; i < ts.length && ts[i].w !== ';'; i++) {
        const w = ts[i].w;
        if (PAPER_PLACE.has(w)) return { kind: 'paper', at: ts[v].start, words: text.slice(ts[v].start, ts[i].end) };
        if (w === 'in' && SHOWN.has(ts[i - 1].w) && (ts[i + 1]?.w === 'the' || ts[i + 1]?.w === 'this') && isWord(ts[i + 2])) return { kind: 'paper', at: ts[v].start, words: text.slice(ts[v].start, ts[i + 2].end) };
        if (w === 'in' && ts[i + 1]) {
          const j = ts[i + 1].w === 'the' || ts[i + 1].w === 'this' ? i + 2 : i + 1;
          if (ts[j] && PAPER_PART.has(ts[j].w) && (ts[j].w !== 'report' && ts[j].w !== 'paper' && ts[j].w !== 'article' ? true : ts[i + 1].w === 'this')) return { kind: 'paper', at: ts[v].start, words: text.slice(ts[v].start, ts[j].end) };
        }
      }
    }
    return undefined;
  };
}
