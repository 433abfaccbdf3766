import { effectiveLimits, limitReport, type CountCheck } from '../analysis/counts';
import type { Rule } from '../analysis/rule';
import type { Fix } from '../types';

const WHAT: Record<CountCheck['id'], { noun?: string; one: string; many: string; fix: string }> = {
  abstractWords: { noun: 'The abstract', one: 'word', many: 'words', fix: 'Shorten it' },
  mainTextWords: { noun: 'The main text', one: 'word', many: 'words', fix: 'Shorten it, or move detail to tables and figures' },
  references: { one: 'reference', many: 'references', fix: 'Keep the most relevant references' },
  figures: { one: 'figure', many: 'figures', fix: 'Combine or drop figures' },
  tables: { one: 'table', many: 'tables', fix: 'Combine or drop tables' },
  keywords: { one: 'keyword', many: 'keywords', fix: 'Keep the most specific keywords' },
};

/** ": a case report", " - case report", "(a case report)" at the end of a title. */
const TRAILING_CASE_REPORT = /[\s:;,.\u2013\u2014-]*\(?\s*(?:an?\s+)?(?:rare\s+)?case[\s\u00a0-]+reports?(?:\s+and\s+(?:a\s+)?(?:systematic\s+)?(?:review|literature\s+review)(?:\s+of\s+(?:the\s+)?literature)?)?\s*\)?\s*$/i;

/**
 * The profile's word and count limits (abstract, main text, references, figures, tables,
 * keywords) and its title rule ("case report" in the title, or not), overridable by the
 * config's `limits`. What is counted: analysis/counts.ts.
 */
export const lengthLimit: Rule = {
  id: 'length-limit',
  description: "Word and count limits of the profile (abstract, main text, references, figures, tables, keywords) and its title rule.",
  howToFix: 'Shorten the part over its limit (or add keywords to reach the minimum); set "limits" in the config when your journal allows more.',
  defaultSeverity: 'warning',
  check(ctx) {
    const { doc, profile, config } = ctx;
    // Nothing to check when neither the profile nor the config sets a limit.
    const limits = effectiveLimits(profile, config);
    if (!Object.keys(limits).length) return;
    const report = limitReport(doc, ctx.sections, profile, config, true);
    const fallback = doc.title ? { start: doc.title.start, end: doc.title.end } : { start: 0, end: 0 };
    for (const c of report.counts) {
      if (c.status !== 'over' && c.status !== 'under') continue;
      const what = WHAT[c.id];
      const range = c.min !== undefined && c.max !== undefined ? `${c.min} to ${c.max}` : c.status === 'over' ? `${c.max}` : `at least ${c.min}`;
      const n = c.count ?? 0;
      const counted = `${n} ${n === 1 ? what.one : what.many}`;
      const has = what.noun ? `${what.noun} has ${counted}` : `There ${n === 1 ? 'is' : 'are'} ${counted}`;
      const fix = c.status === 'under' ? `Add ${what.many}` : what.fix;
      ctx.report({
        start: c.start ?? fallback.start,
        end: c.end ?? fallback.end,
        message: `${has}; the limit is ${range}. ${fix}.`,
        data: { count: c.id, value: c.count, ...(c.min !== undefined ? { min: c.min } : {}), ...(c.max !== undefined ? { max: c.max } : {}), source: c.source },
      });
    }
    const title = report.title;
    if (title && title.ok === false && title.start !== undefined && title.end !== undefined) {
      const text = doc.text.slice(title.start, title.end);
      if (title.rule === 'require') {
        const fix: Fix = { title: 'Add ": a case report" to the title', kind: 'fix', edits: [{ start: title.end, end: title.end, newText: ': a case report' }] };
        ctx.report({
          start: title.start,
          end: title.end,
          message: 'The title does not contain "case report". Name the diagnosis or intervention, then "case report".',
          data: { count: 'title', rule: 'require', source: title.source },
          fixes: [fix],
        });
      } else {
        const m = TRAILING_CASE_REPORT.exec(text);
        const fixes: Fix[] = m && m.index > 0 ? [{ title: 'Remove "case report" from the title', kind: 'fix', edits: [{ start: title.start + m.index, end: title.end, newText: '' }] }] : [];
        ctx.report({
          start: title.start,
          end: title.end,
          message: 'The title contains "case report", which this journal asks to leave out. Name the diagnosis and the main point instead.',
          data: { count: 'title', rule: 'avoid', source: title.source },
          fixes,
        });
      }
    }
  },
};
