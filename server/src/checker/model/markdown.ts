import MarkdownIt from 'markdown-it';
import type { StateBlock, StateCore, Token } from 'markdown-it';
import type { Comment, Heading, Memo, TableCell, TextSegment } from '../types';
import { runSteps, type Steps } from '../steps';
import { cleanHeadingText, type RawBlocks, type RawParagraph } from './blocks';
import { detached, memoised } from './memo';
import { PlainBuilder, computeLineStarts, lineEnd, lowerBound, positionAt, textEdit, type TextEdit, type TextVersion } from './text';

/**
 * Markdown (CommonMark + GFM tables, as in Quarto and R Markdown) via markdown-it: the
 * fastest well-kept CommonMark parser for Node. Block tokens carry line maps; inline
 * text is aligned back onto the source so that every plain character has an offset.
 */
const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
// Keep escapes and entities as separate tokens, so we know their source form.
md.core.ruler.disable('text_join');
// markdown-it's 'normalize' rule scans the whole text twice with regular expressions; the same
// replacements are made here, and only when the text has a \r or a NUL (a quick search). Token
// contents then hold \n where the source may have \r\n or \r: findInSource allows for it.
md.core.ruler.disable('normalize');
// Inline content is parsed per block when it is read (inlineChildren), so that the incremental
// checker can skip it for a block whose text it has seen: markdown-it's core 'inline' rule only
// runs md.inline.parse on each inline token, and no later rule of ours is enabled (linkify and
// typographer are off, text_join is disabled).
md.core.ruler.disable('inline');
/**
 * markdown-it's inline 'text' rule (a run of characters none of which can start markup), the run
 * found by a sticky pattern instead of a JavaScript loop over its characters: the same runs, with
 * the loop's cost gone from a cold parse (the CLI's; bench manuscript ~5–10 ms of its inline
 * parse, on a loaded machine) and a warm one no slower. The class is markdown-it's
 * isTerminatorChar: \n ! # $ % & * + - : < = > @ [ \ ] ^ _ ` { } ~.
 */
const TEXT_RUN = /[^\n!#$%&*+\-:<=>@[\\\]^_`{}~]+/y;
md.inline.ruler.at('text', (state, silent) => {
  const start = state.pos;
  TEXT_RUN.lastIndex = start;
  if (!TEXT_RUN.test(state.src)) return false;
  const pos = Math.min(TEXT_RUN.lastIndex, state.posMax);
  if (pos === start) return false;
  if (!silent) state.pending += state.src.slice(start, pos);
  state.pos = pos;
  return true;
});
function inlineChildren(token: Token, env: StateCore['env']): Token[] {
  return inlineTokens(token.content, env);
}
/** The inline tokens of a block's content (exported for test/checker/markdown-lines.test.ts). */
export function inlineTokens(content: string, env: StateCore['env'] = {}): Token[] {
  const children: Token[] = [];
  md.inline.parse(content, md, env, children);
  return children;
}
/**
 * The core rules after 'block' (strip_references; linkify, replacements and smartquotes, which do
 * nothing with these options): a second instance with the same options, whose chain is those.
 */
const afterBlock = new MarkdownIt({ html: true, linkify: false, typographer: false });
afterBlock.core.ruler.disable(['normalize', 'block', 'inline', 'text_join']);

/**
 * `new md.block.State(src, md, env, tokens)` with its line tables (bMarks, eMarks, tShift,
 * sCount, bsCount, lineMax) found line by line: markdown-it's constructor reads every character
 * of the text in a JavaScript loop, which in a short run (the CLI) runs cold, in V8's
 * interpreter and baseline code: ~8 ms of a cold parse of the bench's 300 KB manuscript, against
 * well under 1 ms here, where each line's end is found by indexOf and only its leading spaces
 * and tabs are read. The same tables (test/checker/markdown-lines.test.ts), including
 * markdown-it's quirk that a last line of only spaces and tabs, with no line end, is no line.
 */
export function blockState(src: string, env: StateCore['env'], tokens: Token[]): StateBlock {
  const state = new md.block.State('', md, env, tokens);
  state.src = src;
  const bMarks: number[] = [];
  const eMarks: number[] = [];
  const tShift: number[] = [];
  const sCount: number[] = [];
  const bsCount: number[] = [];
  const len = src.length;
  for (let start = 0; start < len; ) {
    let pos = start;
    let indent = 0;
    let offset = 0;
    for (; pos < len; pos++) {
      const ch = src.charCodeAt(pos);
      if (ch === 0x20) offset++;
      else if (ch === 0x09) offset += 4 - (offset % 4);
      else break;
      indent++;
    }
    if (pos === len) break;
    const lineEnd = src.indexOf('\n', pos);
    const end = lineEnd < 0 ? len : lineEnd;
    bMarks.push(start);
    eMarks.push(end);
    tShift.push(indent);
    sCount.push(offset);
    bsCount.push(0);
    start = end + 1;
  }
  bMarks.push(len);
  eMarks.push(len);
  tShift.push(0);
  sCount.push(0);
  bsCount.push(0);
  state.bMarks = bMarks;
  state.eMarks = eMarks;
  state.tShift = tShift;
  state.sCount = sCount;
  state.bsCount = bsCount;
  state.lineMax = bMarks.length - 1;
  return state;
}

/**
 * md.parse(src, env) in steps, one top-level block each: markdown-it's block tokenizer loop
 * (ParserBlock.tokenize) run at the top level here, so that a host may pause between two blocks
 * (each block rule is called with the document's last line as its limit, as md.parse does, so
 * the tokens are the same), then the rest of the core chain. Nested blocks (list items, quotes)
 * are tokenized by their block rule, inside the step of their top-level block.
 */
export function* markdownTokenSteps(src: string, env: StateCore['env']): Steps<Token[]> {
  const tokens: Token[] = [];
  const core = new md.core.State(src, md, env);
  core.tokens = tokens;
  if (src) {
    const state = blockState(src, env, tokens);
    const rules = md.block.ruler.getRules('');
    const maxNesting = md.options.maxNesting ?? Infinity;
    const endLine = state.lineMax;
    let line = state.line;
    let hasEmptyLines = false;
    while (line < endLine) {
      state.line = line = state.skipEmptyLines(line);
      if (line >= endLine) break;
      if (state.sCount[line] < state.blkIndent) break;
      if (state.level >= maxNesting) {
        state.line = endLine;
        break;
      }
      const prevLine = state.line;
      let ok = false;
      for (const rule of rules) {
        ok = rule(state, line, endLine, false);
        if (ok) {
          if (prevLine >= state.line) throw new Error("block rule didn't increment state.line");
          break;
        }
      }
      if (!ok) throw new Error('none of the block rules matched');
      state.tight = !hasEmptyLines;
      if (state.isEmpty(state.line - 1)) hasEmptyLines = true;
      line = state.line;
      if (line < endLine && state.isEmpty(line)) {
        hasEmptyLines = true;
        line++;
        state.line = line;
      }
      yield;
    }
  }
  afterBlock.core.process(core);
  return core.tokens;
}

/** `text`: what is known of the text the parse text was made from (which holds whatever the parse text holds). */
function normalizeForParse(s: string, text?: TextVersion): string {
  if (text && !text.mayInclude('\r') && !text.mayInclude('\0')) return s;
  return s.includes('\r') || s.includes('\0') ? s.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD') : s;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LINE_END = '(?:\\r\\n|\\r|\\n)';

/**
 * Where a token's content is in src[from, limit): verbatim, or (for content with line ends, and
 * for inline code, whose line ends are spaces) with \n standing for any line end of the source.
 * `verbatim`: the source there is the content (a match of the pattern is not: a verbatim one
 * would have been found first).
 */
function findInSource(src: string, content: string, from: number, limit: number, codeSpaces: boolean): { index: number; length: number; verbatim: boolean } | undefined {
  const window = src.slice(from, limit);
  const at = window.indexOf(content);
  const flexible = content.includes('\n') || (codeSpaces && content.includes(' ') && /[\r\n]/.test(window));
  if (!flexible) return at >= 0 ? { index: from + at, length: content.length, verbatim: true } : undefined;
  const pattern = content
    .split(/(\n| )/)
    .map((part) => (part === '\n' ? LINE_END : part === ' ' ? (codeSpaces ? `(?: |${LINE_END})` : ' ') : escapeRe(part)))
    .join('');
  const m = new RegExp(pattern).exec(window);
  if (!m) return undefined;
  // The verbatim match wins when it comes first (or is the same).
  if (at >= 0 && at <= m.index) return { index: from + at, length: content.length, verbatim: true };
  return { index: from + m.index, length: m[0].length, verbatim: false };
}

/** Appends source[start, start + length), which reads as `plain` with each line end a space or \n. */
function copyAcrossLines(b: PlainBuilder, src: string, start: number, length: number, plain: string): void {
  if (length === plain.length && src.slice(start, start + length).replace(/[\r\n]/g, ' ') === plain.replace(/\n/g, ' ')) {
    // Same length: a line end is one \n or \r, standing for the space or \n of the content.
    let k = 0;
    while (k < length) {
      let e = k;
      while (e < length && src[start + e] === plain[e]) e++;
      if (e > k) b.copy(plain.slice(k, e), start + k);
      if (e < length) {
        b.replace(plain[e], start + e, 1);
        e++;
      }
      k = e;
    }
    return;
  }
  // \r\n line ends: each is one character of the content.
  let p = 0;
  let s = start;
  const end = start + length;
  while (s < end) {
    let e = s;
    while (e < end && src[e] !== '\r' && src[e] !== '\n') e++;
    if (e > s) {
      b.copy(src.slice(s, e), s);
      p += e - s;
    }
    if (e < end) {
      const len = src[e] === '\r' && src[e + 1] === '\n' ? 2 : 1;
      b.replace(plain[p] ?? ' ', e, len);
      p++;
      e += len;
    }
    s = e;
  }
}

const COMMENT_RE = /<!--([\s\S]*?)-->/g;

export function parseMarkdownBlocks(text: string, lineStarts: number[], parseText: string, memo?: Memo): RawBlocks {
  return runSteps(markdownBlockSteps(text, lineStarts, parseText, memo));
}

/**
 * parseMarkdownBlocks in steps (steps.ts): the block parse one top-level block at a time, then the
 * blocks' inline content one heading, paragraph or table at a time. With the incremental checker's
 * memo, the text is parsed in chunks (markdownChunkSteps), each looked up by its text; `skip` (a
 * line start, with the memo only): the parse text is `text` with its lines before `skip` blanked
 * (a front matter), which the chunks start after.
 */
export function* markdownBlockSteps(text: string, lineStarts: number[], parseText: string, memo?: Memo, version?: TextVersion, skip?: number): Steps<RawBlocks> {
  if (memo) return yield* markdownChunkSteps(text, lineStarts, parseText, memo, version, skip);
  const env: StateCore['env'] = {};
  const tokens = yield* markdownTokenSteps(normalizeForParse(parseText), env);
  return yield* blocksOfTokens(text, lineStarts, tokens, env, memo);
}

/**
 * The headings, paragraphs, tables, code blocks and comments of markdown-it's block tokens of
 * `text` (line maps into `lineStarts`), one heading, paragraph or table a step.
 */
function* blocksOfTokens(text: string, lineStarts: number[], tokens: Token[], env: StateCore['env'], memo: Memo | undefined): Steps<RawBlocks> {
  const out: RawBlocks = { headings: [], paragraphs: [], tables: [], codeBlocks: [], comments: [] };
  const lineStart = (line: number) => (line < lineStarts.length ? lineStarts[line] : text.length);
  const endOfLines = (map: [number, number]) => lineEnd(text, lineStarts, Math.max(map[0], map[1] - 1));
  // An inline parse reads the block's content and the document's link reference definitions.
  const space = env.references ? `model/markdown-inline\0${JSON.stringify(env.references)}` : 'model/markdown-inline';

  /**
   * The plain text of the inline token after the block opener at tokens[i], with its lines' span.
   * A function of the inline content, the block's source text and the reference definitions:
   * memoised by them with offsets relative to the block.
   */
  const blockInline = (i: number) => {
    const map = tokens[i].map as [number, number];
    const start = lineStart(map[0]);
    const end = endOfLines(map);
    const inline = tokens[i + 1];
    const source = text.slice(start, Math.min(text.length, end + 1));
    const aligned = memoised(memo, space, inline.content + '\0' + source, () => {
      const b = new PlainBuilder();
      const comments: Comment[] = [];
      alignInline(inlineChildren(inline, env), source, 0, end - start, b, comments);
      // Kept by the memo: copies, not slices of this version of the document (memo.ts, detached).
      return { plain: detached(memo, b.plain), segments: b.segments, comments: comments.map((c) => ({ ...c, text: detached(memo, c.text) })) };
    });
    const b = new PlainBuilder();
    b.plain = aligned.plain;
    b.segments = aligned.segments.map((g): TextSegment => ({ ...g, sourceStart: g.sourceStart + start }));
    for (const c of aligned.comments) out.comments.push({ ...c, start: c.start + start, end: c.end + start });
    return { start, end, b };
  };

  let quoteDepth = 0;
  let listDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    switch (tok.type) {
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        listDepth++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        break;
      case 'heading_open': {
        const { start, end, b } = blockInline(i);
        const { text: clean, number } = cleanHeadingText(b.plain);
        const first = b.segments[0];
        const last = b.segments[b.segments.length - 1];
        const heading: Heading = {
          start,
          end,
          level: Number(tok.tag.slice(1)) || 1,
          text: clean,
          textStart: first ? first.sourceStart : start,
          textEnd: last ? trimEndAt(text, last.sourceStart + (last.sourceLength ?? last.length), start) : end,
          number,
        };
        out.headings.push(heading);
        i += 2;
        yield;
        break;
      }
      case 'paragraph_open': {
        const { start, end, b } = blockInline(i);
        if (b.plain.trim()) {
          const para: RawParagraph = {
            start: b.segments[0]?.sourceStart ?? start,
            end,
            kind: listDepth > 0 ? 'list-item' : 'prose',
            plain: b.plain,
            segments: b.segments,
          };
          if (quoteDepth > 0) para.quoted = true;
          out.paragraphs.push(para);
        }
        i += 2;
        yield;
        break;
      }
      case 'table_open': {
        const map = tok.map as [number, number];
        const table = { start: lineStart(map[0]), end: endOfLines(map), header: [] as TableCell[], rows: [] as TableCell[][] };
        let row: TableCell[] = [];
        let rowCursor = table.start;
        let inHead = false;
        for (i = i + 1; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
          const t = tokens[i];
          if (t.type === 'thead_open') inHead = true;
          else if (t.type === 'thead_close') inHead = false;
          else if (t.type === 'tr_open') {
            row = [];
            rowCursor = lineStart((t.map as [number, number])[0]);
          } else if (t.type === 'tr_close') {
            if (inHead) table.header = row;
            else table.rows.push(row);
          } else if (t.type === 'inline') {
            const limit = lineEnd(text, lineStarts, positionAt(lineStarts, rowCursor).line);
            const b = new PlainBuilder();
            // Searched up to the end of the row only (a cell not written verbatim, "a \| b", must not cost the rest of the text).
            const inRow = t.content ? text.slice(rowCursor, limit + t.content.length).indexOf(t.content) : -1;
            const cellStart = inRow >= 0 ? rowCursor + inRow : -1;
            const from = cellStart >= 0 && cellStart <= limit ? cellStart : rowCursor;
            const after = alignInline(inlineChildren(t, env), text, from, limit, b, out.comments);
            const s = b.segments[0]?.sourceStart ?? from;
            row.push({ start: s, end: Math.max(s, after), text: b.plain.trim() });
            const bar = text.indexOf('|', Math.max(after, from));
            rowCursor = bar >= 0 && bar <= limit ? bar + 1 : after;
          }
        }
        out.tables.push(table);
        yield;
        break;
      }
      case 'fence':
      case 'code_block': {
        const map = tok.map as [number, number];
        out.codeBlocks.push({ start: lineStart(map[0]), end: endOfLines(map), info: tok.info.trim() });
        break;
      }
      case 'html_block': {
        const map = tok.map as [number, number];
        const start = lineStart(map[0]);
        const end = endOfLines(map);
        collectComments(text, start, end, out.comments);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Moves an end offset back over white space ("# Title <!-- note -->" ends after "Title"). */
function trimEndAt(text: string, end: number, floor: number): number {
  while (end > floor && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

function collectComments(text: string, start: number, end: number, comments: Comment[]): void {
  const slice = text.slice(start, end);
  COMMENT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COMMENT_RE.exec(slice))) {
    comments.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[1].trim() });
  }
}

/** Skips a link/image tail starting at a ']' : "](url "title")" or "][ref]" or "]". */
function skipLinkTail(src: string, closeBracket: number, limit: number): number {
  let p = closeBracket + 1;
  if (src[p] === '(') {
    let depth = 0;
    for (; p < limit; p++) {
      if (src[p] === '\\') {
        p++;
        continue;
      }
      if (src[p] === '(') depth++;
      else if (src[p] === ')' && --depth === 0) return p + 1;
    }
    return limit;
  }
  if (src[p] === '[') {
    const close = src.indexOf(']', p);
    return close >= 0 && close < limit ? close + 1 : p;
  }
  return p;
}

/**
 * Walks markdown-it inline tokens and appends their visible text to `b`, finding each
 * piece in the source from `from` on. Returns the source offset reached.
 */
export function alignInline(
  children: Token[],
  src: string,
  from: number,
  limit: number,
  b: PlainBuilder,
  comments: Comment[],
): number {
  let cur = from;
  // Searched in src[cur, limit) only (a slice is O(1)): a piece that is not found costs its window, not the rest of the text.
  const find = (s: string): number => {
    const idx = src.slice(cur, limit).indexOf(s);
    return idx >= 0 ? cur + idx : -1;
  };
  for (const c of children) {
    switch (c.type) {
      case 'text':
      case 'code_inline': {
        if (!c.content) break;
        const found = findInSource(src, c.content, cur, limit, c.type === 'code_inline');
        if (!found) {
          b.replace(c.content, cur, 0);
        } else if (found.verbatim) {
          b.copy(c.content, found.index);
          cur = found.index + found.length;
        } else {
          // Inline code across a line end (a space in its content), or a \r\n.
          copyAcrossLines(b, src, found.index, found.length, c.content);
          cur = found.index + found.length;
        }
        break;
      }
      case 'text_special': {
        const idx = find(c.markup);
        if (idx < 0) {
          b.replace(c.content, cur, 0);
        } else {
          b.replace(c.content, idx, c.markup.length);
          cur = idx + c.markup.length;
        }
        break;
      }
      case 'softbreak':
      case 'hardbreak': {
        let idx = cur;
        while (idx < limit && src[idx] !== '\n' && src[idx] !== '\r') idx++;
        // The whole line end: \r\n is one.
        const len = idx >= limit ? 0 : src[idx] === '\r' && src[idx + 1] === '\n' ? 2 : 1;
        b.replace(' ', idx, len);
        cur = Math.min(limit, idx + Math.max(len, 1));
        break;
      }
      case 'html_inline': {
        // A comment may span line ends (\n in the content, \r\n or \r in the source).
        const found = findInSource(src, c.content, cur, limit, false);
        if (!found) break;
        const idx = found.index;
        const tag = src.slice(idx, idx + found.length);
        if (tag.startsWith('<!--')) {
          collectComments(src, idx, idx + tag.length, comments);
        } else if (/^<\/?sup\b/i.test(tag)) {
          // <sup>1,2</sup> reads as ^1,2^ so that superscript citations are recognised.
          b.replace('^', idx, tag.length);
        } else if (/^<br\b/i.test(tag)) {
          b.replace(' ', idx, tag.length);
        }
        cur = idx + tag.length;
        break;
      }
      case 'image': {
        const idx = find('![');
        if (idx < 0) break;
        let depth = 0;
        let p = idx + 1;
        for (; p < limit; p++) {
          if (src[p] === '[') depth++;
          else if (src[p] === ']' && --depth === 0) break;
        }
        cur = skipLinkTail(src, p, limit);
        break;
      }
      case 'link_close': {
        if (c.markup === 'autolink') {
          const idx = find('>');
          if (idx >= 0) cur = idx + 1;
        } else {
          const idx = find(']');
          if (idx >= 0) cur = skipLinkTail(src, idx, limit);
        }
        break;
      }
      default:
        break;
    }
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------
// The parse in chunks (the incremental checker). markdown-it's block parse at the top level is a
// loop over blocks in which a block starting at a line depends on that line and the lines after
// it only, with no state carried from the blocks before (the link reference definitions aside,
// which only the inline parse reads). So wherever the whole-text parse starts a top-level block,
// the text after it parses as a document of its own, and the text before it too, if no block
// before it reads past it. The text is cut at such lines (chunkCandidates), each chunk is tokenized
// alone and looked up by its text, and the chunks' blocks, computed with offsets relative to the
// chunk, are shifted into place: the blocks of the whole-text parse, equal field for field
// (test/checker/markdown-chunks.test.ts compares both on every fixture, the corpus and random edits).
//
// Where the cut is certain: line b is not blank, starts in column 0 (no container or indented code
// of the lines before continues on it) and does not look like a list item (a list before it would
// go on), and line b-1 is blank (no paragraph, heading underline, table, blockquote, reference
// definition or HTML block of kinds 6-7 goes past it). What still crosses a blank line and reads
// line b is a fenced code block or an HTML block of kinds 1-5 (script, comment, …) left open, and
// a nesting past markdown-it's limit (the rest of the text becomes one block): the chunk's own parse
// shows them (its last top-level block runs to its end, or a token is that deep), and the chunk is
// then taken longer, over one more candidate line, then 2, 4, … (to the end of the text at worst).
// ---------------------------------------------------------------------------------------------

/** A list item's marker at the start of a line ("- ", "* ", "+", "12. ", "3)"). */
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t\n]|$)/;

/** Is the line [from, to) of src blank for markdown-it (spaces and tabs only)? */
function blankLine(src: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = src.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 10) return false;
  }
  return true;
}

/**
 * The lines after line `from` (ascending) at which the whole-text parse may start a top-level
 * block that a chunk may start with, found as they are asked for: candidate(k) is the k-th of
 * them (the line count when there are fewer), so that a parse that reuses the last one's chunks
 * scans only the lines it re-chunks.
 */
function chunkCandidates(src: string, starts: readonly number[], from: number): (k: number) => number {
  const out: number[] = [];
  const lines = starts.length;
  let line = from + 1;
  let prevBlank = blankLine(src, starts[from], line < lines ? starts[line] : src.length);
  return (k) => {
    for (; out.length <= k && line < lines; line++) {
      const start = starts[line];
      const to = line + 1 < lines ? starts[line + 1] : src.length;
      const c = src.charCodeAt(start);
      if (start >= to || c === 32 || c === 9 || c === 10) {
        // Blank, or indented (blank when nothing but spaces follow).
        prevBlank = blankLine(src, start, to);
        continue;
      }
      if (prevBlank) {
        const looksLikeItem = (c === 45 || c === 43 || c === 42 || (c >= 48 && c <= 57)) && LIST_MARKER.test(src.slice(start, Math.min(to, start + 12)));
        if (!looksLikeItem) out.push(line);
      }
      prevBlank = false;
    }
    return k < out.length ? out[k] : lines;
  };
}

/**
 * The chunks from line `first` (where a top-level block starts), greedily: to the first candidate
 * line (chunkCandidates) at which the chunk's own parse is not open; else over 2, 4, … candidates.
 * Stops before a line at which `stop` says that the chunks from there on are known.
 */
function* chooseChunks<C extends { open: boolean }>(
  first: number,
  lineCount: number,
  candidate: (k: number) => number,
  parse: (a: number, b: number) => Steps<C>,
  stop: (line: number) => boolean = () => false,
): Steps<{ chunk: C; line: number; end: number }[]> {
  const chunks: { chunk: C; line: number; end: number }[] = [];
  let a = first;
  let next = 0; // candidate(next) is the first candidate after a
  while (a < lineCount && !stop(a)) {
    for (let step = 1; ; step *= 2) {
      const k = next + step - 1;
      const end = candidate(k);
      const chunk = yield* parse(a, end);
      if (!chunk.open || end >= lineCount) {
        chunks.push({ chunk, line: a, end });
        next = k + 1;
        a = end;
        break;
      }
    }
    // (A chunk parsed yields inside; one found in the memo is cheap: a step every 64 chunks.)
    if (chunks.length % 64 === 0) yield;
  }
  return chunks;
}

/**
 * Where the chunked parse cuts a Markdown parse text (normalised: \n line ends), as line
 * numbers: its chunks are [0, b1), [b1, b2), … (tests: each chunk tokenized alone gives the
 * whole text's tokens).
 */
export function markdownChunkLines(src: string): number[] {
  const starts = computeLineStarts(src);
  const parse = function* (a: number, b: number): Steps<{ open: boolean }> {
    const chunk = { parsed: false, src: src.slice(starts[a], b < starts.length ? starts[b] : src.length), source: '', references: [], open: true } as ChunkParse;
    yield* chunkTokens(chunk, b - a);
    return chunk;
  };
  return runSteps(chooseChunks(0, starts.length, chunkCandidates(src, starts, 0), parse)).map((c) => c.line);
}

/** A chunk's parse, kept by the memo (every string a copy, not a slice of the document). */
interface ChunkParse {
  /** Parsed (a check stopped half-way may leave a chunk unparsed, for the next one to parse). */
  parsed: boolean;
  /** The chunk's parse text and its source text (the same string when they are equal). */
  src: string;
  source: string;
  /** Block tokens (line maps relative to the chunk); dropped once the blocks are computed. */
  tokens?: Token[];
  /** Its link reference definitions, in order. */
  references: [string, unknown][];
  /** The chunk does not end where the whole-text parse would end a block (see above). */
  open: boolean;
  /** Its blocks (offsets relative to the chunk), for the reference definitions keyed by refsKey. */
  refsKey?: string;
  blocks?: RawBlocks;
  /** The last blocks shifted into place, at `placedAt`. */
  placedAt?: number;
  placed?: RawBlocks;
}

const MAX_NESTING = md.options.maxNesting ?? 100;

function* chunkTokens(chunk: ChunkParse, lines: number): Steps<void> {
  const env: StateCore['env'] = {};
  const tokens = yield* markdownTokenSteps(chunk.src, env);
  chunk.tokens = tokens;
  chunk.references = env.references ? Object.entries(env.references) : [];
  const last = tokens[tokens.length - 1];
  let open = !!last && (last.type === 'fence' || last.type === 'html_block') && !!last.map && last.map[1] >= lines;
  for (let k = 0; k < tokens.length && !open; k++) if (tokens[k].level >= MAX_NESTING - 1) open = true;
  chunk.open = open;
}

/**
 * A chunk's blocks moved by `offset`: new objects, the chunk's own stay as they are; each
 * paragraph notes the chunk's paragraph it is (blocks.ts, chunkParagraph). (Object literals, not
 * spreads: a spread copies a property at a time, the slow way, and this runs on every block after
 * an edit.)
 */
function shiftBlocks(b: RawBlocks, offset: number): RawBlocks {
  if (offset === 0) {
    for (const p of b.paragraphs) {
      p.chunkParagraph = p;
      p.chunkOffset = 0;
    }
    return b;
  }
  const seg = (g: TextSegment): TextSegment =>
    g.sourceLength === undefined
      ? { plainStart: g.plainStart, sourceStart: g.sourceStart + offset, length: g.length }
      : { plainStart: g.plainStart, sourceStart: g.sourceStart + offset, length: g.length, sourceLength: g.sourceLength };
  const cell = (c: TableCell): TableCell => ({ start: c.start + offset, end: c.end + offset, text: c.text });
  return {
    headings: b.headings.map((h) => ({ start: h.start + offset, end: h.end + offset, level: h.level, text: h.text, textStart: h.textStart + offset, textEnd: h.textEnd + offset, number: h.number })),
    paragraphs: b.paragraphs.map((p) => {
      const shifted: RawParagraph = { start: p.start + offset, end: p.end + offset, kind: p.kind, plain: p.plain, segments: p.segments.map(seg) };
      if (p.quoted) shifted.quoted = true;
      shifted.chunkParagraph = p;
      shifted.chunkOffset = offset;
      return shifted;
    }),
    tables: b.tables.map((t) => ({ ...t, start: t.start + offset, end: t.end + offset, header: t.header.map(cell), rows: t.rows.map((r) => r.map(cell)) })),
    codeBlocks: b.codeBlocks.map((c) => ({ start: c.start + offset, end: c.end + offset, info: c.info })),
    comments: b.comments.map((c) => ({ start: c.start + offset, end: c.end + offset, text: c.text })),
  };
}

/** A chunk of a chunked parse: its parse, its key in the memo, its first line and its offset in the parse text. */
interface PlacedChunk {
  chunk: ChunkParse;
  key: string;
  line: number;
  from: number;
  /**
   * The chunk's blocks shifted to this place (from its `blocks`, at the source offset
   * `placedAt`): a chunk whose text is in the document twice is one ChunkParse, whose own `placed`
   * would then be shifted to one place and the other at every parse; each place keeps its own.
   */
  placed?: RawBlocks;
  placedAt?: number;
  placedFrom?: RawBlocks;
}

/**
 * A memo's last completed chunked parse: its text and parse text, their line starts and its chunks.
 * The next parse keeps the chunks that end before its edit (with the line after their end: see
 * chooseChunks), chunks anew from there, and takes the rest of the last chunks, shifted, as soon
 * as it reaches one that starts after the edit (the chunks from a line on are a function of the
 * text from there). Whatever chunks it makes anew are looked up in the memo by their text.
 */
const lastChunks = new WeakMap<
  Memo,
  { text: string; sourceStarts: readonly number[]; src: string; starts: readonly number[]; srcIsText: boolean; skip: number; firstLine: number; chunks: PlacedChunk[] }
>();

const CHUNK_SPACE = 'model/markdown-chunk';

/**
 * parseMarkdownBlocks in chunks (see above), through the memo: a chunk whose text was parsed in
 * one of the last two checks is not parsed again, only shifted (and not even that when it has not
 * moved). The blocks equal those of the whole-text parse. `version`: the edit from the text of the
 * memo's last parse to this one (text.ts, textEdit), when known, and the strings the text lacks.
 */
function* markdownChunkSteps(text: string, lineStarts: number[], parseText: string, memo: Memo, version?: TextVersion, skip = 0): Steps<RawBlocks> {
  const src = normalizeForParse(parseText, version);
  const textEdit = version?.edit;
  const srcStarts = src.length === text.length ? lineStarts : computeLineStarts(src);
  const lineCount = srcStarts.length;
  // The first line the chunks start at: after the blanked lines (none but blank lines before it).
  const firstLine = skip > 0 ? lowerBound(lineCount, (k) => lineStarts[k] < skip) : 0;
  const sameText = parseText === text && src === parseText;
  const startOf = (line: number) => (line < lineCount ? srcStarts[line] : src.length);
  const sourceStartOf = (line: number) => (line < lineCount ? lineStarts[line] : text.length);

  const last = lastChunks.get(memo);
  // The edits of the text and of the parse text since the last parse (one when they are the same
  // string): a chunk is a function of both its parse text and its source.
  const sourceEdit = last && (textEdit && textEdit.before.length === last.text.length && textEdit.before === last.text ? textEdit : editOf(last.text, text));
  const edit = last && (src === text && last.srcIsText ? sourceEdit : editOf(last.src, src));
  const shift = src.length - (last?.src.length ?? src.length);
  const sourceShift = text.length - (last?.text.length ?? text.length);
  const lookup = function* (a: number, b: number): Steps<{ chunk: ChunkParse; key: string; open: boolean }> {
    const from = startOf(a);
    const s = src.slice(from, startOf(b));
    const source = sameText ? s : text.slice(sourceStartOf(a), sourceStartOf(b));
    const same = sameText || s === source;
    // The parse text is a function of the source when it is the text with its line ends
    // normalised (no front matter or Pandoc lines blanked): the source alone is then the key.
    let key = same ? s : parseText === text ? source : s + '\0' + source;
    // The last check's key for the chunk at this place, or at this place before the edit's shift,
    // when it is the same text: the same string, whose hash is known (memo.ts).
    // Else a copy: the memo and the next checks keep the key, which must not be a slice of this
    // text (it would keep the text alive as long as the chunk is not edited: memo.ts, detached).
    const before = last && (keyAt(last.chunks, from) ?? keyAt(last.chunks, from - shift));
    if (before !== undefined && before.length === key.length && before === key) key = before;
    else key = detached(memo, key);
    const chunk = memoised<ChunkParse>(memo, CHUNK_SPACE, key, () => ({ parsed: false, src: '', source: '', references: [], open: true }));
    if (!chunk.parsed) {
      chunk.src = same ? key : detached(memo, s);
      chunk.source = same || parseText === text ? key : detached(memo, source);
      yield* chunkTokens(chunk, b - a);
      chunk.parsed = true;
    }
    return { chunk, key, open: chunk.open };
  };

  // The last parse's chunks that end, with the line after them, before the edit: kept as they are.
  const old = last?.chunks ?? [];
  const kept = !last || last.firstLine !== firstLine || last.skip !== skip
    ? 0
    : lowerBound(old.length - 1, (k) => {
        const after = old[k + 1].line + 1;
        return after < last.starts.length && last.starts[after] <= edit!.prefix && last.sourceStarts[after] <= sourceEdit!.prefix;
      });
  const first = kept > 0 ? old[kept].line : firstLine;
  // The last chunks that start after the edit: the first of them the parse reaches ends it.
  let resume = !last
    ? 0
    : lowerBound(old.length, (j) => old[j].from < last.src.length - edit!.suffix || last.sourceStarts[old[j].line] < last.text.length - sourceEdit!.suffix || old[j].from + shift < startOf(firstLine));
  let resumed = false;
  const stop = (line: number) => {
    const from = startOf(line);
    while (resume < old.length && old[resume].from + shift < from) resume++;
    resumed = resume < old.length && old[resume].from + shift === from && last!.sourceStarts[old[resume].line] + sourceShift === sourceStartOf(line);
    return resumed;
  };
  const chosen = yield* chooseChunks(first, lineCount, chunkCandidates(src, srcStarts, first), lookup, last ? stop : undefined);
  const lineShift = lineCount - (last?.starts.length ?? lineCount);
  const chunks: PlacedChunk[] = old.slice(0, kept);
  for (const { chunk, line } of chosen) chunks.push({ chunk: chunk.chunk, key: chunk.key, line, from: startOf(line) });
  for (let j = resumed ? resume : old.length; j < old.length; j++) {
    const o = old[j];
    chunks.push({ chunk: o.chunk, key: o.key, line: o.line + lineShift, from: o.from + shift, placed: o.placed, placedAt: o.placedAt, placedFrom: o.placedFrom });
  }
  // The last chunks this parse replaced stay in the memo for a while (an undo finds them); those
  // it reuses are held here, with no lookup (a lookup costs something like its key's length).
  for (let j = kept; j < (resumed ? resume : old.length); j++) memoised(memo, CHUNK_SPACE, old[j].key, () => old[j].chunk);
  // The document's reference definitions: the first of a label wins, as in markdown-it.
  let references: Record<string, unknown> | undefined;
  for (const { chunk } of chunks) {
    for (const [label, ref] of chunk.references) {
      references ??= {};
      if (!(label in references)) references[label] = ref;
    }
  }
  const env: StateCore['env'] = references ? { references: references as NonNullable<StateCore['env']['references']> } : {};
  const refsKey = references ? JSON.stringify(references) : '';

  const out: RawBlocks = { headings: [], paragraphs: [], tables: [], codeBlocks: [], comments: [] };
  let placed = 0;
  for (const placement of chunks) {
    const { chunk, line } = placement;
    if (chunk.refsKey !== refsKey || !chunk.blocks) {
      if (!chunk.tokens) {
        const env0: StateCore['env'] = {};
        chunk.tokens = yield* markdownTokenSteps(chunk.src, env0);
      }
      chunk.blocks = yield* blocksOfTokens(chunk.source, computeLineStarts(chunk.source), chunk.tokens, env, memo);
      for (const p of chunk.blocks.paragraphs) p.chunkLength = chunk.source.length;
      chunk.refsKey = refsKey;
      chunk.tokens = undefined;
      chunk.placed = undefined;
      chunk.placedAt = undefined;
    }
    const offset = sourceStartOf(line);
    if (placement.placedAt !== offset || placement.placedFrom !== chunk.blocks || !placement.placed) {
      if (chunk.placedAt !== offset || !chunk.placed) {
        chunk.placed = shiftBlocks(chunk.blocks, offset);
        chunk.placedAt = offset;
      }
      placement.placed = chunk.placed;
      placement.placedAt = offset;
      placement.placedFrom = chunk.blocks;
    }
    const b = placement.placed;
    for (const h of b.headings) out.headings.push(h);
    for (const p of b.paragraphs) out.paragraphs.push(p);
    for (const t of b.tables) out.tables.push(t);
    for (const c of b.codeBlocks) out.codeBlocks.push(c);
    for (const c of b.comments) out.comments.push(c);
    if (++placed % 64 === 0) yield;
  }
  lastChunks.set(memo, { text, sourceStarts: lineStarts, src, starts: srcStarts, srcIsText: src === text, skip, firstLine, chunks });
  return out;
}

/** The key of the chunk at `from` among chunks sorted by offset, if one starts there. */
function keyAt(chunks: readonly PlacedChunk[], from: number): string | undefined {
  const k = lowerBound(chunks.length, (j) => chunks[j].from < from);
  return k < chunks.length && chunks[k].from === from ? chunks[k].key : undefined;
}

/** textEdit of two parse texts, none when they are the same string. */
function editOf(before: string, src: string): TextEdit {
  return before === src ? { before, prefix: src.length, suffix: 0 } : textEdit(before, src);
}
