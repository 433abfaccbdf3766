import type {
  Memo,
  Citation,
  DocumentModel,
  Format,
  FrontMatter,
  Paragraph,
  Section,
  Sentence,
  Suppression,
  Table,
} from '../types';
import { isReferencesHeading } from '../profiles';
import type { RawBlocks, RawParagraph } from './blocks';
import { findCitations, type CitationOptions, type PlainCitation } from './citations';
import { readFrontMatterOnce } from './frontmatter';
import { markdownBlockSteps } from './markdown';
import { latexBlockSteps } from './latex';
import { blankPandocLines, finishPandocBlocks } from './quarto';
import { plainTextBlockSteps } from './plaintext';
import { runSteps, type Steps } from '../steps';
import { detached, memoised } from './memo';
import { splitSentences } from './sentences';
import { parseSuppressionDirective } from './suppressions';
import { computeLineStarts, lineStartsAfterEdit, lowerBound, plainSpanToSource, positionAt, textEdit, editedVersion, freshVersion, type TextEdit, type TextVersion } from './text';

export { computeLineStarts, hintedPositions, positionAt } from './text';
export { parseSuppressionDirective, suppressionComment } from './suppressions';

/** After leading space and emphasis markers: "Figure 2", "**Table 1.**", "Supplementary Fig. S3". */
const CAPTION_RE = /^\s*[*_]*(?:supplementary\s+)?(?:fig(?:ure)?s?\.?|table|video|movie|box|panel)\s*S?\d+[A-Za-z]?\b/i;

/** Same length, same line breaks, front matter blanked: keeps every offset and line valid. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

export interface ParseOptions {
  /**
   * The incremental checker's memo: a paragraph's citations and sentences are looked up by its
   * plain text (and the model carries the memo for the rules).
   */
  memo?: Memo;
}

/**
 * The text, line starts and strings known to be held or not (text.ts, TextVersion) of a memo's
 * last parse: the next one's line starts are those after an edit (text.ts).
 */
const lastLines = new WeakMap<Memo, { text: string; lineStarts: number[]; holds: Map<string, boolean> }>();

/** The text's line starts and, after an earlier parse through the memo, the edit from its text (found once, shared by the parse). */
function linesOf(text: string, memo: Memo | undefined): { lineStarts: number[]; version: TextVersion } {
  if (!memo) return { lineStarts: computeLineStarts(text), version: freshVersion(text) };
  const last = lastLines.get(memo);
  let lineStarts: number[];
  let edit: TextEdit | undefined;
  const holds = new Map<string, boolean>();
  const version = editedVersion(text, (edit = last && (last.text === text ? { before: last.text, prefix: text.length, suffix: 0 } : textEdit(last.text, text))), last?.holds, holds);
  if (!last) lineStarts = computeLineStarts(text);
  else if (edit!.prefix === text.length && text.length === last.text.length) lineStarts = last.lineStarts;
  else lineStarts = lineStartsAfterEdit(last.text, last.lineStarts, text, edit);
  // (The model's array is its own: the next parse copies from this one, never changes it.)
  lastLines.set(memo, { text, lineStarts, holds });
  return { lineStarts, version };
}

/** Parse once into the document model that every rule reads. */
export function parseDocument(text: string, format: Format, options: ParseOptions = {}): DocumentModel {
  return runSteps(parseDocumentSteps(text, format, options));
}

/**
 * parseDocument in steps (steps.ts): the format's blocks a few at a time, then the model a
 * paragraph at a time. Run to the end, it is parseDocument; a host that drives it (driveSteps)
 * gets the same model, with pauses between the steps.
 */
export function* parseDocumentSteps(text: string, format: Format, options: ParseOptions = {}): Steps<DocumentModel> {
  const { lineStarts, version } = linesOf(text, options.memo);
  const frontMatter = format === 'latex' ? undefined : readFrontMatterOnce(text, lineStarts, options.memo);
  const parseWarnings: DocumentModel['parseWarnings'] = [];
  if (frontMatter?.error) {
    parseWarnings.push({ message: `Front matter is not valid YAML: ${frontMatter.error}`, start: 0, end: frontMatter.end });
  }
  const body = frontMatter ? blank(text, 0, frontMatter.end) : text;
  let raw: RawBlocks;
  switch (format) {
    case 'markdown': {
      const parseText = blankPandocLines(body, version);
      // With the memo and nothing but the front matter blanked, the chunked parse starts after the
      // front matter's lines (blank lines begin no block) instead of reading a blanked copy of the
      // whole text (which every edit would copy again).
      const skip = options.memo && frontMatter && parseText === body ? frontMatter.end : undefined;
      raw = finishPandocBlocks(yield* markdownBlockSteps(text, lineStarts, skip === undefined ? parseText : text, options.memo, version, skip), text, frontMatter, version);
      break;
    }
    case 'latex':
      raw = yield* latexBlockSteps(text);
      break;
    case 'text':
    default:
      raw = yield* plainTextBlockSteps(body, lineStarts);
      break;
  }
  yield;
  const model = yield* buildModel(text, format, lineStarts, raw, frontMatter, parseWarnings, options.memo);
  if (options.memo) model.memo = options.memo;
  return model;
}

/** A paragraph's citations, sentence ranges and sentence texts, for the reference list sizes from `lo` to `hi`. */
interface ParagraphSplit {
  citations: PlainCitation[];
  sentences: { start: number; end: number }[];
  texts: string[];
  lo: number;
  hi: number;
}

/**
 * A paragraph's citations, sentence ranges and sentence texts in its plain text: a function of the
 * plain text, whether it is a reference entry (where no citation is read) and the citation options
 * (the size of the document's reference list), memoised by all three (the plain text as the key,
 * the rest in `space`: see memo.ts). With a reference list, the memo holds a paragraph's splits for
 * ranges of list sizes (citations.ts, ReferenceCountRange): an entry added to the list does not
 * split every paragraph again, only those with digits that may now be markers. The sentence texts
 * are the memo's, so a re-check's sentences hold the same strings as the last check's (the rules'
 * memo keys).
 */
function splitParagraph(plain: string, reference: boolean, options: CitationOptions, space: string, memo: Memo | undefined): ParagraphSplit {
  const count = options.referenceCount ?? 0;
  const split = (citations: PlainCitation[], lo: number, hi: number): ParagraphSplit => {
    const sentences = splitSentences(plain, citations);
    // Slices of a copy: the plain text of some formats is a slice of the document (memo.ts, detached).
    const own = detached(memo, plain);
    return { citations, sentences, texts: sentences.map((r) => own.slice(r.start, r.end)), lo, hi };
  };
  if (reference || count < 1) return memoised(memo, space, plain, () => split(reference ? [] : findCitations(plain, options), -Infinity, Infinity));
  const splits = memoised(memo, space, plain, (): ParagraphSplit[] => []);
  for (const known of splits) if (known.lo <= count && count <= known.hi) return known;
  const same = { lo: 1, hi: Infinity };
  const found = split(findCitations(plain, options, same), same.lo, same.hi);
  splits.push(found);
  return found;
}

/**
 * A chunk's paragraph (blocks.ts, shiftedFrom) made into model parts once, with offsets relative
 * to its chunk: whether it reads as a caption, and its citations and sentences with their source
 * spans (the citation markers as written, copies: memo.ts, detached). A function of the paragraph
 * (its plain text, segments and the source it was cut from), of reference entry or not (the
 * space) and of the reference list's size, within the sizes its split holds for (splitParagraph),
 * so a later parse shifts it to where the chunk is instead of
 * splitting and mapping the paragraph again. `built`: the citations at `builtAt`, which a model
 * shares with the next when the chunk has not moved (a citation points to nothing else).
 */
interface ParagraphParts {
  /** The split's space and reference list sizes (splitParagraph). */
  space: string;
  lo: number;
  hi: number;
  caption: boolean;
  citations: { kind: Citation['kind']; keys: string[]; start: number; end: number; raw: string; nameOnly?: boolean }[];
  sentences: { start: number; end: number; text: string; plainStart: number; citations: number[] }[];
  builtAt: number;
  built: Citation[];
  /** Each sentence's citations at `builtAt` (NO_CITATIONS for none). */
  builtCited: Citation[][];
  /** The paragraph's start in its chunk and the chunk's length (BlockToken). */
  at: number;
  chunkLength: number;
}
const partsOf = new WeakMap<RawParagraph, ParagraphParts>();

/**
 * The citations of every sentence without any in a model built through the memo (most
 * sentences): one array, frozen (nothing changes a model; a sentence built anew has its own).
 */
const NO_CITATIONS = Object.freeze([]) as unknown as Citation[];
/** A paragraph's sentences until they are built (buildModel). */
const NO_SENTENCES = Object.freeze([]) as unknown as Sentence[];

/**
 * What the parse vouches for of a paragraph it built from a chunk of an earlier parse (model
 * built through the memo): the same token (compared by reference) for as long as everything the
 * paragraph holds, relative to its start (its length, kind, quoting, plain text, segments,
 * citations as written, sentences), and the source of its chunk are the same. The chunk is whole
 * lines of the source, from `start - at` for `chunkLength` characters: the paragraph's lines
 * among them. (The token is the paragraph's parts: a function of the chunk's paragraph, whose
 * chunk is keyed by its text, and of the split's space and sizes, which give its kind.)
 */
export interface BlockToken {
  readonly at: number;
  readonly chunkLength: number;
}
/**
 * The paragraphs of a model built through the memo, in order, and their tokens (undefined for a
 * paragraph built anew): arrays of the builder's own, so that a change to the model's list
 * cannot misalign them. (Not properties of the paragraphs: a model equals a whole parse's.)
 */
export interface BlockTokens {
  readonly paragraphs: readonly Paragraph[];
  readonly tokens: readonly (BlockToken | undefined)[];
}
const tokensOf = new WeakMap<DocumentModel, BlockTokens>();

/** The parse's tokens for a model's paragraphs (BlockTokens), when it has them. */
export function blockTokens(doc: DocumentModel): BlockTokens | undefined {
  return tokensOf.get(doc);
}

/** A citation of a paragraph's parts moved by `d` (a literal, not a spread: see markdown.ts, shiftBlocks). */
function citationAt(c: ParagraphParts['citations'][number], d: number): Citation {
  return c.nameOnly ? { kind: c.kind, keys: c.keys, start: c.start + d, end: c.end + d, raw: c.raw, nameOnly: true } : { kind: c.kind, keys: c.keys, start: c.start + d, end: c.end + d, raw: c.raw };
}

function paragraphParts(rp: RawParagraph, offset: number, text: string, reference: boolean, options: CitationOptions, space: string, memo: Memo): ParagraphParts {
  const known = partsOf.get(rp);
  const count = options.referenceCount ?? 0;
  if (known && known.space === space && known.lo <= count && count <= known.hi) return known;
  const split = splitParagraph(rp.plain, reference, options, space, memo);
  const citations = split.citations.map((pc) => {
    const { start, end } = plainSpanToSource(rp, pc.start, pc.end);
    return { kind: pc.kind, keys: pc.keys, start, end, raw: detached(memo, text.slice(start + offset, end + offset)), ...(pc.nameOnly ? { nameOnly: true } : {}) };
  });
  let ci = 0;
  const sentences = split.sentences.map((r, k) => {
    const { start, end } = plainSpanToSource(rp, r.start, r.end);
    const cited: number[] = [];
    while (ci < split.citations.length && split.citations[ci].start < r.end) {
      if (split.citations[ci].start >= r.start && !split.citations[ci].nameOnly) cited.push(ci);
      ci++;
    }
    return { start, end, text: split.texts[k], plainStart: r.start, citations: cited };
  });
  const parts: ParagraphParts = { space, lo: split.lo, hi: split.hi, caption: CAPTION_RE.test(rp.plain), citations, sentences, builtAt: NaN, built: [], builtCited: [], at: rp.start, chunkLength: rp.chunkLength ?? -1 };
  partsOf.set(rp, parts);
  return parts;
}

function buildSections(raw: RawBlocks, textLength: number, text: string): Section[] {
  const sections: Section[] = [];
  const headings = raw.headings;
  const firstStart = headings.length ? headings[0].start : textLength;
  if (text.slice(0, firstStart).trim()) {
    sections.push({ start: 0, end: firstStart, heading: null, bodyStart: 0, paragraphs: [], parent: null, children: [] });
  }
  const stack: Section[] = [];
  for (let h = 0; h < headings.length; h++) {
    const heading = headings[h];
    let end = textLength;
    for (let k = h + 1; k < headings.length; k++) {
      if (headings[k].level <= heading.level) {
        end = headings[k].start;
        break;
      }
    }
    while (stack.length && stack[stack.length - 1].heading!.level >= heading.level) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : null;
    const section: Section = { start: heading.start, end, heading, bodyStart: heading.end, paragraphs: [], parent, children: [] };
    parent?.children.push(section);
    sections.push(section);
    stack.push(section);
  }
  return sections;
}

/**
 * Finds the innermost section containing each offset, for offsets given in ascending
 * order (paragraphs, tables): a moving pointer plus a walk up the parents, O(1) amortised.
 */
function sectionLocator(sections: Section[]): (offset: number) => Section | null {
  let i = -1;
  return (offset) => {
    if (i >= 0 && sections[i].start > offset) i = -1; // offsets went backwards: restart
    while (i + 1 < sections.length && sections[i + 1].start <= offset) i++;
    for (let s: Section | null = i >= 0 ? sections[i] : null; s; s = s.parent) {
      if (offset < s.end || (offset === s.end && s.end === s.start)) return s;
    }
    return null;
  };
}

/**
 * The last model built through a memo, with the blocks it was built from: the next build reuses
 * its sections and paragraphs before an edit (keptPrefix).
 */
interface BuiltModel {
  raw: RawBlocks;
  sections: Section[];
  paragraphs: Paragraph[];
  tokens: (BlockToken | undefined)[];
  referenceCount: number;
}
const lastBuilt = new WeakMap<Memo, BuiltModel>();

/** Same place, heading and parent (by index) as the last build's section: made from the same blocks. */
function sameSection(a: Section, b: Section, ai: Map<Section, number>, bi: Map<Section, number>): boolean {
  return a.start === b.start && a.end === b.end && a.bodyStart === b.bodyStart && a.heading === b.heading && (a.parent ? ai.get(a.parent) : -1) === (b.parent ? bi.get(b.parent) : -1);
}

/**
 * How many of the last build's sections and paragraphs this build takes as they are (the same
 * objects): its sections are then the last build's first `sections` and the new ones after them.
 * A re-parse keeps the blocks of the chunks before an edit (markdown.ts, the same objects at the
 * same places), and so the sections before it and their paragraphs are what the last build made
 * of the same blocks, with the same reference list size: a model of each re-check then makes
 * anew only the sections and paragraphs from the one holding the edit on, not every one (objects
 * the garbage collector would copy at every keystroke). The kept sections are whole trees (the
 * first section not kept is a top-level one), so that no kept section points to a new one, and
 * they end before the first paragraph that is not the same block in both builds, so that every
 * paragraph in them is kept (a kept section's paragraph list is the last build's).
 */
function keptPrefix(raw: RawBlocks, built: Section[], referenceCount: number, last: BuiltModel | undefined): { sections: number; paragraphs: number } {
  const none = { sections: 0, paragraphs: 0 };
  if (!last || last.referenceCount !== referenceCount) return none;
  // The first paragraph that is not the same block at the same place (or is in one build only).
  const rps = raw.paragraphs;
  const old = last.raw.paragraphs;
  let m = 0;
  while (m < rps.length && m < old.length && rps[m] === old[m] && last.paragraphs[m]?.start === rps[m].start) m++;
  const limit = Math.min(m < rps.length ? rps[m].start : Infinity, m < old.length ? old[m].start : Infinity);
  const ai = new Map<Section, number>();
  const bi = new Map<Section, number>();
  let kept = 0;
  for (let k = 0; k < built.length && k < last.sections.length; k++) {
    const a = built[k];
    const b = last.sections[k];
    ai.set(a, k);
    bi.set(b, k);
    if (!sameSection(a, b, ai, bi)) break;
    // A prefix of whole trees ends before a top-level section, and before the first paragraph not the same.
    if (k + 1 === built.length || !built[k + 1].parent) {
      if (rootEnd(built, k + 1) > limit) break;
      kept = k + 1;
    }
  }
  if (!kept) return none;
  const end = rootEnd(built, kept);
  let paragraphs = 0;
  while (paragraphs < rps.length && rps[paragraphs].start < end) paragraphs++;
  return { sections: kept, paragraphs };
}

/** Where the first `kept` sections end: the end of the top-level one of the last of them. */
function rootEnd(sections: Section[], kept: number): number {
  let k = kept - 1;
  while (k > 0 && sections[k].parent) k--;
  return sections[k].end;
}

function* buildModel(
  text: string,
  format: Format,
  lineStarts: number[],
  raw: RawBlocks,
  frontMatter: FrontMatter | undefined,
  parseWarnings: DocumentModel['parseWarnings'],
  memo: Memo | undefined,
): Steps<DocumentModel> {
  const built = buildSections(raw, text.length, text);
  const builtReferences = referenceSectionsOf(built);
  const referenceCount = referenceListSize(text, raw, built, builtReferences, memo);
  const last = memo ? lastBuilt.get(memo) : undefined;
  const keep = keptPrefix(raw, built, referenceCount, last);
  const sections = keep.sections ? [...last!.sections.slice(0, keep.sections), ...built.slice(keep.sections)] : built;
  const sectionAt = sectionLocator(sections);
  const referenceSections = keep.sections ? referenceSectionsOf(sections) : builtReferences;
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const citations: Citation[] = [];
  const citationOptions = { referenceCount };
  const referenceSpace = 'model/paragraph\0r';
  // (With a reference list, a paragraph's splits for its sizes: see splitParagraph.)
  const proseSpace = citationOptions.referenceCount >= 1 ? 'model/paragraph\0p+' : 'model/paragraph\0p';

  const tokenParagraphs: Paragraph[] = [];
  const tokens: (BlockToken | undefined)[] = [];
  // The last build's paragraphs before the edit, as they are (keptPrefix).
  for (let i = 0; i < keep.paragraphs; i++) {
    const para = last!.paragraphs[i];
    for (const c of para.citations) citations.push(c);
    for (const s of para.sentences) sentences.push(s);
    tokenParagraphs.push(para);
    tokens.push(last!.tokens[i]);
    paragraphs.push(para);
    if ((i + 1) % 256 === 0) yield;
  }
  let shifted = 0;
  for (let i = keep.paragraphs; i < raw.paragraphs.length; i++) {
    const rp = raw.paragraphs[i];
    const section = sectionAt(rp.start);
    const inReferences = !!section && referenceSections.has(section);
    if (memo && rp.chunkParagraph) {
      // A chunk's paragraph: its parts, shifted to where the chunk is.
      const d = rp.chunkOffset!;
      const parts = paragraphParts(rp.chunkParagraph, d, text, inReferences, citationOptions, inReferences ? referenceSpace : proseSpace, memo);
      const same = parts.builtAt === d;
      const para: Paragraph = {
        start: rp.start,
        end: rp.end,
        kind: inReferences ? 'reference' : parts.caption ? 'caption' : rp.kind,
        plain: rp.plain,
        segments: rp.segments,
        section,
        sentences: NO_SENTENCES,
        citations: same ? parts.built : parts.citations.map((c) => citationAt(c, d)),
        quoted: rp.quoted,
      };
      if (!same) {
        parts.built = para.citations;
        parts.builtCited = parts.sentences.map((ps) => (ps.citations.length ? ps.citations.map((k) => para.citations[k]) : NO_CITATIONS));
        parts.builtAt = d;
      }
      section?.paragraphs.push(para);
      for (const c of para.citations) citations.push(c);
      // (Arrays of the right length, and a sentence's citations shared with the last model's
      // while the chunk has not moved, as the paragraph's are: the model of each re-check is
      // most of what the garbage collector then copies.)
      const cited = parts.builtCited;
      const own = parts.sentences.map((ps, k): Sentence => ({ start: ps.start + d, end: ps.end + d, text: ps.text, plainStart: ps.plainStart, paragraph: para, citations: cited[k] }));
      para.sentences = own;
      for (const s of own) sentences.push(s);
      tokenParagraphs.push(para);
      tokens.push(parts.chunkLength >= 0 ? parts : undefined);
      paragraphs.push(para);
      // (A step per 16 such paragraphs: each costs little.)
      if (++shifted % 16 === 0) yield;
      continue;
    }
    let kind = rp.kind;
    if (inReferences) kind = 'reference';
    else if (CAPTION_RE.test(rp.plain)) kind = 'caption';
    const para: Paragraph = {
      start: rp.start,
      end: rp.end,
      kind,
      plain: rp.plain,
      segments: rp.segments,
      section,
      sentences: [],
      citations: [],
      quoted: rp.quoted,
    };
    section?.paragraphs.push(para);
    const reference = kind === 'reference';
    const split = splitParagraph(rp.plain, reference, citationOptions, reference ? referenceSpace : proseSpace, memo);
    const plainCitations = split.citations;
    for (const pc of plainCitations) {
      const { start, end } = plainSpanToSource(rp, pc.start, pc.end);
      const c: Citation = { kind: pc.kind, keys: pc.keys, start, end, raw: text.slice(start, end), ...(pc.nameOnly ? { nameOnly: true } : {}) };
      para.citations.push(c);
      citations.push(c);
    }
    let ci = 0;
    for (let k = 0; k < split.sentences.length; k++) {
      const r = split.sentences[k];
      const { start, end } = plainSpanToSource(rp, r.start, r.end);
      const s: Sentence = { start, end, text: split.texts[k], plainStart: r.start, paragraph: para, citations: [] };
      while (ci < plainCitations.length && plainCitations[ci].start < r.end) {
        // "\citeauthor{x}" names an author and cites nothing: the paragraph keeps it (its key is
        // still checked), the sentence is not cited by it.
        if (plainCitations[ci].start >= r.start && !plainCitations[ci].nameOnly) s.citations.push(para.citations[ci]);
        ci++;
      }
      para.sentences.push(s);
      sentences.push(s);
    }
    paragraphs.push(para);
    tokenParagraphs.push(para);
    tokens.push(undefined);
    yield;
  }

  const tableSectionAt = sectionLocator(sections);
  const tables: Table[] = raw.tables.map(({ captionIndex, ...t }) => ({
    ...t,
    section: tableSectionAt(t.start),
    ...(captionIndex !== undefined && paragraphs[captionIndex] ? { caption: paragraphs[captionIndex] } : {}),
  }));
  const nearCaption = captionFinder(text, paragraphs);
  for (const t of tables) {
    if (t.caption) continue;
    const near = nearCaption(t);
    if (near) t.caption = near;
  }
  yield;

  const suppressions: Suppression[] = [];
  for (const c of raw.comments) {
    const directive = parseSuppressionDirective(c.text);
    if (!directive) continue;
    suppressions.push({ start: c.start, end: c.end, ...directive, line: positionAt(lineStarts, c.start).line });
  }

  let title: DocumentModel['title'];
  const fmTitle = frontMatter?.data?.title;
  if (typeof fmTitle === 'string' && fmTitle.trim()) {
    const idx = text.indexOf(fmTitle.trim());
    title = { text: fmTitle.trim(), start: idx >= 0 ? idx : 0, end: idx >= 0 ? idx + fmTitle.trim().length : 0 };
  } else if (raw.title) {
    title = { ...raw.title };
  } else {
    const h1 = raw.headings.find((h) => h.level === 1);
    if (h1) title = { text: h1.text, start: h1.textStart, end: h1.textEnd };
  }

  const model: DocumentModel = {
    text,
    format,
    frontMatter,
    title,
    headings: raw.headings,
    sections,
    paragraphs,
    sentences,
    citations,
    tables,
    codeBlocks: raw.codeBlocks,
    comments: raw.comments,
    suppressions,
    lineStarts,
    parseWarnings,
  };
  if (memo) {
    tokensOf.set(model, { paragraphs: tokenParagraphs, tokens });
    lastBuilt.set(memo, { raw, sections, paragraphs, tokens, referenceCount });
  }
  return model;
}

/** The sections of the reference list: those under a references heading, and their sub-sections. */
function referenceSectionsOf(sections: Section[]): Set<Section> {
  const out = new Set<Section>();
  for (const s of sections) {
    if ((s.heading && isReferencesHeading(s.heading.text)) || (s.parent && out.has(s.parent))) out.add(s);
  }
  return out;
}

const NUMBERED_ENTRY = /^[ \t]*(?:\[(\d{1,4})\]|(\d{1,4})[.)])[ \t]/gm;

/**
 * About how many entries the document's own reference list has (the highest entry number
 * written, or the number of its paragraphs): the range in which digits glued to a full stop
 * may be lost superscripts ("after age 70.2"). analysis/references.ts numbers the list exactly.
 */
function referenceListSize(text: string, raw: RawBlocks, sections: Section[], referenceSections: Set<Section>, memo: Memo | undefined): number {
  if (!referenceSections.size) return 0;
  const sectionAt = sectionLocator(sections);
  let count = 0;
  let paragraphsSeen = 0;
  for (const rp of raw.paragraphs) {
    const section = sectionAt(rp.start);
    if (!section || !referenceSections.has(section)) continue;
    paragraphsSeen++;
    // A chunk's paragraph is read once (its source is the chunk's: the marker is on its line).
    const block = memo && rp.chunkParagraph;
    let highest = block ? highestEntry.get(block) : undefined;
    if (highest === undefined) {
      highest = highestEntryNumber(text, rp);
      if (block) highestEntry.set(block, highest);
    }
    count = Math.max(count, highest);
  }
  return Math.max(count, paragraphsSeen);
}

const highestEntry = new WeakMap<RawParagraph, number>();

/** The highest entry number written in a paragraph, with the list marker before it ("12. " of a Markdown list item); 0 when none. */
function highestEntryNumber(text: string, rp: RawParagraph): number {
  let from = rp.start;
  while (from > 0 && rp.start - from < 8 && text[from - 1] !== '\n' && text[from - 1] !== '\r') from--;
  if (from > 0 && text[from - 1] !== '\n' && text[from - 1] !== '\r') from = rp.start;
  let count = 0;
  // (exec on the one expression: matchAll would copy it for every entry.)
  const slice = text.slice(from, rp.end);
  NUMBERED_ENTRY.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = NUMBERED_ENTRY.exec(slice)); ) count = Math.max(count, Number(m[1] ?? m[2]));
  return count;
}

/** How far from a table its caption may be (gapIsBlank), in characters. */
const CAPTION_GAP = 200;

/**
 * The first caption paragraph (in the paragraphs' order) next to a table: ending just before
 * it or within CAPTION_GAP blank characters, or starting just after it likewise. Looked up among
 * the captions sorted by end and by start (binary search into a window of CAPTION_GAP
 * characters), not by a scan of every paragraph per table (quadratic on thousands of tables).
 */
function captionFinder(text: string, paragraphs: Paragraph[]): (t: { start: number; end: number }) => Paragraph | undefined {
  const captions: number[] = [];
  paragraphs.forEach((p, k) => p.kind === 'caption' && captions.push(k));
  const byEnd = [...captions].sort((a, b) => paragraphs[a].end - paragraphs[b].end);
  const byStart = [...captions].sort((a, b) => paragraphs[a].start - paragraphs[b].start);
  const near = (p: Paragraph, t: { start: number; end: number }) =>
    Math.abs(p.end - t.start) < 4 || Math.abs(t.end - p.start) < 4 || gapIsBlank(text, p, t);
  return (t) => {
    let best = -1;
    // Every paragraph `near` accepts ends in (t.start - CAPTION_GAP, t.start + 4) or starts in (t.end - 4, t.end + CAPTION_GAP).
    for (let k = lowerBound(byEnd.length, (i) => paragraphs[byEnd[i]].end <= t.start - CAPTION_GAP); k < byEnd.length && paragraphs[byEnd[k]].end < t.start + 4; k++) {
      if ((best < 0 || byEnd[k] < best) && near(paragraphs[byEnd[k]], t)) best = byEnd[k];
    }
    for (let k = lowerBound(byStart.length, (i) => paragraphs[byStart[i]].start <= t.end - 4); k < byStart.length && paragraphs[byStart[k]].start < t.end + CAPTION_GAP; k++) {
      if ((best < 0 || byStart[k] < best) && near(paragraphs[byStart[k]], t)) best = byStart[k];
    }
    return best >= 0 ? paragraphs[best] : undefined;
  };
}

function gapIsBlank(text: string, p: Paragraph, t: { start: number; end: number }): boolean {
  const [a, b] = p.end <= t.start ? [p.end, t.start] : [t.end, p.start];
  return b >= a && b - a < CAPTION_GAP && !text.slice(a, b).trim();
}
