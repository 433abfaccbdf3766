import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUri, ROOT, spawnServer } from '../lsp/client';

/**
 * The privacy promise (README, "Privacy"): caselint never opens a network connection. The CLI
 * checks the corpus and the language server runs a whole editing session under
 * `strace -f -e trace=network`, which logs every socket call of the process and its children;
 * the test fails on any socket that is not a local (AF_UNIX) one, and on any connect, bind, send
 * or listen to an address that is not local IPC. The language server talks over its stdio pipes,
 * which are no sockets at all.
 */
const CLI_JS = join(ROOT, 'server', 'out', 'cli.js');
const CORPUS = ['..', join('..', '..')].map((up) => join(ROOT, up, 'shared', 'corpus', 'case-reports')).find(existsSync);

function strace(): string {
  const r = spawnSync('strace', ['-V'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error('strace is needed for the network test: apt-get install strace (.ci/run installs it)');
  return 'strace';
}

/** The socket calls of an strace log that reach beyond the machine's local IPC. */
export function nonLocalNetworkCalls(log: string): string[] {
  const bad: string[] = [];
  for (const line of log.split('\n')) {
    const call = /^\s*(?:\d+\s+)?(?:<\.\.\.\s+)?(socket|socketpair|connect|bind|listen|accept4?|sendto|sendmsg|sendmmsg|recvfrom|recvmsg|getsockname|getpeername|setsockopt|getsockopt|shutdown)\b/.exec(line);
    if (!call) continue;
    const families = [...line.matchAll(/\b(AF_[A-Z0-9]+|PF_[A-Z0-9]+)\b/g)].map((m) => m[1]);
    // socket(AF_UNIX, …), socketpair(AF_UNIX, …), connect(fd, {sa_family=AF_UNIX, sun_path=…}): local IPC.
    if (families.some((f) => f !== 'AF_UNIX' && f !== 'AF_LOCAL' && f !== 'PF_UNIX' && f !== 'PF_LOCAL')) bad.push(line.trim());
    else if ((call[1] === 'connect' || call[1] === 'bind' || call[1] === 'sendto') && /sa_family=/.test(line) && !/sa_family=AF_(?:UNIX|LOCAL)/.test(line)) bad.push(line.trim());
  }
  return bad;
}

describe('privacy: nothing goes over the network', function () {
  this.timeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'caselint-net-'));

  it('the watcher sees a connection when there is one', () => {
    const log = join(dir, 'probe.log');
    execFileSync(strace(), ['-f', '-e', 'trace=network', '-o', log, process.execPath, '-e', "require('net').connect(9, '127.0.0.1').on('error', () => {})"]);
    assert.ok(nonLocalNetworkCalls(readFileSync(log, 'utf8')).some((l) => /AF_INET/.test(l)), 'a loopback connect was not seen');
  });

  it('the CLI opens no network socket while checking the corpus', () => {
    assert.ok(existsSync(CLI_JS), `${CLI_JS} is missing: run npm run build`);
    const log = join(dir, 'cli.log');
    const targets = [join(ROOT, 'examples'), join(ROOT, 'test', 'fixtures', 'patient-identifier'), ...(CORPUS ? [CORPUS] : [])];
    const r = spawnSync(strace(), ['-f', '-e', 'trace=network', '-o', log, process.execPath, CLI_JS, ...targets, '--format', 'json', '--exit-zero'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(r.status, 0, r.stderr);
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).length;
    assert.ok(files >= (CORPUS ? 12 : 2), `only ${files} files were checked`);
    const text = readFileSync(log, 'utf8');
    assert.match(text, /\+\+\+ exited with 0 \+\+\+/, 'strace did not follow the CLI to its end');
    assert.deepEqual(nonLocalNetworkCalls(text), []);
  });

  it('the language server opens no network socket during an editing session (stdio)', async () => {
    const log = join(dir, 'server.log');
    const client = spawnServer({ wrap: [strace(), '-f', '-e', 'trace=network', '-o', log] });
    try {
      await client.initialize();
      const file = join(ROOT, 'test', 'fixtures', 'patient-identifier', 'structured.md');
      const uri = fileUri(file);
      await client.open(uri, readFileSync(file, 'utf8'));
      const items = await client.pullItems(uri);
      const ids = items.filter((d) => d.code === 'patient-identifier');
      assert.ok(ids.length > 20, `${ids.length} identifier diagnostics`);
      const actions = await client.codeActions(uri, [ids[0]]);
      const fix = actions.find((a) => a.edit);
      assert.ok(fix, 'a quick fix for the first identifier');
      await client.applyEdit(uri, fix.edit);
      assert.ok((await client.pullItems(uri)).length > 0);
      await client.completion(uri, 0, 0);
    } finally {
      await client.shutdown();
    }
    const text = readFileSync(log, 'utf8');
    assert.match(text, /\+\+\+ exited with \d+ \+\+\+/, 'strace did not follow the server to its end');
    assert.deepEqual(nonLocalNetworkCalls(text), []);
  });
});
