import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editPhases } from '../../bench/lsp';
import { PULL_CAPABILITIES, ROOT, spawnServer } from './client';

/**
 * The server's phase records (lsp/phases.ts, for bench/lsp-keystrokes.ts --phases): one line per
 * diagnostics report written, full or unchanged, with every step of the edit and of its pull.
 */
describe('language server phase records', function () {
  this.timeout(30000);

  it('with CASELINT_PHASE_LOG, one record per report, each step in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caselint-phases-'));
    const log = join(dir, 'phases.jsonl');
    process.env.CASELINT_PHASE_LOG = log;
    const client = spawnServer({ capabilities: PULL_CAPABILITIES, settings: { run: 'onType' } });
    delete process.env.CASELINT_PHASE_LOG;
    const sent: number[] = [];
    const received: number[] = [];
    try {
      await client.initialize();
      const uri = 'file:///tmp/caselint-phases/case.md';
      await client.open(uri, readFileSync(join(ROOT, 'test', 'fixtures', 'lsp', 'missing-investigations.md'), 'utf8'));
      let resultId = (await client.pull(uri)).resultId;
      for (const text of [' ', 'a']) {
        sent.push(performance.timeOrigin + performance.now());
        await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text }]);
        resultId = (await client.pull(uri, resultId)).resultId;
        received.push(performance.timeOrigin + performance.now());
      }
    } finally {
      await client.shutdown();
    }
    try {
      assert.equal(readFileSync(log, 'utf8').trim().split('\n').length, 3);
      const phases = editPhases(log, sent, received);
      assert.equal(phases.length, 2);
      for (const p of phases) {
        // toServer and toClient compare two processes' clocks (performance.timeOrigin): finite, not exact.
        for (const [step, ms] of Object.entries(p)) assert.ok(Number.isFinite(ms) && (step.startsWith('to') || ms >= 0), `${step}: ${ms}`);
        assert.ok(p.total >= p.check + p.convert + p.encode);
        // The server's CPU time from the edit to its report: its check at least took some.
        assert.ok(p.cpu > 0, `cpu: ${p.cpu}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
