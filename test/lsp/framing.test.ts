import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { StreamMessageReader } from 'vscode-languageserver-protocol/node';
import { FRAMING_BUFFER_BYTES, FramingGuard } from '../../server/src/lsp/framing';
import { SERVER_JS, withTimeout } from './client';

/**
 * The framing of the messages the server reads (issue 14): a message with a wrong Content-Length
 * is dropped and told on standard error, and the server answers the next message (it used to stay
 * alive but deaf until its input closed). Over a real stdio connection to the built server
 * (server/out/server.js), with the bytes written by hand; and FramingGuard (lsp/framing.ts) alone.
 */

function frame(message: object, delta = 0, length?: string): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${length ?? body.length + delta}\r\n\r\n`, 'latin1'), body]);
}

const request = (id: number, method: string, params: unknown = null) => ({ jsonrpc: '2.0', id, method, params });

class RawServer {
  readonly child: ChildProcess;
  stderr = '';
  private readonly answers = new Map<number, unknown>();
  private waiting = new Map<number, () => void>();

  constructor() {
    this.child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => (this.stderr += String(d)));
    const reader = new StreamMessageReader(this.child.stdout!);
    reader.listen((m) => {
      const message = m as { id?: number; method?: string; result?: unknown };
      if (message.method === 'workspace/configuration' && typeof message.id === 'number') {
        this.write(frame({ jsonrpc: '2.0', id: message.id, result: [null] }));
        return;
      }
      if (typeof message.id === 'number' && !message.method) {
        this.answers.set(message.id, message.result);
        this.waiting.get(message.id)?.();
      }
    });
  }

  write(bytes: Buffer | string): void {
    this.child.stdin!.write(bytes);
  }

  answer(id: number, ms = 10000): Promise<unknown> {
    if (this.answers.has(id)) return Promise.resolve(this.answers.get(id));
    return withTimeout(new Promise((resolve) => this.waiting.set(id, () => resolve(this.answers.get(id)))), ms, `the answer to request ${id}`);
  }

  has(id: number): boolean {
    return this.answers.has(id);
  }

  async initialize(): Promise<void> {
    this.write(frame(request(1, 'initialize', { processId: null, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } })));
    await this.answer(1);
    this.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    if (this.child.exitCode !== null) return this.child.exitCode;
    this.write(frame(request(999, 'shutdown')));
    await this.answer(999).catch(() => undefined);
    this.write(frame({ jsonrpc: '2.0', method: 'exit' }));
    return withTimeout(exited, 5000, 'exit').catch(() => {
      this.child.kill();
      return null;
    });
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CASE = '# Cramps: a case report\n\n## Case presentation\n\nA man of 50 had cramps for two years.\n';

describe('language server framing over stdio (wrong Content-Length)', function () {
  this.timeout(30000);
  let server: RawServer | undefined;
  afterEach(async () => {
    if (server) assert.equal(await server.stop(), 0, server.stderr);
    server = undefined;
  });

  /** Sends a broken message, then (later, as its own write) a good one: the good one is answered. */
  async function recovers(broken: Buffer | string, why: RegExp): Promise<void> {
    server = new RawServer();
    await server.initialize();
    server.write(broken);
    await pause(200);
    server.write(frame(request(3, 'caselint/profiles')));
    const profiles = (await server.answer(3)) as { id: string }[];
    assert.ok(Array.isArray(profiles) && profiles.some((p) => p.id === 'default'));
    assert.equal(server.has(2), false, 'the broken request is not answered');
    assert.match(server.stderr, /^caselint-language-server: dropped \d+ bytes of input that were not a well-framed message \(/m);
    assert.match(server.stderr, why);
    // Still a whole working server: a document opened now is checked.
    server.write(frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/caselint-framing/case.md', languageId: 'markdown', version: 1, text: CASE } } }));
    server.write(frame(request(4, 'textDocument/diagnostic', { textDocument: { uri: 'file:///tmp/caselint-framing/case.md' } })));
    const report = (await server.answer(4)) as { items: { code: string }[] };
    assert.ok(report.items.some((d) => d.code === 'required-section'));
  }

  const hover = request(2, 'textDocument/hover', { textDocument: { uri: 'file:///tmp/x.md' }, position: { line: 0, character: 0 } });

  it('a Content-Length too short: the rest of the body is dropped, the next message is answered', () => recovers(frame(hover, -12), /longer than its Content-Length/));

  it('a Content-Length too short, in the same write as the next message', async () => {
    server = new RawServer();
    await server.initialize();
    server.write(Buffer.concat([frame(hover, -5), frame(request(3, 'caselint/profiles'))]));
    assert.ok(Array.isArray(await server.answer(3)));
    assert.equal(server.has(2), false);
  });

  it('an absurdly large Content-Length (over what can be decoded): refused at once, the next message is answered', () =>
    recovers(frame(hover, 0, '99999999999999999999'), /over the limit/));

  it('a Content-Length too long but plausible: the next header inside the body ends it, the next message is answered', () =>
    recovers(frame(hover, 5000), /shorter than its Content-Length/));

  it('a header without Content-Length, or one that is not a number, or bytes that are no header at all', async () => {
    await recovers(Buffer.concat([Buffer.from('Content-Type: application/vscode-jsonrpc\r\n\r\n{}'), Buffer.from('Content-Length: twelve\r\n\r\n{"a":1}'), Buffer.from('hello\r\n\r\n')]), /without Content-Length/);
  });
});

describe('FramingGuard (lsp/framing.ts)', () => {
  /** Passes `chunks` through a guard; returns the messages a StreamMessageReader reads from it, and the drops. */
  async function through(chunks: Buffer[]): Promise<{ messages: unknown[]; drops: string[] }> {
    const drops: string[] = [];
    const guard = new FramingGuard((m) => drops.push(m));
    const messages: unknown[] = [];
    const reader = new StreamMessageReader(guard);
    reader.listen((m) => messages.push(m));
    for (const c of chunks) guard.write(c);
    guard.end();
    await new Promise((resolve) => guard.once('end', resolve));
    await pause(20);
    return { messages, drops };
  }

  /** Splits bytes into chunks of random sizes (1 to 40 bytes), seeded. */
  function chop(bytes: Buffer, seed: number): Buffer[] {
    let s = seed;
    const out: Buffer[] = [];
    for (let i = 0; i < bytes.length; ) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      const n = 1 + (s % 40);
      out.push(bytes.subarray(i, i + n));
      i += n;
    }
    return out;
  }

  const messages = [
    request(1, 'initialize', { capabilities: {} }),
    { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.md', text: 'Fièvre à 39 °C — “Content-Length: 5\r\n\r\n” in the text\n'.repeat(50) } } },
    request(2, 'textDocument/hover', { position: { line: 1, character: 2 } }),
  ];

  it('passes well-framed messages through unchanged, however the input is chunked (multi-byte text, headers in strings)', async () => {
    const bytes = Buffer.concat([...messages.map((m) => frame(m)), Buffer.from('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 2\r\n\r\n{}')]);
    for (const seed of [1, 2, 3, 4, 5]) {
      const { messages: got, drops } = await through(chop(bytes, seed));
      assert.deepEqual(got, [...messages, {}]);
      assert.deepEqual(drops, []);
    }
  });

  it('keeps a buffer grown by a large message only while large messages come', async () => {
    const guard = new FramingGuard();
    const got: unknown[] = [];
    new StreamMessageReader(guard).listen((m) => got.push(m));
    const big = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.md', text: 'x'.repeat(300_000) } } };
    guard.write(frame(big));
    assert.ok(guard.capacity >= 300_000, 'grown for the large message');
    guard.write(frame(big));
    assert.ok(guard.capacity >= 300_000, 'kept for a run of large messages');
    guard.write(frame(request(1, 'textDocument/hover')));
    assert.equal(guard.capacity, FRAMING_BUFFER_BYTES, 'back to its size after a small message');
    guard.end();
    await pause(20);
    assert.equal(got.length, 3);
  });

  it('keeps every good message around a broken one, however the input is chunked', async () => {
    for (const [broken, seed] of [
      [frame(request(9, 'x', { text: 'abc'.repeat(30) }), -20), 1],
      [frame(request(9, 'x', { text: 'abc'.repeat(30) }), 300), 2],
      [frame(request(9, 'x'), 0, '-1'), 3],
      [Buffer.from('garbage without any header'), 4],
    ] as [Buffer, number][]) {
      const bytes = Buffer.concat([frame(messages[0]), broken, frame(messages[1]), frame(messages[2])]);
      const { messages: got, drops } = await through(chop(bytes, seed));
      // The message right after a body that is too long may be lost with it, never the others.
      assert.deepEqual(got.filter((m) => !(m as { id?: number }).id || (m as { id?: number }).id !== 9), got);
      assert.deepEqual(got[0], messages[0], `case ${seed}: ${JSON.stringify(got.map((m) => (m as { id?: number }).id ?? (m as { method?: string }).method))} ${drops.join(" ")}`);
      assert.deepEqual(got[got.length - 1], messages[2]);
      assert.equal(drops.length >= 1, true);
      for (const d of drops) assert.doesNotMatch(d, /abc|Fièvre/, 'no message text on standard error');
    }
  });
});
