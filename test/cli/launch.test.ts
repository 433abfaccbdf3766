import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const LAUNCH = resolve(__dirname, '../../server/src/launch.ts');

/**
 * server/src/launch.ts (what server/out/cli.js and server.js run): a bundle runs the same with and
 * without its code cache, and a cache that does not belong to the bundle is ignored and replaced.
 */
describe('launch: a bundle with V8 code cache', function () {
  this.timeout(60000);
  let dir: string;
  let bundle: string;
  const run = (env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, 'run.ts'), 'arg'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
    assert.equal(r.stderr, '');
    return r.stdout;
  };
  const source = (word: string) => `#!/usr/bin/env node\nconst { join } = require('node:path');\nconsole.log('${word}', process.argv[2], typeof module.exports, join(__dirname, 'x') === ${JSON.stringify(join('DIR', 'x'))}.replace('DIR', __dirname));\n`;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'caselint-launch-'));
    bundle = join(dir, 'out', 'main.js');
    mkdirSync(join(dir, 'out'));
    writeFileSync(bundle, source('alpha'));
    writeFileSync(join(dir, 'run.ts'), `import { launch } from ${JSON.stringify(LAUNCH)};\nlaunch(${JSON.stringify(bundle)});\n`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the cache on the first run and runs the same from it', () => {
    assert.equal(run(), 'alpha arg object true\n');
    assert.ok(existsSync(`${bundle}.cache`));
    const cache = readFileSync(`${bundle}.cache`);
    assert.equal(run(), 'alpha arg object true\n');
    assert.ok(readFileSync(`${bundle}.cache`).equals(cache), 'a valid cache is not written again');
  });

  it('ignores and replaces the cache of another bundle of the same length, and a damaged cache', () => {
    run();
    const old = readFileSync(`${bundle}.cache`);
    writeFileSync(bundle, source('gamma'));
    assert.equal(run(), 'gamma arg object true\n');
    assert.ok(!readFileSync(`${bundle}.cache`).equals(old));
    writeFileSync(`${bundle}.cache`, Buffer.alloc(4096, 7));
    assert.equal(run(), 'gamma arg object true\n');
    writeFileSync(`${bundle}.cache`, readFileSync(`${bundle}.cache`).subarray(0, 40));
    assert.equal(run(), 'gamma arg object true\n');
  });

  it('runs without a cache when CASELINT_NO_CODE_CACHE is set or the cache cannot be read or written', () => {
    assert.equal(run({ CASELINT_NO_CODE_CACHE: '1' }), 'alpha arg object true\n');
    assert.ok(!existsSync(`${bundle}.cache`));
    // A folder where the cache would be: neither read nor replaced (also for root).
    mkdirSync(`${bundle}.cache`);
    writeFileSync(join(`${bundle}.cache`, 'keep'), '');
    assert.equal(run(), 'alpha arg object true\n');
    assert.ok(existsSync(join(`${bundle}.cache`, 'keep')));
    assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['main.js', 'main.js.cache'], 'no temporary file is left behind');
  });
});
