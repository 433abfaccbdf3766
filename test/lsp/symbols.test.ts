import { strict as assert } from 'node:assert';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, type CaselintConfig } from '../../server/src/checker';
import { documentSymbols, foldingRanges } from '../../server/src/lsp/symbols';

function setup(text: string, config: CaselintConfig = {}, format: 'markdown' | 'text' = 'markdown') {
  const document = TextDocument.create('untitled:case.md', format === 'text' ? 'plaintext' : 'markdown', 1, text);
  const result = check(text, { config, format, rules: [] });
  return { document, result };
}

const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

const DOC = [
  '---', // 0
  'title: Carpal tunnel in a violinist', // 1
  '---', // 2
  '', // 3
  '# Carpal tunnel in a violinist: a case report', // 4
  '', // 5
  '## Abstract', // 6
  '', // 7
  'A violinist had numb fingers.', // 8
  '', // 9
  '## 2. Case presentation', // 10
  '', // 11
  'She played six hours a day.', // 12
  '', // 13
  '### Diagnostic assessment', // 14
  '', // 15
  '```r', // 16
  'summary(latencies)', // 17
  '```', // 18
  '', // 19
  '### Notes', // 20
  '', // 21
  '## Discussion', // 22
  '', // 23
  '<!--', // 24
  'to do', // 25
  '-->', // 26
  'Repetitive flexion is a risk.', // 27
  '', // 28
  '',
].join('\n');

function shape(symbols: DocumentSymbol[]): unknown[] {
  return symbols.map((s) => ({ name: s.name, detail: s.detail, range: s.range, selectionRange: s.selectionRange, children: shape(s.children ?? []) }));
}

describe('document symbols', () => {
  it('lists the section tree with profile items as detail, exact ranges', () => {
    const { document, result } = setup(DOC, { profile: 'care' });
    const symbols = documentSymbols(result, document);
    assert.ok(symbols.every((s) => s.kind === SymbolKind.String));
    assert.deepEqual(shape(symbols), [
      {
        name: 'Carpal tunnel in a violinist: a case report',
        // Not the title: the front matter's title is.
        detail: undefined,
        range: r(4, 0, 27, 29),
        selectionRange: r(4, 2, 4, 45),
        children: [
          { name: 'Abstract', detail: 'Abstract', range: r(6, 0, 8, 29), selectionRange: r(6, 3, 6, 11), children: [] },
          {
            name: 'Case presentation',
            detail: 'Patient information',
            range: r(10, 0, 20, 9),
            // The numbering "2." belongs to the heading's visible text.
            selectionRange: r(10, 3, 10, 23),
            children: [
              { name: 'Diagnostic assessment', detail: 'Diagnostic assessment', range: r(14, 0, 18, 3), selectionRange: r(14, 4, 14, 25), children: [] },
              { name: 'Notes', detail: undefined, range: r(20, 0, 20, 9), selectionRange: r(20, 4, 20, 9), children: [] },
            ],
          },
          { name: 'Discussion', detail: 'Discussion', range: r(22, 0, 27, 29), selectionRange: r(22, 3, 22, 13), children: [] },
        ],
      },
    ]);
  });

  it('annotates with the configured profile and extra headings', () => {
    const { document, result } = setup(DOC, { profile: 'bmj-case-reports', headings: { 'learning-points': ['Notes'] } });
    const symbols = documentSymbols(result, document);
    const caseSection = symbols[0].children![1];
    assert.equal(caseSection.detail, 'Case presentation');
    assert.equal(caseSection.children![0].detail, 'Investigations');
    assert.equal(caseSection.children![1].detail, 'Learning points/take home messages');
  });

  it('annotates the title heading with the profile\'s Title item', () => {
    const { document, result } = setup('# Ulnar palsy: a case report\n\n## Abstract\n\nText.\n', { profile: 'care' });
    const [title] = documentSymbols(result, document);
    assert.equal(title.detail, 'Title');
    assert.equal(title.children![0].detail, 'Abstract');
  });

  it('keeps top-level sections side by side and skips the text before the first heading', () => {
    const text = 'Preamble text.\n\nCASE REPORT\n\nA man.\n\nDISCUSSION\n\nShort.\n';
    const { document, result } = setup(text, {}, 'text');
    assert.deepEqual(shape(documentSymbols(result, document)), [
      { name: 'CASE REPORT', detail: 'Case presentation', range: r(2, 0, 4, 6), selectionRange: r(2, 0, 2, 11), children: [] },
      { name: 'DISCUSSION', detail: 'Discussion', range: r(6, 0, 8, 6), selectionRange: r(6, 0, 6, 10), children: [] },
    ]);
  });

  it('gives an empty heading a name (editors reject empty symbol names)', () => {
    const { document, result } = setup('## \n\ntext\n');
    const symbols = documentSymbols(result, document);
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, '##');
  });

  it('returns nothing for a document without headings', () => {
    const { document, result } = setup('Just a paragraph.\n');
    assert.deepEqual(documentSymbols(result, document), []);
  });
});

describe('folding ranges', () => {
  it('folds front matter, sections, code blocks and comments, exact lines', () => {
    const { document, result } = setup(DOC);
    assert.deepEqual(foldingRanges(result, document), [
      { startLine: 0, endLine: 2, kind: FoldingRangeKind.Region },
      { startLine: 4, endLine: 27, kind: FoldingRangeKind.Region },
      { startLine: 6, endLine: 8, kind: FoldingRangeKind.Region },
      { startLine: 10, endLine: 20, kind: FoldingRangeKind.Region },
      { startLine: 14, endLine: 18, kind: FoldingRangeKind.Region },
      { startLine: 16, endLine: 18, kind: FoldingRangeKind.Region },
      { startLine: 22, endLine: 27, kind: FoldingRangeKind.Region },
      { startLine: 24, endLine: 26, kind: FoldingRangeKind.Comment },
    ]);
  });

  it('folds a front matter abstract with the front matter only (no crossing ranges)', () => {
    const text = '---\ntitle: X\nabstract: |\n  A man.\n---\n\n## Case\n\nText.\n';
    const { document, result } = setup(text);
    assert.deepEqual(foldingRanges(result, document), [
      { startLine: 0, endLine: 4, kind: FoldingRangeKind.Region },
      { startLine: 6, endLine: 8, kind: FoldingRangeKind.Region },
    ]);
    // The outline still lists the abstract the model made from the front matter.
    assert.deepEqual(documentSymbols(result, document).map((s) => s.name), ['Abstract', 'Case']);
  });

  it('does not fold a one-line section', () => {
    const { document, result } = setup('## A\n## B\nText.\n');
    assert.deepEqual(foldingRanges(result, document), [{ startLine: 1, endLine: 2, kind: FoldingRangeKind.Region }]);
  });
});
