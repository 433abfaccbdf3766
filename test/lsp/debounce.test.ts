import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResponseError } from 'vscode-languageserver-protocol';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { inProcessServer, PULL_CAPABILITIES, PUSH_CAPABILITIES, ROOT, spawnServer, type TestClient } from './client';

/**
 * Debounce and cancel (lsp/server.ts): a burst of edits is checked once, at its last version; a
 * request for a version the client no longer has is answered with ContentModified (-32801),
 * never with stale ranges. Pull and push.
 */
const CASE = readFileSync(join(ROOT, 'test', 'fixtures', 'lsp', 'missing-investigations.md'), 'utf8');
const CONTENT_MODIFIED = -32801;
const at0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Sends `n` one-character edits, each followed at once by a pull, without waiting in between. */
async function burst(client: TestClient, uri: string, n: number): Promise<PromiseSettledResult<DocumentDiagnosticReport>[]> {
  const pulls: Promise<DocumentDiagnosticReport>[] = [];
  for (let i = 0; i < n; i++) {
    void client.change(uri, [{ range: at0, text: 'x' }]);
    pulls.push(client.pull(uri));
  }
  return Promise.allSettled(pulls);
}

describe('language server debounce and cancel', function () {
  this.timeout(30000);
  let client: TestClient | undefined;
  afterEach(async () => {
    if (client) await client.shutdown();
    client = undefined;
  });

  it('pull: a burst of edits is checked once; the pulls for older versions get ContentModified', async () => {
    client = await inProcessServer({ capabilities: PULL_CAPABILITIES, serverOptions: { pullDebounceMs: 50 } });
    await client.initialize();
    const uri = 'file:///tmp/caselint-debounce/pull.md';
    await client.open(uri, CASE);
    await client.pull(uri);
    const before = client.server!.analyzer.checks;
    const results = await burst(client, uri, 20);
    const last = results.pop()!;
    assert.equal(last.status, 'fulfilled');
    assert.equal((last as PromiseFulfilledResult<DocumentDiagnosticReport>).value.kind, 'full');
    for (const r of results) {
      assert.equal(r.status, 'rejected', 'an outdated pull is not answered with diagnostics');
      const error = (r as PromiseRejectedResult).reason as ResponseError<unknown>;
      assert.equal(error.code, CONTENT_MODIFIED);
    }
    assert.equal(client.server!.analyzer.checks - before, 1, 'one check for the whole burst');
    // The answer is for the final text: every range lies on the document as the client has it.
    const items = await client.pullItems(uri);
    const lines = client.text(uri).split('\n');
    for (const d of items) assert.ok(d.range.end.line < lines.length);
  });

  it('pull without a delay (the default): the final pull is answered for the final version, none with stale ranges', async () => {
    client = spawnServer({ capabilities: PULL_CAPABILITIES });
    await client.initialize();
    const uri = 'file:///tmp/caselint-debounce/default.md';
    await client.open(uri, CASE);
    await client.pull(uri);
    const results = await burst(client, uri, 30);
    const last = results.pop()!;
    assert.equal(last.status, 'fulfilled');
    for (const r of results) {
      if (r.status === 'rejected') assert.equal(((r as PromiseRejectedResult).reason as ResponseError<unknown>).code, CONTENT_MODIFIED);
    }
  });

  it('push: a burst of edits publishes once, for the last version', async () => {
    client = await inProcessServer({ capabilities: PUSH_CAPABILITIES, serverOptions: { debounceMs: 100 } });
    await client.initialize();
    const uri = 'file:///tmp/caselint-debounce/push.md';
    await client.open(uri, CASE);
    await client.waitFor('the first check', () => client!.publishLog.some((p) => p.uri === uri));
    const published = client.publishLog.length;
    const before = client.server!.analyzer.checks;
    let version = 1;
    for (let i = 0; i < 20; i++) version = await client.change(uri, [{ range: at0, text: 'x' }]);
    await client.waitFor('the check after the burst', () => client!.publishLog.length > published);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = client.publishLog.slice(published).filter((p) => p.uri === uri);
    assert.deepEqual(after.map((p) => p.version), [version]);
    assert.equal(client.server!.analyzer.checks - before, 1);
  });

  it('hover for a version that changed while it was answered: ContentModified, not stale ranges', async () => {
    client = await inProcessServer({ capabilities: PULL_CAPABILITIES });
    await client.initialize();
    const uri = 'file:///tmp/caselint-debounce/hover.md';
    await client.open(uri, CASE);
    await client.pull(uri);
    const hovers: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      void client.change(uri, [{ range: at0, text: 'x' }]);
      hovers.push(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }));
    }
    const results = await Promise.allSettled(hovers);
    assert.equal(results.at(-1)!.status, 'fulfilled');
    for (const r of results) {
      if (r.status === 'rejected') assert.equal(((r as PromiseRejectedResult).reason as ResponseError<unknown>).code, CONTENT_MODIFIED);
    }
  });
});
