/**
 * Where and what to insert for a missing profile item: its heading and a one-line template, in
 * the place the profile's order puts it. One function for the `required-section` rule's quick fix
 * and for the checklist's "Insert section heading" (the server's `caselint/insertSection`
 * request), so both insert the same text at the same place.
 */
import { positionAt } from '../model/text';
import { headingMatches, isReferencesHeading, type ProfileItem } from '../profiles';
import type { DocumentModel, Fix, Section } from '../types';
import type { SectionAnalysis } from './sections';

const HEADING_TODO = 'TODO:';

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The heading text to insert for an item: its label when that heading satisfies the item. */
export function headingTextFor(item: ProfileItem, items: readonly ProfileItem[] = [item]): string {
  const candidates = [item.label, ...item.headings.map(capitalise)];
  for (const c of candidates) {
    // The inserted heading must satisfy this item, and not an earlier one (first match wins).
    const first = items.find((i) => headingMatches(i, c));
    if (first ? first.id === item.id : headingMatches(item, c)) return c;
  }
  return item.label;
}

function sectionsOf(sections: SectionAnalysis, id: string): Section[] {
  return sections.byItem.get(id) ?? [];
}

/**
 * The fix that inserts a heading and template for `item` (one of `sections.items`) where the
 * profile's order puts it: before the first present section of a later item, else before a
 * References heading the profile does not list, else at the end (in LaTeX before
 * `\end{document}` or the bibliography).
 */
export function sectionInsertionFix(doc: DocumentModel, sections: SectionAnalysis, item: ProfileItem, body?: string): Fix {
  const items = sections.items;
  const index = items.findIndex((i) => i.id === item.id);
  // Before the first present section (in the document) of an item that comes later in the profile.
  let before: Section | undefined;
  for (const later of items.slice(index + 1)) {
    for (const s of sectionsOf(sections, later.id)) if (!before || s.start < before.start) before = s;
  }
  // Else before a References heading the profile does not list, else at the end.
  if (!before) before = doc.sections.find((s) => s.heading && isReferencesHeading(s.heading.text));
  const level = before?.heading?.level ?? levelOfPresentSections(sections) ?? defaultLevel(doc);
  const heading = headingTextFor(item, items);
  const hint = item.hint ?? `Write the ${item.label.toLowerCase()} section.`;
  const nl = /\r\n/.test(doc.text) ? '\r\n' : '\n';

  let at: number;
  if (before?.heading) {
    at = lineStartOf(doc, before.heading.start);
  } else if (doc.format === 'latex') {
    const end = /\\(?:end\{document\}|begin\{thebibliography\}|bibliography\{|printbibliography)/.exec(doc.text);
    at = end ? lineStartOf(doc, end.index) : doc.text.length;
  } else {
    at = doc.text.length;
  }
  const block = sectionBlock(doc, item, heading, level, body ?? `${HEADING_TODO} ${hint}`, nl, before, items.flatMap((i) => sectionsOf(sections, i.id)));
  let prefix = '';
  if (at > 0 && at < doc.text.length && /\S[^\n]*\n$/.test(doc.text.slice(Math.max(0, at - 200), at)) && !/\n\r?\n$/.test(doc.text.slice(0, at))) {
    // Inserting right after a line of text: keep a blank line between.
    prefix = nl;
  } else if (at === doc.text.length && at > 0) {
    // Make sure the new heading starts after a blank line.
    if (/\r?\n\r?\n$/.test(doc.text)) prefix = '';
    else if (doc.text.endsWith('\n')) prefix = nl;
    else prefix = nl + nl;
  }
  const newText = at === doc.text.length ? prefix + block.replace(/(?:\r?\n)+$/, nl) : prefix + block;
  return { title: `Insert section "${heading}"`, kind: 'insert-section', edits: [{ start: at, end: at, newText }] };
}

function sectionBlock(doc: DocumentModel, item: ProfileItem, heading: string, level: number, todo: string, nl: string, before: Section | undefined, items: Section[]): string {
  if (doc.format === 'latex') {
    if (item.abstract) return `\\begin{abstract}${nl}${todo}${nl}\\end{abstract}${nl}${nl}`;
    const cmd = ['section', 'subsection', 'subsubsection', 'paragraph'][Math.min(Math.max(level, 1), 4) - 1];
    // Starred like the section it goes before, else like the last section the profile knows.
    const neighbour = before?.heading ?? lastItemHeading(items);
    const starred = neighbour && /^\\[a-z]*section\*/.test(doc.text.slice(lineStartOf(doc, neighbour.start)).trimStart()) ? '*' : '';
    return `\\${cmd}${starred}{${heading}}${nl}${nl}${todo}${nl}${nl}`;
  }
  if (doc.format === 'text') return `${heading.toUpperCase()}${nl}${nl}${todo}${nl}${nl}`;
  return `${'#'.repeat(Math.min(Math.max(level, 1), 6))} ${heading}${nl}${nl}${todo}${nl}${nl}`;
}

function lastItemHeading(sections: Section[]): Section['heading'] {
  let last: Section | undefined;
  for (const s of sections) if (s.heading && (!last || s.start > last.start)) last = s;
  return last?.heading ?? null;
}

function levelOfPresentSections(sections: SectionAnalysis): number | undefined {
  for (const [, list] of sections.byItem) {
    for (const s of list) if (s.heading) return s.heading.level;
  }
  return undefined;
}

function defaultLevel(doc: DocumentModel): number {
  if (doc.format !== 'markdown') return 1;
  // Under a level-1 title, sections are level 2.
  // A loop, not Math.min(...levels): spreading throws past ~125,000 headings.
  let least = Infinity;
  for (const h of doc.headings) {
    if (h.level === 1) return 2;
    least = Math.min(least, h.level);
  }
  return least === Infinity ? 2 : least;
}

function lineStartOf(doc: DocumentModel, offset: number): number {
  return doc.lineStarts[positionAt(doc.lineStarts, offset).line];
}

/**
 * The fix that gives content already in the document its heading: `item`'s heading, one level
 * below `parent` (the case presentation holding it), on its own line just before `at` (the first
 * paragraph or table of that content). No template: the text is there.
 */
export function headingInsertionFix(doc: DocumentModel, sections: SectionAnalysis, item: ProfileItem, parent: Section, at: number, inParagraph = false): Fix {
  const heading = headingTextFor(item, sections.items);
  const nl = /\r\n/.test(doc.text) ? '\r\n' : '\n';
  const level = Math.min((parent.heading?.level ?? 1) + 1, doc.format === 'latex' ? 4 : 6);
  let line: string;
  if (doc.format === 'latex') {
    const cmd = ['section', 'subsection', 'subsubsection', 'paragraph'][level - 1];
    const starred = parent.heading && /^\\[a-z]*section\*/.test(doc.text.slice(lineStartOf(doc, parent.heading.start)).trimStart()) ? '*' : '';
    line = `\\${cmd}${starred}{${heading}}`;
  } else if (doc.format === 'text') {
    line = heading.toUpperCase();
  } else {
    line = `${'#'.repeat(level)} ${heading}`;
  }
  const title = `Insert heading "${heading}" before the investigations`;
  if (inParagraph) {
    // Split the paragraph before the sentence: the space before it becomes the heading's lines.
    let start = at;
    while (start > 0 && /[ \t]/.test(doc.text[start - 1])) start--;
    return { title, kind: 'insert-section', edits: [{ start, end: at, newText: `${nl}${nl}${line}${nl}${nl}` }] };
  }
  const start = lineStartOf(doc, at);
  return { title, kind: 'insert-section', edits: [{ start, end: start, newText: `${line}${nl}${nl}` }] };
}

/**
 * The fix that inserts a missing statement (the `declarations` rule): `heading` and `body` at the
 * end of the document's "Declarations" section when it has one (one level below its heading),
 * else where the profile's item for it goes (`item`: consent, patient perspective), else where a
 * section after all the profile's items goes (before the References heading, else at the end; in
 * LaTeX before the bibliography or `\end{document}`).
 */
export function statementInsertionFix(doc: DocumentModel, sections: SectionAnalysis, heading: string, body: string, group?: Section, item?: ProfileItem): Fix {
  const title = `Insert section "${heading}"`;
  if (group?.heading && doc.format !== 'latex') {
    const nl = /\r\n/.test(doc.text) ? '\r\n' : '\n';
    const level = Math.min(group.heading.level + 1, 6);
    const line = doc.format === 'text' ? heading.toUpperCase() : `${'#'.repeat(level)} ${heading}`;
    const at = group.end;
    const before = doc.text.slice(0, at);
    const prefix = at === 0 || /\n\r?\n$/.test(before) ? '' : before.endsWith('\n') ? nl : nl + nl;
    const tail = at === doc.text.length ? nl : nl + nl;
    return { title, kind: 'insert-section', edits: [{ start: at, end: at, newText: `${prefix}${line}${nl}${nl}${body}${tail}` }] };
  }
  if (item && sections.items.includes(item)) return { ...sectionInsertionFix(doc, sections, { ...item, label: heading }, body), title };
  const own: ProfileItem = { id: `statement:${heading}`, label: heading, headings: [heading], required: true, claimMode: 'skip' };
  const fix = sectionInsertionFix(doc, { ...sections, items: [...sections.items, own] }, own, body);
  return { ...fix, title };
}
