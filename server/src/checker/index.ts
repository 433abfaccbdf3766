/**
 * caselint's checker core: a pure library (no editor or LSP imports).
 * Text, format and config in; findings with UTF-16 offsets out.
 */
export * from './types';
export { check, formatForFile, UnknownProfileError, type CheckOptions, type CheckResult } from './engine';
export { parseDocument, computeLineStarts, positionAt } from './model';
export { mergeConfigs, resolveRuleSetting, SEVERITY_SETTINGS, type CaselintConfig, type RuleSetting } from './config';
export { PROFILES, getProfile, headingMatches, normalizeHeading, type Profile, type ProfileItem } from './profiles';
export { RULES, RULE_IDS, getRule } from './rules';
export type { Rule, RuleContext, Report } from './rule';

/**
 * The largest manuscript checked (10 MiB; the CLI counts bytes before reading, the server UTF-16
 * code units). Larger files, and files with NUL bytes (binary), are skipped with a message.
 */
export const MAX_MANUSCRIPT_SIZE = 10 * 1024 * 1024;

/** Where each rule's documentation lives (codeDescription.href, SARIF helpUri). */
export const DOCS_BASE_URL = 'https://github.com/caselint/caselint/blob/main/docs/rules/';
export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
