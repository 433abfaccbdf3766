/**
 * Reading the bibliography files a manuscript names (front matter `bibliography:`,
 * `\bibliography{…}`, the config's `bibliography`), for the CLI and the server. The checker asks
 * for them through lintFileAsync's `readBibliography`; this is the file-system side.
 *
 * Relative names are relative to the manuscript's folder, or to the config file's for names
 * from the config. Texts are cached by path, modification time and size, so that re-checking a
 * manuscript while the writer types reads nothing again.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { decodeManuscript, type BibliographyReader, type BibliographyRequest } from '../checker';

/** Larger bibliography files are not read (a finding says so). */
export const MAX_BIBLIOGRAPHY_BYTES = 10 * 1024 * 1024;

const CACHE_SIZE = 32;
const cache = new Map<string, { mtimeMs: number; size: number; text: string }>();

export interface BibliographyFiles {
  /** The reader to hand to lintFileAsync. */
  read: BibliographyReader;
  /** The absolute paths asked for so far (read or not): a change to any of them makes the check stale. */
  paths: Set<string>;
}

/**
 * A reader for one manuscript. `manuscript` is its path (undefined for standard input without
 * a file name: names are then relative to `cwd`); `configFile` the config file in force.
 */
export function bibliographyFiles(manuscript: string | undefined, configFile: string | undefined, cwd = process.cwd()): BibliographyFiles {
  const paths = new Set<string>();
  const docDir = manuscript ? dirname(manuscript) : cwd;
  const read: BibliographyReader = (request: BibliographyRequest) => {
    const base = request.from === 'config' && configFile ? dirname(configFile) : docDir;
    const abs = resolve(base, request.name);
    paths.add(abs);
    const shown = request.from === 'document' ? request.name : displayPath(docDir, abs);
    return { path: shown, ...readBibliographyText(abs) };
  };
  return { read, paths };
}

function displayPath(from: string, abs: string): string {
  const rel = relative(from, abs);
  return !rel || isAbsolute(rel) ? abs : rel.split(sep).join('/');
}

/** A bibliography file's text (cached by path, modification time and size; decoded as manuscripts are), or why not. */
export function readBibliographyText(abs: string): { text?: string; error?: string } {
  let stat;
  try {
    stat = statSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' || code === 'ENOTDIR' ? 'not found' : `cannot be read (${code ?? 'error'})` };
  }
  if (!stat.isFile()) return { error: 'is not a file' };
  if (stat.size > MAX_BIBLIOGRAPHY_BYTES) return { error: `is too large (over ${MAX_BIBLIOGRAPHY_BYTES / (1024 * 1024)} MB)` };
  const hit = cache.get(abs);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) {
    cache.delete(abs);
    cache.set(abs, hit);
    return { text: hit.text };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    return { error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  // Encodings as for manuscripts: UTF-8, UTF-16/32 with a byte-order mark, else Windows-1252
  // (older reference managers save BibTeX in it).
  const decoded = decodeManuscript(bytes);
  if (decoded.kind !== 'text') return { error: 'is binary, not a bibliography' };
  const text = decoded.text;
  cache.set(abs, { mtimeMs: stat.mtimeMs, size: stat.size, text });
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return { text };
}

/** Forget cached texts (a watched bibliography file changed). */
export function forgetBibliography(abs?: string): void {
  if (abs) cache.delete(abs);
  else cache.clear();
}
