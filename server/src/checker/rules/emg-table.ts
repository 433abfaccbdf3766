import type { Rule } from './rule';
import type { Table, TableCell } from '../types';
import { containsPlaceholder } from '../analysis/placeholders';

/**
 * Nerve conduction (NCS) and needle EMG tables: numeric columns hold numbers, values are
 * positive and physiologically possible, sides are L/R/Left/Right/Bilateral, and numeric
 * headers carry their unit. Bounds are deliberately generous: they catch slips (a minus sign,
 * a misplaced decimal point, a value in the wrong column), not abnormal findings.
 */

export type Quantity = 'latency' | 'amplitude' | 'velocity' | 'distance' | 'duration';
export type Unit = 'ms' | 'mV' | 'µV' | 'm/s' | 'cm' | 'mm';

/** Upper bounds (exclusive) per quantity and unit; values must also be > 0. */
export const BOUNDS: Record<Quantity, Partial<Record<Unit, number>>> = {
  latency: { ms: 100 },
  duration: { ms: 100 },
  velocity: { 'm/s': 100 },
  amplitude: { mV: 100, 'µV': 1000 },
  distance: { cm: 100, mm: 1000 },
};
/** MUAP amplitudes are larger than SNAPs: up to 100 mV / 100 000 µV is accepted. */
const MUAP_AMPLITUDE_BOUNDS: Partial<Record<Unit, number>> = { mV: 100, 'µV': 100000 };

const TABLE_WORDS =
  /\b(?:nerve conduction|conduction stud(?:y|ies)|NCS|NCV|EMG|ENMG|electromyograph\w*|electroneurograph\w*|CMAP|SNAP|MUAPs?|F[- ]?waves?|fibrillations?|positive sharp waves?|conduction velocity)\b/i;

/** Units as written in headers: "(ms)", "[mV]", "µV", "uV", "$\mu$V", "\si{\micro\volt}", "m/s", "m s-1". */
export function headerUnit(header: string): Unit | undefined {
  const h = header.replace(/\$\\mu\$|\\textmu(?:\{\})?\s*|\\micro|\u03bc/g, 'µ').replace(/\\volt/g, 'V').replace(/\\metre|\\meter/g, 'm').replace(/\\per\\second|\/\\second/g, '/s').replace(/\\milli\\second/g, 'ms');
  if (/m\s*\/\s*s(?:ec)?\b|m\s*s\s*[-\u2212]\s*1|\bm\s*·\s*s/i.test(h)) return 'm/s';
  if (/(?:^|[\s(\[,])(?:µ|u)V\b/.test(h) || /µV/.test(h)) return 'µV';
  if (/(?:^|[\s(\[,])mV\b/.test(h)) return 'mV';
  if (/(?:^|[\s(\[,])(?:ms|msec)\b/.test(h) || /\\milli\\second|\bms\)/.test(h)) return 'ms';
  if (/(?:^|[\s(\[,])cm\b/.test(h)) return 'cm';
  if (/(?:^|[\s(\[,])mm\b/.test(h)) return 'mm';
  return undefined;
}

export function headerQuantity(header: string): Quantity | undefined {
  const h = header.toLowerCase();
  if (/velocit|\bn?cv\b|m\s*\/\s*s/.test(h)) return 'velocity';
  if (/latenc|\blat\b|\bdl\b|\bdml\b|\bdsl\b|\bf[- ]?wave|\bonset\b|\bpeak\b/.test(h)) return 'latency';
  if (/amplitude|\bamp\b|\bamp\.|\bcmap\b|\bsnap\b/.test(h)) return 'amplitude';
  if (/duration|\bdur\b/.test(h)) return 'duration';
  if (/distance|\bdist\b/.test(h)) return 'distance';
  const unit = headerUnit(header);
  if (unit === 'ms') return 'latency';
  if (unit === 'mV' || unit === 'µV') return 'amplitude';
  if (unit === 'm/s') return 'velocity';
  return undefined;
}

const SIDE_HEADER = /^(?:side|laterality|l\s*\/\s*r)$/i;
const SIDE_VALUES = /^(?:l|r|lt|rt|left|right|bilateral|bilat\.?|b|both|l\s*\/\s*r|l\s*\+\s*r|r\s*\/\s*l)$/i;
/** Cells that say "no value" in a numeric column. */
const EMPTY_VALUES = /^(?:|nr|n\/r|nt|n\/t|n\/a|na|ne|absent|no response|—|–|-|--|---|\.\.\.|…)$/i;
const NUMBER = /^([<>≤≥~]|&lt;|&gt;)?\s*([-−–]?)\s*(\d+(?:[.,]\d+)?|[.,]\d+)\s*(.*)$/u;

export interface ColumnInfo {
  index: number;
  quantity?: Quantity;
  unit?: Unit;
  side?: boolean;
  muap?: boolean;
}

/** A header's unit from its plain text, else from its source (LaTeX math such as `($\mu$V)`). */
function cellUnit(text: string, cell: TableCell): Unit | undefined {
  return headerUnit(cell.text) ?? headerUnit(text.slice(cell.start, cell.end));
}

export function isNcsOrEmgTable(table: Table, text = ''): boolean {
  const head = table.header.map((c) => c.text).join(' | ');
  const caption = table.caption?.plain ?? '';
  if (TABLE_WORDS.test(head) || TABLE_WORDS.test(caption)) return true;
  return table.header.some((c) => {
    const u = cellUnit(text, c);
    return u === 'ms' || u === 'mV' || u === 'µV' || u === 'm/s';
  });
}

function isNumberish(text: string): boolean {
  const m = NUMBER.exec(text.trim());
  return !!m && (m[4] === '' || /^[a-zµ/%]{1,4}$/i.test(m[4]));
}

export const emgTable: Rule = {
  id: 'emg-table',
  description: 'Nerve conduction and EMG tables hold positive, possible numbers with units, and valid sides.',
  howToFix: 'Give each value as a positive number within physiological limits (or NR for no response), with its unit in the column header.',
  defaultSeverity: 'warning',
  check(ctx) {
    for (const table of ctx.doc.tables) {
      if (!isNcsOrEmgTable(table, ctx.doc.text)) continue;
      const columns: ColumnInfo[] = table.header.map((c, index) => {
        const text = c.text.trim();
        if (SIDE_HEADER.test(text)) return { index, side: true };
        return { index, quantity: index > 0 ? headerQuantity(text) : undefined, unit: cellUnit(ctx.doc.text, c), muap: /\bMUAPs?\b|motor unit/i.test(text) };
      });
      for (const col of columns) {
        if (col.side) {
          for (const row of table.rows) checkSide(ctx.report.bind(ctx), row[col.index]);
          continue;
        }
        if (!col.quantity) continue;
        const cells = table.rows.map((r) => r[col.index]).filter((c): c is TableCell => !!c);
        const filled = cells.filter((c) => !EMPTY_VALUES.test(c.text.trim()) && !containsPlaceholder(c.text));
        const numeric = filled.filter((c) => isNumberish(c.text));
        const header = table.header[col.index];
        if (!col.unit) {
          // A qualitative column ("MUAP amplitude: normal / increased") needs no unit.
          if (numeric.length === 0 || numeric.length * 2 < filled.length) continue;
          ctx.report({
            start: header.start,
            end: Math.max(header.start, header.end),
            message: `Column "${header.text}" holds numbers but names no unit: add it, e.g. "${header.text} (${defaultUnit(col.quantity)})".`,
            data: { kind: 'missing-unit', quantity: col.quantity },
          });
        }
        for (const cell of filled) checkValue(ctx.report.bind(ctx), cell, header.text, col);
      }
    }
  },
};

function defaultUnit(q: Quantity): string {
  return q === 'velocity' ? 'm/s' : q === 'amplitude' ? 'mV or µV' : q === 'distance' ? 'cm' : 'ms';
}

type ReportFn = (r: { start: number; end: number; message: string; data?: Record<string, unknown> }) => void;

function checkSide(report: ReportFn, cell: TableCell | undefined): void {
  if (!cell) return;
  const t = cell.text.trim();
  if (!t || EMPTY_VALUES.test(t) || SIDE_VALUES.test(t) || containsPlaceholder(t)) return;
  report({
    start: cell.start,
    end: Math.max(cell.start, cell.end),
    message: `Side "${t}" is not one of L, R, Left, Right or Bilateral.`,
    data: { kind: 'side', value: t },
  });
}

function checkValue(report: ReportFn, cell: TableCell, header: string, col: ColumnInfo): void {
  const t = cell.text.trim();
  const at = { start: cell.start, end: Math.max(cell.start, cell.end) };
  const m = NUMBER.exec(t);
  if (!m || (m[4] !== '' && !unitMatches(m[4], col.unit))) {
    report({
      ...at,
      message: `"${t}" in column "${header}" is not a number: write the value${col.unit ? ` in ${col.unit}` : ''}, or NR for no response.`,
      data: { kind: 'not-a-number', value: t },
    });
    return;
  }
  const value = Number(m[3].replace(',', '.'));
  if (m[2]) {
    report({ ...at, message: `${capital(col.quantity!)} "${t}" is negative: ${PLURAL[col.quantity!]} are positive.`, data: { kind: 'negative', value: t } });
    return;
  }
  if (value === 0 && !m[1]) {
    report({ ...at, message: `${capital(col.quantity!)} "${t}" is zero: write NR if there was no response.`, data: { kind: 'zero', value: t } });
    return;
  }
  const unit = col.unit;
  if (!unit) return;
  const bounds = col.quantity === 'amplitude' && col.muap ? MUAP_AMPLITUDE_BOUNDS : BOUNDS[col.quantity!];
  const max = bounds[unit];
  if (max !== undefined && value >= max) {
    report({
      ...at,
      message: `${capital(col.quantity!)} "${t}" ${unit} is not physiologically possible (expected under ${max} ${unit}): check the value, its decimal point and its column.`,
      data: { kind: 'out-of-range', value: t, max, unit },
    });
  }
}

function unitMatches(suffix: string, unit: Unit | undefined): boolean {
  const s = suffix.trim().replace(/^u/, 'µ');
  return !!unit && s.toLowerCase() === unit.toLowerCase();
}

const PLURAL: Record<Quantity, string> = { latency: 'latencies', amplitude: 'amplitudes', velocity: 'conduction velocities', distance: 'distances', duration: 'durations' };

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
