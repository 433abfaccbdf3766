/**
 * Runs a bundle (server/out/cli-main.js, server/out/server-main.js) with V8's code cache, so that
 * a process does not compile the same megabyte of JavaScript at every start: the entries
 * server/out/cli.js and server/out/server.js are this file and one line (entries/cli.ts,
 * entries/server.ts), built by scripts/bundle.mjs.
 *
 * The cache is `<bundle>.cache` beside the bundle: a key, then the code V8 compiled during the
 * first run (`Script.createCachedData` after the run, so it holds the functions the run used, not
 * only the top level). The key is a hash of the bundle's bytes, the Node version, the platform
 * and the process's V8 options: a rebuilt or upgraded bundle, another Node or other flags give
 * another key, and the cache is ignored and written again. V8 checks the data once more and
 * rejects what it cannot use (`cachedDataRejected`: its own version and flags differ), which also
 * rewrites it; the V8 flags the bundles set (startup.ts) are therefore set here, before the compile. A cache that cannot
 * be read or written (a read-only installation) only costs the compile. Set
 * CASELINT_NO_CODE_CACHE=1 to run without it.
 */
import './startup';
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** How long a process that keeps running (the language server) waits before it writes the cache. */
const WRITE_AFTER_MS = 10_000;

/** The CommonJS wrapper Node puts around a module. */
const wrap = (source: string) => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

export interface LaunchOptions {
  /**
   * Whether this run's compiled code is worth keeping, asked when a run without a valid cache
   * ends (default: yes). The cache holds what the run compiled, so the CLI keeps only that of a
   * run that checked files, not of `--version`.
   */
  keep?: () => boolean;
}

export function launch(bundle: string, options: LaunchOptions = {}): void {
  const bytes = readFileSync(bundle);
  // esbuild writes ASCII (it escapes the rest), which decodes fastest as Latin-1; UTF-8 otherwise.
  const text = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  // The bundle's "#!" line (kept for running it directly) is not JavaScript inside the wrapper.
  const source = text.startsWith('#!') ? `//${text.slice(2)}` : text;
  const useCache = !process.env.CASELINT_NO_CODE_CACHE;
  const cacheFile = `${bundle}.cache`;
  const key = createHash('sha256')
    .update(bytes)
    .update(`\0${process.version}\0${process.arch}\0${process.platform}\0${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`)
    .digest();
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      const data = readFileSync(cacheFile);
      if (data.length > key.length && key.equals(data.subarray(0, key.length))) cachedData = data.subarray(key.length);
    } catch {
      // no cache yet, or not readable: compile
    }
  }
  const script = new Script(wrap(source), { filename: bundle, cachedData });
  if (useCache && (!cachedData || script.cachedDataRejected)) {
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      if (options.keep && !options.keep()) return;
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, Buffer.concat([key, script.createCachedData()]));
        renameSync(tmp, cacheFile);
      } catch {
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
}
