import { strict as assert } from 'node:assert';
import { check } from '../../server/src/checker';
import { checklist, type Checklist, type ChecklistItem } from '../../server/src/checker/views/checklist';
import { headingFormatFor, itemDescription, itemIcon, sectionInsertion, shortProfileLabel, statusBarText, statusBarTooltip } from '../../client/src/checklistModel';

const item = (id: string, status: ChecklistItem['status'], start?: number, required = true): ChecklistItem => ({ id, label: id[0].toUpperCase() + id.slice(1), required, status, start, end: start === undefined ? undefined : start + 3 });

function apply(text: string, ins: { offset: number; newText: string }): string {
  return text.slice(0, ins.offset) + ins.newText + text.slice(ins.offset);
}

describe('client checklist model', () => {
  it('status bar: "$(checklist) CARE 10/13" from the profile label and counts', () => {
    const c: Checklist = { profile: 'care', label: 'CARE checklist', items: [], done: 10, total: 13 };
    assert.equal(statusBarText(c), '$(checklist) CARE 10/13');
    assert.equal(statusBarText({ ...c, label: 'Default', done: 3, total: 4 }), '$(checklist) Default 3/4');
    assert.equal(shortProfileLabel('BMJ Case Reports'), 'BMJ Case Reports');
  });

  it('tooltip names missing (required and optional) and empty items', () => {
    const c: Checklist = { profile: 'default', label: 'Default', items: [item('abstract', 'present', 0), item('investigations', 'missing'), item('consent', 'missing', undefined, false), item('discussion', 'empty', 10)], done: 1, total: 4 };
    const tip = statusBarTooltip(c);
    assert.match(tip, /1 of 4/);
    assert.match(tip, /Missing: Investigations, Consent \(optional\)/);
    assert.match(tip, /Empty: Discussion/);
  });

  it('icons and descriptions per status', () => {
    assert.equal(itemIcon({ status: 'present', required: true }).id, 'pass');
    assert.equal(itemIcon({ status: 'empty', required: true }).id, 'warning');
    assert.equal(itemIcon({ status: 'missing', required: true }).id, 'error');
    assert.equal(itemIcon({ status: 'missing', required: false }).id, 'circle-large-outline');
    assert.equal(itemDescription(item('abstract', 'missing')), 'missing');
    assert.equal(itemDescription({ ...item('abstract', 'present', 0), detail: 'heading "Summary"' }), 'heading "Summary"');
  });

  it('heading format from the VS Code language id', () => {
    assert.equal(headingFormatFor('markdown'), 'markdown');
    assert.equal(headingFormatFor('quarto'), 'markdown');
    assert.equal(headingFormatFor('rmd'), 'markdown');
    assert.equal(headingFormatFor('latex'), 'latex');
    assert.equal(headingFormatFor('plaintext'), 'plaintext');
  });

  describe('sectionInsertion', () => {
    it('markdown: before the next present item, at the start of its line, with its heading level', () => {
      const text = '# Title\n\n### Abstract\n\nText.\n\n### Discussion\n\nMore.\n';
      const items = [item('abstract', 'present', text.indexOf('Abstract')), item('investigations', 'missing'), item('discussion', 'present', text.indexOf('Discussion'))];
      const ins = sectionInsertion(text, 'markdown', items, 'investigations')!;
      assert.equal(ins.offset, text.indexOf('### Discussion'));
      assert.equal(apply(text, ins), '# Title\n\n### Abstract\n\nText.\n\n### Investigations\n\n### Discussion\n\nMore.\n');
    });

    it('markdown: at the end when nothing follows, separated by a blank line', () => {
      const text = '# Title\n\n## Abstract\n\nText.';
      const items = [item('abstract', 'present', text.indexOf('Abstract')), item('discussion', 'missing')];
      assert.equal(apply(text, sectionInsertion(text, 'markdown', items, 'discussion')!), '# Title\n\n## Abstract\n\nText.\n\n## Discussion\n\n');
      const text2 = 'Text.\n\n';
      assert.equal(apply(text2, sectionInsertion(text2, 'markdown', [item('discussion', 'missing')], 'discussion')!), 'Text.\n\n## Discussion\n\n');
      assert.equal(apply('', sectionInsertion('', 'markdown', [item('discussion', 'missing')], 'discussion')!), '## Discussion\n\n');
    });

    it('markdown: keeps CRLF line ends', () => {
      const text = '## Abstract\r\n\r\nText.\r\n\r\n## Discussion\r\n';
      const items = [item('abstract', 'present', 3), item('case', 'missing'), item('discussion', 'present', text.indexOf('Discussion'))];
      assert.equal(apply(text, sectionInsertion(text, 'markdown', items, 'case')!), '## Abstract\r\n\r\nText.\r\n\r\n## Case\r\n\r\n## Discussion\r\n');
    });

    it('latex: \\section (same command as its neighbour), before \\end{document} at the end', () => {
      const text = '\\begin{document}\n\\section*{Introduction}\nText.\n\\section*{Discussion}\nMore.\n\\end{document}\n';
      const items = [item('introduction', 'present', text.indexOf('Introduction')), item('case', 'missing'), item('discussion', 'present', text.indexOf('Discussion')), item('consent', 'missing')];
      assert.equal(apply(text, sectionInsertion(text, 'latex', items, 'case')!), '\\begin{document}\n\\section*{Introduction}\nText.\n\\section*{Case}\n\n\\section*{Discussion}\nMore.\n\\end{document}\n');
      assert.equal(apply(text, sectionInsertion(text, 'latex', items, 'consent')!), '\\begin{document}\n\\section*{Introduction}\nText.\n\\section*{Discussion}\nMore.\n\n\\section*{Consent}\n\n\\end{document}\n');
    });

    it('plain text: a heading line in capitals', () => {
      const text = 'ABSTRACT\n\nText.\n\nDISCUSSION\n\nMore.\n';
      const items = [item('abstract', 'present', 0), item('case', 'missing'), item('discussion', 'present', text.indexOf('DISCUSSION'))];
      assert.equal(apply(text, sectionInsertion(text, 'plaintext', items, 'case')!), 'ABSTRACT\n\nText.\n\nCASE\n\nDISCUSSION\n\nMore.\n');
    });

    it('unknown item: undefined', () => {
      assert.equal(sectionInsertion('x', 'markdown', [], 'nope'), undefined);
    });

    it('with the real checker: inserting the missing heading clears its required-section finding', () => {
      const text = [
        '# Cramps in a 58-year-old man: a case report',
        '',
        '## Abstract',
        '',
        'A man presented with cramps.',
        '',
        '## Case presentation',
        '',
        'He had cramps for a year.',
        '',
        '## Discussion',
        '',
        'Cramps can precede weakness.',
        '',
      ].join('\n');
      const result = check(text, { format: 'markdown', config: {} });
      const before = result.findings.filter((f) => f.ruleId === 'required-section');
      assert.equal(before.length, 1, JSON.stringify(before));
      const list = checklist(result);
      const missing = list.items.find((i) => i.status === 'missing' && i.required)!;
      assert.equal(missing.id, 'investigations');
      const ins = sectionInsertion(text, 'markdown', list.items, missing.id)!;
      const fixed = apply(text, ins);
      assert.match(fixed, /## Investigations\n\n## Discussion/);
      const after = check(fixed, { format: 'markdown', config: {} }).findings.filter((f) => f.ruleId === 'required-section');
      assert.deepEqual(after, []);
    });
  });
});
