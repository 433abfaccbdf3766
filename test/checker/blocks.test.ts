import { strict as assert } from 'node:assert';
import { check, createIncrementalChecker, type Finding, type Paragraph, type Rule, type Table } from '../../server/src/checker';

/**
 * Block-local findings (RuleContext.block, engine/blocks.ts): with the incremental checker's memo,
 * a block's work runs only for a block not seen before with the same key; the findings are a
 * plain check's, moved with their block, fixes included.
 */

/** A rule that reports every "foo" of a paragraph (with a fix) and every table, counting the blocks it works on. */
function countingRule(options: { key?: (p: Paragraph) => string; outside?: boolean } = {}) {
  const worked: string[] = [];
  const rule: Rule = {
    id: 'test-block',
    description: 'test',
    defaultSeverity: 'warning',
    check(ctx) {
      for (const p of ctx.doc.paragraphs) {
        ctx.block(p, options.key?.(p) ?? '', () => {
          worked.push(p.plain);
          for (const m of p.plain.matchAll(/foo/g)) {
            const start = p.start + m.index;
            ctx.report({
              start,
              end: start + 3,
              message: `foo in a ${options.key?.(p) ?? 'block'}`,
              fixes: [{ title: 'Replace', kind: 'fix', edits: [{ start, end: start + 3, newText: 'bar' }] }],
              data: { text: p.plain.slice(0, 20) },
            });
          }
          // A finding far outside the block (the rule breaks the contract): never reused.
          if (options.outside && p.plain.startsWith('Far')) ctx.report({ start: 0, end: 1, message: 'far' });
        });
      }
      for (const t of ctx.doc.tables) {
        ctx.block(t, '', () => {
          worked.push(`table ${t.header.map((c) => c.text).join('|')}`);
          ctx.report({ start: t.start, end: t.end, message: `table of ${t.rows.length} rows, caption ${t.caption?.plain ?? 'none'}` });
        });
      }
    },
  };
  return { rule, worked };
}

const TEXT = [
  '# Title',
  '',
  'A first foo paragraph.',
  '',
  'A second paragraph with foo and foo.',
  '',
  'Table 1. Some values.',
  '',
  '| Nerve | Value |',
  '|---|---|',
  '| Median | 3 |',
  '',
  '## Discussion',
  '',
  'A third foo.',
  '',
].join('\n');

const strip = (fs: readonly Finding[]) => fs.map((f) => ({ ...f }));

describe('block-local findings (RuleContext.block)', () => {
  it('works only on the block an edit touched and gives a full check’s findings, moved', () => {
    const { rule, worked } = countingRule();
    const checker = createIncrementalChecker();
    const first = checker.check(TEXT, { rules: [rule] });
    assert.equal(worked.length, 5); // the heading is no paragraph; the caption is one
    assert.deepEqual(strip(first.findings), strip(check(TEXT, { rules: [rule] }).findings));
    worked.length = 0;
    // One character typed in the first paragraph: the blocks after it move by one.
    const edited = TEXT.replace('A first foo', 'A firsts foo');
    const second = checker.check(edited, { rules: [rule] });
    assert.deepEqual(worked, ['A firsts foo paragraph.']);
    worked.length = 0;
    assert.deepEqual(strip(second.findings), strip(check(edited, { rules: [rule] }).findings));
    const moved = second.findings.filter((f) => f.message === 'foo in a block').at(-1)!;
    assert.equal(edited.slice(moved.start, moved.end), 'foo');
    assert.equal(moved.fixes![0].edits[0].start, moved.start);
    // Nothing changed: nothing runs, and the findings of blocks that did not move are the same objects.
    worked.length = 0;
    const third = checker.check(edited, { rules: [rule] });
    assert.deepEqual(worked, []);
    const fourth = checker.check(edited, { rules: [rule] });
    fourth.findings.forEach((f, k) => assert.equal(f, third.findings[k]));
  });

  it('runs a block again when its key, its markup, its surroundings or its table change', () => {
    let mode = 'case';
    const { rule, worked } = countingRule({ key: () => mode });
    const checker = createIncrementalChecker();
    checker.check(TEXT, { rules: [rule] });
    worked.length = 0;
    mode = 'discussion';
    const r = checker.check(TEXT, { rules: [rule] });
    assert.equal(worked.length, 4, 'a new key: every paragraph again');
    assert.ok(r.findings.some((f) => f.message === 'foo in a discussion'));

    worked.length = 0;
    // The same plain text with other markup: another block.
    const marked = TEXT.replace('A third foo.', 'A *third* foo.');
    const m = checker.check(marked, { rules: [rule] });
    assert.deepEqual(worked, ['A third foo.']);
    worked.length = 0;
    assert.deepEqual(strip(m.findings), strip(check(marked, { rules: [rule] }).findings));

    worked.length = 0;
    const cell = marked.replace('| Median | 3 |', '| Median | 4 |');
    checker.check(cell, { rules: [rule] });
    assert.deepEqual(worked, ['table Nerve|Value']);
    worked.length = 0;
    const caption = cell.replace('Table 1. Some values.', 'Table 1. Other values.');
    const c = checker.check(caption, { rules: [rule] });
    assert.deepEqual(worked.sort(), ['Table 1. Other values.', 'table Nerve|Value']);
    worked.length = 0;
    assert.deepEqual(strip(c.findings), strip(check(caption, { rules: [rule] }).findings));
  });

  it('tells apart paragraphs of the same text in other places, and reuses them by their text', () => {
    const { rule, worked } = countingRule();
    const checker = createIncrementalChecker();
    const text = 'Some foo.\n\nA foo.\n\n- A foo.\n\n> A foo.\n\nSome foo.\n\nA foo.\n';
    const r = checker.check(text, { rules: [rule] });
    // "A foo." as a paragraph, a list item and a quote, then the paragraph again after the same
    // text ("Some foo."): the same block. The second "Some foo." follows other text.
    assert.equal(worked.length, 5);
    assert.deepEqual(strip(r.findings), strip(check(text, { rules: [rule] }).findings));
    assert.equal(r.findings.length, 6);
  });

  it('never reuses a block whose findings lie outside it', () => {
    const { rule, worked } = countingRule({ outside: true });
    const checker = createIncrementalChecker();
    const text = TEXT + '\nFar foo.\n';
    checker.check(text, { rules: [rule] });
    worked.length = 0;
    const r = checker.check(text, { rules: [rule] });
    assert.deepEqual(worked, ['Far foo.']);
    worked.length = 0;
    assert.deepEqual(strip(r.findings), strip(check(text, { rules: [rule] }).findings));
  });

  it('without a memo, runs every block and returns its findings', () => {
    const seen: number[] = [];
    const rule: Rule = {
      id: 'test-returns',
      description: 'test',
      defaultSeverity: 'warning',
      check(ctx) {
        for (const p of ctx.doc.paragraphs) {
          const got = ctx.block(p, '', () => ctx.report({ start: p.start, end: p.start + 1, message: 'x' }));
          seen.push(got.length);
          // A block inside a block is part of it.
          ctx.block(p, '', () => ctx.block(p as Paragraph | Table, 'inner', () => undefined));
        }
      },
    };
    const r = check('One.\n\nTwo.\n', { rules: [rule] });
    assert.deepEqual(seen, [1, 1]);
    assert.equal(r.findings.length, 2);
  });
});
