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

/** The word classes, decoded from the generated module (once, at load). */
export function tenseClasses(): TenseClasses {
  const out: TenseClasses = {
    present3sg: split(PRESENT_3SG),
    present3sgAmbiguous: split(PRESENT_3SG_AMBIGUOUS),
    nounFirst: split(NOUN_FIRST),
    presentBase: [],
    blockers: split(FUNCTION_WORDS),
    determiners: split(DETERMINERS),
    adverbs: split(ADVERBS),
    irregularPast: split(IRREGULAR_PAST),
    irregularPlurals: split(IRREGULAR_PLURALS),
  };
  const entries = split(PRESENT_BASE);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const last = entry.charCodeAt(entry.length - 1);
    const bits = last >= 48 && last <= 57 ? last - 48 : last >= 65 && last <= 70 ? last - 55 : 0;
    const word = bits || last === 48 ? entry.slice(0, -1) : entry;
    out.presentBase.push(word);
    if (bits & BASE_NOUN_FIRST) out.nounFirst.push(word);
    if (bits & (S_VERB | S_AMBIGUOUS)) {
      const s = regular3sg(word);
      (bits & S_VERB ? out.present3sg : out.present3sgAmbiguous).push(s);
      if (bits & S_NOUN_FIRST) out.nounFirst.push(s);
    }
  }
  return out;
}
