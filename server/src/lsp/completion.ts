/**
 * Completion: the clinical snippets of `snippets/*.json` (through server/src/snippets, the
 * single source) as LSP completion items, per document language. Snippet syntax when the client
 * announces `completionItem.snippetSupport`, plain text with placeholders at their defaults
 * otherwise.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getSnippets } from '../snippets';
import { formatOf } from './documents';

/** The snippet set of a document: Markdown-like or LaTeX (plain text has none). */
export function snippetLanguage(document: Pick<TextDocument, 'languageId' | 'uri'>): 'markdown' | 'latex' | undefined {
  const format = formatOf(document);
  return format === 'markdown' || format === 'latex' ? format : undefined;
}

/** Characters a snippet prefix is made of: the word being typed before the cursor. */
const PREFIX_RE = /[\\A-Za-z0-9_-]*$/;

export function completionItems(document: TextDocument, position: Position, snippetSupport: boolean): CompletionItem[] {
  const language = snippetLanguage(document);
  if (!language) return [];
  const lineBefore = document.getText({ start: { line: position.line, character: 0 }, end: position });
  const typed = PREFIX_RE.exec(lineBefore)?.[0] ?? '';
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const items: CompletionItem[] = [];
  for (const s of getSnippets(language)) {
    for (const prefix of s.prefixes.length ? s.prefixes : [s.prefix]) {
      const newText = snippetSupport ? s.body : s.plainText;
      items.push({
        label: prefix,
        kind: CompletionItemKind.Snippet,
        detail: s.description,
        documentation: { kind: MarkupKind.Markdown, value: `**${s.name}**\n\n\`\`\`${language}\n${s.plainText}\n\`\`\`` },
        filterText: prefix,
        sortText: prefix,
        insertTextFormat: snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range, newText },
      });
    }
  }
  return items;
}
