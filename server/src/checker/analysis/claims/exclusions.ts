import type { ClaimClause, ClaimExclusion } from './types';

/**
 * What is not a claim. Sentence exclusions say a sentence is about this patient or this report
 * (they block every cue that is not strong); section and paragraph exclusions say where claims
 * are not looked for at all. Data only; classify.ts reads it.
 */
export const SENTENCE_EXCLUSIONS: readonly ClaimExclusion[] = [
  {
    name: 'this patient',
    kind: 'patient',
    triggers: ['patient', 'patients', 'proband', 'boy', 'girl', 'man', 'woman', 'child', 'infant', 'siblings', 'sibling', 'baby', 'neonate'],
    // Singular "the patient", "our patient's"; plural only when clearly ours ("both patients",
    // "our two patients"): "the patients who have X" is a generic plural. "The patient" is any
    // patient after a conditional or a general verb ("if the patient is at risk", "allows the
    // patient time to adapt") and with a generic adjective ("the adult patient").
    pattern: /\b(?:(?<!\b(?:if|when|whenever|unless|once|until|allows?|predispos(?:e|es)|puts?|places?|exposes?|enables?|requires?|forces?|leaves?)\s+)the\s+(?!(?:adult|paediatric|pediatric|typical|average|individual)\s+patient\b)(?:[\p{L}-]+\s+)?(?:patient|proband|boy|girl|man|woman|child|infant|sibling|baby|neonate)(?!s)|(?:our|this|that|index|present|same|first|second|third|older|younger|each)\s+(?:[\p{L}-]+\s+)?(?:patient|proband|boy|girl|man|woman|child|infant|sibling|baby|neonate)(?!s)|(?:our|both|these\s+two|the\s+two|the\s+three|all\s+three|our\s+two)\s+(?:[\p{L}-]+\s+)?(?:patients|siblings|children|brothers|sisters|cases))\b/iu,
    examples: {
      claims: [
        'If the patient is at risk of falls, quinine is best avoided.',
        'Treatment allows the patient time to adapt.',
        'The adult patient tolerates higher doses.',
        'The patients who have bulbar onset progress faster.',
      ],
      leaves: ['The patient is still followed up in clinic.'],
      caseLeaves: ['The patient was treated with bismuth subsalicylate.'],
    },
  },
  {
    name: 'pronoun for the patient',
    kind: 'patient',
    triggers: ['he', 'she', 'his', 'her', 'him', 'hers', 'himself', 'herself'],
    pattern: /\b(?:he|she|his|her|him|hers|himself|herself)\b/iu,
    triggerIsEnough: true,
    examples: { leaves: ['She is still followed up in clinic.', 'Her cramps respond to mexiletine.'] },
  },
  {
    name: 'this case or report',
    kind: 'report',
    triggers: ['case', 'cases', 'report', 'study', 'paper', 'article', 'manuscript', 'presentation'],
    pattern: /\b(?:our|this|the\s+present|the\s+current|the\s+index|the\s+above|the\s+described)\s+(?:\p{L}+\s+)?(?:case|cases|report|study|paper|article|manuscript|presentation)\b/iu,
    examples: { leaves: ['This case shows how the diagnosis can be missed.'] },
  },
  {
    name: 'the authors (we, our)',
    kind: 'report',
    triggers: ['we', 'our', 'ours', 'ourselves'],
    pattern: /\b(?:we|ours?|ourselves)\b/iu,
    triggerIsEnough: true,
    examples: {
      leaves: [
        'We report a case of lymphocytic colitis.',
        'We have not seen this pattern before.',
        'In our case, the cramps responded to mexiletine.',
      ],
    },
  },
  {
    name: 'the authors (us)',
    kind: 'report',
    triggers: ['us'],
    // In lower case only: "the US" is a country.
    pattern: /\bus\b/u,
    examples: {
      claims: ['The US has one of the highest rates of opioid prescribing.'],
      leaves: ['This history leads us to suspect a toxic cause.', 'He was referred to us with cramps.'],
    },
  },
  {
    name: 'figure or table call-out',
    kind: 'skip',
    triggers: ['figure', 'fig', 'figures', 'table', 'tables', 'video', 'supplementary', 'appendix'],
    pattern: /^(?:\(?\s*(?:see\s+|as\s+(?:shown|seen|summari[sz]ed)\s+in\s+)?(?:fig(?:ure)?s?\.?|tables?|video|supplementary|appendix)\s*(?:S?\d+|[A-Z]\b))/iu,
    examples: { leaves: ['Figure 2 shows the axial MRI.'] },
  },
];

/**
 * Clauses judged on their own (by the cues, not by the present-tense fallback) when the
 * sentence as a whole is about this patient or this report.
 */
export const CLAIM_CLAUSES: readonly ClaimClause[] = [
  {
    // A non-restrictive relative clause has its own subject: a general fact.
    name: 'relative clause (", which prolongs")',
    when: 'patient',
    pattern: /,\s+which\s+(?=(?:\p{L}+ly\s+)?(?:is|are|has|have|can|may|might|will|\p{L}+s)\b)/u,
    examples: {
      caseClaims: ['She received riluzole, which prolongs survival in this disease.'],
      caseLeaves: ['She received riluzole, which was stopped after a month.'],
    },
  },
  {
    // The authors' framing verb before a statement that is judged on its own.
    name: 'the authors\' framing ("we postulate that")',
    when: 'report',
    pattern: /\bwe\s+(?:(?:also|therefore|thus|now|strongly|would|further)\s+)*(?:postulate|believe|think|propose|suggest|hypothesi[sz]e|speculate|assume|presume|conclude|argue|infer|feel)\s+that\s+/iu,
    examples: {
      claims: ['We postulate that some older adults with cramps have a subclinical neuropathy.'],
      leaves: ['We postulate that the cramps in our patient were neuropathic.'],
    },
  },
];

/**
 * Back-matter headings that hold no claims (matched after lower-casing, numbering and
 * punctuation removed, by prefix): declarations, contributions, funding...
 */
export const SKIPPED_HEADINGS: readonly string[] = [
  'abbreviations', 'list of abbreviations', 'acknowledgements', 'acknowledgments', 'acknowledgement', 'acknowledgment',
  'competing interests', 'conflict of interest', 'conflicts of interest', 'declaration of interest', 'declarations',
  'disclosure', 'disclosures', 'funding', 'financial support', 'sources of funding', 'authors contributions',
  'author contributions', 'authors contribution', 'contributors', 'author information', 'authors information',
  'availability of data', 'data availability', 'ethics', 'ethical approval', 'ethics approval', 'consent',
  'supplementary material', 'supplementary materials', 'additional files', 'keywords', 'key words', 'affiliations',
  'correspondence', 'references', 'bibliography', 'notes', 'footnotes', 'orcid',
];

/** A run-in label that opens an abstract written without a heading: "**Abstract** Lymphocytic colitis...". */
export const ABSTRACT_RUN_IN = /^\s*(?:abstract|summary)(?:\s*[:.\u2014\u2013-]|\s+(?=\p{Lu}))/iu;

/** Run-in labels of a structured abstract ("Background:", "Case presentation", "Conclusions"). */
export const ABSTRACT_PART_RUN_IN =
  /^\s*(?:background|introduction|objectives?|aims?|context|case\s+(?:presentation|report|description|summary)s?|presentation\s+of\s+cases?|methods?|results?|findings|discussion|conclusions?|learning\s+points?|importance|observations?|relevance)(?:\s*[:.\u2014\u2013-]|\s+(?=\p{Lu}))/iu;

/** A keywords line ("Keywords: ALS, cramps") holds no sentences to check. */
export const KEYWORDS_RUN_IN = /^\s*key\s*-?\s*words?\s*[:.]/iu;

/**
 * A citation still to be found ("[citation needed]", "[ref]", "[?]"): the sentence is not
 * reported again; the `placeholder` rule reports the marker until it is filled in.
 */
export const PENDING_CITATION = /\[(?:citations?(?:\s+needed)?|refs?(?:\s+needed)?|references?(?:\s+needed)?|cite|source|\?)\]/i;
