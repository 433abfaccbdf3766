/**
 * The custom requests and notifications between the caselint client and server, as typed
 * `RequestType` / `NotificationType` constants that both sides use
 * (`connection.onRequest(ChecklistRequest.type, …)`, `client.sendRequest(ChecklistRequest.type, …)`).
 *
 * The VS Code client imports this file and nothing else from `server/src/` (test/checker/layers.test.ts,
 * test/client/manifest.test.ts): it holds wire types and method constants only. Checker and LSP
 * types are imported with `import type`, so nothing of the checker is bundled into the client.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-jsonrpc';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { Checklist, ChecklistItem, ChecklistStatus, CountCheck, TitleCheck } from '../checker';

export type { Checklist, ChecklistItem, ChecklistStatus, CountCheck, TitleCheck, WorkspaceEdit };

/**
 * The file formats caselint checks (extensions, VS Code language ids, parser): the checker's
 * dependency-free table, re-exported here so that the client reads the same one (the only
 * checker file the client bundles).
 */
export { FILE_FORMATS, MANUSCRIPT_EXTENSIONS, MANUSCRIPT_GLOB, VSCODE_LANGUAGE_IDS, fileFormatOf, type FileFormat } from '../checker/formats';

/** An LSP range (0-based line, UTF-16 character). */
export interface ChecklistRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
/** A checklist item on the wire: the core item (offsets `start`/`end`) plus its LSP `range`. */
export type ChecklistWireItem = ChecklistItem & { range?: ChecklistRange };
/** A count against its limit on the wire ("Abstract 162/150 words"): the core's, plus its LSP `range`. */
export type ChecklistWireCount = CountCheck & { range?: ChecklistRange };
/** A checklist on the wire (server/src/lsp/checklist.ts builds it); compatible with Checklist. */
export type ChecklistWire = Omit<Checklist, 'items' | 'counts'> & { items: ChecklistWireItem[]; counts?: ChecklistWireCount[] };

/** Params of the requests about one document. */
export interface DocumentParams {
  uri: string;
}

// ---------------------------------------------------------------------------
// Checklist
// ---------------------------------------------------------------------------

export type ChecklistParams = DocumentParams;
/** The checklist (items with offsets and ranges), or null when the document is not checked. */
export type ChecklistResult = ChecklistWire | null;

/** Request `caselint/checklist`: the checklist of an open document. */
export const ChecklistRequest = {
  method: 'caselint/checklist',
  type: new RequestType<ChecklistParams, ChecklistResult, void>('caselint/checklist'),
} as const;

export interface ChecklistChangedParams {
  uri: string;
  checklist: ChecklistWire | null;
}

/** Notification `caselint/checklistChanged`, server → client: a document's checklist after each new check. */
export const ChecklistChangedNotification = {
  method: 'caselint/checklistChanged',
  type: new NotificationType<ChecklistChangedParams>('caselint/checklistChanged'),
} as const;

export interface InsertSectionParams {
  uri: string;
  /** A checklist item id (`ChecklistItem.id`). */
  itemId: string;
}
/** The edit inserting the item's heading and template, or null (document not checked, unknown item). */
export type InsertSectionResult = WorkspaceEdit | null;

/**
 * Request `caselint/insertSection`: the edit that inserts a checklist item's section where the
 * profile puts it; the same edit as the `required-section` quick fix.
 */
export const InsertSectionRequest = {
  method: 'caselint/insertSection',
  type: new RequestType<InsertSectionParams, InsertSectionResult, void>('caselint/insertSection'),
} as const;

// ---------------------------------------------------------------------------
// Check this file as a case report
// ---------------------------------------------------------------------------

export type CheckAsCaseReportParams = DocumentParams;
/** `{uri, checked: true}`, or null when the params carry no URI. */
export type CheckAsCaseReportResult = { uri: string; checked: true } | null;

/**
 * Request `caselint/checkAsCaseReport`: check a document as a case report whatever detection
 * says, for the rest of the server's session (the client sends it again after a restart).
 */
export const CheckAsCaseReportRequest = {
  method: 'caselint/checkAsCaseReport',
  type: new RequestType<CheckAsCaseReportParams, CheckAsCaseReportResult, void>('caselint/checkAsCaseReport'),
} as const;

// ---------------------------------------------------------------------------
// Profiles and templates ("Insert case report template")
// ---------------------------------------------------------------------------

/** A profile as the template pick list shows it. */
export interface ProfileSummary {
  id: string;
  label: string;
  description: string;
}

/** Request `caselint/profiles`: the known profiles, in the order the pick list shows them. */
export const ProfilesRequest = {
  method: 'caselint/profiles',
  type: new RequestType0<ProfileSummary[], void>('caselint/profiles'),
} as const;

export interface TemplateParams {
  /** A profile id (`ProfileSummary.id`). */
  profile: string;
  /** The editor's language id ("markdown", "quarto", "rmd", "latex", "plaintext"): it picks the heading syntax. */
  languageId: string;
}
/** The template in snippet syntax (VS Code / LSP), or null for an unknown profile. */
export type TemplateResult = { snippet: string } | null;

/**
 * Request `caselint/template`: a case report template for a profile, in the syntax of a
 * language: the profile's skeleton snippet of `snippets/`, or one built from its items.
 */
export const TemplateRequest = {
  method: 'caselint/template',
  type: new RequestType<TemplateParams, TemplateResult, void>('caselint/template'),
} as const;

// ---------------------------------------------------------------------------
// Rule links made by the client
// ---------------------------------------------------------------------------

/**
 * Rule links made by the client. A rule's documentation link (Diagnostic.codeDescription) is the
 * same in every diagnostic of that rule, and a third of a report's bytes (~107 of 325 KB for
 * 1,000 diagnostics); JSON has no way to share it. A client that asks for it in its
 * initialization options (`{ ruleLinks: true }`) gets diagnostics without it, and the server
 * says in its capabilities (`experimental.ruleLinks`) how to make it: `${base}${code}.md` for
 * every caselint diagnostic (source "caselint") whose code is not one of `except`. Other clients
 * get it in every diagnostic, as before.
 */
export interface RuleLinks {
  base: string;
  /** Codes of diagnostics that show no rule's finding (configuration problems, summaries): no link. */
  except: string[];
}

/** The link of a caselint diagnostic with this code, as the server would have sent it, or undefined. */
export function ruleLink(links: RuleLinks, code: unknown): string | undefined {
  return typeof code === 'string' && code && !links.except.includes(code) ? `${links.base}${code}.md` : undefined;
}
