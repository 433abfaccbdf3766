import { seededRandom } from '../../bench/random';
import type { Format } from '../../server/src/checker';

/** Corpus-shaped generated documents: sections, prose with citations, lists, tables, quotes, code, comments. */
export function generated(format: Format, seed: number, lines: number): string {
  const next = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const LINES: Record<Format, string[]> = {
    markdown: [
      '# Case report', '## Discussion', '### Imaging', '', '', '', 'A man of 62 had weakness', 'of the legs [1].', 'The dose was XX mg.', 'Weakness is caused by neuropathy [2,3].',
      '<!-- caselint-disable-next-line placeholder -->', '`code', 'spans` lines', '> quoted TODO', '- a list item TODO', '  - nested item (Smith et al., 2019)', '1. first',
      '| a | b |', '|---|---|', '| XX | 2 |', 'Table 1. Nerve conduction', '```', 'fenced TODO', '<!-- a comment', 'over lines -->', '[1]: https://example.org "ref"',
      'See [the guideline][1] and ![a figure](fig.png).', '<div>', '</div>', '    indented code', 'Text^1,2^ and <sup>3</sup>.', '::: {.callout-note}', ':::', '$$', 'x = 1', '$$',
    ],
    latex: [
      '\\section{Case report}', '\\section{Discussion}', '\\subsection{Imaging}', '', '', 'A man with weakness', 'of the legs \\cite{a}.', 'The dose was XX mg.', 'Weakness is caused by neuropathy.',
      '% caselint-disable-next-line placeholder', '$x', '= 1$', '\\[', '\\]', '\\begin{itemize}', '\\item TODO', '\\end{itemize}', '\\begin{table}', '\\caption{Nerve conduction}',
      '\\begin{tabular}{ll}', 'a & XX \\\\', '\\end{tabular}', '\\end{table}', '\\cite{b', 'c}', '\\verb|x|', '\\footnote{See \\cite{d}.}', '\\begin{quote}', '\\end{quote}',
    ],
    text: ['CASE REPORT', 'DISCUSSION', '2. Case presentation', '', '', '', 'A man with weakness', 'of the legs [1].', 'The dose was XX mg.', 'Weakness is caused by neuropathy.', '   indented TODO', 'References', '1. Smith J. A paper. 2019.'],
  };
  const out: string[] = [];
  if (format === 'markdown' && next() < 0.3) out.push('---', 'title: "A case report"', 'abstract: A man.', '---');
  if (format === 'latex') out.push('\\documentclass{article}', '\\title{A case}', '\\begin{document}');
  for (let k = 0; k < lines; k++) out.push(pick(LINES[format]));
  if (format === 'latex' && next() < 0.7) out.push('\\end{document}');
  return out.join(next() < 0.2 ? '\r\n' : '\n') + '\n';
}
