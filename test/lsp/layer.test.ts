import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { seededRandom } from '../../bench/random';
import { check, createIncrementalChecker } from '../../server/src/checker';
import { checklistResult } from '../../server/src/lsp/checklist';
import { findingsToDiagnostics, sameList } from '../../server/src/lsp/diagnostics';
import { ChecklistRequest } from '../../server/src/lsp/protocol';
import { inProcessServer, PULL_CAPABILITIES, ROOT, type TestClient } from './client';

/**
 * What the server layer does per keystroke (issue 17), beyond the check: the diagnostics of a
 * re-check reuse the last list's objects where they say the same (and a list that is all the last
 * one's is the same list), the checklist notification is made once a burst of edits pauses, and
 * its ranges come from the check's own line starts.
 */
const EXAMPLE = readFileSync(join(ROOT, 'examples', 'als-cramps-case-report.md'), 'utf8');
const TYPED = [' ', 'e', '.', '\n', '\n\n', '[1]', '# ', 'always ', ''];

describe('language server layer per keystroke', function () {
  this.timeout(60000);

  it('diagnostics made with the last list equal a fresh conversion after each random edit, reuse the unchanged ones, and are the same list exactly when equal', () => {
    const random = seededRandom(1717);
    const checker = createIncrementalChecker();
    let text = EXAMPLE;
    let previous: Diagnostic[] | undefined;
    let reused = 0;
    let sameLists = 0;
    for (let i = 0; i < 120; i++) {
      const at = Math.floor(random() * text.length);
      const typed = TYPED[Math.floor(random() * TYPED.length)];
      // Typing, or deleting a few characters (the empty insert).
      text = typed ? text.slice(0, at) + typed + text.slice(at) : text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 5)));
      const document = TextDocument.create('file:///tmp/layer.md', 'markdown', i + 2, text);
      const { findings, model } = checker.check(text);
      // A small cap now and then: the summary diagnostic is reused too.
      const max = i % 5 === 4 ? 10 : undefined;
      const made = findingsToDiagnostics(findings, document, model, max, previous);
      const fresh = findingsToDiagnostics(findings, document, undefined, max);
      assert.deepEqual(made, fresh, `edit ${i}: the diagnostics of a fresh conversion (positions of the document)`);
      if (previous) {
        const old = new Set(previous);
        reused += made.filter((d) => old.has(d)).length;
        const equal = JSON.stringify(previous) === JSON.stringify(made);
        assert.equal(sameList(previous, made), equal, `edit ${i}: the same list exactly when equal`);
        if (equal) sameLists++;
      }
      previous = made;
    }
    assert.ok(reused > 1000, `most diagnostics are the last list's objects (${reused})`);
    assert.ok(sameLists > 5, `some edits move no diagnostic (${sameLists})`);
  });

  it('checklist ranges from the check’s line starts equal the document’s positions (LF and CRLF)', () => {
    for (const text of [EXAMPLE, EXAMPLE.replace(/\n/g, '\r\n')]) {
      const document = TextDocument.create('file:///tmp/layer.md', 'markdown', 1, text);
      const result = check(text);
      const list = checklistResult(result, document);
      const located = [...list.items, ...(list.counts ?? [])].filter((x) => x.start !== undefined && x.end !== undefined);
      assert.ok(located.length > 3, 'located items');
      for (const x of located) assert.deepEqual(x.range, { start: document.positionAt(x.start!), end: document.positionAt(x.end!) }, `${JSON.stringify(x).slice(0, 80)}`);
    }
  });

  describe('checklist notifications', () => {
    let client: TestClient | undefined;
    afterEach(async () => {
      if (client) await client.shutdown();
      client = undefined;
    });

    it('a burst of edits, each pulled, makes one checklist notification, of the last version, once it pauses', async () => {
      client = await inProcessServer({ capabilities: PULL_CAPABILITIES, serverOptions: { checklistDelayMs: 1000 } });
      await client.initialize();
      const uri = 'file:///tmp/caselint-layer/burst.md';
      await client.open(uri, EXAMPLE);
      await client.pullItems(uri);
      await client.waitFor('the first checklist', () => client!.checklistLog.length === 1);
      // Edits that change the checklist (the sections after them move), each pulled at once.
      const line = client.text(uri).split('\n').findIndex((l) => /^## Introduction/.test(l)) + 2;
      assert.ok(line > 1, 'the example has an introduction');
      for (let i = 0; i < 6; i++) {
        await client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'word ' }]);
        await client.pull(uri).catch(() => undefined);
      }
      await client.waitFor('the checklist of the burst', () => client!.checklistLog.length === 2, 8000);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      assert.equal(client.checklistLog.length, 2, 'one notification for the burst');
      const answer = await client.connection.sendRequest(ChecklistRequest.type, { uri });
      assert.deepEqual(client.checklists.get(uri), answer, 'the notified checklist is the last version’s');
    });

    it('no checklist is sent for a document closed before its checklist was due', async () => {
      client = await inProcessServer({ capabilities: PULL_CAPABILITIES, serverOptions: { checklistDelayMs: 200 } });
      await client.initialize();
      const uri = 'file:///tmp/caselint-layer/closed.md';
      await client.open(uri, EXAMPLE);
      await client.pullItems(uri);
      await client.close(uri);
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.deepEqual(client.checklistLog, []);
      assert.equal(client.server!.states.size, 0);
    });
  });
});
