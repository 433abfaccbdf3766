import type { Heading, ParagraphKind } from '../../types';
import { isReferencesHeading } from '../../profiles';
import { cleanHeadingText, type RawBlocks, type RawParagraph } from '../blocks';
import { PlainBuilder, plainToSourceEnd, plainToSourceStart } from '../text';
import type { LatexCommand } from './commands';
import { EnvironmentEnds, GroupEnds, MathClosers } from './search';
import { linkCaption, readTable, type CellSource, type Float } from './tables';
import { DOTLESS_LETTERS, WRITTEN, type CompiledVocabulary } from './vocabulary';
import { runSteps, type Steps } from '../../steps';

/**
 * The LaTeX scanner: a single linear pass over the source, not a full TeX parser (see
 * docs/formats.md for why). It never throws: an unclosed brace, argument or environment ends at
 * the end of its line, paragraph or file.
 *
 * It knows no command or environment names: it looks each \name and \begin{name} up in the
 * vocabulary it is given (commands.ts, vocabulary.ts) and acts on the entry's kind. What it
 * knows is TeX's own syntax: % comments, {groups}, [options], $ math, ~, blank lines.
 *
 * Searches for a closing delimiter go through search.ts, so that unclosed groups, math and
 * environments cost linear time however many there are; so do the caches below (line ends,
 * the next \verb delimiter, the next paragraph break).
 */

const LETTER = /[A-Za-z]/;
/** Iterations of the top-level scan between two steps of LatexScanner.steps. */
const SCAN_STEP = 256;
const NAME_RE = /[A-Za-z]+/y;
const RUN_RE = /[^\\%$~{}\r\n]+/y;
const SIMPLE_MATH = /^[\s\w.,:;<>=+\-\/%()]*$/;
/** Inline math that is only a superscript of numbers: `$^{3}$`, `$^{3,4}$`, `$^{3-5}$`, `${}^{2}$`, `$^7$`. */
const MATH_SUPERSCRIPT = /^\s*(?:\{\s*\})?\^\s*(?:\{\s*(\d{1,4}(?:\s*(?:,|-{1,3}|\u2013)\s*\d{1,4})*)\s*\}|(\d))\s*$/;
/** In a skipped \iffalse block: control symbols (\\, \%), control words (\if…, \fi) and comments. */
const CONDITIONAL_TOKEN = /\\[^a-zA-Z]|\\([a-zA-Z]+)|%[^\n\r]*/g;

/**
 * The end of the \fi that closes an \iffalse whose name ends at from (nested \if… \fi counted),
 * or `end` (the end of what is being scanned) when there is none before it.
 */
function falseConditionalEnd(text: string, from: number, end: number): number {
  let depth = 1;
  CONDITIONAL_TOKEN.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = CONDITIONAL_TOKEN.exec(text)) && m.index < end) {
    const name = m[1];
    if (!name) continue;
    if (name === 'fi') {
      if (--depth === 0) return m.index + m[0].length;
    } else if (name.startsWith('if') && name !== 'iff') depth++;
  }
  return end;
}

export class LatexScanner implements CellSource {
  readonly out: RawBlocks = { headings: [], paragraphs: [], tables: [], codeBlocks: [], comments: [] };
  i = 0;
  private para: PlainBuilder | null = null;
  private paraStart = 0;
  private paraEnd = 0;
  /** When set, text goes to this builder (an argument, a cell) and block structure is ignored. */
  private inline: PlainBuilder | null = null;
  /** Scanning the group of a \keywords command (they do not nest). */
  private inKeywords = false;
  private recordComments = true;
  /** Whether the current target's plain text is empty or ends with white space (no string flattening). */
  private atSpace = true;
  private listDepth = 0;
  private quoteDepth = 0;
  private inBibliography = false;
  private floats: Float[] = [];
  /** The largest start of a paragraph recorded so far. */
  private lastParagraphStart = -1;
  private readonly groupEnds = new Map<string, GroupEnds>();
  private readonly mathClosers = new Map<string, MathClosers>();
  private readonly environmentEnds = new Map<string, EnvironmentEnds>();
  /** [from, to]: no line break in [from, to), and `to` is the end of that line. */
  private lineEndCache = { from: 1, to: 0 };
  /** Per \verb delimiter, [from, at]: `at` is its first occurrence at or after `from` (-1: none). */
  private readonly nextCharCache = new Map<string, { from: number; at: number }>();
  /** [from, at]: the first paragraph break at or after `from` starts at `at`. */
  private paragraphEndCache = { from: 1, at: 0 };

  constructor(
    readonly text: string,
    private readonly vocab: CompiledVocabulary,
  ) {}

  run(): RawBlocks {
    return runSteps(this.steps());
  }

  /**
   * run() in steps (steps.ts): the top-level scan stops after SCAN_STEP of its iterations (a
   * command with its arguments or environment, a run of text, a line end) and resumes where it
   * stopped: all its state is in the scanner, so the blocks are the same as in one pass.
   */
  *steps(): Steps<RawBlocks> {
    const text = this.text;
    const docBegin = this.vocab.documentBegin;
    docBegin.lastIndex = 0;
    let m: RegExpExecArray | null;
    let body = 0;
    while ((m = docBegin.exec(text))) {
      // After a commented-out \begin{document}, the rest of its line is comment too.
      if (this.inCommentAt(m.index)) docBegin.lastIndex = Math.max(docBegin.lastIndex, this.lineEndFrom(m.index));
      else {
        body = m.index + m[0].length;
        this.preamble(m.index);
        break;
      }
    }
    this.i = body;
    yield;
    while (this.i < text.length) {
      this.scan(text.length, SCAN_STEP);
      yield;
    }
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
        if (this.vocab.commands.get(m[0])?.kind === 'title') {
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
    this.pushParagraph(para);
  }

  private pushParagraph(para: RawParagraph): void {
    this.out.paragraphs.push(para);
    this.lastParagraphStart = Math.max(this.lastParagraphStart, para.start);
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

  /** Scans from this.i to end (or for at most `steps` iterations, leaving this.i where it stopped). */
  scan(end: number, steps = Infinity): void {
    const text = this.text;
    for (let n = 0; this.i < end && n < steps; n++) {
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
  comment(i: number): number {
    const text = this.text;
    let e = i;
    while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
    if (this.recordComments) this.out.comments.push({ start: i, end: e, text: text.slice(i + 1, e).trim() });
    return e;
  }

  skipSpaces(p: number, end = this.text.length): number {
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
  groupEnd(p: number, open = '{', close = '}', verbatim = false): number {
    const key = `${open}${close}${verbatim ? 'v' : ''}`;
    let ends = this.groupEnds.get(key);
    if (!ends) this.groupEnds.set(key, (ends = new GroupEnds(this.text, open, close, verbatim)));
    return ends.end(p);
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
    const cache = this.lineEndCache;
    if (p >= cache.from && p <= cache.to) return cache.to;
    const text = this.text;
    let e = p;
    while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
    this.lineEndCache = { from: p, to: e };
    return e;
  }

  /** The first occurrence of ch at or after p, or -1. */
  private nextChar(ch: string, p: number): number {
    const cache = this.nextCharCache.get(ch);
    if (cache && p >= cache.from && (cache.at < 0 || p <= cache.at)) return cache.at;
    const at = this.text.indexOf(ch, p);
    this.nextCharCache.set(ch, { from: p, at });
    return at;
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
  scanInto(from: number, to: number, record = true): PlainBuilder {
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
    // \name (letters) or a control symbol (\%, \\, \'): one non-letter.
    const named = LETTER.test(next);
    let name = next;
    if (named) {
      NAME_RE.lastIndex = start + 1;
      name = NAME_RE.exec(text)![0];
    }
    let p = start + 1 + name.length;
    const cmd = this.vocab.commands.get(name);
    if (!cmd) {
      if (named) this.unknown(p);
      else this.i = p;
      return;
    }
    if (named && text[p] === '*' && (cmd.kind === 'heading' || cmd.kind === 'caption')) p++;
    this.i = p;
    this.dispatch(cmd, named, start, p, end);
  }

  /** Does what the command table says for a command at start whose name ends at p. */
  private dispatch(cmd: LatexCommand, named: boolean, start: number, p: number, end: number): void {
    const text = this.text;
    switch (cmd.kind) {
      case 'heading':
        this.heading(start, cmd.level, p);
        return;
      case 'citation': {
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
          if (!cmd.multi) break;
        }
        if (groups === 0) return;
        this.copyVerbatim(start, q);
        this.i = q;
        return;
      }
      case 'ref': {
        const q = this.skipArgs(p, 1);
        this.replace(WRITTEN.ref, start, q - start);
        this.i = q;
        return;
      }
      case 'begin':
        this.begin(start);
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
          this.i = this.skipArgs(this.skipOptional(p), cmd.args);
        }
        return;
      case 'paragraph-break':
        if (this.inline) this.space(start, p - start);
        else this.flush();
        return;
      case 'caption':
        this.caption(p);
        return;
      case 'keywords': {
        const g = this.group(p);
        // Inside a \keywords group another one is text: scanning it as a group again would
        // recurse once per \keywords{ (a stack overflow with thousands unclosed on one line).
        if (!g || this.inline || this.inKeywords) return;
        this.flush();
        this.replace(WRITTEN.keywords, start, g.inner - start);
        this.i = g.inner;
        this.inKeywords = true;
        try {
          this.scan(g.innerEnd);
        } finally {
          this.inKeywords = false;
        }
        this.i = g.end;
        this.flush();
        return;
      }
      case 'link': {
        // \href{url}{text}: the URL may hold % and #; only the text is prose.
        const q = this.skipSpaces(this.skipOptional(p));
        const e = text[q] === '{' ? this.groupEnd(q, '{', '}', true) : -1;
        if (e > 0) this.i = e;
        return;
      }
      case 'url': {
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
        const close = delim ? this.nextChar(delim, p + 1) : -1;
        const lineEnd = this.lineEndFrom(p);
        if (close < 0 || close > lineEnd) {
          this.i = lineEnd;
          return;
        }
        this.copyVerbatim(p + 1, close);
        this.i = close + 1;
        return;
      }
      case 'false-conditional': {
        // Nothing up to the matching \fi is read (an unclosed \iffalse runs to the end).
        this.i = Math.min(end, falseConditionalEnd(text, p, end));
        return;
      }
      case 'superscript': {
        const g = this.group(p);
        if (g && /^\s*\d[\d,\s\u2013-]*$/.test(text.slice(g.inner, g.innerEnd))) {
          // \textsuperscript{1,2} reads as ^1,2^: a superscript citation.
          this.replace(WRITTEN.superscript, start, g.inner - start);
          this.copy(text.slice(g.inner, g.innerEnd), g.inner);
          this.replace(WRITTEN.superscript, g.innerEnd, g.end - g.innerEnd);
          this.i = g.end;
        }
        return;
      }
      case 'footnote': {
        // The footnote's text is dropped, but a citation in it (\footnote{See \cite{x}.}) cites the
        // sentence it is attached to: keep its citation commands verbatim in place of the footnote.
        const q = this.skipArgs(p, 1);
        const inner = text.slice(p, q);
        if (inner.includes('\\')) {
          const citeRe = this.vocab.footnoteCitation;
          citeRe.lastIndex = 0;
          for (let m; (m = citeRe.exec(inner)); ) this.copyVerbatim(p + m.index, p + m.index + m[0].length);
        }
        this.i = q;
        return;
      }
      case 'drop':
        this.i = this.skipArgs(cmd.parens ? this.skipOptional(p, true) : p, cmd.args);
        return;
      case 'keep-last':
        this.i = this.skipArgs(this.skipOptional(p), cmd.skip);
        return;
      case 'symbol': {
        // \ldots{} and \ldots\ : swallow an empty group.
        let q = p;
        if (named && text.startsWith('{}', q)) q += 2;
        if (cmd.text) this.replace(cmd.text, start, q - start);
        this.i = q;
        return;
      }
      case 'space':
        this.space(start, p - start);
        return;
      case 'accent':
        if (named && text[p] !== '{' && text[p] !== ' ') break;
        this.accent(start, cmd.mark, named, p);
        return;
      case 'line-break': {
        // \\ line break, \\* and \\[2pt]
        let q = p;
        if (text[q] === '*') q++;
        if (text[q] === '[') {
          const e = this.groupEnd(q, '[', ']');
          if (e > 0) q = e;
        }
        this.space(start, q - start);
        this.i = q;
        return;
      }
      case 'math':
        this.mathUntil(start, cmd.closer, p, end, cmd.display);
        return;
      case 'keep-arg':
      case 'row-end':
        break;
    }
    if (named) this.unknown(p);
  }

  /**
   * A command the table does not handle: drop its name and any [options] glued to it; braces that
   * follow are transparent, so \textbf{x}, \emph{x}, \underline{x} and user macros keep their text.
   */
  private unknown(p: number): void {
    this.i = p;
    if (this.text[p] === '[') {
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

  /** \'e, \'{e}, \"{o}, \c{c}: the letter with its combining mark, composed. */
  private accent(start: number, mark: string, named: boolean, p: number): void {
    const text = this.text;
    let q = p;
    while (text[q] === ' ' && named) q++;
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
    } else if (text[q] === '\\' && DOTLESS_LETTERS.has(text[q + 1]) && !LETTER.test(text[q + 2] ?? '')) {
      letter = text[q + 1];
      end = q + 2;
    }
    if (!letter) {
      this.i = p;
      return;
    }
    this.replace((letter + mark).normalize('NFC'), start, end - start);
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
    let closers = this.mathClosers.get(closer);
    if (!closers) this.mathClosers.set(closer, (closers = new MathClosers(text, closer)));
    const close = closers.find(from, end);
    if (close < 0) {
      // Unclosed: treat the delimiter as text and go on.
      this.i = from;
      return;
    }
    const inner = text.slice(from, close);
    const after = close + closer.length;
    const sup = display ? null : MATH_SUPERSCRIPT.exec(inner);
    if (sup) {
      // $^{3,4}$, ${}^{3-5}$: superscript citation numbers, read as ^3,4^.
      const numbers = (sup[1] ?? sup[2]).replace(/\s+/g, '').replace(/-{2,3}/g, '-');
      this.replace(`${WRITTEN.superscript}${numbers}${WRITTEN.superscript}`, start, after - start);
    } else if (!display && SIMPLE_MATH.test(inner) && inner.trim()) {
      this.copy(inner, from);
    } else if (this.inline || this.para || !display) {
      this.replace('[math]', start, after - start);
    }
    this.i = after;
  }

  private readEnvName(p: number): { name: string; end: number } | null {
    const q = this.skipSpaces(p);
    if (this.text[q] !== '{') return null;
    // Looked for within the 40 characters a name may have (not to the end of the text).
    const close = this.text.slice(q, q + 41).indexOf('}') + q;
    if (close < q || close - q > 40) return null;
    return { name: this.text.slice(q + 1, close).trim(), end: close + 1 };
  }

  /** Finds the \end{name} matching a \begin{name} whose body starts at from. */
  private envEnd(name: string, from: number): { innerEnd: number; end: number } | null {
    let ends = this.environmentEnds.get(name);
    if (!ends) this.environmentEnds.set(name, (ends = new EnvironmentEnds(this.text, this.vocab.beginOrEnd(name))));
    return ends.find(from);
  }

  private begin(start: number): void {
    const env = this.readEnvName(this.i);
    if (!env) return;
    const name = env.name;
    const spec = this.vocab.environments.get(name);
    const kind = spec?.kind;
    let p = env.end;
    this.i = p;

    if (kind === 'math') {
      const e = this.envEnd(name, p);
      const stop = e ? e.end : this.paragraphEnd(p);
      if (this.inline || this.para) this.replace(WRITTEN.math, start, stop - start);
      this.i = stop;
      return;
    }
    if (kind === 'verbatim' || kind === 'skip') {
      const e = this.envEnd(name, p);
      const stop = e ? e.end : this.text.length;
      if (!this.inline) {
        this.flush();
        if (kind === 'verbatim') this.out.codeBlocks.push({ start, end: stop, info: name });
      }
      this.i = stop;
      return;
    }
    const args = spec?.args ?? 0;
    if (this.inline) {
      // Block structure inside an argument or a cell: read through it.
      this.i = this.skipArgs(this.skipOptional(p), args);
      return;
    }
    this.flush();
    p = this.skipArgs(this.skipOptional(p), args);
    this.i = p;

    switch (kind) {
      case 'tabular':
        this.tabular(start, name, p);
        return;
      case 'abstract':
        this.synthHeading(WRITTEN.abstractHeading, start, env.end, env.end - 1 - name.length, env.end - 1);
        return;
      case 'bibliography': {
        // The structural signal is the environment; whether a heading just before already is the
        // references heading is the profiles' one definition.
        const last = this.out.headings[this.out.headings.length - 1];
        const justBefore = last && isReferencesHeading(last.text) && !(this.lastParagraphStart > last.end);
        if (!justBefore) this.synthHeading(WRITTEN.referencesHeading, start, env.end, env.end - 1 - name.length, env.end - 1);
        this.inBibliography = true;
        return;
      }
      case 'list':
        this.listDepth++;
        return;
      case 'quote':
        this.quoteDepth++;
        return;
      case 'float':
        this.floats.push({ tables: [] });
        return;
      case 'keywords':
        this.replace(WRITTEN.keywords, start, p - start);
        return;
      default:
        // document, transparent and unknown environments: their text is read as it comes.
        return;
    }
  }

  private endEnv(): void {
    const env = this.readEnvName(this.i);
    if (!env) return;
    this.i = env.end;
    if (this.inline) return;
    this.flush();
    switch (this.vocab.environments.get(env.name)?.kind) {
      case 'document':
        this.i = this.text.length;
        return;
      case 'bibliography':
        this.inBibliography = false;
        return;
      case 'list':
        this.listDepth = Math.max(0, this.listDepth - 1);
        return;
      case 'quote':
        this.quoteDepth = Math.max(0, this.quoteDepth - 1);
        return;
      case 'float':
        linkCaption(this.floats.pop());
        return;
      default:
        return;
    }
  }

  /** Where the paragraph around p ends: the next blank line (after \n, \r\n or \r line ends), or the end. */
  private paragraphEnd(p: number): number {
    const cache = this.paragraphEndCache;
    if (p >= cache.from && p <= cache.at) return cache.at;
    const m = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/g;
    m.lastIndex = p;
    const r = m.exec(this.text);
    const at = r ? r.index : this.text.length;
    this.paragraphEndCache = { from: p, at };
    return at;
  }

  private synthHeading(text: string, start: number, end: number, textStart: number, textEnd: number): void {
    this.out.headings.push({ start, end, level: 1, text, textStart, textEnd });
  }

  private heading(start: number, level: number, p: number): void {
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
      level,
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
      this.pushParagraph({
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
    const table = readTable(this, this.vocab.rowEnds, start, tableEnd, bodyStart, bodyEnd);
    this.out.tables.push(table);
    this.floats[this.floats.length - 1]?.tables.push(table);
    this.i = tableEnd;
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
