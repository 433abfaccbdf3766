import { strict as assert } from 'node:assert';
import { getHeapStatistics } from 'node:v8';
import { detached, GenerationalMemo } from '../../server/src/checker/model/memo';
import { collectGarbage } from '../../server/src/lsp/heap';

describe('memo (model/memo.ts)', () => {
  it('detached: an equal string, the string itself without a memo or when short', () => {
    const memo = new GenerationalMemo();
    const text = 'The patient\u2019s fever was high for three days. '.repeat(10);
    const cut = text.slice(3, 90);
    assert.equal(detached(memo, cut), cut);
    assert.equal(detached(undefined, cut), cut);
    assert.equal(detached(memo, 'short'), 'short');
    assert.equal(detached(memo, ''), '');
  });

  it('detached: one copy of the same text within a check and the next', () => {
    const memo = new GenerationalMemo();
    const text = `${'The patient\u2019s fever was high. '.repeat(400)}`.split('').reverse().join('');
    const copies = (n: number) => Array.from({ length: n }, (_, i) => detached(memo, text.slice(i % 2, 10_000 + (i % 2))));
    // (Strings are compared by value: what is shared shows in the heap, ~20 KB a copy of 10,000 characters.)
    collectGarbage();
    const before = getHeapStatistics().used_heap_size;
    const kept = copies(1000);
    memo.next();
    kept.push(...copies(1000));
    collectGarbage();
    const grown = getHeapStatistics().used_heap_size - before;
    assert.ok(grown < 2_000_000, `2,000 copies of two texts took ${grown} bytes`);
    assert.ok(kept.every((k, i) => k === text.slice(i % 2, 10_000 + (i % 2))));
  });

  it('detached: a copy that keeps nothing of the text it was cut from alive', function () {
    this.timeout(30_000);
    const memo = new GenerationalMemo();
    // ~16 MB of UTF-16 (a character above U+00FF), cut into 200 kept copies of 100 characters.
    let text: string | undefined = `${'a\u2019b '.repeat(2_000_000)}`;
    text = text.split('').reverse().join('');
    const kept = Array.from({ length: 200 }, (_, i) => detached(memo, text!.slice(i * 1000, i * 1000 + 100)));
    collectGarbage();
    const withText = getHeapStatistics().used_heap_size;
    text = undefined;
    collectGarbage();
    const without = getHeapStatistics().used_heap_size;
    assert.ok(withText - without > 10_000_000, `the text was not freed: ${withText} -> ${without} bytes`);
    assert.equal(kept.length, 200);
    assert.ok(kept.every((k) => k.length === 100));
  });
});
