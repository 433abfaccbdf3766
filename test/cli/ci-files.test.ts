import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLI_JS, ensureCliBuilt, REPO } from './helpers';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
  if?: string;
}

const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as {
  name: string;
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};

/** Runs one of the action's bash steps as the runner would, with its env given directly. */
function runStep(step: Step, env: Record<string, string>, cwd: string) {
  assert.equal(step.shell, 'bash');
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli: CI integration files', () => {
  describe('action.yml', () => {
    it('is a composite action with the documented inputs', () => {
      assert.equal(action.runs.using, 'composite');
      assert.equal(action.inputs.paths.default, '.');
      assert.equal(action.inputs.format.default, 'github');
      assert.equal(action.inputs['fail-level'].default, 'error');
      for (const name of ['profile', 'max-warnings', 'version', 'output-file', 'summary']) assert.ok(action.inputs[name], name);
      const setup = action.runs.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      assert.equal(String(setup?.with?.['node-version']), '20');
      for (const step of action.runs.steps.filter((s) => s.run)) {
        // Inputs reach scripts through env only (no ${{ }} inside run: script injection).
        assert.doesNotMatch(step.run!, /\$\{\{/, step.name);
      }
      assert.match(action.outputs['exit-code'].value, /steps\.check\.outputs\.exit-code/);
    });

    describe('its steps, run with bash against the built CLI', function () {
      this.timeout(60000);
      let tmp: string;
      const step = (id: string) => action.runs.steps.find((s) => s.id === id || s.name === id)!;
      before(async () => {
        await ensureCliBuilt();
        tmp = mkdtempSync(join(tmpdir(), 'caselint-action-'));
      });
      after(() => tmp && rmSync(tmp, { recursive: true, force: true }));

      function files() {
        const out = { env: join(tmp, 'env'), output: join(tmp, 'output'), summary: join(tmp, 'summary') };
        for (const f of Object.values(out)) writeFileSync(f, '');
        return out;
      }

      it('prepare: a version runs caselint from npm with npx', () => {
        const f = files();
        const r = runStep(step('Prepare caselint'), { CASELINT_VERSION: '1.2.3', GITHUB_ENV: f.env, GITHUB_ACTION_PATH: REPO }, REPO);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(readFileSync(f.env, 'utf8'), 'CASELINT_CMD=npx --yes caselint@1.2.3\n');
      });

      const base = (f: ReturnType<typeof files>) => ({
        CASELINT_CMD: `node ${CLI_JS}`,
        GITHUB_OUTPUT: f.output,
        GITHUB_STEP_SUMMARY: f.summary,
        INPUT_PROFILE: '',
        INPUT_FORMAT: 'github',
        INPUT_OUTPUT_FILE: '',
        INPUT_FAIL_LEVEL: 'error',
        INPUT_MAX_WARNINGS: '-1',
      });

      it('check: annotations, the exit code as an output, globs left to caselint', () => {
        const f = files();
        const r = runStep(step('check'), { ...base(f), INPUT_PATHS: 'test/fixtures/cli/missing-section.md\n  test/fixtures/cli/project/*.md' }, REPO);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(readFileSync(f.output, 'utf8'), 'exit-code=1\n');
        const lines = r.stdout.trimEnd().split('\n');
        assert.equal(lines.length, 2);
        assert.match(lines[0], /^::error file=test\/fixtures\/cli\/missing-section\.md,line=2,col=9,/);
        assert.match(lines[1], /^::warning file=test\/fixtures\/cli\/missing-section\.md,line=11,col=25,/);
      });

      it('check: fail-level none → 0, warning → 1 on a warning, bad fail-level → 2', () => {
        let f = files();
        runStep(step('check'), { ...base(f), INPUT_PATHS: 'test/fixtures/cli/missing-section.md', INPUT_FAIL_LEVEL: 'none' }, REPO);
        assert.equal(readFileSync(f.output, 'utf8'), 'exit-code=0\n');
        f = files();
        const warned = join(tmp, 'warned.md');
        writeFileSync(warned, readFileSync(join(REPO, 'test/fixtures/cli/project/complete-case-report.md'), 'utf8').replace('levothyroxine.', 'levothyroxine XX.'));
        runStep(step('check'), { ...base(f), INPUT_PATHS: warned, INPUT_FAIL_LEVEL: 'warning' }, REPO);
        assert.equal(readFileSync(f.output, 'utf8'), 'exit-code=1\n');
        f = files();
        runStep(step('check'), { ...base(f), INPUT_PATHS: warned }, REPO);
        assert.equal(readFileSync(f.output, 'utf8'), 'exit-code=0\n');
        f = files();
        const bad = runStep(step('check'), { ...base(f), INPUT_PATHS: warned, INPUT_FAIL_LEVEL: 'sometimes' }, REPO);
        assert.equal(bad.code, 2);
        assert.match(bad.stdout, /^::error title=caselint::fail-level must be error, warning or none/);
      });

      it('summary: the Markdown report is appended to the job summary', () => {
        const f = files();
        writeFileSync(f.summary, 'before\n');
        const r = runStep(step('Write the job summary'), { ...base(f), INPUT_PATHS: 'test/fixtures/cli/missing-section.md' }, REPO);
        assert.equal(r.code, 0, r.stderr);
        const md = readFileSync(f.summary, 'utf8');
        assert.match(md, /^before\n# caselint report\n/);
        assert.match(md, /\| Investigations \| yes \| ❌ missing \|/);
      });

      it('report: the HTML page is written to the report file and marked for upload', () => {
        const f = files();
        const page = join(tmp, 'caselint-report.html');
        const r = runStep(step('report'), { ...base(f), INPUT_PATHS: 'test/fixtures/cli/missing-section.md', INPUT_REPORT: page }, REPO);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(readFileSync(f.output, 'utf8'), 'written=true\n');
        const html = readFileSync(page, 'utf8');
        assert.match(html, /^<!DOCTYPE html>/);
        assert.match(html, /<h3>Checklist<\/h3>/);
        const upload = action.runs.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
        assert.ok(upload, 'no upload-artifact step');
        assert.equal(action.inputs.report.default, 'caselint-report.html');
      });

      it('result: fails the job with caselint\'s exit code', () => {
        assert.equal(runStep(step('Result'), { CODE: '0' }, REPO).code, 0);
        assert.equal(runStep(step('Result'), { CODE: '1' }, REPO).code, 1);
        assert.equal(runStep(step('Result'), { CODE: '2' }, REPO).code, 2);
      });
    });
  });

  describe('.pre-commit-hooks.yaml', () => {
    it('declares the caselint hook (node, entry caselint, manuscript files)', () => {
      const hooks = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; language: string; entry: string; files: string; args?: string[] }[];
      const hook = hooks.find((h) => h.id === 'caselint')!;
      assert.equal(hook.language, 'node');
      assert.equal(hook.entry, 'caselint');
      assert.deepEqual(hook.args, ['--detect']);
      const re = new RegExp(hook.files);
      for (const f of ['paper.md', 'a/b.qmd', 'x.Rmd', 'main.tex', 'draft.txt']) assert.match(f, re);
      for (const f of ['package.json', 'fig.png', 'md', 'refs.bib']) assert.doesNotMatch(f, re);
      // The entry is the package's bin, which npm pack builds (prepack).
      const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
      assert.equal(pkg.bin.caselint, './server/out/cli.js');
      assert.match(pkg.scripts.prepack, /bundle/);
    });

    it('npm pack prints only the tarball name, which pre-commit installs (test:e2e:pre-commit runs the real pre-commit)', function () {
      this.timeout(120_000);
      // As pre-commit runs it: npm pack in the repository, its standard output read as a file name.
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
      const r = spawnSync('npm', ['pack', '--dry-run'], { cwd: REPO, encoding: 'utf8', env });
      assert.equal(r.status, 0, r.stderr);
      const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
      assert.equal(r.stdout, `${pkg.name}-${pkg.version}.tgz\n`);
    });
  });
});
