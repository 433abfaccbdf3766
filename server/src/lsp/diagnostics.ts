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

export function findingsToDiagnostics(findings: readonly Finding[], document: TextDocument, model?: DocumentModel): Diagnostic[] {
  return findings.map((f) => findingToDiagnostic(f, document, model));
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
