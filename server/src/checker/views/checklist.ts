/**
 * The profile's checklist: each item with its status (present, empty, missing) and where it is.
 * Pure: reads one CheckResult's model (no re-parse, no I/O).
 *
 * Items are satisfied by a heading (as the `required-section` rule sees them) or, for the items
 * whose content can be recognised (their `evidence` role), by content (`contentEvidence`):
 * - `title`: the title contains "case report" (CARE item 1); judged by content only;
 * - `keywords`: a Keywords heading, a "Keywords:" line, or front matter `keywords`;
 * - `abstract`: a heading, front matter `abstract`, an "Abstract:" line, LaTeX `\begin{abstract}`;
 * - `timeline`: a heading, a table whose header mentions time/date/day/week/month/year, or a
 *   caption mentioning a timeline;
 * - `consent`: a heading or a sentence with "consent" and obtained/written/informed/signed/…;
 * - `patient-perspective`: a heading or a paragraph with "patient('s) perspective" or
 *   "in the patient's (own) words".
 * Items with `parts` (structured abstracts of journal profiles) list the parts not found.
 *
 * `counts` are the word and count limits (analysis/counts.ts, the `length-limit` rule's): each
 * count with its limit and a text for the status bar ("Abstract 162/150 words"); `titleRule` the
 * profile's "case report" title rule, if it has one.
 */
import { limitReport, type CountCheck, type TitleCheck } from '../analysis/counts';
import { contentEvidence, titleEvidence } from '../analysis/evidence';
import { sectionInsertionFix } from '../analysis/section-insertion';
import { sectionHasContent } from '../analysis/sections';
import type { CheckResult } from '../engine/check';
import type { ProfileItem } from '../profiles';
import type { DocumentModel, Fix, Section } from '../types';

export type ChecklistStatus = 'present' | 'empty' | 'missing';

export interface ChecklistItem {
  id: string;
  label: string;
  required: boolean;
  /** present: there with content; empty: there but empty or incomplete (title without "case report"); missing. */
  status: ChecklistStatus;
  /** Where the item is satisfied (the heading text, or the content that satisfies it). */
  start?: number;
  end?: number;
  /** How it was satisfied or why not ("heading \"Case report\"", "consent statement"). */
  detail?: string;
  /** Satisfied by a heading or by recognised content. */
  via?: 'heading' | 'content';
  /** Parts of a structured abstract (profile item `parts`) that were not found. */
  missingParts?: string[];
  /** False for items not counted in done/total (References). */
  counted?: boolean;
}

export interface Checklist {
  profile: string;
  label: string;
  items: ChecklistItem[];
  /** Items present (of those the profile lists). */
  done: number;
  total: number;
  /** Words and counts against the profile's (or the config's) limits, in a fixed order (always set by `checklist`). */
  counts?: CountCheck[];
  /** The profile's title rule ("case report" required or to be left out), if any. */
  titleRule?: TitleCheck;
}

export type { CountCheck, TitleCheck };

/** The profile's items with their status, from one check result (no re-parse). */
export function checklist(result: CheckResult): Checklist {
  const { model, profile, sections: analysis } = result;
  const items: ChecklistItem[] = analysis.items.map((item) => {
    const base = { id: item.id, label: item.label, required: item.required, ...(item.counted === false ? { counted: false } : {}) };
    if (item.evidence === 'title') {
      const t = titleEvidence(model, analysis.items);
      return t ? { ...base, status: t.status, start: t.start, end: t.end, detail: t.detail, via: 'content' } : { ...base, status: 'missing', detail: 'no title' };
    }
    // (A structured abstract's sub-headings never satisfy body items: see analyseSections.)
    const sections = analysis.byItem.get(item.id);
    const withContent = sections?.find((x) => sectionHasContent(model, x));
    let out: ChecklistItem;
    if (withContent) {
      out = { ...base, status: 'present', ...headingPlace(withContent), via: 'heading' };
    } else {
      const evidence = contentEvidence(model, item.evidence);
      if (evidence?.status === 'present' || (evidence && !sections)) {
        out = { ...base, status: evidence.status, start: evidence.start, end: evidence.end, detail: evidence.detail, via: 'content' };
      } else if (sections) {
        out = { ...base, status: 'empty', ...headingPlace(sections[0]), via: 'heading' };
      } else {
        out = { ...base, status: 'missing' };
      }
    }
    if (item.parts?.length && out.status !== 'missing') {
      const missing = missingParts(model, item, sections?.[0], out);
      if (missing.length) {
        out.missingParts = missing;
        out.detail = `${out.detail ?? ''}; structured abstract without ${missing.map((p) => `"${p}"`).join(', ')}`.replace(/^; /, '');
      }
    }
    return out;
  });
  const counted = items.filter((_, i) => analysis.items[i].counted !== false);
  const limits = limitReport(model, analysis, profile, result.config);
  return {
    profile: profile.id,
    label: profile.label,
    items,
    done: counted.filter((i) => i.status === 'present').length,
    total: counted.length,
    counts: limits.counts,
    ...(limits.title ? { titleRule: limits.title } : {}),
  };
}

/**
 * "Insert section heading" for a checklist item: the heading and template of the item where the
 * profile puts it (the same fix as the `required-section` rule's), or undefined for an unknown item.
 */
export function insertSectionFix(result: CheckResult, itemId: string): Fix | undefined {
  const item = result.sections.items.find((i) => i.id === itemId);
  return item ? sectionInsertionFix(result.model, result.sections, item) : undefined;
}

function headingPlace(section: Section): { start: number; end: number; detail: string } {
  const h = section.heading!;
  return { start: h.textStart, end: h.textEnd, detail: `heading "${h.text}"` };
}

// ---------------------------------------------------------------------------
// Structured abstract parts
// ---------------------------------------------------------------------------

function missingParts(model: DocumentModel, item: ProfileItem, section: Section | undefined, found: ChecklistItem): string[] {
  let region = '';
  if (section) region = model.text.slice(section.start, section.end);
  else if (found.via === 'content' && found.start !== undefined) {
    const fmAbstract = model.frontMatter?.data?.abstract;
    if (model.frontMatter && found.start < model.frontMatter.end && typeof fmAbstract === 'string') region = fmAbstract;
    else {
      const nextHeading = model.headings.find((h) => h.start > found.start!);
      region = model.text.slice(found.start, nextHeading ? nextHeading.start : model.text.length);
    }
  }
  return (item.parts ?? []).filter((part) => {
    const words = part.trim().split(/\s+/).map(escapeRegExp).join('[\\s-]+');
    return !new RegExp(`(?:^|[\\n\\r]|[.:]\\s)[ \\t>#*_"']*${words}[*_]*[ \\t]*(?:[:.\\u2013\\u2014]|\\r?\\n|$)`, 'im').test(region);
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
