import type { TableCell } from '../../types';
import type { RawTable } from '../blocks';
import { plainSpanToSource, type PlainBuilder } from '../text';

/**
 * LaTeX tables: a tabular body split into rows (on \\ and \tabularnewline) and cells (on &), both
 * at brace depth 0, each cell scanned like text with its source offsets; and the link from a
 * float's \caption to the tables of the same float.
 */

/** What table reading needs from the scanner. */
export interface CellSource {
  readonly text: string;
  /** Scans source[from, to) into a fresh builder, as the text of an argument. */
  scanInto(from: number, to: number, recordComments?: boolean): PlainBuilder;
  /** Records the % comment at i; returns the end of its line. */
  comment(i: number): number;
  /** End (after the closer) of the balanced group opening at p, or -1. */
  groupEnd(p: number, open?: string, close?: string): number;
  skipSpaces(p: number, end?: number): number;
}

/** A table or figure environment being read. */
export interface Float {
  captionIndex?: number;
  tables: RawTable[];
}

/** The table of a tabular body source[bodyStart, bodyEnd); the environment spans [start, end). */
export function readTable(s: CellSource, rowEnds: readonly string[], start: number, end: number, bodyStart: number, bodyEnd: number): RawTable {
  const cellRows: TableCell[][] = [];
  for (const row of splitRows(s, rowEnds, bodyStart, bodyEnd)) {
    const cells = row.map(([a, b]) => cell(s, a, b));
    if (cells.every((c) => !c.text) && cells.length <= 1) continue;
    cellRows.push(cells);
  }
  return { start, end, header: cellRows[0] ?? [], rows: cellRows.slice(1) };
}

/** At the end of a float: its caption (if any) is the caption of its tables that have none. */
export function linkCaption(f: Float | undefined): void {
  if (f && f.captionIndex !== undefined) {
    for (const t of f.tables) if (t.captionIndex === undefined) t.captionIndex = f.captionIndex;
  }
}

/** The row-end command starting right after the backslash at k, or undefined. */
function rowEndAt(text: string, rowEnds: readonly string[], k: number): string | undefined {
  for (const name of rowEnds) if (text.startsWith(name, k + 1)) return name;
  return undefined;
}

/** Rows and cells of a tabular body: [start, end) ranges split on row ends and & at brace depth 0. */
function splitRows(s: CellSource, rowEnds: readonly string[], from: number, to: number): [number, number][][] {
  const text = s.text;
  const rows: [number, number][][] = [];
  let row: [number, number][] = [];
  let cellStart = from;
  let depth = 0;
  for (let k = from; k < to; k++) {
    const ch = text[k];
    if (ch === '%') {
      k = Math.min(to, s.comment(k)) - 1;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === '&' && depth === 0) {
      row.push([cellStart, k]);
      cellStart = k + 1;
    } else if (ch === '\\') {
      const rowEnd = depth === 0 ? rowEndAt(text, rowEnds, k) : undefined;
      if (rowEnd !== undefined) {
        row.push([cellStart, k]);
        rows.push(row);
        row = [];
        let p = k + 1 + rowEnd.length;
        if (text[p] === '*') p++;
        if (text[p] === '[') {
          const ge = s.groupEnd(p, '[', ']');
          if (ge > 0) p = ge;
        }
        cellStart = p;
        k = p - 1;
      } else {
        k++;
      }
    }
  }
  row.push([cellStart, to]);
  rows.push(row);
  return rows;
}

function cell(s: CellSource, from: number, to: number): TableCell {
  const b = s.scanInto(from, to, false);
  const lead = b.plain.length - b.plain.trimStart().length;
  const trail = b.plain.trimEnd().length;
  const text = b.plain.trim().replace(/\s+/g, ' ');
  if (!text) {
    const at = s.skipSpaces(from, to);
    return { start: at, end: at, text: '' };
  }
  return { ...plainSpanToSource({ segments: b.segments, start: from, end: to }, lead, trail), text };
}
