/**
 * Runs a bundle (server/out/cli-main.js, server/out/server-main.js, client/out/extension-main.js)
 * with V8's code cache, so that a process does not compile the same JavaScript at every start:
 * the entries server/out/cli.js and server/out/server.js are launch.ts and one line
 * (entries/cli.ts, entries/server.ts), and client/out/extension.js is this file and one line
 * (client/src/entry.ts), built by scripts/bundle.mjs. This file sets no V8 flag, so the VS Code
 * client can use it in the extension host, which other extensions share; launch.ts sets the
 * CLI's and the server's (startup.ts) before it runs a bundle.
 *
 * The cache is one file per bundle in the user's cache folder (codeCacheFolder: ~/.cache/caselint
 * on Linux, ~/Library/Caches/caselint on macOS, %LOCALAPPDATA%\caselint\Cache on Windows, or
 * CASELINT_CACHE_DIR), not beside the bundle: a global installation is usually not writable by its
 * user. It holds a key, the length and CRC-32 of the code, then the code V8 compiled during the
 * first run (`Script.createCachedData` after the run, so it holds the functions the run used, not
 * only the top level). The key names the bundle (its length and CRC-32), the Node version, the
 * platform and the process's V8 options: a rebuilt or upgraded bundle, another Node or other flags
 * give another key, and the cache is ignored and written again. The CRC-32 of the code is checked
 * because V8 (a release build) checks only the header of cached data: damaged code would run. V8
 * rejects what it cannot use (`cachedDataRejected`: its own version and flags differ), which also
 * rewrites it; the V8 flags the CLI's and the server's bundles set (startup.ts) are therefore set
 * by launch.ts before the compile, and the flags a process changes while it runs are set back
 * before the cache is made (`flags`: the language server's young-generation growth factor,
 * lsp/heap.ts, which made every cache it wrote rejected at its next start when the factor was not
 * the starting one). A cache that cannot be read or written (no home folder, a read-only disk)
 * only costs the compile; a cache file of another user is not read. Set CASELINT_NO_CODE_CACHE=1
 * to run without it.
 *
 * node:crypto is not used: loading it and OpenSSL's first hash cost ~8 ms, more than the rest of
 * the check of the key; zlib's CRC-32 of the 1 MB bundle takes ~0.5 ms.
 */
import { isAscii } from 'node:buffer';
import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';

/** The user's cache folder for caselint (undefined without a home folder): see above. */
export function codeCacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const absolute = (p: string | undefined) => (p && isAbsolute(p) ? p : undefined);
  const chosen = absolute(env.CASELINT_CACHE_DIR);
  if (chosen) return chosen;
  let home: string | undefined;
  try {
    home = absolute(homedir());
  } catch {
    // no home folder (a system account): no cache
  }
  if (platform === 'win32') {
    const local = absolute(env.LOCALAPPDATA) ?? (home && join(home, 'AppData', 'Local'));
    return local && join(local, 'caselint', 'Cache');
  }
  if (platform === 'darwin') return home && join(home, 'Library', 'Caches', 'caselint');
  const xdg = absolute(env.XDG_CACHE_HOME) ?? (home && join(home, '.cache'));
  return xdg && join(xdg, 'caselint');
}

/** The cache file of a bundle: named after the bundle and its folder, so that two installations do not take turns writing one file. */
export function codeCacheFile(bundle: string, folder: string): string {
  const path = resolve(bundle);
  return join(folder, `${basename(path, '.js')}-${crc32(path).toString(16).padStart(8, '0')}.v8cache`);
}

/** How long a process that keeps running (the language server, VS Code's extension host) waits before it writes the cache. */
const WRITE_AFTER_MS = 10_000;

/** The first bytes of a cache file; another layout gets another number. */
const MAGIC = 'caselint-v8-code-cache 2\n';

/** The CommonJS wrapper Node puts around a module. */
const wrap = (source: string) => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

export interface LaunchOptions {
  /**
   * Whether this run's compiled code is worth keeping, asked when a run without a valid cache
   * ends (default: yes). The cache holds what the run compiled, so the CLI keeps only that of a
   * run that checked a case report, not of `--version` (cli/checked.ts).
   */
  keep?: () => boolean;
  /**
   * V8 flags the process set before the compile (entries/server.ts) and may change while it runs
   * (lsp/heap.ts): set again right before the cache is made, since V8 rejects a cache made under
   * other flags than the next process's at its compile.
   */
  flags?: readonly string[];
}

/** The cached code in `data` when it is whole and was made under `header`. */
function cachedCode(data: Buffer, header: Buffer): Buffer | undefined {
  const start = header.length + 8;
  if (data.length <= start || !header.equals(data.subarray(0, header.length))) return undefined;
  const code = data.subarray(start);
  if (data.readUInt32LE(header.length) !== code.length || data.readUInt32LE(header.length + 4) !== crc32(code)) return undefined;
  return code;
}

/** Larger than any cache of our bundles (~1.5 MB): such a file is not read. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** Reads a cache file of this user (undefined when there is none or it cannot be read). */
function readCache(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    // Non-blocking, so that a FIFO in its place cannot make the open wait for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    // Code run in this process: only from a file of this user (or root's own).
    if (!stat.isFile() || stat.size > MAX_CACHE_BYTES || (typeof process.getuid === 'function' && stat.uid !== process.getuid())) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Creates a folder and its missing parents one level at a time (Node 20's recursive mkdirSync never returns for some paths). */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    try {
      if (statSync(d).isDirectory()) break;
    } catch {
      // not there yet
    }
    if (dirname(d) === d) break;
    missing.push(d);
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d, { mode: 0o700 });
    } catch (e) {
      // Another process may have just made it.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

export function runWithCodeCache(bundle: string, options: LaunchOptions = {}): unknown {
  const bytes = readFileSync(bundle);
  // esbuild writes ASCII (it escapes the rest), which decodes fastest as Latin-1; UTF-8 otherwise.
  const text = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  // The bundle's "#!" line (kept for running it directly) is not JavaScript inside the wrapper.
  const source = text.startsWith('#!') ? `//${text.slice(2)}` : text;
  const folder = process.env.CASELINT_NO_CODE_CACHE ? undefined : codeCacheFolder();
  const cacheFile = folder && codeCacheFile(bundle, folder);
  const header = Buffer.from(
    `${MAGIC}${bytes.length} ${crc32(bytes)}\0${process.version}\0${process.arch}\0${process.platform}\0${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}\n`,
    'utf8',
  );
  const data = cacheFile ? readCache(cacheFile) : undefined;
  const cachedData = data && cachedCode(data, header);
  const script = new Script(wrap(source), { filename: bundle, cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      if (options.keep && !options.keep()) return;
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      let fd: number | undefined;
      try {
        makeFolders(dirname(cacheFile));
        // The file first: where it cannot be written, the code is not serialised (~8 ms) for nothing.
        fd = openSync(tmp, 'wx', 0o600);
        for (const flag of options.flags ?? []) setFlagsFromString(flag);
        const code = script.createCachedData();
        const lengths = Buffer.alloc(8);
        lengths.writeUInt32LE(code.length, 0);
        lengths.writeUInt32LE(crc32(code), 4);
        writeFileSync(fd, Buffer.concat([header, lengths, code]));
        closeSync(fd);
        fd = undefined;
        renameSync(tmp, cacheFile);
      } catch {
        if (fd !== undefined) closeSync(fd);
        try {
          rmSync(tmp, { force: true });
        } catch {
          // nothing was written
        }
      }
    };
    process.once('exit', write);
    setTimeout(write, WRITE_AFTER_MS).unref();
  }
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  module.loaded = true;
  return module.exports;
}
