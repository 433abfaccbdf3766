import type { Rule } from '../analysis/rule';
import type { Table, TableCell } from '../types';
import { containsPlaceholder } from '../analysis/placeholders';
import {
  EMPTY_VALUES,
  SIDE_VALUES,
  isEvokedPotentialTable,
  isNcsOrEmgTable,
  measureOf,
  readColumns,
  readRow,
  tableStudy,
  unitFits,
  valueUnit,
  type ColumnInfo,
  type Quantity,
  type RowInfo,
} from '../analysis/ncs';
import { plausibleRange, SPONTANEOUS_ACTIVITY_MAX_GRADE } from '../analysis/ncs-ranges';

/**
 * Nerve conduction (NCS) and needle EMG tables: numeric columns hold numbers in the column's
 * unit, within plausible ranges on both sides (per nerve, study and stimulation site where they
 * differ: analysis/ncs-ranges.ts), sides are L/R/Left/Right/Bilateral, numeric headers carry
 * their unit, and spontaneous activity is graded 0 to 4+. The ranges catch slips (a minus sign,
 * a misplaced decimal point, a value in the wrong column or unit), not abnormal findings.
 */

const NUMBER = /^([<>≤≥~]|&lt;|&gt;)?\s*([-−–]?)\s*(\d+(?:[.,]\d+)?|[.,]\d+)\s*(.*)$/u;
/** A spontaneous-activity grade: "0", "2+", "4+", "+2", and the slips "6+", "+6", "-2". */
const GRADE = /^([-−–])?\s*\+?\s*(\d{1,2})\s*(\+?)$/;
/** A grade written as pluses: "+" to "++++"; "+++++" is a slip. */
const PLUSES = /^\+{5,}$/;

function isNumberish(text: string): boolean {
  const m = NUMBER.exec(text.trim());
  return !!m && (m[4] === '' || /^[a-zµ/%]{1,4}$/i.test(m[4]) || valueUnit(m[4]) !== undefined);
}

export const emgTable: Rule = {
  id: 'emg-table',
  description: 'Nerve conduction and EMG tables hold plausible numbers in their columns\' units, valid sides and grades.',
  howToFix: 'Give each value as a positive number in the column\'s unit and within physiological limits (or NR for no response), with the unit in the column header.',
  defaultSeverity: 'warning',
  *check(ctx) {
    const report = ctx.report.bind(ctx);
    const source = ctx.doc.text;
    /** A cell as the writer wrote it when the plain text lost part of it (LaTeX math: `$\mu$V`). */
    const written = (c: TableCell): TableCell => (c.text.includes('[math]') ? { ...c, text: source.slice(c.start, c.end) } : c);
    for (const table of ctx.doc.tables) {
      yield; // a step per table (steps.ts)
      // A table's findings are a function of the table (its cells, source and caption) alone (ctx.block).
      ctx.block(table, '', () => checkTable(table));
    }

    function checkTable(table: Table): void {
      if (!isNcsOrEmgTable(table, ctx.doc.text)) return;
      const columns = readColumns(table, ctx.doc.text);
      const study = tableStudy(table, columns);
      const evoked = isEvokedPotentialTable(table);
      const rows = table.rows.map((r) => readRow(r, columns, study, evoked));
      for (const col of columns) {
        const header = written(table.header[col.index]);
        if (col.side) {
          for (const row of table.rows) checkSide(report, row[col.index]);
          continue;
        }
        if (col.grade) {
          for (const row of table.rows) checkGrade(report, row[col.index], header.text.trim());
          continue;
        }
        if (!col.quantity) continue;
        const cells = table.rows.map((r, i) => [r[col.index], rows[i]] as const).filter((c): c is readonly [TableCell, RowInfo] => !!c[0]);
        const filled = cells.filter(([c]) => !EMPTY_VALUES.test(c.text.trim()) && !containsPlaceholder(c.text));
        const numeric = filled.filter(([c]) => isNumberish(c.text));
        if (!col.unit) {
          // A qualitative column ("MUAP amplitude: normal / increased") needs no unit.
          if (numeric.length === 0 || numeric.length * 2 < filled.length) continue;
          report({
            start: header.start,
            end: Math.max(header.start, header.end),
            message: `Column "${header.text}" holds numbers but names no unit: add it, e.g. "${header.text} (${defaultUnit(col.quantity)})".`,
            data: { kind: 'missing-unit', quantity: col.quantity },
          });
        }
        for (const [cell, row] of filled) checkValue(report, written(cell), header.text, col, row);
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

function checkGrade(report: ReportFn, cell: TableCell | undefined, header: string): void {
  if (!cell) return;
  const t = cell.text.trim();
  const m = GRADE.exec(t);
  if (!PLUSES.test(t) && (!m || (!m[1] && Number(m[2]) <= SPONTANEOUS_ACTIVITY_MAX_GRADE))) return;
  report({
    start: cell.start,
    end: Math.max(cell.start, cell.end),
    message: `Grade "${t}" in column "${header}" is out of range: spontaneous activity is graded 0 to 4+.`,
    data: { kind: 'grade', value: t },
  });
}

function checkValue(report: ReportFn, cell: TableCell, header: string, col: ColumnInfo, row: RowInfo): void {
  const t = cell.text.trim();
  const at = { start: cell.start, end: Math.max(cell.start, cell.end) };
  const m = NUMBER.exec(t);
  const unitWritten = m && m[4] !== '' ? valueUnit(m[4]) : undefined;
  if (!m || (m[4] !== '' && !unitWritten)) {
    report({
      ...at,
      message: `"${t}" in column "${header}" is not a number: write the value${col.unit ? ` in ${col.unit}` : ''}, or NR for no response.`,
      data: { kind: 'not-a-number', value: t },
    });
    return;
  }
  if (unitWritten && col.unit && unitWritten !== col.unit) {
    report({
      ...at,
      message: `"${t}" is in ${unitWritten} but column "${header}" is in ${col.unit}: ${unitFits(unitWritten, col.quantity!) ? `convert it to ${col.unit}` : 'move it to its column'} or correct the header.`,
      data: { kind: 'unit-mismatch', value: t, unit: unitWritten, columnUnit: col.unit },
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
  const unit = col.unit ?? (unitWritten && unitFits(unitWritten, col.quantity!) ? unitWritten : undefined);
  if (!unit) return;
  const range = plausibleRange(measureOf(col, row, unit));
  if (!range) return;
  const shown = t.replace(/\s*(?:ms|msec|m\/s|m\/sec|mV|[µμu]V|cm|mm)$/i, '');
  if (value >= range.max) {
    report({
      ...at,
      message: `${capital(range.what)} "${shown}" ${unit} is not physiologically possible (expected under ${range.max} ${unit}): check the value, its decimal point and its column.`,
      data: { kind: 'out-of-range', value: t, max: range.max, unit },
    });
  } else if (value < range.min && !/^[<≤~]|^&lt;/.test(m[1] ?? '')) {
    report({
      ...at,
      message: `${capital(range.what)} "${shown}" ${unit} is implausibly low (expected at least ${range.min} ${unit}): check the value, its decimal point and its column.`,
      data: { kind: 'out-of-range', value: t, min: range.min, unit },
    });
  }
}

const PLURAL: Record<Quantity, string> = { latency: 'latencies', amplitude: 'amplitudes', velocity: 'conduction velocities', distance: 'distances', duration: 'durations' };

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
