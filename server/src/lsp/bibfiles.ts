/**
 * The .bib files of an open document, for hover and navigation: those the document names
 * (front matter `bibliography`, LaTeX `\bibliography{}` / `\addbibresource{}`), else the *.bib
 * files next to it; file: URIs only. Their texts come through config/bibliographies.ts, the
 * reader the checks use: one cache, and the manuscripts' decoding.
 */
import { readdirSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readBibliographyText } from '../config/bibliographies';
import type { DocumentModel } from '../checker';

const MAX_BIB_FILES = 8;

export interface BibFile {
  uri: string;
  text: string;
}

/** The bibliography files a document names (front matter, LaTeX), relative to its folder. */
export function namedBibliographies(model: DocumentModel): string[] {
  const names: string[] = [];
  const fm = model.frontMatter?.data?.bibliography;
  if (typeof fm === 'string') names.push(fm);
  else if (Array.isArray(fm)) names.push(...fm.filter((x): x is string => typeof x === 'string'));
  if (model.format === 'latex') {
    for (const m of model.text.matchAll(/\\(?:bibliography|addbibresource)\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}/g)) {
      for (const n of m[1].split(',')) {
        const name = n.trim();
        if (name) names.push(/\.bib$/i.test(name) ? name : `${name}.bib`);
      }
    }
  }
  return names;
}

/**
 * The document's bibliography files that could be read. `bibOnly`: of the named files, only
 * the .bib ones count (navigation); hover takes every named file.
 */
export function documentBibFiles(documentUri: string, model: DocumentModel, { bibOnly = true } = {}): BibFile[] {
  if (!documentUri.startsWith('file:')) return [];
  let dir: string;
  try {
    dir = dirname(fileURLToPath(documentUri));
  } catch {
    return [];
  }
  let paths = namedBibliographies(model)
    .filter((n) => !bibOnly || /\.bib$/i.test(n))
    .map((n) => (isAbsolute(n) ? n : join(dir, n)));
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
    const { text } = readBibliographyText(path);
    if (text !== undefined) out.push({ uri: pathToFileURL(path).href, text });
  }
  return out;
}
