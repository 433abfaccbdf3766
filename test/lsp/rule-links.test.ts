import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ruleLink, type RuleLinks } from '../../server/src/lsp/protocol';
import { MORE_CODE } from '../../server/src/lsp/diagnostics';
import { inProcessServer, PULL_CAPABILITIES, ROOT, type TestClient } from './client';

/**
 * Rule links made by the client (RuleLinks of lsp/protocol.ts): a client that asks for them gets
 * diagnostics without codeDescription, and the links it makes from the codes are those the
 * server sends every other client.
 */
const EXAMPLE = readFileSync(join(ROOT, 'examples', 'als-cramps-case-report.md'), 'utf8');
const URI = 'file:///tmp/caselint-rule-links/case.md';

describe('rule links made by the client', function () {
  this.timeout(30000);
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.shutdown();
  });

  async function diagnostics(initializationOptions?: unknown, serverOptions = {}): Promise<{ items: Diagnostic[]; links?: RuleLinks }> {
    const client = await inProcessServer({ capabilities: PULL_CAPABILITIES, initializationOptions, serverOptions });
    clients.push(client);
    const init = await client.initialize();
    await client.open(URI, EXAMPLE);
    return { items: await client.pullItems(URI), links: (init.capabilities.experimental as { ruleLinks?: RuleLinks } | undefined)?.ruleLinks };
  }

  it('are left out for a client that makes them, and it makes the same ones', async () => {
    const full = await diagnostics();
    assert.equal(full.links, undefined, 'not offered to a client that did not ask');
    assert.ok(full.items.length > 3 && full.items.every((d) => d.codeDescription?.href), 'every finding has its link');
    const lean = await diagnostics({ ruleLinks: true });
    assert.ok(lean.links, 'the server says how to make them');
    assert.ok(lean.items.every((d) => d.codeDescription === undefined));
    // What the client makes from each code is what the other client was sent.
    const made = lean.items.map((d) => {
      const href = ruleLink(lean.links!, d.code);
      const { codeDescription: _, ...rest } = d;
      return href ? { ...rest, codeDescription: { href } } : rest;
    });
    assert.deepEqual(made, full.items);
    assert.ok(JSON.stringify(lean.items).length < 0.8 * JSON.stringify(full.items).length);
  });

  it('none for the diagnostics that show no rule (summary, configuration, skipped files)', async () => {
    const lean = await diagnostics({ ruleLinks: true }, { maxDiagnostics: 2 });
    const summary = lean.items.find((d) => d.code === MORE_CODE);
    assert.ok(summary);
    assert.equal(ruleLink(lean.links!, summary.code), undefined);
    for (const code of ['config', 'skipped']) assert.equal(ruleLink(lean.links!, code), undefined);
    assert.equal(ruleLink(lean.links!, 42), undefined);
    assert.match(ruleLink(lean.links!, 'abbreviation')!, /\/abbreviation\.md$/);
  });
});
