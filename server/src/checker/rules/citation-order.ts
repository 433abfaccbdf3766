import { citationAnalysis, orderProblems } from '../analysis/citation-check';
import type { Rule } from '../analysis/rule';

/**
 * Numbered citations in order: references numbered in the order they are first cited
 * (Vancouver, ICMJE), ranges written low to high, a reference list numbered without gaps or
 * repeats. The analysis is analysis/citation-check.ts.
 *
 * Options: order: "first-mention" (default: the top-level citationOrder, else first-mention) | "none".
 */
export const citationOrder: Rule = {
  id: 'citation-order',
  description: 'Numbered references are cited in order of first mention, ranges run low to high, and the list has no gaps.',
  howToFix: 'Renumber the references in the order they are first cited (the quick fix does it for the markers and the list at once); write ranges low to high.',
  defaultSeverity: 'warning',
  scope: 'citations',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      order: {
        enum: ['first-mention', 'none'],
        description: 'Whether first citations must come in ascending order ("first-mention", Vancouver and ICMJE) or in any order ("none"). Default: the top-level citationOrder, else "first-mention".',
      },
    },
  },
  check(ctx) {
    const analysis = citationAnalysis(ctx.doc, { bibliographies: ctx.bibliographies, config: ctx.config });
    const order = ctx.options.order ?? ctx.config.citationOrder ?? 'first-mention';
    const problems = analysis.problems.filter((p) => p.rule === 'citation-order');
    if (order === 'first-mention') for (const p of orderProblems(ctx.doc, analysis)) problems.push(p);
    for (const p of problems) ctx.report({ start: p.start, end: p.end, message: p.message, ...(p.fixes ? { fixes: p.fixes } : {}), data: { kind: p.kind } });
  },
};
