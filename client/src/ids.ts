/**
 * Identifiers shared by the VS Code client and its manifest (package.json). Plain data, no
 * `vscode` import, so that tests can check the manifest against it without an editor.
 */
import { MANUSCRIPT_GLOB as MANUSCRIPT_FILES_GLOB, VSCODE_LANGUAGE_IDS } from '../../server/src/lsp/protocol';

/** Commands of the command palette (contributes.commands). */
export const COMMANDS = {
  restartServer: 'caselint.restartServer',
  insertTemplate: 'caselint.insertTemplate',
  checkWorkspace: 'caselint.checkWorkspace',
  showChecklist: 'caselint.showChecklist',
  checkAsCaseReport: 'caselint.checkAsCaseReport',
} as const;

/** The tree view "Case report checklist" (contributes.views.explorer). */
export const CHECKLIST_VIEW_ID = 'caselint.checklist';

/** Commands used by the checklist view (contributed but hidden from the command palette). */
export const INTERNAL_COMMANDS = {
  revealItem: 'caselint.checklist.revealItem',
  insertSection: 'caselint.checklist.insertSection',
  refreshChecklist: 'caselint.checklist.refresh',
  /** Opens a copy of the bundled example case report (walkthrough). */
  openExample: 'caselint.openExample',
} as const;

/** Every command the client registers with `vscode.commands.registerCommand`. */
export const CLIENT_COMMANDS: readonly string[] = [
  COMMANDS.restartServer,
  COMMANDS.insertTemplate,
  COMMANDS.checkWorkspace,
  COMMANDS.showChecklist,
  COMMANDS.checkAsCaseReport,
  INTERNAL_COMMANDS.revealItem,
  INTERNAL_COMMANDS.insertSection,
  INTERNAL_COMMANDS.refreshChecklist,
  INTERNAL_COMMANDS.openExample,
];

/** Language ids the server checks (VS Code ids, from the server's table of formats: server/src/checker/formats.ts). */
export const LANGUAGE_IDS: readonly string[] = VSCODE_LANGUAGE_IDS;

/** URI schemes checked: files on disk and unsaved (untitled) buffers. */
export const SCHEMES = ['file', 'untitled'] as const;

/** documentSelector for the language client: every language × every scheme. */
export const DOCUMENT_SELECTOR = LANGUAGE_IDS.flatMap((language) => SCHEMES.map((scheme) => ({ scheme, language })));

/** Config files watched by the server (synchronize.fileEvents). */
export const CONFIG_FILE_GLOB = '**/.caselint.{json,jsonc,yaml,yml}';

/** Manuscripts found by "Check workspace": every extension of the server's table of formats. */
export const MANUSCRIPT_GLOB = MANUSCRIPT_FILES_GLOB;
export const MANUSCRIPT_EXCLUDE_GLOB = '**/{node_modules,.git}/**';

/** Settings section and keys (contributes.configuration). */
export const SETTINGS = {
  section: 'caselint',
  enable: 'enable',
  run: 'run',
  profile: 'profile',
  traceServer: 'trace.server',
} as const;
