import { bibliographyRequests, type BibliographyRequest, type LoadedBibliography } from '../analysis/bibliography';
import { isManuscript, type DetectResult } from '../analysis/detect';
import { parseBibliography } from '../model/bibliography';
import type { CaselintConfig } from '../config';
import { parseDocument, parseDocumentSteps } from '../model';
import { driveSteps } from '../steps';
import type { Rule } from '../analysis/rule';
import type { TextEncodingName } from '../encoding';
import type { DocumentModel, Format, Memo } from '../types';
import { checkModel, checkModelAsync, profileOf, type CheckResult } from './check';

/**
 * One file, as the CLI and the language server check it: parse once, decide whether it is a case
 * report (analysis/detect.ts) on that model, and only then run the rules on the same model.
 * Pure: the host has read the text and found the config.
 */
export interface LintOptions {
  format: Format;
  /** The merged config (config file, settings, command line). */
  config?: CaselintConfig;
  /** The file's path, for the config's `files`/`ignore` globs (see DetectOptions). */
  path?: string;
  /** The folder the config's globs are relative to. */
  configDir?: string;
  /** Check it whatever detection says (a file named on the command line, "Check this file as a case report"). */
  force?: boolean;
  /** Called when a rule throws or reports an invalid range; the rule's findings are dropped. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
  /** How the host decoded the file's bytes (decodeManuscript); undefined for text from an editor. */
  encoding?: TextEncodingName;
  /** The bibliography files the document names, as the host read them (see lintFileAsync). */
  bibliographies?: readonly LoadedBibliography[];
  /** The incremental checker's memo (engine/incremental.ts): the findings are the same, sooner. */
  memo?: Memo;
}

/**
 * How the host reads a bibliography file the document (or the config) names: its text and the
 * path to show, or why it could not (`error`: "not found", "is too large"). Relative names are
 * relative to the manuscript's folder (`from: 'document'`) or the config file's (`'config'`).
 */
export type BibliographyReader = (request: BibliographyRequest) =>
  | { path: string; text?: string; error?: string }
  | Promise<{ path: string; text?: string; error?: string }>;

export interface AsyncLintOptions extends Omit<LintOptions, 'bibliographies'> {
  /** Reads the bibliography files the document names; without it, none are read. */
  readBibliography?: BibliographyReader;
  /**
   * Awaited between the steps of the check (before the parse, before each rule, and inside the
   * parse and a long rule whenever SLICE_MS of work has passed: steps.ts): the language server
   * yields to its other requests there and cancels a stale check by throwing.
   * Without it, the check runs in one go once the bibliographies are read.
   */
  pause?: () => Promise<void>;
}

export interface LintResult {
  /** Whether the file was checked as a case report, and why. */
  manuscript: DetectResult;
  /** The check, when it is a manuscript; no rule runs on any other file. */
  result?: CheckResult;
}

export const FORCED_REASON = 'checked as a case report on request';

/** Parse once and decide whether the file is checked (with `force`, it always is). */
function parseAndDetect(text: string, options: LintOptions | AsyncLintOptions) {
  return detect(parseDocument(text, options.format, { memo: options.memo }), options);
}

function detect(model: DocumentModel, options: LintOptions | AsyncLintOptions) {
  const config = options.config ?? {};
  const profile = profileOf(config);
  const manuscript: DetectResult = options.force
    ? { manuscript: true, reason: FORCED_REASON }
    : isManuscript(model, { path: options.path, configDir: options.configDir, config, profile });
  return { config, profile, model, manuscript };
}

/** Lint one file. Throws UnknownProfileError when the config names an unknown profile (manuscript or not). */
export function lintFile(text: string, options: LintOptions): LintResult {
  const { config, profile, model, manuscript } = parseAndDetect(text, options);
  if (!manuscript.manuscript) return { manuscript };
  return { manuscript, result: checkModel(model, profile, { config, onRuleError: options.onRuleError, rules: options.rules, encoding: options.encoding, bibliographies: options.bibliographies }) };
}

/**
 * Lint one file, reading the bibliography files it names through the host's reader (only for
 * a manuscript): the CLI and the server use this. Parses once, like lintFile.
 */
export async function lintFileAsync(text: string, options: AsyncLintOptions): Promise<LintResult> {
  await options.pause?.();
  // With pauses, the parse in slices between them (steps.ts): the same model as parseDocument's.
  const parsed = options.pause
    ? detect(await driveSteps(parseDocumentSteps(text, options.format, { memo: options.memo }), options.pause), options)
    : parseAndDetect(text, options);
  const { config, profile, model, manuscript } = parsed;
  if (!manuscript.manuscript) return { manuscript };
  const bibliographies = options.readBibliography ? await loadBibliographies(bibliographyRequests(model, config), options.readBibliography) : undefined;
  const checkOptions = { config, onRuleError: options.onRuleError, rules: options.rules, encoding: options.encoding, bibliographies };
  const result = options.pause ? await checkModelAsync(model, profile, { ...checkOptions, pause: options.pause }) : checkModel(model, profile, checkOptions);
  return { manuscript, result };
}

/** Reads and parses the requested bibliographies (each once, in order). Never throws. */
export async function loadBibliographies(requests: readonly BibliographyRequest[], read: BibliographyReader): Promise<LoadedBibliography[]> {
  const out: LoadedBibliography[] = [];
  for (const request of requests) {
    let got: { path: string; text?: string; error?: string };
    try {
      got = await read(request);
    } catch (e) {
      got = { path: request.name, error: `cannot be read (${e instanceof Error ? e.message : String(e)})` };
    }
    if (got.text === undefined) out.push({ request, path: got.path, error: got.error ?? 'not found' });
    else out.push({ request, path: got.path, bibliography: await parseBibliography(got.path, got.text) });
  }
  return out;
}
