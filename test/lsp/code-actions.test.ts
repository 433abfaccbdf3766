import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, suppressionFixes } from '../../server/src/checker';
import { quickFixes } from '../../server/src/lsp/codeActions';
import { findingsToDiagnostics } from '../../server/src/lsp/diagnostics';

/** Code actions are told apart by Fix.kind, never by their (English) titles. */
describe('code actions by fix kind', () => {
  const text = '# A case report\n\n## Abstract\n\nShort.\n';
  const document = TextDocument.create('file:///tmp/kinds.md', 'markdown', 1, text);
  const result = check(text);
  const diagnostics = findingsToDiagnostics(result.findings, document, result.model).filter((d) => d.code === 'required-section');

  it('every fix says what it is: insert-section for the quick fix, ignore-line / ignore-file for the suppressions', () => {
    assert.ok(diagnostics.length >= 2, 'several required sections are missing');
    for (const f of result.findings.filter((x) => x.ruleId === 'required-section')) {
      assert.deepEqual(f.fixes!.map((x) => x.kind), ['insert-section']);
      assert.deepEqual(suppressionFixes(result.model, f).map((x) => x.kind), ['ignore-line', 'ignore-file']);
    }
  });

  it('one "ignore in this file" per rule, one "ignore on this line" per place, whatever the titles say', () => {
    // Titles that say nothing of the kind: the actions are still told apart by kind.
    const retitled = {
      model: result.model,
      findings: result.findings.map((f) => ({ ...f, fixes: f.fixes?.map((x, i) => ({ ...x, title: `fix ${i} of ${f.start}` })) })),
    };
    const actions = quickFixes(document, diagnostics, retitled);
    const inserts = actions.filter((a) => a.title.startsWith('fix '));
    assert.equal(inserts.length, diagnostics.length);
    // All findings are at the title: one line suppression and one file suppression, after the fixes.
    const ignores = actions.slice(inserts.length);
    assert.equal(ignores.length, 2, ignores.map((a) => a.title).join(' | '));
    assert.deepEqual(ignores.map((a) => a.edit?.changes?.[document.uri]?.[0].newText), [
      '<!-- caselint-disable-next-line required-section -->\n',
      '<!-- caselint-disable required-section -->\n\n',
    ]);
  });

  it('a diagnostic of an older text that no longer fits the current check gets no actions', () => {
    const moved = diagnostics.map((d) => ({ ...d, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } } }));
    assert.deepEqual(quickFixes(document, moved, result), []);
    const edited = TextDocument.create(document.uri, 'markdown', 2, `${text}\nMore.\n`);
    assert.deepEqual(quickFixes(edited, diagnostics, result), [], 'a check of another text gives no actions');
  });
});
