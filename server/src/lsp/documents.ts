/**
 * The checks of the language server: one check per document version (and configuration
 * generation), shared by diagnostics, code actions, hover, symbols, folding and the checklist.
 * Config files are discovered per document and cached until they change. The caches live in each
 * open document's state (lsp/state.ts); the check itself is the checker's lintFile.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  fileFormatOf,
  fileFormatOfLanguage,
  lintFileAsync,
  mergeConfigs,
  getProfile,
  PROFILES,
  isTooLarge,
  manuscriptSize,
  MAX_MANUSCRIPT_SIZE,
  type CaselintConfig,
  type AsyncLintOptions,
  type CheckResult,
  type IncrementalChecker,
  type Format,
  type Rule,
} from '../checker';

import { bibliographyFiles } from '../config/bibliographies';
import { ConfigError, discoverConfig } from '../config/discover';
import { phase, spend } from './phases';
import { configDiagnostic, findingsToDiagnostics, sameList, skippedDiagnostic } from './diagnostics';

/** Editor settings (section "caselint"). */
export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  profile?: string;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType' };

/**
 * Texts larger than this are not checked: the CLI's limit, on the same measure (the text's size
 * in UTF-8, manuscriptSize of checker/encoding.ts).
 */
export const DEFAULT_MAX_TEXT_LENGTH = MAX_MANUSCRIPT_SIZE;

export function normalizeSettings(raw: unknown): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS };
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
  if (typeof r.profile === 'string' && r.profile.trim()) s.profile = r.profile.trim();
  return s;
}

export type AnalysisStatus =
  /** Checked: findings, model and profile in `result`. */
  | 'checked'
  /** caselint.enable is false. */
  | 'disabled'
  /** Not a case report (detection said no); nothing reported. */
  | 'not-manuscript'
  /** A language or URI caselint does not check. */
  | 'unsupported'
  /** Too large or binary: one informational diagnostic. */
  | 'skipped'
  /** Malformed config file or unknown profile: one config diagnostic. */
  | 'config-error'
  /**
   * Stopped between two steps: the document closed, or its config or settings changed, while it
   * was being checked. Nothing to show: hosts skip it (a newer check replaces it).
   */
  | 'cancelled';

/** Thrown by a check's pause when the check is no longer wanted. */
class CheckCancelled extends Error {}

/**
 * Turns of the event loop a check yields between two of its steps. A message that arrived during
 * a step takes three to reach its handler and its answer (vscode-jsonrpc reads, dispatches and
 * writes each in an immediate of its own), queued after ours: so that a waiting request is
 * answered, and an edit cancels the check, before its next step.
 */
const PAUSE_TURNS = 4;

/**
 * How long a check works between two yields to the event loop, in ms. The checker offers a pause
 * before every rule and after every slice (SLICE_MS, 15 ms) of a long step; a check yields at the
 * first one after this much work since its last yield, not at each: an incremental re-check of a
 * keystroke (~15 ms) yields some three times instead of some twenty (each yield is PAUSE_TURNS
 * turns of the event loop: ~0.2 ms, more on a loaded machine), while another document's request
 * waits about as long as when every pause yielded (test/lsp/responsive.test.ts: with 15 ms here
 * the median wait during a 3 MB check grew from ~18 to ~29 ms; with 5 ms, ~21 ms).
 */
export const YIELD_AFTER_MS = 5;

/** A pause that does not yield (the check goes on within the same turn of the event loop). */
const GO_ON: Promise<void> = Promise.resolve();

/**
 * The check's pause: after YIELD_AFTER_MS of work since the check started or last yielded (or
 * `always`), yields PAUSE_TURNS turns of the event loop; then (or at once, without yielding) fails
 * if the check is no longer wanted.
 */
function pause(token: CheckToken, always = false, onYield?: () => void, timed = true): Promise<void> {
  if (token.cancelled) return Promise.reject(new CheckCancelled('the check is no longer wanted'));
  if (!always && performance.now() - token.since < YIELD_AFTER_MS) return GO_ON;
  onYield?.();
  const yielded = performance.now();
  return new Promise<void>((resolve, reject) => {
    let turns = 0;
    const turn = () => {
      if (++turns < PAUSE_TURNS) setImmediate(turn);
      else if (token.cancelled) reject(new CheckCancelled('the check is no longer wanted'));
      else {
        token.since = performance.now();
        // A rehearsal's yields are no report's (lsp/phases.ts).
        if (timed) {
          spend('yields', 1);
          spend('yieldWait', token.since - yielded);
        }
        resolve();
      }
    };
    setImmediate(turn);
  });
}

/** Set when a check is no longer wanted (a newer version, the document closed, config changed). */
export interface CheckToken {
  cancelled: boolean;
  /** The document version being checked. */
  readonly version: number;
  /** When the check started or last yielded to the event loop (performance.now()). */
  since: number;
}

export interface Analysis {
  uri: string;
  version: number;
  /** Configuration generation the analysis was made under. */
  generation: number;
  /**
   * The pull diagnostics result id: one per list of diagnostics (`${version}:${generation}:${n}`
   * of the check that first gave them; a later check of the document with equal ones keeps it).
   */
  resultId: string;
  status: AnalysisStatus;
  /** The document as it was checked (TextDocument objects are updated in place; this is a snapshot). */
  document: TextDocument;
  result?: CheckResult;
  config: CaselintConfig;
  configFile?: string;
  diagnostics: Diagnostic[];
  /** Why a document was or was not treated as a manuscript. */
  reason?: string;
}

export interface AnalyzerOptions {
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
  /** The size limit in UTF-8 bytes (tests; default the CLI's, MAX_MANUSCRIPT_SIZE). */
  maxTextLength?: number;
  /** Diagnostics per document at most (default DEFAULT_MAX_DIAGNOSTICS), then one summary. */
  maxDiagnostics?: number;
  /** Where rule failures and unexpected errors go (connection.console.error). */
  logError(message: string): void;
  /** The settings for a document (workspace/configuration); may be cached by the caller. */
  getSettings(uri: string): Promise<Settings>;
  /** Workspace folder paths, to stop config discovery at the workspace root. */
  workspaceFolders(): string[];
  /**
   * Whether diagnostics carry their rule's documentation link (codeDescription; default yes):
   * not for a client that makes it itself from the code (RuleLinks of lsp/protocol.ts).
   */
  ruleLinks?(): boolean;
  /** Called when a check yields to the event loop (every few ms of its work) and when it ends (lsp/heap.ts). */
  onYield?(): void;
}

export interface LoadedDocConfig {
  config: CaselintConfig;
  file?: string;
  error?: string;
}

/**
 * The checker format of a document, or undefined when caselint does not check it: by its
 * language id, else by its URI's extension (server/src/checker/formats.ts).
 */
export function formatOf(document: Pick<TextDocument, 'languageId' | 'uri'>): Format | undefined {
  return (fileFormatOfLanguage(document.languageId) ?? fileFormatOf(document.uri.replace(/[?#].*$/, '')))?.format;
}

/** Where the analyzer keeps a document's cached check and config (DocumentState of lsp/state.ts). */
export interface AnalysisCache {
  /** The config file found for the document (or the error reading it). */
  config?: LoadedDocConfig;
  /** The check of one version under one configuration generation, and its cancellation. */
  check?: { key: string; analysis: Promise<Analysis>; token: CheckToken };
  /**
   * The document's incremental checker (checker/engine/incremental.ts): each re-check after an
   * edit redoes only the work of the text that changed. Without one, every check is a full one.
   */
  checker?: IncrementalChecker;
  /**
   * The diagnostics of the last check that found some, and their result id: a re-check whose
   * diagnostics are equal keeps the id (a result id always names one list of diagnostics).
   */
  last?: { resultId: string; generation: number; diagnostics: Diagnostic[] };
  /** The rehearsal running on the document's checker (Analyzer.rehearse), and its end. */
  rehearsal?: { token: CheckToken; done: Promise<void> };
}

/**
 * How many checks the server's process makes before its code is warm: V8 optimises a function
 * only after many runs of it, and its heap finds its size over the first checks too, so the first
 * ~20 re-checks after the first open took 2–4× as long as later ones (bench/lsp-keystrokes.ts
 * --phases: ~60 ms against ~14 ms, a third of it GC pauses). Until then the server rehearses in
 * idle time (Analyzer.rehearse); after it, never again. Measured on the bench's 300 KB text (main
 * thread CPU per edit of the first 20 edits, median of 5 rounds): no rehearsal 20.5 ms, 6 checks
 * 18.5, 12 checks 15.5, 24 checks 16.5 (later edits ~12 either way); 12 cost ~250 ms of the main
 * thread's CPU after the open (~900 ms with V8's compiler and GC threads). The warm-up lasts
 * longer than 20 edits, though: over all 200 of the bench's edits (typed 3 s after the open), 40
 * checks instead of 12 took the server's CPU per edit (all threads, from the phase records'
 * `cpu`) from a median of ~18.7 to ~16.9 ms and its p95 from ~51 to ~46 ms, the main thread's
 * ~12.2 → ~10.9 ms per edit (six alternating pairs on a loaded machine; a second series of four:
 * median ~18.7 → ~17.8, p95 ~50 → ~46, lower in every pair), for 28 more throw-away checks in
 * idle time once per server process: its CPU in the 6 s after the open ~250 → ~570 ms on the
 * main thread, ~890 → ~1,870 ms in all threads. (Twelve later pairs of this with the server
 * bundle without keepNames against neither: ~5 % less CPU per edit in all, mean; see
 * docs/architecture.md.)
 */
export const WARM_CHECKS = 40;

/**
 * Documents longer than this (UTF-16 code units) are not rehearsed: each of a rehearsal's checks
 * costs what a keystroke's does, and on a document of several MB a dozen of them would burn
 * seconds of CPU for code that a smaller document warms as well.
 */
export const REHEARSAL_MAX_LENGTH = 1_000_000;

/** The text of a rehearsal: the checked text with one letter typed into one of its sentences. */
export function rehearsalText(result: CheckResult, step: number, steps: number): string {
  const { text, sentences } = result.model;
  if (!sentences.length) return text + ' ';
  // Spread over the document; within a sentence, so that no front matter (a bibliography's
  // name, the config's profile) or code is touched: only what typing in prose would change.
  const sentence = sentences[Math.min(sentences.length - 1, Math.floor(((step + 0.5) / steps) * sentences.length))];
  const at = sentence.start + Math.floor((sentence.end - sentence.start) / 2);
  return text.slice(0, at) + 'e' + text.slice(at);
}

/** The file system path of a file: URI, or undefined. */
export function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The path part of any URI (for `files` globs of untitled or remote documents). */
function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/** Makes every analysis's result id unique for the server's lifetime (versions restart on reopen). */
let sequence = 0;

export class Analyzer {
  /** URIs the user asked to check as case reports whatever detection says (this session, also after closing). */
  readonly forced = new Set<string>();
  /** Bumped when settings or config files change: every cached check is stale. */
  generation = 0;
  /** How many times a document was run through the checker (tests: one check per burst of edits). */
  checks = 0;
  /**
   * The bibliography files (absolute paths) each document's last check read or looked for: when
   * one of them changes, that check is stale (server.ts watches them).
   */
  readonly bibliographyPaths = new Map<string, Set<string>>();
  /** Checks this process made (real ones and rehearsals): its code is warm at WARM_CHECKS. */
  warmChecks = 0;
  /** The options a checked analysis was checked with, for its rehearsals (never a second reading of its config). */
  private readonly checkedWith = new WeakMap<Analysis, Omit<AsyncLintOptions, 'memo' | 'pause' | 'onRuleError'>>();

  /** Is a file one of the bibliographies an open document's check depends on? */
  usesBibliography(path: string): boolean {
    for (const paths of this.bibliographyPaths.values()) if (paths.has(path)) return true;
    return false;
  }

  constructor(private readonly options: AnalyzerOptions) {}

  /** Settings or config files changed: no cached check is current any more. */
  invalidateAll(): void {
    this.generation++;
  }

  /**
   * The analysis of the document's current version, checked once per version and generation
   * and kept in `cache` (the document's state; a document without one is checked uncached).
   */
  analyse(document: TextDocument, cache: AnalysisCache = {}): Promise<Analysis> {
    const key = `${document.version}:${this.generation}`;
    if (cache.check?.key === key) return cache.check.analysis;
    // A check of an older version (or generation) still running is not wanted any more.
    if (cache.check) cache.check.token.cancelled = true;
    const snapshot = snapshotOf(document);
    const token: CheckToken = { cancelled: false, version: document.version, since: performance.now() };
    const generation = this.generation;
    const analysis = this.run(snapshot, generation, cache, token).catch((error): Analysis | Promise<Analysis> => {
      if (error instanceof CheckCancelled) {
        // Those waiting for it get the check that replaced it, if there is one.
        const newer = cache.check;
        return newer && newer.token !== token ? newer.analysis : this.empty(snapshot, generation, 'cancelled', DEFAULT_SETTINGS);
      }
      this.options.logError(`caselint: checking ${document.uri} failed: ${describeError(error)}`);
      return this.empty(snapshot, generation, 'unsupported', DEFAULT_SETTINGS);
    });
    cache.check = { key, analysis, token };
    return analysis;
  }

  /** The config file of a document (cached in `cache` until it is forgotten). */
  loadConfig(uri: string, cache: AnalysisCache = {}): LoadedDocConfig {
    if (cache.config) return cache.config;
    let loaded: LoadedDocConfig = { config: {} };
    const path = filePath(uri);
    if (path) {
      const root = this.workspaceRootOf(path);
      try {
        const found = discoverConfig(path, root);
        loaded = { config: found.config, file: found.file };
      } catch (error) {
        if (error instanceof ConfigError) loaded = { config: {}, file: error.file, error: `Invalid caselint configuration: ${error.message}` };
        else {
          loaded = { config: {}, error: `caselint configuration could not be read: ${describeError(error)}` };
        }
      }
    }
    cache.config = loaded;
    return loaded;
  }

  private workspaceRootOf(path: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.options.workspaceFolders()) {
      const f = folder.replace(/[\\/]+$/, '');
      if ((path === f || path.startsWith(f + '/') || path.startsWith(f + '\\')) && (!best || f.length > best.length)) best = f;
    }
    return best;
  }

  private empty(document: TextDocument, generation: number, status: AnalysisStatus, _settings: Settings, diagnostics: Diagnostic[] = [], extra: Partial<Analysis> = {}): Analysis {
    return {
      uri: document.uri,
      version: document.version,
      generation,
      resultId: `${document.version}:${generation}:${++sequence}`,
      status,
      document,
      config: {},
      diagnostics,
      ...extra,
    };
  }

  private async run(document: TextDocument, generation: number, cache: AnalysisCache, token: CheckToken): Promise<Analysis> {
    const settings = await this.options.getSettings(document.uri);
    if (!settings.enable) return this.empty(document, generation, 'disabled', settings);
    const format = formatOf(document);
    if (!format) return this.empty(document, generation, 'unsupported', settings);

    const text = document.getText();
    const max = this.options.maxTextLength;
    // The CLI's limit on the CLI's measure: a text's size in UTF-8 (isTooLarge, manuscriptSize).
    if (max === undefined ? isTooLarge(text) : text.length > max || manuscriptSize(text) > max) {
      return this.empty(document, generation, 'skipped', settings, [skippedDiagnostic(tooLargeMessage(manuscriptSize(text), max ?? DEFAULT_MAX_TEXT_LENGTH), document)]);
    }
    if (text.includes('\u0000')) {
      return this.empty(document, generation, 'skipped', settings, [
        skippedDiagnostic('caselint skipped this file: it contains binary data (NUL bytes), not manuscript text.', document),
      ]);
    }

    const loaded = this.loadConfig(document.uri, cache);
    if (loaded.error) {
      return this.empty(document, generation, 'config-error', settings, [configDiagnostic(loaded.error, document)], { configFile: loaded.file });
    }
    if (settings.profile && !getProfile(settings.profile)) {
      const message = `Invalid caselint setting: caselint.profile "${settings.profile}" is not a known profile (known: ${Object.keys(PROFILES).join(', ')}).`;
      return this.empty(document, generation, 'config-error', settings, [configDiagnostic(message, document)], { configFile: loaded.file });
    }
    const config = mergeConfigs({}, loaded.config, settings.profile ? { profile: settings.profile } : undefined);

    const path = filePath(document.uri);
    this.checks++;
    // Bibliography files only for documents on disk (relative names need a folder).
    const bibliographies = path ? bibliographyFiles(path, loaded.file) : undefined;
    const lint = cache.checker ? cache.checker.lintAsync : lintFileAsync;
    const options = {
      format,
      config,
      path: path ?? uriPath(document.uri),
      configDir: loaded.file ? dirname(loaded.file) : undefined,
      force: this.forced.has(document.uri),
      rules: this.options.rules,
      ...(bibliographies ? { readBibliography: bibliographies.read } : {}),
    };
    // The document's checker does one check at a time: a rehearsal on it stops first.
    if (cache.rehearsal) await this.stopRehearsal(cache);
    phase('checkStart');
    const { manuscript, result } = await lint(text, {
      ...options,
      // In slices: other documents' requests are answered between the steps of a long check,
      // and a check that is no longer wanted stops at the next step.
      pause: () => pause(token, false, this.options.onYield),
      onRuleError: (ruleId, error) =>
        this.options.logError(`caselint: rule ${ruleId} failed on ${document.uri} and was skipped: ${describeError(error)}`),
    });
    // The last pause, always a yield: an edit that arrived during the check is handled (and
    // cancels it) before the check is answered, so that no answer has the ranges of a version
    // the client no longer has.
    phase('checked');
    this.warmChecks++;
    await pause(token, true, this.options.onYield);
    phase('lastYield');
    if (bibliographies?.paths.size) this.bibliographyPaths.set(document.uri, bibliographies.paths);
    else this.bibliographyPaths.delete(document.uri);
    const reason = manuscript.reason;
    if (!result) return this.empty(document, generation, 'not-manuscript', settings, [], { config, configFile: loaded.file, reason });
    // The diagnostics that say what the last check's said are its objects (diagnostics.ts).
    const last = cache.last?.generation === generation ? cache.last : undefined;
    const diagnostics = findingsToDiagnostics(result.findings, document, result.model, this.options.maxDiagnostics, last?.diagnostics, this.options.ruleLinks?.() ?? true);
    // The same diagnostics as the last check's (a keystroke that moved none): the same result
    // id, so that a pull with it is answered `unchanged` and nothing is sent again.
    phase('converted');
    let resultId: string;
    if (last && sameList(last.diagnostics, diagnostics)) {
      resultId = last.resultId;
    } else {
      resultId = `${document.version}:${generation}:${++sequence}`;
      cache.last = { resultId, generation, diagnostics };
    }
    phase('compared');
    const analysis: Analysis = {
      uri: document.uri,
      version: document.version,
      generation,
      resultId,
      status: 'checked',
      document,
      result,
      config,
      configFile: loaded.file,
      diagnostics,
      reason,
    };
    this.checkedWith.set(analysis, options);
    return analysis;
  }

  /**
   * Rehearses the re-check of a keystroke while the writer reads, so that the first real ones
   * run warm code: `steps` throw-away checks on the document's own checker of the checked text
   * with one letter typed at places spread over it (rehearsalText), then one of the checked text
   * itself, which leaves the checker's memo as the analysis left it. Nothing of them is kept or
   * shown: no diagnostics, no log, no count in `checks`; their findings are converted as a real
   * check's are, to the throw-away list. Each step of them yields to the event loop; any
   * message stops them (stopRehearsal), and a real check of the document waits for that first.
   * False when there is nothing to rehearse (not a checked analysis, no checker, one running, a
   * text over REHEARSAL_MAX_LENGTH).
   */
  rehearse(analysis: Analysis, cache: AnalysisCache, steps: number): boolean {
    const options = this.checkedWith.get(analysis);
    const checker = cache.checker;
    if (!options || !checker || !analysis.result || cache.rehearsal || cache.check?.token.cancelled) return false;
    if (analysis.document.getText().length > REHEARSAL_MAX_LENGTH) return false;
    const token: CheckToken = { cancelled: false, version: analysis.version, since: performance.now() };
    const result = analysis.result;
    const run = async () => {
      for (let step = 0; step <= steps && !token.cancelled; step++) {
        const text = step < steps ? rehearsalText(result, step, steps) : analysis.document.getText();
        const { result: rehearsed } = await checker.lintAsync(text, {
          ...options,
          pause: () => pause(token, true, this.options.onYield, false),
          onRuleError: () => undefined,
        });
        this.warmChecks++;
        if (rehearsed) {
          const document = TextDocument.create(analysis.uri, analysis.document.languageId, analysis.version, text);
          findingsToDiagnostics(rehearsed.findings, document, rehearsed.model, this.options.maxDiagnostics, cache.last?.diagnostics, this.options.ruleLinks?.() ?? true);
        }
      }
    };
    const done = run()
      .catch(() => undefined)
      .finally(() => {
        if (cache.rehearsal?.token === token) cache.rehearsal = undefined;
      });
    cache.rehearsal = { token, done };
    return true;
  }

  /** Stops the rehearsal running on the document's checker at its next step; resolves once it has. */
  stopRehearsal(cache: AnalysisCache): Promise<void> {
    const rehearsal = cache.rehearsal;
    if (!rehearsal) return Promise.resolve();
    rehearsal.token.cancelled = true;
    return rehearsal.done;
  }
}

/** What a skipped document says: the size and the limit, in the words of the CLI's refusal. */
export function tooLargeMessage(size: number, limit: number): string {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return `caselint skipped this file: it is too large (${mb(size)} MB; the limit is ${Math.round(limit / (1024 * 1024))} MB).`;
}

/** TextDocument objects of TextDocuments are updated in place: keep an immutable copy for the cache. */
function snapshotOf(document: TextDocument): TextDocument {
  return TextDocument.create(document.uri, document.languageId, document.version, document.getText());
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
