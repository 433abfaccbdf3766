import { ADVERBS, DETERMINERS, FUNCTION_WORDS, IRREGULAR_PAST, IRREGULAR_PLURALS, NOUN_FIRST, PRESENT_3SG, PRESENT_3SG_AMBIGUOUS, PRESENT_BASE } from './lexicon.generated';
import { PRESENT_TABLE_BITS, PRESENT_TABLE_GAPS, PRESENT_TABLE_KINDS, PRESENT_TABLE_SIZE, PRESENT_TABLE_WORDS } from './present-table.generated';

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

/** The word classes, decoded from the generated module (the lexicon's test reads them back; cues.ts reads presentFormsOf and listedClasses, the classifier presentTable). */
export function tenseClasses(): TenseClasses {
  const out: TenseClasses = { present3sg: [], present3sgAmbiguous: [], nounFirst: [], presentBase: [], ...listedClasses() };
  const { words, bits } = presentFormList();
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const b = bits[i];
    if (!(b & FORM_PRESENT)) {
      if (b === FORM_NOUN_FIRST) out.nounFirst.push(w); // else "have" and "do", added as base forms
      continue;
    }
    (b & FORM_BASE ? out.presentBase : b & FORM_AMBIGUOUS ? out.present3sgAmbiguous : out.present3sg).push(w);
    if (b & FORM_NOUN_FIRST) out.nounFirst.push(w);
  }
  return out;
}

/** What a present form is: the bits of presentForms' values. */
export const FORM_PRESENT = 1;
export const FORM_AMBIGUOUS = 2;
export const FORM_BASE = 4;
export const FORM_NOUN_FIRST = 8;

/** Present forms, each with what it is (FORM_* bits); a word may occur more than once (what it is: the union of its bits). */
export interface PresentFormList {
  words: string[];
  bits: number[];
}

/** The generated module's strings of present forms (a parameter for server/scripts/present-table.ts, which reads them from a module just generated). */
export interface LexiconPresentForms {
  PRESENT_3SG: string;
  PRESENT_3SG_AMBIGUOUS: string;
  NOUN_FIRST: string;
  PRESENT_BASE: string;
}
const LEXICON_PRESENT_FORMS: LexiconPresentForms = { PRESENT_3SG, PRESENT_3SG_AMBIGUOUS, NOUN_FIRST, PRESENT_BASE };

/**
 * The lexicon's present-tense word classes as one list of words and what each is (FORM_PRESENT:
 * a present form; FORM_AMBIGUOUS: also a noun or an infinitive; FORM_BASE: a base form;
 * FORM_NOUN_FIRST: read first as a noun), decoded straight from the generated module, with "have"
 * and "do" as base forms. Two parallel arrays filled by index. No process runs this any more: the
 * generator of present-table.generated.ts does (server/scripts/present-table.ts, from `strings`,
 * the generated module's or those of one just generated), and tenseClasses for the lexicon's test;
 * the classifier and presentForms read that table, with the hand-kept forms (handFormList).
 */
export function presentFormList({ PRESENT_3SG, PRESENT_3SG_AMBIGUOUS, NOUN_FIRST, PRESENT_BASE }: LexiconPresentForms = LEXICON_PRESENT_FORMS): PresentFormList {
  const words: string[] = [];
  const bits: number[] = [];
  let n = 0;
  const add = (list: readonly string[], b: number) => {
    for (let i = 0; i < list.length; i++) {
      words[n] = list[i];
      bits[n++] = b;
    }
  };
  add(split(PRESENT_3SG), FORM_PRESENT);
  add(split(PRESENT_3SG_AMBIGUOUS), FORM_PRESENT | FORM_AMBIGUOUS);
  add(split(NOUN_FIRST), FORM_NOUN_FIRST);
  const entries = split(PRESENT_BASE);
  for (let i = 0; i < entries.length; i++) {
    // A hexadecimal digit after a base form tells its regular -s form (see the top of this file).
    const entry = entries[i];
    const last = entry.charCodeAt(entry.length - 1);
    const b = last >= 48 && last <= 57 ? last - 48 : last >= 65 && last <= 70 ? last - 55 : 0;
    const word = b || last === 48 ? entry.slice(0, -1) : entry;
    words[n] = word;
    bits[n++] = FORM_PRESENT | FORM_AMBIGUOUS | FORM_BASE | (b & BASE_NOUN_FIRST ? FORM_NOUN_FIRST : 0);
    if (b & (S_VERB | S_AMBIGUOUS)) {
      words[n] = regular3sg(word);
      bits[n++] = FORM_PRESENT | (b & S_VERB ? 0 : FORM_AMBIGUOUS) | (b & S_NOUN_FIRST ? FORM_NOUN_FIRST : 0);
    }
  }
  add(['have', 'do'], FORM_AMBIGUOUS | FORM_BASE);
  return { words, bits };
}

/**
 * The present-tense word classes in one map, each word to what it is (presentFormList's words,
 * their bits joined, read from presentTable and handFormList). The same classes as cues.ts once built from tenseClasses() as four sets
 * (about 30,000 insertions and their copies, ~5 ms of every CLI run): cues.ts's sets are now
 * views of this map (formClass), made when first read; the classifier reads presentTable.
 */
export function presentForms(auxiliaries: readonly string[], medical3sg: readonly string[], medicalBase: readonly string[]): Map<string, number> {
  const table = presentTable();
  const forms = new Map<string, number>();
  for (let i = 0; i < table.words.length; i++) forms.set(table.words[i], table.bits[i]);
  const { words, bits } = handFormList(auxiliaries, medical3sg, medicalBase);
  for (let i = 0; i < words.length; i++) {
    const had = forms.get(words[i]);
    forms.set(words[i], had === undefined ? bits[i] : had | bits[i]);
  }
  return forms;
}

/**
 * The present forms kept by hand, with what each is: `auxiliaries` and `medical3sg` (present),
 * `medicalBase` (present base forms). With presentTable (which holds presentFormList()) they make
 * the present-tense classes (a word in both has its bits joined).
 */
export function handFormList(auxiliaries: readonly string[], medical3sg: readonly string[], medicalBase: readonly string[]): PresentFormList {
  const words: string[] = [];
  const bits: number[] = [];
  const add = (list: readonly string[], b: number) => {
    for (const w of list) {
      words.push(w);
      bits.push(b);
    }
  };
  add(auxiliaries, FORM_PRESENT);
  add(medical3sg, FORM_PRESENT);
  add(medicalBase, FORM_PRESENT | FORM_AMBIGUOUS | FORM_BASE);
  return { words, bits };
}

/** The classifier's word hash (classify.ts hashStep, written out): 31 × h + each char code, on 32 bits. */
export function wordHash(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
  return h;
}

/** The size of the classifier's word table for `words` words: a power of two, at least 4,096, at least twice their number. */
export function hashTableSize(words: number): number {
  let size = 1 << 12;
  while (size < words * 2) size <<= 1;
  return size;
}

/**
 * The lexicon's present forms as a hash table built at build time (present-table.generated.ts,
 * written by `npm run schema`: server/scripts/present-table.ts): the words of
 * presentFormList(), each once with its bits joined, in the slots that inserting them
 * in that order into an open-addressing table of PRESENT_TABLE_SIZE slots gives (wordHash & (size
 * - 1), then the next free slot). The classifier starts its word table from it (classify.ts
 * wordTable) instead of decoding the lexicon's ~12,700 forms and inserting each.
 */
export interface PresentTable {
  /** The words, by index. */
  words: string[];
  /** What each word is (FORM_* bits), by index. */
  bits: Uint8Array;
  /** Per slot, a word's index + 1 (0: empty); PRESENT_TABLE_SIZE slots. */
  slots: Uint16Array;
}

/**
 * Decodes present-table.generated.ts (fresh arrays at each call): the words in the order of
 * their slots, split at spaces (one native call), and per word one character each for the empty
 * slots before it and for what it is. One loop per word, none per character: it runs once per
 * process, in V8's interpreter (a loop over the words' ~91,000 characters to hash them took
 * ~7-13 ms of a CLI run; the tokenizer's lookups compare a word's length before its letters).
 */
export function presentTable(): PresentTable {
  const words = PRESENT_TABLE_WORDS.split(' ');
  const bits = new Uint8Array(words.length);
  const slots = new Uint16Array(PRESENT_TABLE_SIZE);
  for (let index = 0, slot = -1; index < words.length; index++) {
    slot += PRESENT_TABLE_GAPS.charCodeAt(index) - 31;
    slots[slot] = index + 1;
    bits[index] = PRESENT_TABLE_BITS[PRESENT_TABLE_KINDS.charCodeAt(index) - 48];
  }
  return { words, bits, slots };
}

/** The words of `forms` (made when first read) that have `bit`, as a read-only set (a view: nothing is copied). */
export function formClass(formsOf: () => ReadonlyMap<string, number>, bit: number): ReadonlySet<string> {
  let size = -1;
  function* words(): SetIterator<string> {
    for (const [w, bits] of formsOf()) if (bits & bit) yield w;
  }
  const view: ReadonlySet<string> = {
    has: (w: string) => ((formsOf().get(w) ?? 0) & bit) !== 0,
    get size() {
      if (size < 0) {
        size = 0;
        for (const bits of formsOf().values()) if (bits & bit) size++;
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
