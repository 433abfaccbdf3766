import { isManuscript, type DetectResult } from '../analysis/detect';
import type { CaselintConfig } from '../config';
import { parseDocument } from '../model';
import type { Rule } from '../rules/rule';
import type { TextEncodingName } from '../encoding';
import type { Format } from '../types';
import { checkModel, profileOf, type CheckResult } from './check';

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
}

export interface LintResult {
  /** Whether the file was checked as a case report, and why. */
  manuscript: DetectResult;
  /** The check, when it is a manuscript; no rule runs on any other file. */
  result?: CheckResult;
}

export const FORCED_REASON = 'checked as a case report on request';

/** Lint one file. Throws UnknownProfileError when the config names an unknown profile (manuscript or not). */
export function lintFile(text: string, options: LintOptions): LintResult {
  const config = options.config ?? {};
  const profile = profileOf(config);
  const model = parseDocument(text, options.format);
  const manuscript: DetectResult = options.force
    ? { manuscript: true, reason: FORCED_REASON }
    : isManuscript(model, { path: options.path, configDir: options.configDir, config, profile });
  if (!manuscript.manuscript) return { manuscript };
  return { manuscript, result: checkModel(model, profile, { config, onRuleError: options.onRuleError, rules: options.rules, encoding: options.encoding }) };
}
