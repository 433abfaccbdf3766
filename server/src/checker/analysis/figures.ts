/**
 * Figures and tables: what the text mentions, what the document captions or labels, and the
 * problems between the two (rule figure-table-reference reports them). Pure, from the model.
 *
 * Three ways of numbering, each checked on its own:
 * - written numbers (Markdown, Quarto, R Markdown, plain text): "Figure 2", "Fig. 2A", "Figs. 1 and 2",
 *   "Tables 1–3" in the text, against caption paragraphs that start with "Figure 2" / "Table 1";
 *   supplementary items ("Supplementary Figure 1", "Figure S1") are not checked, they usually
 *   live in a separate file;
 * - Quarto cross-references `@fig-x` / `@tbl-x`, against `{#fig-x}` / `{#tbl-x}` attributes and
 *   `#| label: fig-x` chunk options;
 * - LaTeX `\ref{x}`, `\autoref{x}`, `\cref{x,y}` …, against `\label{x}`; labels inside `figure`
 *   and `table` floats must be referenced, in the order of the floats.
 */
import { memoised } from '../model/memo';
import { plainSpanToSource, SpanUnion } from '../model/text';
import type { DocumentModel, Paragraph, Span } from '../types';

export type FigureKind = 'figure' | 'table';
/** Quarto `@fig-x`, LaTeX `\ref{x}`, bookdown `\@ref(fig:x)`. */
export type LabelSyntax = 'quarto' | 'latex' | 'bookdown';

export type FigureProblem =
  /** "Figure 3" in the text, and no caption starts with "Figure 3". */
  | (Span & { problem: 'no-caption'; kind: FigureKind; number: number })
  /** A caption "Figure 3 …" and no mention of Figure 3 in the text. */
  | (Span & { problem: 'not-mentioned'; kind: FigureKind; number: number })
  /** The first mention of Figure 2 comes after the first mention of Figure 3. */
  | (Span & { problem: 'out-of-order'; kind: FigureKind; number: number; after: number })
  /** `@fig-x` / `\ref{x}` and no such label. */
  | (Span & { problem: 'no-label'; syntax: LabelSyntax; label: string; command?: string })
  /** A figure or table label that nothing references. */
  | (Span & { problem: 'not-referenced'; syntax: LabelSyntax; kind: FigureKind; label: string })
  /** The first reference to a labelled figure comes before that of a figure placed earlier. */
  | (Span & { problem: 'label-out-of-order'; syntax: LabelSyntax; kind: FigureKind; label: string; after: string });

export interface FigureMention extends Span {
  kind: FigureKind;
  number: number;
}

export interface FigureCaption extends Span {
  kind: FigureKind;
  number: number;
}

const KIND_WORD = String.raw`(?:fig(?:ure)?s?\.?|tables?)`;
const NUMBER = String.raw`S?\d{1,3}[A-Za-z]?`;
/** "Figure 2", "Figs. 1 and 2", "Tables 1–3", "Fig. 2A-C"; group 1 "supplementary", 2 the word, 3 the numbers. */
const MENTION_AT = new RegExp(
  String.raw`(${KIND_WORD})\s*(${NUMBER}(?:\s*(?:,|&|\band\b|\bto\b|[-\u2010-\u2014])\s*(?:${NUMBER}|[A-Za-z]\b))*)(?![\w.]\d)`,
  'iy',
);
/** "Supplementary " / "Suppl. " just before a mention. */
const SUPPLEMENTARY_BEFORE = /suppl(?:ementa(?:ry|l))?\.?\s+$/i;

/** Where a mention may start: "fig" or "tab" in any case (ASCII letters only, as MENTION_AT reads them). */
const MENTION_START = /fig|tab/gi;

/**
 * "Figure 2", "Figs. 1 and 2", "Tables 1–3", "Fig. 2A-C" in a paragraph's plain text: the word,
 * the numbers, and whether "Supplementary" comes before. Candidates are found with a search for
 * "fig" and "tab" and read with a sticky expression (a case-insensitive scan of a 300 KB
 * manuscript with one expression costs several times more; a lower-cased copy of each paragraph
 * searched with indexOf, as before, costs about twice as much as this search).
 */
function* mentionMatches(plain: string): Generator<{ index: number; length: number; word: string; list: string; supplementary: boolean }> {
  MENTION_START.lastIndex = 0;
  let after = 0;
  for (let c: RegExpExecArray | null; (c = MENTION_START.exec(plain)); ) {
    const i = c.index;
    if (i < after || (i > 0 && /[\p{L}\p{N}_]/u.test(plain[i - 1]))) continue;
    const m = mentionAt(plain, i);
    if (!m) continue;
    after = i + m.length;
    MENTION_START.lastIndex = Math.max(MENTION_START.lastIndex, after);
    yield m;
  }
}

function mentionAt(plain: string, i: number): { index: number; length: number; word: string; list: string; supplementary: boolean } | undefined {
  MENTION_AT.lastIndex = i;
  const m = MENTION_AT.exec(plain);
  if (!m) return undefined;
  return { index: i, length: m[0].length, word: m[1], list: m[2], supplementary: SUPPLEMENTARY_BEFORE.test(plain.slice(Math.max(0, i - 16), i)) };
}

/** A caption paragraph: "Figure 2. …", "**Table 1** …", "Figure 3 Radiograph …" (a capital, not "Figure 3 shows"). */
const CAPTION_START_RE = new RegExp(String.raw`^\s*[*_]*(suppl(?:ementa(?:ry|l))?\.?\s+)?(${KIND_WORD})\s*(S?)(\d{1,3})[A-Za-z]?\b[*_]*`, 'i');
/** What follows a caption's number: punctuation, the end, or a capitalised first word (case-sensitive). */
const CAPTION_NEXT_RE = /^\s*(?:[.:|\u2013\u2014-]|$|\p{Lu}|\()/u;

function kindOf(word: string): FigureKind {
  return /^t/i.test(word) ? 'table' : 'figure';
}

/** Whether a paragraph that the model calls a caption really is one ("Figure 1 shows …" is text). */
export function captionOf(p: Paragraph): FigureCaption | 'supplementary' | undefined {
  const m = CAPTION_START_RE.exec(p.plain);
  if (!m || !CAPTION_NEXT_RE.test(p.plain.slice(m[0].length))) return undefined;
  if (m[1] || m[3]) return 'supplementary';
  const lead = m[0].length - m[0].trimStart().length;
  const { start, end } = plainSpanToSource(p, lead, m[0].length);
  return { start, end, kind: kindOf(m[2]), number: Number(m[4]) };
}

/** Numbers of "1 and 2", "1–3", "2A-C" (panel letters dropped); none for a supplementary number ("S1"). */
function parseNumbers(list: string, plural: boolean): { number: number; offset: number; length: number }[] {
  const out: { number: number; offset: number; length: number }[] = [];
  const tokens = [...list.matchAll(/S?\d+[A-Za-z]?|[A-Za-z]+|[,&\-\u2010-\u2014]/g)];
  let rangeFrom: number | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i][0];
    if (/^to$|^[-\u2010-\u2014]$/i.test(t)) {
      rangeFrom = out.length ? out[out.length - 1].number : undefined;
      continue;
    }
    const m = /^(S?)(\d+)[A-Za-z]?$/.exec(t);
    if (!m) continue; // "and", ",", a panel letter
    if (m[1]) return [];
    const n = Number(m[2]);
    const offset = tokens[i].index!;
    if (rangeFrom !== undefined && n > rangeFrom && n - rangeFrom <= 50) {
      for (let k = rangeFrom + 1; k <= n; k++) out.push({ number: k, offset, length: t.length });
    } else out.push({ number: n, offset, length: t.length });
    rangeFrom = undefined;
    if (!plural) break;
  }
  return out;
}

/** A lower-case word right after a list of numbers ("Figure 1 and 2 weeks"); sticky, tested at a position. */
const LOWER_WORD_AFTER = /\s+\p{Ll}/uy;

/** A mention in a paragraph's plain text (offsets there). */
interface PlainMention {
  s: number;
  e: number;
  kind: FigureKind;
  number: number;
}

/** The mentions of a paragraph's plain text: a function of the text alone (memoised by it). */
const NO_MENTIONS: readonly PlainMention[] = Object.freeze([]);

function plainMentions(plain: string): readonly PlainMention[] {
  const out: PlainMention[] = [];
  for (const m of mentionMatches(plain)) {
    if (m.supplementary) continue;
    const word = m.word;
    // "Figs. 1 and 2", "Tables 1–3", "(Figure 1 & 2)"; but "Figure 1 and 2 weeks later" is one number.
    LOWER_WORD_AFTER.lastIndex = m.index + m.length;
    const plural = /s\.?$/i.test(word) || !LOWER_WORD_AFTER.test(plain);
    const listStart = m.index + m.length - m.list.length;
    const numbers = parseNumbers(m.list, plural);
    numbers.forEach((n, i) => {
      out.push({ s: i === 0 ? m.index : listStart + n.offset, e: listStart + n.offset + n.length, kind: kindOf(word), number: n.number });
    });
  }
  // (Most paragraphs mention none: one empty list kept by the memo, not one a paragraph.)
  return out.length ? out : NO_MENTIONS;
}

/**
 * Every numbered figure and table mentioned in the text (captions and the reference list
 * excluded). A paragraph's mentions are memoised by its plain text and mapped to the source at
 * each check: a re-check reads only the paragraphs edited.
 */
export function figureMentions(model: DocumentModel): FigureMention[] {
  const out: FigureMention[] = [];
  for (const p of model.paragraphs) {
    if (p.kind === 'reference') continue;
    if (p.kind === 'caption' && captionOf(p)) continue; // a caption's own text is not a mention
    const found = memoised(model.memo, 'figures/mentions', p.plain, () => plainMentions(p.plain));
    for (const m of found) out.push({ ...plainSpanToSource(p, m.s, m.e), kind: m.kind, number: m.number });
  }
  return out;
}

/** The numbered figures and tables a paragraph's plain text mentions, in the source (what figureMentions reads of a paragraph that is not a caption). */
export function paragraphMentions(p: Paragraph, memo: DocumentModel['memo']): FigureMention[] {
  return memoised(memo, 'figures/mentions', p.plain, () => plainMentions(p.plain)).map((m) => ({ ...plainSpanToSource(p, m.s, m.e), kind: m.kind, number: m.number }));
}

/** Caption paragraphs with a written number ("Figure 2. …"), in document order. */
export function figureCaptions(model: DocumentModel): FigureCaption[] {
  const out: FigureCaption[] = [];
  for (const p of model.paragraphs) {
    if (p.kind !== 'caption') continue;
    const cap = captionOf(p);
    if (cap && cap !== 'supplementary') out.push(cap);
  }
  return out;
}

interface LabelUse extends Span {
  label: string;
  command?: string;
}
interface LabelDef extends Span {
  label: string;
  /** The float it labels, when inside a figure or table (LaTeX) or named fig-/tbl- (Quarto). */
  kind?: FigureKind;
}

/**
 * Is the offset inside one of the spans? The spans' union, sorted, is made once per list and
 * searched by bisection (a scan of every comment for every `\\begin` of a long LaTeX file was
 * quadratic).
 */
function inside(spans: readonly Span[], offset: number): boolean {
  let union = unions.get(spans);
  if (!union) unions.set(spans, (union = new SpanUnion(spans)));
  return union.contains(offset);
}
const unions = new WeakMap<readonly Span[], SpanUnion>();

/**
 * The matches of a sticky expression at each place where one of the needles occurs, left to
 * right and not overlapping: what a global expression whose matches start with a needle finds,
 * at the cost of an indexOf (the manuscript's text is scanned for a literal, not tried at every
 * offset). `lineStart`: a match starts where a line does, after spaces and tabs (`^[ \t]*` of a
 * multi-line expression: after \n, \r, U+2028 or U+2029).
 */
export function matchesAt(text: string, needles: readonly string[], sticky: RegExp, lineStart = false): RegExpExecArray[] {
  const starts: number[] = [];
  for (const needle of needles) for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) starts.push(i);
  if (needles.length > 1) starts.sort((a, b) => a - b);
  const out: RegExpExecArray[] = [];
  let after = 0;
  for (let i of starts) {
    if (lineStart) {
      while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
      if (i > 0 && !/[\n\r\u2028\u2029]/.test(text[i - 1])) continue;
    }
    if (i < after) continue;
    sticky.lastIndex = i;
    const m = sticky.exec(text);
    if (!m) continue;
    out.push(m);
    after = i + Math.max(1, m[0].length);
  }
  return out;
}

const QUARTO_ATTRIBUTE = /\{#((fig|tbl)-[\w-]*\w)[^}\n]*\}/y;
const QUARTO_CHUNK_LABEL = /[ \t]*#\|[ \t]*label:[ \t]*["']?((fig|tbl)-[\w-]*\w)/y;
const QUARTO_REFERENCE = /@((?:fig|tbl)-[\w-]*\w)/y;

function quartoLabels(model: DocumentModel): { defs: LabelDef[]; uses: LabelUse[] } {
  const text = model.text;
  const defs: LabelDef[] = [];
  const uses: LabelUse[] = [];
  const skip: Span[] = [...model.codeBlocks, ...model.comments, ...(model.frontMatter ? [model.frontMatter] : [])];
  for (const m of matchesAt(text, ['{#fig-', '{#tbl-'], QUARTO_ATTRIBUTE)) {
    const s = m.index + 2;
    if (!inside(model.comments, m.index)) defs.push({ start: s, end: s + m[1].length, label: m[1], kind: m[2] === 'fig' ? 'figure' : 'table' });
  }
  for (const m of matchesAt(text, ['#|'], QUARTO_CHUNK_LABEL, true)) {
    const s = m.index + m[0].length - m[1].length;
    defs.push({ start: s, end: s + m[1].length, label: m[1], kind: m[2] === 'fig' ? 'figure' : 'table' });
  }
  defs.sort((a, b) => a.start - b.start);
  for (const m of matchesAt(text, ['@fig-', '@tbl-'], QUARTO_REFERENCE)) {
    // Not an e-mail address or a longer key ("clinic@fig-mail.example", "@@fig-x").
    if (m.index > 0 && /[\w@.]/.test(text[m.index - 1])) continue;
    if (inside(skip, m.index)) continue;
    uses.push({ start: m.index, end: m.index + m[0].length, label: m[1] });
  }
  return { defs, uses };
}

/**
 * R Markdown with bookdown: `\@ref(fig:x)` / `\@ref(tab:x)` against the label of the code chunk
 * that makes the figure (```` ```{r x, fig.cap="…"} ````, or `#| label: x`) or a caption's
 * `(\#fig:x)` / `(\#tab:x)`. A chunk without `fig.cap` may make a figure or a table
 * (knitr::kable), so it answers both names but is not required to be referenced.
 */
function bookdownLabels(model: DocumentModel): { defs: LabelDef[]; uses: LabelUse[] } {
  const text = model.text;
  const defs: LabelDef[] = [];
  const uses: LabelUse[] = [];
  if (!text.includes('\\@ref(') && !text.includes('(\\#')) return { defs, uses };
  const skip: Span[] = [...model.comments, ...(model.frontMatter ? [model.frontMatter] : [])];
  for (const m of text.matchAll(/^[ \t]*`{3,}[ \t]*\{[rR](?:[ \t]+|[ \t]*,[ \t]*label[ \t]*=[ \t]*["'])([\w.-]*\w)["']?([^}\r\n]*)\}/gm)) {
    const s = m.index! + m[0].indexOf(m[1]);
    const figure = /\bfig\.cap\s*=/.test(m[2]);
    defs.push({ start: s, end: s + m[1].length, label: `fig:${m[1]}`, kind: figure ? 'figure' : undefined });
    defs.push({ start: s, end: s + m[1].length, label: `tab:${m[1]}` });
  }
  for (const m of text.matchAll(/^[ \t]*#\|[ \t]*label:[ \t]*["']?([\w.-]*\w)/gm)) {
    if (/^(?:fig|tbl)-/.test(m[1])) continue;
    const s = m.index! + m[0].length - m[1].length;
    defs.push({ start: s, end: s + m[1].length, label: `fig:${m[1]}` }, { start: s, end: s + m[1].length, label: `tab:${m[1]}` });
  }
  for (const m of text.matchAll(/\(\\#((fig|tab):[\w.-]*\w)\)/g)) {
    if (inside(skip, m.index!)) continue;
    const s = m.index! + 3;
    defs.push({ start: s, end: s + m[1].length, label: m[1], kind: m[2] === 'fig' ? 'figure' : 'table' });
  }
  defs.sort((a, b) => a.start - b.start);
  for (const m of text.matchAll(/\\@ref\(((?:fig|tab):[\w.-]*\w)\)/g)) {
    if (inside(skip, m.index!) || inside(model.codeBlocks, m.index!)) continue;
    uses.push({ start: m.index!, end: m.index! + m[0].length, label: m[1] });
  }
  return { defs, uses };
}

const REF_COMMANDS = 'ref|autoref|cref|Cref|vref|Vref|eqref|pageref|nameref|subref|labelcref|cpageref|Autoref';
const FLOATS = /^(?:(sub|wrap|sideways)?(figure|table))\*?$/;

function latexLabels(model: DocumentModel): { defs: LabelDef[]; uses: LabelUse[] } {
  const text = model.text;
  const defs: LabelDef[] = [];
  const uses: LabelUse[] = [];
  const stack: { name: string; kind?: FigureKind; sub: boolean }[] = [];
  const re = new RegExp(String.raw`\\(begin|end)\s*\{([^{}]*)\}|\\label\s*\{([^{}]*)\}|\\(${REF_COMMANDS})\*?\s*\{([^{}]*)\}`, 'g');
  for (const m of text.matchAll(re)) {
    if (inside(model.comments, m.index!)) continue;
    if (m[1] === 'begin') {
      const f = FLOATS.exec(m[2].trim());
      stack.push({ name: m[2].trim(), kind: f ? (f[2] as FigureKind) : undefined, sub: f?.[1] === 'sub' });
    } else if (m[1] === 'end') {
      const i = stack.map((e) => e.name).lastIndexOf(m[2].trim());
      if (i >= 0) stack.length = i;
    } else if (m[3] !== undefined) {
      const label = m[3].trim();
      const s = m.index! + m[0].indexOf('{') + 1;
      const env = [...stack].reverse().find((e) => e.kind);
      defs.push({ start: s, end: s + m[3].length, label, kind: env && !env.sub ? env.kind : undefined });
    } else if (m[5] !== undefined) {
      let at = m.index! + m[0].indexOf('{') + 1;
      for (const part of m[5].split(',')) {
        const label = part.trim();
        const s = at + part.indexOf(label);
        if (label) uses.push({ start: s, end: s + label.length, label, command: m[4] });
        at += part.length + 1;
      }
    }
  }
  return { defs, uses };
}

function labelProblems(syntax: LabelSyntax, defs: LabelDef[], uses: LabelUse[]): FigureProblem[] {
  const out: FigureProblem[] = [];
  const defined = new Map<string, LabelDef>();
  for (const d of defs) if (!defined.has(d.label)) defined.set(d.label, d);
  const firstUse = new Map<string, LabelUse>();
  for (const u of uses) {
    if (!defined.has(u.label)) out.push({ start: u.start, end: u.end, problem: 'no-label', syntax, label: u.label, command: u.command });
    else if (!firstUse.has(u.label)) firstUse.set(u.label, u);
  }
  for (const kind of ['figure', 'table'] as const) {
    const floats = [...defined.values()].filter((d) => d.kind === kind);
    for (const d of floats) {
      if (!firstUse.has(d.label)) out.push({ start: d.start, end: d.end, problem: 'not-referenced', syntax, kind, label: d.label });
    }
    // First references should follow the order in which the floats are placed.
    const rank = new Map(floats.map((d, i) => [d.label, i]));
    const firsts = [...firstUse.values()].filter((u) => rank.has(u.label)).sort((a, b) => a.start - b.start);
    let max: LabelUse | undefined;
    for (const u of firsts) {
      if (max && rank.get(u.label)! < rank.get(max.label)!) {
        out.push({ start: u.start, end: u.end, problem: 'label-out-of-order', syntax, kind, label: u.label, after: max.label });
      } else max = u;
    }
  }
  return out;
}

/** Every figure and table problem of a document, in document order. */
export function figureProblems(model: DocumentModel): FigureProblem[] {
  const out: FigureProblem[] = [];
  let labelled = { figure: false, table: false };
  if (model.format === 'latex') {
    const { defs, uses } = latexLabels(model);
    for (const p of labelProblems('latex', defs, uses)) out.push(p);
    // LaTeX numbers its floats itself: written numbers are checked against the floats only by count.
    labelled = { figure: true, table: true };
  } else if (model.format === 'markdown') {
    const { defs, uses } = quartoLabels(model);
    for (const p of labelProblems('quarto', defs, uses)) out.push(p);
    for (const d of defs) if (d.kind) labelled[d.kind] = true;
    const bookdown = bookdownLabels(model);
    out.push(...labelProblems('bookdown', bookdown.defs, bookdown.uses));
    for (const d of bookdown.defs) if (d.kind) labelled[d.kind] = true;
  }
  const mentions = figureMentions(model);
  const captions = figureCaptions(model);
  for (const kind of ['figure', 'table'] as const) {
    const caps = captions.filter((c) => c.kind === kind);
    const ments = mentions.filter((m) => m.kind === kind);
    // Where the figures are numbered by Quarto or LaTeX and none is numbered by hand, a written
    // "Figure 2" is the rendered number: nothing to check it against.
    if (labelled[kind] && !caps.length) continue;
    const captioned = new Set(caps.map((c) => c.number));
    const reported = new Set<number>();
    for (const m of ments) {
      if (captioned.has(m.number) || reported.has(m.number)) continue;
      reported.add(m.number);
      out.push({ start: m.start, end: m.end, problem: 'no-caption', kind, number: m.number });
    }
    const mentioned = new Set(ments.map((m) => m.number));
    const seenCaption = new Set<number>();
    for (const c of caps) {
      if (mentioned.has(c.number) || seenCaption.has(c.number)) continue;
      seenCaption.add(c.number);
      out.push({ start: c.start, end: c.end, problem: 'not-mentioned', kind, number: c.number });
    }
    const first = new Map<number, FigureMention>();
    for (const m of ments) if (!first.has(m.number)) first.set(m.number, m);
    let max = 0;
    for (const m of first.values()) {
      if (m.number < max) out.push({ start: m.start, end: m.end, problem: 'out-of-order', kind, number: m.number, after: max });
      else max = m.number;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
