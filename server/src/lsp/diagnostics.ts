/**
 * Findings → LSP diagnostics. Each diagnostic carries what its code actions need in `data`
 * (offsets, fixes, suppression fixes), so the code action handler needs no server state.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl, suppressionFixes, type DocumentModel, type Finding, type Fix, type Severity } from '../checker';


export const SOURCE = 'caselint';
/** Diagnostic.code of configuration problems (malformed config file, unknown profile setting). */
export const CONFIG_CODE = 'config';
/** Diagnostic.code of files the server did not check (too large, binary). */
export const SKIPPED_CODE = 'skipped';

/** What every caselint diagnostic carries in `data`. */
export interface DiagnosticData {
  ruleId: string;
  /** The finding's UTF-16 offsets in the document version it was computed for. */
  start: number;
  end: number;
  /** The finding's own fixes (quick fixes). */
  fixes?: Fix[];
  /** "Ignore on this line" / "Ignore in this file" fixes. */
  ignore?: Fix[];
  /** The rule's payload (Finding.data). */
  data?: Record<string, unknown>;
}

export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    case 'hint':
    default:
      return DiagnosticSeverity.Hint;
  }
}

export function findingToDiagnostic(finding: Finding, document: TextDocument, model?: DocumentModel): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, start: finding.start, end: finding.end };
  if (finding.fixes?.length) data.fixes = finding.fixes;
  if (model) {
    const ignore = suppressionFixes(model, finding);
    if (ignore.length) data.ignore = ignore;
  }
  if (finding.data) data.data = finding.data;
  return {
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
    severity: toLspSeverity(finding.severity),
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
    data,
  };
}

/** Diagnostics sent per document at most (the rest are counted in one summary diagnostic). */
export const DEFAULT_MAX_DIAGNOSTICS = 1000;
/** Diagnostic.code of the summary diagnostic of a document with more findings than are shown. */
export const MORE_CODE = 'more-findings';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * The diagnostics of a document's findings, at most `max` of them: with more findings, the most
 * severe `max` (in document order within a severity) are shown, in document order, followed by
 * one summary diagnostic at the first line that says how many more there are. Only the shown
 * findings are converted (positions, suppression fixes), so a document with 100,000 findings
 * costs what one with `max` does.
 */
export function findingsToDiagnostics(
  findings: readonly Finding[],
  document: TextDocument,
  model?: DocumentModel,
  max = DEFAULT_MAX_DIAGNOSTICS,
): Diagnostic[] {
  if (findings.length <= max) return findings.map((f) => findingToDiagnostic(f, document, model));
  const shown = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .slice(0, Math.max(0, max))
    .sort((a, b) => a.i - b.i)
    .map(({ f }) => findingToDiagnostic(f, document, model));
  shown.push(moreDiagnostic(findings.length - shown.length, shown.length, document));
  return shown;
}

/** The summary of the findings not sent: one Information at the first line. */
export function moreDiagnostic(hidden: number, shown: number, document: TextDocument): Diagnostic {
  const n = (x: number) => x.toLocaleString('en-US');
  return {
    range: firstLineRange(document),
    severity: DiagnosticSeverity.Information,
    code: MORE_CODE,
    source: SOURCE,
    message: `${n(hidden)} more findings not shown (${n(shown)} of ${n(hidden + shown)} shown, the most severe first); the caselint CLI lists them all.`,
  };
}

/** The range of the document's first line (where file-level messages go). */
export function firstLineRange(document: TextDocument): Diagnostic['range'] {
  const text = document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
  const length = text.replace(/\r?\n$|\r$/, '').length;
  return { start: { line: 0, character: 0 }, end: { line: 0, character: length } };
}

/** A configuration problem: one Error at the first line; the message names the file and the problem. */
export function configDiagnostic(message: string, document: TextDocument): Diagnostic {
  return { range: firstLineRange(document), severity: DiagnosticSeverity.Error, code: CONFIG_CODE, source: SOURCE, message };
}

/** The document was not checked (too large, binary): one Information at the first line. */
export function skippedDiagnostic(message: string, document: TextDocument): Diagnostic {
  return { range: firstLineRange(document), severity: DiagnosticSeverity.Information, code: SKIPPED_CODE, source: SOURCE, message };
}

/** Is this one of ours, with data the code actions can use? */
export function diagnosticData(d: Diagnostic): DiagnosticData | undefined {
  if (d.source !== SOURCE) return undefined;
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data !== 'object' || typeof data.ruleId !== 'string') return undefined;
  if (!Number.isInteger(data.start) || !Number.isInteger(data.end)) return undefined;
  return data as DiagnosticData;
}
