/**
 * A small LSP test client: spawns the built server (`node server/out/server.js --stdio`) or runs
 * the server in-process over a stream pair, and talks to it over a real JSON-RPC connection.
 * Waits are event-driven with bounded timeouts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  ClientCapabilities,
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentDiagnosticReport,
  InitializeResult,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChecklistChangedNotification } from '../../server/src/lsp/protocol';

export const ROOT = join(__dirname, '..', '..');
export const SERVER_JS = join(ROOT, 'server', 'out', 'server.js');

export const PULL_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    completion: { completionItem: { snippetSupport: true } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
  workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
};

export const PUSH_CAPABILITIES: ClientCapabilities = {
  textDocument: { synchronization: { didSave: true }, publishDiagnostics: { versionSupport: true } },
  workspace: {},
};

export interface StartOptions {
  capabilities?: ClientCapabilities;
  /** Answer to workspace/configuration (section "caselint"); undefined answers null. */
  settings?: Record<string, unknown> | (() => Record<string, unknown> | undefined);
  workspaceFolder?: string;
  initializationOptions?: unknown;
  /** A command the server runs under, with its arguments (`["strace", "-f", …]`): spawnServer only. */
  wrap?: string[];
  /** Node options of the server process (`["--cpu-prof"]`): spawnServer only. */
  nodeArgs?: string[];
  /** The server to spawn instead of this checkout's server/out/server.js (bench: another checkout's). */
  serverJs?: string;
}

interface Waiter {
  check: () => boolean;
  resolve: () => void;
}

export class TestClient {
  readonly published = new Map<string, Diagnostic[]>();
  readonly publishedVersions = new Map<string, number | undefined>();
  /** Every publishDiagnostics received, in order. */
  readonly publishLog: { uri: string; version?: number; count: number }[] = [];
  readonly checklists = new Map<string, unknown>();
  /** Every caselint/checklistChanged received (its URI), in order. */
  readonly checklistLog: string[] = [];
  readonly logs: string[] = [];
  refreshRequests = 0;
  registrations: unknown[] = [];
  init!: InitializeResult;
  /** The server object of an in-process server (inProcessServer), to look at its state. */
  server?: import('../../server/src/lsp/server').CaselintServer;
  /** The process id of a spawned server (spawnServer), to read its memory (bench). */
  pid?: number;
  private readonly texts = new Map<string, TextDocument>();
  private waiters: Waiter[] = [];

  constructor(
    readonly connection: ProtocolConnection,
    private readonly stop: () => Promise<void>,
    private readonly options: StartOptions,
  ) {
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      this.published.set(p.uri, p.diagnostics);
      this.publishedVersions.set(p.uri, p.version);
      this.publishLog.push({ uri: p.uri, version: p.version, count: p.diagnostics.length });
      this.poke();
    });
    connection.onNotification(ChecklistChangedNotification.type, (p) => {
      this.checklists.set(p.uri, p.checklist);
      this.checklistLog.push(p.uri);
      this.poke();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.poke();
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
      const s = typeof options.settings === 'function' ? options.settings() : options.settings;
      return p.items.map(() => s ?? null);
    });
    connection.onRequest('client/registerCapability', (p: { registrations: unknown[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshRequests++;
      this.poke();
      return null;
    });
    connection.listen();
  }

  private poke(): void {
    this.waiters = this.waiters.filter((w) => {
      if (w.check()) {
        w.resolve();
        return false;
      }
      return true;
    });
  }

  /** Resolves when `check` holds (checked on every message from the server), or rejects after `ms`. */
  waitFor(what: string, check: () => boolean, ms = 8000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      }, ms);
      const waiter: Waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  async initialize(): Promise<InitializeResult> {
    const folder = this.options.workspaceFolder;
    this.init = (await this.connection.sendRequest('initialize', {
      processId: null,
      rootUri: folder ? fileUri(folder) : null,
      workspaceFolders: folder ? [{ uri: fileUri(folder), name: 'ws' }] : null,
      capabilities: this.options.capabilities ?? PULL_CAPABILITIES,
      initializationOptions: this.options.initializationOptions,
    })) as InitializeResult;
    await this.connection.sendNotification('initialized', {});
    return this.init;
  }

  text(uri: string): string {
    return this.texts.get(uri)!.getText();
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.texts.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Incremental change(s); returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const doc = this.texts.get(uri)!;
    const version = doc.version + 1;
    this.texts.set(uri, TextDocument.update(doc, changes, version));
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Applies a WorkspaceEdit to our copy and sends it as incremental changes (last edit first). */
  async applyEdit(uri: string, edit: WorkspaceEdit | undefined): Promise<string> {
    const edits = edit?.changes?.[uri] ?? [];
    const doc = this.texts.get(uri)!;
    const newText = TextDocument.applyEdits(doc, edits);
    // One incremental change replacing the whole text keeps it simple and exact.
    await this.change(uri, [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, text: newText }]);
    return newText;
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return (await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId })) as DocumentDiagnosticReport;
  }

  async pullItems(uri: string): Promise<Diagnostic[]> {
    const r = await this.pull(uri);
    if (r.kind !== 'full') throw new Error('expected a full report');
    return r.items;
  }

  async codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const doc = this.texts.get(uri)!;
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
    return ((await this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    })) ?? []) as CodeAction[];
  }

  async completion(uri: string, line: number, character: number): Promise<CompletionItem[]> {
    const r = (await this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as
      | CompletionItem[]
      | { items: CompletionItem[] }
      | null;
    return Array.isArray(r) ? r : r?.items ?? [];
  }

  async configChanged(settings?: unknown): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: settings ?? null });
  }

  async shutdown(): Promise<void> {
    await this.stop();
  }
}

export function fileUri(path: string): string {
  return 'file://' + path.split('/').map(encodeURIComponent).join('/');
}

/** Spawns the built server over stdio. */
export function spawnServer(options: StartOptions = {}): TestClient {
  const serverJs = options.serverJs ?? SERVER_JS;
  if (!existsSync(serverJs)) throw new Error(`${serverJs} is missing: run \`npm run bundle\` first`);
  const [wrapper, ...wrapArgs] = options.wrap ?? [];
  const args = [...(options.nodeArgs ?? []), serverJs, '--stdio'];
  const child: ChildProcess = wrapper
    ? spawn(wrapper, [...wrapArgs, process.execPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    try {
      await withTimeout(connection.sendRequest('shutdown'), 5000, 'shutdown');
      await connection.sendNotification('exit');
    } catch {
      // fall through to kill
    }
    const code = await withTimeout(exited, 5000, 'server exit').catch(() => {
      child.kill();
      return null;
    });
    connection.dispose();
    if (code !== 0 && code !== null) throw new Error(`server exited with ${code}: ${stderr}`);
  };
  const client = new TestClient(connection, stop, options);
  client.pid = child.pid;
  return client;
}

/** Runs the server in this process over a pair of streams (for rules injected by tests). */
export async function inProcessServer(options: StartOptions & { serverOptions?: import('../../server/src/lsp/server').ServerOptions } = {}): Promise<TestClient> {
  const { createConnection } = await import('vscode-languageserver/node');
  const { createServer } = await import('../../server/src/lsp/server');
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(toServer, toClient);
  const server = createServer(serverConnection, options.serverOptions);
  serverConnection.listen();
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  // Never end the streams: the library exits the process when its input stream ends.
  const stop = async () => {
    await withTimeout(connection.sendRequest('shutdown'), 5000, 'shutdown');
    connection.dispose();
  };
  const client = new TestClient(connection, stop, options);
  client.server = server;
  return client;
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]);
}

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 1, text), edits);
}
