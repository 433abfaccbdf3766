import { ADVERBS, DETERMINERS, FUNCTION_WORDS, IRREGULAR_PAST, IRREGULAR_PLURALS, NOUN_FIRST, PRESENT_3SG, PRESENT_3SG_AMBIGUOUS, PRESENT_BASE } from './lexicon.generated';

/**
 * The word classes of tense derived from the English lexicon (server/scripts/lexicon.ts), read
 * from the compact generated module: each base form carries, as one hexadecimal digit after it,
 * what its regular -s form is (so that the -s forms need not be shipped twice): 1, the base form
 * is read first as a noun ("pain"); 2, its -s form is a verb only ("heals"); 4, its -s form is
 * also a noun ("works"); 8, that -s form is read first as a noun ("tests").
 */
export interface TenseClasses {
  /** Third person singular present forms (VBZ) tagged only as verbs: "heals", "occurs". */
  present3sg: string[];
  /** VBZ forms also tagged as nouns (or adjectives) ("works", "results"). */
  present3sgAmbiguous: string[];
  /** Ambiguous forms (-s or base) whose more frequent tag is the noun or adjective ("results", "tests", "pain", "tire"). */
  nounFirst: string[];
  /** Base forms (VB, VBP): present only after a plural subject ("adults heal"); also infinitives and imperatives. */
  presentBase: string[];
  /** Function words (first tag a determiner, preposition, conjunction, possessive or number). */
  blockers: string[];
  /** Determiners, possessives and numbers (first tag DT, PDT, PRP$, WP$, CD). */
  determiners: string[];
  /** Adverbs (first tag RB) not ending in -ly, which may stand between a subject and its verb ("often", "still"). */
  adverbs: string[];
  /** Past forms (VBD, VBN) not ending in -ed ("found", "underwent"): an ambiguous form before one is its subject, a noun. */
  irregularPast: string[];
  /** Plural nouns (first tag NNS) not ending in -s ("people", "data"): subjects of a base form. */
  irregularPlurals: string[];
}

/** The regular third person singular of a base form: "heal" → "heals", "fix" → "fixes", "carry" → "carries". */
export function regular3sg(base: string): string {
  // Char codes, not a pattern: this runs on every base form when the checker starts.
  const n = base.length;
  const last = base.charCodeAt(n - 1);
  if (last === 121 /* y */ && n > 1) {
    const before = base.charCodeAt(n - 2);
    if (before !== 97 && before !== 101 && before !== 105 && before !== 111 && before !== 117) return `${base.slice(0, -1)}ies`;
  }
  if (last === 115 || last === 120 || last === 122 || last === 111) return `${base}es`; // s, x, z, o
  if (last === 104 /* h */ && n > 1) {
    const before = base.charCodeAt(n - 2);
    if (before === 99 || before === 115) return `${base}es`; // ch, sh
  }
  return `${base}s`;
}

export const BASE_NOUN_FIRST = 1;
export const S_VERB = 2;
export const S_AMBIGUOUS = 4;
export const S_NOUN_FIRST = 8;

const split = (words: string) => (words ? words.split(' ') : []);

/** The classes that are plain lists in the generated module (cues.ts reads these; the present forms through presentForms). */
export function listedClasses(): Pick<TenseClasses, 'blockers' | 'determiners' | 'adverbs' | 'irregularPast' | 'irregularPlurals'> {
  return {
    blockers: split(FUNCTION_WORDS),
    determiners: split(DETERMINERS),
    adverbs: split(ADVERBS),
    irregularPast: split(IRREGULAR_PAST),
    irregularPlurals: split(IRREGULAR_PLURALS),
  };
}

/** Each base form of the generated module with its bits (a trailing hex digit, where it has one). */
function forEachBase(visit: (word: string, bits: number) => void): void {
  const entries = split(PRESENT_BASE);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const last = entry.charCodeAt(entry.length - 1);
    const bits = last >= 48 && last <= 57 ? last - 48 : last >= 65 && last <= 70 ? last - 55 : 0;
    visit(bits || last === 48 ? entry.slice(0, -1) : entry, bits);
  }
}

/** The word classes, decoded from the generated module (the lexicon's test reads them back; cues.ts reads presentForms and listedClasses). */
export function tenseClasses(): TenseClasses {
  const out: TenseClasses = {
    present3sg: split(PRESENT_3SG),
    present3sgAmbiguous: split(PRESENT_3SG_AMBIGUOUS),
    nounFirst: split(NOUN_FIRST),
    presentBase: [],
    ...listedClasses(),
  };
  forEachBase((word, bits) => {
    out.presentBase.push(word);
    if (bits & BASE_NOUN_FIRST) out.nounFirst.push(word);
    if (bits & (S_VERB | S_AMBIGUOUS)) {
      const s = regular3sg(word);
      (bits & S_VERB ? out.present3sg : out.present3sgAmbiguous).push(s);
      if (bits & S_NOUN_FIRST) out.nounFirst.push(s);
    }
  });
  return out;
}

/** What a present form is: the bits of presentForms' values. */
export const FORM_PRESENT = 1;
export const FORM_AMBIGUOUS = 2;
export const FORM_BASE = 4;
export const FORM_NOUN_FIRST = 8;

/** Adds `bits` to what `word` is. */
function addForm(forms: Map<string, number>, word: string, bits: number): void {
  const had = forms.get(word);
  forms.set(word, had === undefined ? bits : had | bits);
}

/**
 * The present-tense word classes in one map, each word to what it is (FORM_PRESENT: a present
 * form; FORM_AMBIGUOUS: also a noun or an infinitive; FORM_BASE: a base form; FORM_NOUN_FIRST:
 * read first as a noun), decoded straight from the generated module with the hand-kept lists:
 * `auxiliaries` (present), `medical3sg` (present) and `medicalBase` (present base forms), and
 * "have" and "do" as base forms. The same classes as cues.ts once built from tenseClasses() as
 * four sets (about 30,000 insertions and their copies, ~5 ms of every CLI run): cues.ts's sets
 * are now views of this map (formClass).
 */
export function presentForms(auxiliaries: readonly string[], medical3sg: readonly string[], medicalBase: readonly string[]): Map<string, number> {
  const forms = new Map<string, number>();
  for (const w of auxiliaries) addForm(forms, w, FORM_PRESENT);
  for (const w of split(PRESENT_3SG)) addForm(forms, w, FORM_PRESENT);
  for (const w of split(PRESENT_3SG_AMBIGUOUS)) addForm(forms, w, FORM_PRESENT | FORM_AMBIGUOUS);
  for (const w of split(NOUN_FIRST)) addForm(forms, w, FORM_NOUN_FIRST);
  forEachBase((word, bits) => {
    addForm(forms, word, FORM_PRESENT | FORM_AMBIGUOUS | FORM_BASE | (bits & BASE_NOUN_FIRST ? FORM_NOUN_FIRST : 0));
    if (bits & (S_VERB | S_AMBIGUOUS)) {
      addForm(forms, regular3sg(word), FORM_PRESENT | (bits & S_VERB ? 0 : FORM_AMBIGUOUS) | (bits & S_NOUN_FIRST ? FORM_NOUN_FIRST : 0));
    }
  });
  for (const w of medical3sg) addForm(forms, w, FORM_PRESENT);
  for (const w of medicalBase) addForm(forms, w, FORM_PRESENT | FORM_AMBIGUOUS | FORM_BASE);
  for (const w of ['have', 'do']) addForm(forms, w, FORM_AMBIGUOUS | FORM_BASE);
  return forms;
}

/** The words of `forms` that have `bit`, as a read-only set (a view: nothing is copied). */
export function formClass(forms: ReadonlyMap<string, number>, bit: number): ReadonlySet<string> {
  let size = -1;
  function* words(): SetIterator<string> {
    for (const [w, bits] of forms) if (bits & bit) yield w;
  }
  const view: ReadonlySet<string> = {
    has: (w: string) => ((forms.get(w) ?? 0) & bit) !== 0,
    get size() {
      if (size < 0) {
        size = 0;
        for (const bits of forms.values()) if (bits & bit) size++;
      }
      return size;
    },
    forEach(f: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown) {
      for (const w of words()) f.call(thisArg, w, w, view);
    },
    keys: words,
    values: words,
    *entries(): SetIterator<[string, string]> {
      for (const w of words()) yield [w, w];
    },
    [Symbol.iterator]: words,
  };
  return view;
}
