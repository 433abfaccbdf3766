/**
 * Clinical snippets for completion — the API the language server uses.
 *
 * The single source of the snippets is the VS Code snippet files in `snippets/`
 * (`snippets/markdown.json`, `snippets/latex.json`), contributed to VS Code in package.json and
 * imported here (esbuild bundles the JSON), so the LSP completion offers the very same items
 * to Neovim, Emacs and other editors. Do not keep a second copy anywhere.
 *
 *   getSnippets(languageId): SnippetItem[]
 *     languageId: an LSP/VS Code language id. 'markdown', 'quarto', 'rmd', 'rmarkdown' → the
 *     Markdown set; 'latex', 'tex' → the LaTeX set; anything else → [].
 *   SnippetItem: {
 *     name         the snippet's name in the JSON file ("Neurological examination"),
 *     prefix       what the user types ("exam-neuro"); use as CompletionItem.label / filterText,
 *     prefixes     every prefix of the snippet (a VS Code snippet may have several),
 *     description  one line; use as CompletionItem.detail / documentation,
 *     body         VS Code/LSP snippet syntax ($1, ${1:default}, ${1|a,b|}, $0):
 *                  CompletionItem.insertText with insertTextFormat = Snippet (2) when the client
 *                  announces completionItem.snippetSupport,
 *     plainText    the body with every placeholder at its default, choices at their first option
 *                  and tab stops removed: insertText with insertTextFormat = PlainText (1) otherwise.
 *   }
 *   snippetLanguages(): the language ids that have snippets.
 *
 * Pure: no `vscode`, no `vscode-languageserver`, no file system. The syntax parser is in
 * ./syntax.ts (parseSnippet, snippetToPlainText, tabStopOrder).
 */
import latexSnippets from '../../../snippets/latex.json';
import markdownSnippets from '../../../snippets/markdown.json';
import { snippetToPlainText } from './syntax';

export { parseSnippet, snippetToPlainText, tabStopOrder, walkSnippet, type SnippetNode } from './syntax';

export interface SnippetItem {
  name: string;
  prefix: string;
  prefixes: string[];
  description: string;
  body: string;
  plainText: string;
}

interface SnippetFileEntry {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

export type SnippetFile = Record<string, SnippetFileEntry>;

function toItems(file: SnippetFile): SnippetItem[] {
  return Object.entries(file).map(([name, entry]) => {
    const prefixes = Array.isArray(entry.prefix) ? entry.prefix : [entry.prefix];
    const body = Array.isArray(entry.body) ? entry.body.join('\n') : entry.body;
    return {
      name,
      prefix: prefixes[0],
      prefixes,
      description: entry.description ?? name,
      body,
      plainText: snippetToPlainText(body),
    };
  });
}

const MARKDOWN_ITEMS: readonly SnippetItem[] = toItems(markdownSnippets as SnippetFile);
const LATEX_ITEMS: readonly SnippetItem[] = toItems(latexSnippets as SnippetFile);

const BY_LANGUAGE: Record<string, readonly SnippetItem[]> = {
  markdown: MARKDOWN_ITEMS,
  quarto: MARKDOWN_ITEMS,
  rmd: MARKDOWN_ITEMS,
  rmarkdown: MARKDOWN_ITEMS,
  latex: LATEX_ITEMS,
  tex: LATEX_ITEMS,
};

/** The snippets offered for a language id (a fresh array; the items are shared and frozen in spirit). */
export function getSnippets(languageId: string): SnippetItem[] {
  return [...(BY_LANGUAGE[languageId.toLowerCase()] ?? [])];
}

export function snippetLanguages(): string[] {
  return Object.keys(BY_LANGUAGE);
}
