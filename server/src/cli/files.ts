import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileFormatOf, MAX_MANUSCRIPT_SIZE } from '../checker';
// Loaded with require so that the bundle takes tinyglobby's (and fdir's) CommonJS builds: their ESM
// builds call createRequire(import.meta.url), which a CommonJS bundle leaves undefined.
import tinyglobby = require('tinyglobby');

const { glob, isDynamicPattern } = tinyglobby;

/** Folders never walked (dot-folders are skipped too). */
export const SKIPPED_DIRS = ['node_modules'] as const;
/** Files larger than this are refused when named, skipped when met while walking. */
export const MAX_FILE_BYTES = MAX_MANUSCRIPT_SIZE;

/** A file, folder or read problem: exit 2 with this one-line message. */
export class IoError extends Error {
  override name = 'IoError';
}

export interface Target {
  /** Absolute path. */
  path: string;
  /** Named on the command line (always checked) rather than found by walking or globbing. */
  explicit: boolean;
}

function errCode(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'ENOENT') return 'no such file or directory';
  if (err?.code === 'EISDIR') return 'is a directory';
  return err?.code ?? String((e as Error)?.message ?? e);
}

/**
 * Walked in directories: every extension of the checker's table of formats (checker/formats.ts),
 * in any letter case. Files named on the command line are checked whatever their extension.
 */
export function hasManuscriptExtension(path: string): boolean {
  return fileFormatOf(path) !== undefined;
}

function walk(dir: string, out: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new IoError(`cannot read directory ${dir} (${errCode(e)})`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || (SKIPPED_DIRS as readonly string[]).includes(entry.name)) continue;
      walk(full, out);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      // Symbolic links to files are followed; links to folders are not (no loops).
      if (!hasManuscriptExtension(entry.name)) continue;
      if (entry.isSymbolicLink()) {
        try {
          if (!statSync(full).isFile()) continue;
        } catch {
          continue;
        }
      }
      out.push(full);
    }
  }
}

/**
 * Files to check for the command-line arguments: files as named, directories walked, globs
 * expanded (tinyglobby, relative to cwd). No arguments: the current directory. Throws IoError for
 * a missing path, an unreadable directory, or a glob that matches nothing.
 */
export async function collectTargets(patterns: string[], cwd: string): Promise<Target[]> {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (path: string, explicit: boolean) => {
    const existing = targets.find((t) => t.path === path);
    if (existing) {
      existing.explicit ||= explicit;
      return;
    }
    if (seen.has(path)) return;
    seen.add(path);
    targets.push({ path, explicit });
  };

  for (const pattern of patterns.length ? patterns : ['.']) {
    const abs = isAbsolute(pattern) ? pattern : resolve(cwd, pattern);
    let stat;
    try {
      stat = existsSync(abs) ? statSync(abs) : undefined;
    } catch (e) {
      throw new IoError(`cannot read ${pattern} (${errCode(e)})`);
    }
    if (stat?.isDirectory()) {
      const found: string[] = [];
      walk(abs, found);
      for (const f of found) add(f, false);
    } else if (stat) {
      add(abs, true);
    } else if (isDynamicPattern(pattern)) {
      let matches: string[];
      try {
        matches = await glob(pattern, {
          cwd,
          absolute: true,
          onlyFiles: true,
          dot: false,
          expandDirectories: false,
          ignore: ['**/node_modules/**', '**/.git/**'],
        });
      } catch (e) {
        throw new IoError(`cannot expand the glob "${pattern}" (${errCode(e)})`);
      }
      if (!matches.length) throw new IoError(`no files match the glob "${pattern}"`);
      for (const f of matches.sort()) add(resolve(f), false);
    } else {
      throw new IoError(`no such file or directory: ${pattern}`);
    }
  }
  return targets;
}

export type ReadOutcome =
  | { kind: 'text'; text: string }
  | { kind: 'skip'; why: string };

/** Decodes manuscript bytes: UTF-8, BOM removed (editors do not count it in columns). */
export function decodeText(bytes: Buffer): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads a target. Explicit files that are binary (NUL bytes) or over 10 MB, and any file that
 * cannot be read, throw IoError; such files met while walking are skipped (the reason is returned).
 */
export function readTarget(target: Target, display: string): ReadOutcome {
  let size: number;
  try {
    const stat = statSync(target.path);
    if (stat.isDirectory()) throw new IoError(`${display} is a directory`);
    size = stat.size;
  } catch (e) {
    if (e instanceof IoError) throw e;
    throw new IoError(`cannot read ${display} (${errCode(e)})`);
  }
  if (size > MAX_FILE_BYTES) {
    const mb = (size / (1024 * 1024)).toFixed(1);
    if (target.explicit) throw new IoError(`${display} is too large (${mb} MB; the limit is 10 MB)`);
    return { kind: 'skip', why: `too large (${mb} MB)` };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(target.path);
  } catch (e) {
    throw new IoError(`cannot read ${display} (${errCode(e)})`);
  }
  if (bytes.includes(0)) {
    if (target.explicit) throw new IoError(`${display} is a binary file, not a manuscript`);
    return { kind: 'skip', why: 'binary file' };
  }
  return { kind: 'text', text: decodeText(bytes) };
}

/** The git root above cwd (the folder holding .git), or cwd itself: where config discovery stops. */
export function discoveryRoot(cwd: string): string {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return resolve(cwd);
    dir = up;
  }
}
