/**
 * Where launch.ts keeps the code cache of a bundle. Apart from launch.ts, which sets V8 flags when
 * it is loaded (startup.ts): changing them in a process that already ran code (a test) can crash V8.
 */
import { homedir } from 'node:os';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';

/** The user's cache folder for caselint (undefined without a home folder): see launch.ts. */
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
