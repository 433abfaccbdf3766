/**
 * The statements a case report carries (consent for publication, ethics, competing interests,
 * funding, author contributions, data availability, the patient's perspective): where each is,
 * by heading, by run-in label ("**Funding:** none") or by content ("Written informed consent was
 * obtained from the patient for publication"). Pure queries over the model; the `declarations`
 * rule reports the missing ones.
 */
import { DECLARATIONS, DECLARATION_GROUP_HEADINGS, headingMatches, type DeclarationKind, type ProfileItem } from '../profiles';
import type { DocumentModel, Section, Span } from '../types';
import { contentEvidence } from './evidence';
import { memoised } from '../model/memo';

export interface DeclarationEvidence extends Span {
  via: 'heading' | 'label' | 'content';
}

/** A declaration's headings as a profile item, for `headingMatches` (its normalising and continuations). */
const AS_ITEMS = new Map<DeclarationKind, ProfileItem>(
  Object.values(DECLARATIONS).map((d) => [d.kind, { id: d.kind, label: d.heading, headings: [...d.headings], required: true, claimMode: 'skip' }]),
);
const GROUP_ITEM: ProfileItem = { id: 'declarations', label: 'Declarations', headings: [...DECLARATION_GROUP_HEADINGS], required: false, claimMode: 'skip' };

/** Sentences that make each statement (outside the reference list). */
const CONTENT: Record<Exclude<DeclarationKind, 'patient-perspective'>, (s: string) => boolean> = {
  consent: (s) =>
    /\bconsent/i.test(s) &&
    /\b(?:obtained|written|signed|given|gave|provided|granted|received|waived)\b/i.test(s) &&
    /\b(?:publication|publish(?:ed|ing)?|this (?:case )?report|case reports?|images?|photographs?|manuscript|article)\b/i.test(s),
  ethics: (s) => /\b(?:ethic(?:s|al)\s+(?:committee|approval|board|review|clearance)|(?:institutional\s+)?review\s+board|IRB)\b/i.test(s),
  'competing-interests': (s) => /\b(?:(?:competing|conflicting)\s+interests?|conflicts?\s+of\s+interests?|nothing\s+to\s+disclose|duality\s+of\s+interest)\b/i.test(s),
  funding: (s) => /\b(?:funding|funded\s+by|financial\s+support|no\s+(?:specific\s+)?grant|grant\s+(?:from|number|no))\b/i.test(s),
  'author-contributions': (s) =>
    /\b(?:authors?['\u2019]?\s+contributions?|contributed\s+(?:equally|to\s+the\s+(?:manuscript|writing|conception|design))|(?:read|revised)\s+and\s+approved\s+the\s+final|approved\s+the\s+final\s+(?:manuscript|version)|drafted\s+the\s+manuscript|wrote\s+the\s+(?:first\s+draft|manuscript))\b/i.test(s),
  'data-availability': (s) => /\b(?:data\s+(?:availability|sharing)|availability\s+of\s+data|(?:data|data\s?sets?)\s+(?:are|is|were)\s+(?:available|not\s+available|included))\b/i.test(s),
};

/**
 * Words each statement above needs: a sentence without any of the words of the statements still
 * missing is not looked at further (one search of the open kinds' words per sentence).
 */
const NEEDS: Record<keyof typeof CONTENT, string> = {
  consent: 'consent',
  ethics: 'ethic|review\\s+board|\\bIRB\\b',
  'competing-interests': 'interest|disclose',
  funding: 'fund|grant|financial',
  'author-contributions': 'contribut|approved\\s+the\\s+final|drafted|wrote\\s+the',
  'data-availability': '\\bdata',
};
const needsCache = new Map<string, RegExp>();
function needsOf(kinds: readonly (keyof typeof CONTENT)[]): RegExp {
  const key = kinds.join();
  let re = needsCache.get(key);
  if (!re) needsCache.set(key, (re = new RegExp(kinds.map((k) => NEEDS[k]).join('|'), 'i')));
  return re;
}

/** The heading's parts: "Funding and competing interests" is both. */
function headingParts(text: string): string[] {
  const parts = text.split(/\s+(?:and|&)\s+|\s*[;,/]\s*/i).filter((p) => p.trim());
  return parts.length > 1 ? [text, ...parts] : [text];
}

/** Which declarations a heading (or run-in label) text gives. */
function kindsOf(text: string, wanted: readonly DeclarationKind[]): DeclarationKind[] {
  const parts = headingParts(text);
  return wanted.filter((k) => parts.some((p) => headingMatches(AS_ITEMS.get(k)!, p)));
}

/** A run-in label at the start of a paragraph ("Funding: none", "Competing interests. None."). */
const LABEL_RE = /^\s*([\p{L}'\u2019][\p{L}'\u2019 \-&/,]{2,70}?)\s*[:.\u2013\u2014]/u;

/**
 * Where each of `kinds` is in the document (first place found: a heading, then a run-in label,
 * then a sentence that makes the statement). One pass over the headings, paragraphs and sentences.
 */
export function findDeclarations(doc: DocumentModel, kinds: readonly DeclarationKind[]): Map<DeclarationKind, DeclarationEvidence> {
  const found = new Map<DeclarationKind, DeclarationEvidence>();
  const open = () => kinds.filter((k) => !found.has(k));
  for (const h of doc.headings) {
    if (found.size === kinds.length) return found;
    for (const k of kindsOf(h.text, open())) found.set(k, { start: h.textStart, end: h.textEnd, via: 'heading' });
  }
  if (!open().length) return found;
  // With the incremental checker's memo, a paragraph's label and a sentence's statements are
  // looked up by their text (all kinds at once), so a re-check reads only what an edit changed;
  // without one, only the kinds still missing are looked for.
  const memo = doc.memo;
  for (const p of doc.paragraphs) {
    if (p.kind === 'reference' || p.kind === 'caption') continue;
    const labelled = memo ? memoised(memo, 'declarations/label', p.plain, () => labelKinds(p.plain, ALL_KINDS)) : labelKinds(p.plain, open());
    for (const k of labelled) {
      if (!found.has(k) && kinds.includes(k)) found.set(k, { start: p.start, end: p.sentences[0]?.end ?? p.end, via: 'label' });
    }
  }
  const rest = open();
  if (!rest.length) return found;
  if (rest.includes('patient-perspective')) {
    const e = contentEvidence(doc, 'patient-perspective');
    if (e?.status === 'present') found.set('patient-perspective', { start: e.start, end: e.end, via: 'content' });
  }
  let byContent = rest.filter((k): k is ContentKind => k !== 'patient-perspective');
  if (!byContent.length) return found;
  let needs = needsOf(byContent);
  for (const s of doc.sentences) {
    if (s.paragraph.kind === 'reference') continue;
    const made = memo ? memoised(memo, 'declarations/content', s.text, () => statementsIn(s.text, CONTENT_KINDS)) : needs.test(s.text) ? statementsIn(s.text, byContent) : NO_KINDS;
    let changed = false;
    for (const k of made) {
      if (!byContent.includes(k)) continue;
      found.set(k, { start: s.start, end: s.end, via: 'content' });
      changed = true;
    }
    if (!changed) continue;
    // Look further only for the statements still missing.
    byContent = byContent.filter((k) => !found.has(k));
    if (!byContent.length) break;
    needs = needsOf(byContent);
  }
  return found;
}

type ContentKind = keyof typeof CONTENT;
const CONTENT_KINDS = Object.keys(CONTENT) as ContentKind[];
const ALL_KINDS = Object.keys(DECLARATIONS) as DeclarationKind[];
const NO_KINDS: readonly never[] = Object.freeze([]);

/** Which of `kinds` a paragraph's run-in label gives ("Funding: none"). */
function labelKinds(plain: string, kinds: readonly DeclarationKind[]): readonly DeclarationKind[] {
  const m = LABEL_RE.exec(plain);
  return m ? kindsOf(m[1], kinds) : NO_KINDS;
}

/** Which of `kinds` a sentence states. */
function statementsIn(text: string, kinds: readonly ContentKind[]): readonly ContentKind[] {
  const made = kinds.filter((k) => CONTENT[k](text));
  return made.length ? made : NO_KINDS;
}

/** The section that groups the statements ("Declarations"), if the document has one. */
export function declarationGroup(doc: DocumentModel): Section | undefined {
  return doc.sections.find((s) => s.heading && headingMatches(GROUP_ITEM, s.heading.text));
}
