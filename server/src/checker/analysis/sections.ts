import type { CaselintConfig } from '../config';
import { headingMatches, itemRoles, type Profile, type ProfileItem } from '../profiles';
import type { DocumentModel, Section } from '../types';
import { lowerBound } from '../model/text';

/** What the engine derives once per check and shares with every rule. */
export interface SectionAnalysis {
  /** Profile item ids → sections whose heading satisfies them, in document order. */
  byItem: Map<string, Section[]>;
  /** Section → the profile item it satisfies. */
  itemOf: Map<Section, ProfileItem>;
  /** The profile's items plus custom required sections from config. */
  items: ProfileItem[];
}

/** The profile's items, with custom required sections and extra headings from config. */
export function profileItems(profile: Profile, config: CaselintConfig): ProfileItem[] {
  const items: ProfileItem[] = profile.items.map((item) => {
    const extra = config.headings?.[item.id];
    return extra?.length ? { ...item, headings: [...item.headings, ...extra] } : item;
  });
  for (const custom of config.requiredSections ?? []) {
    const existing = items.findIndex((i) => i.id === custom.id);
    const own = {
      id: custom.id,
      label: custom.label ?? custom.headings[0] ?? custom.id,
      headings: custom.headings,
      required: true,
    };
    // A profile's item keeps its roles; a new one takes those of the item of that id, if any.
    if (existing >= 0) items[existing] = { ...items[existing], ...own, headings: [...items[existing].headings, ...custom.headings] };
    else items.push({ ...itemRoles(custom.id), ...own });
  }
  return items;
}

/**
 * The first item a heading matches, remembered by the heading's text for the items of the last
 * check (the same item objects: profileItems keeps the profile's own unless the config extends
 * them), so that a re-check matches only the headings it has not seen.
 */
function firstMatchOf(items: readonly ProfileItem[]): (text: string) => ProfileItem | undefined {
  if (items.length !== matched.items.length || items.some((item, k) => item !== matched.items[k]) || matched.byText.size > 10_000) {
    matched = { items: [...items], byText: new Map() };
  }
  const { byText } = matched;
  return (text) => {
    let k = byText.get(text);
    if (k === undefined) {
      k = items.findIndex((i) => headingMatches(i, text));
      byText.set(text, k);
    }
    return k >= 0 ? items[k] : undefined;
  };
}
let matched: { items: readonly ProfileItem[]; byText: Map<string, number> } = { items: [], byText: new Map() };

/** Matches every heading against the profile once. A heading satisfies the first item it matches. */
export function analyseSections(doc: DocumentModel, items: ProfileItem[]): SectionAnalysis {
  const byItem = new Map<string, Section[]>();
  const itemOf = new Map<Section, ProfileItem>();
  const abstractSections = new Set<Section>();
  const firstMatch = firstMatchOf(items);
  for (const section of doc.sections) {
    if (!section.heading) continue;
    // A structured abstract's sub-headings ("### Case presentation") belong to the abstract,
    // not to the body items of the same name.
    if (section.parent && abstractSections.has(section.parent)) {
      abstractSections.add(section);
      continue;
    }
    const item = firstMatch(section.heading.text);
    if (item?.abstract) abstractSections.add(section);
    if (!item) continue;
    itemOf.set(section, item);
    const list = byItem.get(item.id);
    if (list) list.push(section);
    else byItem.set(item.id, [section]);
  }
  return { byItem, itemOf, items };
}

/** Does the section (sub-sections included) hold any text, list or table? */
export function sectionHasContent(doc: DocumentModel, section: Section): boolean {
  return startsIn(doc.paragraphs, section.bodyStart, section.end) || startsIn(doc.tables, section.bodyStart, section.end) || startsIn(doc.codeBlocks, section.bodyStart, section.end);
}

/**
 * Does an element of `list` (in document order, as the model keeps paragraphs, tables and code
 * blocks) start in [from, to)? A binary search: once per section stays linear in the document.
 */
function startsIn(list: readonly { start: number }[], from: number, to: number): boolean {
  const i = lowerBound(list.length, (k) => list[k].start < from);
  return i < list.length && list[i].start < to;
}
