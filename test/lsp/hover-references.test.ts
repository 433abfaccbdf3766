import { strict as assert } from 'node:assert';
import { parseDocument } from '../../server/src/checker';
import { citationKeys, findBibitem, referenceList, resolveCitation } from '../../server/src/checker/analysis/references';
import { parseBibliography } from '../../server/src/checker/model/bibliography';
import { findBibEntry, type BibFile } from '../../server/src/lsp/bibfiles';

describe('citation → reference entry (pure)', () => {
  it('numbers a Markdown reference list by position, or by the list’s own numbers', () => {
    const text = 'Text [2].\n\n## References\n\n4. Four A. Title. 2001.\n5. Five B. Title. 2002.\n';
    const model = parseDocument(text, 'markdown');
    const list = referenceList(model);
    assert.deepEqual(list.map((e) => [e.number, e.text]), [[4, 'Four A. Title. 2001.'], [5, 'Five B. Title. 2002.']]);
    assert.equal(text.slice(list[0].start, list[0].end), 'Four A. Title. 2001.');
    const bullets = parseDocument('## References\n\n- First. 2001.\n- Second. 2002.\n', 'markdown');
    assert.deepEqual(referenceList(bullets).map((e) => [e.number, e.text]), [[1, 'First. 2001.'], [2, 'Second. 2002.']]);
  });

  it('reads "[n] ..." entries and one-per-line lists of plain-text drafts', () => {
    const md = parseDocument('## References\n\n[1] One. 2001.\n\n[2] Two. 2002.\n', 'markdown');
    assert.deepEqual(referenceList(md).map((e) => [e.number, e.text]), [[1, '[1] One. 2001.'], [2, '[2] Two. 2002.']]);
    const text = 'CASE REPORT\n\nA man [2].\n\nREFERENCES\n\n1. One A. Title\n   continued. 2001.\n2. Two B. Title. 2002.\n';
    const model = parseDocument(text, 'text');
    const list = referenceList(model);
    assert.deepEqual(list.map((e) => [e.number, e.text]), [[1, '1. One A. Title continued. 2001.'], [2, '2. Two B. Title. 2002.']]);
    assert.equal(text.slice(list[1].start, list[1].end), '2. Two B. Title. 2002.');
    const [lookup] = resolveCitation(model, model.citations[0]);
    assert.equal(lookup.entry?.number, 2);
  });

  it('resolves ranges, superscripts and author-year markers', () => {
    const text = 'Shown¹⁻³ and [2-3] and (Smith et al., 2019).\n\n## References\n\n1. Jones A. One. 2001.\n2. Lee B. Two. 2002.\n3. Smith C, Park D. Three. 2019.\n';
    const model = parseDocument(text, 'markdown');
    const [sup, num, ay] = model.citations;
    assert.deepEqual(citationKeys(sup), ['1', '2', '3']);
    assert.deepEqual(resolveCitation(model, sup).map((l) => l.entry?.number), [1, 2, 3]);
    assert.deepEqual(resolveCitation(model, num).map((l) => [l.key, l.entry?.number]), [['2', 2], ['3', 3]]);
    assert.equal(resolveCitation(model, ay)[0].entry?.number, 3);
  });

  it('finds a BibTeX entry by key in the parsed file: nested braces, parentheses, comments skipped', async () => {
    const bib = [
      '@comment{lee2019, not this}',
      '@string{j = {Brain}}',
      '@Article{lee2019,',
      '  title = {A {B} c},',
      '  note = {a \\} brace}',
      '}',
      '@book(park2020, title = {P (q)})',
      '@misc{broken, title = {unterminated',
    ].join('\n');
    const file: BibFile = { uri: 'file:///refs.bib', text: bib, format: 'bibtex', entries: (await parseBibliography('refs.bib', bib)).entries };
    const span = (key: string) => {
      const f = findBibEntry([file], key);
      return f && bib.slice(f.entry.start, f.entry.end);
    };
    assert.equal(span('lee2019'), '@Article{lee2019,\n  title = {A {B} c},\n  note = {a \\} brace}\n}');
    assert.equal(span('park2020'), '@book(park2020, title = {P (q)})');
    assert.equal(span('Lee2019'), undefined, 'keys are case-sensitive');
    assert.equal(findBibEntry([], 'x'), undefined);
  });

  it('finds a LaTeX \\bibitem in the document for \\cite keys when there is no BibTeX', () => {
    const text = '\\begin{thebibliography}{9}\n\\bibitem{kim} Kim A. Title. 2001.\n\\bibitem[B]{lee} Lee B. Title. 2002.\n\\end{thebibliography}\n';
    assert.deepEqual(findBibitem(text, 'kim') && { text: findBibitem(text, 'kim')!.text }, { text: 'Kim A. Title. 2001.' });
    assert.equal(findBibitem(text, 'lee')?.text, 'Lee B. Title. 2002.');
    assert.equal(findBibitem(text, 'none'), undefined);
  });

  it('leaves key-based markers unresolved without a bibliography', () => {
    const model = parseDocument('As shown [@ab1; @cd2].\n', 'markdown');
    assert.deepEqual(resolveCitation(model, model.citations[0]), [{ key: 'ab1', entry: undefined }, { key: 'cd2', entry: undefined }]);
  });
});
