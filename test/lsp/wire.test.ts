import assert from 'node:assert/strict';
import type { Message } from 'vscode-jsonrpc';
import { WireJson, wireEncoder } from '../../server/src/lsp/wire';

/**
 * The server's JSON on stdio (lsp/wire.ts): the bytes of the string JSON.stringify gives, for
 * every message, with each diagnostic's bytes made once.
 */
const diagnostic = (line: number, message = 'Uncited claim. Add a citation. "quoted" \u2014 ünïcode \u{1F600}') => ({
  range: { start: { line, character: 0 }, end: { line, character: 5 } },
  severity: 2,
  code: 'unsupported-claim',
  codeDescription: { href: 'https://example.org/docs/rules/unsupported-claim.md' },
  source: 'caselint',
  message,
});

describe('server wire JSON', () => {
  const items = [diagnostic(0), diagnostic(1), diagnostic(2, 'line\nbreak\ttab\\')];
  const messages: unknown[] = [
    { jsonrpc: '2.0', id: 1, result: { kind: 'full', resultId: '3:0:7', items } },
    { jsonrpc: '2.0', id: 'a', result: { kind: 'full', items: [] } },
    { jsonrpc: '2.0', id: 2, result: { kind: 'unchanged', resultId: '3:0:7' } },
    { jsonrpc: '2.0', id: 3, result: { kind: 'full', resultId: undefined, items, extra: () => 1 } },
    { jsonrpc: '2.0', id: 4, result: { items: [undefined, null, 1, 'x', [1], { toJSON: () => 'j' }, ...items] } },
    { jsonrpc: '2.0', id: 5, result: { toJSON: () => ({ replaced: true }), items } },
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.md', version: 3, diagnostics: items } },
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.md', diagnostics: [] } },
    { jsonrpc: '2.0', id: 6, result: null },
    { jsonrpc: '2.0', id: 7, error: { code: -32801, message: 'The document changed.' } },
    { jsonrpc: '2.0', id: 8, method: 'workspace/configuration', params: { items: [{ section: 'caselint' }] } },
    { jsonrpc: '2.0', id: 9, result: { items: 'not a list' } },
  ];

  it('writes every message as JSON.stringify does', () => {
    const json = new WireJson();
    for (const m of messages) {
      assert.equal(json.encode(m as Message).toString('utf8'), JSON.stringify(m));
      // Again, from the kept bytes of its diagnostics.
      assert.equal(json.encode(m as Message).toString('utf8'), JSON.stringify(m));
    }
  });

  it('a new list of partly the same diagnostic objects is written right', () => {
    const json = new WireJson();
    const first = { jsonrpc: '2.0', id: 1, result: { kind: 'full', resultId: 'a', items } };
    assert.equal(json.encode(first as Message).toString('utf8'), JSON.stringify(first));
    const second = { jsonrpc: '2.0', id: 2, result: { kind: 'full', resultId: 'b', items: [items[2], diagnostic(7), items[0]] } };
    assert.equal(json.encode(second as Message).toString('utf8'), JSON.stringify(second));
  });

  it('encodes to the bytes of the JSON in the charset', async () => {
    const m = messages[0] as Message;
    const encoder = wireEncoder();
    assert.ok('encode' in encoder);
    assert.equal(Buffer.from(await encoder.encode(m, { charset: 'utf-8' })).toString('utf8'), JSON.stringify(m));
    assert.equal(Buffer.from(await encoder.encode(m, { charset: 'ascii' })).toString('ascii'), Buffer.from(JSON.stringify(m), 'ascii').toString('ascii'));
  });
});
