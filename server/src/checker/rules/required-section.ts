import { contentEvidence } from '../analysis/evidence';
import { headingMatches, isReferencesHeading, type ProfileItem } from '../profiles';
import { positionAt } from '../model/text';
import type { Rule, RuleContext } from './rule';
import type { DocumentModel, Fix, Section } from '../types';

const SHOWN_HEADINGS = 6;

/** A missing required section is reported at the title (or the first line). */
export const requiredSection: Rule = {
  id: 'required-section',
  description: 'The sections the profile requires are present.',
  howToFix: 'Add the section under one of the accepted headings (the quick fix inserts it where the profile puts it), or add your own heading to `headings` in `.caselint.json`.',
  defaultSeverity: 'error',
  check(ctx) {
    const { doc } = ctx;
    const anchor = doc.title ?? doc.headings[0] ?? firstLine(doc.text);
    for (const item of ctx.sections.items) {
      if (!item.required || ctx.sections.byItem.has(item.id)) continue;
      // Keywords in front matter, a consent sentence, a timeline table...: content counts too,
      // exactly as in the checklist.
      if (contentEvidence(doc, item.evidence)?.status === 'present') continue;
      const shown = item.headings.slice(0, SHOWN_HEADINGS).map((h) => `"${capitalise(h)}"`);
      const more = item.headings.length > SHOWN_HEADINGS ? ', …' : '';
      const fix = insertSectionFix(ctx, item);
      ctx.report({
        start: anchor.start,
        end: anchor.end,
        message:
          `Missing required section "${item.label}" (profile "${ctx.profile.id}"). ` +
          `Add a heading such as ${shown.join(', ')}${more}.`,
        data: { item: item.id, label: item.label, profile: ctx.profile.id },
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};

function firstLine(text: string): { start: number; end: number } {
  const m = /\S[^\r\n]*/.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : { start: 0, end: 0 };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------
// Quick fix: insert the missing heading with a short template
// ---------------------------------------------------------------------------

const HEADING_TODO = 'TODO:';

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

function sectionOf(ctx: RuleContext, id: string): Section[] {
  return ctx.sections.byItem.get(id) ?? [];
}

/** The edit that inserts a heading and template for a missing item where the profile's order puts it. */
export function insertSectionFix(ctx: RuleContext, item: ProfileItem): Fix | undefined {
  const { doc } = ctx;
  const items = ctx.sections.items;
  const index = items.findIndex((i) => i.id === item.id);
  // Before the first present section (in the document) of an item that comes later in the profile.
  let before: Section | undefined;
  for (const later of items.slice(index + 1)) {
    for (const s of sectionOf(ctx, later.id)) if (!before || s.start < before.start) before = s;
  }
  // Else before a References heading the profile does not list, else at the end.
  if (!before) before = doc.sections.find((s) => s.heading && isReferencesHeading(s.heading.text));
  const level = before?.heading?.level ?? levelOfPresentSections(ctx) ?? defaultLevel(doc);
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
  const block = sectionBlock(doc, item, heading, level, hint, nl, before, ctx.sections.items.flatMap((i) => sectionOf(ctx, i.id)));
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
  return { title: `Insert section "${heading}"`, edits: [{ start: at, end: at, newText }] };
}

function sectionBlock(doc: DocumentModel, item: ProfileItem, heading: string, level: number, hint: string, nl: string, before: Section | undefined, items: Section[]): string {
  const todo = `${HEADING_TODO} ${hint}`;
  if (doc.format === 'latex') {
    if (item.abstract) return `\\begin{abstract}${nl}${todo}${nl}\\end{abstract}${nl}${nl}`;
    const cmd = ['section', 'subsection', 'subsubsection', 'paragraph'][Math.min(Math.max(level, 1), 4) - 1];
    // Starred like the section it goes before, else like the last section the profile knows.
    const neighbour = before?.heading ?? lastItemHeading(doc, items);
    const starred = neighbour && /^\\[a-z]*section\*/.test(doc.text.slice(lineStartOf(doc, neighbour.start)).trimStart()) ? '*' : '';
    return `\\${cmd}${starred}{${heading}}${nl}${nl}${todo}${nl}${nl}`;
  }
  if (doc.format === 'text') return `${heading.toUpperCase()}${nl}${nl}${todo}${nl}${nl}`;
  return `${'#'.repeat(Math.min(Math.max(level, 1), 6))} ${heading}${nl}${nl}${todo}${nl}${nl}`;
}

function lastItemHeading(_doc: DocumentModel, sections: Section[]): Section['heading'] {
  let last: Section | undefined;
  for (const s of sections) if (s.heading && (!last || s.start > last.start)) last = s;
  return last?.heading ?? null;
}

function levelOfPresentSections(ctx: RuleContext): number | undefined {
  for (const [, sections] of ctx.sections.byItem) {
    for (const s of sections) if (s.heading) return s.heading.level;
  }
  return undefined;
}

function defaultLevel(doc: DocumentModel): number {
  if (doc.format !== 'markdown') return 1;
  // Under a level-1 title, sections are level 2.
  return doc.headings.some((h) => h.level === 1) ? 2 : doc.headings.length ? Math.min(...doc.headings.map((h) => h.level)) : 2;
}

function lineStartOf(doc: DocumentModel, offset: number): number {
  return doc.lineStarts[positionAt(doc.lineStarts, offset).line];
}
