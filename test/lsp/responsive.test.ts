import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../../server/src/checker';
import { inProcessServer, PULL_CAPABILITIES, ROOT, spawnServer, type TestClient } from './client';

/**
 * While one document is being checked the server keeps answering the other documents' requests
 * (issue 14): a check runs in steps (the parse, each rule) and yields to the requests waiting
 * between them; an edit stops the check of the older version at its next step.
 */
const EXAMPLE = readFileSync(join(ROOT, 'examples', 'als-cramps-case-report.md'), 'utf8');
const SMALL = '# Cramps in a carpenter: a case report\n\n## Case presentation\n\nA man of 50 had cramps in both calves at night.\n';

describe('language server responsiveness', function () {
  this.timeout(120000);
  let client: TestClient | undefined;
  afterEach(async () => {
    if (client) await client.shutdown();
    client = undefined;
  });

  it('answers hover and completion on a small document promptly while a huge one is checked (latency as a ratio of the big check)', async () => {
    client = spawnServer({ capabilities: PULL_CAPABILITIES });
    await client.initialize();
    const small = 'file:///tmp/caselint-responsive/small.md';
    const big = 'file:///tmp/caselint-responsive/big.md';
    await client.open(small, SMALL);
    await client.pullItems(small);
    // About 3 MB: seconds of checking.
    await client.open(big, EXAMPLE.repeat(Math.ceil(3_000_000 / EXAMPLE.length)));
    const t0 = performance.now();
    let bigDone = 0;
    const bigItems = client.pullItems(big).then((items) => {
      bigDone = performance.now();
      return items;
    });
    const latencies: number[] = [];
    while (!bigDone) {
      const t = performance.now();
      if (latencies.length % 2) await client.completion(small, 4, 0);
      else await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 4, character: 8 } });
      if (!bigDone) latencies.push(performance.now() - t);
    }
    assert.ok((await bigItems).length > 0);
    const bigCheck = bigDone - t0;
    latencies.sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)] ?? bigCheck;
    // Before: the first request waited for the whole check (one answer, a ratio near 1).
    assert.ok(latencies.length >= 4, `only ${latencies.length} answers during a check of ${bigCheck.toFixed(0)} ms`);
    assert.ok(median <= 0.2 * bigCheck, `median answer ${median.toFixed(0)} ms during a check of ${bigCheck.toFixed(0)} ms (ratio ${(median / bigCheck).toFixed(2)})`);
  });

  it('an edit stops the check of the older version at its next step: the rules after it do not run for that version', async () => {
    const uri = 'file:///tmp/caselint-responsive/edited.md';
    const ran: number[] = [];
    const versionOf = (text: string) => (text.includes('second') ? 2 : 1);
    // The first step of version 1 is where the writer types: the edit arrives while it runs.
    const typing: Rule = {
      id: 'typing-step',
      description: 'the writer edits the document while this step runs',
      defaultSeverity: 'warning',
      check(ctx) {
        if (versionOf(ctx.doc.text) === 1) void client!.change(uri, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'A second line.\n' }]);
      },
    };
    const counting: Rule = {
      id: 'counting-step',
      description: 'counts its runs',
      defaultSeverity: 'warning',
      check(ctx) {
        ran.push(versionOf(ctx.doc.text));
      },
    };
    client = await inProcessServer({ capabilities: PULL_CAPABILITIES, serverOptions: { rules: [typing, counting] } });
    await client.initialize();
    await client.open(uri, SMALL);
    const first = client.pull(uri).then(
      () => 'answered',
      (e: Error) => e.message,
    );
    assert.match(await first, /changed/);
    await client.pullItems(uri);
    assert.deepEqual(ran, [2], 'the counting rule ran for version 2 only');
  });
});
