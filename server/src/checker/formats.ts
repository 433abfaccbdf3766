/**
 * The file formats caselint checks: one table for every host. The checker picks a file's parser
 * by it (formatForFile), the language server accepts documents by their language id or extension
 * (lsp/documents.ts), the CLI walks folders for its extensions (cli/files.ts), and the VS Code
 * client derives its document selector, language ids and "Check workspace" glob from it (through
 * lsp/protocol.ts). package.json and .pre-commit-hooks.yaml cannot import it:
 * test/checker/formats.test.ts keeps them in step.
 *
 * No imports at all: the client bundles this file.
 */

/** The checker's parsers. */
export type Format = 'markdown' | 'latex' | 'text';

export interface FileFormat {
  /** What writers call it (help text and docs). */
  name: string;
  /** The parser that reads it. */
  format: Format;
  /**
   * The Markdown dialects that have their own VS Code language. The Markdown parser reads the
   * Pandoc syntax they share (front matter, shortcodes, citations) in every Markdown file.
   */
  dialect?: 'quarto' | 'rmarkdown';
  /**
   * File extensions, with the dot, as usually spelt (matched ignoring letter case). Every one is a
   * manuscript extension: the CLI walks folders for it, "Check workspace" finds it, the server
   * checks a document by it when its language id is unknown.
   */
  extensions: readonly string[];
  /** VS Code language ids: the VS Code client asks for these documents (selector, activation, menus, snippets). */
  languageIds: readonly string[];
  /** Language ids other editors send for the same files: accepted by the server, not selected by the VS Code client. */
  otherLanguageIds: readonly string[];
}

export const FILE_FORMATS: readonly FileFormat[] = [
  { name: 'Markdown', format: 'markdown', extensions: ['.md', '.markdown'], languageIds: ['markdown'], otherLanguageIds: ['mdx'] },
  { name: 'Quarto', format: 'markdown', dialect: 'quarto', extensions: ['.qmd'], languageIds: ['quarto'], otherLanguageIds: [] },
  { name: 'R Markdown', format: 'markdown', dialect: 'rmarkdown', extensions: ['.Rmd'], languageIds: ['rmd'], otherLanguageIds: ['rmarkdown'] },
  { name: 'LaTeX', format: 'latex', extensions: ['.tex', '.latex', '.ltx'], languageIds: ['latex'], otherLanguageIds: ['tex'] },
  { name: 'plain text', format: 'text', extensions: ['.txt', '.text'], languageIds: ['plaintext'], otherLanguageIds: ['text'] },
];

/** Every manuscript extension, as usually spelt (".md", ".Rmd", …), in table order. */
export const MANUSCRIPT_EXTENSIONS: readonly string[] = FILE_FORMATS.flatMap((f) => f.extensions);

/** The VS Code language ids of the table, in table order. */
export const VSCODE_LANGUAGE_IDS: readonly string[] = FILE_FORMATS.flatMap((f) => f.languageIds);

/**
 * A glob for every manuscript file ("**\/*.{md,markdown,qmd,Rmd,rmd,…}"). Globs may match letter
 * case exactly, so an extension usually spelt with capitals is listed in lower case too.
 */
export const MANUSCRIPT_GLOB = `**/*.{${[...new Set(MANUSCRIPT_EXTENSIONS.flatMap((e) => [e.slice(1), e.slice(1).toLowerCase()]))].join(',')}}`;

/** The table entry of a file name, path or URI path by its extension (ignoring case), or undefined. */
export function fileFormatOf(fileName: string): FileFormat | undefined {
  const lower = fileName.toLowerCase();
  return FILE_FORMATS.find((f) => f.extensions.some((e) => lower.endsWith(e.toLowerCase())));
}

/** The table entry of a language id (VS Code's or another editor's, ignoring case), or undefined. */
export function fileFormatOfLanguage(languageId: string): FileFormat | undefined {
  const id = languageId.toLowerCase();
  return FILE_FORMATS.find((f) => f.languageIds.includes(id) || f.otherLanguageIds.includes(id));
}

/** Which parser a file name implies: by the table, Markdown for any other name. */
export function formatForFile(fileName: string): Format {
  return fileFormatOf(fileName)?.format ?? 'markdown';
}
