/**
 * The case report checklist in the editor: a status-bar item ("$(checklist) CARE 10/13") for the
 * active manuscript and the tree view "Case report checklist" (caselint.checklist) in the explorer.
 * Checklists come from the server: ChecklistChangedNotification after each check, or
 * ChecklistRequest when the active editor changes (server/src/lsp/protocol.ts).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ChecklistRequest, type Checklist, type ChecklistItem, type ChecklistWireCount, type ChecklistWireItem, type ChecklistChangedParams, type CountCheck } from '../../server/src/lsp/protocol';
import { CHECKLIST_VIEW_ID, COMMANDS, INTERNAL_COMMANDS, LANGUAGE_IDS, SCHEMES } from './ids';
import { countDescription, countIcon, countTooltip, itemDescription, itemIcon, itemTooltip, statusBarText, statusBarTooltip } from './checklistModel';

/** Items arrive with offsets (`start`/`end`) and, from server/src/lsp/checklist.ts, an LSP `range`. */
type WireItem = ChecklistWireItem;

/** A node of the view: a checklist item, or (after the items) a word or count limit ("Abstract 162/150 words"). */
export type ChecklistNode = { uri: vscode.Uri; item: ChecklistItem; count?: undefined } | { uri: vscode.Uri; count: CountCheck; item?: undefined };

function uriKey(uri: vscode.Uri | string): string {
  return typeof uri === 'string' ? vscode.Uri.parse(uri).toString() : uri.toString();
}

export function isCheckedDocument(document: vscode.TextDocument): boolean {
  return (LANGUAGE_IDS as readonly string[]).includes(document.languageId) && (SCHEMES as readonly string[]).includes(document.uri.scheme);
}

/** Offsets for an item's location: its own `start`/`end`, or converted from an LSP `range`. */
export function itemOffsets(document: vscode.TextDocument, item: ChecklistItem): { start: number; end: number } | undefined {
  const range = (item as WireItem).range;
  if (typeof item.start === 'number') return { start: item.start, end: typeof item.end === 'number' ? item.end : item.start };
  if (range) return { start: document.offsetAt(new vscode.Position(range.start.line, range.start.character)), end: document.offsetAt(new vscode.Position(range.end.line, range.end.character)) };
  return undefined;
}

export class ChecklistController implements vscode.TreeDataProvider<ChecklistNode>, vscode.Disposable {
  private readonly checklists = new Map<string, Checklist | null>();
  private readonly changeEmitter = new vscode.EventEmitter<ChecklistNode | undefined | void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly statusItem: vscode.StatusBarItem;
  private readonly treeView: vscode.TreeView<ChecklistNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private client: LanguageClient | undefined;
  /** The manuscript shown: the active editor's, or the last one when focus is elsewhere. */
  private current: vscode.Uri | undefined;

  constructor(viewId: string = CHECKLIST_VIEW_ID) {
    this.statusItem = vscode.window.createStatusBarItem('caselint.checklist', vscode.StatusBarAlignment.Left, 50);
    this.statusItem.name = 'Caselint checklist';
    this.statusItem.command = COMMANDS.showChecklist;
    this.treeView = vscode.window.createTreeView(viewId, { treeDataProvider: this, showCollapseAll: false });
    this.disposables.push(
      this.statusItem,
      this.treeView,
      this.changeEmitter,
      vscode.window.onDidChangeActiveTextEditor((editor) => this.onActiveEditor(editor)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.checklists.delete(uriKey(doc.uri))),
    );
    this.onActiveEditor(vscode.window.activeTextEditor);
  }

  /** The running client (or undefined while stopped); requests the active editor's checklist. */
  setClient(client: LanguageClient | undefined): void {
    this.client = client;
    if (!client) {
      this.checklists.clear();
      this.render();
      return;
    }
    if (this.current) void this.refresh(this.current);
  }

  /** ChecklistChangedNotification from the server. */
  handleChanged(params: ChecklistChangedParams): void {
    if (!params || typeof params.uri !== 'string') return;
    const key = uriKey(params.uri);
    this.checklists.set(key, params.checklist ?? null);
    if (this.current && key === this.current.toString()) this.render();
  }

  /** The checklist of a document, asked from the server (null when the server does not check it). */
  async getChecklist(uri: vscode.Uri | string): Promise<Checklist | null> {
    const key = uriKey(uri);
    const client = this.client;
    if (!client || !client.isRunning()) return this.checklists.get(key) ?? null;
    try {
      const result = await client.sendRequest(ChecklistRequest.type, { uri: key });
      this.checklists.set(key, result ?? null);
    } catch (e) {
      client.warn(`caselint: checklist request failed for ${key}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (this.current && key === this.current.toString()) this.render();
    return this.checklists.get(key) ?? null;
  }

  /** The checklist last received for a document, without asking the server. */
  cachedChecklist(uri: vscode.Uri | string): Checklist | null | undefined {
    return this.checklists.get(uriKey(uri));
  }

  get currentUri(): vscode.Uri | undefined {
    return this.current;
  }

  get statusBarText(): string | undefined {
    return this.statusItem.text || undefined;
  }

  async refresh(uri = this.current): Promise<void> {
    if (uri) await this.getChecklist(uri);
    else this.render();
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${CHECKLIST_VIEW_ID}.focus`);
  }

  private onActiveEditor(editor: vscode.TextEditor | undefined): void {
    if (!editor) return; // focus moved to a panel or a non-text editor: keep the last manuscript
    if (!isCheckedDocument(editor.document)) {
      this.current = undefined;
      this.render();
      return;
    }
    this.current = editor.document.uri;
    this.render();
    void this.getChecklist(editor.document.uri);
  }

  private render(): void {
    const checklist = this.current ? this.checklists.get(this.current.toString()) : undefined;
    if (checklist) {
      this.statusItem.text = statusBarText(checklist);
      this.statusItem.tooltip = statusBarTooltip(checklist);
      this.statusItem.show();
      this.treeView.description = `${checklist.label} ${checklist.done}/${checklist.total}`;
      this.treeView.message = undefined;
    } else {
      this.statusItem.text = '';
      this.statusItem.hide();
      this.treeView.description = undefined;
      this.treeView.message =
        this.current && checklist === null
          ? 'This file is not checked as a case report. Run "Caselint: Check this file as a case report" to check it anyway.'
          : undefined;
    }
    this.changeEmitter.fire();
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    if (node.count) return this.countTreeItem(node.uri, node.count);
    const { item } = node;
    const tree = new vscode.TreeItem(item.label, vscode.TreeItemCollapsibleState.None);
    tree.id = `${node.uri.toString()}#${item.id}`;
    tree.description = itemDescription(item);
    tree.tooltip = itemTooltip(item);
    const icon = itemIcon(item);
    tree.iconPath = new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
    tree.contextValue = `caselint.item.${item.status}`;
    tree.command =
      item.status === 'missing'
        ? { command: INTERNAL_COMMANDS.insertSection, title: 'Insert section heading', arguments: [node.uri.toString(), item.id] }
        : { command: INTERNAL_COMMANDS.revealItem, title: 'Go to item', arguments: [node.uri.toString(), item.id] };
    return tree;
  }

  private countTreeItem(uri: vscode.Uri, count: CountCheck): vscode.TreeItem {
    const tree = new vscode.TreeItem(count.label, vscode.TreeItemCollapsibleState.None);
    tree.id = `${uri.toString()}#count-${count.id}`;
    tree.description = countDescription(count);
    tree.tooltip = countTooltip(count);
    const icon = countIcon(count);
    tree.iconPath = new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
    tree.contextValue = `caselint.count.${count.status}`;
    const range = (count as ChecklistWireCount).range;
    if (range) {
      const at = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
      tree.command = { command: 'vscode.open', title: 'Go to it', arguments: [uri, { selection: at }] };
    }
    return tree;
  }

  getChildren(node?: ChecklistNode): ChecklistNode[] {
    if (node || !this.current) return [];
    const checklist = this.checklists.get(this.current.toString());
    if (!checklist) return [];
    const uri = this.current;
    return [...checklist.items.map((item) => ({ uri, item })), ...(checklist.counts ?? []).map((count) => ({ uri, count }))];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
