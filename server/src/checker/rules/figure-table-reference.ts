import type { Rule } from '../analysis/rule';
import { figureProblems, type FigureKind, type FigureProblem } from '../analysis/figures';

const NAME: Record<FigureKind, string> = { figure: 'Figure', table: 'Table' };
const PLURAL: Record<FigureKind, string> = { figure: 'figures', table: 'tables' };

function message(p: FigureProblem): string {
  switch (p.problem) {
    case 'no-caption':
      return `${NAME[p.kind]} ${p.number} is mentioned but has no caption: add the ${p.kind} or fix the number.`;
    case 'not-mentioned':
      return `${NAME[p.kind]} ${p.number} is not mentioned in the text: cite it where it belongs, or remove it.`;
    case 'out-of-order':
      return `${NAME[p.kind]} ${p.number} is first mentioned after ${NAME[p.kind]} ${p.after}: number ${PLURAL[p.kind]} in order of first mention.`;
    case 'no-label':
      if (p.syntax === 'bookdown') return `\\@ref(${p.label}) has no chunk or caption labelled ${p.label}: add the label or fix the name.`;
      return p.syntax === 'latex'
        ? `\\${p.command ?? 'ref'}{${p.label}} has no \\label{${p.label}}: add the label or fix the name.`
        : `@${p.label} has no ${p.label.startsWith('tbl-') ? 'table' : 'figure'} labelled {#${p.label}}: add the label or fix the name.`;
    case 'not-referenced':
      if (p.syntax === 'bookdown') return `${NAME[p.kind]} "${p.label.slice(4)}" is not referenced in the text: add \\@ref(${p.label}) where it belongs, or remove it.`;
      return p.syntax === 'latex'
        ? `${NAME[p.kind]} "${p.label}" is not referenced in the text: add \\ref{${p.label}} where it belongs, or remove it.`
        : `${NAME[p.kind]} "${p.label}" is not referenced in the text: add @${p.label} where it belongs, or remove it.`;
    case 'label-out-of-order':
      return `${NAME[p.kind]} "${p.label}" is first referenced before "${p.after}", which comes first: reorder the ${PLURAL[p.kind]} or the text.`;
  }
}

/** Figures and tables: each mentioned one has a caption, each captioned one is mentioned, in order. */
export const figureTableReference: Rule = {
  id: 'figure-table-reference',
  description: 'Every figure and table mentioned has a caption, every captioned one is mentioned, in order of first mention.',
  howToFix: 'Add the missing caption or label, fix the number, or mention the figure or table where the text discusses it.',
  defaultSeverity: 'warning',
  scope: 'figures',
  check(ctx) {
    for (const p of figureProblems(ctx.doc)) {
      const { start, end, problem, ...rest } = p;
      ctx.report({ start, end, message: message(p), data: { problem, ...rest } });
    }
  },
};
