/**
 * The claim classifier's word classes for tense, derived from an English lexicon at build time
 * (`npm run schema` writes analysis/claims/lexicon.generated.ts): the finite present verb forms
 * (Penn tags VBZ, VBP/VB), which of them are also nouns or adjectives (context decides), the
 * function words after which a form is a noun or an infinitive, the adverbs that may stand
 * between a subject and its verb, the irregular past forms and plurals.
 *
 * The lexicon is `en-lexicon` (MIT; about 112,000 words with Penn part-of-speech tags, most
 * frequent first, grown from Eric Brill's tagger lexicon): a devDependency only, nothing of it
 * is loaded at run time but this table. test/checker/claims-lexicon.test.ts fails while the
 * committed table is stale.
 */
import { join } from 'node:path';
import enLexicon from 'en-lexicon/dist/lexicon';
import { BASE_NOUN_FIRST, regular3sg, S_AMBIGUOUS, S_NOUN_FIRST, S_VERB, type TenseClasses } from '../src/checker/analysis/claims/lexicon';

export const LEXICON_TS = join(__dirname, '..', 'src', 'checker', 'analysis', 'claims', 'lexicon.generated.ts');

/** Tags of closed classes and adverbs: a word tagged so first is no content verb ("a DT|VB", "as IN|…|VBZ"). */
const FUNCTION_FIRST = new Set(['MD', 'DT', 'PDT', 'IN', 'TO', 'CC', 'PRP', 'PRP$', 'WDT', 'WP', 'WP$', 'WRB', 'EX', 'CD', 'UH', 'POS', 'LS', 'RP', 'RB', 'RBR', 'RBS', 'SYM', 'FW']);
/** Tags after which the next ambiguous present form is a noun or an infinitive ("to include", "the results", "of causes"). */
const BLOCKER_FIRST = new Set(['DT', 'PDT', 'IN', 'TO', 'CC', 'PRP$', 'WP$', 'CD']);
/** Tags that make a present form a noun or an adjective too. */
const NOMINAL = new Set(['NN', 'NNS', 'JJ']);
/** Tags that open a noun phrase ("the", "its", "two"): right after an ambiguous form, its object ("Ischaemia damages the fibres found…"). */
const DETERMINER_FIRST = new Set(['DT', 'PDT', 'PRP$', 'WP$', 'CD']);

/**
 * Closed classes the classifier keeps in its own short list (cues.ts, AUXILIARY_PRESENT): the
 * finite forms of "be", "have" and "do" (the lexicon tags them with noise, "is VBZ|RB|NNS|VBP")
 * and the modals (its MD words include dialect spellings and tokenizer fragments, "ca" of
 * "can't", "mai", "wil"; "would" and "could" state a condition and are not read as present).
 */
const NOT_PRESENT = new Set(['would', 'could', 'is', 'are', 'am', 'has', 'have', 'does', 'do', 'was', 'were', 'had', 'did', 'be', 'been', 'being']);

/** The word classes, as the checker reads them back (claims/lexicon.ts). */
export type LexiconClasses = TenseClasses;

/** The word classes, from the lexicon (lower-case words of letters only). */
export function lexiconClasses(lexicon: Readonly<Record<string, string>> = enLexicon): LexiconClasses {
  const out: LexiconClasses = { present3sg: [], present3sgAmbiguous: [], nounFirst: [], presentBase: [], blockers: [], determiners: [], adverbs: [], irregularPast: [], irregularPlurals: [] };
  for (const word of Object.keys(lexicon)) {
    if (!/^[a-z]+$/.test(word)) continue;
    const tags = lexicon[word].split('|').filter((t) => /^[A-Z$]+$/.test(t));
    const first = tags[0];
    if (!first) continue;
    if (BLOCKER_FIRST.has(first)) out.blockers.push(word);
    if (DETERMINER_FIRST.has(first)) out.determiners.push(word);
    if (first === 'RB' && !word.endsWith('ly')) out.adverbs.push(word);
    if ((first === 'VBD' || first === 'VBN') && !word.endsWith('ed')) out.irregularPast.push(word);
    if (first === 'NNS' && !word.endsWith('s') && word.length >= 3) out.irregularPlurals.push(word);
    if (NOT_PRESENT.has(word) || word.length < 2) continue; // not a fragment the tokenizer leaves ("s" of "patient's")
    if (FUNCTION_FIRST.has(first) || first === 'VBD' || first === 'VBN' || first === 'VBG') continue;
    const nominal = tags.some((t) => NOMINAL.has(t));
    if (tags.includes('VBZ')) {
      if (!nominal) out.present3sg.push(word);
      else {
        out.present3sgAmbiguous.push(word);
        if (NOMINAL.has(first)) out.nounFirst.push(word);
      }
    } else if (tags.includes('VB') || tags.includes('VBP')) {
      out.presentBase.push(word);
      if (NOMINAL.has(first)) out.nounFirst.push(word);
    }
  }
  for (const list of Object.values(out) as string[][]) list.sort();
  return out;
}

/**
 * The source of the generated module: each class one space-separated string (compact to ship,
 * split once at load), the regular -s forms folded into their base forms (analysis/claims/lexicon.ts
 * reads them back).
 */
export function lexiconSource(): string {
  const c = lexiconClasses();
  const s3 = new Set(c.present3sg);
  const a3 = new Set(c.present3sgAmbiguous);
  const nf = new Set(c.nounFirst);
  const folded = new Set<string>();
  const base = c.presentBase.map((b) => {
    let bits = nf.has(b) ? BASE_NOUN_FIRST : 0;
    const s = regular3sg(b);
    if (s3.has(s) || a3.has(s)) {
      bits |= s3.has(s) ? S_VERB : S_AMBIGUOUS;
      if (nf.has(s)) bits |= S_NOUN_FIRST;
      folded.add(s);
    }
    return bits ? b + bits.toString(16).toUpperCase() : b;
  });
  const rest = (list: string[]) => list.filter((w) => !folded.has(w));
  const rows: [string, string, string[]][] = [
    ['PRESENT_BASE', 'Base forms (VB, VBP): present only after a plural subject ("adults heal"); a hexadecimal digit after one tells its regular -s form (analysis/claims/lexicon.ts).', base],
    ['PRESENT_3SG', 'Other third person singular present forms (VBZ) tagged only as verbs.', rest(c.present3sg)],
    ['PRESENT_3SG_AMBIGUOUS', 'Other VBZ forms also tagged as nouns or adjectives ("works", "results"): verbs only in context.', rest(c.present3sgAmbiguous)],
    ['NOUN_FIRST', 'Other -s forms whose more frequent tag is the noun.', c.nounFirst.filter((w) => !folded.has(w) && !c.presentBase.includes(w))],
    ['FUNCTION_WORDS', 'Function words: an ambiguous present form right after one is a noun or an infinitive.', c.blockers],
    ['DETERMINERS', 'Determiners, possessives and numbers: right after an ambiguous form they open its object ("damages the fibres found…").', c.determiners],
    ['ADVERBS', 'Adverbs (RB) not ending in -ly: skipped between a subject and its verb.', c.adverbs],
    ['IRREGULAR_PAST', 'Past forms (VBD, VBN) not ending in -ed: an ambiguous form right before one is a noun.', c.irregularPast],
    ['IRREGULAR_PLURALS', 'Plural nouns (NNS) not ending in -s: subjects of a base form.', c.irregularPlurals],
  ];
  return (
    '// Generated by `npm run schema` (server/scripts/lexicon.ts) from the en-lexicon package (MIT): do not edit.\n' +
    '// Word classes for reading the present tense (analysis/claims/lexicon.ts decodes them, cues.ts builds its word sets).\n' +
    rows.map(([name, doc, words]) => `/** ${doc} (${words.length} words) */\nexport const ${name} = ${JSON.stringify(words.join(' '))};\n`).join('')
  );
}
