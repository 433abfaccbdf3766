import assert from 'node:assert/strict';
import { capYoungGeneration } from '../../server/src/lsp/heap';

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
    assert.equal(flags.length, 1, 'no change, no flag');
    size = 8 * MB;
    cap.adjust();
    assert.equal(cap.stopped, true);
    assert.equal(flags.at(-1), '--semi-space-growth-factor=1');
    size = 16 * MB;
    cap.adjust();
    assert.equal(flags.length, 2);
    // The memory reducer shrank it while the server was idle: typing makes it grow back.
    size = 1 * MB;
    cap.adjust();
    assert.deepEqual(flags.slice(2), ['--semi-space-growth-factor=2']);
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
