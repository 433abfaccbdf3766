import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

describe('test/e2e scripts run through npm', () => {
  it('clean-env.sh clears what npm sets for a script (npm_config_user_agent, NODE), as npm run test:e2e needs', function () {
    this.timeout(60_000);
    // npm exec gives the command the environment npm run gives a script.
    const r = spawnSync('npm', ['exec', '--', 'bash', '-c', 'env | grep -cE "^(npm_|NODE=)"; source test/e2e/clean-env.sh; env | grep -E "^(npm_|NODE=)"; true'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const [before, ...after] = r.stdout.trim().split('\n');
    assert.ok(Number(before) > 0, 'npm exec set npm_* variables (else this test tests nothing)');
    assert.deepEqual(after, []);
  });

  it('every e2e entry point sources clean-env.sh, and package.json runs them through bash', () => {
    for (const f of ['test/e2e/prepare.sh', 'test/e2e/run-all.sh', 'test/e2e/pre-commit/run.sh']) {
      assert.match(readFileSync(join(ROOT, f), 'utf8'), /^source .*clean-env\.sh"$/m, f);
    }
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    for (const name of ['test:e2e', 'test:e2e:vscode', 'test:e2e:neovim', 'test:e2e:pre-commit', 'test:e2e:report']) assert.match(scripts[name], /^bash test\/e2e\/run-all\.sh\b/, name);
    assert.match(scripts['test:e2e:prepare'], /^bash test\/e2e\/prepare\.sh$/);
  });
});
