import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintFile } from '../../server/src/checker';
import { Analyzer, rehearsalText, REHEARSAL_MAX_LENGTH, WARM_CHECKS, DEFAULT_SETTINGS } from '../../server/src/lsp/documents';
import { findingsToDiagnostics } from '../../server/src/lsp/diagnostics';
import { DocumentState } from '../../server/src/lsp/state';
import { inProcessServer, PULL_CAPABILITIES, PUSH_CAPABILITIES, ROOT, type TestClient } from './client';

/**
 * The rehearsal of a keystroke's re-check while the server's code is cold (lsp/rehearsal.ts,
 * Analyzer.rehearse): throw-away checks on the document's own checker, never seen by the client,
 * stopped by any message, after which the real checks still equal a full check.
 */
const EXAMPLE = readFileSync(join(ROOT, 'examples', 'als-cramps-case-report.md'), 'utf8');
const URI = 'file:///tmp/caselint-rehearsal/case.md';

function analyzer(): Analyzer {
  return new Analyzer({ logError: () => undefined, getSettings: async () => DEFAULT_SETTINGS, workspaceFolders: () => [] });
}

function fresh(text: string): Diagnostic[] {
  const { result } = lintFile(text, { format: 'markdown', path: '/tmp/caselint-rehearsal/case.md' });
  return findingsToDiagnostics(result!.findings, TextDocument.create(URI, 'markdown', 1, text), result!.model);
}

/** `text` with `insert` typed at `at`. */
function typed(text: string, at: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at);
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('rehearsal of keystroke re-checks', function () {
  this.timeout(60000);

  it('types one letter inside a sentence, spread over the document', () => {
    const { result } = lintFile(EXAMPLE, { format: 'markdown', path: '/tmp/caselint-rehearsal/case.md' });
    const sentences = result!.model.sentences;
    const places = new Set<number>();
    for (let step = 0; step < 8; step++) {
      const text = rehearsalText(result!, step, 8);
      assert.equal(text.length, EXAMPLE.length + 1);
      let at = 0;
      while (text[at] === EXAMPLE[at]) at++;
      assert.ok(sentences.some((s) => s.start <= at && at < s.end), `step ${step}: in a sentence`);
      places.add(at);
    }
    assert.equal(places.size, 8, 'eight different places');
    const { result: empty } = lintFile('# Case report\n', { format: 'markdown', force: true });
    assert.equal(rehearsalText(empty!, 0, 1), '# Case report\n ');
  });

  it('leaves the checker as the analysis left it: the next re-checks equal full checks', async () => {
    const a = analyzer();
    const state = new DocumentState(URI, 1);
    const first = await a.analyse(TextDocument.create(URI, 'markdown', 1, EXAMPLE), state);
    assert.equal(first.status, 'checked');
    const checks = a.checks;
    assert.ok(a.rehearse(first, state, 3));
    assert.equal(a.rehearse(first, state, 3), false, 'one rehearsal at a time');
    await state.rehearsal!.done;
    assert.equal(state.rehearsal, undefined);
    assert.equal(a.checks, checks, 'rehearsals are not counted as checks');
    assert.equal(a.warmChecks, 1 + 4);
    // The cached analysis and its diagnostics are those of the checked text still.
    assert.deepEqual(first.diagnostics, fresh(EXAMPLE));
    let text = EXAMPLE;
    for (let version = 2; version < 6; version++) {
      text = typed(text, Math.floor((version / 7) * text.length), version % 2 ? 'e' : ' ');
      const analysis = await a.analyse(TextDocument.create(URI, 'markdown', version, text), state);
      assert.deepEqual(analysis.diagnostics, fresh(text), `version ${version}`);
    }
  });

  it('does not rehearse a document over REHEARSAL_MAX_LENGTH', async () => {
    const a = analyzer();
    const state = new DocumentState(URI, 1);
    const long = EXAMPLE + ' x'.repeat(Math.ceil((REHEARSAL_MAX_LENGTH - EXAMPLE.length) / 2) + 1);
    const first = await a.analyse(TextDocument.create(URI, 'markdown', 1, long), state);
    assert.equal(first.status, 'checked');
    assert.equal(a.rehearse(first, state, 3), false);
    assert.equal(state.rehearsal, undefined);
  });

  it('a real check stops a rehearsal first and equals a full check', async () => {
    const a = analyzer();
    const state = new DocumentState(URI, 1);
    const first = await a.analyse(TextDocument.create(URI, 'markdown', 1, EXAMPLE), state);
    assert.ok(a.rehearse(first, state, 20));
    // A few turns of the event loop: the rehearsal is under way, between two of its steps.
    for (let i = 0; i < 12; i++) await new Promise((resolve) => setImmediate(resolve));
    const text = typed(EXAMPLE, 1000, 'e');
    const analysis = await a.analyse(TextDocument.create(URI, 'markdown', 2, text), state);
    assert.equal(state.rehearsal, undefined, 'stopped');
    assert.ok(a.warmChecks < 1 + 21, 'not all of its checks were made');
    assert.deepEqual(analysis.diagnostics, fresh(text));
  });

  describe('over a connection', () => {
    let client: TestClient | undefined;
    afterEach(async () => {
      if (client) await client.shutdown();
      client = undefined;
    });

    it('rehearses after an open while nothing comes, unseen by the client, and stops once warm', async () => {
      client = await inProcessServer({ capabilities: PULL_CAPABILITIES, serverOptions: { rehearseAfterMs: 20, checklistDelayMs: 0 } });
      await client.initialize();
      await client.open(URI, EXAMPLE);
      const before = await client.pull(URI);
      const analyzer = client.server!.analyzer;
      const messages = () => client!.logs.length + client!.checklistLog.length + client!.published.size + client!.refreshRequests;
      await new Promise((resolve) => setTimeout(resolve, 50));
      const seen = messages();
      const deadline = Date.now() + 30000;
      while (analyzer.warmChecks < WARM_CHECKS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(analyzer.warmChecks >= WARM_CHECKS, `warm (${analyzer.warmChecks} checks)`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(analyzer.warmChecks, WARM_CHECKS, 'no rehearsal once warm');
      assert.equal(client.server!.rehearsals.holding, false, 'no check kept for a rehearsal once warm');
      assert.equal(analyzer.checks, 1, 'one real check');
      assert.equal(messages(), seen, 'nothing told to the client');
      assert.deepEqual(await client.pull(URI, before.resultId), { kind: 'unchanged', resultId: before.resultId });
      const text = typed(EXAMPLE, 2000, 'e');
      const position = positionOf(EXAMPLE, 2000);
      await client.change(URI, [{ range: { start: position, end: position }, text: 'e' }]);
      assert.deepEqual(await client.pullItems(URI), fresh(text));
    });

    it('push mode: publishes nothing more while it rehearses', async () => {
      client = await inProcessServer({ capabilities: PUSH_CAPABILITIES, serverOptions: { rehearseAfterMs: 20, debounceMs: 0 } });
      await client.initialize();
      await client.open(URI, EXAMPLE);
      await client.waitFor('the open published', () => client!.publishLog.length > 0);
      const analyzer = client.server!.analyzer;
      const deadline = Date.now() + 30000;
      while (analyzer.warmChecks < WARM_CHECKS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(analyzer.warmChecks >= WARM_CHECKS);
      assert.equal(client.publishLog.length, 1);
      assert.deepEqual(client.published.get(URI), fresh(EXAMPLE));
    });

    it('any request stops the rehearsal; the next idle spell resumes it', async () => {
      // A long document: a rehearsal of it takes a while.
      const long = Array.from({ length: 12 }, () => EXAMPLE).join('\n\n');
      client = await inProcessServer({ capabilities: PULL_CAPABILITIES, serverOptions: { rehearseAfterMs: 30 } });
      await client.initialize();
      await client.open(URI, long);
      await client.pull(URI);
      const server = client.server!;
      const state = server.states.get(URI)!;
      // Read afresh each time (not narrowed by the assertions).
      const running = () => state.rehearsal;
      const deadline = Date.now() + 10000;
      while (!running() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.ok(running(), 'a rehearsal started');
      const warm = server.analyzer.warmChecks;
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 0 } });
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(running(), undefined, 'stopped by the hover');
      assert.ok(server.analyzer.warmChecks <= warm + 1);
      while (!running() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.ok(running(), 'resumed after the next idle spell');
      const rehearsal = running()!;
      await client.close(URI);
      while (server.states.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.ok(rehearsal.token.cancelled, 'stopped by the close');
      await rehearsal.done;
      assert.equal(running(), undefined);
    });
  });
});
