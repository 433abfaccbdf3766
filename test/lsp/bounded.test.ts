import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { seededRandom } from '../../bench/random';
import type { Finding } from '../../server/src/checker';
import { findingsToDiagnostics, MORE_CODE } from '../../server/src/lsp/diagnostics';
import { inProcessServer, PULL_CAPABILITIES, PUSH_CAPABILITIES, type TestClient } from './client';

/**
 * Bounded output (lsp/diagnostics.ts): at most 1,000 diagnostics per document, then one summary
 * diagnostic saying how many more findings there are.
 */
const HEAD = '# Cramps in a carpenter: a case report\n\n## Case presentation\n\nA man of 50 had cramps. ';
const TAIL = '\n\n## Discussion\n\nThe cramps went away.\n';
/** One very long line with `n` writing markers. */
const manyMarkers = (n: number) => HEAD + 'TODO write this, '.repeat(n) + TAIL;

describe('language server diagnostics cap', function () {
  this.timeout(60000);
  let client: TestClient | undefined;
  afterEach(async () => {
    if (client) await client.shutdown();
    client = undefined;
  });

  it('pull: a long line with 1,500 findings gives 1,000 diagnostics and one summary of the rest', async () => {
    client = await inProcessServer({ capabilities: PULL_CAPABILITIES });
    await client.initialize();
    const uri = 'file:///tmp/caselint-bounded/many.md';
    await client.open(uri, manyMarkers(1500));
    const items = await client.pullItems(uri);
    assert.equal(items.length, 1001);
    const more = items.filter((d) => d.code === MORE_CODE);
    assert.equal(more.length, 1);
    const [, hidden, total] = /^([\d,]+) more findings not shown \(1,000 of ([\d,]+) shown, the most severe first\)/.exec(String(more[0].message)) ?? [];
    const n = (s: string) => Number(s.replace(/,/g, ''));
    assert.ok(n(total) >= 1500, String(more[0].message));
    assert.equal(n(hidden), n(total) - 1000);
    assert.deepEqual(more[0].range.start, { line: 0, character: 0 });
  });

  it('push: the same cap, with the server option maxDiagnostics', async () => {
    client = await inProcessServer({ capabilities: PUSH_CAPABILITIES, serverOptions: { maxDiagnostics: 10 } });
    await client.initialize();
    const uri = 'file:///tmp/caselint-bounded/push.md';
    await client.open(uri, manyMarkers(40));
    await client.waitFor('diagnostics', () => (client!.published.get(uri)?.length ?? 0) > 0);
    const items = client.published.get(uri)!;
    assert.equal(items.length, 11);
    assert.equal(items[10].code, MORE_CODE);
    const [, hidden, total] = /^(\d+) more findings not shown \(10 of (\d+) shown/.exec(String(items[10].message)) ?? [];
    assert.ok(Number(total) >= 40, String(items[10].message));
    assert.equal(Number(hidden), Number(total) - 10);
  });

  it('shows the most severe findings first, in document order, and converts only those', () => {
    const doc = TextDocument.create('file:///x.md', 'markdown', 1, 'abcdefghij\n');
    const f = (start: number, severity: Finding['severity']): Finding => ({ ruleId: 'placeholder', severity, message: severity, start, end: start + 1 });
    const findings = [f(0, 'hint'), f(1, 'warning'), f(2, 'info'), f(3, 'error'), f(4, 'warning')];
    const shown = findingsToDiagnostics(findings, doc, undefined, 3);
    assert.deepEqual(shown.map((d) => String(d.message).split(' ')[0]), ['warning', 'error', 'warning', '2']);
    assert.equal(shown[3].code, MORE_CODE);
    assert.equal(findingsToDiagnostics(findings, doc, undefined, 5).length, 5, 'no summary when all fit');
  });

  it('picks the same findings as sorting by severity then document order, for any mix and cap', () => {
    const doc = TextDocument.create('file:///x.md', 'markdown', 1, 'x'.repeat(200));
    const severities: Finding['severity'][] = ['error', 'warning', 'info', 'hint'];
    const random = seededRandom(5);
    for (let round = 0; round < 200; round++) {
      const findings = Array.from({ length: 1 + Math.floor(random() * 40) }, (_, i): Finding => ({
        ruleId: 'placeholder', severity: severities[Math.floor(random() * 4)], message: `m${i}`, start: i, end: i + 1,
      }));
      const max = Math.floor(random() * (findings.length + 2));
      const rank = (f: Finding) => severities.indexOf(f.severity);
      const expected = findings.length <= max ? findings : findings.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).slice(0, max).sort((a, b) => a.i - b.i).map(({ f }) => f);
      const shown = findingsToDiagnostics(findings, doc, undefined, max).filter((d) => d.code !== MORE_CODE);
      assert.deepEqual(shown.map((d) => d.message), expected.map((f) => f.message), `round ${round}`);
    }
  });
});
