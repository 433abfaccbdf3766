/**
 * Pure helpers behind the checklist status-bar item and tree view: texts and icons (where a
 * missing section goes is the server's: InsertSectionRequest). No `vscode` import, so that
 * they are tested without an editor.
 */
import type { Checklist, ChecklistItem, CountCheck } from '../../server/src/lsp/protocol';

/** "CARE checklist" → "CARE"; other labels unchanged. */
export function shortProfileLabel(label: string): string {
  return label.replace(/\s+checklist$/i, '').trim() || label;
}

/** The status-bar text: "$(checklist) CARE 10/13". */
export function statusBarText(checklist: Checklist): string {
  return `$(checklist) ${shortProfileLabel(checklist.label)} ${checklist.done}/${checklist.total}`;
}

/** The status-bar tooltip: the count, what is missing or empty, then the words and counts ("Abstract 162/150 words"). */
export function statusBarTooltip(checklist: Checklist): string {
  const lines = [`${checklist.label}: ${checklist.done} of ${checklist.total} items present`];
  const missing = checklist.items.filter((i) => i.status === 'missing');
  const empty = checklist.items.filter((i) => i.status === 'empty');
  if (missing.length) lines.push(`Missing: ${missing.map((i) => i.label + (i.required ? '' : ' (optional)')).join(', ')}`);
  if (empty.length) lines.push(`Empty: ${empty.map((i) => i.label).join(', ')}`);
  for (const c of checklist.counts ?? []) lines.push(countLine(c));
  if (checklist.titleRule && checklist.titleRule.ok === false) lines.push(`${checklist.titleRule.text} (the profile asks ${checklist.titleRule.rule === 'require' ? 'for it' : 'to leave it out'})`);
  lines.push('Click to show the case report checklist.');
  return lines.join('\n');
}

/** One count as the tooltip shows it: "Abstract 162/150 words (over the limit)". */
export function countLine(c: CountCheck): string {
  const flag = c.status === 'over' ? ' (over the limit)' : c.status === 'under' ? ' (under the minimum)' : '';
  return `${c.text}${flag}`;
}

/** The grey text after a count's label in the view: "162/150 words" (its text without the label). */
export function countDescription(c: CountCheck): string {
  const rest = c.text.startsWith(c.label) ? c.text.slice(c.label.length).replace(/^:?\s*/, '') : c.text;
  return c.status === 'over' ? `${rest}, over the limit` : c.status === 'under' ? `${rest}, under the minimum` : rest;
}

/** Codicon and theme colour for a count: a warning when outside its limit. */
export function countIcon(c: Pick<CountCheck, 'status'>): { id: string; color?: string } {
  if (c.status === 'over' || c.status === 'under') return { id: 'warning', color: 'list.warningForeground' };
  if (c.status === 'ok') return { id: 'pass', color: 'testing.iconPassed' };
  return { id: 'symbol-number' };
}

export function countTooltip(c: CountCheck): string {
  const lines = [countLine(c)];
  if (c.source) lines.push(`Limit: ${c.source}`);
  else lines.push('No limit in this profile (set one with "limits" in the config).');
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
