import { triggersOf } from './triggers';

/**
 * Certainty a case report cannot carry, and the hedged wording to offer instead. Data only:
 * each entry names the phrase, the pattern (precompiled), the alternative and examples.
 */
export interface Overstatement {
  name: string;
  pattern: RegExp;
  /** The hedged replacement for the matched text (case of the first letter is kept). */
  alternative: string | ((matched: string) => string);
  /**
   * `generalisation`: only when the sentence generalises (present tense, not about this
   * patient): "She had never smoked" is history, "X never recurs" is a generalisation.
   */
  only?: 'generalisation';
  /**
   * Sentences (our own words) in which this entry finds its phrase (`claims`), and sentences
   * with one of its trigger words that it must leave alone (`leaves`: no overstatement found).
   * `test/checker/claims-data.test.ts` checks both, and that removing the entry changes what is
   * found in at least one of its `claims`.
   */
  examples: { claims: readonly string[]; leaves?: readonly string[] };
}

export const OVERSTATEMENTS: readonly Overstatement[] = [
  {
    name: 'proves',
    // Not "biopsy-proven", not "proved to be benign" (turned out to be).
    pattern: /(?<![\p{L}-])(?:proves|prove(?=\s+that)|proved(?=\s+that)|(?<=\b(?:has|have|was|were|is|are|been)\s+(?:\p{L}+ly\s+)?)proven(?!\s+to\s+be\s+(?:benign|malignant|negative|positive|normal))|proven(?=\s+(?:fact|effective|efficacy|benefit|link|cause)))\b/iu,
    alternative: (m) => ({ proves: 'suggests', prove: 'suggest', proved: 'suggested' })[m.toLowerCase()] ?? 'reported',
    examples: {
      claims: ['This case proves that the vaccine triggered the vasculitis.'],
      leaves: ['The lesion proved to be benign.', 'Biopsy-proven sarcoidosis was treated with steroids.'],
    },
  },
  {
    name: 'clearly demonstrates',
    pattern: /\b(?:clearly|unequivocally|conclusively)\s+(?:demonstrates|shows|proves|establishes|indicates|confirms|demonstrate|show|establish|indicate|confirm)\b/iu,
    alternative: (m) => (/s$/i.test(m) ? 'suggests' : 'suggest'),
    examples: { claims: ['Our case clearly demonstrates the benefit of early surgery.'] },
  },
  {
    name: 'always',
    // Not a recommendation ("should always be considered"), not a hedge ("not always"), not a
    // possibility ("there is always the possibility", "always a risk").
    pattern: /(?<!\b(?:should|must|not)\s+|\bthere\s+(?:is|are|remains)\s+)\b(?:always|invariably)\b(?!\s+(?:should|must)\b|\s+(?:(?:the|a|an|some)\s+)?(?:possibility|possible|chance|risk)\b)/iu,
    alternative: 'usually',
    only: 'generalisation',
    examples: {
      claims: ['Peritoneal tuberculosis always presents with ascites.'],
      leaves: [
        'The diagnosis should always be considered in young smokers.',
        'Cramps are not always a sign of disease.',
        'He had always been active.',
        'There is always the possibility of a second cause.',
      ],
    },
  },
  {
    name: 'never',
    // Not advice ("should never ignore").
    pattern: /(?<!\b(?:should|must|can|could)\s+)\bnever\b(?!\s+been\s+(?:reported|described))/iu,
    alternative: 'rarely',
    only: 'generalisation',
    examples: { claims: ['The disease never recurs after excision.'], leaves: ['He had never smoked.', 'Clinicians should never ignore cramps in an older adult.'] },
  },
  {
    name: 'has never been reported',
    pattern: /\b(?:has|have)\s+never\s+been\s+(?:reported|described)\b/iu,
    alternative: 'has not, to our knowledge, been reported',
    examples: { claims: ['This association has never been reported.'] },
  },
  {
    name: 'cures',
    // The verb, not the noun ("were definitive cures").
    pattern: /\b(?:(?<!\b(?:were|are|was|is|be|definitive|definite|complete|permanent|the|a|no|for|of|and)\s+)cures|(?<=\b(?:will|can|always)\s+)cure)\b/iu,
    alternative: (m) => (m.toLowerCase() === 'cures' ? 'can improve' : 'improve'),
    only: 'generalisation',
    examples: {
      claims: ['Early excision cures the disease.', 'Early excision can cure the disease.'],
      leaves: ['Both excisions were definitive cures.', 'It is unclear whether quinine cures cramps.'],
    },
  },
  {
    name: 'definitely',
    pattern: /\b(?:definitely|certainly|undoubtedly|unquestionably|without\s+(?:a\s+|any\s+)?doubt)\b/iu,
    alternative: 'probably',
    examples: { claims: ['The rash was definitely caused by the drug.'] },
  },
  {
    name: 'the first case ever',
    pattern: /\b(?:the\s+)?first\s+(?:\p{L}+\s+)?(?:case|report|description|patient)\s+(?:ever(?:\s+(?:reported|described|published))?|in\s+the\s+world)|\bfirst[- ]ever\b/iu,
    alternative: 'to our knowledge, the first reported case',
    examples: { claims: ['This is the first case ever reported.'] },
  },
  {
    name: 'pathognomonic',
    // Not when negated ("is not pathognomonic", "non-pathognomonic").
    pattern: /(?<!\bnot\s+(?:\p{L}+\s+)?|\bnon-|\bno\s+)\bpathognomo?n?ic\b/iu,
    alternative: 'highly suggestive',
    examples: { claims: ['Ankle clonus is pathognomonic of ALS.'], leaves: ['Classic histology is not pathognomonic for the diagnosis.'] },
  },
];

export interface OverstatementMatch {
  overstatement: Overstatement;
  /** Offsets within the text given to findOverstatements. */
  start: number;
  end: number;
  text: string;
}

/** The hedged wording to offer for a match. */
export function alternativeFor(o: Overstatement, matched: string): string {
  return typeof o.alternative === 'string' ? o.alternative : o.alternative(matched);
}

const TOKEN_RE = /[\p{L}\p{N}]+/gu;

/** An open question or a doubt earlier in the same clause: what follows is asked, not claimed. */
const OPEN_QUESTION_BEFORE = /\b(?:whether|unclear|unknown|not\s+(?:known|clear|certain)|no\s+evidence\s+that|doubtful|questionable|debated)\b[^,;.]*$/iu;

export interface OverstatementFinder {
  /** Any trigger word at all? One precompiled test, so that most text is passed over at once. */
  quick: RegExp;
  /**
   * Overstatements in one sentence. `generalises` says whether the sentence generalises
   * (present tense, not about this patient); entries marked `only: 'generalisation'` need it.
   */
  find(text: string, generalises: () => boolean): OverstatementMatch[];
}

/** Builds the finder for a list of entries (`OVERSTATEMENTS` by default; the data test removes one at a time). */
export function makeOverstatementFinder(list: readonly Overstatement[] = OVERSTATEMENTS): OverstatementFinder {
  const BY_WORD = new Map<string, Overstatement[]>();
  for (const o of list) {
    for (const w of triggersOf(o.pattern)) {
      const words = BY_WORD.get(w);
      if (words) words.push(o);
      else BY_WORD.set(w, [o]);
    }
  }
  const quick = BY_WORD.size
    ? new RegExp(String.raw`\b(?:${[...BY_WORD.keys()].sort((a, b) => b.length - a.length).join('|')})\b`, 'i')
    : /(?!)/;

  function find(text: string, generalises: () => boolean): OverstatementMatch[] {
    if (!quick.test(text)) return [];
    const tried = new Set<Overstatement>();
    const out: OverstatementMatch[] = [];
    let general: boolean | undefined;
    TOKEN_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TOKEN_RE.exec(text))) {
      const entries = BY_WORD.get(m[0].toLowerCase());
      if (!entries) continue;
      for (const o of entries) {
        if (tried.has(o)) continue;
        tried.add(o);
        const hit = o.pattern.exec(text);
        if (!hit) continue;
        // Asked, not claimed: "it is unclear whether quinine cures cramps".
        if (OPEN_QUESTION_BEFORE.test(text.slice(0, hit.index))) continue;
        if (o.only === 'generalisation' && !(general ??= generalises())) continue;
        const start = hit.index;
        const end = start + hit[0].length;
        if (out.some((x) => start < x.end && x.start < end)) continue;
        out.push({ overstatement: o, start, end, text: hit[0] });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }

  return { quick, find };
}

const FINDER = makeOverstatementFinder(OVERSTATEMENTS);

/** Any trigger word at all? One precompiled test, so that most text is passed over at once. */
export const QUICK = FINDER.quick;

/**
 * Overstatements in one sentence. `generalises` says whether the sentence generalises
 * (present tense, not about this patient); entries marked `only: 'generalisation'` need it.
 */
export const findOverstatements = FINDER.find;
