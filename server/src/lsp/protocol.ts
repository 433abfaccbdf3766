/**
 * Custom requests and notifications between the caselint client and server. Plain
 * constants and types only, so that the VS Code client can import this file too.
 */
import type { Checklist } from '../checker/checklist';

/** Request: params {uri}; result: Checklist | null (null when the document is not checked). */
export const CHECKLIST_REQUEST = 'caselint/checklist';
export interface ChecklistParams {
  uri: string;
}
export type ChecklistResult = Checklist | null;

/** Notification from server to client: the checklist of a document changed (after each check). */
export const CHECKLIST_CHANGED_NOTIFICATION = 'caselint/checklistChanged';
export interface ChecklistChangedParams {
  uri: string;
  checklist: Checklist | null;
}

/** Command ids, shared by package.json contributions, the client and the server. */
export const COMMANDS = {
  restartServer: 'caselint.restartServer',
  insertTemplate: 'caselint.insertTemplate',
  checkWorkspace: 'caselint.checkWorkspace',
  showChecklist: 'caselint.showChecklist',
  checkAsCaseReport: 'caselint.checkAsCaseReport',
} as const;
