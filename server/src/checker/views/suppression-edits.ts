import { computeLineStarts, positionAt, suppressionComment } from '../model';
import type { DocumentModel, Finding, Fix, Format, OffsetEdit } from '../types';

/**
 * Suppression fixes: the offset edits that silence one rule on a finding's line or in the
 * whole file, by inserting the comments the engine understands. Pure; the LSP layer turns
 * them into "Ignore <rule> on this line" / "Ignore <rule> in this file" code actions.
 *
 * Markdown (also Quarto, R Markdown):
 * - on this line: `<!-- caselint-disable-next-line rule-id -->` on its own line above the
 *   finding's line, when that line starts a block (a heading, or the first line of a prose
 *   paragraph). Where a line of its own would change the document's structure (a paragraph's
 *   continuation line, a list item, a blockquote) the comment goes at the end of the line
 *   instead, as `<!-- caselint-disable-line rule-id -->`; a finding inside a table gets a
 *   `caselint-disable` / `caselint-enable` pair around the table (a comment line would end it).
 * - in this file: `<!-- caselint-disable rule-id -->` at the top, after any front matter.
 *
 * LaTeX: `% caselint-disable-next-line rule-id` above the line (a comment line never splits a
 * paragraph), `% caselint-disable rule-id` at the top of the file.
 *
 * Plain text has no comment syntax: no suppression fixes (use the config's `rules` instead).
 * The comment syntax itself is `suppressionComment` (model/suppressions.ts).
 */

export type SuppressionScope = 'line' | 'file';

interface TextInfo {
  text: string;
  format: Format;
  lineStarts: number[];
  model?: DocumentModel;
}

function info(modelOrText: DocumentModel | string, format?: Format): TextInfo {
  if (typeof modelOrText === 'string') {
    return { text: modelOrText, format: format ?? 'markdown', lineStarts: computeLineStarts(modelOrText) };
  }
  return { text: modelOrText.text, format: modelOrText.format, lineStarts: modelOrText.lineStarts, model: modelOrText };
}

function lineBounds(t: TextInfo, line: number): { start: number; end: number; next: number } {
  const start = t.lineStarts[line];
  const next = line + 1 < t.lineStarts.length ? t.lineStarts[line + 1] : t.text.length;
  let end = next;
  while (end > start && (t.text[end - 1] === '\n' || t.text[end - 1] === '\r')) end--;
  return { start, end, next };
}

function eol(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** Edits that make the finding's rule silent on the finding's line, or undefined if impossible there. */
export function ignoreLineEdits(modelOrText: DocumentModel | string, ruleId: string, offset: number, format?: Format): OffsetEdit[] | undefined {
  const t = info(modelOrText, format);
  const nl = eol(t.text);
  const { line } = positionAt(t.lineStarts, Math.min(Math.max(0, offset), t.text.length));
  const bounds = lineBounds(t, line);
  const lineText = t.text.slice(bounds.start, bounds.end);
  const indent = /^[ \t]*/.exec(lineText)![0];
  const m = t.model;

  if (t.format === 'latex') {
    return [{ start: bounds.start, end: bounds.start, newText: `${indent}${suppressionComment('latex', 'disable-next-line', ruleId)}${nl}` }];
  }
  if (t.format !== 'markdown') return undefined;

  // Front matter and code blocks: a comment there would be YAML or code, not a comment.
  if (m?.frontMatter && offset < m.frontMatter.end) return undefined;
  if (m?.codeBlocks.some((c) => offset >= c.start && offset < c.end)) return undefined;

  const table = m?.tables.find((tb) => offset >= tb.start && offset <= tb.end);
  if (table) {
    const tStart = positionAt(t.lineStarts, table.start).line;
    const tEnd = positionAt(t.lineStarts, table.end).line;
    const first = lineBounds(t, tStart);
    const last = lineBounds(t, tEnd);
    const tIndent = /^[ \t]*/.exec(t.text.slice(first.start, first.end))![0];
    return [
      { start: first.start, end: first.start, newText: `${tIndent}${suppressionComment('markdown', 'disable', ruleId)}${nl}${nl}` },
      { start: last.end, end: last.end, newText: `${nl}${nl}${tIndent}${suppressionComment('markdown', 'enable', ruleId)}` },
    ];
  }

  const heading = m?.headings.find((h) => offset >= h.start && offset <= h.end);
  const para = heading ? undefined : m?.paragraphs.find((p) => offset >= p.start && offset <= p.end);
  let ownLine = true;
  if (para) {
    const paraLine = positionAt(t.lineStarts, para.start).line;
    ownLine = para.kind !== 'list-item' && !para.quoted && paraLine === line;
  } else if (!heading && m) {
    // Outside any block we know: safe only when the line above is blank (or there is none).
    ownLine = line === 0 || !t.text.slice(...spanOf(lineBounds(t, line - 1))).trim();
  }
  if (ownLine && indent.length < 4) {
    return [{ start: bounds.start, end: bounds.start, newText: `${indent}${suppressionComment('markdown', 'disable-next-line', ruleId)}${nl}` }];
  }
  return [{ start: bounds.end, end: bounds.end, newText: ` ${suppressionComment('markdown', 'disable-line', ruleId)}` }];
}

function spanOf(b: { start: number; end: number }): [number, number] {
  return [b.start, b.end];
}

/**
 * Edits that make the rule silent in the whole file, or undefined when the format has no comments.
 * Markdown: after the front matter (a finding inside the front matter, such as one anchored at a
 * front-matter title, stays: the engine's `disable` covers what follows the comment).
 */
export function ignoreFileEdits(modelOrText: DocumentModel | string, ruleId: string, format?: Format): OffsetEdit[] | undefined {
  const t = info(modelOrText, format);
  const nl = eol(t.text);
  const comment = suppressionComment(t.format, 'disable', ruleId);
  if (!comment) return undefined;
  const at = t.format === 'markdown' ? frontMatterEnd(t) : 0;
  const rest = t.text.slice(at);
  // A blank line after the comment keeps the next block apart (an HTML block would swallow it otherwise).
  const after = t.format === 'markdown' && !/^\s*\r?\n/.test(rest) ? nl : '';
  return [{ start: at, end: at, newText: `${comment}${nl}${after}` }];
}

function frontMatterEnd(t: TextInfo): number {
  if (t.model) return t.model.frontMatter?.end ?? 0;
  const m = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(t.text);
  return m ? m[0].length : 0;
}

/** Where the file-level comment goes; a finding before it cannot be silenced that way. */
export function fileSuppressionOffset(model: DocumentModel): number {
  return model.format === 'markdown' ? model.frontMatter?.end ?? 0 : 0;
}

/**
 * The two suppression fixes for a finding ("Ignore <rule> on this line", "Ignore <rule> in this
 * file"), leaving out those the format or the finding's place does not allow.
 */
export function suppressionFixes(model: DocumentModel, finding: Pick<Finding, 'ruleId' | 'start'>): Fix[] {
  const fixes: Fix[] = [];
  const line = ignoreLineEdits(model, finding.ruleId, finding.start);
  if (line) fixes.push({ title: `Ignore ${finding.ruleId} on this line`, kind: 'ignore-line', edits: line });
  if (finding.start >= fileSuppressionOffset(model)) {
    const file = ignoreFileEdits(model, finding.ruleId);
    if (file) fixes.push({ title: `Ignore ${finding.ruleId} in this file`, kind: 'ignore-file', edits: file });
  }
  return fixes;
}
