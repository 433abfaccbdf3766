import assert from 'node:assert/strict';
import { seededRandom } from '../../bench/random';
import { computeLineStarts, hintedPositions, positionAt } from '../../server/src/checker';

/** Offset → position of the diagnostics and the CLI's report (model/text.ts hintedPositions): positionAt's answer, whatever order the offsets come in. */
describe('language server positions', () => {
  it('gives positionAt’s position for offsets in document order, back and forth, and out of range', () => {
    const random = seededRandom(5);
    const lines = Array.from({ length: 300 }, (_, i) => 'x'.repeat(Math.floor(random() * (i % 7 === 0 ? 0 : 90))));
    const text = lines.join(random() < 0.5 ? '\n' : '\r\n');
    const starts = computeLineStarts(text);
    const positions = hintedPositions(starts);
    const offsets: number[] = [];
    // Findings in order (start, end a little after), then jumps back and forth, the ends, and past them.
    for (let at = 0; at < text.length; at += Math.floor(random() * 120)) offsets.push(at, Math.min(text.length, at + Math.floor(random() * 200)));
    for (let i = 0; i < 500; i++) offsets.push(Math.floor(random() * (text.length + 1)));
    offsets.push(0, text.length, text.length + 5, starts[starts.length - 1], starts[1], starts[1] - 1);
    for (const offset of offsets) assert.deepEqual(positions(offset), positionAt(starts, offset), `offset ${offset}`);
  });

  it('one line, and an empty text', () => {
    for (const text of ['', 'one line']) {
      const starts = computeLineStarts(text);
      const positions = hintedPositions(starts);
      for (const offset of [0, text.length, 3]) assert.deepEqual(positions(offset), positionAt(starts, offset));
    }
  });
});
