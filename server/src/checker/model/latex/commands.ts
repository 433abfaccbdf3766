/**
 * The LaTeX command table: every command (`\section`) and control symbol (`\%`, `\\`, `\'`) the
 * scanner knows, each with what the scanner does with it. The scanner has no command names of its
 * own: it looks the name up here and acts on the entry's `kind`, so supporting a new command is one
 * entry (test/checker/latex.test.ts renames every entry and checks the scanner follows).
 *
 * A command that is not in the table loses its name and any `[options]` glued to it; braces are
 * transparent, so the text of its argument is kept (`\textbf{x}`, user macros). An unknown control
 * symbol (`\]`) is dropped. Environments (`\begin{…}`) are in vocabulary.ts.
 */

export type LatexCommand =
  /** `\section{…}` (starred too, `[short]` skipped): a heading of this level. */
  | { name: string; kind: 'heading'; level: number }
  /** `\title{…}`: the document's title (read in the preamble too). */
  | { name: string; kind: 'title' }
  /**
   * `\cite[pre][post]{a,b}`: kept verbatim in the plain text, where the `latex` citation pattern
   * (model/citations.ts) finds it. `multi`: takes several key groups (`\cites{a}{b}`).
   */
  | { name: string; kind: 'citation'; multi?: boolean }
  /** `\ref{x}`: reads as "1", so that "Table~\ref{t}" stays a sentence. */
  | { name: string; kind: 'ref' }
  /** `\begin{env}` and `\end{env}`: see the environment table (vocabulary.ts). */
  | { name: string; kind: 'begin' }
  | { name: string; kind: 'end' }
  /** `\item[…]`, `\bibitem[…]{key}`: starts a new list item or reference entry; `args` arguments skipped. */
  | { name: string; kind: 'item'; args: number }
  /** `\par`: ends the paragraph. */
  | { name: string; kind: 'paragraph-break' }
  /** `\caption[short]{…}` (starred too): a caption paragraph, linked to the table of its float. */
  | { name: string; kind: 'caption' }
  /** `\keywords{…}`: a "Keywords: …" paragraph. */
  | { name: string; kind: 'keywords' }
  /** `\href{url}{text}`: the URL (which may hold % and #) is dropped, the text kept. */
  | { name: string; kind: 'link' }
  /** `\url{…}`: the URL kept verbatim. */
  | { name: string; kind: 'url' }
  /** `\verb|…|`: the text between the delimiters kept verbatim. */
  | { name: string; kind: 'verb' }
  /** `\textsuperscript{1,2}` of citation numbers reads as `^1,2^` (a superscript citation); other text is kept. */
  | { name: string; kind: 'superscript' }
  /** `\iffalse … \fi`: skipped up to the matching `\fi` (nested `\if…` counted), like a comment. */
  | { name: string; kind: 'false-conditional' }
  /** `\footnote{…}`: dropped, except the citations in it, which cite the sentence it is attached to. */
  | { name: string; kind: 'footnote' }
  /** Not text: the command and `args` mandatory arguments are dropped (`parens`: also `(lr)` options, as in `\cmidrule`). */
  | { name: string; kind: 'drop'; args: number; parens?: boolean }
  /** `\textcolor{red}{x}`: options and the first `skip` arguments dropped, the last one kept as text. */
  | { name: string; kind: 'keep-last'; skip: number }
  /** `\emph{x}`: the argument is kept as text (what an unknown command gets; listed so the table says so). */
  | { name: string; kind: 'keep-arg' }
  /** `\ldots` → "…", `\%` → "%" ("" drops it; a following `{}` is part of a named symbol). */
  | { name: string; kind: 'symbol'; text: string }
  /** `\,`, `\ `: a space (runs of space read as one). */
  | { name: string; kind: 'space' }
  /** `\'e`, `\"{o}`, `\c{c}`: the letter with this combining mark, composed. */
  | { name: string; kind: 'accent'; mark: string }
  /** `\\`, `\\*`, `\\[2pt]`: a line break (a space); in a table it ends a row. */
  | { name: string; kind: 'line-break' }
  /** `\tabularnewline`: ends a table row; elsewhere it is read like an unknown command. */
  | { name: string; kind: 'row-end' }
  /** `\[ … \]`, `\( … \)`: math up to `closer`, read as "[math]" (see the scanner for inline math). */
  | { name: string; kind: 'math'; closer: string; display: boolean };

export type LatexCommandKind = LatexCommand['kind'];

export const LATEX_COMMANDS: readonly LatexCommand[] = [
  // Sectioning (\part and \chapter count as level 1, like \section).
  { name: 'part', kind: 'heading', level: 1 },
  { name: 'chapter', kind: 'heading', level: 1 },
  { name: 'section', kind: 'heading', level: 1 },
  { name: 'subsection', kind: 'heading', level: 2 },
  { name: 'subsubsection', kind: 'heading', level: 3 },
  { name: 'paragraph', kind: 'heading', level: 4 },
  { name: 'subparagraph', kind: 'heading', level: 5 },
  { name: 'title', kind: 'title' },

  // Citations: natbib, biblatex and REVTeX variants.
  { name: 'cite', kind: 'citation' },
  { name: 'citep', kind: 'citation' },
  { name: 'citet', kind: 'citation' },
  { name: 'citealp', kind: 'citation' },
  { name: 'citealt', kind: 'citation' },
  { name: 'citeauthor', kind: 'citation' },
  { name: 'citeyear', kind: 'citation' },
  { name: 'citeyearpar', kind: 'citation' },
  { name: 'parencite', kind: 'citation' },
  { name: 'textcite', kind: 'citation' },
  { name: 'autocite', kind: 'citation' },
  { name: 'footcite', kind: 'citation' },
  { name: 'supercite', kind: 'citation' },
  { name: 'smartcite', kind: 'citation' },
  { name: 'cites', kind: 'citation', multi: true },
  { name: 'parencites', kind: 'citation', multi: true },
  { name: 'textcites', kind: 'citation', multi: true },
  { name: 'autocites', kind: 'citation', multi: true },
  { name: 'Cite', kind: 'citation' },
  { name: 'Citep', kind: 'citation' },
  { name: 'Citet', kind: 'citation' },
  { name: 'Parencite', kind: 'citation' },
  { name: 'Textcite', kind: 'citation' },
  { name: 'Autocite', kind: 'citation' },
  { name: 'Smartcite', kind: 'citation' },
  { name: 'citenum', kind: 'citation' },
  { name: 'onlinecite', kind: 'citation' },

  // Cross-references.
  { name: 'ref', kind: 'ref' },
  { name: 'eqref', kind: 'ref' },
  { name: 'autoref', kind: 'ref' },
  { name: 'cref', kind: 'ref' },
  { name: 'Cref', kind: 'ref' },
  { name: 'pageref', kind: 'ref' },
  { name: 'nameref', kind: 'ref' },
  { name: 'vref', kind: 'ref' },
  { name: 'subref', kind: 'ref' },

  // Structure.
  { name: 'begin', kind: 'begin' },
  { name: 'end', kind: 'end' },
  { name: 'item', kind: 'item', args: 0 },
  { name: 'bibitem', kind: 'item', args: 1 },
  { name: 'par', kind: 'paragraph-break' },
  { name: 'caption', kind: 'caption' },
  { name: 'keywords', kind: 'keywords' },
  { name: 'keyword', kind: 'keywords' },
  { name: 'kwd', kind: 'keywords' },
  { name: 'footnote', kind: 'footnote' },

  // Links and verbatim text.
  { name: 'href', kind: 'link' },
  { name: 'url', kind: 'url' },
  { name: 'nolinkurl', kind: 'url' },
  { name: 'verb', kind: 'verb' },
  { name: 'textsuperscript', kind: 'superscript' },
  { name: 'iffalse', kind: 'false-conditional' },

  // Commands whose arguments are not text.
  { name: 'label', kind: 'drop', args: 1 },
  { name: 'nocite', kind: 'drop', args: 1 },
  { name: 'documentclass', kind: 'drop', args: 1 },
  { name: 'usepackage', kind: 'drop', args: 1 },
  { name: 'RequirePackage', kind: 'drop', args: 1 },
  { name: 'includegraphics', kind: 'drop', args: 1 },
  { name: 'input', kind: 'drop', args: 1 },
  { name: 'include', kind: 'drop', args: 1 },
  { name: 'includeonly', kind: 'drop', args: 1 },
  { name: 'bibliography', kind: 'drop', args: 1 },
  { name: 'bibliographystyle', kind: 'drop', args: 1 },
  { name: 'addbibresource', kind: 'drop', args: 1 },
  { name: 'vspace', kind: 'drop', args: 1 },
  { name: 'hspace', kind: 'drop', args: 1 },
  { name: 'vskip', kind: 'drop', args: 0 },
  { name: 'hskip', kind: 'drop', args: 0 },
  { name: 'newcommand', kind: 'drop', args: 2 },
  { name: 'renewcommand', kind: 'drop', args: 2 },
  { name: 'providecommand', kind: 'drop', args: 2 },
  { name: 'newenvironment', kind: 'drop', args: 3 },
  { name: 'renewenvironment', kind: 'drop', args: 3 },
  { name: 'DeclareMathOperator', kind: 'drop', args: 2 },
  { name: 'setlength', kind: 'drop', args: 2 },
  { name: 'addtolength', kind: 'drop', args: 2 },
  { name: 'setcounter', kind: 'drop', args: 2 },
  { name: 'addtocounter', kind: 'drop', args: 2 },
  { name: 'linespread', kind: 'drop', args: 1 },
  { name: 'pagestyle', kind: 'drop', args: 1 },
  { name: 'thispagestyle', kind: 'drop', args: 1 },
  { name: 'author', kind: 'drop', args: 1 },
  { name: 'date', kind: 'drop', args: 1 },
  { name: 'thanks', kind: 'drop', args: 1 },
  { name: 'affil', kind: 'drop', args: 1 },
  { name: 'affiliation', kind: 'drop', args: 1 },
  { name: 'address', kind: 'drop', args: 1 },
  { name: 'email', kind: 'drop', args: 1 },
  { name: 'institute', kind: 'drop', args: 1 },
  { name: 'orcid', kind: 'drop', args: 1 },
  { name: 'footnotetext', kind: 'drop', args: 1 },
  { name: 'marginpar', kind: 'drop', args: 1 },
  { name: 'graphicspath', kind: 'drop', args: 1 },
  { name: 'hypersetup', kind: 'drop', args: 1 },
  { name: 'geometry', kind: 'drop', args: 1 },
  { name: 'color', kind: 'drop', args: 1 },
  { name: 'definecolor', kind: 'drop', args: 3 },
  { name: 'rule', kind: 'drop', args: 2 },
  { name: 'hline', kind: 'drop', args: 0 },
  { name: 'toprule', kind: 'drop', args: 0 },
  { name: 'midrule', kind: 'drop', args: 0 },
  { name: 'bottomrule', kind: 'drop', args: 0 },
  { name: 'cline', kind: 'drop', args: 1 },
  { name: 'cmidrule', kind: 'drop', args: 1, parens: true },
  { name: 'addlinespace', kind: 'drop', args: 0 },
  { name: 'endhead', kind: 'drop', args: 0 },
  { name: 'endfirsthead', kind: 'drop', args: 0 },
  { name: 'endfoot', kind: 'drop', args: 0 },
  { name: 'endlastfoot', kind: 'drop', args: 0 },
  { name: 'newpage', kind: 'drop', args: 0 },
  { name: 'clearpage', kind: 'drop', args: 0 },
  { name: 'maketitle', kind: 'drop', args: 0 },
  { name: 'tableofcontents', kind: 'drop', args: 0 },
  { name: 'centering', kind: 'drop', args: 0 },
  { name: 'noindent', kind: 'drop', args: 0 },
  { name: 'printbibliography', kind: 'drop', args: 0 },
  { name: 'appendix', kind: 'drop', args: 0 },
  { name: 'phantomsection', kind: 'drop', args: 0 },
  { name: 'addcontentsline', kind: 'drop', args: 3 },
  { name: 'numberwithin', kind: 'drop', args: 2 },
  { name: 'captionsetup', kind: 'drop', args: 1 },
  { name: 'lstset', kind: 'drop', args: 1 },
  { name: 'setminted', kind: 'drop', args: 1 },
  { name: 'usetikzlibrary', kind: 'drop', args: 1 },
  { name: 'tabularnewline', kind: 'row-end' },

  // Commands whose last argument is text (\textcolor{red}{text}).
  { name: 'textcolor', kind: 'keep-last', skip: 1 },
  { name: 'colorbox', kind: 'keep-last', skip: 1 },
  { name: 'foreignlanguage', kind: 'keep-last', skip: 1 },
  { name: 'multicolumn', kind: 'keep-last', skip: 2 },
  { name: 'multirow', kind: 'keep-last', skip: 2 },
  { name: 'resizebox', kind: 'keep-last', skip: 2 },
  { name: 'scalebox', kind: 'keep-last', skip: 1 },
  { name: 'rotatebox', kind: 'keep-last', skip: 1 },
  { name: 'raisebox', kind: 'keep-last', skip: 1 },
  { name: 'makebox', kind: 'keep-last', skip: 0 },
  { name: 'parbox', kind: 'keep-last', skip: 1 },
  { name: 'fcolorbox', kind: 'keep-last', skip: 2 },
  { name: 'hyperref', kind: 'keep-last', skip: 0 },
  { name: 'texorpdfstring', kind: 'keep-last', skip: 1 },

  // Text formatting: the argument is the text.
  { name: 'emph', kind: 'keep-arg' },
  { name: 'textbf', kind: 'keep-arg' },
  { name: 'textit', kind: 'keep-arg' },
  { name: 'textsl', kind: 'keep-arg' },
  { name: 'textsc', kind: 'keep-arg' },
  { name: 'textup', kind: 'keep-arg' },
  { name: 'textmd', kind: 'keep-arg' },
  { name: 'textrm', kind: 'keep-arg' },
  { name: 'textsf', kind: 'keep-arg' },
  { name: 'texttt', kind: 'keep-arg' },
  { name: 'textnormal', kind: 'keep-arg' },
  { name: 'underline', kind: 'keep-arg' },
  { name: 'uline', kind: 'keep-arg' },
  { name: 'mbox', kind: 'keep-arg' },
  { name: 'hbox', kind: 'keep-arg' },

  // Named symbols.
  { name: 'ldots', kind: 'symbol', text: '…' },
  { name: 'dots', kind: 'symbol', text: '…' },
  { name: 'textellipsis', kind: 'symbol', text: '…' },
  { name: 'textendash', kind: 'symbol', text: '–' },
  { name: 'textemdash', kind: 'symbol', text: '—' },
  { name: 'textdegree', kind: 'symbol', text: '°' },
  { name: 'degree', kind: 'symbol', text: '°' },
  { name: 'textmu', kind: 'symbol', text: 'µ' },
  { name: 'micro', kind: 'symbol', text: 'µ' },
  { name: 'textpm', kind: 'symbol', text: '±' },
  { name: 'pm', kind: 'symbol', text: '±' },
  { name: 'times', kind: 'symbol', text: '×' },
  { name: 'texttimes', kind: 'symbol', text: '×' },
  { name: 'textgreater', kind: 'symbol', text: '>' },
  { name: 'textless', kind: 'symbol', text: '<' },
  { name: 'textasciitilde', kind: 'symbol', text: '~' },
  { name: 'textbackslash', kind: 'symbol', text: '\\' },
  { name: 'textbar', kind: 'symbol', text: '|' },
  { name: 'textbullet', kind: 'symbol', text: '•' },
  { name: 'textperiodcentered', kind: 'symbol', text: '·' },
  { name: 'S', kind: 'symbol', text: '§' },
  { name: 'P', kind: 'symbol', text: '¶' },
  { name: 'copyright', kind: 'symbol', text: '©' },
  { name: 'textregistered', kind: 'symbol', text: '®' },
  { name: 'texttrademark', kind: 'symbol', text: '™' },
  { name: 'LaTeX', kind: 'symbol', text: 'LaTeX' },
  { name: 'TeX', kind: 'symbol', text: 'TeX' },
  { name: 'ss', kind: 'symbol', text: 'ß' },
  { name: 'o', kind: 'symbol', text: 'ø' },
  { name: 'O', kind: 'symbol', text: 'Ø' },
  { name: 'ae', kind: 'symbol', text: 'æ' },
  { name: 'AE', kind: 'symbol', text: 'Æ' },
  { name: 'oe', kind: 'symbol', text: 'œ' },
  { name: 'OE', kind: 'symbol', text: 'Œ' },
  { name: 'aa', kind: 'symbol', text: 'å' },
  { name: 'AA', kind: 'symbol', text: 'Å' },
  { name: 'l', kind: 'symbol', text: 'ł' },
  { name: 'L', kind: 'symbol', text: 'Ł' },
  { name: 'i', kind: 'symbol', text: 'ı' },
  { name: 'textquoteright', kind: 'symbol', text: '\u2019' },
  { name: 'textquoteleft', kind: 'symbol', text: '\u2018' },
  { name: 'textquotedblleft', kind: 'symbol', text: '\u201c' },
  { name: 'textquotedblright', kind: 'symbol', text: '\u201d' },
  { name: 'geq', kind: 'symbol', text: '≥' },
  { name: 'leq', kind: 'symbol', text: '≤' },
  { name: 'ge', kind: 'symbol', text: '≥' },
  { name: 'le', kind: 'symbol', text: '≤' },
  { name: 'newline', kind: 'symbol', text: ' ' },
  { name: 'linebreak', kind: 'symbol', text: ' ' },
  { name: 'quad', kind: 'symbol', text: ' ' },
  { name: 'qquad', kind: 'symbol', text: ' ' },
  { name: 'enspace', kind: 'symbol', text: ' ' },
  { name: 'thinspace', kind: 'symbol', text: ' ' },
  { name: 'space', kind: 'symbol', text: ' ' },
  { name: 'textsubscript', kind: 'symbol', text: '' },

  // Accents: \c{c}, \v{s} … (a letter command is an accent only before "{" or a space).
  { name: 'c', kind: 'accent', mark: '\u0327' },
  { name: 'v', kind: 'accent', mark: '\u030c' },
  { name: 'u', kind: 'accent', mark: '\u0306' },
  { name: 'H', kind: 'accent', mark: '\u030b' },
  { name: 'k', kind: 'accent', mark: '\u0328' },
  { name: 'r', kind: 'accent', mark: '\u030a' },
  { name: 'd', kind: 'accent', mark: '\u0323' },
  { name: 'b', kind: 'accent', mark: '\u0331' },

  // Control symbols: a backslash and one character that is not a letter.
  { name: '\\', kind: 'line-break' },
  { name: '[', kind: 'math', closer: '\\]', display: true },
  { name: '(', kind: 'math', closer: '\\)', display: false },
  { name: "'", kind: 'accent', mark: '\u0301' },
  { name: '`', kind: 'accent', mark: '\u0300' },
  { name: '^', kind: 'accent', mark: '\u0302' },
  { name: '"', kind: 'accent', mark: '\u0308' },
  { name: '~', kind: 'accent', mark: '\u0303' },
  { name: '=', kind: 'accent', mark: '\u0304' },
  { name: '.', kind: 'accent', mark: '\u0307' },
  { name: '%', kind: 'symbol', text: '%' },
  { name: '&', kind: 'symbol', text: '&' },
  { name: '$', kind: 'symbol', text: '$' },
  { name: '#', kind: 'symbol', text: '#' },
  { name: '_', kind: 'symbol', text: '_' },
  { name: '{', kind: 'symbol', text: '{' },
  { name: '}', kind: 'symbol', text: '}' },
  { name: ' ', kind: 'space' },
  { name: ',', kind: 'space' },
  { name: ';', kind: 'space' },
  { name: ':', kind: 'space' },
  { name: '\n', kind: 'space' },
  { name: '\r', kind: 'space' },
  { name: '\t', kind: 'space' },
  { name: '!', kind: 'drop', args: 0 },
  { name: '-', kind: 'drop', args: 0 },
  { name: '/', kind: 'drop', args: 0 },
  { name: '@', kind: 'drop', args: 0 },
];

/** Names of the commands of a kind, in table order. */
export function commandNames(commands: readonly LatexCommand[], kind: LatexCommandKind): string[] {
  return commands.filter((c) => c.kind === kind).map((c) => c.name);
}

/** The citation commands as a regular-expression alternation, for the `latex` citation pattern (model/citations.ts). */
export const LATEX_CITE_COMMANDS = commandNames(LATEX_COMMANDS, 'citation').join('|');
