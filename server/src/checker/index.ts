/**
 * caselint's checker core: a pure library (no editor, LSP or file-system imports).
 * Text, format and config in; findings with UTF-16 offsets out. This file is the API that
 * `lsp/` and `cli/` use; they import nothing else from `checker/`.
 *
 * Layers, each importing only those below it (test/checker/layers.test.ts):
 *   views → engine → rules → analysis → model → types, formats, profiles, config
 */
export * from './types';
export {
  FILE_FORMATS,
  MANUSCRIPT_EXTENSIONS,
  MANUSCRIPT_GLOB,
  VSCODE_LANGUAGE_IDS,
  fileFormatOf,
  fileFormatOfLanguage,
  formatForFile,
  type FileFormat,
} from './formats';
export { mergeConfigs, resolveRuleSetting, SEVERITY_SETTINGS, type CaselintConfig, type LimitsConfig, type LimitSetting, type RuleSetting } from './config';
export { COUNT_IDS, PROFILES, getProfile, headingMatches, normalizeHeading, type CountId, type CountLimit, type Profile, type ProfileItem, type ProfileLimits, type ItemRoles, type ClaimMode, type EvidenceKind } from './profiles';
export { parseDocument, computeLineStarts, hintedPositions, positionAt, suppressionComment } from './model';
export { lowerBound } from './model/text';
export { sectionHasContent, type SectionAnalysis } from './analysis/sections';
export { contentEvidence, type ContentEvidence } from './analysis/evidence';
export { citationAt, citationKeys, citationsOfEntry, referenceList, resolveCitation, type ReferenceEntry, type ReferenceLookup } from './analysis/references';
export { bibliographyRequests, type BibliographyRequest, type LoadedBibliography } from './analysis/bibliography';
export { bibliographyFormatOf, parseBibliography, type BibEntry, type Bibliography, type BibliographyFormat } from './model/bibliography';
export { isManuscript, type DetectOptions, type DetectResult } from './analysis/detect';
export { IDENTIFIER_KINDS, type IdentifierKind } from './analysis/identifiers';
export { RULES, RULE_IDS, getRule } from './rules';
export type { Rule, RuleContext, Report } from './analysis/rule';
export { check, checkModel, InvalidReportError, UnknownProfileError, type CheckOptions, type CheckResult } from './engine/check';
export { lintFile, lintFileAsync, loadBibliographies, type AsyncLintOptions, type BibliographyReader, type LintOptions, type LintResult } from './engine/lint';
export { createIncrementalChecker, type IncrementalChecker } from './engine/incremental';
export { checklist, insertSectionFix, type Checklist, type ChecklistItem, type ChecklistStatus, type CountCheck, type TitleCheck } from './views/checklist';
export { suppressionFixes } from './views/suppression-edits';
export { claimDecisions, type ClaimDecision } from './views/claim-decisions';
export { escapeHtml, manuscriptReport, reportHtml, reportMarkdown, type ManuscriptReport, type ReportPageOptions } from './views/report';
export { DOCS_BASE_URL, escapeMarkdown, explain, explanationMarkdown, explanationText, ruleDocsUrl, type Explanation, type FindingReason, type Silencing } from './views/explain';

/**
 * Bytes into text (UTF-8, UTF-16 and UTF-32 with a byte-order mark, Windows-1252), and the one
 * size limit: MAX_MANUSCRIPT_SIZE of text measured by manuscriptSize (its UTF-8 size), the same
 * in the CLI and the language server.
 */
export {
  decodeManuscript,
  isTooLarge,
  manuscriptSize,
  minimumTextSize,
  MAX_MANUSCRIPT_BYTES,
  MAX_MANUSCRIPT_SIZE,
  type DecodeResult,
  type TextEncodingName,
} from './encoding';
