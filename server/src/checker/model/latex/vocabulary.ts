import { commandNames, LATEX_COMMANDS, type LatexCommand } from './commands';

/**
 * The LaTeX vocabulary: the environment table, the words the scanner writes into the model, and
 * the lookup form of both tables that the scanner reads. Like the command table (commands.ts),
 * supporting a new environment is one entry.
 */

export type LatexEnvironment =
  /** equation, align …: "[math]" inside a paragraph, dropped when standing alone. */
  | { name: string; kind: 'math'; args?: number }
  /** verbatim, lstlisting …: a code block (its name is the block's info). */
  | { name: string; kind: 'verbatim'; args?: number }
  /** comment, tikzpicture …: skipped. */
  | { name: string; kind: 'skip'; args?: number }
  /** tabular and friends: a table (tables.ts). */
  | { name: string; kind: 'tabular'; args?: number }
  /** table, figure …: a float, whose caption is linked to its table. */
  | { name: string; kind: 'float'; args?: number }
  /** itemize, enumerate …: paragraphs inside are list items. */
  | { name: string; kind: 'list'; args?: number }
  /** quote …: paragraphs inside are quoted. */
  | { name: string; kind: 'quote'; args?: number }
  /** keywords: a "Keywords: …" paragraph. */
  | { name: string; kind: 'keywords'; args?: number }
  /** abstract: a synthesised level-1 "Abstract" heading spanning the \begin command. */
  | { name: string; kind: 'abstract'; args?: number }
  /** thebibliography: a "References" heading (unless a references heading comes just before); \bibitem entries are references. */
  | { name: string; kind: 'bibliography'; args?: number }
  /** document: the body; nothing after its \end is read. */
  | { name: string; kind: 'document'; args?: number }
  /** minipage …: read through, its text part of the text around it (what an unknown environment gets). */
  | { name: string; kind: 'transparent'; args?: number };

/** `args`: mandatory arguments right after \begin{env} that are not text (\begin{tabular}{ll}). */
export const LATEX_ENVIRONMENTS: readonly LatexEnvironment[] = [
  { name: 'document', kind: 'document' },
  { name: 'abstract', kind: 'abstract' },
  { name: 'thebibliography', kind: 'bibliography', args: 1 },

  { name: 'equation', kind: 'math' },
  { name: 'equation*', kind: 'math' },
  { name: 'align', kind: 'math' },
  { name: 'align*', kind: 'math' },
  { name: 'gather', kind: 'math' },
  { name: 'gather*', kind: 'math' },
  { name: 'multline', kind: 'math' },
  { name: 'multline*', kind: 'math' },
  { name: 'eqnarray', kind: 'math' },
  { name: 'eqnarray*', kind: 'math' },
  { name: 'displaymath', kind: 'math' },
  { name: 'math', kind: 'math' },
  { name: 'flalign', kind: 'math' },
  { name: 'flalign*', kind: 'math' },
  { name: 'alignat', kind: 'math' },
  { name: 'alignat*', kind: 'math' },
  { name: 'dmath', kind: 'math' },
  { name: 'dmath*', kind: 'math' },

  { name: 'verbatim', kind: 'verbatim' },
  { name: 'verbatim*', kind: 'verbatim' },
  { name: 'Verbatim', kind: 'verbatim' },
  { name: 'lstlisting', kind: 'verbatim' },
  { name: 'minted', kind: 'verbatim', args: 1 },
  { name: 'alltt', kind: 'verbatim' },
  { name: 'BVerbatim', kind: 'verbatim' },
  { name: 'LVerbatim', kind: 'verbatim' },
  { name: 'filecontents', kind: 'verbatim' },
  { name: 'filecontents*', kind: 'verbatim' },

  { name: 'comment', kind: 'skip' },
  { name: 'tikzpicture', kind: 'skip' },
  { name: 'picture', kind: 'skip' },
  { name: 'titlepage', kind: 'skip' },

  { name: 'tabular', kind: 'tabular', args: 1 },
  { name: 'tabular*', kind: 'tabular', args: 2 },
  { name: 'tabularx', kind: 'tabular', args: 2 },
  { name: 'tabulary', kind: 'tabular', args: 2 },
  { name: 'longtable', kind: 'tabular', args: 1 },
  { name: 'longtable*', kind: 'tabular', args: 1 },
  { name: 'tabu', kind: 'tabular', args: 1 },
  { name: 'supertabular', kind: 'tabular', args: 1 },
  { name: 'xtabular', kind: 'tabular', args: 1 },

  { name: 'table', kind: 'float' },
  { name: 'table*', kind: 'float' },
  { name: 'figure', kind: 'float' },
  { name: 'figure*', kind: 'float' },
  { name: 'sidewaystable', kind: 'float' },
  { name: 'sidewaysfigure', kind: 'float' },
  { name: 'wrapfigure', kind: 'float', args: 2 },
  { name: 'wraptable', kind: 'float', args: 2 },
  { name: 'subfigure', kind: 'float', args: 1 },
  { name: 'subtable', kind: 'float', args: 1 },

  { name: 'itemize', kind: 'list' },
  { name: 'enumerate', kind: 'list' },
  { name: 'description', kind: 'list' },
  { name: 'compactitem', kind: 'list' },
  { name: 'compactenum', kind: 'list' },
  { name: 'inparaenum', kind: 'list' },
  { name: 'list', kind: 'list', args: 2 },

  { name: 'quote', kind: 'quote' },
  { name: 'quotation', kind: 'quote' },
  { name: 'verse', kind: 'quote' },

  { name: 'keyword', kind: 'keywords' },
  { name: 'keywords', kind: 'keywords' },

  { name: 'minipage', kind: 'transparent', args: 1 },
  { name: 'multicols', kind: 'transparent', args: 1 },
  { name: 'adjustbox', kind: 'transparent', args: 1 },
  { name: 'spacing', kind: 'transparent', args: 1 },
];

/** What the scanner writes into the model in place of markup. */
export const WRITTEN = {
  math: '[math]',
  ref: '1',
  keywords: 'Keywords: ',
  abstractHeading: 'Abstract',
  referencesHeading: 'References',
  /** Around superscript citation numbers, as Pandoc writes them (^1,2^). */
  superscript: '^',
} as const;

/** \i, \j: the letters an accent is put on without their dot (\'\i → í). */
export const DOTLESS_LETTERS: ReadonlySet<string> = new Set(['i', 'j']);

/** The two tables the scanner reads; tests pass changed copies. */
export interface LatexVocabulary {
  commands: readonly LatexCommand[];
  environments: readonly LatexEnvironment[];
}

export const LATEX_VOCABULARY: LatexVocabulary = { commands: LATEX_COMMANDS, environments: LATEX_ENVIRONMENTS };

/** The vocabulary as the scanner reads it: lookups and the patterns built from the names. */
export interface CompiledVocabulary {
  commands: ReadonlyMap<string, LatexCommand>;
  environments: ReadonlyMap<string, LatexEnvironment>;
  /** \begin{document} (global: reset lastIndex before use). */
  documentBegin: RegExp;
  /** A citation command with its arguments, inside a footnote's source (global). */
  footnoteCitation: RegExp;
  /** Names of the commands that end a table row (\\, \tabularnewline). */
  rowEnds: readonly string[];
  /** \begin{name} or \end{name} of one environment: group 1 is set for a \begin (global). */
  beginOrEnd(name: string): RegExp;
}

const NEVER = '(?!)';
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (names: readonly string[]) => (names.length ? names.map(escapeRe).join('|') : NEVER);

const compiled = new WeakMap<LatexVocabulary, CompiledVocabulary>();

export function compileVocabulary(vocabulary: LatexVocabulary): CompiledVocabulary {
  let c = compiled.get(vocabulary);
  if (c) return c;
  const { commands, environments } = vocabulary;
  const begins = alternation(commandNames(commands, 'begin'));
  const ends = alternation(commandNames(commands, 'end'));
  const documents = alternation(environments.filter((e) => e.kind === 'document').map((e) => e.name));
  const cites = alternation(commandNames(commands, 'citation'));
  const envPatterns = new Map<string, RegExp>();
  c = {
    commands: new Map(commands.map((x) => [x.name, x])),
    environments: new Map(environments.map((x) => [x.name, x])),
    documentBegin: new RegExp(String.raw`\\(?:${begins})\s*\{(?:${documents})\}`, 'g'),
    footnoteCitation: new RegExp(String.raw`\\(?:${cites})\*?(?:\s*\[[^\][]*\])*(?:\s*\{[^{}]*\})+`, 'g'),
    rowEnds: commands.filter((x) => x.kind === 'line-break' || x.kind === 'row-end').map((x) => x.name),
    beginOrEnd(name: string): RegExp {
      let re = envPatterns.get(name);
      if (!re) {
        re = new RegExp(String.raw`\\(?:(${begins})|${ends})\s*\{${escapeRe(name)}\}`, 'g');
        envPatterns.set(name, re);
      }
      return re;
    },
  };
  compiled.set(vocabulary, c);
  return c;
}
