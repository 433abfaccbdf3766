/**
 * Profiles: which items a case report must have, and the headings real manuscripts use
 * for each. Data only; the rules read it.
 */

export interface ProfileItem {
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
}

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
  consent: ['consent', 'informed consent', 'patient consent', 'consent for publication', 'ethics and consent', 'ethical approval and consent to participate'],
  references: ['references', 'bibliography', 'literature cited', 'works cited', 'reference list', 'literature'],
} as const;

const CASE_PATTERNS = [/^case\s+(?:\d+|[ivx]+|one|two|three|four|five|[a-e])$/];

export const PROFILES: Record<string, Profile> = {
  default: {
    id: 'default',
    label: 'Default',
    description: 'Abstract, case presentation, investigations and discussion.',
    items: [
      { id: 'abstract', label: 'Abstract', headings: [...HEADINGS.abstract], required: true },
      { id: 'introduction', label: 'Introduction', headings: [...HEADINGS.introduction], required: false },
      { id: 'case', label: 'Case presentation', headings: [...HEADINGS.case], patterns: CASE_PATTERNS, required: true },
      { id: 'investigations', label: 'Investigations', headings: [...HEADINGS.investigations], required: true },
      { id: 'discussion', label: 'Discussion', headings: [...HEADINGS.discussion], required: true },
      { id: 'conclusion', label: 'Conclusion', headings: [...HEADINGS.conclusion], required: false },
      { id: 'patient-perspective', label: 'Patient perspective', headings: [...HEADINGS.patientPerspective], required: false },
      { id: 'consent', label: 'Consent', headings: [...HEADINGS.consent], required: false },
      { id: 'references', label: 'References', headings: [...HEADINGS.references], required: false, counted: false },
    ],
  },
  care: {
    id: 'care',
    label: 'CARE checklist',
    description: 'The 13 items of the CARE case report guideline.',
    source: 'Gagnier JJ et al. The CARE guidelines: consensus-based clinical case reporting guideline development. 2013; https://www.care-statement.org/checklist',
    items: [
      { id: 'title', label: 'Title', headings: [...HEADINGS.title], required: false },
      { id: 'keywords', label: 'Keywords', headings: [...HEADINGS.keywords], required: true },
      { id: 'abstract', label: 'Abstract', headings: [...HEADINGS.abstract], required: true },
      { id: 'introduction', label: 'Introduction', headings: [...HEADINGS.introduction], required: true },
      { id: 'patient-information', label: 'Patient information', headings: [...HEADINGS.patientInformation, ...HEADINGS.case], patterns: CASE_PATTERNS, required: true },
      { id: 'clinical-findings', label: 'Clinical findings', headings: [...HEADINGS.clinicalFindings], required: true },
      { id: 'timeline', label: 'Timeline', headings: [...HEADINGS.timeline], required: true },
      { id: 'diagnostic-assessment', label: 'Diagnostic assessment', headings: [...HEADINGS.investigations], required: true },
      { id: 'therapeutic-intervention', label: 'Therapeutic intervention', headings: [...HEADINGS.treatment], required: true },
      { id: 'follow-up', label: 'Follow-up and outcomes', headings: [...HEADINGS.outcome], required: true },
      { id: 'discussion', label: 'Discussion', headings: [...HEADINGS.discussion], required: true },
      { id: 'patient-perspective', label: 'Patient perspective', headings: [...HEADINGS.patientPerspective], required: true },
      { id: 'consent', label: 'Informed consent', headings: [...HEADINGS.consent], required: true },
      { id: 'references', label: 'References', headings: [...HEADINGS.references], required: false, counted: false },
    ],
  },
  'bmj-case-reports': {
    id: 'bmj-case-reports',
    label: 'BMJ Case Reports',
    description: 'The case report template of BMJ Case Reports: summary, background, case presentation, investigations, differential diagnosis, treatment, outcome and follow-up, discussion, learning points.',
    source: 'BMJ Case Reports, Instructions for authors, "Case reports" template (https://casereports.bmj.com/pages/authors/); taken from the published instructions as known, which may change',
    items: [
      { id: 'abstract', label: 'Summary', headings: [...HEADINGS.abstract], required: true },
      { id: 'introduction', label: 'Background', headings: [...HEADINGS.introduction], required: true },
      { id: 'case', label: 'Case presentation', headings: [...HEADINGS.case], patterns: CASE_PATTERNS, required: true },
      { id: 'investigations', label: 'Investigations', headings: [...HEADINGS.investigations], required: true },
      { id: 'differential-diagnosis', label: 'Differential diagnosis', headings: [...HEADINGS.differentialDiagnosis], required: true },
      { id: 'treatment', label: 'Treatment', headings: [...HEADINGS.treatment], required: true },
      { id: 'follow-up', label: 'Outcome and follow-up', headings: [...HEADINGS.outcome], required: true },
      { id: 'discussion', label: 'Discussion', headings: [...HEADINGS.discussion], required: true },
      { id: 'learning-points', label: 'Learning points/take home messages', headings: [...HEADINGS.learningPoints], required: true },
      { id: 'patient-perspective', label: "Patient's perspective", headings: [...HEADINGS.patientPerspective], required: false },
      { id: 'references', label: 'References', headings: [...HEADINGS.references], required: false, counted: false },
    ],
  },
  jmcr: {
    id: 'jmcr',
    label: 'J Med Case Reports',
    description: 'Journal of Medical Case Reports (BMC): structured abstract, keywords, background, case presentation, discussion and conclusions, declarations with consent for publication.',
    source: 'Journal of Medical Case Reports, Submission guidelines, "Case report" article type (https://jmedicalcasereports.biomedcentral.com/submission-guidelines/preparing-your-manuscript/case-report); taken from the published instructions as known, which may change',
    items: [
      { id: 'abstract', label: 'Abstract', headings: [...HEADINGS.abstract], required: true, parts: ['Background', 'Case presentation', 'Conclusions'] },
      { id: 'keywords', label: 'Keywords', headings: [...HEADINGS.keywords], required: true },
      { id: 'introduction', label: 'Background', headings: [...HEADINGS.introduction], required: true },
      { id: 'case', label: 'Case presentation', headings: [...HEADINGS.case], patterns: CASE_PATTERNS, required: true },
      { id: 'discussion', label: 'Discussion and conclusions', headings: [...HEADINGS.discussion, ...HEADINGS.conclusion], required: true },
      {
        id: 'consent',
        label: 'Consent for publication (Declarations)',
        headings: [...HEADINGS.consent, ...HEADINGS.declarations, 'ethics approval and consent to participate'],
        required: true,
      },
      { id: 'references', label: 'References', headings: [...HEADINGS.references], required: false, counted: false },
    ],
  },
  ajcr: {
    id: 'ajcr',
    label: 'Am J Case Rep',
    description: 'American Journal of Case Reports: structured abstract (objective, background, case report, conclusions), background, case report, discussion, conclusions.',
    source: 'American Journal of Case Reports, Instructions for authors (https://www.amjcaserep.com/page/instructions); taken from the published instructions as known, which may change',
    items: [
      { id: 'abstract', label: 'Abstract', headings: [...HEADINGS.abstract], required: true, parts: ['Objective', 'Background', 'Case Report', 'Conclusions'] },
      { id: 'keywords', label: 'Keywords', headings: [...HEADINGS.keywords], required: false },
      { id: 'introduction', label: 'Background', headings: [...HEADINGS.introduction], required: true },
      { id: 'case', label: 'Case Report', headings: [...HEADINGS.case], patterns: CASE_PATTERNS, required: true },
      { id: 'discussion', label: 'Discussion', headings: [...HEADINGS.discussion], required: true },
      { id: 'conclusion', label: 'Conclusions', headings: [...HEADINGS.conclusion], required: true },
      { id: 'references', label: 'References', headings: [...HEADINGS.references], required: false, counted: false },
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
