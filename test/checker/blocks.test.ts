import { strict as assert } from 'node:assert';
import { memoised } from '../../server/src/checker/model/memo';
import { check, createIncrementalChecker, type Finding, type Paragraph, type Rule, type RuleContext, type Table } from '../../server/src/checker';

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


/** A test rule whose every paragraph is a block keyed by its section's heading. */
function sectionKeyedRule(id: string, work: (ctx: RuleContext, p: Paragraph, heading: string) => void): Rule {
  return {
    id,
    description: 'test',
    defaultSeverity: 'warning',
    check(ctx) {
      for (const p of ctx.doc.paragraphs) {
        const heading = p.section?.heading?.text ?? '';
        ctx.block(p, heading, () => work(ctx, p, heading));
      }
    },
  };
}
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

  it('trusts the parse for a block it reused, but not for what lies outside the block’s chunk: its section, its kind, the text before it', () => {
    // The key holds the section's heading (what a rule reads of the section); the message, the
    // characters before the block (inside the window a rule may read).
    const worked: string[] = [];
    const rule = sectionKeyedRule('test-outside', (ctx, p, heading) => {
      worked.push(p.plain);
      const before = JSON.stringify(ctx.doc.text.slice(Math.max(0, p.start - 6), p.start));
      ctx.report({ start: p.start, end: p.start + 1, message: `${p.kind} under ${heading} after ${before}` });
    });
    const checker = createIncrementalChecker();
    const steps = [
      TEXT,
      // The section's heading: every paragraph under it again, no other.
      TEXT.replace('## Discussion', '## Comment'),
      // A heading that makes the paragraph a reference entry: its kind changes, its text does not.
      TEXT.replace('## Discussion', '## References'),
      // The text before a paragraph, in the chunk before it: the paragraph after it runs again.
      TEXT.replace('A first foo paragraph.', 'A first foo paragraph!'),
      TEXT.replace('A first foo paragraph.', 'A first foo paragraph!').replace('\n\nA second', '\n\n\nA second'),
      TEXT,
    ];
    const ran: string[][] = [];
    for (const text of steps) {
      worked.length = 0;
      const r = checker.check(text, { rules: [rule] });
      ran.push([...worked]);
      assert.deepEqual(strip(r.findings), strip(check(text, { rules: [rule] }).findings), JSON.stringify(text));
    }
    assert.deepEqual(ran[1], ['A third foo.']);
    assert.deepEqual(ran[2], ['A third foo.']);
    assert.deepEqual(ran[3].sort(), ['A first foo paragraph!', 'A second paragraph with foo and foo.']);
    assert.deepEqual(ran[4], ['A second paragraph with foo and foo.']);
  });

  it('gives a full check’s findings after each of 400 random edits, for a rule that reads its window and its section', () => {
    const rule = sectionKeyedRule('test-window', (ctx, p, heading) => {
      // The window: the line before the paragraph and 8 characters before it, its own lines.
      const before = JSON.stringify(ctx.doc.text.slice(Math.max(0, p.start - 8), p.start));
      ctx.report({ start: p.start, end: p.end, message: `${p.kind} ${p.quoted ? 'quoted ' : ''}under ${heading} after ${before}: ${p.sentences.length} sentences, ${p.citations.map((c) => c.raw).join(' ')}` });
    });
    // (A fixed generator: the same edits every run.)
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['\n', '\n\n', '# ', '## References\n\n', '- ', '> ', 'x', ' [1]', '1. ', '*', '|', 'Table 2. ', '\n---\n'];
    const checker = createIncrementalChecker();
    let text = TEXT + '\n## References\n\n1. Ref one.\n2. Ref two.\n';
    for (let i = 0; i < 400; i++) {
      const at = random(text.length + 1);
      text = random(3) === 0 ? text.slice(0, at) + text.slice(at + 1 + random(4)) : text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at);
      const r = checker.check(text, { rules: [rule] });
      assert.deepEqual(strip(r.findings), strip(check(text, { rules: [rule] }).findings), `edit ${i}: ${JSON.stringify(text)}`);
    }
  });

  it('keeps what a reused block\'s work looked up: its first edit decides again only the sentence it changed', () => {
    const decided: string[] = [];
    const rule: Rule = {
      id: 'test-sentences',
      description: 'test',
      defaultSeverity: 'warning',
      check(ctx) {
        for (const p of ctx.doc.paragraphs) {
          ctx.block(p, '', () => {
            for (const s of p.sentences) {
              const long = memoised(ctx.doc.memo, 'test/sentence', s.text, () => (decided.push(s.text), s.text.length > 20));
              if (long) ctx.report({ start: s.start, end: s.end, message: 'long' });
            }
          });
        }
      },
    };
    const first = 'One short one. A second sentence that is long. A third.';
    const base = `# Title\n\n${first}\n\nAnother paragraph here.\n`;
    const checker = createIncrementalChecker();
    checker.check(base, { rules: [rule] });
    // Many checks that reuse the paragraph's findings (the work does not run, nothing asks for its sentences).
    let text = base;
    for (let i = 0; i < 40; i++) {
      text = text.replace(/here\.*$/m, `here${'.'.repeat(1 + (i % 3))}`);
      checker.check(text, { rules: [rule] });
    }
    decided.length = 0;
    text = text.replace('A third.', 'A third one.');
    const r = checker.check(text, { rules: [rule] });
    assert.deepEqual(decided, ['A third one.']);
    assert.deepEqual(strip(r.findings), strip(check(text, { rules: [rule] }).findings));
    // What the memo holds for a block goes with the block (swept once it is collected).
    checker.clear();
    assert.equal(checker.stats().size, 0);
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
