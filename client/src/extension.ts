/**
 * caselint VS Code client: starts the bundled language server (server/out/server.js, stdio),
 * checks Markdown, Quarto, R Markdown, LaTeX and plain text (saved files and unsaved buffers),
 * and adds the commands, the checklist status-bar item and the "Case report checklist" view.
 *
 * activate() stays light (no scanning, no waiting for the server) and returns a small API for
 * editor tests: `ready`, `getChecklist(uri)`, `client`, `statusBarText`, `commands`.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ChecklistChangedNotification, ruleLink, type Checklist, type RuleLinks } from '../../server/src/lsp/protocol';
import { CHECKLIST_VIEW_ID, CLIENT_COMMANDS, COMMANDS, CONFIG_FILE_GLOB, DOCUMENT_SELECTOR, INTERNAL_COMMANDS, SETTINGS } from './ids';
import { ChecklistController } from './checklistView';
import { checkAsCaseReport, checkWorkspace, insertSection, insertTemplate, openExample, revealItem, sendCheckAsCaseReport, visibleUris, type CommandContext } from './commands';

export interface CaselintApi {
  /** Resolves when the language server is running (undefined when caselint is disabled or failed to start). */
  readonly ready: Promise<LanguageClient | undefined>;
  /** Waits for the current (possibly restarted) client. */
  whenReady(): Promise<LanguageClient | undefined>;
  readonly client: LanguageClient | undefined;
  /** The checklist of a document, asked from the server (null when it is not checked). */
  getChecklist(uri: vscode.Uri | string): Promise<Checklist | null>;
  /** The status-bar text shown for the active manuscript ("$(checklist) CARE 10/13"), if any. */
  readonly statusBarText: string | undefined;
  /** Command ids the client registers. */
  readonly commands: readonly string[];
  /** Runs "Check workspace" (with its progress notification) and returns the counts. */
  checkWorkspace(): Promise<{ files: number; checked: number; cancelled: boolean }>;
}

const CLIENT_ID = 'caselint'; // trace setting: caselint.trace.server
const CLIENT_NAME = 'caselint';

let state: Extension | undefined;

class Extension implements vscode.Disposable {
  client: LanguageClient | undefined;
  /** The config-file watcher of the running client (disposed with it). */
  private watcher: vscode.FileSystemWatcher | undefined;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private starting: Promise<LanguageClient | undefined> = Promise.resolve(undefined);
  readonly ready: Promise<LanguageClient | undefined>;
  readonly output: vscode.LogOutputChannel;
  readonly checklist: ChecklistController;
  readonly workspaceDiagnostics: vscode.DiagnosticCollection;
  /** Documents checked as case reports on request; the server forgets them when it restarts. */
  readonly forcedCaseReports = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly ctx: CommandContext;

  constructor(readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('caselint', { log: true });
    this.checklist = new ChecklistController(CHECKLIST_VIEW_ID);
    this.workspaceDiagnostics = vscode.languages.createDiagnosticCollection('caselint-workspace');
    this.disposables.push(this.output, this.checklist, this.workspaceDiagnostics);

    const ctx: CommandContext = (this.ctx = {
      extension: context,
      output: this.output,
      checklist: this.checklist,
      workspaceDiagnostics: this.workspaceDiagnostics,
      readyClient: () => this.whenReady(),
      forcedCaseReports: this.forcedCaseReports,
    });
    const guard =
      <A extends unknown[]>(name: string, fn: (...args: A) => unknown) =>
      async (...args: A) => {
        try {
          return await fn(...args);
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          this.output.error(`${name}: ${msg}`);
          void vscode.window.showErrorMessage(`Caselint: ${name} failed: ${msg}`);
          return undefined;
        }
      };
    const handlers: Record<string, (...args: unknown[]) => unknown> = {
      [COMMANDS.restartServer]: () => this.restart(),
      [COMMANDS.insertTemplate]: () => insertTemplate(ctx),
      [COMMANDS.checkWorkspace]: () => checkWorkspace(ctx),
      [COMMANDS.showChecklist]: () => this.checklist.reveal(),
      [COMMANDS.checkAsCaseReport]: (arg) => checkAsCaseReport(ctx, arg),
      [INTERNAL_COMMANDS.revealItem]: (uri, id) => revealItem(ctx, uri, id),
      [INTERNAL_COMMANDS.insertSection]: (uri, id) => insertSection(ctx, uri, id),
      [INTERNAL_COMMANDS.refreshChecklist]: () => this.checklist.refresh(),
      [INTERNAL_COMMANDS.openExample]: () => openExample(ctx),
    };
    for (const id of CLIENT_COMMANDS) {
      const handler = handlers[id];
      if (handler) this.disposables.push(vscode.commands.registerCommand(id, guard(id, handler)));
    }

    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS.section}.${SETTINGS.enable}`) || e.affectsConfiguration(`${SETTINGS.section}.${SETTINGS.run}`)) {
          // Debounced: the language client first sends its own didChangeConfiguration to the
          // running server; restarting at once would make that notification fail.
          clearTimeout(this.restartTimer);
          this.restartTimer = setTimeout(() => void this.restart(), 250);
        }
      }),
      // Workspace-check diagnostics of a file give way to the live ones once it is shown in an editor.
      vscode.window.tabGroups.onDidChangeTabs(() => this.dropVisibleWorkspaceDiagnostics()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.dropVisibleWorkspaceDiagnostics()),
    );

    this.ready = this.start();
  }

  private dropVisibleWorkspaceDiagnostics(): void {
    const visible = visibleUris();
    this.workspaceDiagnostics.forEach((uri) => {
      if (visible.has(uri.toString())) this.workspaceDiagnostics.delete(uri);
    });
  }

  whenReady(): Promise<LanguageClient | undefined> {
    return this.starting;
  }

  private enabled(): boolean {
    return vscode.workspace.getConfiguration(SETTINGS.section).get<boolean>(SETTINGS.enable, true) !== false;
  }

  private createClient(): LanguageClient | undefined {
    const module = this.context.asAbsolutePath('server/out/server.js');
    if (!existsSync(module)) {
      this.output.error(`The bundled language server is missing: ${module}. Build it with "npm run build".`);
      void vscode.window.showErrorMessage('Caselint: the bundled language server (server/out/server.js) is missing; see the "caselint" output.');
      return undefined;
    }
    // Over stdio the server writes each diagnostic's JSON once and reuses the bytes while the
    // diagnostic stays (server/src/lsp/wire.ts); over Node IPC, Node stringifies every report whole.
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.stdio },
      debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const run = vscode.workspace.getConfiguration(SETTINGS.section).get<string>(SETTINGS.run, 'onType');
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      // Settings: the server pulls them (workspace/configuration) and registers for
      // didChangeConfiguration itself, so no configurationSection here.
      synchronize: {
        fileEvents: (this.watcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB)),
      },
      diagnosticCollectionName: 'caselint',
      // Pull diagnostics as the user types, or only on save (caselint.run).
      diagnosticPullOptions: run === 'onSave' ? { onChange: false, onSave: true } : { onChange: true, onSave: false },
      outputChannel: this.output,
      traceOutputChannel: this.output,
      // The rules' documentation links are made here from the diagnostics' codes (RuleLinks of
      // server/src/lsp/protocol.ts): a third fewer bytes in every report the server sends.
      initializationOptions: { ruleLinks: true },
      middleware: {
        provideDiagnostics: async (document, previousResultId, token, next) => {
          const report = await next(document, previousResultId, token);
          if (report && report.kind === 'full') withRuleLinks(report.items, client.initializeResult?.capabilities.experimental);
          return report;
        },
        handleDiagnostics: (uri, diagnostics, next) => next(uri, withRuleLinks(diagnostics, client.initializeResult?.capabilities.experimental)),
      },
      initializationFailedHandler: (error) => {
        this.output.error(`The language server failed to initialize: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      },
    };
    // The server advertises no executeCommand commands: what the client's commands ask of it are
    // the custom requests of server/src/lsp/protocol.ts, so every caselint.* VS Code command is the
    // client's own (CLIENT_COMMANDS).
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    client.onNotification(ChecklistChangedNotification.type, (params) => this.checklist.handleChanged(params));
    client.onDidChangeState((e) => {
      if (this.client !== client) return; // an old client stopping after a restart
      if (e.newState === State.Running) {
        this.checklist.setClient(client);
        for (const uri of this.forcedCaseReports) {
          sendCheckAsCaseReport(client, uri).catch((err) => this.output.warn(`Check as case report (${uri}): ${err instanceof Error ? err.message : String(err)}`));
        }
      }
      else if (e.newState === State.Stopped) this.checklist.setClient(undefined);
    });
    return client;
  }

  start(): Promise<LanguageClient | undefined> {
    this.starting = (async () => {
      if (!this.enabled()) {
        this.output.info('caselint.enable is false: the language server is not started.');
        return undefined;
      }
      const client = this.createClient();
      if (!client) return undefined;
      this.client = client;
      try {
        await client.start();
        this.output.info('Language server started.');
        this.checklist.setClient(client);
        return client;
      } catch (e) {
        this.output.error(`The language server failed to start: ${e instanceof Error ? e.message : String(e)}`);
        void vscode.window.showErrorMessage('Caselint: the language server failed to start; see the "caselint" output.', 'Show output').then((choice) => {
          if (choice) this.output.show(true);
        });
        this.client = undefined;
        return undefined;
      }
    })();
    return this.starting;
  }

  async stop(): Promise<void> {
    await this.starting.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    this.checklist.setClient(undefined);
    this.workspaceDiagnostics.clear();
    if (client) {
      try {
        await client.dispose(2000);
      } catch (e) {
        this.output.warn(`Stopping the language server: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.watcher?.dispose();
    this.watcher = undefined;
  }

  async restart(): Promise<LanguageClient | undefined> {
    this.output.info('Restarting the language server.');
    await this.stop();
    return this.start();
  }

  api(): CaselintApi {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    return {
      ready: this.ready,
      whenReady: () => self.whenReady(),
      get client() {
        return self.client;
      },
      getChecklist: (uri) => self.checklist.getChecklist(uri),
      get statusBarText() {
        return self.checklist.statusBarText;
      },
      commands: CLIENT_COMMANDS,
      checkWorkspace: () => checkWorkspace(self.ctx),
    };
  }

  async dispose(): Promise<void> {
    clearTimeout(this.restartTimer);
    await this.stop();
    for (const d of this.disposables) d.dispose();
  }
}

export function activate(context: vscode.ExtensionContext): CaselintApi {
  const ext = new Extension(context);
  state = ext;
  context.subscriptions.push({ dispose: () => void ext.dispose() });
  return ext.api();
}

export async function deactivate(): Promise<void> {
  const ext = state;
  state = undefined;
  if (ext) await ext.dispose();
}

/**
 * Gives each caselint diagnostic the link to its rule's page, as the server says to make it
 * (`experimental.ruleLinks` of its capabilities; without it, the server sent the links itself).
 */
function withRuleLinks(diagnostics: vscode.Diagnostic[], experimental: unknown): vscode.Diagnostic[] {
  const links = (experimental as { ruleLinks?: RuleLinks } | undefined)?.ruleLinks;
  if (!links || typeof links.base !== 'string' || !Array.isArray(links.except)) return diagnostics;
  for (const d of diagnostics) {
    if (d.source !== 'caselint' || typeof d.code !== 'string') continue;
    const link = ruleLink(links, d.code);
    if (link) d.code = { value: d.code, target: vscode.Uri.parse(link) };
  }
  return diagnostics;
}
