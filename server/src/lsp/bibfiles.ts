/**
 * The bibliography files of an open document, for hover, navigation and key completion: those
 * the document names (front matter `bibliography`, LaTeX `\bibliography{}` / `\addbibresource{}`),
 * else the *.bib files next to it; file: URIs only. Their texts come through
 * config/bibliographies.ts, the reader the checks use (one cache, the manuscripts' decoding), and
 * their entries from the checker's parser (BibTeX by @retorquere/bibtex-parser, CSL JSON and
 * YAML), memoised by text: the same entries the checks resolve citations against.
 */
import { readdirSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readBibliographyText } from '../config/bibliographies';
import { bibliographyFormatOf, bibliographyRequests, parseBibliography, type BibEntry, type BibliographyFormat, type DocumentModel } from '../checker';

const MAX_BIB_FILES = 8;

export interface BibFile {
  uri: string;
  text: string;
  format: BibliographyFormat;
  /** The entries, in file order (spans in `text`). */
  entries: readonly BibEntry[];
}

/** Reads and parses a document's bibliography files (tests pass their own). */
export type ReadBibFiles = (documentUri: string, model: DocumentModel) => Promise<BibFile[]>;

/**
 * The bibliography files a document names (front matter, LaTeX), relative to its folder: the
 * checks' own requests (analysis/bibliography.ts), so hover and navigation read the same files.
 */
export function namedBibliographies(model: DocumentModel): string[] {
  return bibliographyRequests(model)
    .filter((r) => r.from === 'document')
    .map((r) => r.name);
}

/** The document's bibliography files that could be read and are of a known format, parsed. */
export async function documentBibFiles(documentUri: string, model: DocumentModel): Promise<BibFile[]> {
  if (!documentUri.startsWith('file:')) return [];
  let dir: string;
  try {
    dir = dirname(fileURLToPath(documentUri));
  } catch {
    return [];
  }
  let paths = namedBibliographies(model).map((n) => (isAbsolute(n) ? n : join(dir, n)));
  if (!paths.length) {
    try {
      paths = readdirSync(dir)
        .filter((f) => /\.bib$/i.test(f))
        .sort()
        .slice(0, MAX_BIB_FILES)
        .map((f) => join(dir, f));
    } catch {
      return [];
    }
  }
  const out: BibFile[] = [];
  for (const path of paths) {
    const format = bibliographyFormatOf(path);
    const { text } = readBibliographyText(path);
    if (!format || text === undefined) continue;
    const { entries } = await parseBibliography(path, text, format);
    out.push({ uri: pathToFileURL(path).href, text, format, entries });
  }
  return out;
}

/** The first entry with this key (keys are case-sensitive), in the files' order. */
export function findBibEntry(files: readonly BibFile[], key: string): { file: BibFile; entry: BibEntry } | undefined {
  for (const file of files) {
    const entry = file.entries.find((e) => e.key === key);
    if (entry) return { file, entry };
  }
  return undefined;
}

/** "Oduya, 2001, Cramps at night": first author, year, title. */
export function entrySummary(entry: BibEntry): string {
  return [entry.authors[0], entry.year, entry.title].filter(Boolean).join(', ');
}
