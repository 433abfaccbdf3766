import { strict as assert } from 'node:assert';
import { parseSnippet, snippetToPlainText, tabStopOrder } from '../../server/src/snippets';

describe('snippet syntax', () => {
  const plain: [string, string, string][] = [
    ['tab stops vanish', 'a $1 b ${2} c$0', 'a  b  c'],
    ['placeholders give their default', 'A ${1:[age]}-year-old', 'A [age]-year-old'],
    ['choices give their first option', 'grade ${1|5,4+,4|}', 'grade 5'],
    ['nested placeholders', '${1:outer ${2:inner ${3:deep}} end}', 'outer inner deep end'],
    ['escapes', 'cost \\$5 \\} and \\\\ back', 'cost $5 } and \\ back'],
    ['escaped } inside a placeholder', '${1:a\\}b}', 'a}b'],
    ['escaped , and | inside a choice', '${1|a\\,b,c\\|d|}', 'a,b'],
    ['LaTeX row end', 'x & y \\\\\\\\', 'x & y \\\\'],
    ['LaTeX commands keep their backslash', '\\section{Case}', '\\section{Case}'],
    ['variables with defaults', '${TM_SELECTED_TEXT:text} $UNKNOWN ${CURRENT_YEAR}', 'text  '],
    ['variable transforms', '${TM_FILENAME/(.*)\\..+$/$1/}x', 'x'],
    ['a lone $ is text', 'costs $ and ${ and ${x', 'costs $ and ${ and ${x'],
    ['an unclosed placeholder is text', '${1:abc', '${1:abc'],
  ];
  for (const [name, body, expected] of plain) it(name, () => assert.equal(snippetToPlainText(body), expected));

  it('resolves given variables', () => {
    assert.equal(snippetToPlainText('year $CURRENT_YEAR', { variables: { CURRENT_YEAR: '2026' } }), 'year 2026');
  });

  it('parses into nodes', () => {
    assert.deepEqual(parseSnippet('a ${1|x,y|} ${2:b $3}'), [
      { type: 'text', value: 'a ' },
      { type: 'choice', index: 1, options: ['x', 'y'] },
      { type: 'text', value: ' ' },
      { type: 'placeholder', index: 2, children: [{ type: 'text', value: 'b ' }, { type: 'tabstop', index: 3 }] },
    ]);
  });

  it('lists tab stops in reading order', () => {
    assert.deepEqual(tabStopOrder('$2 ${1:a} ${3|x|} $0 $1'), [2, 1, 3]);
  });
});
