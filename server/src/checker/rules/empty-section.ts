import type { Rule } from '../analysis/rule';
import { sectionHasContent } from '../analysis/sections';

/** A required section whose heading is there but holds no text. */
export const emptySection: Rule = {
  id: 'empty-section',
  description: 'Required sections are not empty.',
  howToFix: 'Write the section, or remove the heading if the section does not apply.',
  defaultSeverity: 'warning',
  check(ctx) {
    for (const item of ctx.sections.items) {
      if (!item.required) continue;
      const sections = ctx.sections.byItem.get(item.id);
      if (!sections || sections.some((s) => sectionHasContent(ctx.doc, s))) continue;
      const s = sections[0];
      const h = s.heading!;
      ctx.report({
        start: h.textStart,
        end: h.textEnd,
        message: `Section "${h.text}" (${item.label}) is empty. Write its text, or remove the heading.`,
        data: { item: item.id, label: item.label },
      });
    }
  },
};
