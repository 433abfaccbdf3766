import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompletionItem, DocumentLink, Location } from 'vscode-languageserver-protocol';
import { fileUri, ROOT, spawnServer, type TestClient } from './client';

/** Definition, references, document links and key completion over a real stdio connection. */
const DIR = join(ROOT, 'test', 'fixtures', 'lsp', 'navigation');
const NUMBERED = readFileSync(join(DIR, 'numbered.md'), 'utf8');
const KEYS = readFileSync(join(DIR, 'keys.md'), 'utf8');

function pos(text: string, needle: string, nth = 0, delta = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `"${needle}" not in text`);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

function lineText(text: string, l: Location): string {
  return text.split('\n')[l.range.start.line].slice(l.range.start.character, l.range.end.character);
}

describe('navigation over LSP', function () {
  this.timeout(30000);
  let client: TestClient;
  let tmp: string;

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'caselint-nav-'));
    for (const f of ['numbered.md', 'keys.md', 'refs.bib']) copyFileSync(join(DIR, f), join(tmp, f));
    client = spawnServer();
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('advertises definition, references, document links and key completion triggers', () => {
    const caps = client.init.capabilities;
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.deepEqual(caps.documentLinkProvider, { resolveProvider: false });
    assert.deepEqual(caps.completionProvider?.triggerCharacters, ['@', '{', ',']);
  });

  it('goes from a numeric marker to its reference-list entry, and to the number under the cursor', async () => {
    const uri = fileUri(join(tmp, 'numbered.md'));
    await client.open(uri, NUMBERED);
    const one = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos(NUMBERED, '[1]', 0, 1) })) as Location[];
    assert.equal(one.length, 1);
    assert.equal(one[0].uri, uri);
    assert.match(lineText(NUMBERED, one[0]), /^Oduya K, Marsh T\. Cramps at night in bakers/);
    const three = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos(NUMBERED, '[2,3]', 0, 3) })) as Location[];
    assert.deepEqual(three.map((l) => lineText(NUMBERED, l).slice(0, 8)), ['Abara N.']);
    const none = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos(NUMBERED, 'A baker') })) as Location[];
    assert.deepEqual(none, []);
  });

  it('finds every marker citing an entry', async () => {
    const uri = fileUri(join(tmp, 'numbered.md'));
    const refs = (await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri },
      position: pos(NUMBERED, 'Oduya K'),
      context: { includeDeclaration: false },
    })) as Location[];
    assert.deepEqual(refs.map((l) => lineText(NUMBERED, l)), ['[1]', '[1]']);
    const three = (await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri },
      position: pos(NUMBERED, '[3]', 0, 1),
      context: { includeDeclaration: true },
    })) as Location[];
    assert.deepEqual(three.map((l) => lineText(NUMBERED, l).slice(0, 8)), ['Abara N.', '[2,3]', '[3]']);
  });

  it('links DOIs to doi.org and PMIDs to PubMed', async () => {
    const uri = fileUri(join(tmp, 'numbered.md'));
    const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as DocumentLink[];
    assert.deepEqual(
      links.map((l) => [NUMBERED.split('\n')[l.range.start.line].slice(l.range.start.character, l.range.end.character), l.target]),
      [
        ['10.5555/imag.2001.001', 'https://doi.org/10.5555/imag.2001.001'],
        ['12345678', 'https://pubmed.ncbi.nlm.nih.gov/12345678/'],
      ],
    );
  });

  it('goes from a Pandoc key to its .bib entry', async () => {
    const uri = fileUri(join(tmp, 'keys.md'));
    await client.open(uri, KEYS);
    const defs = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos(KEYS, '@oduya2001', 0, 3) })) as Location[];
    assert.equal(defs.length, 1);
    assert.equal(defs[0].uri, fileUri(join(tmp, 'refs.bib')));
    assert.deepEqual(defs[0].range.start, { line: 0, character: 0 });
    const second = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos(KEYS, '@lindqvist2005', 0, 2) })) as Location[];
    assert.deepEqual(second.map((l) => l.range.start.line), [6]);
    const refs = (await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri },
      position: pos(KEYS, '@oduya2001', 0, 2),
      context: { includeDeclaration: false },
    })) as Location[];
    assert.equal(refs.length, 2);
  });

  it('offers "Renumber citations in order of first mention" as a source action, applied as one edit', async () => {
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'citation-order', 'first-mention.md'), 'utf8');
    const uri = fileUri(join(tmp, 'order.md'));
    await client.open(uri, text);
    assert.ok((await client.pullItems(uri)).some((d) => d.code === 'citation-order'));
    // Asked for by kind, with no diagnostic in the context (the editor's "Source Action..." menu).
    const actions = await client.codeActions(uri, [], ['source']);
    const renumber = actions.filter((a) => a.kind === 'source.renumberCitations.caselint');
    assert.deepEqual(renumber.map((a) => a.title), ['Renumber citations in order of first mention']);
    // Never part of fix-all.
    assert.ok(!(await client.codeActions(uri, [], ['source.fixAll'])).some((a) => a.kind === 'source.renumberCitations.caselint'));
    const after = await client.applyEdit(uri, renumber[0].edit);
    assert.match(after, /Practice time matters \[2,3\]\. /);
    assert.match(after, /^2\. Cedar C\./m);
    assert.ok(!(await client.pullItems(uri)).some((d) => d.code === 'citation-order' || d.code === 'citation-reference'));
    // In order now: nothing to offer.
    assert.deepEqual((await client.codeActions(uri, [], ['source.renumberCitations'])).map((a) => a.title), []);
  });

  it('completes bibliography keys after "[@" and inside \\cite{', async () => {
    const uri = fileUri(join(tmp, 'keys.md'));
    const last = KEYS.trimEnd().split('\n');
    const items = (await client.completion(uri, last.length - 1, last[last.length - 1].length)) as CompletionItem[];
    assert.deepEqual(items.map((i) => i.label), ['oduya2001', 'lindqvist2005']);
    assert.match(items[0].detail ?? '', /Oduya, 2001, Cramps at night/);
    const tex = fileUri(join(tmp, 'case.tex'));
    const texText = '\\documentclass{article}\n\\begin{document}\nCramps \\cite{oduya2001, lin\n\\bibliography{refs}\n\\end{document}\n';
    await client.open(tex, texText, 'latex');
    const texItems = (await client.completion(tex, 2, 'Cramps \\cite{oduya2001, lin'.length)) as CompletionItem[];
    assert.deepEqual(texItems.map((i) => i.label), ['oduya2001', 'lindqvist2005']);
    assert.deepEqual(texItems[1].textEdit && 'range' in texItems[1].textEdit ? texItems[1].textEdit.range.start : undefined, { line: 2, character: 'Cramps \\cite{oduya2001, '.length });
  });
});
