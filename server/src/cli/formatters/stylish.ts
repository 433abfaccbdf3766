import { locate, plural, totalCounts, type Formatter } from '../report';

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
    const found = locate(report);
    if (!found.length) continue;
    const rows = found.map((f) => ({
      pos: `${f.line}:${f.column}`,
      sev: f.severity,
      msg: f.message.replace(/\s*[\r\n]+\s*/g, ' ').replace(/([^ ])\.$/, '$1'),
      rule: f.ruleId,
    }));
    // Widths by a loop: Math.max(...rows) throws past ~125,000 findings.
    const w = { pos: 0, sev: 0, msg: 0 };
    for (const r of rows) {
      w.pos = Math.max(w.pos, r.pos.length);
      w.sev = Math.max(w.sev, r.sev.length);
      w.msg = Math.max(w.msg, r.msg.length);
    }
    out += `\n${underline(report.displayPath)}\n`;
    for (const r of rows) {
      const color = r.sev === 'error' ? red : r.sev === 'warning' ? yellow : blue;
      out += `  ${dim(r.pos.padEnd(w.pos))}  ${color(r.sev.padEnd(w.sev))}  ${r.msg.padEnd(w.msg)}  ${dim(r.rule)}\n`;
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
