import assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver-protocol/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { PULL_CAPABILITIES, ROOT, SERVER_JS, withTimeout } from './client';

/** caselint-language-server's command line: transports and arguments. */
describe('language server transports and arguments', function () {
  this.timeout(20000);

  it('--node-ipc: initialize and pull diagnostics over Node IPC, then exit 0', async () => {
    const child = fork(SERVER_JS, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    try {
      const init = (await withTimeout(connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: PULL_CAPABILITIES }), 10000, 'initialize')) as {
        capabilities: { diagnosticProvider?: unknown };
      };
      assert.ok(init.capabilities.diagnosticProvider);
      await connection.sendNotification('initialized', {});
      const uri = 'file:///tmp/caselint-ipc/case.md';
      const text = readFileSync(join(ROOT, 'test', 'fixtures', 'lsp', 'missing-investigations.md'), 'utf8');
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const report = (await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
      assert.deepEqual(report.items.map((d) => d.code), ['required-section']);
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await withTimeout(exited, 5000, 'exit'), 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  it('--version, --help, and a clear usage error without a transport', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const version = spawnSync(process.execPath, [SERVER_JS, '--version'], { encoding: 'utf8', timeout: 10000 });
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), pkg.version);
    const help = spawnSync(process.execPath, [SERVER_JS, '--help'], { encoding: 'utf8', timeout: 10000 });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--stdio/);
    const none = spawnSync(process.execPath, [SERVER_JS], { encoding: 'utf8', timeout: 10000 });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /choose a transport/);
    assert.ok(readFileSync(SERVER_JS, 'utf8').startsWith('#!/usr/bin/env node\n'));
  });
});
