/**
 * The caselint language server: connection wiring. Incremental sync; pull diagnostics when the
 * client supports them, push otherwise; settings via workspace/configuration; config files
 * discovered per document (server/src/config/discover.ts); code actions, completion, and the
 * hover / symbols / folding / checklist handlers of server/src/lsp/{hover,symbols,checklist}.ts.
 *
 * Every handler is guarded: an exception is logged (connection.console.error) and the request
 * gets an empty result; the server never goes down because of one document.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult, Rule } from '../checker';
import { CONFIG_FILE_NAMES } from '../config/discover';
import { checklistResult } from './checklist';
import { codeActions, CODE_ACTION_KINDS } from './codeActions';
import { completionItems } from './completion';
import { Analyzer, describeError, filePath, normalizeSettings, DEFAULT_SETTINGS, type Analysis, type Settings } from './documents';
import { caselintHover } from './hover';
import { documentSymbols, foldingRanges } from './symbols';
import { CHECKLIST_CHANGED_NOTIFICATION, CHECKLIST_REQUEST, COMMANDS, type ChecklistParams } from './protocol';
import pkg from '../../../package.json';

export interface ServerOptions {
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
  /** Texts longer than this are skipped with one informational diagnostic. */
  maxTextLength?: number;
  /** Delay of on-type checks in push mode (ms). */
  debounceMs?: number;
  /** How long to wait for workspace/configuration before using defaults (ms). */
  settingsTimeoutMs?: number;
}

/** What a handler of another module needs: the cached check of a document and the document. */
export interface CachedCheck {
  result: CheckResult;
  document: TextDocument;
  analysis: Analysis;
}

export interface CaselintServer {
  documents: TextDocuments<TextDocument>;
  analyzer: Analyzer;
  /** The current check of an open, checked manuscript (checking it if needed), or undefined. */
  getResult(uri: string): Promise<CachedCheck | undefined>;
  /** Whether the client pulls diagnostics (known after initialize). */
  readonly pullMode: boolean;
}

const CONFIG_NAMES = new Set<string>(CONFIG_FILE_NAMES);

export function createServer(connection: Connection, options: ServerOptions = {}): CaselintServer {
  const documents = new TextDocuments(TextDocument);
  let capabilities: ClientCapabilities = {};
  let pullMode = false;
  let configurationSupport = false;
  let refreshSupport = false;
  let snippetSupport = false;
  let workspaceFolders: string[] = [];
  /** Settings pushed by didChangeConfiguration, for clients without workspace/configuration. */
  let globalSettings: Settings = { ...DEFAULT_SETTINGS };
  const settingsCache = new Map<string, Promise<Settings>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** onSave mode: the analysis of the last saved (or opened) version, per URI. */
  const savedAnalysis = new Map<string, Analysis>();
  /** Last result id whose checklist was sent, per URI. */
  const notified = new Map<string, string>();
  const debounceMs = options.debounceMs ?? 150;

  const logError = (message: string) => {
    try {
      connection.console.error(message);
    } catch {
      // The connection is gone; nothing to tell.
    }
  };

  function guard<P, R>(name: string, fallback: R, fn: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
    return async (params: P) => {
      try {
        return await fn(params);
      } catch (error) {
        logError(`caselint: ${name} failed: ${describeError(error)}`);
        return fallback;
      }
    };
  }

  function getSettings(uri: string): Promise<Settings> {
    if (!configurationSupport) return Promise.resolve(globalSettings);
    let p = settingsCache.get(uri);
    if (!p) {
      const timeout = options.settingsTimeoutMs ?? 3000;
      p = Promise.race([
        connection.workspace.getConfiguration({ scopeUri: uri, section: 'caselint' }).then(normalizeSettings),
        new Promise<Settings>((resolve) => setTimeout(() => resolve({ ...DEFAULT_SETTINGS }), timeout).unref?.()),
      ]).catch((error) => {
        logError(`caselint: reading settings failed, using defaults: ${describeError(error)}`);
        return { ...DEFAULT_SETTINGS };
      });
      settingsCache.set(uri, p);
    }
    return p;
  }

  const analyzer = new Analyzer({
    rules: options.rules,
    maxTextLength: options.maxTextLength,
    logError,
    getSettings,
    workspaceFolders: () => workspaceFolders,
  });

  async function getResult(uri: string): Promise<CachedCheck | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const analysis = await analyzer.analyse(document);
    afterCheck(analysis);
    if (analysis.status !== 'checked' || !analysis.result) return undefined;
    return { result: analysis.result, document: analysis.document, analysis };
  }

  /** After each new check: tell the client the document's checklist. */
  function afterCheck(analysis: Analysis): void {
    if (notified.get(analysis.uri) === analysis.resultId) return;
    notified.set(analysis.uri, analysis.resultId);
    try {
      const list = analysis.status === 'checked' && analysis.result ? checklistResult(analysis.result, analysis.document, { config: analysis.config }) : null;
      void connection.sendNotification(CHECKLIST_CHANGED_NOTIFICATION, { uri: analysis.uri, checklist: list });
    } catch (error) {
      logError(`caselint: checklist of ${analysis.uri} failed: ${describeError(error)}`);
    }
  }

  // ---------------------------------------------------------------------------
  // Push mode
  // ---------------------------------------------------------------------------

  async function publish(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const analysis = await analyzer.analyse(document);
    afterCheck(analysis);
    // Only publish for the version still open (a newer one may have superseded it).
    if (documents.get(uri)?.version !== analysis.version) return;
    await connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: analysis.diagnostics });
  }

  function schedule(uri: string, delay: number): void {
    const old = timers.get(uri);
    if (old) clearTimeout(old);
    if (delay <= 0) {
      timers.delete(uri);
      void guard('publishing diagnostics', undefined, publish)(uri);
      return;
    }
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void guard('publishing diagnostics', undefined, publish)(uri);
      }, delay),
    );
  }

  /** Settings or config changed: re-check what is open. */
  function refreshAll(): void {
    if (pullMode) {
      savedAnalysis.clear();
      if (refreshSupport) connection.languages.diagnostics.refresh().catch((e) => logError(`caselint: diagnostic refresh failed: ${describeError(e)}`));
      return;
    }
    for (const d of documents.all()) schedule(d.uri, 0);
  }

  // ---------------------------------------------------------------------------
  // Lifecycle
  // ---------------------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities ?? {};
    pullMode = capabilities.textDocument?.diagnostic !== undefined;
    configurationSupport = capabilities.workspace?.configuration === true;
    refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    snippetSupport = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.map((u) => filePath(u)).filter((p): p is string => !!p);
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) globalSettings = normalizeSettings(init.settings);

    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        completionProvider: { resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        // COMMANDS.checkAsCaseReport is handled (workspace/executeCommand) but not advertised:
        // vscode-languageclient would register a VS Code command of the same id, which the
        // caselint client already registers itself (it sends the document URI as argument).
      },
      serverInfo: { name: 'caselint-language-server', version: pkg.version },
    };
    if (pullMode) {
      result.capabilities.diagnosticProvider = { identifier: 'caselint', interFileDependencies: false, workspaceDiagnostics: false };
    }
    return result;
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'caselint' }).catch(() => undefined);
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.caselint.{json,jsonc,yaml,yml}' }] })
        .catch(() => undefined);
    }
  });

  connection.onShutdown(() => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', undefined, (params) => {
      const s = (params?.settings as { caselint?: unknown } | undefined)?.caselint;
      if (s !== undefined) globalSettings = normalizeSettings(s);
      settingsCache.clear();
      analyzer.invalidateAll();
      refreshAll();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('didChangeWatchedFiles', undefined, (params) => {
      const touched = params.changes.some((c) => CONFIG_NAMES.has(c.uri.replace(/[?#].*$/, '').split('/').pop() ?? ''));
      if (!touched) return;
      analyzer.invalidateAll();
      refreshAll();
    }),
  );

  // ---------------------------------------------------------------------------
  // Documents
  // ---------------------------------------------------------------------------

  const firstVersion = new Map<string, number>();
  documents.onDidOpen((e) => {
    firstVersion.set(e.document.uri, e.document.version);
    if (!pullMode) schedule(e.document.uri, 0);
  });

  documents.onDidChangeContent((e) => {
    if (pullMode) return;
    const uri = e.document.uri;
    // The open event already scheduled the first version.
    if (e.document.version === firstVersion.get(uri)) return;
    void getSettings(uri).then((s) => {
      if (s.run === 'onType') schedule(uri, debounceMs);
    });
  });

  documents.onDidSave(
    guard('didSave', undefined, async (e) => {
      const uri = e.document.uri;
      const settings = await getSettings(uri);
      if (settings.run !== 'onSave') return;
      if (pullMode) {
        const analysis = await analyzer.analyse(e.document);
        savedAnalysis.set(uri, analysis);
        afterCheck(analysis);
        if (refreshSupport) await connection.languages.diagnostics.refresh();
      } else schedule(uri, 0);
    }),
  );

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    timers.delete(uri);
    analyzer.forget(uri);
    savedAnalysis.delete(uri);
    notified.delete(uri);
    firstVersion.delete(uri);
    settingsCache.delete(uri);
    if (!pullMode) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // ---------------------------------------------------------------------------
  // Pull diagnostics
  // ---------------------------------------------------------------------------

  const emptyReport: DocumentDiagnosticReport = { kind: 'full', items: [] };
  connection.languages.diagnostics.on(
    guard('textDocument/diagnostic', emptyReport, async (params): Promise<DocumentDiagnosticReport> => {
      const uri = params.textDocument.uri;
      const document = documents.get(uri);
      if (!document) return emptyReport;
      const settings = await getSettings(uri);
      let analysis: Analysis;
      if (settings.run === 'onSave') {
        // Diagnostics follow saves: until the next save, the client keeps (and moves) the last ones.
        analysis = savedAnalysis.get(uri) ?? (await analyzer.analyse(document));
        savedAnalysis.set(uri, analysis);
      } else {
        analysis = await analyzer.analyse(document);
      }
      afterCheck(analysis);
      if (params.previousResultId === analysis.resultId) return { kind: 'unchanged', resultId: analysis.resultId };
      return { kind: 'full', resultId: analysis.resultId, items: analysis.diagnostics };
    }),
  );

  // ---------------------------------------------------------------------------
  // Code actions, completion, commands
  // ---------------------------------------------------------------------------

  connection.onCodeAction(
    guard('textDocument/codeAction', [] as CodeAction[], async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const only = params.context.only;
      const wantsFixAll = !only?.length || only.some((k) => k === CodeActionKind.Source || k === CodeActionKind.SourceFixAll || k.startsWith(CodeActionKind.SourceFixAll));
      const cached = wantsFixAll ? await getResult(document.uri) : undefined;
      const findings = cached && cached.document.version === document.version ? cached.result.findings : undefined;
      return codeActions(document, params, findings);
    }),
  );

  connection.onCompletion(
    guard('textDocument/completion', [] as CompletionItem[], (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      return completionItems(document, params.position, snippetSupport);
    }),
  );

  connection.onExecuteCommand(
    guard('workspace/executeCommand', null as unknown, async (params) => {
      if (params.command !== COMMANDS.checkAsCaseReport) return null;
      const arg = params.arguments?.[0] as unknown;
      const uri = typeof arg === 'string' ? arg : (arg as { uri?: unknown } | undefined)?.uri;
      if (typeof uri !== 'string' || !uri) {
        logError(`caselint: ${COMMANDS.checkAsCaseReport} needs the document URI as its first argument`);
        return null;
      }
      analyzer.forced.add(uri);
      analyzer.forget(uri);
      savedAnalysis.delete(uri);
      if (pullMode) {
        if (refreshSupport) await connection.languages.diagnostics.refresh();
      } else schedule(uri, 0);
      return { uri, checked: true };
    }),
  );

  // ---------------------------------------------------------------------------
  // Hover, outline, folding, checklist (functions of lsp/hover.ts, symbols.ts, checklist.ts)
  // ---------------------------------------------------------------------------

  // Hover, outline, folding and the checklist: functions of lsp/hover.ts, symbols.ts and
  // checklist.ts over the cached check (manuscripts only).
  connection.onHover(
    guard('textDocument/hover', null, async (params) => {
      const cached = await getResult(params.textDocument.uri);
      return cached ? caselintHover(cached.result, cached.document, params, { config: cached.analysis.config }) : null;
    }),
  );

  connection.onDocumentSymbol(
    guard('textDocument/documentSymbol', [], async (params) => {
      const cached = await getResult(params.textDocument.uri);
      return cached ? documentSymbols(cached.result, cached.document, { config: cached.analysis.config }) : [];
    }),
  );

  connection.onFoldingRanges(
    guard('textDocument/foldingRange', [], async (params) => {
      const cached = await getResult(params.textDocument.uri);
      return cached ? foldingRanges(cached.result, cached.document) : [];
    }),
  );

  connection.onRequest(
    CHECKLIST_REQUEST,
    guard('checklist', null, async (params: ChecklistParams) => {
      const cached = await getResult(params?.uri);
      return cached ? checklistResult(cached.result, cached.document, { config: cached.analysis.config }) : null;
    }),
  );

  documents.listen(connection);

  return {
    documents,
    analyzer,
    getResult,
    get pullMode() {
      return pullMode;
    },
  };
}

