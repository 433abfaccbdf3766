/**
 * The checklist requests, LSP side (registered in server/src/lsp/server.ts):
 * - `caselint/checklist` and the `caselint/checklistChanged` notification: `checklistResult`;
 * - `caselint/insertSection`: `insertSectionEdit`, the edit of the checker's `insertSectionFix`
 *   (the same as the `required-section` quick fix).
 *
 * Neither throws on a stale document: ranges are those of the checked text (its model's line
 * starts), else clamped by TextDocument.positionAt.
 */
import type { WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checklist, insertSectionFix, type CheckResult } from '../checker';
import { workspaceEdit } from './codeActions';
import { positionsOf, type Positions } from './diagnostics';
import type { ChecklistWire, ChecklistWireCount, ChecklistWireItem } from './protocol';

/** With an LSP `range` when located. */
function located<T extends { start?: number; end?: number }>(x: T, positions: Positions): T & { range?: { start: { line: number; character: number }; end: { line: number; character: number } } } {
  return x.start !== undefined && x.end !== undefined ? { ...x, range: { start: positions(x.start), end: positions(x.end) } } : { ...x };
}

/**
 * The profile's checklist for one cached check result, each located item with an LSP `range`,
 * and the word and count limits (`counts`: "Abstract 162/150 words") that the client shows.
 */
export function checklistResult(result: CheckResult, document: TextDocument): ChecklistWire {
  const list = checklist(result);
  const positions = positionsOf(document, result.model);
  const items: ChecklistWireItem[] = list.items.map((item) => located(item, positions));
  const counts: ChecklistWireCount[] = (list.counts ?? []).map((c) => located(c, positions));
  return { ...list, items, counts };
}

/** The edit inserting a checklist item's heading and template, or null for an item the profile does not have. */
export function insertSectionEdit(result: CheckResult, document: TextDocument, itemId: unknown): WorkspaceEdit | null {
  if (typeof itemId !== 'string') return null;
  const fix = insertSectionFix(result, itemId);
  return fix ? workspaceEdit(document, fix.edits) : null;
}
