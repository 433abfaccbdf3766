import { contentEvidence, inCaseEvidence } from '../analysis/evidence';
import { headingInsertionFix, headingTextFor, sectionInsertionFix } from '../analysis/section-insertion';
import type { Rule } from '../analysis/rule';

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
      // A statement (consent for publication, the patient's perspective) is the declarations rule's.
      if (item.declares) continue;
      // Keywords in front matter, a consent sentence, a timeline table...: content counts too,
      // exactly as in the checklist.
      if (contentEvidence(doc, item.evidence)?.status === 'present') continue;
      // Investigations told inside the case presentation: there, only without their heading.
      const inCase = item.inCase && inCaseEvidence(doc, ctx.sections, item.inCase);
      if (inCase) {
        const fix = headingInsertionFix(doc, ctx.sections, item, inCase.section, inCase.start, inCase.inParagraph);
        const where = inCase.section.heading ? `"${inCase.section.heading.text}"` : 'the case presentation';
        const lineEnd = doc.text.slice(inCase.start, inCase.end).search(/\r?\n|\r/);
        ctx.report({
          // At the first paragraph (or table) of the investigations, where the heading goes.
          start: inCase.start,
          end: lineEnd >= 0 ? inCase.start + lineEnd : inCase.end,
          severity: 'warning',
          message: `The investigations are described in ${where} without a heading of their own (profile "${ctx.profile.id}"). Add the heading "${headingTextFor(item, ctx.sections.items)}" before them.`,
          data: { item: item.id, label: item.label, profile: ctx.profile.id, inCase: { start: inCase.start, end: inCase.end } },
          fixes: [fix],
        });
        continue;
      }
      const shown = item.headings.slice(0, SHOWN_HEADINGS).map((h) => `"${capitalise(h)}"`);
      const more = item.headings.length > SHOWN_HEADINGS ? ', …' : '';
      // The quick fix inserts the heading where the profile puts it (the same edit as the
      // checklist's "Insert section heading").
      const fix = sectionInsertionFix(doc, ctx.sections, item);
      ctx.report({
        start: anchor.start,
        end: anchor.end,
        message:
          `Missing required section "${item.label}" (profile "${ctx.profile.id}"). ` +
          `Add a heading such as ${shown.join(', ')}${more}.`,
        data: { item: item.id, label: item.label, profile: ctx.profile.id },
        fixes: [fix],
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
