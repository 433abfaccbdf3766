/**
 * The report a writer attaches to a submission (or CI publishes): per manuscript, the profile's
 * checklist with each item's status and the quoted evidence, the word and count limits, the
 * findings grouped by rule with their lines, and the abbreviation table. Pure: a function of
 * check results; `reportMarkdown` and `reportHtml` return one self-contained page as a string.
 *
 * The HTML page escapes every text it shows, carries its CSS inline, has no script, and a
 * Content-Security-Policy that forbids loading anything (`default-src 'none'`): opening it makes
 * no request. Links to the rules' pages are only followed when clicked.
 */
import { analyseAbbreviations } from '../analysis/abbreviations';
import type { CountCheck, TitleCheck } from '../analysis/counts';
import type { CheckResult } from '../engine/check';
import { positionAt } from '../model/text';
import { WELL_KNOWN_ABBREVIATIONS } from '../profiles';
import { resolveRuleSetting } from '../config';
import { getRule } from '../rules';
import type { Finding, Severity } from '../types';
import { checklist, type ChecklistStatus } from './checklist';
import { ruleDocsUrl } from './explain';

export interface ReportItem {
  label: string;
  required: boolean;
  status: ChecklistStatus;
  /** How it was found ("heading \"Case report\"", "a consent statement"), or why not. */
  detail?: string;
  /** The text that satisfies it, quoted from the manuscript (one line, shortened). */
  evidence?: string;
  line?: number;
  /** Counted in done/total (false for References). */
  counted: boolean;
}

export interface ReportFinding {
  line: number;
  column: number;
  severity: Severity;
  message: string;
}

export interface ReportRuleGroup {
  ruleId: string;
  description?: string;
  docsUrl: string;
  findings: ReportFinding[];
}

export interface ReportAbbreviation {
  short: string;
  /** The long form the document gives (first definition), if any. */
  long?: string;
  /** Where it is defined: "abstract", "main text", "Abbreviations list". */
  definedIn: string[];
  /** Line of the first definition. */
  line?: number;
  /** Uses outside definitions. */
  uses: number;
  status: 'defined' | 'well known' | 'not defined';
}

/** One manuscript's report, as data (the Markdown and HTML pages render it). */
export interface ManuscriptReport {
  path: string;
  profile: string;
  done: number;
  total: number;
  items: ReportItem[];
  counts: CountCheck[];
  titleRule?: TitleCheck;
  groups: ReportRuleGroup[];
  errors: number;
  warnings: number;
  infos: number;
  abbreviations: ReportAbbreviation[];
}

const QUOTE_MAX = 160;

/** A one-line quote of the source, shortened to QUOTE_MAX characters. */
function quote(text: string, start: number, end: number): string {
  const one = text.slice(start, Math.min(end, start + QUOTE_MAX * 2)).replace(/\s+/g, ' ').trim();
  return one.length > QUOTE_MAX ? `${one.slice(0, QUOTE_MAX - 1).trimEnd()}\u2026` : one;
}

/**
 * The report of one checked manuscript. `findings` are those to show (the CLI's `--quiet` leaves
 * out all but errors); by default the check's.
 */
export function manuscriptReport(result: CheckResult, path: string, findings: readonly Finding[] = result.findings): ManuscriptReport {
  const { model } = result;
  const line = (offset: number) => positionAt(model.lineStarts, offset).line + 1;
  const list = checklist(result);
  const items: ReportItem[] = list.items.map((i) => ({
    label: i.label,
    required: i.required,
    status: i.status,
    ...(i.detail ? { detail: i.detail } : {}),
    ...(i.start !== undefined ? { line: line(i.start) } : {}),
    // The content that satisfies it (a heading is already named by its detail).
    ...(i.via === 'content' && i.start !== undefined && i.end !== undefined && i.end > i.start ? { evidence: quote(model.text, i.start, i.end) } : {}),
    counted: i.counted !== false,
  }));

  const byRule = new Map<string, ReportRuleGroup>();
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
    let group = byRule.get(f.ruleId);
    if (!group) {
      const description = getRule(f.ruleId)?.description;
      group = { ruleId: f.ruleId, ...(description ? { description } : {}), docsUrl: ruleDocsUrl(f.ruleId), findings: [] };
      byRule.set(f.ruleId, group);
    }
    const at = positionAt(model.lineStarts, f.start);
    group.findings.push({ line: at.line + 1, column: at.character + 1, severity: f.severity, message: f.message });
  }
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
  const worst = (g: ReportRuleGroup) => Math.min(...g.findings.map((f) => rank[f.severity]));
  const groups = [...byRule.values()].sort((a, b) => worst(a) - worst(b) || a.ruleId.localeCompare(b.ruleId));

  return {
    path,
    profile: list.label,
    done: list.done,
    total: list.total,
    items,
    counts: list.counts ?? [],
    ...(list.titleRule ? { titleRule: list.titleRule } : {}),
    groups,
    errors,
    warnings,
    infos,
    abbreviations: abbreviationTable(result),
  };
}

/** Every abbreviation the `abbreviation` rule looks at: its long form, where it is defined, its uses. */
function abbreviationTable(result: CheckResult): ReportAbbreviation[] {
  const { model } = result;
  const { definitions, uses } = analyseAbbreviations(model, result.sections);
  const options = resolveRuleSetting(result.config.rules?.abbreviation, 'warning').options;
  const known = new Set<string>([...WELL_KNOWN_ABBREVIATIONS.terms, ...(Array.isArray(options.known) ? (options.known as string[]) : [])]);
  const rows = new Map<string, ReportAbbreviation>();
  const row = (short: string) => {
    let r = rows.get(short);
    if (!r) rows.set(short, (r = { short, definedIn: [], uses: 0, status: known.has(short) ? 'well known' : 'not defined' }));
    return r;
  };
  for (const d of definitions) {
    const r = row(d.short);
    r.long ??= d.long;
    r.line ??= positionAt(model.lineStarts, d.start).line + 1;
    const where = d.list ? 'Abbreviations list' : d.scope === 'abstract' ? 'abstract' : 'main text';
    if (!r.definedIn.includes(where)) r.definedIn.push(where);
    if (r.status === 'not defined') r.status = 'defined';
  }
  for (const u of uses) row(u.short).uses++;
  return [...rows.values()].sort((a, b) => a.short.localeCompare(b.short));
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

export interface ReportPageOptions {
  /** caselint's version, in the footer. */
  version?: string;
}

const STATUS_TEXT: Record<ChecklistStatus, string> = { present: 'present', empty: 'empty', missing: 'missing' };
const STATUS_MARK: Record<ChecklistStatus, string> = { present: '\u2705', empty: '\u26a0\ufe0f', missing: '\u274c' };
const COUNT_STATUS: Record<CountCheck['status'], string> = { ok: 'within the limit', over: 'over the limit', under: 'under the minimum', none: 'no limit' };

function limitOf(c: CountCheck): string {
  if (c.min !== undefined && c.max !== undefined) return `${c.min}\u2013${c.max}`;
  if (c.max !== undefined) return `at most ${c.max}`;
  if (c.min !== undefined) return `at least ${c.min}`;
  return '\u2014';
}

function countValue(c: CountCheck): string {
  if (c.count !== undefined) return `${c.count}${c.unit ? ` ${c.unit}` : ''}`;
  return c.text.replace(/^[^:]*:\s*/, '');
}

function summaryLine(r: ManuscriptReport): string {
  const parts = [`${r.errors} error${r.errors === 1 ? '' : 's'}`, `${r.warnings} warning${r.warnings === 1 ? '' : 's'}`];
  if (r.infos) parts.push(`${r.infos} info`);
  return parts.join(', ');
}

/** Text safe in a Markdown table cell (and in GitHub's job summary, which renders HTML). */
function md(s: string): string {
  return s
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1')
    .trim();
}

/** The report as one Markdown page (for $GITHUB_STEP_SUMMARY, a pull-request comment or a file). */
export function reportMarkdown(reports: readonly ManuscriptReport[], options: ReportPageOptions = {}): string {
  const out: string[] = ['# caselint report', ''];
  if (!reports.length) out.push('No manuscripts were checked.', '');
  for (const r of reports) {
    out.push(`## ${md(r.path)}`, '', `Profile: ${md(r.profile)}. Checklist: ${r.done} of ${r.total} items present. Findings: ${summaryLine(r)}.`, '');
    out.push('### Checklist', '', '| Item | Required | Status | Evidence |', '| --- | --- | --- | --- |');
    for (const i of r.items) {
      const evidence = [i.line ? `line ${i.line}` : '', i.evidence ? `\u201c${md(i.evidence)}\u201d` : '', i.detail ? `(${md(i.detail)})` : ''].filter(Boolean).join(' ');
      out.push(`| ${md(i.label)}${i.counted ? '' : ' (not counted)'} | ${i.required ? 'yes' : 'no'} | ${STATUS_MARK[i.status]} ${STATUS_TEXT[i.status]} | ${evidence || '\u2014'} |`);
    }
    out.push('', '### Words and counts', '', '| Count | Value | Limit | Status | Source |', '| --- | ---: | --- | --- | --- |');
    for (const c of r.counts) out.push(`| ${md(c.label)} | ${md(countValue(c))} | ${limitOf(c)} | ${COUNT_STATUS[c.status]} | ${c.source ? md(c.source) : '\u2014'} |`);
    if (r.titleRule) out.push(`| Title | ${md(r.titleRule.text)} | ${r.titleRule.rule === 'require' ? 'contains "case report"' : 'without "case report"'} | ${r.titleRule.ok === false ? 'not met' : r.titleRule.ok ? 'met' : 'no title'} | ${md(r.titleRule.source)} |`);
    out.push('', '### Findings', '');
    if (!r.groups.length) out.push('No problems found.', '');
    for (const g of r.groups) {
      out.push(`#### [${md(g.ruleId)}](${g.docsUrl}) (${g.findings.length})`, '');
      if (g.description) out.push(md(g.description), '');
      out.push('| Line | Severity | Message |', '| ---: | --- | --- |');
      for (const f of g.findings) out.push(`| ${f.line}:${f.column} | ${f.severity} | ${md(f.message)} |`);
      out.push('');
    }
    out.push('### Abbreviations', '');
    if (!r.abbreviations.length) out.push('No abbreviations found.', '');
    else {
      out.push('| Abbreviation | Long form | Defined in | Line | Uses | Status |', '| --- | --- | --- | ---: | ---: | --- |');
      for (const a of r.abbreviations) out.push(`| ${md(a.short)} | ${a.long ? md(a.long) : '\u2014'} | ${a.definedIn.length ? md(a.definedIn.join(', ')) : '\u2014'} | ${a.line ?? '\u2014'} | ${a.uses} | ${a.status} |`);
      out.push('');
    }
  }
  out.push(`Made by caselint${options.version ? ` ${md(options.version)}` : ''}.`);
  return `${out.join('\n')}\n`;
}

/** Text safe in HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff;margin:0 auto;max-width:72rem;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 1rem}h2{font-size:1.3rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem;margin-top:2rem}
h3{font-size:1.1rem;margin-top:1.5rem}h4{font-size:1rem;margin:1rem 0 .3rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;white-space:nowrap}
.present{color:#1a7f37}.empty,.warning,.over,.under{color:#9a6700}.missing,.error{color:#cf222e}.info,.hint,.none{color:#57606a}
q{font-style:italic}.muted{color:#57606a}footer{margin-top:2rem;color:#57606a;font-size:.85rem}
@media print{body{max-width:none;padding:0}a{color:inherit}}
`.trim();

/** The report as one self-contained HTML page: inline CSS, no script, nothing loaded. */
export function reportHtml(reports: readonly ManuscriptReport[], options: ReportPageOptions = {}): string {
  const h = escapeHtml;
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>caselint report${reports.length === 1 ? ` \u2014 ${h(reports[0].path)}` : ''}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<h1>caselint report</h1>',
  ];
  if (!reports.length) out.push('<p>No manuscripts were checked.</p>');
  for (const r of reports) {
    out.push('<section class="manuscript">', `<h2>${h(r.path)}</h2>`);
    out.push(`<p>Profile: <strong>${h(r.profile)}</strong>. Checklist: ${r.done} of ${r.total} items present. Findings: ${h(summaryLine(r))}.</p>`);
    out.push('<h3>Checklist</h3>', '<table><thead><tr><th>Item</th><th>Required</th><th>Status</th><th>Evidence</th></tr></thead><tbody>');
    for (const i of r.items) {
      const evidence = [i.line ? `<span class="muted">line ${i.line}</span>` : '', i.evidence ? `<q>${h(i.evidence)}</q>` : '', i.detail ? `<span class="muted">(${h(i.detail)})</span>` : ''].filter(Boolean).join(' ');
      out.push(`<tr><td>${h(i.label)}${i.counted ? '' : ' <span class="muted">(not counted)</span>'}</td><td>${i.required ? 'yes' : 'no'}</td><td class="${i.status}">${STATUS_TEXT[i.status]}</td><td>${evidence || '\u2014'}</td></tr>`);
    }
    out.push('</tbody></table>');
    out.push('<h3>Words and counts</h3>', '<table><thead><tr><th>Count</th><th>Value</th><th>Limit</th><th>Status</th><th>Source</th></tr></thead><tbody>');
    for (const c of r.counts) {
      out.push(`<tr><td>${h(c.label)}</td><td class="n">${h(countValue(c))}</td><td>${h(limitOf(c))}</td><td class="${c.status}">${COUNT_STATUS[c.status]}</td><td>${c.source ? h(c.source) : '\u2014'}</td></tr>`);
    }
    if (r.titleRule) {
      const t = r.titleRule;
      out.push(`<tr><td>Title</td><td>${h(t.text)}</td><td>${t.rule === 'require' ? 'contains \u201ccase report\u201d' : 'without \u201ccase report\u201d'}</td><td class="${t.ok === false ? 'over' : 'ok'}">${t.ok === false ? 'not met' : t.ok ? 'met' : 'no title'}</td><td>${h(t.source)}</td></tr>`);
    }
    out.push('</tbody></table>');
    out.push('<h3>Findings</h3>');
    if (!r.groups.length) out.push('<p>No problems found.</p>');
    for (const g of r.groups) {
      out.push(`<h4><a href="${h(g.docsUrl)}" rel="noreferrer noopener">${h(g.ruleId)}</a> (${g.findings.length})</h4>`);
      if (g.description) out.push(`<p class="muted">${h(g.description)}</p>`);
      out.push('<table><thead><tr><th>Line</th><th>Severity</th><th>Message</th></tr></thead><tbody>');
      for (const f of g.findings) out.push(`<tr><td class="n">${f.line}:${f.column}</td><td class="${f.severity}">${f.severity}</td><td>${h(f.message)}</td></tr>`);
      out.push('</tbody></table>');
    }
    out.push('<h3>Abbreviations</h3>');
    if (!r.abbreviations.length) out.push('<p>No abbreviations found.</p>');
    else {
      out.push('<table><thead><tr><th>Abbreviation</th><th>Long form</th><th>Defined in</th><th>Line</th><th>Uses</th><th>Status</th></tr></thead><tbody>');
      for (const a of r.abbreviations) {
        const cls = a.status === 'not defined' ? 'warning' : a.status === 'defined' ? 'present' : 'info';
        out.push(`<tr><td>${h(a.short)}</td><td>${a.long ? h(a.long) : '\u2014'}</td><td>${a.definedIn.length ? h(a.definedIn.join(', ')) : '\u2014'}</td><td class="n">${a.line ?? '\u2014'}</td><td class="n">${a.uses}</td><td class="${cls}">${a.status}</td></tr>`);
      }
      out.push('</tbody></table>');
    }
    out.push('</section>');
  }
  out.push(`<footer>Made by caselint${options.version ? ` ${h(options.version)}` : ''}. This page loads nothing from the network.</footer>`, '</body>', '</html>');
  return `${out.join('\n')}\n`;
}
