export * from './types';
export { CATEGORY_INFO, CLAIM_CUES, PRESENT_TENSE_CUE, PRESENT_TENSE_WORDS } from './cues';
export { SENTENCE_EXCLUSIONS, SKIPPED_HEADINGS } from './exclusions';
export { classifySentence, analyseSentence, generalises } from './classify';
export { OVERSTATEMENTS, findOverstatements, alternativeFor, type Overstatement, type OverstatementMatch } from './overstatements';
