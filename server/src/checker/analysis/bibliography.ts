/**
 * The bibliographies a manuscript names, and its citation keys looked up in them. Pure: the
 * host reads the files (engine/lint.ts asks it through a callback) and hands their text in.
 *
 * - Pandoc (Markdown, Quarto, R Markdown): front matter `bibliography:` (one path or a list),
 *   `references:` (CSL items in the front matter itself) and `nocite:`;
 * - LaTeX: `\bibliography{a,b}` (`.bib` added), `\addbibresource{a.bib}`, `\nocite{…}`, and
 *   `\bibitem{key}` entries of a `thebibliography` environment;
 * - the config's `bibliography` when the document names none.
 */
import type { CaselintConfig } from '../config';
import { cslItems, type BibEntry, type Bibliography } from '../model/bibliography';
import { positionAt, SpanUnion } from '../model/text';
import type { DocumentModel } from '../types';
import { isMap, isSeq, parseDocument as parseYamlDocument, type Node as YamlNode } from 'yaml';

export interface BibliographyRequest {
  /** The file as the document or config names it ("refs.bib"). */
  name: string;
  /** Relative to the manuscript's folder, or to the config file's. */
  from: 'document' | 'config';
  /** Where the document names it (the front matter line, the `\bibliography` command); the first line for the config. */
  start: number;
  end: number;
}

/** A requested bibliography as the host found it: read (and parsed), or why not. */
export interface LoadedBibliography {
  request: BibliographyRequest;
  /** The path the host tried, as it wants it shown (relative to the manuscript). */
  path: string;
  bibliography?: Bibliography;
  /** Why it could not be read ("not found", "not a bibliography file"). */
  error?: string;
}

const LATEX_BIB_RE = /\\(bibliography|addbibresource|addglobalbib)\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}/g;
const LATEX_NOCITE_RE = /\\nocite\s*\{([^}]*)\}/g;

/** Is an offset inside a comment of the document (a commented-out `\bibliography`)? */
const COMMENTS = new WeakMap<DocumentModel, SpanUnion>();

function inComment(model: DocumentModel, offset: number): boolean {
  let comments = COMMENTS.get(model);
  if (!comments) COMMENTS.set(model, (comments = new SpanUnion(model.comments)));
  return comments.contains(offset);
}

/** The span of the line of `offset`, without its line break. */
function lineSpan(model: DocumentModel, offset: number): { start: number; end: number } {
  const line = positionAt(model.lineStarts, offset).line;
  const start = model.lineStarts[line];
  let end = line + 1 < model.lineStarts.length ? model.lineStarts[line + 1] : model.text.length;
  while (end > start && /[\r\n]/.test(model.text[end - 1])) end--;
  return { start, end };
}

/** Where a top-level front matter key starts in the document, or undefined. */
function frontMatterKey(model: DocumentModel, key: string): number | undefined {
  const fm = model.frontMatter;
  if (!fm) return undefined;
  const m = new RegExp(String.raw`^${key}[ \t]*:`, 'm').exec(model.text.slice(0, fm.end));
  return m ? m.index : undefined;
}

/** The bibliography files a document names (else those of the config), in order. */
export function bibliographyRequests(model: DocumentModel, config: CaselintConfig = {}): BibliographyRequest[] {
  const requests: BibliographyRequest[] = [];
  const fm = model.frontMatter;
  const named = fm?.data?.bibliography;
  if (fm && named !== undefined) {
    const keyAt = frontMatterKey(model, 'bibliography') ?? 0;
    const names = typeof named === 'string' ? [named] : Array.isArray(named) ? named.filter((x): x is string => typeof x === 'string') : [];
    for (const name of names.map((n) => n.trim()).filter(Boolean)) {
      const at = model.text.indexOf(name, keyAt);
      requests.push({ name, from: 'document', ...lineSpan(model, at >= 0 && at < fm.end ? at : keyAt) });
    }
  }
  if (model.format === 'latex' && model.text.includes('\\')) {
    for (const m of model.text.matchAll(LATEX_BIB_RE)) {
      if (inComment(model, m.index)) continue;
      for (const part of m[2].split(',')) {
        const name = part.trim();
        if (!name) continue;
        requests.push({ name: m[1] === 'bibliography' && !/\.[A-Za-z]+$/.test(name) ? `${name}.bib` : name, from: 'document', start: m.index, end: m.index + m[0].length });
      }
    }
  }
  if (!requests.length && config.bibliography) {
    const names = typeof config.bibliography === 'string' ? [config.bibliography] : config.bibliography;
    const first = lineSpan(model, 0);
    for (const name of names) if (name.trim()) requests.push({ name: name.trim(), from: 'config', ...first });
  }
  return requests;
}

/** The keys a document lists without citing them (`nocite`), and whether it lists them all (`@*`). */
export interface Nocite {
  keys: { key: string; start: number; end: number }[];
  all: boolean;
}

export function nocite(model: DocumentModel): Nocite {
  const out: Nocite = { keys: [], all: false };
  const add = (list: string, start: number, end: number) => {
    for (const k of list.split(/[\s,;]+/)) {
      const key = k.replace(/^@/, '').trim();
      if (!key) continue;
      if (key === '*') out.all = true;
      else out.keys.push({ key, start, end });
    }
  };
  const value = model.frontMatter?.data?.nocite;
  if (typeof value === 'string' || Array.isArray(value)) {
    const at = frontMatterKey(model, 'nocite') ?? 0;
    const span = lineSpan(model, at);
    add(Array.isArray(value) ? value.filter((x) => typeof x === 'string').join(' ') : value, span.start, span.end);
  }
  if (model.format === 'latex' && model.text.includes('\\nocite')) {
    for (const m of model.text.matchAll(LATEX_NOCITE_RE)) {
      if (!inComment(model, m.index)) add(m[1], m.index, m.index + m[0].length);
    }
  }
  return out;
}

/** CSL items written in the front matter itself (`references:`, as Pandoc reads them). */
export function frontMatterReferences(model: DocumentModel): BibEntry[] {
  const fm = model.frontMatter;
  if (!fm?.data || !Array.isArray(fm.data.references)) return [];
  const rawStart = model.text.indexOf(fm.raw);
  const doc = parseYamlDocument(fm.raw);
  const contents = doc.contents;
  const seq = isMap(contents) ? (contents.get('references', true) as YamlNode | undefined) : undefined;
  if (!isSeq(seq)) return [];
  return cslItems(seq.items as YamlNode[], fm.raw, Math.max(0, rawStart)).entries;
}

/** `\bibitem[label]{key}` entries of the document (LaTeX `thebibliography`), with their spans. */
export function bibitems(model: DocumentModel): { key: string; start: number; end: number; text: string }[] {
  const text = model.text;
  if (model.format !== 'latex' || !text.includes('\\bibitem')) return [];
  const out: { key: string; start: number; end: number; text: string }[] = [];
  const re = /\\bibitem\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}/g;
  const stop = /\\bibitem\b|\\end\s*\{thebibliography\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (inComment(model, m.index)) continue;
    stop.lastIndex = m.index + m[0].length;
    const next = stop.exec(text);
    const raw = text.slice(m.index, next ? next.index : text.length).trimEnd();
    out.push({ key: m[1].trim(), start: m.index, end: m.index + raw.length, text: raw.slice(m[0].length).trim() });
  }
  return out;
}

/** Where a key was found. */
export interface KeyEntry {
  key: string;
  entry?: BibEntry;
  /** The bibliography file's path; undefined for `\bibitem` and front-matter references. */
  path?: string;
  /** The span in the document, for `\bibitem` and front-matter references. */
  span?: { start: number; end: number };
}

/** Every key a document can cite, first definition first (a later duplicate key is kept in `duplicateKeys`). */
export interface KeyIndex {
  byKey: Map<string, KeyEntry>;
  /** Lower-cased key → keys, for "did you mean". */
  byLowerKey: Map<string, string[]>;
  /** Whether anything defines keys (files read, bibitems, front-matter references). */
  any: boolean;
}

export function keyIndex(model: DocumentModel, bibliographies: readonly LoadedBibliography[]): KeyIndex {
  const byKey = new Map<string, KeyEntry>();
  const add = (k: KeyEntry) => {
    if (!byKey.has(k.key)) byKey.set(k.key, k);
  };
  for (const e of frontMatterReferences(model)) add({ key: e.key, entry: e, span: { start: e.start, end: e.end } });
  for (const b of bibitems(model)) add({ key: b.key, span: { start: b.start, end: b.end } });
  for (const loaded of bibliographies) {
    for (const e of loaded.bibliography?.entries ?? []) add({ key: e.key, entry: e, path: loaded.path });
  }
  const byLowerKey = new Map<string, string[]>();
  for (const key of byKey.keys()) byLowerKey.set(key.toLowerCase(), [...(byLowerKey.get(key.toLowerCase()) ?? []), key]);
  return { byKey, byLowerKey, any: byKey.size > 0 || bibliographies.some((b) => b.bibliography) };
}
