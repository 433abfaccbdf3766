/**
 * Custom requests and notifications between the caselint client and server. Plain
 * constants and types only, so that the VS Code client can import this file too.
 */
import type { Checklist, ChecklistItem } from '../checker';

/**
 * The file formats caselint checks (extensions, VS Code language ids, parser): the checker's
 * dependency-free table, re-exported here so that the client reads the same one.
 */
export { FILE_FORMATS, MANUSCRIPT_EXTENSIONS, MANUSCRIPT_GLOB, VSCODE_LANGUAGE_IDS, fileFormatOf, type FileFormat } from '../checker/formats';

/** An LSP range (0-based line, UTF-16 character), written out so that this file imports no LSP package. */
export interface ChecklistRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
/** A checklist item on the wire: the core item (offsets `start`/`end`) plus its LSP `range`. */
export type ChecklistWireItem = ChecklistItem & { range?: ChecklistRange };
/** A checklist on the wire (server/src/lsp/checklist.ts builds it); compatible with Checklist. */
export type ChecklistWire = Omit<Checklist, 'items'> & { items: ChecklistWireItem[] };

/** Request: params {uri}; result: the checklist (items with offsets and ranges) | null (null when the document is not checked). */
export const CHECKLIST_REQUEST = 'caselint/checklist';
export interface ChecklistParams {
  uri: string;
}
export type ChecklistResult = ChecklistWire | null;

/** Notification from server to client: the checklist of a document changed (after each check). */
export const CHECKLIST_CHANGED_NOTIFICATION = 'caselint/checklistChanged';
export interface ChecklistChangedParams {
  uri: string;
  checklist: ChecklistWire | null;
}

/** Command ids, shared by package.json contributions, the client and the server. */
export const COMMANDS = {
  restartServer: 'caselint.restartServer',
  insertTemplate: 'caselint.insertTemplate',
  checkWorkspace: 'caselint.checkWorkspace',
  showChecklist: 'caselint.showChecklist',
  checkAsCaseReport: 'caselint.checkAsCaseReport',
} as const;
