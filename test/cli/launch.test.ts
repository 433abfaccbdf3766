import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { codeCacheFile, codeCacheFolder } from '../../server/src/code-cache';
import { RUNS_AS_ROOT, UNPRIVILEGED_UID } from './helpers';

const LAUNCH = resolve(__dirname, '../../server/src/launch.ts');

/**
 * server/src/launch.ts (what server/out/cli.js and server.js run): a bundle runs the same with and
 * without its code cache, and a cache that is missing, stale (another bundle, another Node or
 * other flags) or damaged is ignored and replaced, silently.
 */
describe('launch: a bundle with V8 code cache', function () {
  this.timeout(60000);
  let dir: string;
  let bundle: string;
  let folder: string;
  let cacheFile: string;
  const run = (env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, ['--no-regexp-tier-up', '--import', 'tsx', join(dir, 'run.ts'), 'arg'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', CASELINT_CACHE_DIR: folder, ...env },
    });
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    return r.stdout;
  };
  const source = (word: string) => `#!/usr/bin/env node\nconst { join } = require('node:path');\nconsole.log('${word}', process.argv[2], typeof module.exports, join(__dirname, 'x') === ${JSON.stringify(join('DIR', 'x'))}.replace('DIR', __dirname));\n`;
  const cache = () => readFileSync(cacheFile);
  /** The cache's header line (the key), the 8 bytes of the code's length and CRC-32, the code. */
  const parts = (data: Buffer) => {
    const headerEnd = data.indexOf('\n', data.indexOf('\n') + 1) + 1;
    return { header: data.subarray(0, headerEnd), code: data.subarray(headerEnd + 8) };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'caselint-launch-'));
    bundle = join(dir, 'out', 'main.js');
    folder = join(dir, 'user-cache', 'caselint');
    cacheFile = codeCacheFile(bundle, folder);
    mkdirSync(join(dir, 'out'));
    writeFileSync(bundle, source('alpha'));
    writeFileSync(join(dir, 'run.ts'), `import { launch } from ${JSON.stringify(LAUNCH)};\nlaunch(${JSON.stringify(bundle)});\n`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the cache in the user cache folder on the first run (making the folder) and runs the same from it', () => {
    assert.equal(run(), 'alpha arg object true\n');
    assert.ok(existsSync(cacheFile));
    assert.deepEqual(readdirSync(join(dir, 'out')), ['main.js'], 'nothing is written beside the bundle');
    if (process.platform !== 'win32') assert.equal(statSync(cacheFile).mode & 0o777, 0o600);
    const first = cache();
    assert.equal(run(), 'alpha arg object true\n');
    assert.ok(cache().equals(first), 'a valid cache is not written again');
  });

  it("makes the cache under the flags the process started with (`flags`), whatever the bundle changed since", () => {
    // As the language server: its entry sets a flag, its bundle changes it while it runs (lsp/heap.ts).
    writeFileSync(bundle, `${source('alpha')}require('node:v8').setFlagsFromString('--semi-space-growth-factor=2');\n`);
    writeFileSync(
      join(dir, 'run.ts'),
      `import { setFlagsFromString } from 'node:v8';\nimport { launch } from ${JSON.stringify(LAUNCH)};\nsetFlagsFromString('--semi-space-growth-factor=1');\nlaunch(${JSON.stringify(bundle)}, { flags: ['--semi-space-growth-factor=1'] });\n`,
    );
    assert.equal(run(), 'alpha arg object true\n');
    const first = cache();
    assert.equal(run(), 'alpha arg object true\n');
    assert.ok(cache().equals(first), 'V8 took the cache: it is not written again');
  });

  it('ignores and replaces a stale cache: another bundle of the same length, another Node version', () => {
    run();
    const old = cache();
    writeFileSync(bundle, source('gamma'));
    assert.equal(run(), 'gamma arg object true\n');
    assert.ok(!cache().equals(old));
    // The same code under another key (as another Node version would have written it).
    const { header, code } = parts(cache());
    const lengths = cache().subarray(header.length, header.length + 8);
    const other = Buffer.from(header.toString('latin1').replace(process.version, 'v19.0.0'), 'latin1');
    writeFileSync(cacheFile, Buffer.concat([other, lengths, code]));
    assert.equal(run(), 'gamma arg object true\n');
    assert.ok(parts(cache()).header.equals(header), 'rewritten under this key');
  });

  it('ignores and replaces a damaged cache: changed code under a valid key, cut short, or not a cache at all', () => {
    run();
    const good = cache();
    const { header, code } = parts(good);
    const damaged = Buffer.from(good);
    damaged[header.length + 8 + Math.floor(code.length / 2)] ^= 0xff;
    writeFileSync(cacheFile, damaged);
    assert.equal(run(), 'alpha arg object true\n');
    assert.ok(!cache().equals(damaged), 'replaced');
    const replaced = cache();
    assert.equal(run(), 'alpha arg object true\n');
    assert.ok(cache().equals(replaced), 'and the replacement is used');
    for (const bad of [good.subarray(0, good.length - 1), good.subarray(0, header.length + 4), Buffer.alloc(4096, 7), Buffer.alloc(0)]) {
      writeFileSync(cacheFile, bad);
      assert.equal(run(), 'alpha arg object true\n');
      assert.ok(!cache().equals(bad));
    }
  });

  it('runs without a cache when CASELINT_NO_CODE_CACHE is set or the cache cannot be read or written', () => {
    assert.equal(run({ CASELINT_NO_CODE_CACHE: '1' }), 'alpha arg object true\n');
    assert.ok(!existsSync(folder));
    // A folder where the cache file would be: neither read nor replaced (also for root).
    mkdirSync(cacheFile, { recursive: true });
    writeFileSync(join(cacheFile, 'keep'), '');
    assert.equal(run(), 'alpha arg object true\n');
    assert.ok(existsSync(join(cacheFile, 'keep')));
    assert.equal(readdirSync(folder).length, 1, 'no temporary file is left behind');
    // A FIFO where the cache file would be: not waited on (and replaced by the cache).
    if (process.platform !== 'win32') {
      rmSync(cacheFile, { recursive: true });
      assert.equal(spawnSync('mkfifo', [cacheFile]).status, 0);
      assert.equal(run(), 'alpha arg object true\n');
      assert.ok(statSync(cacheFile).isFile());
    }
    // A file where the cache folder would be.
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'x');
    assert.equal(run({ CASELINT_CACHE_DIR: join(blocked, 'caselint') }), 'alpha arg object true\n');
    assert.equal(readFileSync(blocked, 'utf8'), 'x');
  });

  (RUNS_AS_ROOT ? it : it.skip)("does not read another user's cache file", () => {
    run();
    const good = cache();
    chownSync(cacheFile, UNPRIVILEGED_UID, UNPRIVILEGED_UID);
    // Ignored, so written again (by root: the new file is root's).
    assert.equal(run(), 'alpha arg object true\n');
    assert.equal(statSync(cacheFile).uid, 0);
    assert.ok(parts(cache()).header.equals(parts(good).header));
  });

  it("gives the bundle's exports (the VS Code client's loader, client/src/entry.ts), from the cache as without it", () => {
    writeFileSync(bundle, "exports.activate = (n) => n + 1;\nmodule.exports.name = require('node:path').basename(__filename);\n");
    const CODE_CACHE = resolve(__dirname, '../../server/src/code-cache.ts');
    writeFileSync(join(dir, 'run.ts'), `import { runWithCodeCache } from ${JSON.stringify(CODE_CACHE)};\nconst m = runWithCodeCache(${JSON.stringify(bundle)}) as { activate(n: number): number; name: string };\nconsole.log(m.activate(1), m.name);\n`);
    assert.equal(run(), '2 main.js\n');
    assert.ok(existsSync(cacheFile));
    assert.equal(run(), '2 main.js\n');
  });

  it("the cache folder: CASELINT_CACHE_DIR, else the platform's user cache folder", () => {
    assert.equal(codeCacheFolder({ CASELINT_CACHE_DIR: '/x/cache' }, 'linux'), '/x/cache');
    assert.equal(codeCacheFolder({ XDG_CACHE_HOME: '/x/xdg' }, 'linux'), join('/x/xdg', 'caselint'));
    assert.match(codeCacheFolder({ XDG_CACHE_HOME: 'relative' }, 'linux') ?? '', /[/\\]\.cache[/\\]caselint$/);
    assert.match(codeCacheFolder({}, 'darwin') ?? '', /[/\\]Library[/\\]Caches[/\\]caselint$/);
    assert.equal(codeCacheFolder({ LOCALAPPDATA: '/x/local' }, 'win32'), join('/x/local', 'caselint', 'Cache'));
    assert.notEqual(codeCacheFile('/a/out/cli-main.js', '/c'), codeCacheFile('/b/out/cli-main.js', '/c'), 'one file per installation');
  });
});
