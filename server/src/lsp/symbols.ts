/**
 * Outline and folding (issue 5 item 3) from one cached check result.
 *
 * For the server wiring (server/src/lsp/server.ts), register:
 *
 *   connection.onDocumentSymbol((params) => {
 *     const a = <cached analysis of params.textDocument.uri>;   // status 'checked' only
 *     return a?.result ? documentSymbols(a.result, a.document) : [];
 *   });
 *   connection.onFoldingRanges((params) => {
 *     const a = <cached analysis>;
 *     return a?.result ? foldingRanges(a.result, a.document) : [];
 *   });
 *
 * and declare `documentSymbolProvider: true`, `foldingRangeProvider: true`.
 *
 * Symbols: one per heading, nested as the section tree; name = heading text, detail = the
 * profile item label the section satisfies (the title heading: the profile's Title item, if any), kind String (as Markdown outlines use), range = the
 * section up to its last non-blank character, selectionRange = the heading's text.
 * Folding: sections (kind region, from the heading line to the section's last non-blank line),
 * front matter, code blocks (region) and multi-line comments (kind comment).
 */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult, Section } from '../checker';

/** Offset just after the last non-whitespace character of [start, end) (start if all blank). */
function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

/** The section tree as DocumentSymbols (the preamble before the first heading is left out). */
export function documentSymbols(result: CheckResult, document: TextDocument): DocumentSymbol[] {
  const { model, sections: analysis } = result;
  const toSymbol = (section: Section): DocumentSymbol => {
    const h = section.heading!;
    const end = Math.max(trimmedEnd(model.text, section.start, section.end), h.textEnd);
    const selStart = h.textEnd > h.textStart ? h.textStart : h.start;
    const selEnd = h.textEnd > h.textStart ? h.textEnd : trimmedEnd(model.text, h.start, h.end);
    const isTitle = model.title?.start === h.textStart && model.title.end === h.textEnd;
    const item = analysis.itemOf.get(section) ?? (isTitle ? analysis.items.find((i) => i.evidence === 'title') : undefined);
    const symbol: DocumentSymbol = {
      name: h.text.trim() || model.text.slice(h.start, h.end).trim() || '(untitled)',
      kind: SymbolKind.String,
      range: { start: document.positionAt(section.start), end: document.positionAt(end) },
      selectionRange: { start: document.positionAt(selStart), end: document.positionAt(Math.max(selStart, selEnd)) },
      children: section.children.filter((c) => c.heading).map(toSymbol),
    };
    if (item) symbol.detail = item.label;
    return symbol;
  };
  return model.sections.filter((s) => s.heading && !s.parent).map(toSymbol);
}

/** Folding ranges: sections, front matter, code blocks and multi-line comments, in document order. */
export function foldingRanges(result: CheckResult, document: TextDocument): FoldingRange[] {
  const { model } = result;
  const line = (offset: number) => document.positionAt(offset).line;
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: string) => {
    const startLine = line(start);
    const endLine = line(Math.max(start, end));
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  if (model.frontMatter) add(model.frontMatter.start, trimmedEnd(model.text, model.frontMatter.start, model.frontMatter.end), FoldingRangeKind.Region);
  const fmEnd = model.frontMatter?.end ?? 0;
  for (const s of model.sections) {
    // A section the model made from front matter (`abstract:`) would cross the front matter's fold.
    if (s.heading && s.start >= fmEnd) add(s.start, trimmedEnd(model.text, s.start, s.end), FoldingRangeKind.Region);
  }
  for (const c of model.codeBlocks) add(c.start, trimmedEnd(model.text, c.start, c.end), FoldingRangeKind.Region);
  for (const c of model.comments) add(c.start, c.end, FoldingRangeKind.Comment);
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
