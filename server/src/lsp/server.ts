/**
 * The caselint language server: connection wiring. Incremental sync; pull diagnostics when the
 * client supports them, push otherwise; settings via workspace/configuration; config files
 * discovered per document (server/src/config/discover.ts); code actions, completion, and the
 * hover / symbols / folding / checklist handlers of server/src/lsp/{hover,symbols,checklist}.ts.
 * Each open document has one DocumentState (lsp/state.ts); every reason to check a document
 * again (open, edit, save, settings, config files, "check as case report") goes through
 * requestRecheck.
 *
 * Every handler is guarded: an exception is logged (connection.console.error) and the request
 * gets an empty result; the server never goes down because of one document.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DOCS_BASE_URL, parseDocument, type CheckResult, type Rule } from '../checker';
import { forgetBibliography } from '../config/bibliographies';
import { CONFIG_FILE_NAMES } from '../config/discover';
import { checklistResult, insertSectionEdit } from './checklist';
import { codeActions, CODE_ACTION_KINDS, kindRequested, wantsSourceActions } from './codeActions';
import { completionItems } from './completion';
import { definition, documentLinks, keyCompletion, references } from './navigation';
import { Analyzer, describeError, filePath, formatOf, normalizeSettings, DEFAULT_SETTINGS, type Analysis, type Settings } from './documents';
import { DocumentStates, type DocumentState } from './state';
import { capYoungGeneration, collectWhenIdle } from './heap';
import { phase, phasesOn, spend } from './phases';
import { REHEARSAL_IDLE_MS, Rehearsals } from './rehearsal';
import { hoverWithBibliographies } from './hover';
import { documentSymbols, foldingRanges } from './symbols';
import {
  CheckAsCaseReportRequest,
  ChecklistChangedNotification,
  ChecklistRequest,
  InsertSectionRequest,
  ProfilesRequest,
  TemplateRequest,
  type CheckAsCaseReportResult,
  type InsertSectionResult,
  type RuleLinks,
  type TemplateResult,
} from './protocol';
import { NOT_RULE_CODES } from './diagnostics';
import { profileSummaries, templateSnippet } from './templates';
import pkg from '../../../package.json';

export interface ServerOptions {
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
  /** Texts longer than this are skipped with one informational diagnostic. */
  maxTextLength?: number;
  /** Diagnostics sent per document at most; more are counted in one summary diagnostic (default 1,000). */
  maxDiagnostics?: number;
  /** Delay of on-type checks in push mode (ms). */
  debounceMs?: number;
  /**
   * How long a pull request (textDocument/diagnostic) waits for the document to stay unchanged
   * before checking it (ms; default 0: the messages already received are handled first). A pull
   * for a version that is no longer current is answered with ContentModified.
   */
  pullDebounceMs?: number;
  /** How long to wait for workspace/configuration before using defaults (ms). */
  settingsTimeoutMs?: number;
  /** How long after a check its checklist notification is made (ms; default CHECKLIST_DELAY_MS). */
  checklistDelayMs?: number;
  /**
   * Caps V8's young generation of the process at this many MB (lsp/heap.ts): the server's own
   * process (server.ts) sets it; tests that run a server in theirs leave it unset.
   */
  youngGenerationCapMB?: number;
  /**
   * How long without messages before the server rehearses a keystroke's re-check while its code
   * is cold (lsp/rehearsal.ts; ms, default REHEARSAL_IDLE_MS; 0: never).
   */
  rehearseAfterMs?: number;
  /** Collects the garbage once after this many ms without a check (lsp/heap.ts): set as the cap is. */
  idleCollectMs?: number;
}

/**
 * How long after a check the checklist notification (caselint/checklistChanged) is made, in ms:
 * a new check within this time replaces it, so that a burst of keystrokes makes one checklist.
 */
export const CHECKLIST_DELAY_MS = 100;

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
  /** The open documents' states (tests: none left once every document is closed). */
  readonly states: DocumentStates;
  /** When the server rehearses (tests: it holds no check once warm). */
  readonly rehearsals: Rehearsals;
}

/** Why a document is checked again. */
export type RecheckReason = 'open' | 'change' | 'save' | 'settings' | 'config' | 'force';

const CONFIG_NAMES = new Set<string>(CONFIG_FILE_NAMES);

export function createServer(connection: Connection, options: ServerOptions = {}): CaselintServer {
  const documents = new TextDocuments(phasesOn ? timedDocuments() : TextDocument);
  let capabilities: ClientCapabilities = {};
  let pullMode = false;
  let configurationSupport = false;
  let refreshSupport = false;
  let snippetSupport = false;
  /** The client makes the rule links of diagnostics itself (RuleLinks of protocol.ts). */
  let clientRuleLinks = false;
  let workspaceFolders: string[] = [];
  /** Settings pushed by didChangeConfiguration, for clients without workspace/configuration. */
  let globalSettings: Settings = { ...DEFAULT_SETTINGS };
  /** Per open document: settings, config, checks, the onSave analysis, the checklist sent, the debounce timer. */
  const states = new DocumentStates();
  const debounceMs = options.debounceMs ?? 150;
  const pullDebounceMs = options.pullDebounceMs ?? 0;
  const checklistDelayMs = options.checklistDelayMs ?? CHECKLIST_DELAY_MS;

  const logError = (message: string) => {
    try {
      connection.console.error(message);
    } catch {
      // The connection is gone; nothing to tell.
    }
  };

  function guard<P, R>(name: string, fallback: R, fn: (params: P, token?: CancellationToken) => R | Promise<R>): (params: P, token?: CancellationToken) => Promise<R> {
    return async (params: P, token?: CancellationToken) => {
      // Whatever came stops a rehearsal: a real request is never kept waiting for one.
      rehearsals.interrupt();
      try {
        return await fn(params, token);
      } catch (error) {
        // Answers that are errors by design (ContentModified, RequestCancelled) go to the client.
        if (error instanceof ResponseError) throw error;
        logError(`caselint: ${name} failed: ${describeError(error)}`);
        return fallback;
      }
    };
  }

  function getSettings(uri: string): Promise<Settings> {
    if (!configurationSupport) return Promise.resolve(globalSettings);
    const state = states.get(uri);
    let p = state?.settings;
    if (!p) {
      const timeout = options.settingsTimeoutMs ?? 3000;
      p = Promise.race([
        connection.workspace.getConfiguration({ scopeUri: uri, section: 'caselint' }).then(normalizeSettings),
        new Promise<Settings>((resolve) => setTimeout(() => resolve({ ...DEFAULT_SETTINGS }), timeout).unref?.()),
      ]).catch((error) => {
        logError(`caselint: reading settings failed, using defaults: ${describeError(error)}`);
        return { ...DEFAULT_SETTINGS };
      });
      if (state) state.settings = p;
    }
    return p;
  }

  const youngGeneration = options.youngGenerationCapMB ? capYoungGeneration(options.youngGenerationCapMB) : undefined;
  const idle = options.idleCollectMs ? collectWhenIdle(options.idleCollectMs) : undefined;
  const analyzer = new Analyzer({
    rules: options.rules,
    maxTextLength: options.maxTextLength,
    maxDiagnostics: options.maxDiagnostics,
    logError,
    getSettings,
    workspaceFolders: () => workspaceFolders,
    ruleLinks: () => !clientRuleLinks,
    onYield:
      youngGeneration || idle
        ? () => {
            youngGeneration?.adjust();
            idle?.busy();
          }
        : undefined,
  });

  const rehearsals = new Rehearsals(
    analyzer,
    options.rehearseAfterMs ?? REHEARSAL_IDLE_MS,
    (state, analysis) =>
      states.get(state.uri) === state && documents.get(state.uri)?.version === analysis.version && state.check?.key === `${analysis.version}:${analysis.generation}`,
  );

  /** The check of an open document's current version, cached in its state. */
  function analyse(document: TextDocument): Promise<Analysis> {
    return analyzer.analyse(document, states.get(document.uri));
  }

  async function getResult(uri: string): Promise<CachedCheck | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const analysis = await analyse(document);
    if (analysis.status === 'cancelled') return undefined;
    afterCheck(analysis);
    // Never answer with the ranges of a version the client no longer has.
    if (documents.get(uri) && documents.get(uri)!.version !== analysis.version) throw contentModified();
    if (analysis.status !== 'checked' || !analysis.result) return undefined;
    return { result: analysis.result, document: analysis.document, analysis };
  }

  /**
   * After each new check: tell the client the document's checklist, when it changed. Not on the
   * way of the answer the check was made for: the checklist (a pass over the document's
   * sections and word counts, ~1-4 ms on a 300 KB manuscript) is made checklistDelayMs later,
   * of the document's last check then, so that typing makes one when it pauses, not one per
   * keystroke. A check of a newer version under way makes its own when it ends.
   */
  function afterCheck(analysis: Analysis): void {
    const state = states.get(analysis.uri);
    if (!state) {
      notifyChecklist(analysis);
      return;
    }
    rehearsals.checked(state, analysis);
    if (state.notifiedAnalysis?.deref() === analysis || state.pendingChecklist === analysis) return;
    state.pendingChecklist = analysis;
    state.scheduleChecklist(checklistDelayMs, () => {
      const pending = state.pendingChecklist;
      state.pendingChecklist = undefined;
      if (!pending || states.get(pending.uri) !== state) return;
      // A check of another version (or configuration) under way: its checklist, when it ends.
      const newer = state.check;
      if (newer && newer.key !== `${pending.version}:${pending.generation}` && !newer.token.cancelled) {
        void newer.analysis.then((a) => a.status !== 'cancelled' && afterCheck(a));
        return;
      }
      state.notifiedAnalysis = new WeakRef(pending);
      notifyChecklist(pending, state);
    });
  }

  function notifyChecklist(analysis: Analysis, state?: DocumentState): void {
    try {
      const list = analysis.status === 'checked' && analysis.result ? checklistResult(analysis.result, analysis.document) : null;
      const json = JSON.stringify(list);
      if (state?.notified === json) return;
      if (state) state.notified = json;
      void connection.sendNotification(ChecklistChangedNotification.type, { uri: analysis.uri, checklist: list });
    } catch (error) {
      logError(`caselint: checklist of ${analysis.uri} failed: ${describeError(error)}`);
    }
  }

  /** The answer to a request whose document changed while it was being handled (LSP -32801). */
  function contentModified(): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.ContentModified, 'The document changed; ask again for its new version.');
  }

  /**
   * Waits until the messages already received are handled (and `delay` ms more), then fails
   * with ContentModified if the document moved past `version`, or RequestCancelled if the client
   * cancelled: a burst of edits with a pull after each is checked once, at its last version.
   */
  async function settle(uri: string, version: number, delay: number, token?: CancellationToken): Promise<void> {
    await new Promise<void>((resolve) => (delay > 0 ? setTimeout(resolve, delay) : setImmediate(resolve)));
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled by the client.');
    if (documents.get(uri)?.version !== version) throw contentModified();
  }

  // ---------------------------------------------------------------------------
  // Push mode
  // ---------------------------------------------------------------------------

  async function publish(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const analysis = await analyse(document);
    // A cancelled check publishes nothing: the check that replaced it does.
    if (analysis.status === 'cancelled') return;
    afterCheck(analysis);
    // Only publish for the version still open (a newer one may have superseded it).
    if (documents.get(uri)?.version !== analysis.version) return;
    await connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: analysis.diagnostics });
  }

  function schedule(state: DocumentState, delay: number): void {
    state.schedule(delay, () => void guard('publishing diagnostics', undefined, publish)(state.uri));
  }

  // ---------------------------------------------------------------------------
  // Re-checking
  // ---------------------------------------------------------------------------

  /**
   * The one way a document is checked again. Push mode: publish its diagnostics, debounced for
   * edits (onType only), at once otherwise. Pull mode: the client pulls on open and edit by
   * itself; on save (onSave mode) the saved version is checked and the client asked to pull
   * again (diagnostics refresh). Settings, config files and "check as case report" first forget
   * what they make stale.
   */
  async function requestRecheck(uri: string, reason: RecheckReason): Promise<void> {
    const state = states.get(uri);
    if (reason === 'settings' || reason === 'config' || reason === 'force') state?.forget(reason === 'settings');
    switch (reason) {
      case 'open':
        if (!pullMode && state) schedule(state, 0);
        return;
      case 'change': {
        if (!state) return;
        // The open event already scheduled the first version.
        if (documents.get(uri)?.version === state.openedVersion) return;
        const settings = await getSettings(uri);
        if (settings.run !== 'onType') return;
        // A check of an older version still running is stale: it stops at its next step.
        state.cancelCheck(documents.get(uri)?.version);
        if (!pullMode) schedule(state, debounceMs);
        return;
      }
      case 'save': {
        const settings = await getSettings(uri);
        if (settings.run !== 'onSave') return;
        const document = documents.get(uri);
        if (pullMode) {
          if (!document) return;
          const analysis = await analyse(document);
          if (analysis.status === 'cancelled') return;
          if (state) state.saved = analysis;
          afterCheck(analysis);
          if (refreshSupport) await connection.languages.diagnostics.refresh();
        } else if (state) schedule(state, 0);
        return;
      }
      case 'settings':
      case 'config':
        // Pull mode: recheckAll asks the client for one refresh of every document.
        if (!pullMode && state) schedule(state, 0);
        return;
      case 'force':
        if (pullMode) {
          if (refreshSupport) await connection.languages.diagnostics.refresh();
        } else if (state) schedule(state, 0);
        return;
    }
  }

  /** Settings or config files changed: every cached check is stale; re-check what is open. */
  function recheckAll(reason: 'settings' | 'config'): void {
    analyzer.invalidateAll();
    for (const state of states.all()) {
      requestRecheck(state.uri, reason).catch((e) => logError(`caselint: re-checking ${state.uri} failed: ${describeError(e)}`));
    }
    if (pullMode && refreshSupport) connection.languages.diagnostics.refresh().catch((e) => logError(`caselint: diagnostic refresh failed: ${describeError(e)}`));
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
    const init = params.initializationOptions as { settings?: unknown; ruleLinks?: unknown } | undefined;
    if (init?.settings) globalSettings = normalizeSettings(init.settings);
    clientRuleLinks = init?.ruleLinks === true;

    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        // "@" and "{" open bibliography-key completion after "[@" and "\cite{" (navigation.ts).
        completionProvider: { resolveProvider: false, triggerCharacters: ['@', '{', ','] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentLinkProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        // No executeCommandProvider: what the client invokes are custom requests (protocol.ts),
        // so vscode-languageclient registers no VS Code command of its own.
      },
      serverInfo: { name: 'caselint-language-server', version: pkg.version },
    };
    if (clientRuleLinks) {
      const ruleLinks: RuleLinks = { base: DOCS_BASE_URL, except: [...NOT_RULE_CODES] };
      result.capabilities.experimental = { ruleLinks };
    }
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
        .register(DidChangeWatchedFilesNotification.type, {
          // Config files; and bibliography files, which re-check the manuscripts that name them.
          watchers: [{ globPattern: '**/.caselint.{json,jsonc,yaml,yml}' }, { globPattern: '**/*.{bib,bibtex,json,yaml,yml}' }],
        })
        .catch(() => undefined);
    }
  });

  connection.onShutdown(() => {
    rehearsals.dispose();
    for (const state of states.all()) {
      state.cancel();
      state.cancelChecklist();
    }
  });

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', undefined, (params) => {
      const s = (params?.settings as { caselint?: unknown } | undefined)?.caselint;
      if (s !== undefined) globalSettings = normalizeSettings(s);
      recheckAll('settings');
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('didChangeWatchedFiles', undefined, (params) => {
      const touched = params.changes.some((c) => CONFIG_NAMES.has(c.uri.replace(/[?#].*$/, '').split('/').pop() ?? ''));
      // A bibliography file an open manuscript names (or looked for: it may just have been created).
      const bibliographies = params.changes.map((c) => filePath(c.uri)).filter((p): p is string => !!p && analyzer.usesBibliography(p));
      for (const p of bibliographies) forgetBibliography(p);
      if (!touched && !bibliographies.length) return;
      recheckAll('config');
    }),
  );

  // ---------------------------------------------------------------------------
  // Documents
  // ---------------------------------------------------------------------------

  documents.onDidOpen((e) => {
    rehearsals.interrupt();
    states.open(e.document.uri, e.document.version);
    void requestRecheck(e.document.uri, 'open');
  });

  documents.onDidChangeContent(
    guard('didChange', undefined, (e) => requestRecheck(e.document.uri, 'change')),
  );

  documents.onDidSave(
    guard('didSave', undefined, (e) => requestRecheck(e.document.uri, 'save')),
  );

  documents.onDidClose((e) => {
    rehearsals.interrupt();
    const uri = e.document.uri;
    states.close(uri);
    analyzer.bibliographyPaths.delete(uri);
    if (!pullMode) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // ---------------------------------------------------------------------------
  // Pull diagnostics
  // ---------------------------------------------------------------------------

  const emptyReport: DocumentDiagnosticReport = { kind: 'full', items: [] };
  connection.languages.diagnostics.on(
    guard('textDocument/diagnostic', emptyReport, async (params, token): Promise<DocumentDiagnosticReport> => {
      phase('pulled');
      const uri = params.textDocument.uri;
      const document = documents.get(uri);
      if (!document) return emptyReport;
      const version = document.version;
      const settings = await getSettings(uri);
      let analysis: Analysis;
      if (settings.run === 'onSave') {
        // Diagnostics follow saves: until the next save, the client keeps (and moves) the last ones.
        const state = states.get(uri);
        analysis = state?.saved ?? (await analyse(document));
        if (analysis.status === 'cancelled') throw contentModified();
        if (state) state.saved = analysis;
      } else {
        await settle(uri, version, pullDebounceMs, token);
        phase('settled');
        analysis = await analyse(document);
        // Checked while a newer version arrived: its ranges would be stale.
        if (analysis.status === 'cancelled' || documents.get(uri)?.version !== analysis.version) throw contentModified();
      }
      afterCheck(analysis);
      phase('answered');
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
      // Quick fixes come from the findings the diagnostics show, in the current check (codeActions.ts).
      const wanted = kindRequested(only, CodeActionKind.QuickFix) || wantsSourceActions(only);
      const cached = wanted ? await getResult(document.uri) : undefined;
      const result = cached && cached.document.version === document.version ? cached.result : undefined;
      return codeActions(document, params, result);
    }),
  );

  connection.onCompletion(
    guard('textDocument/completion', [] as CompletionItem[], async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const format = formatOf(document);
      if (format === 'markdown' || format === 'latex') {
        const keys = await keyCompletion(document, format, params.position, () => parseDocument(document.getText(), format));
        if (keys) return keys;
      }
      // A trigger character outside a citation ("{" of any LaTeX command) opens no snippet list.
      if (params.context?.triggerCharacter) return [];
      return completionItems(document, params.position, snippetSupport);
    }),
  );

  // ---------------------------------------------------------------------------
  // Navigation (navigation.ts): definition, references, DOI/PMID links
  // ---------------------------------------------------------------------------

  connection.onDefinition(
    guard('textDocument/definition', [] as import('vscode-languageserver').Location[], async (params) => {
      const cached = await getResult(params.textDocument.uri);
      return cached ? definition(cached.document, cached.result.model, params.position) : [];
    }),
  );

  connection.onReferences(
    guard('textDocument/references', [] as import('vscode-languageserver').Location[], async (params) => {
      const cached = await getResult(params.textDocument.uri);
      return cached ? references(cached.document, cached.result.model, params.position, params.context?.includeDeclaration ?? false) : [];
    }),
  );

  connection.onDocumentLinks(
    guard('textDocument/documentLink', [] as import('vscode-languageserver').DocumentLink[], async (params) => {
      const cached = await getResult(params.textDocument.uri);
      return cached ? documentLinks(cached.document) : [];
    }),
  );

  connection.onRequest(
    CheckAsCaseReportRequest.type,
    guard('checkAsCaseReport', null as CheckAsCaseReportResult, async (params): Promise<CheckAsCaseReportResult> => {
      const uri = (params as { uri?: unknown } | undefined)?.uri;
      if (typeof uri !== 'string' || !uri) {
        logError(`caselint: ${CheckAsCaseReportRequest.method} needs the document URI ({uri})`);
        return null;
      }
      analyzer.forced.add(uri);
      await requestRecheck(uri, 'force');
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
      return cached ? hoverWithBibliographies(cached.result, cached.document, params) : null;
    }),
  );

  connection.onDocumentSymbol(
    guard('textDocument/documentSymbol', [], async (params) => {
      const cached = await getResult(params.textDocument.uri);
      return cached ? documentSymbols(cached.result, cached.document) : [];
    }),
  );

  connection.onFoldingRanges(
    guard('textDocument/foldingRange', [], async (params) => {
      const cached = await getResult(params.textDocument.uri);
      return cached ? foldingRanges(cached.result, cached.document) : [];
    }),
  );

  connection.onRequest(
    ChecklistRequest.type,
    guard('checklist', null, async (params) => {
      const cached = await getResult(params?.uri);
      return cached ? checklistResult(cached.result, cached.document) : null;
    }),
  );

  connection.onRequest(
    InsertSectionRequest.type,
    guard('insertSection', null as InsertSectionResult, async (params) => {
      const cached = await getResult(params?.uri);
      return cached ? insertSectionEdit(cached.result, cached.document, params.itemId) : null;
    }),
  );

  // "Insert case report template": the profiles and a profile's template (lsp/templates.ts).
  connection.onRequest(
    ProfilesRequest.type,
    guard('profiles', [], () => profileSummaries()),
  );

  connection.onRequest(
    TemplateRequest.type,
    guard('template', null as TemplateResult, (params) => {
      if (typeof params?.profile !== 'string') return null;
      const format = formatOf({ languageId: String(params.languageId ?? ''), uri: '' }) ?? 'markdown';
      const snippet = templateSnippet(params.profile, format);
      return snippet === undefined ? null : { snippet };
    }),
  );

  documents.listen(connection);

  return {
    documents,
    analyzer,
    getResult,
    states,
    rehearsals,
    get pullMode() {
      return pullMode;
    },
  };
}


/** TextDocument's create and update, with the time of each update (lsp/phases.ts; bench only). */
function timedDocuments(): typeof TextDocument {
  return {
    ...TextDocument,
    update(document, changes, version) {
      const t = performance.now();
      const updated = TextDocument.update(document, changes, version);
      spend('update', performance.now() - t);
      phase('changed');
      return updated;
    },
  };
}
