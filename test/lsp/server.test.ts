import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { runFixture } from '../helpers/fixtures';
import { runCli } from '../cli/helpers';
import { PROFILES } from '../../server/src/checker';
import { CheckAsCaseReportRequest, ChecklistRequest, InsertSectionRequest, ProfilesRequest, TemplateRequest, type TemplateResult } from '../../server/src/lsp/protocol';
import { templateSnippet } from '../../server/src/lsp/templates';
import { fileUri, PUSH_CAPABILITIES, ROOT, spawnServer, type TestClient } from './client';

/**
 * The built language server (server/out/server.js) over a real stdio connection.
 * Build first: `npm run bundle` (npm test does it).
 */
const FIXTURE = join(ROOT, 'test', 'fixtures', 'lsp', 'missing-investigations.md');
const CASE = readFileSync(FIXTURE, 'utf8');
const README = readFileSync(join(ROOT, 'test', 'fixtures', 'lsp', 'readme.md'), 'utf8');
const DOCS = 'https://github.com/caselint/caselint/blob/main/docs/rules/';

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `"${needle}" not in text`);
  return text.slice(0, i).split('\n').length - 1;
}

function msg(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function codes(items: Diagnostic[]): string[] {
  return items.map((d) => String(d.code));
}

describe('language server over stdio', function () {
  this.timeout(30000);
  let client: TestClient | undefined;

  afterEach(async () => {
    if (client) await client.shutdown();
    client = undefined;
  });

  it('the fixture expects one required-section finding on its title line', () => {
    const r = runFixture(FIXTURE);
    assert.deepEqual(r.actual, r.expected);
  });

  it('answers initialize with incremental sync, pull diagnostics, code actions and completion', async () => {
    client = spawnServer();
    const init = await client.initialize();
    const caps = init.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.ok(caps.diagnosticProvider, 'diagnosticProvider for a client with pull support');
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.caselint', 'source.renumberCitations.caselint'], resolveProvider: false });
    assert.ok(caps.completionProvider);
    // What the client asks of the server are custom requests, not LSP commands: vscode-languageclient
    // registers no VS Code command for the server.
    assert.equal(caps.executeCommandProvider, undefined);
    assert.ok(!client.registrations.some((r) => (r as { method?: string }).method === 'workspace/executeCommand'));
    assert.equal(init.serverInfo?.name, 'caselint-language-server');
  });

  it('pulls diagnostics with rule ids, ranges, docs links and the rule id as data; they follow incremental edits', async () => {
    client = spawnServer();
    await client.initialize();
    const uri = 'file:///tmp/caselint-test/case.md';
    await client.open(uri, CASE);
    const items = await client.pullItems(uri);
    assert.deepEqual(codes(items), ['required-section']);
    const d = items[0];
    const titleLine = 0;
    const title = 'Progressive cramps and weakness in a retired carpenter: a case report';
    // The title's text (the core's heading span may keep the space before the inline expect comment).
    assert.deepEqual(d.range.start, { line: titleLine, character: 2 });
    assert.equal(d.range.end.line, titleLine);
    assert.equal(CASE.split('\n')[0].slice(2, d.range.end.character).trim(), title);
    assert.equal(d.severity, 1);
    assert.equal(d.source, 'caselint');
    assert.equal(d.codeDescription?.href, `${DOCS}required-section.md`);
    assert.match(msg(d), /Missing required section "Investigations"/);
    // Nothing that moves with the text before it, nothing the client does not show: no `data`;
    // the code actions find the finding in the current check by rule (code), range and message.
    assert.equal(d.code, 'required-section');
    assert.equal(d.data, undefined);
    assert.deepEqual((await client.codeActions(uri, [d])).map((a) => a.title)[0], 'Insert section "Investigations"');

    // Incremental edit: insert an Investigations section before the Discussion.
    const at = lineOf(CASE, '## Discussion');
    await client.change(uri, [
      { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: '## Investigations\n\nNerve conduction studies were normal.\n\n' },
    ]);
    assert.deepEqual(await client.pullItems(uri), []);

    // And remove the Discussion heading text: now discussion is missing.
    const disc = lineOf(client.text(uri), '## Discussion');
    await client.change(uri, [{ range: { start: { line: disc, character: 3 }, end: { line: disc, character: 13 } }, text: 'Thoughts' }]);
    const after = await client.pullItems(uri);
    assert.deepEqual(codes(after), ['required-section']);
    assert.match(msg(after[0]), /"Discussion"/);
  });

  it('returns an unchanged report for the same version and nothing for unknown documents', async () => {
    client = spawnServer();
    await client.initialize();
    const uri = 'file:///tmp/caselint-test/same.md';
    await client.open(uri, CASE);
    const first = await client.pull(uri);
    assert.equal(first.kind, 'full');
    const again = await client.pull(uri, (first as { resultId?: string }).resultId);
    assert.equal(again.kind, 'unchanged');
    assert.deepEqual(await client.pull('file:///tmp/caselint-test/never-opened.md'), { kind: 'full', items: [] });
  });

  it('pushes diagnostics to a client without pull support, and clears them on close', async () => {
    client = spawnServer({ capabilities: PUSH_CAPABILITIES });
    const init = await client.initialize();
    assert.equal(init.capabilities.diagnosticProvider, undefined);
    const uri = 'file:///tmp/caselint-test/push.md';
    await client.open(uri, CASE);
    await client.waitFor('published diagnostics', () => (client!.published.get(uri)?.length ?? 0) > 0);
    assert.deepEqual(codes(client.published.get(uri)!), ['required-section']);
    assert.equal(client.publishedVersions.get(uri), 1);

    const at = lineOf(CASE, '## Discussion');
    const v = await client.change(uri, [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: '## Investigations\n\nMRI was normal.\n\n' }]);
    await client.waitFor('diagnostics of the edited version', () => client!.publishedVersions.get(uri) === v);
    assert.deepEqual(client.published.get(uri), []);

    await client.change(uri, [{ range: { start: { line: at, character: 3 }, end: { line: at, character: 17 } }, text: 'Tests' }]);
    await client.waitFor('the finding back', () => (client!.published.get(uri)?.length ?? 0) === 1);
    await client.close(uri);
    await client.waitFor('diagnostics cleared on close', () => client!.published.get(uri)?.length === 0);
  });

  it('stays silent on a code README, until asked to check it as a case report', async () => {
    client = spawnServer();
    await client.initialize();
    const uri = 'file:///tmp/caselint-test/README.md';
    await client.open(uri, README);
    assert.deepEqual(await client.pullItems(uri), []);
    const refreshes = client.refreshRequests;
    assert.deepEqual(await client.connection.sendRequest(CheckAsCaseReportRequest.type, { uri }), { uri, checked: true });
    await client.waitFor('a diagnostic refresh', () => client!.refreshRequests > refreshes);
    const items = await client.pullItems(uri);
    assert.ok(items.filter((d) => d.code === 'required-section').length >= 3, 'the missing sections are reported');
  });

  it('sends the checklist after a check', async () => {
    client = spawnServer();
    await client.initialize();
    const uri = 'file:///tmp/caselint-test/checklist.md';
    await client.open(uri, CASE);
    await client.pullItems(uri);
    await client.waitFor('checklist notification', () => client!.checklists.has(uri));
    const list = client.checklists.get(uri) as { profile: string; items: { id: string; status: string }[] };
    assert.equal(list.profile, 'default');
    assert.equal(list.items.find((i) => i.id === 'investigations')?.status, 'missing');
    const answer = await client.connection.sendRequest(ChecklistRequest.type, { uri });
    assert.ok(answer && answer.items.length === list.items.length);
  });

  it('answers caselint/insertSection with the same edit as the required-section quick fix', async () => {
    client = spawnServer();
    await client.initialize();
    const uri = 'file:///tmp/caselint-test/insert-section.md';
    await client.open(uri, CASE);
    const items = await client.pullItems(uri);
    const fix = (await client.codeActions(uri, items, ['quickfix'])).find((a) => a.title === 'Insert section "Investigations"');
    assert.ok(fix?.edit);
    const edit = await client.connection.sendRequest(InsertSectionRequest.type, { uri, itemId: 'investigations' });
    assert.deepEqual(edit, fix.edit);
    assert.equal(await client.connection.sendRequest(InsertSectionRequest.type, { uri, itemId: 'no-such-item' }), null);
    // An optional item (no finding, so no quick fix) gets its section the same way.
    const consent = await client.connection.sendRequest(InsertSectionRequest.type, { uri, itemId: 'consent' });
    assert.ok(consent?.changes?.[uri]?.length === 1, JSON.stringify(consent));
    const text = await client.applyEdit(uri, consent);
    assert.match(text, /\n## Consent\n\nTODO: State that written informed consent/);
    assert.equal((await client.connection.sendRequest(ChecklistRequest.type, { uri }))?.items.find((i) => i.id === 'consent')?.status, 'present');
  });

  it('answers caselint/profiles and caselint/template (Insert case report template)', async () => {
    client = spawnServer();
    await client.initialize();
    const profiles = await client.connection.sendRequest(ProfilesRequest.type);
    assert.deepEqual(profiles, Object.values(PROFILES).map((p) => ({ id: p.id, label: p.label, description: p.description })));
    for (const [languageId, format] of [['markdown', 'markdown'], ['quarto', 'markdown'], ['rmd', 'markdown'], ['latex', 'latex'], ['plaintext', 'text']] as const) {
      const answer: TemplateResult = await client.connection.sendRequest(TemplateRequest.type, { profile: 'care', languageId });
      assert.deepEqual(answer, { snippet: templateSnippet('care', format) }, languageId);
    }
    assert.match((await client.connection.sendRequest(TemplateRequest.type, { profile: 'default', languageId: 'markdown' }))!.snippet, /## Abstract/);
    assert.match((await client.connection.sendRequest(TemplateRequest.type, { profile: 'default', languageId: 'latex' }))!.snippet, /\\section\{/);
    assert.equal(await client.connection.sendRequest(TemplateRequest.type, { profile: 'no-such-profile', languageId: 'markdown' }), null);
  });

  it('serves hover, document symbols and folding ranges from the cached check', async () => {
    client = spawnServer();
    const init = await client.initialize();
    assert.equal(init.capabilities.hoverProvider, true);
    assert.equal(init.capabilities.documentSymbolProvider, true);
    assert.equal(init.capabilities.foldingRangeProvider, true);
    const uri = 'file:///tmp/caselint-test/outline.md';
    await client.open(uri, CASE);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } })) as {
      contents: { value: string } | string;
    } | null;
    assert.ok(hover, 'a hover on the finding');
    const value = typeof hover!.contents === 'string' ? hover!.contents : hover!.contents.value;
    assert.match(value, /required-section/);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string; children?: { name: string }[] }[];
    const names = JSON.stringify(symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]));
    for (const h of ['Abstract', 'Case presentation', 'Discussion', 'References']) assert.ok(names.includes(h), `${h} in ${names}`);
    const folds = (await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as unknown[];
    assert.ok(folds.length >= 4);
    // A document that is not a manuscript gets nothing.
    const readme = 'file:///tmp/caselint-test/README.md';
    await client.open(readme, README);
    assert.deepEqual(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: readme } }), []);
  });

  describe('settings and config files', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'caselint-lsp-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('reports a malformed .caselint.json as one config diagnostic, and recovers when it is fixed', async () => {
      writeFileSync(join(dir, '.caselint.json'), '{ "rules": { "required-section": "off", } , }x');
      const file = join(dir, 'case.md');
      writeFileSync(file, CASE);
      client = spawnServer({ workspaceFolder: dir });
      await client.initialize();
      const uri = fileUri(file);
      await client.open(uri, CASE);
      const items = await client.pullItems(uri);
      assert.equal(items.length, 1);
      assert.equal(items[0].code, 'config');
      assert.equal(items[0].source, 'caselint');
      assert.equal(items[0].severity, 1);
      assert.equal(items[0].range.start.line, 0);
      assert.ok(msg(items[0]).includes(join(dir, '.caselint.json')), msg(items[0]));
      assert.match(msg(items[0]), /not valid JSON/);

      // Fixed: the rule is off, and the watched-file event makes the server re-read it.
      writeFileSync(join(dir, '.caselint.json'), '{ "rules": { "required-section": "off" } }');
      const refreshes = client.refreshRequests;
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(dir, '.caselint.json')), type: 2 }] });
      await client.waitFor('a diagnostic refresh', () => client!.refreshRequests > refreshes);
      assert.deepEqual(await client.pullItems(uri), []);
    });

    it('an unknown rule id in the config names the file and the rule', async () => {
      writeFileSync(join(dir, '.caselint.yaml'), 'rules:\n  no-such-rule: warning\n');
      const file = join(dir, 'case.md');
      client = spawnServer({ workspaceFolder: dir });
      await client.initialize();
      await client.open(fileUri(file), CASE);
      const items = await client.pullItems(fileUri(file));
      assert.deepEqual(codes(items), ['config']);
      assert.match(msg(items[0]), /\.caselint\.yaml/);
      assert.match(msg(items[0]), /no-such-rule/);
    });

    it('reads workspace/configuration: enable, profile; re-pulls on didChangeConfiguration', async () => {
      let settings: Record<string, unknown> = { enable: true, run: 'onType', profile: 'care' };
      client = spawnServer({ settings: () => settings });
      await client.initialize();
      const uri = 'file:///tmp/caselint-test/settings.md';
      await client.open(uri, CASE);
      const care = await client.pullItems(uri);
      assert.ok(care.length > 3, 'the CARE profile requires more sections');
      assert.ok(care.some((d) => /profile "care"/.test(msg(d))));

      settings = { enable: false };
      const refreshes = client.refreshRequests;
      await client.configChanged();
      await client.waitFor('a diagnostic refresh', () => client!.refreshRequests > refreshes);
      assert.deepEqual(await client.pullItems(uri), []);

      settings = { profile: 'no-such-profile' };
      await client.configChanged();
      const bad = await client.pullItems(uri);
      assert.deepEqual(codes(bad), ['config']);
      assert.match(msg(bad[0]), /no-such-profile/);
    });
  });

  describe('code actions', () => {
    async function openCase(uri: string, text = CASE): Promise<Diagnostic[]> {
      await client!.open(uri, text);
      return client!.pullItems(uri);
    }

    it('the required-section quick fix inserts the heading before the Discussion and clears the finding', async () => {
      client = spawnServer();
      await client.initialize();
      const uri = 'file:///tmp/caselint-test/fix.md';
      const items = await openCase(uri);
      const actions = await client.codeActions(uri, items, ['quickfix']);
      const fix = actions.find((a) => a.title === 'Insert section "Investigations"');
      assert.ok(fix, `actions: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(fix!.kind, 'quickfix');
      assert.equal(fix!.isPreferred, true);
      assert.deepEqual(fix!.diagnostics?.map((d) => d.code), ['required-section']);
      const text = await client.applyEdit(uri, fix!.edit);
      const inserted = text.indexOf('## Investigations\n\nTODO:');
      assert.ok(inserted > 0 && inserted < text.indexOf('## Discussion') && inserted > text.indexOf('## Case presentation'));
      // The finding is gone; the template's TODO is left for the writer (the placeholder rule may flag it).
      const after = await client.pullItems(uri);
      assert.deepEqual(after.filter((d) => d.code !== 'placeholder'), []);
    });

    it('offers "Ignore on this line" and "Ignore in this file", and each clears the finding', async () => {
      client = spawnServer();
      await client.initialize();
      for (const which of ['on this line', 'in this file']) {
        const uri = `file:///tmp/caselint-test/ignore-${which.replace(/ /g, '-')}.md`;
        const items = await openCase(uri);
        const actions = await client.codeActions(uri, items);
        const titles = actions.map((a) => a.title);
        assert.deepEqual(titles, ['Insert section "Investigations"', 'Ignore required-section on this line', 'Ignore required-section in this file']);
        const action = actions.find((a) => a.title.endsWith(which))!;
        const text = await client.applyEdit(uri, action.edit);
        if (which === 'on this line') assert.ok(text.startsWith('<!-- caselint-disable-next-line required-section -->\n# Progressive'));
        else assert.ok(text.startsWith('<!-- caselint-disable required-section -->\n\n# Progressive'));
        assert.deepEqual(await client.pullItems(uri), []);
      }
    });

    it('ignores stale diagnostics and malformed data without failing', async () => {
      client = spawnServer();
      await client.initialize();
      const uri = 'file:///tmp/caselint-test/stale.md';
      const items = await openCase(uri);
      const bogus: Diagnostic[] = [
        { ...items[0], range: { start: { line: 5, character: 0 }, end: { line: 5, character: 1 } } },
        { range: items[0].range, message: 'x', source: 'caselint', data: { ruleId: 'required-section', start: 'a' } },
        { range: items[0].range, message: 'x', source: 'caselint', data: { ruleId: 'required-section', start: 2, end: 71, fixes: [{ title: 'bad', edits: [{ start: -5, end: 1e9, newText: 'x' }] }] } },
        { range: items[0].range, message: 'other tool', source: 'other' },
      ];
      assert.deepEqual(await client.codeActions(uri, bogus), []);
      assert.equal((await client.pullItems(uri)).length, 1, 'still serving');
    });

    it('offers no source.fixAll when no finding has a safe fix', async () => {
      client = spawnServer();
      await client.initialize();
      const uri = 'file:///tmp/caselint-test/fixall.md';
      const items = await openCase(uri);
      assert.deepEqual(await client.codeActions(uri, items, ['source.fixAll']), []);
    });
  });

  describe('completion', () => {
    it('offers the snippets as snippet items, or as plain text to clients without snippet support', async () => {
      client = spawnServer();
      await client.initialize();
      const uri = 'file:///tmp/caselint-test/complete.md';
      await client.open(uri, '# Title\n\nexam\n');
      const items = await client.completion(uri, 2, 4);
      assert.ok(items.length > 5, `got ${items.length} items`);
      assert.ok(items.every((i) => i.kind === 15 && i.insertTextFormat === 2));
      assert.ok(items.some((i) => /\$\{?\d/.test((i.textEdit as { newText: string }).newText)), 'snippet syntax');
      const edit = items[0].textEdit as { range: { start: { character: number }; end: { character: number } } };
      assert.deepEqual([edit.range.start.character, edit.range.end.character], [0, 4], 'replaces the typed prefix');

      const tex = 'file:///tmp/caselint-test/complete.tex';
      await client.open(tex, '\\section{Case}\n\n', 'latex');
      const texItems = await client.completion(tex, 2, 0);
      assert.ok(texItems.length > 3);
      assert.ok(texItems.some((i) => /\\begin\{tabular\}|\\section/.test((i.textEdit as { newText: string }).newText)));
      const txt = 'file:///tmp/caselint-test/notes.txt';
      await client.open(txt, 'CASE REPORT\n', 'plaintext');
      assert.deepEqual(await client.completion(txt, 0, 0), []);
    });

    it('resolves placeholders to plain text for a client without snippetSupport', async () => {
      client = spawnServer({ capabilities: PUSH_CAPABILITIES });
      await client.initialize();
      const uri = 'file:///tmp/caselint-test/plain.md';
      await client.open(uri, '\n');
      const items = await client.completion(uri, 0, 0);
      assert.ok(items.length > 5);
      for (const i of items) {
        assert.equal(i.insertTextFormat, 1);
        assert.doesNotMatch((i.textEdit as { newText: string }).newText, /\$\d|\$\{\d/, i.label);
      }
    });
  });

  describe('robustness', () => {
    it('skips binary content and huge files with one informational diagnostic, and keeps serving', async () => {
      client = spawnServer();
      await client.initialize();
      const bin = 'file:///tmp/caselint-test/binary.md';
      await client.open(bin, '# Case report\n\u0000\u0001\u0002PNG\n');
      const b = await client.pullItems(bin);
      assert.deepEqual(codes(b), ['skipped']);
      assert.equal(b[0].severity, 3);
      assert.match(msg(b[0]), /binary/);

      const huge = 'file:///tmp/caselint-test/huge.md';
      const para = 'The patient walked with a cane and reported cramps in both legs at night. '.repeat(20) + '\n\n';
      await client.open(huge, '# Case report\n\n' + para.repeat(Math.ceil((10.2 * 1024 * 1024) / para.length)));
      const h = await client.pullItems(huge);
      assert.deepEqual(codes(h), ['skipped']);
      assert.match(msg(h[0]), /MB/);

      await client.open('file:///tmp/caselint-test/ok.md', CASE);
      assert.equal((await client.pullItems('file:///tmp/caselint-test/ok.md')).length, 1);
    });

    it('applies the CLI\'s size limit on the CLI\'s measure (UTF-8): a text short in UTF-16 but over 10 MB in UTF-8 is skipped by both', async () => {
      // 2 bytes in UTF-8, 1 code unit in UTF-16: 5.6 million code units, 11.2 MB saved.
      const para = 'é'.repeat(98) + '\n\n';
      const text = '# Case report\n\n' + para.repeat(Math.ceil((5.6 * 1024 * 1024) / para.length));
      assert.ok(text.length < 10 * 1024 * 1024);
      const dir = mkdtempSync(join(tmpdir(), 'caselint-size-'));
      try {
        const file = join(dir, 'accents.md');
        writeFileSync(file, text);
        const cli = await runCli([file]);
        assert.equal(cli.code, 2);
        const [, cliSize] = /is too large \(([\d.]+) MB; the limit is 10 MB\)/.exec(cli.stderr) ?? [];
        assert.ok(cliSize, cli.stderr);
        client = spawnServer();
        await client.initialize();
        const uri = fileUri(file);
        await client.open(uri, text);
        const items = await client.pullItems(uri);
        assert.deepEqual(codes(items), ['skipped']);
        assert.equal(msg(items[0]), `caselint skipped this file: it is too large (${cliSize} MB; the limit is 10 MB).`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('answers requests about documents it does not know with empty results', async () => {
      client = spawnServer();
      await client.initialize();
      const uri = 'file:///tmp/caselint-test/unknown.md';
      assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
      assert.deepEqual(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } }), []);
      assert.equal(await client.connection.sendRequest(ChecklistRequest.type, { uri }), null);
      assert.equal(await client.connection.sendRequest(InsertSectionRequest.type, { uri, itemId: 'abstract' }), null);
      assert.equal(await client.connection.sendRequest(CheckAsCaseReportRequest.type, {} as never), null);
      // No LSP commands (the client's commands use custom requests).
      await assert.rejects(client.connection.sendRequest('workspace/executeCommand', { command: 'caselint.checkAsCaseReport', arguments: [uri] }), /Unhandled method workspace\/executeCommand/);
      // A language caselint does not check.
      await client.open('file:///tmp/caselint-test/app.js', 'const x = 1;\n', 'javascript');
      assert.deepEqual(await client.pullItems('file:///tmp/caselint-test/app.js'), []);
    });
  });
});

