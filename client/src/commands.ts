/**
 * The client's commands: insert a case report template, check the workspace, check this file as a
 * case report, and the checklist view's "go to item" / "insert section". Restart and show
 * checklist are registered in extension.ts. What needs the checker (profiles, templates, where a
 * section goes) is asked from the server with the requests of server/src/lsp/protocol.ts.
 */
import { readFile, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import * as vscode from 'vscode';
import { DocumentDiagnosticRequest, DocumentDiagnosticReportKind, type LanguageClient } from 'vscode-languageclient/node';
import { CheckAsCaseReportRequest, InsertSectionRequest, ProfilesRequest, TemplateRequest, type ChecklistItem } from '../../server/src/lsp/protocol';
import { MANUSCRIPT_EXCLUDE_GLOB, MANUSCRIPT_GLOB, SETTINGS } from './ids';
import { itemOffsets, isCheckedDocument, type ChecklistController, type ChecklistNode } from './checklistView';

export interface CommandContext {
  extension: vscode.ExtensionContext;
  output: vscode.LogOutputChannel;
  checklist: ChecklistController;
  /** Diagnostics of manuscripts checked by "Check workspace" that are not open in an editor. */
  workspaceDiagnostics: vscode.DiagnosticCollection;
  /** The running client, waiting for it to be ready; undefined when caselint is disabled or failed. */
  readyClient(): Promise<LanguageClient | undefined>;
  /** Documents the user asked to check as case reports (sent again after a server restart). */
  forcedCaseReports: Set<string>;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const NOT_RUNNING = 'Caselint is not running (caselint.enable is off, or the server failed to start; see the "caselint" output).';

// ---------------------------------------------------------------- insert template

/** The profile pick list and the template come from the server (caselint/profiles, caselint/template). */
export async function insertTemplate(ctx: CommandContext): Promise<void> {
  const client = await ctx.readyClient();
  if (!client) {
    void vscode.window.showWarningMessage(NOT_RUNNING);
    return;
  }
  const configured = vscode.workspace.getConfiguration(SETTINGS.section, vscode.window.activeTextEditor?.document.uri).get<string>(SETTINGS.profile) || 'default';
  const profiles = await client.sendRequest(ProfilesRequest.type);
  const picks = profiles.map((p) => ({ label: p.label, description: p.id, detail: p.description, picked: p.id === configured, profile: p }));
  picks.sort((a, b) => Number(b.picked) - Number(a.picked));
  const pick = await vscode.window.showQuickPick(picks, { title: 'Insert case report template', placeHolder: 'Which profile should the template follow?', matchOnDescription: true, matchOnDetail: true });
  if (!pick) return;
  let editor = vscode.window.activeTextEditor;
  if (!editor || !isCheckedDocument(editor.document)) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    editor = await vscode.window.showTextDocument(doc);
  }
  const template = await client.sendRequest(TemplateRequest.type, { profile: pick.profile.id, languageId: editor.document.languageId });
  if (!template) throw new Error(`no template for the profile "${pick.profile.id}"`);
  await editor.insertSnippet(new vscode.SnippetString(template.snippet));
}

// ---------------------------------------------------------------- check workspace

export async function checkWorkspace(ctx: CommandContext): Promise<{ files: number; checked: number; cancelled: boolean }> {
  const client = await ctx.readyClient();
  if (!client) {
    void vscode.window.showWarningMessage(NOT_RUNNING);
    return { files: 0, checked: 0, cancelled: false };
  }
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Caselint: open a folder to check its manuscripts.');
    return { files: 0, checked: 0, cancelled: false };
  }
  const pull = Boolean(client.initializeResult?.capabilities.diagnosticProvider);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Caselint: checking manuscripts', cancellable: true },
    async (progress, token) => {
      const uris = await vscode.workspace.findFiles(MANUSCRIPT_GLOB, MANUSCRIPT_EXCLUDE_GLOB, 5000, token);
      uris.sort((a, b) => a.toString().localeCompare(b.toString()));
      ctx.workspaceDiagnostics.clear();
      let checked = 0;
      const visible = visibleUris();
      for (const uri of uris) {
        if (token.isCancellationRequested) break;
        progress.report({ message: `${checked + 1}/${uris.length} ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / uris.length });
        try {
          // Opening the document sends didOpen: the server checks it (push mode publishes by itself).
          const doc = await vscode.workspace.openTextDocument(uri);
          if (pull && !visible.has(uri.toString()) && isCheckedDocument(doc)) {
            const report = await client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) } }, token);
            if (report.kind === DocumentDiagnosticReportKind.Full && report.items.length) {
              ctx.workspaceDiagnostics.set(uri, await client.protocol2CodeConverter.asDiagnostics(report.items));
            }
          }
          checked++;
        } catch (e) {
          if (token.isCancellationRequested) break;
          ctx.output.warn(`Check workspace: ${vscode.workspace.asRelativePath(uri)}: ${message(e)}`);
        }
      }
      const cancelled = token.isCancellationRequested;
      ctx.output.info(`Check workspace: ${checked} of ${uris.length} files checked${cancelled ? ' (cancelled)' : ''}`);
      if (!cancelled) await vscode.commands.executeCommand('workbench.actions.view.problems');
      return { files: uris.length, checked, cancelled };
    },
  );
}

/** URIs shown in editor tabs: the language client pulls their diagnostics itself. */
export function visibleUris(): Set<string> {
  const out = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const input = tab.input;
      if (input instanceof vscode.TabInputText) out.add(input.uri.toString());
      else if (input instanceof vscode.TabInputTextDiff) out.add(input.modified.toString());
    }
  }
  for (const editor of vscode.window.visibleTextEditors) out.add(editor.document.uri.toString());
  return out;
}

// ---------------------------------------------------------------- check this file as a case report

export async function checkAsCaseReport(ctx: CommandContext, arg?: unknown): Promise<void> {
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showWarningMessage('Caselint: open a manuscript first, then run "Check this file as a case report".');
    return;
  }
  const client = await ctx.readyClient();
  if (!client) {
    void vscode.window.showWarningMessage(NOT_RUNNING);
    return;
  }
  try {
    // The server remembers the document for the session.
    await sendCheckAsCaseReport(client, uri.toString());
    ctx.forcedCaseReports.add(uri.toString());
  } catch (e) {
    ctx.output.error(`Check as case report failed: ${message(e)}`);
    void vscode.window.showErrorMessage(`Caselint: could not check this file as a case report: ${message(e)}`);
    return;
  }
  // Pull this document's diagnostics afresh: forget the previous result id first, so that the server
  // cannot answer "unchanged" for a document version it had skipped as not a manuscript.
  try {
    const feature = client.getFeature(DocumentDiagnosticRequest.method);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const provider = document ? feature?.getProvider(document) : undefined;
    if (document && provider) {
      provider.forget(document);
      provider.onDidChangeDiagnosticsEmitter.fire();
    } else {
      feature?.refresh();
    }
  } catch {
    // push mode: the server publishes by itself
  }
  await ctx.checklist.getChecklist(uri);
}

/** Asks the server to check one document as a case report (caselint/checkAsCaseReport). */
export async function sendCheckAsCaseReport(client: LanguageClient, uri: string): Promise<void> {
  await client.sendRequest(CheckAsCaseReportRequest.type, { uri });
}

// ---------------------------------------------------------------- checklist items

async function itemOf(ctx: CommandContext, uriArg: unknown, itemId: unknown): Promise<{ document: vscode.TextDocument; item: ChecklistItem } | undefined> {
  let uri: vscode.Uri | undefined;
  let id: string | undefined;
  if (uriArg && typeof uriArg === 'object' && 'item' in uriArg && 'uri' in uriArg) {
    // invoked from the tree view's context menu with the node
    const node = uriArg as ChecklistNode;
    uri = node.uri;
    id = node.item?.id;
  } else {
    uri = uriArg instanceof vscode.Uri ? uriArg : typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : ctx.checklist.currentUri;
    id = typeof itemId === 'string' ? itemId : undefined;
  }
  if (!uri || !id) return undefined;
  const document = await vscode.workspace.openTextDocument(uri);
  const checklist = ctx.checklist.cachedChecklist(uri) ?? (await ctx.checklist.getChecklist(uri));
  const item = checklist?.items.find((i) => i.id === id);
  if (!checklist || !item) return undefined;
  return { document, item };
}

/** Tree view click on a present or empty item: select it in the editor. */
export async function revealItem(ctx: CommandContext, uriArg?: unknown, itemId?: unknown): Promise<void> {
  const found = await itemOf(ctx, uriArg, itemId);
  if (!found) return;
  const { document, item } = found;
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
  const offsets = itemOffsets(document, item);
  if (!offsets) return;
  const range = new vscode.Range(document.positionAt(offsets.start), document.positionAt(offsets.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * Tree view click on a missing item: insert its heading and template with the server's edit
 * (caselint/insertSection, the same edit as the required-section quick fix), then put the cursor
 * at the end of the new heading.
 */
export async function insertSection(ctx: CommandContext, uriArg?: unknown, itemId?: unknown): Promise<boolean> {
  const found = await itemOf(ctx, uriArg, itemId);
  if (!found) return false;
  const { document, item } = found;
  const client = await ctx.readyClient();
  if (!client) {
    void vscode.window.showWarningMessage(NOT_RUNNING);
    return false;
  }
  const editor = await vscode.window.showTextDocument(document);
  const result = await client.sendRequest(InsertSectionRequest.type, { uri: client.code2ProtocolConverter.asUri(document.uri), itemId: item.id });
  if (!result) return false;
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result);
  const inserted = edit.get(document.uri)[0];
  const ok = await vscode.workspace.applyEdit(edit);
  if (ok && inserted) {
    const at = document.offsetAt(inserted.range.start);
    const headingStart = document.positionAt(at + inserted.newText.length - inserted.newText.trimStart().length);
    const line = document.lineAt(headingStart.line);
    editor.selection = new vscode.Selection(line.range.end, line.range.end);
    editor.revealRange(line.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return ok;
}

// ---------------------------------------------------------------- walkthrough: open the example

const EXAMPLE_LANGUAGES: Record<string, string> = { '.md': 'markdown', '.qmd': 'quarto', '.rmd': 'rmd', '.tex': 'latex', '.txt': 'plaintext' };

/** Opens an editable, unsaved copy of the bundled example case report (examples/ in the extension). */
export async function openExample(ctx: CommandContext): Promise<vscode.TextEditor | undefined> {
  const dir = ctx.extension.asAbsolutePath('examples');
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => extname(n).toLowerCase() in EXAMPLE_LANGUAGES).sort();
  } catch {
    // no examples folder in this installation
  }
  const name = names.find((n) => extname(n).toLowerCase() === '.md') ?? names[0];
  if (!name) {
    void vscode.window.showInformationMessage('Caselint: no example is bundled; inserting a case report template instead.');
    await insertTemplate(ctx);
    return vscode.window.activeTextEditor;
  }
  const content = await readFile(join(dir, name), 'utf8');
  let language = EXAMPLE_LANGUAGES[extname(name).toLowerCase()];
  if (!(await vscode.languages.getLanguages()).includes(language)) language = language === 'latex' ? 'plaintext' : 'markdown';
  const doc = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(doc);
}
