export * from './types';
export { CATEGORY_INFO, CLAIM_CUES, CLAIM_WORD_SETS, GENERIC_SUBJECT, PRESENT_TENSE_CUE, PRESENT_TENSE_WORDS } from './cues';
export { SENTENCE_EXCLUSIONS, CLAIM_CLAUSES, CLAIM_FRAMES, SKIPPED_HEADINGS } from './exclusions';
export { CLAIM_DATA, classifySentence, analyseSentence, decide, features, generalises, makeClassifier, traceOf, type ClaimClassifier, type Decision, type SentenceAnalysis, type SentenceContext, type SentenceFeatures, type SentenceSubject } from './classify';
export { OVERSTATEMENTS, findOverstatements, alternativeFor, makeOverstatementFinder, type Overstatement, type OverstatementMatch } from './overstatements';
