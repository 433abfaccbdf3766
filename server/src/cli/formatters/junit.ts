import { countFindings, locate, totalCounts, type Formatter } from '../report';

/** Escapes text for XML attributes and content, dropping characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * JUnit XML: one <testsuite> per checked file, one <testcase> per finding (with a <failure>
 * carrying the message; type is the severity), and a single passing testcase for a clean file.
 * Testcase names ("line:column rule-id") are unique within their suite.
 */
export const junit: Formatter = (reports) => {
  const total = totalCounts(reports);
  const failures = total.errors + total.warnings + total.infos;
  const tests = reports.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="caselint" tests="${tests}" failures="${failures}" errors="0">`,
  ];
  for (const report of reports) {
    const path = escapeXml(report.displayPath);
    const found = locate(report);
    const c = countFindings(report.findings);
    const n = c.errors + c.warnings + c.infos;
    lines.push(`  <testsuite name="${path}" tests="${Math.max(1, n)}" failures="${n}" errors="0">`);
    if (!found.length) {
      lines.push(`    <testcase classname="${path}" name="caselint" file="${path}"/>`);
    }
    // Testcase names are unique within a suite: CI dashboards key results by name, so a second
    // finding of a rule at the same place (missing sections all reported at the title) is "(2)".
    const seen = new Map<string, number>();
    for (const f of found) {
      const base = `${f.line}:${f.column} ${f.ruleId}`;
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      const name = escapeXml(count === 1 ? base : `${base} (${count})`);
      lines.push(`    <testcase classname="${path}" name="${name}" file="${path}" line="${f.line}">`);
      lines.push(
        `      <failure message="${escapeXml(f.message)}" type="${f.severity}">${escapeXml(
          `${f.severity} at ${report.displayPath}:${f.line}:${f.column} (${f.ruleId}): ${f.message}`,
        )}</failure>`,
      );
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
};
