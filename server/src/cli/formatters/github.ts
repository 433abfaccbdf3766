import { locate, type Formatter } from '../report';
import type { Severity } from '../../checker';

/** Workflow-command data escaping: %, CR, LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property escaping: data escaping plus ':' and ','. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubCommand(severity: Severity): 'error' | 'warning' | 'notice' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
}

/**
 * GitHub Actions workflow commands, one line per finding:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=caselint(rule-id)::message`
 * (warning, or notice for info and hint). Paths are relative to the current directory, which in
 * a workflow is the checked-out repository.
 */
export const github: Formatter = (reports) => {
  let out = '';
  for (const report of reports) {
    for (const f of locate(report)) {
      const props = [
        `file=${escapeProperty(report.displayPath)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`caselint(${f.ruleId})`)}`,
      ];
      out += `::${githubCommand(f.severity)} ${props.join(',')}::${escapeData(f.message)}\n`;
    }
  }
  return out;
};
