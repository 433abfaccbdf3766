/**
 * Profiles: which items a case report must have, and the headings real manuscripts use
 * for each. Data only; the rules read it.
 */

/** How `unsupported-claim` reads the sentences under an item. */
export type ClaimMode =
  /** The patient's own story: only strong cues, or cues in a present-tense sentence, make a claim. */
  | 'case'
  /** Background, discussion, conclusions: every cue counts. */
  | 'discussion'
  /** Not looked at (reference list, consent, keywords, title). */
  | 'skip';

/** Content that satisfies an item without (or besides) its heading (analysis/evidence.ts). */
export type EvidenceKind = 'title' | 'keywords' | 'abstract' | 'timeline' | 'consent' | 'patient-perspective';

/**
 * What an item is for the code that reads it: every rule, view and analysis asks an item for
 * its roles, never for its id (the id is only the user's config key).
 */
export interface ItemRoles {
  /** How `unsupported-claim` treats sentences under it. */
  claimMode: ClaimMode;
  /**
   * Sentences under it are looked at for claims (in `claimMode`) only when this option of
   * `unsupported-claim` (or `claims` in the config) is on; it is off by default.
   */
  claimOption?: 'checkAbstract' | 'checkPatientPerspective';
  /**
   * The content that satisfies it without a heading (checklist, `required-section`). For
   * `title`, the document's title is the item: the checklist judges it by content only.
   */
  evidence?: EvidenceKind;
  /**
   * The abstract: sub-headings under it ("### Case presentation" of a structured abstract)
   * belong to it, not to the body items of the same name; in LaTeX it is an environment.
   */
  abstract?: true;
  /** The reference list (no prose: `overstated-claim` does not look at it). */
  referenceList?: true;
  /** A formal statement (consent, declarations): `overstated-claim` does not look at it. */
  declaration?: true;
  /** A heading of this item marks a document as a case report (manuscript detection). */
  marksCaseReport?: true;
  /** What the inserted template asks the writer to put in the section (required-section's fix). */
  hint?: string;
  /**
   * The item is often written inside the case presentation without a heading of its own
   * (investigations): when its heading is missing but the case presentation holds its content
   * (analysis/evidence.ts `inCaseEvidence`), `required-section` reports a warning that offers the
   * heading there, instead of the missing-section error.
   */
  inCase?: 'investigations';
  /**
   * The item is one of the statements the `declarations` rule checks (consent for publication,
   * the patient's perspective): when it is required, `declarations` reports it missing, and
   * `required-section` does not (one finding, not two).
   */
  declares?: DeclarationKind;
}

export interface ProfileItem extends ItemRoles {
  id: string;
  label: string;
  /** Accepted headings, as written in manuscripts (matched case-insensitively, numbering ignored). */
  headings: string[];
  /** Further heading shapes ("Case 1", "Case two"). */
  patterns?: RegExp[];
  /** Required by this profile (a missing one is a `required-section` error). */
  required: boolean;
  /**
   * Labels expected inside this section, for a structured abstract ("Background", "Case presentation",
   * "Conclusions"): reported by the checklist, never required by a rule.
   */
  parts?: string[];
  /**
   * Counted in the checklist's done/total (default true). False for items outside the guideline,
   * such as References, so that CARE shows "10/13" over its 13 items.
   */
  counted?: boolean;
}

export interface Profile {
  id: string;
  label: string;
  description: string;
  source?: string;
  items: ProfileItem[];
  /** Word and count limits and title rules (the `length-limit` rule, the checklist, the report). */
  limits?: ProfileLimits;
  /**
   * The statements the profile requires (the `declarations` rule), with the page they come from.
   * A required item with a `declares` role (consent, patient perspective) is listed here too.
   */
  declarations?: { required: DeclarationKind[]; source: string };
}

/** A number a journal sets (at least `min`, at most `max`), with the page it comes from. */
export interface CountLimit {
  min?: number;
  max?: number;
  /** Where the limit is published: "limit as published by …, <URL>". */
  source: string;
}

/** What `length-limit` counts; the keys of a profile's `limits` and of the config's `limits`. */
export const COUNT_IDS = ['abstractWords', 'mainTextWords', 'references', 'figures', 'tables', 'keywords'] as const;
export type CountId = (typeof COUNT_IDS)[number];

/** "case report" in the title: required (CARE item 1) or to be left out (BMJ Case Reports). */
export type TitleCaseReportRule = 'require' | 'avoid';

/**
 * A profile's limits. Only limits the journal or guideline publishes, each with its source; a
 * count without a limit is still counted and shown. The config's `limits` overrides any of them.
 */
export type ProfileLimits = { [K in CountId]?: CountLimit } & {
  titleCaseReport?: { rule: TitleCaseReportRule; source: string };
};


/** The statements a case report may have to carry (the `declarations` rule). */
export type DeclarationKind = 'consent' | 'ethics' | 'competing-interests' | 'funding' | 'author-contributions' | 'data-availability' | 'patient-perspective';

export interface DeclarationDefinition {
  kind: DeclarationKind;
  /** What the writer reads: "consent for publication statement". */
  label: string;
  /** The heading the quick fix inserts. */
  heading: string;
  /** Accepted headings (and run-in labels: "**Funding:** none"), as `ProfileItem.headings`. */
  headings: readonly string[];
  /**
   * The statement the quick fix inserts under the heading: the snippet's text with its first
   * choices (snippets/*.json, kept in step by test/snippets), or a TODO the writer fills in.
   */
  text: string;
}

const TODO = 'TODO:';

/** Every statement `declarations` knows, with its headings and the text its quick fix inserts. */
export const DECLARATIONS: Record<DeclarationKind, DeclarationDefinition> = {
  consent: {
    kind: 'consent', label: 'consent for publication statement', heading: 'Consent for publication',
    headings: [
      'consent', 'informed consent', 'patient consent', 'consent for publication', 'patient consent for publication',
      'consent to publish', 'consent to publication', 'informed consent statement', 'consent statement',
      'ethics and consent', 'ethical approval and consent to participate', 'ethics approval and consent to participate',
    ],
    text: 'Written informed consent for publication of this case report and any accompanying images was obtained from the patient.',
  },
  ethics: {
    kind: 'ethics', label: 'ethics statement', heading: 'Ethics approval',
    headings: [
      'ethics', 'ethics statement', 'ethical statement', 'ethics approval', 'ethical approval', 'ethics declaration',
      'ethics declarations', 'ethical considerations', 'ethics approval and consent to participate',
      'ethical approval and consent to participate', 'ethics and consent', 'institutional review board statement',
      'compliance with ethical standards',
    ],
    text: `${TODO} State whether ethics approval was needed and, if so, which committee gave it (or "Not applicable").`,
  },
  'competing-interests': {
    kind: 'competing-interests', label: 'competing interests statement', heading: 'Competing interests',
    headings: [
      'competing interests', 'competing interest', 'conflict of interest', 'conflicts of interest', 'conflict of interests',
      'conflict of interest statement', 'declaration of competing interest', 'declaration of competing interests',
      'declaration of interest', 'declaration of interests', 'declaration of conflicting interests', 'disclosure',
      'disclosures', 'disclosure statement', 'financial disclosure', 'financial disclosures', 'duality of interest',
    ],
    text: `${TODO} Declare any competing interests of the authors, or that there are none.`,
  },
  funding: {
    kind: 'funding', label: 'funding statement', heading: 'Funding',
    headings: ['funding', 'funding statement', 'funding information', 'funding sources', 'source of funding', 'sources of funding', 'financial support', 'grant support', 'role of the funding source'],
    text: `${TODO} Name the sources of funding, or state that the work received none.`,
  },
  'author-contributions': {
    kind: 'author-contributions', label: 'author contributions statement', heading: "Authors' contributions",
    headings: [
      "authors' contributions", 'authors contributions', "author's contributions", "authors' contribution", 'authors contribution',
      "author's contribution", 'author contributions', 'author contribution', 'contributors', 'contributorship',
      'contributorship statement', 'credit', 'credit authorship contribution statement', 'credit author statement', 'author statement',
    ],
    text: `${TODO} Say what each author did (for example with the CRediT roles).`,
  },
  'data-availability': {
    kind: 'data-availability', label: 'data availability statement', heading: 'Availability of data and materials',
    headings: [
      'data availability', 'data availability statement', 'availability of data and materials', 'availability of data and material',
      'availability of data', 'data sharing', 'data sharing statement', 'data access statement',
    ],
    text: `${TODO} State where the data can be found, or why they cannot be shared (or "Not applicable").`,
  },
  'patient-perspective': {
    kind: 'patient-perspective', label: "patient's perspective", heading: 'Patient perspective',
    headings: ['patient perspective', "patient's perspective", 'patients perspective', 'patient s perspective', "patients' perspective"],
    text: `${TODO} The patient shares their experience of the illness and its care, in their own words, if they wish.`,
  },
};

/** Headings that group the statements ("Declarations"): a missing one is inserted under them. */
export const DECLARATION_GROUP_HEADINGS: readonly string[] = ['declarations', 'statements and declarations', 'declaration', 'ethics declarations and statements'];

export const HEADINGS = {
  title: ['title'],
  keywords: ['keywords', 'key words', 'mesh terms'],
  abstract: ['abstract', 'summary', 'structured abstract', 'unstructured abstract'],
  introduction: ['introduction', 'background', 'intro'],
  case: [
    'case report', 'case reports', 'case presentation', 'case presentations', 'case description',
    'case descriptions', 'presentation of case', 'presentation of cases', 'case history', 'case histories',
    'clinical presentation', 'clinical case', 'clinical case report', 'case', 'cases', 'patient presentation',
    'case summary', 'the case', 'report of a case', 'report of the case', 'case study', 'case details',
    'patient and methods', 'patient information', 'history of present illness', 'history',
  ],
  investigations: [
    'investigations', 'investigation', 'diagnostic assessment', 'diagnostic work up', 'diagnostic workup',
    'diagnostic evaluation', 'diagnostic tests', 'diagnostic studies', 'diagnostic findings', 'diagnosis',
    'work up', 'workup', 'laboratory findings', 'laboratory investigations', 'laboratory results',
    'laboratory data', 'laboratory tests', 'results of investigations', 'imaging', 'imaging findings',
    'electrodiagnostic studies', 'electrodiagnostic findings', 'electrodiagnostic testing',
    'neurophysiology', 'neurophysiological studies', 'nerve conduction studies', 'investigations and results',
    'clinical findings and investigations',
    // The headings clinicians give the investigations of a case (often a sub-section of the case presentation).
    'electrophysiology', 'electrophysiological studies', 'electrophysiological findings', 'electrophysiological examination',
    'neurophysiological findings', 'neurophysiological examination', 'neurophysiological investigations',
    'electrodiagnosis', 'electromyography', 'emg', 'emg and nerve conduction studies', 'nerve conduction studies and emg',
    'nerve conduction studies and electromyography', 'nerve conduction study', 'neuroimaging', 'neuroimaging findings',
    'laboratory and imaging findings', 'imaging and laboratory findings', 'laboratory and imaging', 'laboratory',
    'blood tests', 'imaging studies', 'radiological findings', 'radiology', 'histopathology', 'histopathological findings',
    'pathology', 'pathological findings', 'genetic testing', 'genetic analysis', 'cerebrospinal fluid analysis',
  ],
  treatment: ['treatment', 'therapeutic intervention', 'therapeutic interventions', 'management', 'intervention', 'therapy', 'treatment and outcome'],
  outcome: ['outcome', 'outcomes', 'follow up', 'follow up and outcomes', 'outcome and follow up', 'course', 'clinical course', 'hospital course'],
  timeline: ['timeline', 'time line'],
  clinicalFindings: ['clinical findings', 'examination', 'physical examination', 'neurological examination', 'findings on examination'],
  patientInformation: ['patient information', 'history', 'case history', 'patient history'],
  discussion: ['discussion', 'discussion and conclusion', 'discussion and conclusions', 'comment', 'comments', 'discussion and review of the literature', 'discussion and literature review'],
  conclusion: ['conclusion', 'conclusions', 'learning points', 'take home messages', 'lessons learned'],
  differentialDiagnosis: ['differential diagnosis', 'differential diagnoses', 'differentials', 'differential'],
  learningPoints: [
    'learning points', 'learning points take home messages', 'take home messages', 'take home message',
    'take home points', 'key learning points', 'key messages', 'key points', 'lessons learned', 'lessons learnt',
  ],
  declarations: ['declarations', 'statements and declarations', 'ethics statement', 'ethics', 'ethical considerations'],
  patientPerspective: ['patient perspective', "patient's perspective", 'patients perspective', 'patient s perspective'],
  consent: [
    'consent', 'informed consent', 'patient consent', 'consent for publication', 'ethics and consent', 'ethical approval and consent to participate',
    'patient consent for publication', 'consent to publish', 'consent to publication', 'consent statement', 'informed consent statement',
  ],
  references: ['references', 'bibliography', 'literature cited', 'works cited', 'reference list', 'literature'],
} as const;

const CASE_PATTERNS = [/^case\s+(?:\d+|[ivx]+|one|two|three|four|five|[a-e])$/];

/** An item as the profiles share it: a profile adds `required` and may change label, headings, parts. */
type ItemDefinition = Omit<ProfileItem, 'required'>;

/**
 * Every item a profile can have, with its roles, by id. The profiles below take their items
 * from here; a custom required section from config with one of these ids takes its roles
 * (`itemRoles`).
 */
export const ITEMS = {
  title: {
    id: 'title', label: 'Title', headings: [...HEADINGS.title],
    claimMode: 'skip', evidence: 'title',
    hint: 'State the diagnosis or intervention and the words "case report".',
  },
  keywords: {
    id: 'keywords', label: 'Keywords', headings: [...HEADINGS.keywords],
    claimMode: 'skip', evidence: 'keywords',
    hint: 'Two to five keywords, including "case report".',
  },
  abstract: {
    id: 'abstract', label: 'Abstract', headings: [...HEADINGS.abstract],
    claimMode: 'discussion', claimOption: 'checkAbstract', evidence: 'abstract', abstract: true,
    hint: 'Summarise the background, the case, and the main lesson.',
  },
  introduction: {
    id: 'introduction', label: 'Introduction', headings: [...HEADINGS.introduction],
    claimMode: 'discussion',
    hint: 'Explain why this case is worth reporting, with references.',
  },
  case: {
    id: 'case', label: 'Case presentation', headings: [...HEADINGS.case], patterns: CASE_PATTERNS,
    claimMode: 'case', marksCaseReport: true,
    hint: "Describe the patient's presentation, history and examination.",
  },
  'patient-information': {
    id: 'patient-information', label: 'Patient information', headings: [...HEADINGS.patientInformation, ...HEADINGS.case], patterns: CASE_PATTERNS,
    claimMode: 'case',
    hint: "Describe the patient's demographics, main concerns and relevant history.",
  },
  'clinical-findings': {
    id: 'clinical-findings', label: 'Clinical findings', headings: [...HEADINGS.clinicalFindings],
    claimMode: 'case',
    hint: 'Describe the relevant physical examination findings.',
  },
  timeline: {
    id: 'timeline', label: 'Timeline', headings: [...HEADINGS.timeline],
    claimMode: 'case', evidence: 'timeline',
    hint: 'List the key events of the episode of care in order.',
  },
  investigations: {
    id: 'investigations', label: 'Investigations', headings: [...HEADINGS.investigations],
    claimMode: 'case', inCase: 'investigations',
    hint: 'Report the laboratory tests, imaging and other investigations, with results.',
  },
  'diagnostic-assessment': {
    id: 'diagnostic-assessment', label: 'Diagnostic assessment', headings: [...HEADINGS.investigations],
    claimMode: 'case', inCase: 'investigations',
    hint: 'Report the diagnostic tests, the differential diagnosis and the reasoning.',
  },
  'differential-diagnosis': {
    id: 'differential-diagnosis', label: 'Differential diagnosis', headings: [...HEADINGS.differentialDiagnosis],
    claimMode: 'discussion',
    hint: 'List the diagnoses considered and why each was accepted or rejected.',
  },
  treatment: {
    id: 'treatment', label: 'Treatment', headings: [...HEADINGS.treatment],
    claimMode: 'case',
    hint: 'Describe the treatment given, its dose and duration.',
  },
  'therapeutic-intervention': {
    id: 'therapeutic-intervention', label: 'Therapeutic intervention', headings: [...HEADINGS.treatment],
    claimMode: 'case',
    hint: 'Describe the treatment given, its dose and duration.',
  },
  'follow-up': {
    id: 'follow-up', label: 'Follow-up and outcomes', headings: [...HEADINGS.outcome],
    claimMode: 'case',
    hint: 'Describe the outcome, follow-up and any adverse events.',
  },
  /** In no profile; for a custom required section of that id. */
  outcome: {
    id: 'outcome', label: 'Outcome', headings: [...HEADINGS.outcome],
    claimMode: 'case',
  },
  discussion: {
    id: 'discussion', label: 'Discussion', headings: [...HEADINGS.discussion],
    claimMode: 'discussion',
    hint: 'Discuss the case against the literature, with references.',
  },
  conclusion: {
    id: 'conclusion', label: 'Conclusion', headings: [...HEADINGS.conclusion],
    claimMode: 'discussion',
    hint: 'State the main take-away lesson.',
  },
  'learning-points': {
    id: 'learning-points', label: 'Learning points/take home messages', headings: [...HEADINGS.learningPoints],
    claimMode: 'discussion',
    hint: 'Give three to five short take-home messages.',
  },
  'patient-perspective': {
    id: 'patient-perspective', label: 'Patient perspective', headings: [...HEADINGS.patientPerspective],
    claimMode: 'case', claimOption: 'checkPatientPerspective', evidence: 'patient-perspective', declares: 'patient-perspective',
    hint: 'The patient shares their experience, if they wish.',
  },
  consent: {
    id: 'consent', label: 'Consent', headings: [...HEADINGS.consent],
    claimMode: 'skip', evidence: 'consent', declaration: true, declares: 'consent',
    hint: 'State that written informed consent for publication was obtained from the patient.',
  },
  references: {
    id: 'references', label: 'References', headings: [...HEADINGS.references],
    claimMode: 'skip', referenceList: true, counted: false,
  },
} as const satisfies Record<string, ItemDefinition>;

type ItemId = keyof typeof ITEMS;

/** A profile's item: the shared definition, required or not, with the profile's own label, headings or parts. */
function item(id: ItemId, required: boolean, own: Partial<Pick<ProfileItem, 'label' | 'headings' | 'parts'>> = {}): ProfileItem {
  const def: ItemDefinition = ITEMS[id];
  return { ...def, headings: [...def.headings], ...(def.patterns ? { patterns: [...def.patterns] } : {}), required, ...own };
}

const ROLE_KEYS = ['claimMode', 'claimOption', 'evidence', 'abstract', 'referenceList', 'declaration', 'marksCaseReport', 'hint', 'inCase', 'declares'] as const satisfies readonly (keyof ItemRoles)[];
// Every role is listed: a role added to ItemRoles but not here fails to compile.
const ROLES_LISTED: Exclude<keyof ItemRoles, (typeof ROLE_KEYS)[number]> extends never ? true : never = true;
void ROLES_LISTED;

/**
 * The roles of an item by id, for a custom required section from config: those of the item of
 * that id (a custom "timeline" is satisfied by a timeline table, a custom "outcome" is the
 * patient's story), else prose read like the discussion.
 */
export function itemRoles(id: string): ItemRoles {
  const def: ItemDefinition | undefined = Object.prototype.hasOwnProperty.call(ITEMS, id) ? ITEMS[id as ItemId] : undefined;
  if (!def) return { claimMode: 'discussion' };
  const roles: Partial<Record<keyof ItemRoles, unknown>> = {};
  for (const k of ROLE_KEYS) if (def[k] !== undefined) roles[k] = def[k];
  return roles as unknown as ItemRoles;
}

export const PROFILES: Record<string, Profile> = {
  default: {
    id: 'default',
    label: 'Default',
    description: 'Abstract, case presentation, investigations and discussion; consent for publication.',
    declarations: {
      required: ['consent'],
      source: "ICMJE Recommendations, Protection of Research Participants (a patient's written informed consent to publish), https://www.icmje.org/recommendations/browse/roles-and-responsibilities/protection-of-research-participants.html; CARE checklist item 13",
    },
    items: [
      item('abstract', true),
      item('introduction', false),
      item('case', true),
      item('investigations', true),
      item('discussion', true),
      item('conclusion', false),
      item('patient-perspective', false),
      item('consent', true),
      item('references', false),
    ],
  },
  care: {
    id: 'care',
    label: 'CARE checklist',
    description: 'The 13 items of the CARE case report guideline.',
    source: 'Gagnier JJ et al. The CARE guidelines: consensus-based clinical case reporting guideline development. 2013; https://www.care-statement.org/checklist',
    declarations: {
      required: ['patient-perspective', 'consent'],
      source: 'CARE checklist items 12 (patient perspective) and 13 (informed consent), https://www.care-statement.org/checklist',
    },
    items: [
      item('title', false),
      item('keywords', true),
      item('abstract', true),
      item('introduction', true),
      item('patient-information', true),
      item('clinical-findings', true),
      item('timeline', true),
      item('diagnostic-assessment', true),
      item('therapeutic-intervention', true),
      item('follow-up', true),
      item('discussion', true),
      item('patient-perspective', true),
      item('consent', true, { label: 'Informed consent' }),
      item('references', false),
    ],
    limits: {
      keywords: { min: 2, max: 5, source: 'CARE checklist item 2 ("2 to 5 key words"), https://www.care-statement.org/checklist' },
      titleCaseReport: { rule: 'require', source: 'CARE checklist item 1 (the diagnosis or intervention followed by the words "case report"), https://www.care-statement.org/checklist' },
    },
  },
  'bmj-case-reports': {
    id: 'bmj-case-reports',
    label: 'BMJ Case Reports',
    description: 'The case report template of BMJ Case Reports: summary, background, case presentation, investigations, differential diagnosis, treatment, outcome and follow-up, discussion, learning points.',
    source: 'BMJ Case Reports, Instructions for authors, "Case reports" template (https://casereports.bmj.com/pages/authors/); taken from the published instructions as known, which may change',
    declarations: {
      required: ['consent', 'competing-interests', 'funding', 'author-contributions'],
      source: 'BMJ Case Reports, Instructions for authors (https://casereports.bmj.com/pages/authors/): patient consent for publication, contributors, funding and competing interests statements; taken from the published instructions as known, which may change',
    },
    items: [
      item('abstract', true, { label: 'Summary' }),
      item('introduction', true, { label: 'Background' }),
      item('case', true),
      item('investigations', true),
      item('differential-diagnosis', true),
      item('treatment', true),
      item('follow-up', true, { label: 'Outcome and follow-up' }),
      item('discussion', true),
      item('learning-points', true),
      item('patient-perspective', false, { label: "Patient's perspective" }),
      item('references', false),
    ],
    limits: {
      abstractWords: { max: 150, source: 'limit as published by the journal\'s author guidelines (full case template: a summary of at most 150 words), https://casereports.bmj.com/pages/authors/' },
      mainTextWords: { max: 2000, source: 'limit as published by the journal\'s author guidelines (no official word count; 2000 words recommended, abstract and references excluded), https://casereports.bmj.com/pages/authors/' },
      titleCaseReport: { rule: 'avoid', source: 'limit as published by the journal\'s author guidelines (full case template: do not include "a case report" in the title), https://casereports.bmj.com/pages/authors/' },
    },
  },
  jmcr: {
    id: 'jmcr',
    label: 'J Med Case Reports',
    description: 'Journal of Medical Case Reports (BMC): structured abstract, keywords, background, case presentation, discussion and conclusions, declarations with consent for publication.',
    source: 'Journal of Medical Case Reports, Submission guidelines, "Case report" article type (https://jmedicalcasereports.biomedcentral.com/submission-guidelines/preparing-your-manuscript/case-report); taken from the published instructions as known, which may change',
    declarations: {
      required: ['ethics', 'consent', 'data-availability', 'competing-interests', 'funding', 'author-contributions'],
      source: 'Journal of Medical Case Reports, Submission guidelines, "Case report" article type, section "Declarations" (https://jmedicalcasereports.biomedcentral.com/submission-guidelines/preparing-your-manuscript/case-report): ethics approval and consent to participate, consent for publication, availability of data and materials, competing interests, funding, authors\' contributions ("Not applicable" where one does not apply); taken from the published instructions as known, which may change',
    },
    items: [
      item('abstract', true, { parts: ['Background', 'Case presentation', 'Conclusions'] }),
      item('keywords', true),
      item('introduction', true, { label: 'Background' }),
      item('case', true),
      item('discussion', true, { label: 'Discussion and conclusions', headings: [...HEADINGS.discussion, ...HEADINGS.conclusion] }),
      item('consent', true, {
        label: 'Consent for publication (Declarations)',
        headings: [...HEADINGS.consent, ...HEADINGS.declarations, 'ethics approval and consent to participate'],
      }),
      item('references', false),
    ],
  },
  ajcr: {
    id: 'ajcr',
    label: 'Am J Case Rep',
    description: 'American Journal of Case Reports: structured abstract (objective, background, case report, conclusions), background, case report, discussion, conclusions.',
    source: 'American Journal of Case Reports, Instructions for authors (https://www.amjcaserep.com/page/instructions); taken from the published instructions as known, which may change',
    declarations: {
      required: ['competing-interests', 'funding'],
      source: 'American Journal of Case Reports, Instructions for authors (https://www.amjcaserep.com/page/instructions): conflict of interest and financial support statements; taken from the published instructions as known, which may change',
    },
    items: [
      item('abstract', true, { parts: ['Objective', 'Background', 'Case Report', 'Conclusions'] }),
      item('keywords', false),
      item('introduction', true, { label: 'Background' }),
      item('case', true, { label: 'Case Report' }),
      item('discussion', true),
      item('conclusion', true, { label: 'Conclusions' }),
      item('references', false),
    ],
  },
};

/** Lower case, straight apostrophes, hyphens and runs of space folded to one space. */
export function normalizeHeading(text: string): string {
  let n = normalizedCache.get(text);
  if (n === undefined) {
    n = text
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`]/g, "'")
      .replace(/[\s\-\u2010\u2011\u2012\u2013\u2014_/]+/g, ' ')
      .replace(/[.:;,!?]+$/g, '')
      .trim();
    // Headings and synonyms repeat across items and checks; keep the cache bounded.
    if (normalizedCache.size > 10_000) normalizedCache.clear();
    normalizedCache.set(text, n);
  }
  return n;
}
const normalizedCache = new Map<string, string>();

const CONTINUATIONS = /^(?:and|&|with|of|:|including|in)\b|^[:(]/;

/** An item's headings normalised, once per headings list (every heading of every check asks). */
const normalizedHeadings = new WeakMap<readonly string[], string[]>();
function normalizedList(headings: readonly string[]): string[] {
  let list = normalizedHeadings.get(headings);
  if (!list) {
    list = headings.map(normalizeHeading);
    normalizedHeadings.set(headings, list);
  }
  return list;
}

/** Is h the synonym s, or s followed by a continuation? */
function matchesSynonym(h: string, s: string): boolean {
  if (h === s) return true;
  if (h.length <= s.length + 1 || !h.startsWith(s)) return false;
  const next = h.charCodeAt(s.length);
  // "Case report: a 54-year-old man" (the colon follows the synonym without a space).
  if (next === 58) return true;
  // "Discussion and conclusions", "Case report and review of the literature".
  return next === 32 && CONTINUATIONS.test(h.slice(s.length + 1));
}

/** Does a heading (clean text) satisfy a profile item? */
export function headingMatches(item: ProfileItem, headingText: string, extra: readonly string[] = []): boolean {
  const h = normalizeHeading(headingText);
  if (!h) return false;
  for (const s of normalizedList(item.headings)) if (matchesSynonym(h, s)) return true;
  for (const syn of extra) if (matchesSynonym(h, normalizeHeading(syn))) return true;
  return item.patterns?.some((p) => p.test(h)) ?? false;
}

export function getProfile(id: string): Profile | undefined {
  return Object.prototype.hasOwnProperty.call(PROFILES, id) ? PROFILES[id] : undefined;
}

export function isReferencesHeading(text: string): boolean {
  const h = normalizeHeading(text);
  return (HEADINGS.references as readonly string[]).includes(h);
}

/**
 * Abbreviations that medical journals let authors use without spelling them out, for the
 * `abbreviation` rule. A short list compiled for caselint in the spirit of the AMA Manual of
 * Style (11th ed., 14.11, abbreviations that may be used without expansion) and the BMJ's
 * guidance that only very common abbreviations (such as DNA, HIV, CT, MRI) need no definition; it
 * is not a copy of either list, and journals differ: extend it with the rule's `known` option.
 */
export const WELL_KNOWN_ABBREVIATIONS = {
  source: 'Compiled for caselint after the AMA Manual of Style (11th ed., 14.11) and the BMJ\'s author guidance on abbreviations; not a copy of either list',
  terms: [
    'DNA', 'RNA', 'mRNA', 'HIV', 'AIDS', 'CT', 'MRI', 'PET', 'ECG', 'EKG', 'EEG', 'EMG', 'ICU', 'UK', 'USA', 'US', 'WHO',
    'PCR', 'IgG', 'IgM', 'IgA', 'IgE', 'BMI', 'SD', 'SE', 'CI', 'OR', 'HR', 'IQR', 'COVID', 'SARS', 'A&E', 'ED', 'MD', 'PhD',
  ],
} as const;
