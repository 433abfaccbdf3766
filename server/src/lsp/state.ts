/**
 * What the language server keeps per open document: one DocumentState per URI, made when the
 * document opens and disposed when it closes, so that nothing of a closed document stays behind.
 */
import { createIncrementalChecker } from '../checker';
import type { Diagnostic } from 'vscode-languageserver';
import type { Analysis, AnalysisCache, CheckToken, LoadedDocConfig, Settings } from './documents';

export class DocumentState implements AnalysisCache {
  /** The document's settings (workspace/configuration), asked for once. */
  settings?: Promise<Settings>;
  config?: LoadedDocConfig;
  check?: { key: string; analysis: Promise<Analysis>; token: CheckToken };
  /** onSave mode with pull diagnostics: the analysis of the last saved (or first pulled) version. */
  saved?: Analysis;
  /** Re-checks after an edit redo only what the edit changed; goes with the state on close. */
  readonly checker = createIncrementalChecker();
  /** The diagnostics of the last check and their result id (AnalysisCache.last). */
  last?: { resultId: string; generation: number; diagnostics: Diagnostic[] };
  /** A rehearsal running on the document's checker (Analyzer.rehearse). */
  rehearsal?: { token: CheckToken; done: Promise<void> };
  /** The checklist last sent to the client (caselint/checklistChanged), as JSON. */
  notified?: string;
  /**
   * The analysis whose checklist was last looked at: only to know it again, so not kept alive by
   * this (while typing it is an older version's, with its model and findings).
   */
  notifiedAnalysis?: WeakRef<Analysis>;
  /** The analysis whose checklist is to be looked at (scheduleChecklist). */
  pendingChecklist?: Analysis;
  private timer?: ReturnType<typeof setTimeout>;
  private checklistTimer?: ReturnType<typeof setTimeout>;

  constructor(
    readonly uri: string,
    /** The version the document opened with: its content event is the open's, not an edit. */
    readonly openedVersion: number,
  ) {}

  /** Runs `task` after `delay` ms (at once when 0), replacing a run scheduled before. */
  schedule(delay: number, task: () => void): void {
    this.cancel();
    if (delay <= 0) {
      task();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      task();
    }, delay);
  }

  /** Runs `task` after `delay` ms, replacing a checklist run scheduled before (not the diagnostics' run). */
  scheduleChecklist(delay: number, task: () => void): void {
    if (this.checklistTimer) clearTimeout(this.checklistTimer);
    this.checklistTimer = setTimeout(() => {
      this.checklistTimer = undefined;
      task();
    }, Math.max(0, delay));
  }

  /**
   * Cancels a scheduled run (and, with `check`, the check running and the checklist to be sent:
   * the document closed).
   */
  cancel(check = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (check) {
      this.cancelCheck();
      this.cancelChecklist();
    }
  }

  /** Cancels the checklist notification scheduled (the document closed, or the server shuts down). */
  cancelChecklist(): void {
    if (this.checklistTimer) clearTimeout(this.checklistTimer);
    this.checklistTimer = undefined;
    this.pendingChecklist = undefined;
  }

  /** Stops the check running, at its next step, unless it checks `version` (without one: whatever it checks). */
  cancelCheck(version?: number): void {
    if (this.check && this.check.token.version !== version) this.check.token.cancelled = true;
  }

  /**
   * Forgets the cached check and config file (config files changed, or the writer asked to check
   * the document as a case report) and, with `settings`, the document's settings too.
   */
  forget(settings = false): void {
    if (settings) this.settings = undefined;
    this.config = undefined;
    this.cancelCheck();
    this.check = undefined;
    this.saved = undefined;
    this.last = undefined;
    this.checker.clear();
  }
}

/** The open documents' states, by URI. */
export class DocumentStates {
  private readonly byUri = new Map<string, DocumentState>();

  /** A document opened: a fresh state (a reopened document starts anew). */
  open(uri: string, version: number): DocumentState {
    this.byUri.get(uri)?.cancel(true);
    const state = new DocumentState(uri, version);
    this.byUri.set(uri, state);
    return state;
  }

  get(uri: string): DocumentState | undefined {
    return this.byUri.get(uri);
  }

  /** A document closed: its state goes, with any scheduled run. */
  close(uri: string): void {
    this.byUri.get(uri)?.cancel(true);
    this.byUri.delete(uri);
  }

  all(): DocumentState[] {
    return [...this.byUri.values()];
  }

  /** How many documents have state (tests: none after every document closed). */
  get size(): number {
    return this.byUri.size;
  }
}
