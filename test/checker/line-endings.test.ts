import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { check, formatForFile, positionAt, type Format } from '../../server/src/checker';
import { seededRandom } from '../../bench/random';
import { manuscriptFilesUnder } from '../helpers/fixtures';

/**
 * The same document gives the same findings, at the same lines and columns, whether its lines end
 * in \n (Unix), \r\n (Windows) or \r (old Mac): a property checked over the corpus, every fixture
 * and generated documents (issue 14).
 */

const ROOT = resolve(__dirname, '..', '..');
const CORPUS = [join(ROOT, '..', 'shared'), join(ROOT, '..', '..', 'shared'), '/work/shared']
  .map((d) => join(d, 'corpus', 'case-reports'))
  .find(existsSync);

const ENDINGS = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const;

function withLineEnds(text: string, eol: string): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}

/** Findings as the CLI prints them: rule, severity, message, start and end line:column. */
function located(text: string, format: Format): string[] {
  const { findings, model } = check(text, { format });
  return findings.map((f) => {
    const s = positionAt(model.lineStarts, f.start);
    const e = positionAt(model.lineStarts, f.end);
    return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1} ${f.ruleId} ${f.severity} ${f.message}`;
  });
}

function assertSameEverywhere(text: string, format: Format, name: string): void {
  const lf = located(withLineEnds(text, '\n'), format);
  for (const [label, eol] of Object.entries(ENDINGS)) {
    if (eol === '\n') continue;
    assert.deepEqual(located(withLineEnds(text, eol), format), lf, `${name}: ${label} line ends give other findings than LF`);
  }
}

describe('line ends: LF, CRLF and CR give the same findings at the same lines and columns', function () {
  this.timeout(120000);

  it('over the corpus of case reports', () => {
    assert.ok(CORPUS, 'the corpus (shared/corpus/case-reports next to the repository, or /work/shared) is needed');
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
    assert.ok(files.length > 5, `case reports in ${CORPUS}`);
    for (const f of files) assertSameEverywhere(readFileSync(join(CORPUS, f), 'utf8'), 'markdown', f);
  });

  it('over every fixture (Markdown, Quarto, R Markdown, LaTeX, plain text)', () => {
    const files = manuscriptFilesUnder(join(ROOT, 'test', 'fixtures'));
    assert.ok(files.length > 50, `fixtures found: ${files.length}`);
    for (const file of files) {
      const format = formatForFile(file);
      const bytes = readFileSync(file);
      // Fixtures in other encodings are read by the fixture runner; the UTF-8 ones are enough here.
      if (bytes[0] === 0xff || bytes[0] === 0xfe || bytes.includes(0)) continue;
      assertSameEverywhere(bytes.toString('utf8'), format, file.slice(ROOT.length + 1));
    }
  });

  // The cases the reliability pass found, each on its own.
  const CASES: [string, Format, string][] = [
    ['front matter', 'markdown', '---\ntitle: "Foot drop: a case report"\nabstract: A man with foot drop.\n---\n\n## Case report\n\nA man, TODO.\n'],
    ['LaTeX paragraph breaks', 'latex', '\\section{Case report}\nA man with weakness\nof the legs.\n\nA second paragraph, TODO.\n\n\\section{Discussion}\nWeakness is caused by neuropathy.\n'],
    ['LaTeX math and environments across lines', 'latex', '\\section{Case report}\nThe dose $x\n= 1$ and\n\\begin{equation}\na = b\n\\end{equation}\nthen XX.\n\n\\[\na\n\\]\n'],
    [
      'an HTML comment spanning a line break inside a paragraph (its suppression applies)',
      'markdown',
      '# Case report\n\nThe potassium was XX mmol/l. <!-- caselint-disable-line\nplaceholder --> And TODO here.\n<!-- caselint-disable-next-line\nplaceholder -->\nThe sodium was XX.\n',
    ],
    ['inline code spanning a line', 'markdown', '# Case report\n\nThe code `a\nb` and [1] and `c\r\nd` then XX [2].\n'],
    ['plain-text headings and paragraphs', 'text', 'CASE REPORT\n\nA man with foot drop\nand TODO.\n\nDISCUSSION\n\nFoot drop is caused by peroneal neuropathy.\n'],
  ];
  for (const [name, format, text] of CASES) {
    it(name, () => assertSameEverywhere(text, format, name));
  }

  it('over 300 generated documents of each format', () => {
    const next = seededRandom(20140514);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
    const LINES: Record<Format, string[]> = {
      markdown: [
        '# Case report', '## Discussion', '', '', 'A man with weakness', 'of the legs [1].', 'The dose was XX mg.', 'Weakness is caused by neuropathy.',
        '<!-- caselint-disable-next-line placeholder -->', '<!-- caselint-disable-line', 'placeholder -->', '`code', 'spans` lines', '> quoted TODO', '- a list item TODO',
        '| a | b |', '|---|---|', '| XX | 2 |', '```', 'fenced TODO', '<!-- a comment', 'over lines -->', 'Text (Smith et al., 2019).', 'e.g. a case [2,3].',
      ],
      latex: [
        '\\section{Case report}', '\\section{Discussion}', '', '', 'A man with weakness', 'of the legs \\cite{a}.', 'The dose was XX mg.', 'Weakness is caused by neuropathy.',
        '% caselint-disable-next-line placeholder', '$x', '= 1$', '\\[', '\\]', '\\begin{itemize}', '\\item TODO', '\\end{itemize}', '\\begin{tabular}{ll}', 'a & XX \\\\',
        '\\end{tabular}', '\\cite{b', 'c}', '\\verb|x|', '\\footnote{See \\cite{d}.}',
      ],
      text: ['CASE REPORT', 'DISCUSSION', '', '', 'A man with weakness', 'of the legs [1].', 'The dose was XX mg.', 'Weakness is caused by neuropathy.', '   indented TODO'],
    };
    for (const format of ['markdown', 'latex', 'text'] as const) {
      for (let d = 0; d < 300; d++) {
        const lines: string[] = [];
        if (format === 'markdown' && next() < 0.3) lines.push('---', 'title: "A case report"', 'abstract: A man.', '---');
        const n = 3 + Math.floor(next() * 20);
        for (let k = 0; k < n; k++) lines.push(pick(LINES[format]));
        const text = lines.join('\n') + (next() < 0.5 ? '\n' : '');
        assertSameEverywhere(text, format, `generated ${format} document ${d}:\n${text}`);
      }
    }
  });
});
