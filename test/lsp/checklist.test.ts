import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../../server/src/checker';
import { checklist } from '../../server/src/checker/views/checklist';
import { checklistResult, insertSectionEdit } from '../../server/src/lsp/checklist';

describe('checklist request result (LSP)', () => {
  const text = '# Foot drop: a case report\r\n\r\n## Abstract\r\n\r\nA man 😀 had foot drop. Written consent was obtained.\r\n';
  const document = TextDocument.create('untitled:x.md', 'markdown', 1, text);
  const result = check(text, { config: { profile: 'care' }, rules: [] });

  it('adds LSP ranges (UTF-16, CRLF) to located items and keeps the core fields', () => {
    const wire = checklistResult(result, document);
    const core = checklist(result);
    assert.deepEqual({ ...wire, items: wire.items.map(({ range, ...rest }) => rest), counts: wire.counts!.map(({ range, ...rest }) => rest) }, core);
    const consent = wire.items.find((i) => i.id === 'consent')!;
    // "Written consent was obtained." on line 4, after "A man 😀 had foot drop. " (the emoji is 2 UTF-16 units).
    assert.deepEqual(consent.range, { start: { line: 4, character: 24 }, end: { line: 4, character: 53 } });
    const title = wire.items.find((i) => i.id === 'title')!;
    assert.deepEqual(title.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 26 } });
    const abstract = wire.items.find((i) => i.id === 'abstract')!;
    assert.deepEqual(abstract.range, { start: { line: 2, character: 3 }, end: { line: 2, character: 11 } });
  });

  it('sends the word and count limits the status bar shows ("Abstract 9 words"), located', () => {
    const wire = checklistResult(result, document);
    const abstract = wire.counts!.find((c) => c.id === 'abstractWords')!;
    // "A man 😀 had foot drop. Written consent was obtained.": the emoji is not a word.
    assert.equal(abstract.text, 'Abstract 9 words');
    assert.equal(abstract.status, 'none');
    assert.deepEqual(abstract.range, { start: { line: 2, character: 3 }, end: { line: 2, character: 11 } });
    assert.equal(wire.counts!.find((c) => c.id === 'keywords')!.text, 'Keywords: none');
    // CARE asks for "case report" in the title: this one has it.
    assert.deepEqual([wire.titleRule?.rule, wire.titleRule?.ok], ['require', true]);
  });

  it('gives missing items no range', () => {
    const wire = checklistResult(result, document);
    const timeline = wire.items.find((i) => i.id === 'timeline')!;
    assert.equal(timeline.status, 'missing');
    assert.equal(timeline.range, undefined);
    assert.equal(wire.label, 'CARE checklist');
    assert.deepEqual([wire.done, wire.total], [3, 13]);
  });

  it("insertSection: the item's section as a WorkspaceEdit with LSP positions (UTF-16, CRLF), null for unknown items", () => {
    const edit = insertSectionEdit(result, document, 'timeline');
    const edits = edit?.changes?.[document.uri];
    assert.equal(edits?.length, 1);
    // At the end of the document (nothing of the profile comes after the timeline), CRLF kept.
    assert.deepEqual(edits![0].range, { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } });
    assert.match(edits![0].newText, /^\r\n## Timeline\r\n\r\nTODO: /);
    assert.equal(insertSectionEdit(result, document, 'no-such-item'), null);
    assert.equal(insertSectionEdit(result, document, 42), null);
  });
});
