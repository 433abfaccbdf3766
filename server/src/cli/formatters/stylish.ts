import { positionAt } from '../../checker';
import { plural, totalCounts, type Formatter } from '../report';

/**
 * Colours, as CLIs usually decide (Node's own rules): FORCE_COLOR wins ("0" or "false" turns
 * colours off; any other value, even empty, turns them on, also when stdout is a pipe); else
 * NO_COLOR set to anything but "" (no-color.org) or TERM=dumb turns them off; else colours on a
 * terminal only. A report written to a file (--output-file) is never coloured.
 */
export function useColor(env: Record<string, string | undefined>, isTTY: boolean, toFile = false): boolean {
  if (toFile) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/** A message on one line without its final full stop (the patterns run only where they can match). */
function oneLine(message: string): string {
  let m = message;
  if (m.includes('\n') || m.includes('\r')) m = m.replace(/\s*[\r\n]+\s*/g, ' ');
  return m.endsWith('.') ? m.replace(/([^ ])\.$/, '$1') : m;
}

const ESC = '\u001b[';
const paint = (on: boolean, open: string, close: string) => (s: string) => (on ? `${ESC}${open}m${s}${ESC}${close}m` : s);

/**
 * ESLint-style "stylish" output: the file path, then one line per finding
 * `line:col  severity  message  rule-id`, then "✖ N problems (E errors, W warnings)".
 * Prints nothing when there is nothing to report. Colours only when ctx.color is set.
 * The `caselint-stylish` problem matcher in package.json reads this format.
 */
export const stylish: Formatter = (reports, ctx) => {
  const underline = paint(ctx.color, '4', '24');
  const red = paint(ctx.color, '31', '39');
  const yellow = paint(ctx.color, '33', '39');
  const blue = paint(ctx.color, '34', '39');
  const dim = paint(ctx.color, '2', '22');
  const bold = paint(ctx.color, '1', '22');

  let out = '';
  for (const report of reports) {
    const { findings } = report;
    if (!findings.length) continue;
    // Only the start's line and column (one lookup in the model's line index), not locate()'s
    // copy of every finding with both ends: a CLI run prints about a thousand of them cold.
    const lineStarts = report.result.model.lineStarts;
    const pos: string[] = [];
    const msg: string[] = [];
    // Widths by a loop: Math.max(...rows) throws past ~125,000 findings.
    let wPos = 0;
    let wSev = 0;
    let wMsg = 0;
    for (const f of findings) {
      const at = positionAt(lineStarts, f.start);
      const p = `${at.line + 1}:${at.character + 1}`;
      const m = oneLine(f.message);
      pos.push(p);
      msg.push(m);
      if (p.length > wPos) wPos = p.length;
      if (f.severity.length > wSev) wSev = f.severity.length;
      if (m.length > wMsg) wMsg = m.length;
    }
    out += `\n${underline(report.displayPath)}\n`;
    for (let i = 0; i < findings.length; i++) {
      const sev = findings[i].severity;
      const color = sev === 'error' ? red : sev === 'warning' ? yellow : blue;
      out += `  ${dim(pos[i].padEnd(wPos))}  ${color(sev.padEnd(wSev))}  ${msg[i].padEnd(wMsg)}  ${dim(findings[i].ruleId)}\n`;
    }
  }
  const total = totalCounts(reports);
  const n = total.errors + total.warnings + total.infos;
  if (!n) return '';
  const parts = [plural(total.errors, 'error'), plural(total.warnings, 'warning')];
  if (total.infos) parts.push(`${total.infos} info`);
  const summary = `✖ ${plural(n, 'problem')} (${parts.join(', ')})`;
  const color = total.errors ? red : total.warnings ? yellow : blue;
  out += `\n${bold(color(summary))}\n`;
  return out;
};
