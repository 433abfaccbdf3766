import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { inProcessServer, PULL_CAPABILITIES, PUSH_CAPABILITIES, ROOT, type TestClient } from './client';

/**
 * Per-document state of the server (lsp/state.ts): one object per open document, gone when it
 * closes, whatever was asked of the document in between.
 */
const CASE = readFileSync(join(ROOT, 'test', 'fixtures', 'lsp', 'missing-investigations.md'), 'utf8');
const README = readFileSync(join(ROOT, 'test', 'fixtures', 'lsp', 'readme.md'), 'utf8');
const N = 40;

/** Documents of every kind: case reports and not, each language, and one caselint does not check. */
function docs(): { uri: string; text: string; languageId: string }[] {
  const kinds = [
    { ext: 'md', languageId: 'markdown', text: CASE },
    { ext: 'md', languageId: 'markdown', text: README },
    { ext: 'qmd', languageId: 'quarto', text: CASE },
    { ext: 'txt', languageId: 'plaintext', text: 'CASE REPORT\n\nA man had cramps.\n' },
    { ext: 'tex', languageId: 'latex', text: '\\section{Case presentation}\nA man had cramps.\n' },
    { ext: 'html', languageId: 'html', text: '<p>Not checked.</p>' },
  ];
  return Array.from({ length: N }, (_, i) => {
    const k = kinds[i % kinds.length];
    return { uri: `file:///tmp/caselint-state/doc-${i}.${k.ext}`, text: k.text, languageId: k.languageId };
  });
}

/** A request after the notifications: the server has handled them once it answers (messages are handled in order). */
async function roundTrip(client: TestClient): Promise<void> {
  await client.completion('file:///tmp/caselint-state/never-opened.md', 0, 0);
}

describe('language server per-document state (in-process)', function () {
  this.timeout(30000);
  let client: TestClient | undefined;
  afterEach(async () => {
    if (client) await client.shutdown();
    client = undefined;
  });

  it('re-checks after an edit through the document’s incremental checker, with the diagnostics of a fresh server', async () => {
    client = await inProcessServer({ capabilities: PULL_CAPABILITIES, settings: { run: 'onType' } });
    await client.initialize();
    const uri = 'file:///tmp/caselint-state/incremental.md';
    await client.open(uri, CASE);
    await client.pull(uri);
    const checker = client.server!.states.get(uri)!.checker;
    const before = checker.stats();
    await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'These drugs always cure cramps. ' }]);
    const edited = await client.pull(uri);
    const after = checker.stats();
    assert.ok(after.hits > before.hits, 'the re-check found the untouched paragraphs’ work in the memo');
    assert.ok(after.misses - before.misses < before.misses, 'and redid only a part of it');
    const fresh = await inProcessServer({ capabilities: PULL_CAPABILITIES, settings: { run: 'onType' } });
    await fresh.initialize();
    await fresh.open(uri, client.text(uri));
    const full = await fresh.pull(uri);
    await fresh.shutdown();
    assert.equal(edited.kind, 'full');
    assert.equal(full.kind, 'full');
    if (edited.kind === 'full' && full.kind === 'full') assert.deepEqual(edited.items, full.items);
    await client.close(uri);
    await roundTrip(client);
    assert.equal(client.server!.states.get(uri), undefined);
  });

  it('pull mode: opening, checking, editing, saving and closing many documents leaves no state behind', async () => {
    client = await inProcessServer({ capabilities: PULL_CAPABILITIES, settings: { run: 'onSave' } });
    await client.initialize();
    const all = docs();
    for (const d of all) await client.open(d.uri, d.text, d.languageId);
    await roundTrip(client);
    assert.equal(client.server!.states.size, N);
    for (const d of all) {
      await client.pull(d.uri);
      await client.change(d.uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
      await client.save(d.uri);
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: d.uri }, position: { line: 0, character: 0 } });
    }
    await client.configChanged();
    for (const d of all) await client.close(d.uri);
    await roundTrip(client);
    assert.equal(client.server!.states.size, 0);
    assert.equal(client.server!.analyzer.forced.size, 0);
  });

  it('push mode: closing documents with checks still waiting cancels them and leaves no state behind', async () => {
    client = await inProcessServer({ capabilities: PUSH_CAPABILITIES, serverOptions: { debounceMs: 200 } });
    await client.initialize();
    const all = docs();
    for (const d of all) await client.open(d.uri, d.text, d.languageId);
    const manuscript = all[0].uri;
    await client.waitFor('the first check of a case report', () => (client!.published.get(manuscript)?.length ?? 0) > 0);
    // Edits schedule debounced checks; closing at once cancels them.
    for (const d of all) await client.change(d.uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await roundTrip(client);
    assert.equal(client.server!.states.size, N);
    for (const d of all) await client.close(d.uri);
    await roundTrip(client);
    assert.equal(client.server!.states.size, 0);
    const logged = client.publishLog.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(client.publishLog.length, logged, 'nothing published for closed documents');
    for (const d of all) assert.deepEqual(client.published.get(d.uri) ?? [], [], d.uri);
  });

  it('a reopened document starts with fresh state', async () => {
    client = await inProcessServer({ capabilities: PULL_CAPABILITIES });
    await client.initialize();
    const uri = 'file:///tmp/caselint-state/reopen.md';
    await client.open(uri, CASE);
    const first = await client.pull(uri);
    await client.close(uri);
    await client.open(uri, CASE);
    const again = await client.pull(uri, (first as { resultId?: string }).resultId);
    assert.equal(again.kind, 'full', 'a new check after reopening, not "unchanged"');
    assert.equal(client.server!.states.size, 1);
  });

  it('keeps no older version’s analysis alive for its checklist once the document moved on', async () => {
    client = await inProcessServer({ capabilities: PULL_CAPABILITIES, settings: { run: 'onType' }, serverOptions: { checklistDelayMs: 10 } });
    await client.initialize();
    const uri = 'file:///tmp/caselint-state/checklist-version.md';
    await client.open(uri, CASE);
    await client.pull(uri);
    await client.waitFor('the checklist', () => client!.checklistLog.includes(uri));
    const state = client.server!.states.get(uri)!;
    const old = new WeakRef(state.check!.analysis);
    const notified = state.notifiedAnalysis;
    assert.ok(notified?.deref(), 'the checklist was of this version');
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await client.pull(uri);
    await new Promise((resolve) => setImmediate(resolve));
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    assert.equal(old.deref(), undefined, 'the older version’s analysis promise is collected');
    assert.equal(notified?.deref(), undefined, 'and its analysis, which its checklist was of');
  });
});
