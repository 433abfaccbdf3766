import { checklist, ruleDocsUrl, type ChecklistStatus } from '../../checker';
import { countFindings, locate, plural, totalCounts, type Formatter } from '../report';

/** Text safe inside a Markdown table cell: no line breaks, pipes escaped, HTML neutralised. */
export function cell(s: string): string {
  return s
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`/g, '\\`')
    .trim();
}

const STATUS: Record<ChecklistStatus, string> = { present: '✅ present', empty: '⚠️ empty', missing: '❌ missing' };

/**
 * A Markdown report for $GITHUB_STEP_SUMMARY and pull-request comments: per manuscript, the
 * profile's checklist (item, status) and the findings (line, severity, rule, message), then totals.
 */
export const markdown: Formatter = (reports) => {
  const out: string[] = ['# caselint report', ''];
  if (!reports.length) out.push('No manuscripts were checked.', '');
  for (const report of reports) {
    const c = countFindings(report.findings);
    const mark = c.errors ? '❌' : c.warnings ? '⚠️' : '✅';
    out.push(`## ${mark} ${cell(report.displayPath)}`, '');
    const list = checklist(report.result);
    out.push(`Checklist (${cell(list.label)}): ${list.done} of ${list.total} items present.`, '');
    out.push('| Item | Required | Status |', '| --- | --- | --- |');
    for (const item of list.items) {
      out.push(`| ${cell(item.label)} | ${item.required ? 'yes' : 'no'} | ${STATUS[item.status]} |`);
    }
    out.push('');
    const found = locate(report);
    if (!found.length) {
      out.push('No problems found.', '');
      continue;
    }
    out.push('| Line | Severity | Rule | Message |', '| ---: | --- | --- | --- |');
    for (const f of found) {
      out.push(`| ${f.line} | ${f.severity} | [${f.ruleId}](${ruleDocsUrl(f.ruleId)}) | ${cell(f.message)} |`);
    }
    out.push('');
  }
  const t = totalCounts(reports);
  const parts = [plural(t.errors, 'error'), plural(t.warnings, 'warning')];
  if (t.infos) parts.push(`${t.infos} info`);
  out.push(`**Total:** ${plural(reports.length, 'manuscript')} checked, ${parts.join(', ')}.`);
  return `${out.join('\n')}\n`;
};
