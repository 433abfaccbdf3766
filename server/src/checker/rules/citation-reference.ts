import { citationAnalysis } from '../analysis/citation-check';
import type { Rule } from '../analysis/rule';

/**
 * Every citation resolves to a reference, and every entry of the document's own list is cited:
 * numbers name list entries, author–year markers one entry by first author and year, Pandoc and
 * LaTeX keys entries of the bibliography files. A bibliography file that is missing or cannot be
 * read is one finding where the document names it. The analysis is analysis/citation-check.ts.
 */
export const citationReference: Rule = {
  id: 'citation-reference',
  description: 'Citations resolve to a reference, and every reference in the list is cited.',
  howToFix: 'Correct the citation or add the missing entry to the reference list or bibliography file; cite or remove an entry that is never cited.',
  defaultSeverity: 'warning',
  scope: 'citations',
  check(ctx) {
    for (const p of citationAnalysis(ctx.doc, { bibliographies: ctx.bibliographies, config: ctx.config }).problems) {
      if (p.rule !== 'citation-reference') continue;
      ctx.report({ start: p.start, end: p.end, message: p.message, ...(p.fixes ? { fixes: p.fixes } : {}), data: { kind: p.kind } });
    }
  },
};
