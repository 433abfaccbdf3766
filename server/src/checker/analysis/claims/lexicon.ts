import { ADVERBS, DETERMINERS, FUNCTION_WORDS, IRREGULAR_PAST, IRREGULAR_PLURALS, NOUN_FIRST, PRESENT_3SG, PRESENT_3SG_AMBIGUOUS, PRESENT_BASE } from './lexicon.generated';

/**
 * The word classes of tense derived from the English lexicon (server/scripts/lexicon.ts), read
 * from the compact generated module: each base form carries, as one hexadecimal digit after it,
 * what its regular -s form is (so that the -s forms need not be shipped twice): 1, the base form
 * is read first as a noun ("pain"); 2, its -s form is a verb only ("heals"); 4, its -s form is
 * also a noun ("works"); 8, that -s form is read first as a noun ("tests").
 */
export interface TenseClasses {
  present3sg: string[];
  present3sgAmbiguous: string[];
  nounFirst: string[];
  presentBase: string[];
  blockers: string[];
  determiners: string[];
  adverbs: string[];
  irregularPast: string[];
  irregularPlurals: string[];
}

/** The regular third person singular of a base form: "heal" → "heals", "fix" → "fixes", "carry" → "carries". */
export function regular3sg(base: string): string {
  const last = base.charCodeAt(base.length - 1);
  if (last === 121 /* y */ && base.length > 1 && !'aeiou'.includes(base[base.length - 2])) return `${base.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh|o)$/.test(base)) return `${base}es`;
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
  for (const entry of split(PRESENT_BASE)) {
    const last = entry.charCodeAt(entry.length - 1);
    const hasCode = (last >= 48 && last <= 57) || (last >= 65 && last <= 70);
    const word = hasCode ? entry.slice(0, -1) : entry;
    const bits = hasCode ? parseInt(entry[entry.length - 1], 16) : 0;
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
