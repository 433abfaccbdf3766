/**
 * The checklist request (issue 5 item 4), LSP side.
 *
 * For the server wiring (server/src/lsp/server.ts), register:
 *
 *   connection.onRequest(CHECKLIST_REQUEST, (params: ChecklistParams): ChecklistResult => {
 *     const a = <cached analysis of params.uri>;            // status 'checked' only
 *     return a?.result ? checklistResult(a.result, a.document, { config: a.config }) : null;
 *   });
 *   // and after each check:
 *   connection.sendNotification(CHECKLIST_CHANGED_NOTIFICATION, { uri, checklist: checklistResult(...) or null });
 *
 * `checklistResult` never throws on a stale document: ranges are clamped by TextDocument.positionAt.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checklist, type CaselintConfig, type CheckResult } from '../checker';
import type { ChecklistWire, ChecklistWireItem } from './protocol';

export interface ChecklistOptions {
  /** The configuration the result was checked with (extra headings, custom required sections). */
  config?: CaselintConfig;
}

/** The profile's checklist for one cached check result, each located item with an LSP `range`. */
export function checklistResult(result: CheckResult, document: TextDocument, options: ChecklistOptions = {}): ChecklistWire {
  const list = checklist(result);
  const items: ChecklistWireItem[] = list.items.map((item) =>
    item.start !== undefined && item.end !== undefined
      ? { ...item, range: { start: document.positionAt(item.start), end: document.positionAt(item.end) } }
      : { ...item },
  );
  return { ...list, items };
}
