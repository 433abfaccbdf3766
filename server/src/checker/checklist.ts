import type { CheckResult } from './engine';
import { sectionHasContent } from './sections';
import { profileItems, analyseSections } from './sections';

export type ChecklistStatus = 'present' | 'empty' | 'missing';

export interface ChecklistItem {
  id: string;
  label: string;
  required: boolean;
  status: ChecklistStatus;
  /** Where the item is satisfied (the heading, or the content that satisfies it). */
  start?: number;
  end?: number;
  /** How it was satisfied or why not ("heading \"Case report\"", "no consent statement"). */
  detail?: string;
}

export interface Checklist {
  profile: string;
  label: string;
  items: ChecklistItem[];
  /** Items present (of those the profile lists). */
  done: number;
  total: number;
}

/**
 * The profile's items with their status, from one check result (no re-parse).
 * First version: by heading only. Content checks (title mentions "case report", consent
 * statement, timeline table, ...) grow here.
 */
export function checklist(result: CheckResult, config: Parameters<typeof profileItems>[1] = {}): Checklist {
  const { model, profile } = result;
  const analysis = analyseSections(model, profileItems(profile, config));
  const items: ChecklistItem[] = analysis.items.map((item) => {
    const sections = analysis.byItem.get(item.id);
    if (!sections) return { id: item.id, label: item.label, required: item.required, status: 'missing' };
    const s = sections.find((x) => sectionHasContent(model, x)) ?? sections[0];
    const h = s.heading!;
    return {
      id: item.id,
      label: item.label,
      required: item.required,
      status: sectionHasContent(model, s) ? 'present' : 'empty',
      start: h.textStart,
      end: h.textEnd,
      detail: `heading "${h.text}"`,
    };
  });
  return { profile: profile.id, label: profile.label, items, done: items.filter((i) => i.status === 'present').length, total: items.length };
}
