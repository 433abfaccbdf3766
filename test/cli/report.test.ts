import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, manuscriptReport, reportHtml, reportMarkdown } from '../../server/src/checker';
import { REPO, runCli } from './helpers';

/** `caselint report FILE`: one page (Markdown or HTML) with the checklist, the limits, the findings by rule and the abbreviations. */
const FILE = 'test/fixtures/report/manuscript.md';
const PROFILE = ['--profile', 'bmj-case-reports'];

describe('caselint report', () => {
  it('writes the Markdown page by default: checklist with evidence, words and counts, findings by rule, abbreviations', async () => {
    const r = await runCli(['report', ...PROFILE, '--exit-zero', FILE]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const md = r.stdout;
    for (const heading of ['# caselint report', `## ${FILE}`, '### Checklist', '### Words and counts', '### Findings', '### Abbreviations']) {
      assert.ok(md.includes(`\n${heading}\n`) || md.startsWith(`${heading}\n`), `no "${heading}" in:\n${md}`);
    }
    // An item found by a heading, and the line it is on.
    assert.match(md, /\| Summary \| yes \| ✅ present \| line 5 \(heading "Summary"\) \|/);
    // The limits with their sources (the "|" in the abstract is not a word).
    assert.match(md, /\| Abstract \| 27 words \| at most 150 \| within the limit \| limit as published by the journal's author guidelines/);
    assert.match(md, /\| Keywords \| 3 \| — \| no limit \| — \|/);
    assert.match(md, /\| Title \| Title contains "case report" \| without "case report" \| not met \|/);
    // Findings grouped by rule, with line:column; a pipe in the text is escaped.
    assert.match(md, /#### \[length-limit\]\(https:\/\/github\.com\/caselint\/caselint\/blob\/main\/docs\/rules\/length-limit\.md\) \(1\)/);
    assert.match(md, /\| 1:3 \| warning \| The title contains "case report"/);
    assert.match(md, /#### \[abbreviation\]\([^)]*\) \(\d+\)/);
    // The abbreviation table: defined in the abstract only, well known, never defined.
    assert.match(md, /\| NCS \| Nerve conduction studies \| abstract \| 7 \| 1 \| defined \|/);
    assert.match(md, /\| MRI \| — \| — \| — \| 1 \| well known \|/);
    assert.match(md, /\| CIDP \| — \| — \| — \| 1 \| not defined \|/);
  });

  it('exits as the check does: 1 with errors or warnings over --max-warnings, 0 otherwise', async () => {
    // The manuscript has none of the statements BMJ Case Reports asks for (errors of the
    // declarations rule): turned off here, so that warnings alone decide the exit code.
    const r = await runCli(['report', ...PROFILE, '--rule', 'declarations:off', '--max-warnings', '0', FILE]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /too many warnings/);
  });

  it('--format html: one self-contained page, every text escaped, no script, nothing to load', async () => {
    const r = await runCli(['report', '--profile', 'care', '--format', 'html', '--exit-zero', FILE]);
    assert.equal(r.code, 0, r.stderr);
    const html = r.stdout;
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';/);
    assert.match(html, /<style>[^<]+<\/style>/);
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|src=|url\(|@import/i);
    // The only links are the rules' pages (followed only when clicked); the limits' sources are text.
    const links = [...html.matchAll(/\b(?:href|src|action|data)=["']?([^"'\s>]*)/gi)].map((m) => m[1]);
    assert.ok(links.length > 0);
    for (const link of links) assert.match(link, /^https:\/\/github\.com\/caselint\/caselint\/blob\/main\/docs\/rules\/[a-z-]+\.md$/);
    assert.match(html, /<h2>test\/fixtures\/report\/manuscript\.md<\/h2>/);
    assert.match(html, /<h3>Checklist<\/h3>[\s\S]*<h3>Words and counts<\/h3>[\s\S]*<h3>Findings<\/h3>[\s\S]*<h3>Abbreviations<\/h3>/);
    // CARE's consent item, satisfied by a sentence: quoted; the title is escaped.
    assert.match(html, /<q>Written informed consent for publication was obtained from the patient\.<\/q>/);
    assert.match(html, /<tr><td>Keywords<\/td><td class="n">3<\/td><td>2–5<\/td><td class="ok">within the limit<\/td>/);
  });

  it('escapes what the manuscript says, in both pages', () => {
    const text = '# X\n\n## Abstract\n\nA <img src=x onerror=alert(1)> | *b* & "c" DEF (`x`).\n\nWritten informed consent <script>x</script> was obtained from the patient.\n';
    const result = check(text, { config: { profile: 'care' } });
    const data = [manuscriptReport(result, 'a|<b>.md')];
    const html = reportHtml(data);
    assert.doesNotMatch(html, /<img|<script|<b>/);
    assert.match(html, /a\|&lt;b&gt;\.md/);
    const md = reportMarkdown(data);
    assert.match(md, /## a\\\|&lt;b&gt;\.md/);
    assert.doesNotMatch(md, /<script|<img/);
  });

  it('-o writes the page to a file; an unknown report format is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caselint-report-'));
    try {
      const out = join(dir, 'out', 'report.html');
      const r = await runCli(['report', '--format', 'html', '--exit-zero', '-o', out, FILE]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(readFileSync(out, 'utf8'), /^<!DOCTYPE html>/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const bad = await runCli(['report', '--format', 'sarif', FILE]);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'caselint: unknown report format "sarif" (known: markdown, html)\n');
    const help = await runCli(['report', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: caselint report/);
    void REPO;
  });
});
