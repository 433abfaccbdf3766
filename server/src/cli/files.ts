import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { decodeManuscript, fileFormatOf, isTooLarge, manuscriptSize, MAX_MANUSCRIPT_BYTES, MAX_MANUSCRIPT_SIZE, minimumTextSize, type TextEncodingName } from '../checker';
import type * as Tinyglobby from 'tinyglobby';

let tinyglobby: typeof Tinyglobby | undefined;
/**
 * tinyglobby (with fdir and picomatch), loaded when an argument is neither a file nor a folder:
 * most runs name files, and need not initialise it at start. With require, so that the bundle
 * takes its (and fdir's) CommonJS builds: their ESM builds call createRequire(import.meta.url),
 * which a CommonJS bundle leaves undefined.
 */
const globber = (): typeof Tinyglobby => (tinyglobby ??= require('tinyglobby') as typeof Tinyglobby);

/** Folders never walked (dot-folders are skipped too). */
export const SKIPPED_DIRS = ['node_modules'] as const;
/**
 * At most this many bytes are read from a file or standard input, whatever `stat` says (a FIFO,
 * /dev/zero, a file that grows): 4 per character of the largest manuscript (UTF-32). The limit
 * itself is on the text (MAX_MANUSCRIPT_SIZE, its UTF-8 size, as in the language server).
 */
export const MAX_FILE_BYTES = MAX_MANUSCRIPT_BYTES;

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

/** What went wrong, in words: "permission denied", "a symbolic link loop" (no path, no document text). */
export function errCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many symbolic links: a symbolic link loop';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EIO':
      return 'input/output error';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EPIPE':
      return 'the reader closed the pipe';
    case 'EROFS':
      return 'read-only file system';
    case 'EAGAIN':
      return 'nothing to read yet';
    default:
      return code ?? (e instanceof Error ? e.name : String(e));
  }
}

/** stat, or undefined when the path does not exist; other problems (EACCES, ELOOP) throw. */
function statIfExists(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw e;
  }
}

/**
 * Walked in directories: every extension of the checker's table of formats (checker/formats.ts),
 * in any letter case. Files named on the command line are checked whatever their extension.
 */
export function hasManuscriptExtension(path: string): boolean {
  return fileFormatOf(path) !== undefined;
}

/**
 * Lists the manuscript files under dir. A folder that cannot be read below the named one is a
 * problem (reported, the walk goes on); the named one itself throws IoError.
 */
function walk(dir: string, out: string[], problems: string[], top = true): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if (top) throw new IoError(`cannot read directory ${dir} (${errCode(e)})`);
    problems.push(`cannot read directory ${dir} (${errCode(e)})`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || (SKIPPED_DIRS as readonly string[]).includes(entry.name)) continue;
      walk(full, out, problems, false);
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
 * expanded (tinyglobby, relative to cwd). No arguments: the current directory. Each real file
 * once, under the first path that reached it (a symbolic link to a file, a glob through a link
 * loop). Throws IoError for a missing path, an unreadable named directory, or a glob that
 * matches nothing; folders that cannot be read below a named one are listed in `problems`.
 */
export async function collectTargets(patterns: string[], cwd: string, problems: string[] = []): Promise<Target[]> {
  const targets: Target[] = [];
  const byRealPath = new Map<string, Target>();
  const add = (path: string, explicit: boolean) => {
    let real = path;
    try {
      real = realpathSync(path);
    } catch {
      // Vanished or unreadable: keep its path; reading it will say what is wrong.
    }
    const existing = byRealPath.get(real);
    if (existing) {
      existing.explicit ||= explicit;
      return;
    }
    const target = { path, explicit };
    byRealPath.set(real, target);
    targets.push(target);
  };

  for (const pattern of patterns.length ? patterns : ['.']) {
    const abs = isAbsolute(pattern) ? pattern : resolve(cwd, pattern);
    let stat;
    try {
      stat = statIfExists(abs);
    } catch (e) {
      throw new IoError(`cannot read ${pattern} (${errCode(e)})`);
    }
    if (stat?.isDirectory()) {
      const found: string[] = [];
      walk(abs, found, problems);
      for (const f of found) add(f, false);
    } else if (stat) {
      add(abs, true);
    } else if (globber().isDynamicPattern(pattern)) {
      let matches: string[];
      try {
        matches = await globber().glob(pattern, {
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
      // Through a symbolic link loop one file matches under many paths: the shortest path
      // (fewest folders) is the one reported; the files are then taken in alphabetical order.
      const depth = (f: string) => f.split(sep).length;
      const shortestFirst = matches.map((f) => resolve(f)).sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
      const before = targets.length;
      for (const f of shortestFirst) add(f, false);
      const added = targets.splice(before).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const t of added) targets.push(t);
    } else {
      throw new IoError(`no such file or directory: ${pattern}`);
    }
  }
  return targets;
}

export type ReadOutcome =
  | { kind: 'text'; text: string; encoding: TextEncodingName }
  /** Met while walking and not a manuscript (binary, too large): a note, nothing else. */
  | { kind: 'skip'; why: string }
  /** Met while walking and could not be read (vanished, permission denied): reported, exit 2 at the end. */
  | { kind: 'unreadable'; message: string };

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/**
 * Bytes into text (checker/encoding.ts) with the size limit: `what` is how messages name the
 * source. Returns the text, or why it is not a manuscript: "too large (11.0 MB)", "binary file".
 */
export function decodeBytes(bytes: Uint8Array, what: string): { kind: 'text'; text: string; encoding: TextEncodingName } | { kind: 'refused'; message: string; why: string } {
  const least = minimumTextSize(bytes);
  if (least > MAX_MANUSCRIPT_SIZE) return tooLarge(what, least);
  const decoded = decodeManuscript(bytes);
  if (decoded.kind === 'binary') return { kind: 'refused', message: `${what} is a binary file (${decoded.why}), not a manuscript`, why: 'binary file' };
  if (isTooLarge(decoded.text)) return tooLarge(what, manuscriptSize(decoded.text));
  return { kind: 'text', text: decoded.text, encoding: decoded.encoding };
}

function tooLarge(what: string, size: number): { kind: 'refused'; message: string; why: string } {
  return { kind: 'refused', message: `${what} is too large (${mb(size)} MB; the limit is 10 MB)`, why: `too large (${mb(size)} MB)` };
}

/** Reads at most MAX_FILE_BYTES + 1 bytes from an open file: more means too large. */
function readBounded(fd: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, MAX_FILE_BYTES + 1 - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
    if (total > MAX_FILE_BYTES) break;
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads a target, with a bound whatever `stat` says. A file named on the command line that cannot
 * be read or is not a manuscript (binary, over the limit, a FIFO or a device) throws IoError; a
 * file met while walking is skipped with its reason, or reported as unreadable (it vanished, its
 * permissions changed) while the others are still checked.
 */
export function readTarget(target: Target, display: string): ReadOutcome {
  const refuse = (message: string, why: string): ReadOutcome => {
    if (target.explicit) throw new IoError(message);
    return { kind: 'skip', why };
  };
  const unreadable = (e: unknown): ReadOutcome => {
    const message = `cannot read ${display} (${errCode(e)})`;
    if (target.explicit) throw new IoError(message);
    return { kind: 'unreadable', message };
  };
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO does not wait for a writer (it is refused below).
    fd = openSync(target.path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return unreadable(e);
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return refuse(`${display} is a directory`, 'a directory');
    if (stat.isFIFO()) return refuse(`${display} is a named pipe (FIFO), not a file: pipe it into caselint --stdin instead`, 'a named pipe');
    if (stat.isCharacterDevice() || stat.isBlockDevice()) return refuse(`${display} is a device, not a file`, 'a device');
    if (!stat.isFile()) return refuse(`${display} is not a regular file`, 'not a regular file');
    if (stat.size > MAX_FILE_BYTES) return refuse(tooLarge(display, stat.size).message, tooLarge(display, stat.size).why);
    bytes = readBounded(fd);
  } catch (e) {
    if (e instanceof IoError) throw e;
    return unreadable(e);
  } finally {
    closeSync(fd);
  }
  if (bytes.length > MAX_FILE_BYTES) return refuse(tooLarge(display, bytes.length).message, tooLarge(display, bytes.length).why);
  const decoded = decodeBytes(bytes, display);
  if (decoded.kind === 'refused') return refuse(decoded.message, decoded.why);
  return decoded;
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
