import assert from 'node:assert/strict';
import { join } from 'node:path';
import { check, RULES, ruleDocsUrl, type Finding } from '../../server/src/checker';
import { escapeData, escapeProperty, github } from '../../server/src/cli/formatters/github';
import { junit } from '../../server/src/cli/formatters/junit';
import { markdown } from '../../server/src/cli/formatters/markdown';
import { artifactUri, sarif } from '../../server/src/cli/formatters/sarif';
import type { FileReport, FormatContext } from '../../server/src/cli/report';
import { checkXml, FIXTURES, REPO, runCli, sarifValidator, unescapeXml } from './helpers';

const MISSING_REL = 'test/fixtures/cli/missing-section.md';
const COMPLETE_REL = 'test/fixtures/cli/project/complete-case-report.md';
const CTX: FormatContext = { cwd: REPO, color: false, version: '9.9.9' };

/** A report with a hostile message and path, to test escaping in every format. */
function hostileReport(): FileReport {
  const text = '# A case report\n\n## Case presentation\n\nThe patient 🦵 had cramps.\n';
  const result = check(text, { config: { rules: { 'required-section': 'off' } } });
  const start = text.indexOf('cramps');
  const finding: Finding = {
    ruleId: 'placeholder',
    severity: 'info',
    message: 'a <b> & "c" | d, 100% e:f\r\nnext line',
    start,
    end: start + 6,
  };
  return { filePath: join(REPO, 'we,ird: 100% <a&b>.md'), displayPath: 'we,ird: 100% <a&b>.md', result, findings: [finding], config: {} };
}

describe('cli: report formats', () => {
  describe('sarif', () => {
    const validate = sarifValidator();

    it('validates against the SARIF 2.1.0 schema and carries rules, levels and regions', async () => {
      const r = await runCli(['--format', 'sarif', MISSING_REL, COMPLETE_REL]);
      assert.equal(r.code, 1);
      const log = JSON.parse(r.stdout);
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      assert.equal(log.version, '2.1.0');
      const run = log.runs[0];
      const driver = run.tool.driver;
      assert.equal(driver.name, 'caselint');
      assert.match(driver.version, /^\d+\.\d+\.\d+/);
      assert.ok(driver.informationUri);
      assert.deepEqual(
        driver.rules.map((x: { id: string; shortDescription: { text: string }; helpUri: string }) => [x.id, x.shortDescription.text, x.helpUri]),
        RULES.map((x) => [x.id, x.description, ruleDocsUrl(x.id)]),
        'every registered rule',
      );
      assert.equal(run.columnKind, 'utf16CodeUnits');
      assert.equal(run.results.length, 2);
      const [section, marker] = run.results;
      assert.equal(section.ruleId, 'required-section');
      assert.equal(driver.rules[section.ruleIndex].id, 'required-section');
      assert.equal(section.level, 'error');
      assert.match(section.message.text, /"Investigations"/);
      const loc = section.locations[0].physicalLocation;
      assert.deepEqual(loc.artifactLocation, { uri: MISSING_REL, uriBaseId: '%SRCROOT%' });
      assert.equal(loc.region.startLine, 2);
      assert.equal(loc.region.startColumn, 9);
      assert.equal(marker.level, 'warning');
      assert.deepEqual(marker.locations[0].physicalLocation.region, { startLine: 11, startColumn: 25, endLine: 11, endColumn: 27 });
      assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${REPO}/`);
    });

    it('the validator rejects a broken log (the schema is really applied)', async () => {
      const log = JSON.parse((await runCli(['--format', 'sarif', MISSING_REL])).stdout);
      log.runs[0].results[0].level = 'fatal';
      assert.equal(validate(log), false);
      delete log.runs[0].results[0].level;
      delete log.runs[0].tool.driver.name;
      assert.equal(validate(log), false);
    });

    it('info and hint are notes; URIs are percent-encoded; a clean run has no results', () => {
      const log = JSON.parse(sarif([hostileReport()], CTX));
      assert.ok(validate(log), JSON.stringify(validate.errors));
      const [res] = log.runs[0].results;
      assert.equal(res.level, 'note');
      assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'we%2Cird%3A%20100%25%20%3Ca%26b%3E.md');
      assert.equal(artifactUri('/abs/dir/a b.md'), 'file:///abs/dir/a%20b.md');
      const empty = JSON.parse(sarif([], CTX));
      assert.ok(validate(empty));
      assert.deepEqual(empty.runs[0].results, []);
    });
  });

  describe('github', () => {
    const LINE = /^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]+)::(.*)$/;

    it('one workflow command per finding', async () => {
      const r = await runCli(['--format', 'github', MISSING_REL]);
      assert.equal(r.code, 1);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 2);
      for (const l of lines) assert.match(l, LINE);
      const [, level, file, line, col, , , title, message] = LINE.exec(lines[0])!;
      assert.deepEqual([level, file, line, col, title], ['error', MISSING_REL, '2', '9', 'caselint(required-section)']);
      assert.match(message, /^Missing required section "Investigations"/);
      assert.deepEqual(LINE.exec(lines[1])!.slice(1, 8), ['warning', MISSING_REL, '11', '25', '11', '27', 'caselint(placeholder)']);
      assert.equal((await runCli(['--format', 'github', COMPLETE_REL])).stdout, '');
    });

    it('escapes data (%, CR, LF) and properties (also : and ,)', () => {
      assert.equal(escapeData('100% a\r\nb: c, d'), '100%25 a%0D%0Ab: c, d');
      assert.equal(escapeProperty('100% a\r\nb: c, d'), '100%25 a%0D%0Ab%3A c%2C d');
      const out = github([hostileReport()], CTX);
      assert.equal(
        out,
        '::notice file=we%2Cird%3A 100%25 <a&b>.md,line=5,col=20,endLine=5,endColumn=26,title=caselint(placeholder)::a <b> & "c" | d, 100%25 e:f%0D%0Anext line\n',
      );
      assert.match(out.trimEnd(), LINE);
    });
  });

  describe('junit', () => {
    it('well-formed XML: a testsuite per file, a failing testcase per finding, a passing one for a clean file', async () => {
      const r = await runCli(['--format', 'junit', MISSING_REL, COMPLETE_REL]);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
      const els = checkXml(r.stdout);
      assert.equal(els[0].name, 'testsuites');
      assert.deepEqual([els[0].attrs.tests, els[0].attrs.failures], ['3', '2']);
      const suites = els.filter((e) => e.name === 'testsuite');
      assert.deepEqual(suites.map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures]), [
        [MISSING_REL, '2', '2'],
        [COMPLETE_REL, '1', '0'],
      ]);
      const cases = els.filter((e) => e.name === 'testcase');
      assert.deepEqual(cases.map((c) => c.attrs.name), ['2:9 required-section', '11:25 placeholder', 'caselint']);
      const failures = els.filter((e) => e.name === 'failure');
      assert.equal(failures.length, 2);
      assert.equal(failures[0].attrs.type, 'error');
      assert.match(unescapeXml(failures[0].attrs.message), /^Missing required section "Investigations"/);
      assert.match(unescapeXml(failures[0].text), /test\/fixtures\/cli\/missing-section\.md:2:9 \(required-section\)/);
    });

    it('names testcases uniquely within a suite, also for two findings at one place', () => {
      const report = hostileReport();
      const [f] = report.findings;
      report.findings = [f, { ...f, message: 'second' }, { ...f, message: 'third' }, { ...f, start: f.start + 1, end: f.end }];
      const cases = checkXml(junit([report], CTX)).filter((e) => e.name === 'testcase').map((e) => e.attrs.name);
      assert.equal(cases.length, 4);
      assert.equal(new Set(cases).size, 4, cases.join(' | '));
      assert.deepEqual(cases, ['5:20 placeholder', '5:20 placeholder (2)', '5:20 placeholder (3)', '5:21 placeholder']);
    });

    it('escapes markup characters and drops characters XML forbids', () => {
      const report = hostileReport();
      report.findings[0].message += ' \u0001\u001f end';
      const out = junit([report], CTX);
      const els = checkXml(out);
      const failure = els.find((e) => e.name === 'failure')!;
      assert.equal(unescapeXml(failure.attrs.message), 'a <b> & "c" | d, 100% e:f\r\nnext line  end');
      assert.equal(unescapeXml(els.find((e) => e.name === 'testsuite')!.attrs.name), 'we,ird: 100% <a&b>.md');
      assert.doesNotMatch(out, /[\u0001\u001f]/);
      assert.doesNotThrow(() => checkXml(junit([], CTX)));
    });
  });

  describe('markdown', () => {
    it('a report per manuscript: checklist table, findings table, totals', async () => {
      const r = await runCli(['--format', 'markdown', MISSING_REL, COMPLETE_REL]);
      assert.equal(r.code, 1);
      const md = r.stdout;
      assert.match(md, /^# caselint report\n/);
      assert.match(md, new RegExp(`^## ❌ ${MISSING_REL.replace(/[./]/g, '\\$&')}$`, 'm'));
      assert.match(md, new RegExp(`^## ✅ ${COMPLETE_REL.replace(/[./]/g, '\\$&')}$`, 'm'));
      assert.match(md, /^\| Item \| Required \| Status \|$/m);
      assert.match(md, /^\| Investigations \| yes \| ❌ missing \|$/m);
      assert.match(md, /^\| Case presentation \| yes \| ✅ present \|$/m);
      assert.match(md, /^\| Line \| Severity \| Rule \| Message \|$/m);
      assert.match(md, new RegExp(`^\\| 2 \\| error \\| \\[required-section\\]\\(${ruleDocsUrl('required-section').replace(/[./]/g, '\\$&')}\\) \\| Missing required section "Investigations"`, 'm'));
      assert.match(md, /^\| 11 \| warning \| \[placeholder\]/m);
      assert.match(md, /No problems found\./);
      assert.match(md, /\*\*Total:\*\* 2 manuscripts checked, 1 error, 1 warning\.\n$/);
      // Every table row has the same number of cells as its header.
      for (const table of md.split('\n\n').filter((b) => b.startsWith('|'))) {
        const rows = table.split('\n');
        const n = rows[0].split(/(?<!\\)\|/).length;
        for (const row of rows) assert.equal(row.split(/(?<!\\)\|/).length, n, row);
      }
    });

    it('escapes table cells and shows empty sections', () => {
      const report = hostileReport();
      const out = markdown([report], CTX);
      assert.match(out, /\| 5 \| info \| \[placeholder\]\([^)]*\) \| a &lt;b&gt; & "c" \\\| d, 100% e:f next line \|/);
      const text = '# Cramps: a case report\n\n## Abstract\n\nShort.\n\n## Case presentation\n\n## Investigations\n\nNone.\n\n## Discussion\n\nDone [1].\n';
      const result = check(text);
      const md = markdown([{ filePath: '/x.md', displayPath: 'x.md', result, findings: result.findings, config: {} }], CTX);
      assert.match(md, /^\| Case presentation \| yes \| ⚠️ empty \|$/m);
    });
  });

  it('every format handles a run with no files', async () => {
    for (const format of ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown']) {
      const r = await runCli(['--format', format, join(FIXTURES, 'project/notes')]);
      assert.equal(r.code, 0, format);
    }
  });
});
