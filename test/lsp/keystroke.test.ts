import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { seededRandom } from '../../bench/random';
import { inProcessServer, PULL_CAPABILITIES, ROOT, type TestClient } from './client';

/**
 * The keystroke re-check over a real connection (issue 17): after every edit, a pull with the
 * last result id (as VS Code sends it) gives the diagnostics of a fresh open of the same text,
 * answered `unchanged` when they are equal to the last ones; the diagnostics a client keeps
 * still find their quick fixes in the current check.
 */
const EXAMPLE = readFileSync(join(ROOT, 'examples', 'als-cramps-case-report.md'), 'utf8');
const TYPED = [' ', 'e', 'a', '.', '\n', '\n\n', '[1]', '# ', 'always ', 'X'];

/** The position of a UTF-16 offset in `text`. */
function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('language server keystroke re-check', function () {
  this.timeout(60000);
  let client: TestClient | undefined;
  afterEach(async () => {
    if (client) await client.shutdown();
    client = undefined;
  });

  it('after each random edit, the pulled diagnostics (full or unchanged) equal a fresh open of the same text', async () => {
    client = await inProcessServer({ capabilities: PULL_CAPABILITIES });
    await client.initialize();
    const uri = 'file:///tmp/caselint-keystroke/edited.md';
    await client.open(uri, EXAMPLE);
    let report = await client.pull(uri);
    assert.equal(report.kind, 'full');
    let shown: Diagnostic[] = (report as { items: Diagnostic[] }).items;
    let resultId = (report as { resultId?: string }).resultId;
    assert.ok(shown.length > 0, 'the example has findings');
    const random = seededRandom(17);
    for (let i = 0; i < 30; i++) {
      const text = client.text(uri);
      // Mostly typing; sometimes deleting a few characters.
      const at = Math.floor(random() * text.length);
      const position = positionOf(text, at);
      if (random() < 0.7) {
        await client.change(uri, [{ range: { start: position, end: position }, text: TYPED[Math.floor(random() * TYPED.length)] }]);
      } else {
        const end = positionOf(text, Math.min(text.length, at + 1 + Math.floor(random() * 4)));
        await client.change(uri, [{ range: { start: position, end }, text: '' }]);
      }
      report = await client.pull(uri, resultId);
      if (report.kind === 'full') shown = report.items;
      resultId = report.resultId;
      const fresh = `file:///tmp/caselint-keystroke/fresh-${i}.md`;
      await client.open(fresh, client.text(uri));
      assert.deepEqual(shown, await client.pullItems(fresh), `edit ${i}: the diagnostics a fresh open gives`);
      await client.close(fresh);
    }
    // Typing at the very end moves no diagnostic: the answer is `unchanged`, nothing is sent again.
    const end = positionOf(client.text(uri), client.text(uri).length);
    await client.change(uri, [{ range: { start: end, end }, text: ' ' }]);
    const same: DocumentDiagnosticReport = await client.pull(uri, resultId);
    assert.equal(same.kind, 'unchanged');
    assert.equal(same.resultId, resultId);
  });

  it('the diagnostics kept by an unchanged answer still get the quick fixes of the current text', async () => {
    client = await inProcessServer({ capabilities: PULL_CAPABILITIES });
    await client.initialize();
    const uri = 'file:///tmp/caselint-keystroke/fixes.md';
    await client.open(uri, EXAMPLE);
    const first = await client.pull(uri);
    assert.equal(first.kind, 'full');
    const items = (first as { items: Diagnostic[] }).items;
    const before = await client.codeActions(uri, items.slice(0, 1));
    assert.ok(before.length > 0, 'the first diagnostic has actions');
    // Type at the end: nothing moves, the client keeps its diagnostics.
    const end = positionOf(client.text(uri), client.text(uri).length);
    await client.change(uri, [{ range: { start: end, end }, text: ' ' }]);
    assert.equal((await client.pull(uri, first.resultId)).kind, 'unchanged');
    const after = await client.codeActions(uri, items.slice(0, 1));
    assert.deepEqual(after.map((a) => a.title), before.map((a) => a.title));
    // A diagnostic of an older text that no longer fits gets none.
    const moved = { ...items[0], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
    assert.deepEqual(await client.codeActions(uri, [moved]), []);
  });
});
