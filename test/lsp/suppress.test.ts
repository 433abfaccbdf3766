import assert from 'node:assert/strict';
import { check, type Format, type Rule } from '../../server/src/checker';
import { ignoreFileEdits, ignoreLineEdits, suppressionFixes } from '../../server/src/checker/views/suppression-edits';
import { applyOffsetEdits } from './edits';

/**
 * Suppression edits ("Ignore <rule> on this line / in this file"): applied to the text, the
 * finding goes away, the other findings stay, and the document's structure does not change.
 */
const zebra: Rule = {
  id: 'zebra',
  description: 'Flags the word zebra.',
  defaultSeverity: 'warning',
  check(ctx) {
    for (const m of ctx.doc.text.matchAll(/zebra/g)) {
      // Not inside comments (the suppression comments name the rule).
      if (ctx.doc.comments.some((c) => m.index! >= c.start && m.index! < c.end) || /caselint-[a-z-]+ $/.test(ctx.doc.text.slice(Math.max(0, m.index! - 40), m.index!))) continue;
      ctx.report({ start: m.index!, end: m.index! + 5, message: 'zebra' });
    }
  },
};
const other: Rule = { ...zebra, id: 'other-rule' };

function run(text: string, format: Format = 'markdown') {
  return check(text, { format, rules: [zebra, other] });
}

/** Applies the line (or file) suppression of the n-th zebra finding and checks the result. */
function suppress(text: string, n: number, scope: 'line' | 'file', format: Format = 'markdown') {
  const before = run(text, format);
  const zebras = before.findings.filter((f) => f.ruleId === 'zebra');
  const target = zebras[n];
  const fixes = suppressionFixes(before.model, target);
  const fix = fixes.find((f) => f.title === `Ignore zebra ${scope === 'line' ? 'on this line' : 'in this file'}`);
  assert.ok(fix, `fixes: ${fixes.map((f) => f.title).join(', ')}`);
  const fixed = applyOffsetEdits(text, fix!.edits);
  const after = run(fixed, format);
  return { before, after, fixed };
}

function count(r: ReturnType<typeof run>, ruleId: string): number {
  return r.findings.filter((f) => f.ruleId === ruleId).length;
}

describe('suppression edits', () => {
  it('markdown heading: a comment line above silences only that rule on that line', () => {
    const text = '# Title\n\n## The zebra case\n\nA zebra in the text.\n';
    const { after, fixed } = suppress(text, 0, 'line');
    assert.equal(fixed, '# Title\n\n<!-- caselint-disable-next-line zebra -->\n## The zebra case\n\nA zebra in the text.\n');
    assert.equal(count(after, 'zebra'), 1);
    assert.equal(count(after, 'other-rule'), 2);
  });

  it("markdown paragraph: above its first line; on a continuation line, at the line's end (the paragraph stays whole)", () => {
    const text = 'Intro.\n\nA zebra first.\nThen a zebra again.\nAnd an end.\n';
    const first = suppress(text, 0, 'line');
    assert.equal(first.fixed, 'Intro.\n\n<!-- caselint-disable-next-line zebra -->\nA zebra first.\nThen a zebra again.\nAnd an end.\n');
    assert.equal(count(first.after, 'zebra'), 1);
    const second = suppress(text, 1, 'line');
    assert.equal(second.fixed, 'Intro.\n\nA zebra first.\nThen a zebra again. <!-- caselint-disable-line zebra -->\nAnd an end.\n');
    assert.equal(count(second.after, 'zebra'), 1);
    assert.equal(second.after.model.paragraphs.length, second.before.model.paragraphs.length);
    assert.equal(second.after.model.sentences.length, second.before.model.sentences.length);
  });

  it('markdown list items and blockquotes: at the end of the line', () => {
    const text = '- one zebra\n- two zebra\n\n> a quoted zebra\n';
    for (let n = 0; n < 3; n++) {
      const { before, after, fixed } = suppress(text, n, 'line');
      assert.match(fixed, /zebra <!-- caselint-disable-line zebra -->/);
      assert.equal(count(after, 'zebra'), 2);
      assert.equal(after.model.paragraphs.length, before.model.paragraphs.length);
      assert.deepEqual(after.model.paragraphs.map((p) => p.kind), before.model.paragraphs.map((p) => p.kind));
    }
  });

  it('markdown table: a disable/enable pair around the table keeps it a table', () => {
    const text = 'Before.\n\n| Muscle | Grade |\n|---|---|\n| zebra | 4 |\n\nA zebra after.\n';
    const { before, after, fixed } = suppress(text, 0, 'line');
    assert.equal(fixed, 'Before.\n\n<!-- caselint-disable zebra -->\n\n| Muscle | Grade |\n|---|---|\n| zebra | 4 |\n\n<!-- caselint-enable zebra -->\n\nA zebra after.\n');
    assert.equal(count(after, 'zebra'), 1);
    assert.equal(after.model.tables.length, 1);
    assert.deepEqual(after.model.tables[0].rows.map((r) => r.map((c) => c.text)), before.model.tables[0].rows.map((r) => r.map((c) => c.text)));
  });

  it('markdown file: after the front matter, with a blank line before the next block', () => {
    const text = '---\ntitle: A case\n---\n# A zebra\n\nA zebra.\n';
    const { after, fixed } = suppress(text, 0, 'file');
    assert.equal(fixed, '---\ntitle: A case\n---\n<!-- caselint-disable zebra -->\n\n# A zebra\n\nA zebra.\n');
    assert.equal(count(after, 'zebra'), 0);
    assert.equal(count(after, 'other-rule'), 2);
    assert.ok(after.model.frontMatter?.data, 'front matter still parsed');
  });

  it('a finding inside the front matter gets no suppression it could not honour', () => {
    const text = '---\ntitle: A zebra case\n---\n# Heading\n';
    const r = run(text);
    const f = r.findings.find((x) => x.ruleId === 'zebra')!;
    assert.deepEqual(suppressionFixes(r.model, f), []);
  });

  it('code blocks get no line suppression (the comment would become code)', () => {
    const text = 'Text.\n\n```\nzebra\n```\n';
    const r = run(text);
    const f = r.findings.find((x) => x.ruleId === 'zebra')!;
    assert.deepEqual(suppressionFixes(r.model, f).map((x) => x.title), ['Ignore zebra in this file']);
  });

  it('keeps CRLF line breaks', () => {
    const text = 'Intro.\r\n\r\nA zebra here.\r\n';
    const { fixed, after } = suppress(text, 0, 'line');
    assert.equal(fixed, 'Intro.\r\n\r\n<!-- caselint-disable-next-line zebra -->\r\nA zebra here.\r\n');
    assert.equal(count(after, 'zebra'), 0);
  });

  it('latex: "% caselint-disable-next-line" above the line, "% caselint-disable" at the top', () => {
    const text = '\\section{Case}\nA zebra in the text.\nAnother zebra.\n';
    assert.deepEqual(ignoreLineEdits(text, 'zebra', text.indexOf('Another'), 'latex'), [
      { start: text.indexOf('Another'), end: text.indexOf('Another'), newText: '% caselint-disable-next-line zebra\n' },
    ]);
    assert.deepEqual(ignoreFileEdits(text, 'zebra', 'latex'), [{ start: 0, end: 0, newText: '% caselint-disable zebra\n' }]);
    const line = suppress(text, 1, 'line', 'latex');
    assert.equal(count(line.after, 'zebra'), 1);
    const file = suppress(text, 1, 'file', 'latex');
    assert.equal(count(file.after, 'zebra'), 0);
  });

  it('plain text has no comment syntax: no suppression fixes', () => {
    const r = run('CASE REPORT\n\nA zebra.\n', 'text');
    assert.deepEqual(suppressionFixes(r.model, r.findings[0]), []);
  });
});
