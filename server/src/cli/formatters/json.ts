import { countFindings, locate, type FileReport, type Formatter } from '../report';

/** ESLint's numeric severities: 2 error, 1 everything else (info and hint keep their name). */
export function eslintSeverity(severity: string): 1 | 2 {
  return severity === 'error' ? 2 : 1;
}

export interface JsonMessage {
  ruleId: string;
  severity: 1 | 2;
  /** The caselint severity, for info and hint findings (which ESLint's 1/2 cannot tell apart). */
  caselintSeverity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonFileResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  /** Warnings only (what --max-warnings counts); info and hint findings are in infoCount. */
  warningCount: number;
  infoCount: number;
}

export function toJsonResults(reports: FileReport[]): JsonFileResult[] {
  return reports.map((report) => {
    const c = countFindings(report.findings);
    return {
      filePath: report.filePath,
      messages: locate(report).map((f) => ({
        ruleId: f.ruleId,
        severity: eslintSeverity(f.severity),
        caselintSeverity: f.severity,
        message: f.message,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
      })),
      errorCount: c.errors,
      warningCount: c.warnings,
      infoCount: c.infos,
    };
  });
}

/** An ESLint-style JSON array, one entry per checked file (clean files included). */
export const json: Formatter = (reports) => `${JSON.stringify(toJsonResults(reports))}\n`;
