import type { Heading, ParagraphKind, TableCell } from '../types';
import { cleanHeadingText, type RawBlocks, type RawParagraph, type RawTable } from './blocks';
import { PlainBuilder, plainSpanToSource, plainToSourceEnd, plainToSourceStart } from './text';

/**
 * LaTeX manuscripts. A single linear scanner, not a full TeX parser: see docs/formats.md for
 * why (the PEG parsers on npm take 0.3–3.5 s on a 300 KB manuscript and stop at the first
 * unbalanced brace, which is the normal state of a file being typed). It never throws: an
 * unclosed brace, argument or environment ends at the end of its line, paragraph or file.
 *
 * It produces the same raw blocks as the Markdown parser:
 * - \section, \subsection, \subsubsection, \paragraph, \subparagraph (starred too; \part and
 *   \chapter count as level 1) → headings; \title{} → the title;
 * - \begin{abstract} → a synthesised level-1 "Abstract" heading spanning the \begin command,
 *   \begin{thebibliography} → a "References" heading (unless one comes just before);
 * - text → paragraphs split at blank lines and \par; \emph{x} and friends keep their text;
 *   \cite{a,b} and the natbib/biblatex variants stay in the plain text verbatim, where the
 *   `latex` citation pattern (model/citations.ts) finds them; \ref{x} reads as "1";
 * - % comments are dropped from the text and recorded as comments (suppressions);
 * - math ($…$, \(…\), \[…\], $$…$$, equation, align, …) becomes "[math]" (short plain inline
 *   math such as $p<0.05$ is kept as written);
 * - verbatim, lstlisting, minted → code blocks; comment environments are skipped;
 * - tabular (tabularx, tabular*, longtable, …) → tables, cells split on & and \\ with offsets,
 *   rules (\hline, \toprule, …) skipped; \caption{} → caption paragraphs, linked to the table
 *   of the same float; itemize/enumerate items → list items; \bibitem → reference paragraphs.
 */

export type LatexBlocks = RawBlocks;

const SECTION_LEVELS: Record<string, number> = {
  part: 1,
  chapter: 1,
  section: 1,
  subsection: 2,
  subsubsection: 3,
  paragraph: 4,
  subparagraph: 5,
};

/** Citation commands: kept verbatim in the plain text (see CITATION_PATTERNS 'latex'). */
export const LATEX_CITE_COMMANDS =
  'cite|citep|citet|citealp|citealt|citeauthor|citeyear|citeyearpar|parencite|textcite|autocite|footcite|supercite|smartcite|cites|parencites|textcites|autocites|Cite|Citep|Citet|Parencite|Textcite|Autocite|Smartcite|citenum|onlinecite';
const CITE_COMMANDS = new Set(LATEX_CITE_COMMANDS.split('|'));
const REF_COMMANDS = new Set(['ref', 'eqref', 'autoref', 'cref', 'Cref', 'pageref', 'nameref', 'vref', 'subref']);

/** Commands whose arguments are not text: the command and all its arguments are dropped. */
const DROP_ARGS: Record<string, number> = {
  label: 1, nocite: 1, documentclass: 1, usepackage: 1, RequirePackage: 1, includegraphics: 1, input: 1, include: 1,
  includeonly: 1, bibliography: 1, bibliographystyle: 1, addbibresource: 1, vspace: 1, hspace: 1, vskip: 0, hskip: 0,
  newcommand: 2, renewcommand: 2, providecommand: 2, newenvironment: 3, renewenvironment: 3, DeclareMathOperator: 2,
  setlength: 2, addtolength: 2, setcounter: 2, addtocounter: 2, linespread: 1, pagestyle: 1, thispagestyle: 1,
  author: 1, date: 1, thanks: 1, affil: 1, affiliation: 1, address: 1, email: 1, institute: 1, orcid: 1,
  footnote: 1, footnotetext: 1, marginpar: 1, graphicspath: 1, hypersetup: 1, geometry: 1, color: 1,
  definecolor: 3, rule: 2, hline: 0, toprule: 0, midrule: 0, bottomrule: 0, cline: 1, addlinespace: 0,
  endhead: 0, endfirsthead: 0, endfoot: 0, endlastfoot: 0, newpage: 0, clearpage: 0, maketitle: 0,
  tableofcontents: 0, centering: 0, noindent: 0, printbibliography: 0, appendix: 0, phantomsection: 0,
  addcontentsline: 3, numberwithin: 2, captionsetup: 1, lstset: 1, setminted: 1, usetikzlibrary: 1,
};

/** Commands whose first n arguments are not text, but whose last one is (\textcolor{red}{text}). */
const SKIP_FIRST: Record<string, number> = {
  textcolor: 1, colorbox: 1, foreignlanguage: 1, multicolumn: 2, multirow: 2, resizebox: 2, scalebox: 1,
  rotatebox: 1, raisebox: 1, makebox: 0, parbox: 1, fcolorbox: 2, hyperref: 0, texorpdfstring: 1,
};

const SYMBOLS: Record<string, string> = {
  ldots: '…', dots: '…', textellipsis: '…', textendash: '–', textemdash: '—', textdegree: '°', degree: '°',
  textmu: 'µ', micro: 'µ', textpm: '±', pm: '±', times: '×', texttimes: '×', textgreater: '>', textless: '<',
  textasciitilde: '~', textbackslash: '\\', textbar: '|', textbullet: '•', textperiodcentered: '·', S: '§', P: '¶',
  copyright: '©', textregistered: '®', texttrademark: '™', LaTeX: 'LaTeX', TeX: 'TeX', ss: 'ß', o: 'ø', O: 'Ø',
  ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', textquoteright: '\u2019',
  textquoteleft: '\u2018', textquotedblleft: '\u201c', textquotedblright: '\u201d', geq: '≥', leq: '≤', ge: '≥',
  le: '≤', newline: ' ', linebreak: ' ', quad: ' ', qquad: ' ', enspace: ' ', thinspace: ' ', space: ' ',
  textsuperscript: '', textsubscript: '',
};

const ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  c: '\u0327', v: '\u030c', u: '\u0306', H: '\u030b', k: '\u0328', r: '\u030a', d: '\u0323', b: '\u0331',
};

const CONTROL_SYMBOLS: Record<string, string> = {
  '%': '%', '&': '&', $: '$', '#': '#', _: '_', '{': '{', '}': '}', ' ': ' ', ',': ' ', ';': ' ', ':': ' ',
  '!': '', '-': '', '/': '', '@': '', '\n': ' ', '\r': ' ', '\t': ' ',
};

const MATH_ENVS = new Set([
  'equation', 'equation*', 'align', 'align*', 'gather', 'gather*', 'multline', 'multline*', 'eqnarray', 'eqnarray*',
  'displaymath', 'math', 'flalign', 'flalign*', 'alignat', 'alignat*', 'dmath', 'dmath*',
]);
const VERBATIM_ENVS = new Set(['verbatim', 'verbatim*', 'Verbatim', 'lstlisting', 'minted', 'alltt', 'BVerbatim', 'LVerbatim', 'filecontents', 'filecontents*']);
const SKIPPED_ENVS = new Set(['comment', 'tikzpicture', 'picture', 'titlepage']);
const TABULAR_ENVS = new Set(['tabular', 'tabular*', 'tabularx', 'tabulary', 'longtable', 'longtable*', 'tabu', 'supertabular', 'xtabular']);
const FLOAT_ENVS = new Set(['table', 'table*', 'figure', 'figure*', 'sidewaystable', 'sidewaysfigure', 'wrapfigure', 'wraptable', 'subfigure', 'subtable']);
const LIST_ENVS = new Set(['itemize', 'enumerate', 'description', 'compactitem', 'compactenum', 'inparaenum', 'list']);
const QUOTE_ENVS = new Set(['quote', 'quotation', 'verse']);
const KEYWORD_ENVS = new Set(['keyword', 'keywords']);
/** Mandatory arguments right after \begin{env} that are not text. */
const ENV_ARGS: Record<string, number> = {
  tabular: 1, 'tabular*': 2, tabularx: 2, tabulary: 2, longtable: 1, 'longtable*': 1, tabu: 1, supertabular: 1,
  xtabular: 1, thebibliography: 1, minipage: 1, wrapfigure: 2, wraptable: 2, multicols: 1, subfigure: 1, subtable: 1,
  minted: 1, list: 2, adjustbox: 1, spacing: 1,
};

const LETTER = /[A-Za-z]/;
const NAME_RE = /[A-Za-z]+/y;
const RUN_RE = /[^\\%$~{}\r\n]+/y;
const SIMPLE_MATH = /^[\s\w.,:;<>=+\-\/%()]*$/;

const ENV_RE_CACHE = new Map<string, RegExp>();

interface Float {
  captionIndex?: number;
  tables: RawTable[];
}

class LatexScanner {
  readonly out: LatexBlocks = { headings: [], paragraphs: [], tables: [], codeBlocks: [], comments: [] };
  i = 0;
  private para: PlainBuilder | null = null;
  private paraStart = 0;
  private paraEnd = 0;
  /** When set, text goes to this builder (an argument, a cell) and block structure is ignored. */
  private inline: PlainBuilder | null = null;
  private recordComments = true;
  /** Whether the current target's plain text is empty or ends with white space (no string flattening). */
  private atSpace = true;
  private listDepth = 0;
  private quoteDepth = 0;
  private inBibliography = false;
  private floats: Float[] = [];

  constructor(private readonly text: string) {}

  run(): LatexBlocks {
    const text = this.text;
    const docBegin = /\\begin\s*\{document\}/g;
    let m: RegExpExecArray | null;
    let body = 0;
    while ((m = docBegin.exec(text))) {
      if (!this.inCommentAt(m.index)) {
        body = m.index + m[0].length;
        this.preamble(m.index);
        break;
      }
    }
    this.i = body;
    this.scan(text.length);
    this.flush();
    return this.out;
  }

  /** Is offset after a % on its own line (so in a comment)? */
  private inCommentAt(offset: number): boolean {
    let p = offset - 1;
    while (p >= 0 && this.text[p] !== '\n' && this.text[p] !== '\r') {
      if (this.text[p] === '%' && this.text[p - 1] !== '\\') return true;
      p--;
    }
    return false;
  }

  /** Before \begin{document}: only comments and \title count. */
  private preamble(end: number): void {
    const text = this.text;
    let i = 0;
    while (i < end) {
      const c = text[i];
      if (c === '%') {
        i = this.comment(i);
      } else if (c === '\\') {
        NAME_RE.lastIndex = i + 1;
        const m = NAME_RE.exec(text);
        if (!m) {
          i += 2;
          continue;
        }
        i += 1 + m[0].length;
        if (m[0] === 'title') {
          this.i = i;
          this.title();
          i = this.i;
        }
      } else {
        i++;
      }
    }
  }

  // -------------------------------------------------------------------------
  // paragraphs
  // -------------------------------------------------------------------------

  private builder(at: number): PlainBuilder {
    if (this.inline) return this.inline;
    if (!this.para) {
      this.atSpace = true;
      this.para = new PlainBuilder();
      this.paraStart = at;
      this.paraEnd = at;
    }
    return this.para;
  }

  private flush(): void {
    if (this.inline) return;
    const b = this.para;
    this.para = null;
    if (!b) return;
    const trimmed = b.plain.trimEnd();
    if (!trimmed.trim()) return;
    truncate(b, trimmed.length);
    const kind: ParagraphKind = this.inBibliography ? 'reference' : this.listDepth > 0 ? 'list-item' : 'prose';
    const lead = b.plain.length - b.plain.trimStart().length;
    const para: RawParagraph = {
      start: plainToSourceStart(b.segments, lead, this.paraStart),
      end: Math.max(this.paraEnd, plainToSourceEnd(b.segments, b.plain.length, this.paraEnd)),
      kind,
      plain: b.plain,
      segments: b.segments,
    };
    if (this.quoteDepth > 0) para.quoted = true;
    this.out.paragraphs.push(para);
  }

  private copy(s: string, at: number): void {
    if (!s) return;
    const b = this.builder(at);
    b.copy(s, at);
    this.atSpace = isSpace(s.charCodeAt(s.length - 1));
    if (!this.inline) this.paraEnd = at + s.length;
  }

  private replace(s: string, at: number, length: number): void {
    if (!s) return;
    const b = this.builder(at);
    b.replace(s, at, length);
    this.atSpace = isSpace(s.charCodeAt(s.length - 1));
    if (!this.inline) this.paraEnd = at + length;
  }

  private space(at: number, length: number): void {
    const b = this.inline ?? this.para;
    if (!b || this.atSpace) return;
    b.replace(' ', at, length);
    this.atSpace = true;
  }

  // -------------------------------------------------------------------------
  // the scanner
  // -------------------------------------------------------------------------

  /** Scans from this.i to end. */
  scan(end: number): void {
    const text = this.text;
    while (this.i < end) {
      const i = this.i;
      const c = text[i];
      if (c === '%') {
        this.i = Math.min(end, this.comment(i));
      } else if (c === '\n' || c === '\r') {
        const len = c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        let j = i + len;
        while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
        if (j >= end || text[j] === '\n' || text[j] === '\r') {
          if (this.inline) this.space(i, len);
          else this.flush();
        } else {
          this.space(i, len);
        }
        this.i = i + len;
      } else if (c === '\\') {
        this.command(end);
      } else if (c === '$') {
        this.dollarMath(end);
      } else if (c === '{' || c === '}') {
        this.i++;
      } else if (c === '~') {
        this.replace(' ', i, 1);
        this.i++;
      } else {
        RUN_RE.lastIndex = i;
        const m = RUN_RE.exec(text);
        let run = m ? m[0] : c;
        if (i + run.length > end) run = run.slice(0, end - i);
        this.i = i + run.length;
        if (!this.inline && !this.para) {
          // A paragraph starts at its first visible character.
          const lead = run.length - run.trimStart().length;
          if (lead === run.length) continue;
          this.copy(run.slice(lead), i + lead);
          continue;
        }
        if (isSpace(run.charCodeAt(0)) && !run.trim()) {
          if ((this.inline ?? this.para) && !this.atSpace) this.copy(run, i);
        } else {
          this.copy(run, i);
        }
      }
    }
    if (this.i > end) this.i = end;
  }

  /** Records a % comment; returns the offset of the end of its line. */
  private comment(i: number): number {
    const text = this.text;
    let e = i;
    while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
    if (this.recordComments) this.out.comments.push({ start: i, end: e, text: text.slice(i + 1, e).trim() });
    return e;
  }

  /** Is the line starting at p blank (spaces and tabs only)? */
  private blankLineAfter(p: number): boolean {
    const text = this.text;
    while (p < text.length && (text[p] === ' ' || text[p] === '\t')) p++;
    return p < text.length && (text[p] === '\n' || text[p] === '\r');
  }

  private skipSpaces(p: number, end = this.text.length): number {
    while (p < end && (this.text[p] === ' ' || this.text[p] === '\t')) p++;
    return p;
  }

  /** Skips spaces and at most one line break (TeX reads arguments across a single newline). */
  private skipArgSpace(p: number): number {
    const text = this.text;
    p = this.skipSpaces(p);
    if (text[p] === '\r' && text[p + 1] === '\n') p += 2;
    else if (text[p] === '\n' || text[p] === '\r') p++;
    return this.skipSpaces(p);
  }

  /** End (exclusive, after the closer) of a balanced group opening at p, or -1. Stops at a blank line. */
  private groupEnd(p: number, open = '{', close = '}', verbatim = false): number {
    const text = this.text;
    let depth = 0;
    for (let k = p; k < text.length; k++) {
      const ch = text[k];
      if (ch === '\\') {
        k++;
        continue;
      }
      if (ch === '%' && !verbatim) {
        while (k < text.length && text[k] !== '\n' && text[k] !== '\r') k++;
        continue;
      }
      if (ch === '\n' && open === '{' && this.blankLineAfter(k + 1)) return -1;
      if (ch === open) depth++;
      else if (ch === close) {
        depth--;
        if (depth === 0) return k + 1;
      }
    }
    return -1;
  }

  /** Skips optional [..] arguments (and, with parens, (..) of \cmidrule) from p. */
  private skipOptional(p: number, parens = false): number {
    const text = this.text;
    for (;;) {
      const q = this.skipSpaces(p);
      const ch = text[q];
      if (ch === '[' || (parens && ch === '(')) {
        const e = this.groupEnd(q, ch, ch === '[' ? ']' : ')');
        if (e < 0) return p;
        p = e;
      } else {
        return p;
      }
    }
  }

  /** Skips n mandatory {..} arguments (with optional ones between); returns the offset after. */
  private skipArgs(p: number, n: number): number {
    for (let k = 0; k < n; k++) {
      p = this.skipOptional(p);
      const q = this.skipArgSpace(p);
      if (this.text[q] !== '{') {
        // A single-token argument (\hspace 3pt is not valid; \cline1-2 is rare): stop here.
        return p;
      }
      const e = this.groupEnd(q);
      if (e < 0) return this.lineEndFrom(q);
      p = e;
    }
    return p;
  }

  private lineEndFrom(p: number): number {
    const text = this.text;
    while (p < text.length && text[p] !== '\n' && text[p] !== '\r') p++;
    return p;
  }

  /** The {group} at p (after optional args and spaces): inner range and the end, or null. */
  private group(p: number): { inner: number; innerEnd: number; end: number } | null {
    p = this.skipOptional(p);
    const q = this.skipArgSpace(p);
    if (this.text[q] !== '{') return null;
    const e = this.groupEnd(q);
    if (e < 0) {
      const le = this.lineEndFrom(q);
      return { inner: q + 1, innerEnd: le, end: le };
    }
    return { inner: q + 1, innerEnd: e - 1, end: e };
  }

  /** Scans source[from, to) into a fresh builder (arguments, cells). */
  private scanInto(from: number, to: number, record = true): PlainBuilder {
    const b = new PlainBuilder();
    const saved = { i: this.i, inline: this.inline, rec: this.recordComments, atSpace: this.atSpace };
    this.inline = b;
    this.atSpace = true;
    this.recordComments = record && saved.rec;
    this.i = from;
    this.scan(to);
    this.i = saved.i;
    this.inline = saved.inline;
    this.recordComments = saved.rec;
    this.atSpace = saved.atSpace;
    clamp(b, to);
    return b;
  }

  private command(end: number): void {
    const text = this.text;
    const start = this.i;
    const next = text[start + 1];
    if (next === undefined) {
      this.i++;
      return;
    }
    if (!LETTER.test(next)) {
      this.controlSymbol(start, next, end);
      return;
    }
    NAME_RE.lastIndex = start + 1;
    const name = NAME_RE.exec(text)![0];
    let p = start + 1 + name.length;
    if (text[p] === '*' && (name in SECTION_LEVELS || name === 'caption')) {
      p++;
    }
    this.i = p;

    if (name in SECTION_LEVELS) {
      this.heading(start, name, p);
      return;
    }
    if (CITE_COMMANDS.has(name)) {
      // Keep \cite[p. 3]{a,b} verbatim: the 'latex' citation pattern reads it from the plain text.
      let q = this.skipOptional(text[p] === '*' ? p + 1 : p);
      let groups = 0;
      for (;;) {
        const r = this.skipSpaces(q);
        if (text[r] !== '{') break;
        const e = this.groupEnd(r);
        if (e < 0) break;
        q = e;
        groups++;
        if (name !== 'cites' && !name.endsWith('cites')) break;
      }
      if (groups === 0) return;
      this.copyVerbatim(start, q);
      this.i = q;
      return;
    }
    if (REF_COMMANDS.has(name)) {
      const q = this.skipArgs(p, 1);
      this.replace('1', start, q - start);
      this.i = q;
      return;
    }
    switch (name) {
      case 'begin':
        this.begin(start, end);
        return;
      case 'end':
        this.endEnv();
        return;
      case 'title':
        this.title();
        return;
      case 'item':
        if (!this.inline) {
          this.flush();
          this.i = this.skipOptional(p);
        }
        return;
      case 'bibitem':
        if (!this.inline) {
          this.flush();
          this.i = this.skipArgs(p, 1);
        }
        return;
      case 'par':
        if (this.inline) this.space(start, p - start);
        else this.flush();
        return;
      case 'caption':
        this.caption(p);
        return;
      case 'keywords':
      case 'keyword':
      case 'kwd': {
        const g = this.group(p);
        if (!g || this.inline) return;
        this.flush();
        this.replace('Keywords: ', start, g.inner - start);
        this.i = g.inner;
        this.scan(g.innerEnd);
        this.i = g.end;
        this.flush();
        return;
      }
      case 'href': {
        // \href{url}{text}: the URL may hold % and #; only the text is prose.
        const q = this.skipSpaces(this.skipOptional(p));
        const e = text[q] === '{' ? this.groupEnd(q, '{', '}', true) : -1;
        if (e > 0) this.i = e;
        return;
      }
      case 'url':
      case 'nolinkurl': {
        const q = this.skipSpaces(p);
        const e = text[q] === '{' ? this.groupEnd(q, '{', '}', true) : -1;
        const g = e > 0 ? { inner: q + 1, innerEnd: e - 1, end: e } : this.group(p);
        if (!g) return;
        this.copyVerbatim(g.inner, g.innerEnd);
        this.i = g.end;
        return;
      }
      case 'verb': {
        const delim = text[p];
        const close = delim ? text.indexOf(delim, p + 1) : -1;
        const lineEnd = this.lineEndFrom(p);
        if (close < 0 || close > lineEnd) {
          this.i = lineEnd;
          return;
        }
        this.copyVerbatim(p + 1, close);
        this.i = close + 1;
        return;
      }
      case 'textsuperscript': {
        const g = this.group(p);
        if (g && /^\s*\d[\d,\s\u2013-]*$/.test(text.slice(g.inner, g.innerEnd))) {
          // \textsuperscript{1,2} reads as ^1,2^: a superscript citation.
          this.replace('^', start, g.inner - start);
          this.copy(text.slice(g.inner, g.innerEnd), g.inner);
          this.replace('^', g.innerEnd, g.end - g.innerEnd);
          this.i = g.end;
        }
        return;
      }
      case 'cmidrule':
        this.i = this.skipArgs(this.skipOptional(p, true), 1);
        return;
      case 'footnote': {
        // The footnote's text is dropped, but a citation in it (\footnote{See \cite{x}.}) cites the
        // sentence it is attached to: keep its \cite commands verbatim in place of the footnote.
        const q = this.skipArgs(p, 1);
        const inner = text.slice(p, q);
        if (inner.includes('\\')) {
          const citeRe = new RegExp(String.raw`\\(?:${LATEX_CITE_COMMANDS})\*?(?:\s*\[[^\]]*\])*(?:\s*\{[^{}]*\})+`, 'g');
          for (let m; (m = citeRe.exec(inner)); ) this.copyVerbatim(p + m.index, p + m.index + m[0].length);
        }
        this.i = q;
        return;
      }
      default:
        break;
    }
    if (name in DROP_ARGS) {
      this.i = this.skipArgs(p, DROP_ARGS[name]);
      return;
    }
    if (name in SKIP_FIRST) {
      this.i = this.skipArgs(this.skipOptional(p), SKIP_FIRST[name]);
      return;
    }
    if (Object.prototype.hasOwnProperty.call(SYMBOLS, name)) {
      // \ldots{} and \ldots\ : swallow an empty group.
      let q = p;
      if (text.startsWith('{}', q)) q += 2;
      if (SYMBOLS[name]) this.replace(SYMBOLS[name], start, q - start);
      this.i = q;
      return;
    }
    if (name.length === 1 && ACCENTS[name] && (text[p] === '{' || text[p] === ' ')) {
      this.accent(start, name, p);
      return;
    }
    // Unknown command: drop its name and any [options] glued to it; braces that follow are
    // transparent, so \textbf{x}, \emph{x}, \underline{x} and user macros keep their text.
    if (text[p] === '[') {
      const e = this.groupEnd(p, '[', ']');
      if (e > 0) this.i = e;
    }
  }

  private copyVerbatim(from: number, to: number): void {
    // Line breaks inside read as spaces, so one citation can span lines.
    const text = this.text;
    let k = from;
    while (k < to) {
      let e = k;
      while (e < to && text[e] !== '\n' && text[e] !== '\r') e++;
      this.copy(text.slice(k, e), k);
      if (e < to) {
        const len = text[e] === '\r' && text[e + 1] === '\n' ? 2 : 1;
        this.replace(' ', e, len);
        e += len;
      }
      k = e;
    }
  }

  private controlSymbol(start: number, ch: string, end: number): void {
    const text = this.text;
    if (ch === '\\') {
      // \\ line break, \\* and \\[2pt]
      let p = start + 2;
      if (text[p] === '*') p++;
      if (text[p] === '[') {
        const e = this.groupEnd(p, '[', ']');
        if (e > 0) p = e;
      }
      this.space(start, p - start);
      this.i = p;
      return;
    }
    if (ch === '[' || ch === '(') {
      const closer = ch === '[' ? '\\]' : '\\)';
      this.mathUntil(start, closer, start + 2, end, ch === '[');
      return;
    }
    if (ACCENTS[ch]) {
      this.accent(start, ch, start + 2);
      return;
    }
    if (Object.prototype.hasOwnProperty.call(CONTROL_SYMBOLS, ch)) {
      const s = CONTROL_SYMBOLS[ch];
      if (s === ' ') this.space(start, 2);
      else if (s) this.replace(s, start, 2);
      this.i = start + 2;
      return;
    }
    this.i = start + 2;
  }

  /** \'e, \'{e}, \"{o}, \c{c}: the letter with its combining mark, composed. */
  private accent(start: number, accent: string, p: number): void {
    const text = this.text;
    let q = p;
    while (text[q] === ' ' && LETTER.test(accent)) q++;
    let letter = '';
    let end = q;
    if (text[q] === '{') {
      const e = this.groupEnd(q);
      if (e > 0 && e - q <= 4) {
        letter = text.slice(q + 1, e - 1).replace(/^\\/, '');
        end = e;
      }
    } else if (text[q] && LETTER.test(text[q])) {
      letter = text[q];
      end = q + 1;
    } else if (text[q] === '\\' && (text[q + 1] === 'i' || text[q + 1] === 'j') && !LETTER.test(text[q + 2] ?? '')) {
      letter = text[q + 1];
      end = q + 2;
    }
    if (!letter) {
      this.i = p;
      return;
    }
    this.replace((letter + ACCENTS[accent]).normalize('NFC'), start, end - start);
    this.i = end;
  }

  private dollarMath(end: number): void {
    const text = this.text;
    const start = this.i;
    if (text[start + 1] === '$') this.mathUntil(start, '$$', start + 2, end, true);
    else this.mathUntil(start, '$', start + 1, end, false);
  }

  /** Math from start (delimiter) to the closer; becomes "[math]" (or its text when simple and inline). */
  private mathUntil(start: number, closer: string, from: number, end: number, display: boolean): void {
    const text = this.text;
    let k = from;
    let close = -1;
    while (k < end) {
      const ch = text[k];
      if (ch === '\\' && !(closer.startsWith('\\') && text.startsWith(closer, k))) {
        k += 2;
        continue;
      }
      if (text.startsWith(closer, k)) {
        close = k;
        break;
      }
      if (ch === '\n' && this.blankLineAfter(k + 1)) break;
      k++;
    }
    if (close < 0) {
      // Unclosed: treat the delimiter as text and go on.
      this.i = from;
      return;
    }
    const inner = text.slice(from, close);
    const after = close + closer.length;
    if (!display && SIMPLE_MATH.test(inner) && inner.trim()) {
      this.copy(inner, from);
    } else if (this.inline || this.para || !display) {
      this.replace('[math]', start, after - start);
    }
    this.i = after;
  }

  private readEnvName(p: number): { name: string; end: number } | null {
    const q = this.skipSpaces(p);
    if (this.text[q] !== '{') return null;
    const close = this.text.indexOf('}', q);
    if (close < 0 || close - q > 40) return null;
    return { name: this.text.slice(q + 1, close).trim(), end: close + 1 };
  }

  /** Finds the \end{name} matching a \begin{name} whose body starts at from. */
  private envEnd(name: string, from: number): { innerEnd: number; end: number } | null {
    let re = ENV_RE_CACHE.get(name);
    if (!re) {
      const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      re = new RegExp(String.raw`\\(begin|end)\s*\{${esc}\}`, 'g');
      ENV_RE_CACHE.set(name, re);
    }
    re.lastIndex = from;
    let depth = 1;
    let m: RegExpExecArray | null;
    while ((m = re.exec(this.text))) {
      if (m[1] === 'begin') depth++;
      else if (--depth === 0) return { innerEnd: m.index, end: m.index + m[0].length };
    }
    return null;
  }

  private begin(start: number, end: number): void {
    const env = this.readEnvName(this.i);
    if (!env) return;
    const name = env.name;
    let p = env.end;
    this.i = p;

    if (MATH_ENVS.has(name)) {
      const e = this.envEnd(name, p);
      const stop = e ? e.end : this.paragraphEnd(p);
      if (this.inline || this.para) this.replace('[math]', start, stop - start);
      this.i = stop;
      return;
    }
    if (VERBATIM_ENVS.has(name) || SKIPPED_ENVS.has(name)) {
      const e = this.envEnd(name, p);
      const stop = e ? e.end : this.text.length;
      if (!this.inline) {
        this.flush();
        if (VERBATIM_ENVS.has(name)) this.out.codeBlocks.push({ start, end: stop, info: name });
      }
      this.i = stop;
      return;
    }
    if (this.inline) {
      // Block structure inside an argument or a cell: read through it.
      this.i = this.skipArgs(this.skipOptional(p), ENV_ARGS[name] ?? 0);
      return;
    }
    this.flush();
    p = this.skipOptional(p);
    if (ENV_ARGS[name]) p = this.skipArgs(p, ENV_ARGS[name]);
    this.i = p;

    if (TABULAR_ENVS.has(name)) {
      this.tabular(start, name, p);
      return;
    }
    if (name === 'abstract') {
      this.synthHeading('Abstract', start, env.end, env.end - 1 - name.length, env.end - 1);
      return;
    }
    if (name === 'thebibliography') {
      const last = this.out.headings[this.out.headings.length - 1];
      const justBefore = last && /^(references|bibliography|literature cited)$/i.test(last.text) && !this.out.paragraphs.some((x) => x.start > last.end);
      if (!justBefore) this.synthHeading('References', start, env.end, env.end - 1 - name.length, env.end - 1);
      this.inBibliography = true;
      return;
    }
    if (name === 'document') return;
    if (LIST_ENVS.has(name)) this.listDepth++;
    else if (QUOTE_ENVS.has(name)) this.quoteDepth++;
    else if (FLOAT_ENVS.has(name)) this.floats.push({ tables: [] });
    else if (KEYWORD_ENVS.has(name)) {
      this.replace('Keywords: ', start, p - start);
    }
  }

  private endEnv(): void {
    const env = this.readEnvName(this.i);
    if (!env) return;
    this.i = env.end;
    if (this.inline) return;
    const name = env.name;
    this.flush();
    if (name === 'document') {
      this.i = this.text.length;
      return;
    }
    if (name === 'thebibliography') this.inBibliography = false;
    else if (LIST_ENVS.has(name)) this.listDepth = Math.max(0, this.listDepth - 1);
    else if (QUOTE_ENVS.has(name)) this.quoteDepth = Math.max(0, this.quoteDepth - 1);
    else if (FLOAT_ENVS.has(name)) {
      const f = this.floats.pop();
      if (f && f.captionIndex !== undefined) {
        for (const t of f.tables) if (t.captionIndex === undefined) t.captionIndex = f.captionIndex;
      }
    }
  }

  private paragraphEnd(p: number): number {
    const m = /\r?\n[ \t]*\r?\n/g;
    m.lastIndex = p;
    const r = m.exec(this.text);
    return r ? r.index : this.text.length;
  }

  private synthHeading(text: string, start: number, end: number, textStart: number, textEnd: number): void {
    this.out.headings.push({ start, end, level: 1, text, textStart, textEnd });
  }

  private heading(start: number, name: string, p: number): void {
    const g = this.group(p);
    if (this.inline) {
      // \section inside an argument: keep its text.
      return;
    }
    this.flush();
    let inner: number;
    let innerEnd: number;
    let end: number;
    if (g) {
      ({ inner, innerEnd, end } = g);
    } else {
      // \section without braces: the rest of the line.
      inner = this.skipSpaces(p);
      innerEnd = this.lineEndFrom(inner);
      end = innerEnd;
    }
    const b = this.scanInto(inner, innerEnd);
    const { text, number } = cleanHeadingText(b.plain);
    const lead = b.plain.length - b.plain.trimStart().length;
    const trail = b.plain.trimEnd().length;
    const heading: Heading = {
      start,
      end,
      level: SECTION_LEVELS[name],
      text,
      textStart: plainToSourceStart(b.segments, lead, inner),
      textEnd: Math.max(plainToSourceStart(b.segments, lead, inner), plainToSourceEnd(b.segments, trail, innerEnd)),
      number,
    };
    this.out.headings.push(heading);
    this.i = end;
  }

  private title(): void {
    const g = this.group(this.i);
    if (!g) return;
    const b = this.scanInto(g.inner, g.innerEnd, false);
    const text = b.plain.replace(/\s+/g, ' ').trim();
    if (text && !this.out.title) this.out.title = { text, start: g.inner, end: g.innerEnd };
    this.i = g.end;
  }

  private caption(p: number): void {
    const g = this.group(p);
    if (!g) return;
    if (this.inline) {
      this.i = g.inner;
      return;
    }
    this.flush();
    const b = this.scanInto(g.inner, g.innerEnd);
    const trimmed = b.plain.trimEnd();
    if (trimmed.trim()) {
      truncate(b, trimmed.length);
      const lead = b.plain.length - b.plain.trimStart().length;
      const f = this.floats[this.floats.length - 1];
      if (f && f.captionIndex === undefined) f.captionIndex = this.out.paragraphs.length;
      this.out.paragraphs.push({
        start: plainToSourceStart(b.segments, lead, g.inner),
        end: g.innerEnd,
        kind: 'caption',
        plain: b.plain,
        segments: b.segments,
      });
    }
    this.i = g.end;
  }

  private tabular(start: number, name: string, bodyStart: number): void {
    const e = this.envEnd(name, bodyStart);
    const bodyEnd = e ? e.innerEnd : this.paragraphEnd(bodyStart);
    const tableEnd = e ? e.end : bodyEnd;
    const rows = this.splitRows(bodyStart, bodyEnd);
    const cellRows: TableCell[][] = [];
    for (const row of rows) {
      const cells = row.map(([a, b]) => this.cell(a, b));
      if (cells.every((c) => !c.text) && cells.length <= 1) continue;
      cellRows.push(cells);
    }
    const table: RawTable = { start, end: tableEnd, header: cellRows[0] ?? [], rows: cellRows.slice(1) };
    this.out.tables.push(table);
    this.floats[this.floats.length - 1]?.tables.push(table);
    this.i = tableEnd;
  }

  /** Rows and cells of a tabular body: [start, end) ranges split on \\ and & at brace depth 0. */
  private splitRows(from: number, to: number): [number, number][][] {
    const text = this.text;
    const rows: [number, number][][] = [];
    let row: [number, number][] = [];
    let cellStart = from;
    let depth = 0;
    for (let k = from; k < to; k++) {
      const ch = text[k];
      if (ch === '%') {
        k = Math.min(to, this.comment(k)) - 1;
        continue;
      }
      if (ch === '{') depth++;
      else if (ch === '}') depth = Math.max(0, depth - 1);
      else if (ch === '&' && depth === 0) {
        row.push([cellStart, k]);
        cellStart = k + 1;
      } else if (ch === '\\') {
        const nx = text[k + 1];
        const isRowEnd = nx === '\\' || text.startsWith('tabularnewline', k + 1);
        if (isRowEnd && depth === 0) {
          row.push([cellStart, k]);
          rows.push(row);
          row = [];
          let p = k + (nx === '\\' ? 2 : 15);
          if (text[p] === '*') p++;
          if (text[p] === '[') {
            const ge = this.groupEnd(p, '[', ']');
            if (ge > 0) p = ge;
          }
          cellStart = p;
          k = p - 1;
        } else {
          k++;
        }
      }
    }
    row.push([cellStart, to]);
    rows.push(row);
    return rows;
  }

  private cell(from: number, to: number): TableCell {
    const b = this.scanInto(from, to, false);
    const lead = b.plain.length - b.plain.trimStart().length;
    const trail = b.plain.trimEnd().length;
    const text = b.plain.trim().replace(/\s+/g, ' ');
    if (!text) {
      const at = this.skipSpaces(from, to);
      return { start: at, end: at, text: '' };
    }
    return { ...plainSpanToSource({ segments: b.segments, start: from, end: to }, lead, trail), text };
  }
}

/** Drops what a builder holds beyond source offset `to` (a construct that ran past its argument). */
function clamp(b: PlainBuilder, to: number): void {
  let keep = 0;
  for (const seg of b.segments) {
    if (seg.sourceStart >= to && seg.length > 0) break;
    const len = seg.sourceLength ?? seg.length;
    if (seg.sourceStart + len > to) {
      if (seg.sourceLength === undefined) seg.length = to - seg.sourceStart;
      else seg.sourceLength = to - seg.sourceStart;
    }
    keep++;
  }
  if (keep === b.segments.length) return;
  b.segments.length = keep;
  const last = b.segments[keep - 1];
  b.plain = b.plain.slice(0, last ? last.plainStart + last.length : 0);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/** Cuts a builder's plain text (and segments) to `length`. */
function truncate(b: PlainBuilder, length: number): void {
  if (b.plain.length <= length) return;
  b.plain = b.plain.slice(0, length);
  while (b.segments.length && b.segments[b.segments.length - 1].plainStart >= length) b.segments.pop();
  const last = b.segments[b.segments.length - 1];
  if (last && last.plainStart + last.length > length) last.length = length - last.plainStart;
}

/** Parses a LaTeX manuscript into the raw blocks every format produces. Never throws. */
export function parseLatexBlocks(text: string): LatexBlocks {
  return new LatexScanner(text).run();
}
