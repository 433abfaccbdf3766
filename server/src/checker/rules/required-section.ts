import { contentEvidence } from '../analysis/evidence';
import { sectionInsertionFix } from '../analysis/section-insertion';
import type { Rule } from './rule';

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
