/**
 * Pure helpers behind the checklist status-bar item and tree view: texts, icons, and where to
 * insert a missing section. No `vscode` import, so that they are tested without an editor.
 */
import type { Checklist, ChecklistItem } from '../../server/src/checker';

/** How headings are written: Markdown (also Quarto, R Markdown), LaTeX, or plain-text capitals. */
export type HeadingFormat = 'markdown' | 'latex' | 'plaintext';

export function headingFormatFor(languageId: string): HeadingFormat {
  if (languageId === 'latex' || languageId === 'tex') return 'latex';
  if (languageId === 'plaintext') return 'plaintext';
  return 'markdown';
}

/** "CARE checklist" → "CARE"; other labels unchanged. */
export function shortProfileLabel(label: string): string {
  return label.replace(/\s+checklist$/i, '').trim() || label;
}

/** The status-bar text: "$(checklist) CARE 10/13". */
export function statusBarText(checklist: Checklist): string {
  return `$(checklist) ${shortProfileLabel(checklist.label)} ${checklist.done}/${checklist.total}`;
}

/** The status-bar tooltip: the count, then what is missing or empty. */
export function statusBarTooltip(checklist: Checklist): string {
  const lines = [`${checklist.label}: ${checklist.done} of ${checklist.total} items present`];
  const missing = checklist.items.filter((i) => i.status === 'missing');
  const empty = checklist.items.filter((i) => i.status === 'empty');
  if (missing.length) lines.push(`Missing: ${missing.map((i) => i.label + (i.required ? '' : ' (optional)')).join(', ')}`);
  if (empty.length) lines.push(`Empty: ${empty.map((i) => i.label).join(', ')}`);
  lines.push('Click to show the case report checklist.');
  return lines.join('\n');
}

/** Codicon and theme colour for an item's status. */
export function itemIcon(item: Pick<ChecklistItem, 'status' | 'required'>): { id: string; color?: string } {
  switch (item.status) {
    case 'present':
      return { id: 'pass', color: 'testing.iconPassed' };
    case 'empty':
      return { id: 'warning', color: 'list.warningForeground' };
    default:
      return item.required ? { id: 'error', color: 'list.errorForeground' } : { id: 'circle-large-outline' };
  }
}

/** The grey text after an item's label. */
export function itemDescription(item: ChecklistItem): string {
  switch (item.status) {
    case 'present':
      return item.detail ?? 'present';
    case 'empty':
      return item.detail ? `empty: ${item.detail}` : 'empty';
    default:
      return item.required ? 'missing' : 'missing (optional)';
  }
}

export function itemTooltip(item: ChecklistItem): string {
  const state = item.status === 'present' ? 'Present' : item.status === 'empty' ? 'Present but empty' : 'Missing';
  const lines = [`${item.label}${item.required ? '' : ' (optional)'}: ${state}`];
  if (item.detail) lines.push(item.detail);
  lines.push(item.status === 'missing' ? 'Click to insert the section heading.' : 'Click to go to it.');
  return lines.join('\n');
}

export interface Insertion {
  offset: number;
  newText: string;
}

function lineStartOf(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const i = text.lastIndexOf('\n', Math.min(offset, text.length) - 1);
  return i < 0 ? 0 : i + 1;
}

function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}

function headingText(format: HeadingFormat, label: string, neighbourLine: string | undefined): string {
  if (format === 'latex') {
    const m = neighbourLine ? /^\s*\\(section|subsection|subsubsection|chapter)\*?\s*[{[]/.exec(neighbourLine) : null;
    const starred = neighbourLine ? /^\s*\\[a-z]+\*/.test(neighbourLine) : false;
    return `\\${m ? m[1] : 'section'}${starred ? '*' : ''}{${label}}`;
  }
  if (format === 'plaintext') return label.toUpperCase();
  const m = neighbourLine ? /^ {0,3}(#{1,6})(?:\s|$)/.exec(neighbourLine) : null;
  return `${m ? m[1] : '##'} ${label}`;
}

/**
 * Where and what to insert for a missing checklist item: its heading goes before the first
 * present item that follows it in the profile's order (at the start of that heading's line, with
 * the same heading level), else at the end of the document (before `\end{document}` in LaTeX).
 * `items` are in profile order; `start` offsets are UTF-16 offsets into `text`.
 */
export function sectionInsertion(text: string, format: HeadingFormat, items: readonly ChecklistItem[], itemId: string): Insertion | undefined {
  const index = items.findIndex((i) => i.id === itemId);
  if (index < 0) return undefined;
  const item = items[index];
  const located = (i: ChecklistItem) => i.status !== 'missing' && typeof i.start === 'number' && i.start >= 0 && i.start <= text.length;
  const next = items.slice(index + 1).find(located);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (next) {
    const offset = lineStartOf(text, next.start!);
    return { offset, newText: headingText(format, item.label, lineAt(text, offset)) + eol + eol };
  }
  const prev = items.slice(0, index).reverse().find(located);
  const neighbour = prev ? lineAt(text, lineStartOf(text, prev.start!)) : undefined;
  const heading = headingText(format, item.label, neighbour);
  let offset = text.length;
  if (format === 'latex') {
    const end = text.lastIndexOf('\\end{document}');
    if (end >= 0) {
      const ls = lineStartOf(text, end);
      offset = /^\s*$/.test(text.slice(ls, end)) ? ls : end;
    }
  }
  const before = text.slice(0, offset);
  let lead = '';
  if (before.length > 0) {
    if (!before.endsWith('\n')) lead = eol + eol;
    else if (!/\n[ \t]*\r?\n$/.test(before)) lead = eol;
  }
  return { offset, newText: lead + heading + eol + eol };
}
