/**
 * Bibliography files (BibTeX `.bib`, CSL JSON `.json`, CSL YAML `.yaml`) read into entries with
 * offsets into the file's text. Pure: the host reads the file and hands its text in.
 *
 * BibTeX is parsed by `@retorquere/bibtex-parser` (the parser behind Better BibTeX for Zotero),
 * loaded on first use with a dynamic import: a manuscript without a `.bib` file never pays for
 * it, and the import resolves to the package's ES module build, the one that loads everywhere.
 * That is why loading is asynchronous. Parsed files are memoised by their text, so re-checking
 * a manuscript while the writer types does not parse its bibliography again.
 */
import { isMap, isSeq, parseDocument as parseYamlDocument, type Node as YamlNode } from 'yaml';
import { computeLineStarts, positionAt } from './text';

export type BibliographyFormat = 'bibtex' | 'csl-json' | 'csl-yaml';

export interface BibEntry {
  /** The citation key (`@key`, `\cite{key}`; CSL `id`). */
  key: string;
  /** Entry type as written (`article`, `article-journal`). */
  type?: string;
  /** Family names of the authors (editors when there is no author), in order. */
  authors: string[];
  /** Year of publication, as digits ("2019"). */
  year?: string;
  title?: string;
  doi?: string;
  pmid?: string;
  /** The entry's span in its file's text (or in the document, for front-matter references). */
  start: number;
  end: number;
  /** 1-based line of the entry in its file. */
  line: number;
}

export interface BibliographyError {
  /** What is wrong, one line. */
  message: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

export interface Bibliography {
  /** The path the host read the text from (as it wants it shown: relative to the manuscript). */
  path: string;
  format: BibliographyFormat;
  entries: BibEntry[];
  /** Problems reading the file; the entries that could be read are still there. */
  errors: BibliographyError[];
}

/** The bibliography format of a path, by its extension (as Pandoc decides it). */
export function bibliographyFormatOf(path: string): BibliographyFormat | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'bib' || ext === 'bibtex' || ext === 'biblatex') return 'bibtex';
  if (ext === 'json') return 'csl-json';
  if (ext === 'yaml' || ext === 'yml') return 'csl-yaml';
  return undefined;
}

// ---------------------------------------------------------------------------
// Loading (memoised by text)
// ---------------------------------------------------------------------------

type BibtexParser = typeof import('@retorquere/bibtex-parser');
let bibtexParser: Promise<BibtexParser> | undefined;
const MEMO_SIZE = 16;
const memo = new Map<string, Promise<Omit<Bibliography, 'path'>>>();

/**
 * Reads a bibliography's text. Never throws: what cannot be read is in `errors`. The format
 * follows the path's extension unless given.
 */
export async function parseBibliography(path: string, text: string, format = bibliographyFormatOf(path)): Promise<Bibliography> {
  if (!format) return { path, format: 'bibtex', entries: [], errors: [{ message: 'not a bibliography file (.bib, .json or .yaml)' }] };
  const id = `${format}\u0000${text}`;
  let parsed = memo.get(id);
  if (parsed) {
    memo.delete(id);
  } else {
    parsed = parseUncached(text, format);
  }
  memo.set(id, parsed);
  while (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
  return { path, ...(await parsed) };
}

async function parseUncached(text: string, format: BibliographyFormat): Promise<Omit<Bibliography, 'path'>> {
  try {
    switch (format) {
      case 'bibtex':
        return await parseBibtex(text);
      case 'csl-json':
        return parseCslJson(text);
      case 'csl-yaml':
        return parseCslYaml(text);
    }
  } catch (e) {
    return { format, entries: [], errors: [{ message: oneLine(e instanceof Error ? e.message : String(e)) }] };
  }
}

const oneLine = (s: string, max = 120) => {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
};

// ---------------------------------------------------------------------------
// BibTeX
// ---------------------------------------------------------------------------

async function parseBibtex(text: string): Promise<Omit<Bibliography, 'path'>> {
  const { parse } = await (bibtexParser ??= import('@retorquere/bibtex-parser'));
  // Titles and names are only compared, never shown: no sentence casing, unknown commands dropped.
  const library = parse(text, { english: false, sentenceCase: false, caseProtection: false, unsupported: 'ignore' });
  const lineStarts = computeLineStarts(text);
  const lineOf = (offset: number) => positionAt(lineStarts, offset).line + 1;
  const entries: BibEntry[] = [];
  let from = 0;
  for (const e of library.entries) {
    let start = e.input ? text.indexOf(e.input, from) : -1;
    let end = start >= 0 ? start + e.input.length : -1;
    if (start < 0) {
      const head = new RegExp(String.raw`@[A-Za-z]+\s*[{(]\s*${escapeRe(e.key)}\s*,`, 'g');
      head.lastIndex = from;
      const m = head.exec(text);
      start = m ? m.index : from;
      end = m ? m.index + m[0].length : from;
    }
    from = Math.max(from, end);
    const fields = e.fields as Record<string, unknown>;
    const creators = (Array.isArray(fields.author) && fields.author.length ? fields.author : Array.isArray(fields.editor) ? fields.editor : []) as { lastName?: string; name?: string }[];
    const year = firstYear(str(fields.year) ?? str(fields.date));
    entries.push({
      key: e.key,
      type: e.type,
      authors: creators.map((c) => stripMarkup(c.lastName ?? c.name ?? '')).filter(Boolean),
      ...(year ? { year } : {}),
      ...optional('title', str(fields.title) && stripMarkup(str(fields.title)!)),
      ...optional('doi', str(fields.doi)),
      ...optional('pmid', str(fields.pmid) ?? pmidOfEprint(fields)),
      start,
      end,
      line: lineOf(start),
    });
  }
  const errors: BibliographyError[] = library.errors.map((err) => {
    // The entry the problem is in (where the writer has to look), else where the parser stopped.
    let line: number | undefined;
    if (err.input) {
      const i = text.indexOf(err.input);
      if (i >= 0) line = lineOf(i + (err.input.length - err.input.trimStart().length));
    }
    const at = /\bat line (\d+)(?:, column \d+)?/.exec(err.error);
    if (line === undefined && at) line = Number(at[1]);
    const key = err.input ? /^\s*@[A-Za-z]+\s*[{(]\s*([^,\s{}()]+)/.exec(err.input)?.[1] : undefined;
    // The parser's message, without its position and the excerpt it quotes.
    const problem = err.error.split('\n')[0].replace(/\s*\bat line \d+(?:, column \d+)?.*$/, '').replace(/,?\s*found\s+".*$/, '');
    return { message: oneLine(`${problem || 'cannot be read'}${key ? ` (entry ${key})` : ''}`), ...(line !== undefined ? { line } : {}) };
  });
  return { format: 'bibtex', entries, errors };
}

function pmidOfEprint(fields: Record<string, unknown>): string | undefined {
  const type = str(fields.eprinttype)?.toLowerCase();
  return type === 'pubmed' || type === 'pmid' ? str(fields.eprint) : undefined;
}

// ---------------------------------------------------------------------------
// CSL JSON and CSL YAML
// ---------------------------------------------------------------------------

function parseCslJson(text: string): Omit<Bibliography, 'path'> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const line = /line (\d+)/.exec(message)?.[1] ?? (pos ? String(positionAt(computeLineStarts(text), Number(pos[1])).line + 1) : undefined);
    return { format: 'csl-json', entries: [], errors: [{ message: oneLine(`not valid JSON: ${message.replace(/\s*(?:in JSON )?at position \d+.*$/, '')}`), ...(line ? { line: Number(line) } : {}) }] };
  }
  const items = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.references) ? data.references : undefined;
  if (!items) return { format: 'csl-json', entries: [], errors: [{ message: 'not CSL JSON: expected an array of references', line: 1 }] };
  const lineStarts = computeLineStarts(text);
  const errors: BibliographyError[] = [];
  const entries: BibEntry[] = [];
  let from = 0;
  items.forEach((item, i) => {
    const key = isObject(item) ? idOf(item.id) : undefined;
    if (!key) {
      errors.push({ message: `reference ${i + 1} has no "id"` });
      return;
    }
    const m = new RegExp(String.raw`"id"\s*:\s*"?${escapeRe(key)}"?`, 'g');
    m.lastIndex = from;
    const found = m.exec(text);
    const start = found ? found.index : from;
    from = found ? found.index + found[0].length : from;
    entries.push(cslEntry(item as Record<string, unknown>, key, start, found ? from : start, positionAt(lineStarts, start).line + 1));
  });
  return { format: 'csl-json', entries, errors };
}

function parseCslYaml(text: string): Omit<Bibliography, 'path'> {
  const doc = parseYamlDocument(text);
  const errors: BibliographyError[] = doc.errors.map((e) => ({
    message: oneLine(`not valid YAML: ${e.message.split('\n')[0].replace(/\s+at line \d+.*$/, '').replace(/:$/, '')}`),
    ...(e.linePos?.[0]?.line ? { line: e.linePos[0].line } : {}),
  }));
  if (errors.length) return { format: 'csl-yaml', entries: [], errors: errors.slice(0, 1) };
  let seq: YamlNode | null | undefined = doc.contents;
  if (isMap(seq)) seq = seq.get('references', true) as YamlNode | undefined;
  if (!isSeq(seq)) return { format: 'csl-yaml', entries: [], errors: [{ message: 'not CSL YAML: expected a list of references (or "references:" with one)', line: 1 }] };
  return { format: 'csl-yaml', ...cslItems(seq.items as YamlNode[], text) };
}

/**
 * CSL items of a YAML sequence (a CSL YAML file, or a Pandoc front matter's `references`):
 * offsets are relative to `text`, shifted by `offset`.
 */
export function cslItems(items: readonly YamlNode[], text: string, offset = 0): { entries: BibEntry[]; errors: BibliographyError[] } {
  const lineStarts = computeLineStarts(text);
  const entries: BibEntry[] = [];
  const errors: BibliographyError[] = [];
  items.forEach((node, i) => {
    const item = (node as { toJSON?: () => unknown }).toJSON?.() as unknown;
    const key = isObject(item) ? idOf(item.id) : undefined;
    const [start, , end] = node.range ?? [0, 0, 0];
    const line = positionAt(lineStarts, start).line + 1;
    if (!key) errors.push({ message: `reference ${i + 1} has no "id"`, line });
    else entries.push(cslEntry(item as Record<string, unknown>, key, start + offset, end + offset, line));
  });
  return { entries, errors };
}

function cslEntry(item: Record<string, unknown>, key: string, start: number, end: number, line: number): BibEntry {
  const names = (Array.isArray(item.author) && item.author.length ? item.author : Array.isArray(item.editor) ? item.editor : []) as unknown[];
  const authors = names
    .map((n) => (isObject(n) ? str(n.family) ?? str(n.literal) ?? '' : typeof n === 'string' ? n : ''))
    .filter(Boolean);
  const issued = item.issued;
  let year: string | undefined;
  if (isObject(issued)) {
    const parts = issued['date-parts'];
    const y = Array.isArray(parts) && Array.isArray(parts[0]) ? parts[0][0] : undefined;
    year = firstYear(y !== undefined ? String(y) : str(issued.raw) ?? str(issued.literal));
  } else if (typeof issued === 'string' || typeof issued === 'number') year = firstYear(String(issued));
  return {
    key,
    ...optional('type', str(item.type)),
    authors,
    ...(year ? { year } : {}),
    ...optional('title', str(item.title)),
    ...optional('doi', str(item.DOI) ?? str(item.doi)),
    ...optional('pmid', str(item.PMID) ?? str(item.pmid)),
    start,
    end,
    line,
  };
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function idOf(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

function firstYear(s: string | undefined): string | undefined {
  return s ? /(?:1[5-9]|20)\d\d/.exec(s)?.[0] : undefined;
}

/** The parser marks up titles (`<i>…</i>`, `<span class="nocase">`): text only. */
function stripMarkup(s: string): string {
  return s.replace(/<[^>]+>/g, '').replace(/[{}]/g, '').normalize('NFC').trim();
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
