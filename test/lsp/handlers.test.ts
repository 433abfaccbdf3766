import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../../server/src/checker';
import { requiredSection } from '../../server/src/checker/rules/required-section';
import { inProcessServer, PULL_CAPABILITIES, PUSH_CAPABILITIES, ROOT, type TestClient } from './client';

/**
 * The server's handler layer in-process (same code as the bundle, over a stream pair), with rules
 * injected through createServer's `rules` option: a rule that throws, rules with safe fixes.
 */
const CASE = readFileSync(join(ROOT, 'test', 'fixtures', 'lsp', 'missing-investigations.md'), 'utf8');

const boom: Rule = {
  id: 'boom',
  description: 'Always throws.',
  defaultSeverity: 'warning',
  check() {
    throw new Error('kaboom');
  },
};

/** "teh" → "the" (safe), and "cramps" → "muscle cramps" (not safe). */
const typo: Rule = {
  id: 'typo',
  description: 'Typos.',
  defaultSeverity: 'warning',
  check(ctx) {
    const text = ctx.doc.text;
    for (const m of text.matchAll(/\bteh\b/g)) {
      ctx.report({ start: m.index!, end: m.index! + 3, message: 'Typo "teh".', fixes: [{ title: 'Write "the"', kind: 'fix', edits: [{ start: m.index!, end: m.index! + 3, newText: 'the' }], safe: true }] });
    }
    for (const m of text.matchAll(/\bcramps at night\b/g)) {
      ctx.report({ start: m.index!, end: m.index! + 6, message: 'Vague.', fixes: [{ title: 'Be precise', kind: 'fix', edits: [{ start: m.index!, end: m.index! + 6, newText: 'muscle cramps' }] }] });
    }
  },
};

/** Overlaps typo's fix on "teh cat": a safe fix that must not be applied together with it. */
const overlap: Rule = {
  id: 'overlap',
  description: 'Overlapping safe fix.',
  defaultSeverity: 'info',
  check(ctx) {
    for (const m of ctx.doc.text.matchAll(/teh cat/g)) {
      ctx.report({ start: m.index!, end: m.index! + 7, message: 'Cat.', fixes: [{ title: 'Dog', kind: 'fix', edits: [{ start: m.index!, end: m.index! + 7, newText: 'the dog' }], safe: true }] });
    }
  },
};

const WITH_TYPOS = CASE.replace('The patient first noticed cramps in both calves at night.', 'The patient first noticed teh cat and teh cramps at night, teh end.');

describe('language server handlers (in-process)', function () {
  this.timeout(20000);
  let client: TestClient | undefined;
  afterEach(async () => {
    if (client) await client.shutdown();
    client = undefined;
  });

  it('a rule that throws is logged and skipped; the other rules still report', async () => {
    client = await inProcessServer({ serverOptions: { rules: [boom, requiredSection] } });
    await client.initialize();
    const uri = 'file:///tmp/caselint-inproc/boom.md';
    await client.open(uri, CASE);
    const items = await client.pullItems(uri);
    assert.deepEqual(items.map((d) => d.code), ['required-section']);
    await client.waitFor('the rule error in the log', () => client!.logs.some((l) => /rule boom failed/.test(l) && /kaboom/.test(l)));
    // Still serving.
    assert.equal((await client.pullItems(uri)).length, 1);
  });

  it('source.fixAll.caselint applies every safe fix once, skipping overlapping ones', async () => {
    client = await inProcessServer({ serverOptions: { rules: [typo, overlap, requiredSection] } });
    await client.initialize();
    const uri = 'file:///tmp/caselint-inproc/fixall.md';
    await client.open(uri, WITH_TYPOS);
    const items = await client.pullItems(uri);
    assert.deepEqual(items.filter((d) => d.code === 'typo').length, 4);
    const actions = await client.codeActions(uri, [], ['source.fixAll']);
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all safe caselint problems', 'source.fixAll.caselint']]);
    const text = await client.applyEdit(uri, actions[0].edit);
    // The three "teh" are fixed; "teh cat" overlaps the first one and was left out;
    // the unsafe fix ("muscle cramps") is not applied.
    assert.ok(text.includes('The patient first noticed the cat and the cramps at night, the end.'), text.split('\n')[8]);
    // Left: the finding whose only fix is not safe, and the missing section.
    const after = await client.pullItems(uri);
    assert.deepEqual(after.map((d) => [d.code, String(d.message)]).sort(), [['required-section', String(after.find((d) => d.code === 'required-section')!.message)], ['typo', 'Vague.']].sort());
    // Nothing left to fix all.
    assert.deepEqual(await client.codeActions(uri, [], ['source.fixAll.caselint']), []);
  });

  it('quick fixes list each fix of a finding (the first preferred) before the suppressions', async () => {
    client = await inProcessServer({ serverOptions: { rules: [typo] } });
    await client.initialize();
    const uri = 'file:///tmp/caselint-inproc/quickfix.md';
    await client.open(uri, WITH_TYPOS.replace('teh cat and teh cramps at night', 'cramps at night'));
    const items = await client.pullItems(uri);
    const vague = items.filter((d) => d.code === 'typo' && /Vague/.test(String(d.message)));
    assert.equal(vague.length, 1);
    const actions = await client.codeActions(uri, vague, ['quickfix']);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred ?? false]),
      [
        ['Be precise', true],
        ['Ignore typo on this line', false],
        ['Ignore typo in this file', false],
      ],
    );
  });

  it('push mode debounces on-type checks: rapid edits publish the last version', async () => {
    client = await inProcessServer({ capabilities: PUSH_CAPABILITIES, serverOptions: { rules: [requiredSection], debounceMs: 300 } });
    await client.initialize();
    const uri = 'file:///tmp/caselint-inproc/debounce.md';
    await client.open(uri, CASE);
    await client.waitFor('first diagnostics', () => client!.publishedVersions.get(uri) === 1);
    const before = client.publishLog.length;
    let v = 1;
    for (let i = 0; i < 5; i++) v = await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: ' ' }]);
    await client.waitFor('the last version published', () => client!.publishedVersions.get(uri) === v);
    const published = client.publishLog.slice(before).filter((p) => p.uri === uri).map((p) => p.version);
    assert.deepEqual(published, [v], 'one check for five quick edits');
  });

  it('run "onSave" (push): edits publish nothing until the document is saved', async () => {
    client = await inProcessServer({ capabilities: { ...PUSH_CAPABILITIES, workspace: { configuration: true } }, settings: { run: 'onSave' }, serverOptions: { rules: [requiredSection], debounceMs: 10 } });
    await client.initialize();
    const uri = 'file:///tmp/caselint-inproc/onsave.md';
    await client.open(uri, CASE);
    await client.waitFor('diagnostics on open', () => client!.publishedVersions.get(uri) === 1);
    const at = CASE.split('\n').findIndex((l) => l.startsWith('## Discussion'));
    const v = await client.change(uri, [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: '## Investigations\n\nNormal MRI.\n\n' }]);
    // A settings round-trip plus more than the debounce: no publish for the unsaved version.
    await client.pullItems('file:///tmp/caselint-inproc/none.md').catch(() => undefined);
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(client.publishedVersions.get(uri), 1);
    await client.save(uri);
    await client.waitFor('diagnostics after save', () => client!.publishedVersions.get(uri) === v);
    assert.deepEqual(client.published.get(uri), []);
  });

  it('run "onSave" (pull): the report stays unchanged until a save, then a refresh is requested', async () => {
    client = await inProcessServer({ capabilities: PULL_CAPABILITIES, settings: { run: 'onSave' }, serverOptions: { rules: [requiredSection] } });
    await client.initialize();
    const uri = 'file:///tmp/caselint-inproc/onsave-pull.md';
    await client.open(uri, CASE);
    const first = await client.pull(uri);
    assert.equal(first.kind, 'full');
    const resultId = (first as { resultId: string }).resultId;
    const at = CASE.split('\n').findIndex((l) => l.startsWith('## Discussion'));
    await client.change(uri, [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: '## Investigations\n\nNormal MRI.\n\n' }]);
    assert.equal((await client.pull(uri, resultId)).kind, 'unchanged');
    const refreshes = client.refreshRequests;
    await client.save(uri);
    await client.waitFor('a refresh after save', () => client!.refreshRequests > refreshes);
    const after = await client.pull(uri, resultId);
    assert.equal(after.kind, 'full');
    assert.deepEqual((after as { items: unknown[] }).items, []);
  });

  it('a client without workspace/configuration gets defaults, and settings from didChangeConfiguration', async () => {
    client = await inProcessServer({ capabilities: PUSH_CAPABILITIES, serverOptions: { rules: [requiredSection], debounceMs: 10 } });
    await client.initialize();
    const uri = 'file:///tmp/caselint-inproc/nocfg.md';
    await client.open(uri, CASE);
    await client.waitFor('diagnostics', () => (client!.published.get(uri)?.length ?? 0) === 1);
    await client.configChanged({ caselint: { profile: 'care' } });
    await client.waitFor('CARE diagnostics', () => (client!.published.get(uri)?.length ?? 0) > 3);
    await client.configChanged({ caselint: { enable: false } });
    await client.waitFor('nothing when disabled', () => client!.published.get(uri)?.length === 0);
  });
});
