import type { CaselintConfig } from '../config';
import { headingMatches, itemRoles, type Profile, type ProfileItem } from '../profiles';
import { memoised } from '../model/memo';
import type { DocumentModel, Memo, Section } from '../types';
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

/** Matches every heading against the profile once. A heading satisfies the first item it matches. */
export function analyseSections(doc: DocumentModel, items: ProfileItem[]): SectionAnalysis {
  const byItem = new Map<string, Section[]>();
  const itemOf = new Map<Section, ProfileItem>();
  const abstractSections = new Set<Section>();
  for (const section of doc.sections) {
    if (!section.heading) continue;
    // A structured abstract's sub-headings ("### Case presentation") belong to the abstract,
    // not to the body items of the same name.
    if (section.parent && abstractSections.has(section.parent)) {
      abstractSections.add(section);
      continue;
    }
    const item = itemOfHeading(doc.memo, items, section.heading.text);
    if (item?.abstract) abstractSections.add(section);
    if (!item) continue;
    itemOf.set(section, item);
    const list = byItem.get(item.id);
    if (list) list.push(section);
    else byItem.set(item.id, [section]);
  }
  return { byItem, itemOf, items };
}

/**
 * The first item whose headings a heading matches: memoised by the heading's text, with what the
 * items match by (their headings and patterns) in the space, so that a re-check of a long
 * manuscript looks its headings up instead of matching each against every item's synonyms.
 */
function itemOfHeading(memo: Memo | undefined, items: ProfileItem[], text: string): ProfileItem | undefined {
  if (!memo) return items.find((i) => headingMatches(i, text));
  let space = spaces.get(items);
  if (space === undefined) spaces.set(items, (space = 'sections/item\0' + items.map(matchedBy).join('\0')));
  const index = memoised(memo, space, text, () => items.findIndex((i) => headingMatches(i, text)));
  return index < 0 ? undefined : items[index];
}
/** Per items list (a check's): the memo space of its headings. */
const spaces = new WeakMap<ProfileItem[], string>();

/** What headingMatches reads of an item, as a string (kept per item: a profile's items are shared by every check). */
function matchedBy(item: ProfileItem): string {
  let key = itemKeys.get(item);
  if (key === undefined) itemKeys.set(item, (key = JSON.stringify([item.headings, (item.patterns ?? []).map((p) => `${p.source}/${p.flags}`)])));
  return key;
}
const itemKeys = new WeakMap<ProfileItem, string>();

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
