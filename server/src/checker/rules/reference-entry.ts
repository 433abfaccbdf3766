import { citationAnalysis } from '../analysis/citation-check';
import type { Rule } from '../analysis/rule';

/**
 * Reference entries are sound: no entry twice (same DOI, or the same title), DOIs and PMIDs well
 * formed. In the document's own list every entry is checked; in a bibliography file (often
 * shared between manuscripts) only the entries the document cites. The analysis is
 * analysis/citation-check.ts.
 */
export const referenceEntry: Rule = {
  id: 'reference-entry',
  description: 'No reference appears twice (same DOI or title), and DOIs and PMIDs are well formed.',
  howToFix: 'Remove the duplicate and cite the remaining entry; copy the DOI (10.xxxx/…) or PMID (digits) again from the journal or PubMed.',
  defaultSeverity: 'warning',
  scope: 'citations',
  check(ctx) {
    for (const p of citationAnalysis(ctx.doc, { bibliographies: ctx.bibliographies, config: ctx.config }).problems) {
      if (p.rule !== 'reference-entry') continue;
      ctx.report({ start: p.start, end: p.end, message: p.message, ...(p.fixes ? { fixes: p.fixes } : {}), data: { kind: p.kind } });
    }
  },
};
