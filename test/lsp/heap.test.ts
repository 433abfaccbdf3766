import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { getHeapSpaceStatistics } from 'node:v8';
import { capYoungGeneration, collectGarbage, collectWhenIdle } from '../../server/src/lsp/heap';

/** The server's cap on V8's young generation (lsp/heap.ts): growth stopped at the cap, resumed below it. */
describe('language server young generation cap', () => {
  it('stops growth at the cap, lets it grow again once V8 shrank it, and sets the flag only on a change', () => {
    const MB = 1024 * 1024;
    let size = 2 * MB;
    const flags: string[] = [];
    const cap = capYoungGeneration(8, () => size, (f) => flags.push(f));
    cap.adjust();
    assert.deepEqual(flags, ['--semi-space-growth-factor=2'], 'below the cap at first: V8 may grow it');
    assert.equal(cap.stopped, false);
    size = 4 * MB;
    cap.adjust();
    // Set again below the cap (launch.ts may have set the starting factor back for the code cache).
    assert.deepEqual(flags, ['--semi-space-growth-factor=2', '--semi-space-growth-factor=2']);
    size = 8 * MB;
    cap.adjust();
    assert.equal(cap.stopped, true);
    assert.equal(flags.at(-1), '--semi-space-growth-factor=1');
    size = 16 * MB;
    cap.adjust();
    assert.equal(flags.length, 3, 'at the cap: no change, no flag');
    // The memory reducer shrank it while the server was idle: typing makes it grow back.
    size = 1 * MB;
    cap.adjust();
    assert.deepEqual(flags.slice(3), ['--semi-space-growth-factor=2']);
    assert.equal(cap.stopped, false);
  });

  it('reads the real young generation and sets a flag V8 knows', () => {
    // In this process: V8 takes the flag (an unknown one would make setFlagsFromString warn), and
    // the default factor is set back.
    const flags: string[] = [];
    const cap = capYoungGeneration(1e6, undefined, (f) => flags.push(f));
    cap.adjust();
    assert.deepEqual(flags, ['--semi-space-growth-factor=2']);
  });
});

/** The server's collection after a pause in checking (lsp/heap.ts). */
describe('language server idle collection', () => {
  it('collects once after the pause, not while checks go on, and again only after more work', async () => {
    const AFTER = 100;
    let collections = 0;
    const idle = collectWhenIdle(AFTER, () => collections++);
    try {
      // A check yielding every few ms: no collection in between (unless this machine stalled the
      // loop for longer than the pause, which is then a pause).
      let last = performance.now();
      let longestGap = 0;
      for (let i = 0; i < 20; i++) {
        idle.busy();
        await sleep(5);
        longestGap = Math.max(longestGap, performance.now() - last);
        last = performance.now();
      }
      if (longestGap < AFTER) assert.equal(collections, 0, 'no collection while the server is busy');
      const during = collections;
      await sleep(4 * AFTER);
      assert.equal(collections, during + 1, 'one collection after the pause');
      await sleep(4 * AFTER);
      assert.equal(collections, during + 1, 'not again without new work');
      idle.busy();
      await sleep(4 * AFTER);
      assert.equal(collections, during + 2, 'again after the next check');
      idle.busy();
      idle.dispose();
      await sleep(4 * AFTER);
      assert.equal(collections, during + 2, 'disposed: nothing pending');
    } finally {
      idle.dispose();
    }
  });

  it('survives a collection that throws', async () => {
    const idle = collectWhenIdle(10, () => {
      throw new Error('no gc here');
    });
    idle.busy();
    await sleep(60);
    idle.dispose();
  });

  it('collects this process\'s garbage for real', () => {
    const old = () => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!.space_used_size;
    let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i }));
    collectGarbage(); // promotes it
    const before = old();
    garbage = undefined;
    collectGarbage();
    assert.ok(old() < before, `old space used ${before} → ${old()}`);
    assert.equal(garbage, undefined);
  });
});
