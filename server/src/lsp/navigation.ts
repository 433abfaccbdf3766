/**
 * Navigation (issue 11 item 5): go to definition from a citation marker to its reference entry
 * (the document's reference list, a `\bibitem`, or a `.bib` entry), find references from an
 * entry to every marker citing it, document links for DOIs and PMIDs, and completion of
 * bibliography keys after `[@` / `@` and `\cite{`.
 *
 * The bibliography files (bibfiles.ts) are those the document names (front matter `bibliography`,
 * `\bibliography{}`, `\addbibresource{}`: BibTeX, CSL JSON, CSL YAML), else the *.bib files next
 * to it, parsed as the checks parse them; file: URIs only.
 * Links are targets for the editor to open (https://doi.org/…, https://pubmed.ncbi.nlm.nih.gov/…):
 * the server itself makes no network request.
 */
import { CompletionItemKind, type CompletionItem, type DocumentLink, type Location, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { citationAt, citationKeys, citationsOfEntry, computeLineStarts, positionAt, referenceList, resolveCitation, type Citation, type DocumentModel, type Format } from '../checker';
import { documentBibFiles, entrySummary, findBibEntry, type ReadBibFiles } from './bibfiles';

function rangeIn(text: string, start: number, end: number) {
  const lineStarts = computeLineStarts(text);
  return { start: positionAt(lineStarts, start), end: positionAt(lineStarts, end) };
}

/** The key of a marker under the cursor ("[3,4]" at "4" → "4"), or all its keys. */
function keysAt(citation: Citation, offset: number): string[] {
  const keys = citationKeys(citation);
  if (keys.length < 2) return keys;
  const rel = offset - citation.start;
  for (const m of citation.raw.matchAll(/[^\s,;[\](){}@^\\]+/g)) {
    if (rel >= m.index! && rel <= m.index! + m[0].length) {
      const word = m[0].replace(/^cite\w*\{?/, '');
      if (keys.includes(word)) return [word];
    }
  }
  return keys;
}

/** Go to definition: the entries a marker at the position names. */
export async function definition(document: TextDocument, model: DocumentModel, position: Position, readBibs: ReadBibFiles = documentBibFiles): Promise<Location[]> {
  if (document.getText() !== model.text) return [];
  const offset = document.offsetAt(position);
  const citation = citationAt(model, offset);
  if (!citation) return [];
  const wanted = new Set(keysAt(citation, offset));
  const out: Location[] = [];
  const keyBased = citation.kind === 'pandoc' || citation.kind === 'latex';
  if (keyBased) {
    const bibs = await readBibs(document.uri, model);
    for (const key of wanted) {
      const found = findBibEntry(bibs, key);
      if (found) {
        out.push({ uri: found.file.uri, range: rangeIn(found.file.text, found.entry.start, found.entry.end) });
        continue;
      }
      const [lookup] = resolveCitation(model, { ...citation, keys: [key] });
      if (lookup?.entry) out.push({ uri: document.uri, range: { start: document.positionAt(lookup.entry.start), end: document.positionAt(lookup.entry.end) } });
    }
    return out;
  }
  for (const l of resolveCitation(model, citation)) {
    if (!wanted.has(l.key) || !l.entry) continue;
    out.push({ uri: document.uri, range: { start: document.positionAt(l.entry.start), end: document.positionAt(l.entry.end) } });
  }
  return out;
}

/**
 * Find references: on a reference-list entry, every marker citing it; on a marker, every marker
 * citing the same entry (or key). The entry itself is included when asked (includeDeclaration).
 */
export function references(document: TextDocument, model: DocumentModel, position: Position, includeDeclaration: boolean): Location[] {
  if (document.getText() !== model.text) return [];
  const offset = document.offsetAt(position);
  const loc = (start: number, end: number): Location => ({ uri: document.uri, range: { start: document.positionAt(start), end: document.positionAt(end) } });
  const entry = referenceList(model).find((e) => offset >= e.start && offset <= e.end);
  const out: Location[] = [];
  if (entry) {
    if (includeDeclaration) out.push(loc(entry.start, entry.end));
    for (const c of citationsOfEntry(model, entry)) out.push(loc(c.start, c.end));
    return out;
  }
  const citation = citationAt(model, offset);
  if (!citation) return [];
  const keys = keysAt(citation, offset);
  if (citation.kind === 'pandoc' || citation.kind === 'latex') {
    for (const c of model.citations) {
      if ((c.kind === 'pandoc' || c.kind === 'latex') && citationKeys(c).some((k) => keys.includes(k))) out.push(loc(c.start, c.end));
    }
    return out;
  }
  const targets = new Set(resolveCitation(model, citation).filter((l) => keys.includes(l.key) && l.entry).map((l) => l.entry!.start));
  if (!targets.size) return [];
  if (includeDeclaration) {
    for (const e of referenceList(model)) if (targets.has(e.start)) out.push(loc(e.start, e.end));
  }
  for (const c of model.citations) {
    if (c.kind !== 'numeric' && c.kind !== 'superscript' && c.kind !== 'author-year') continue;
    if (resolveCitation(model, c).some((l) => l.entry && targets.has(l.entry.start))) out.push(loc(c.start, c.end));
  }
  return out;
}

/** DOIs (10.xxxx/…, doi:…, https://doi.org/… is already a link) and PMIDs as document links. */
export function documentLinks(document: TextDocument): DocumentLink[] {
  const text = document.getText();
  const out: DocumentLink[] = [];
  const link = (start: number, end: number, target: string, tooltip: string) =>
    out.push({ range: { start: document.positionAt(start), end: document.positionAt(end) }, target, tooltip });
  for (const m of text.matchAll(/(?<![\w/.])10\.\d{4,9}\/[^\s"<>{}|\\^`\]]+/g)) {
    // Not inside a URL that is already a link (https://doi.org/10.…).
    const before = text.slice(Math.max(0, m.index! - 20), m.index!);
    if (/https?:\/\/\S*$/.test(before)) continue;
    let doi = m[0].replace(/[.,;:]+$/, '');
    // A closing bracket belongs to the DOI only when the DOI opened it ("10.1002/(SICI)…").
    while (/[)\]]$/.test(doi) && (doi.match(/[([]/g)?.length ?? 0) < (doi.match(/[)\]]/g)?.length ?? 0)) doi = doi.slice(0, -1).replace(/[.,;:]+$/, '');
    link(m.index!, m.index! + doi.length, `https://doi.org/${doi.split('/').map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/')}`, `Open DOI ${doi}`);
  }
  for (const m of text.matchAll(/\bPMID:?\s*(\d{1,9})\b/gi)) {
    const start = m.index! + m[0].length - m[1].length;
    link(start, start + m[1].length, `https://pubmed.ncbi.nlm.nih.gov/${m[1]}/`, `Open PubMed ${m[1]}`);
  }
  return out.sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start));
}

/**
 * Key completion after `[@`, `; @`, `@` (Markdown) and inside `\cite{…}` and its variants
 * (LaTeX); undefined when the cursor is not in such a place (other completion applies).
 */
export async function keyCompletion(
  document: TextDocument,
  format: Format,
  position: Position,
  /** The document's model, parsed only when the cursor is in a citation (completion runs while typing). */
  modelOf: () => DocumentModel,
  readBibs: ReadBibFiles = documentBibFiles,
): Promise<CompletionItem[] | undefined> {
  const lineBefore = document.getText({ start: { line: position.line, character: 0 }, end: position });
  const m =
    format === 'latex'
      ? /\\[A-Za-z]*cite[A-Za-z]*\*?(?:\[[^\]]*\]){0,2}\{(?:[^{}]*,)?\s*([^,{}\s]*)$/.exec(lineBefore)
      : format === 'markdown'
        ? /(?:^|[\s[;(])-?@([\w:.#$%&+?<>~/-]*)$/.exec(lineBefore)
        : null;
  if (!m) return undefined;
  const typed = m[1];
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const bib of await readBibs(document.uri, modelOf())) {
    for (const e of bib.entries) {
      if (seen.has(e.key)) continue;
      seen.add(e.key);
      items.push({ label: e.key, kind: CompletionItemKind.Reference, detail: entrySummary(e) || e.type, filterText: e.key, sortText: e.key, textEdit: { range, newText: e.key } });
    }
  }
  return items;
}
