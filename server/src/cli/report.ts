import { hintedPositions, type CaselintConfig, type CheckResult, type Finding, type Severity } from '../checker';

/** One checked file, as the formatters see it. */
export interface FileReport {
  /** Absolute path, or "<stdin>" for --stdin without --stdin-filename. */
  filePath: string;
  /** Path relative to cwd with forward slashes (absolute when outside cwd). */
  displayPath: string;
  result: CheckResult;
  /** The findings to report (after --quiet), in document order. */
  findings: Finding[];
  /** The config the file was checked with (file config merged with the command line). */
  config: CaselintConfig;
}

/** A finding with 1-based line and column (columns in UTF-16 code units). */
export interface LocatedFinding extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function locate(report: FileReport): LocatedFinding[] {
  // Findings come in document order: most positions are on the line of the one before.
  const positionOf = hintedPositions(report.result.model.lineStarts);
  return report.findings.map((f) => {
    const s = positionOf(f.start);
    const e = positionOf(f.end);
    return { ...f, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  });
}

export interface Counts {
  errors: number;
  warnings: number;
  /** info and hint findings. */
  infos: number;
}

export function countFindings(findings: readonly { severity: Severity }[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}

export function totalCounts(reports: readonly FileReport[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const r of reports) {
    const one = countFindings(r.findings);
    c.errors += one.errors;
    c.warnings += one.warnings;
    c.infos += one.infos;
  }
  return c;
}

export interface FormatContext {
  cwd: string;
  /** ANSI colours (stylish only): stdout is a TTY, NO_COLOR unset, no --output-file. */
  color: boolean;
  version: string;
}

export type Formatter = (reports: FileReport[], ctx: FormatContext) => string;

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}
