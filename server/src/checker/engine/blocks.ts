import { detached } from '../model/memo';
import { positionAt } from '../model/text';
import type { DocumentModel, Finding, Memo, Paragraph, Table } from '../types';

/**
 * The findings of block-local rules, a block at a time (RuleContext.block): with the incremental
 * checker's memo, what a rule reported for a paragraph or a table is kept relative to the block's
 * start, by the rule, the config and the rule's key, and a later check gets it again, moved, for
 * a block that is the same as before wherever it now is, instead of running the rule's work.
 *
 * "The same block" is proven, not assumed: a block's record holds everything a rule's work may
 * read of it, relative to its start, and a block of a later check is the record's block only when
 * every value matches. For a paragraph: its length, kind, quoting, plain text, segments (the map
 * from plain text to source), citations (kind, keys, offsets, as written) and sentences (offsets,
 * text, citations); for a table: its cells (offsets, text) and its caption's plain text; for both,
 * the document's text in the block's window: its lines, the line before them and at least
 * LOOK_BEHIND characters before it (where a rule looks around a finding: an article before an age,
 * the backticks of inline code on the line, the character before a fix). Anything else a rule
 * reads (the section's mode, a fact of the whole document) goes into its key. A finding or an
 * edit outside the window is never reused (the block's work runs at every check).
 */

/** A block as the memo knows it: the window the rule may read, and the rules' findings for it. */
export interface BlockIdentity {
  /** The window the rules may read and report in, relative to the block's start. */
  from: number;
  to: number;
  /**
   * The findings of the rules that asked, relative to the block's start, by rule, config and
   * key (RuleContext.block): a function of the block and those, so kept with the block's record
   * for as long as the memo keeps it (one lookup per block and check, whichever rules ask).
   */
  findings: Map<string, StoredFindings>;
}

/** At most this many rules' and keys' findings per block (more when the config changes often: then forgotten). */
const MAX_FINDINGS = 64;

/** The stored findings of a block for a rule's key, or undefined. */
export function findingsOf(identity: BlockIdentity, space: string): StoredFindings | undefined {
  return identity.findings.get(space);
}

/** Keeps a block's findings for a rule's key. */
export function keepFindings(identity: BlockIdentity, space: string, stored: StoredFindings): void {
  if (identity.findings.size >= MAX_FINDINGS) identity.findings.clear();
  identity.findings.set(space, stored);
}

interface BlockRecord extends BlockIdentity {
  values: unknown[];
  /** The document's text in the window (a copy: memo.ts, detached). */
  window: string;
  atStart: boolean;
}

/** Findings relative to their block's start, as the memo keeps them. */
export interface StoredFindings {
  findings: readonly Finding[];
  /** False when a finding or an edit falls outside the block's window: it is not reused then. */
  reusable: boolean;
  /** The findings last placed, and where: a block that has not moved gets the same ones again. */
  placed?: { start: number; findings: readonly Finding[] };
}

const NONE: readonly Finding[] = Object.freeze([]);

/** A block's stored findings placed at its start (the same objects as last time when it has not moved). */
export function placedFindings(stored: StoredFindings, start: number): readonly Finding[] {
  if (!stored.findings.length) return NONE;
  if (stored.placed?.start === start) return stored.placed.findings;
  const findings = stored.findings.map((f) => shifted(f, start));
  stored.placed = { start, findings };
  return findings;
}

/**
 * The one string for each key of a rule's findings (its rule, config and key), so that a block's
 * lookup finds the very string it was kept under (compared by reference, not character by
 * character). One per rule and config, kept for the process: a few.
 */
const spaces = new Map<string, string>();
export function internedSpace(space: string): string {
  let s = spaces.get(space);
  if (s === undefined) spaces.set(space, (s = space));
  return s;
}

/**
 * What a rule may read of a paragraph, relative to its start, as a list of values (strings that
 * may be slices of the document copied: memo.ts, detached); `sameParagraph` compares a paragraph
 * with such a list, in the same order.
 */
function paragraphValues(memo: Memo, p: Paragraph): unknown[] {
  const base = p.start;
  const out: unknown[] = [p.end - base, p.kind, !!p.quoted, detached(memo, p.plain), p.segments.length];
  for (const g of p.segments) out.push(g.plainStart, g.sourceStart - base, g.length, g.sourceLength ?? -1);
  out.push(p.citations.length);
  for (const c of p.citations) {
    out.push(c.kind, c.start - base, c.end - base, detached(memo, c.raw), !!c.nameOnly, c.keys.length);
    for (const k of c.keys) out.push(detached(memo, k));
  }
  out.push(p.sentences.length);
  // (A sentence's text is the memo's own string, cut from its copy of the plain text: model/index.ts.)
  for (const s of p.sentences) {
    out.push(s.start - base, s.end - base, s.plainStart, s.text, s.citations.length);
    for (const c of s.citations) out.push(c.start - base);
  }
  return out;
}

function sameParagraph(p: Paragraph, v: readonly unknown[]): boolean {
  const base = p.start;
  if (v[0] !== p.end - base || v[1] !== p.kind || v[2] !== !!p.quoted || v[4] !== p.segments.length) return false;
  let i = 5;
  for (const g of p.segments) {
    if (v[i] !== g.plainStart || v[i + 1] !== g.sourceStart - base || v[i + 2] !== g.length || v[i + 3] !== (g.sourceLength ?? -1)) return false;
    i += 4;
  }
  if (v[i++] !== p.citations.length) return false;
  for (const c of p.citations) {
    if (v[i] !== c.kind || v[i + 1] !== c.start - base || v[i + 2] !== c.end - base || v[i + 3] !== c.raw || v[i + 4] !== !!c.nameOnly || v[i + 5] !== c.keys.length) return false;
    i += 6;
    for (const k of c.keys) if (v[i++] !== k) return false;
  }
  if (v[i++] !== p.sentences.length) return false;
  for (const s of p.sentences) {
    if (v[i] !== s.start - base || v[i + 1] !== s.end - base || v[i + 2] !== s.plainStart || v[i + 3] !== s.text || v[i + 4] !== s.citations.length) return false;
    i += 5;
    for (const c of s.citations) if (v[i++] !== c.start - base) return false;
  }
  // The plain text last: the longest comparison, made only when all else matches.
  return i === v.length && v[3] === p.plain;
}

/** Likewise for a table: its cells and its caption's plain text. */
function tableValues(memo: Memo, t: Table): unknown[] {
  const base = t.start;
  const out: unknown[] = [t.end - base, t.caption ? detached(memo, t.caption.plain) : null];
  for (const r of [t.header, ...t.rows]) {
    out.push(r.length);
    for (const c of r) out.push(c.start - base, c.end - base, detached(memo, c.text));
  }
  return out;
}

function sameTable(t: Table, v: readonly unknown[]): boolean {
  const base = t.start;
  if (v[0] !== t.end - base || v[1] !== (t.caption ? t.caption.plain : null)) return false;
  let i = 2;
  for (const r of [t.header, ...t.rows]) {
    if (v[i++] !== r.length) return false;
    for (const c of r) {
      if (v[i] !== c.start - base || v[i + 1] !== c.end - base || v[i + 2] !== c.text) return false;
      i += 3;
    }
  }
  return i === v.length;
}

const isParagraph = (b: Paragraph | Table): b is Paragraph => 'plain' in b;

/** How far before a block a rule may look, at least (an article before an age, a sentence's start). */
const LOOK_BEHIND = 8;

/**
 * The window a rule may read of a block: its lines, the line before them, and at least
 * LOOK_BEHIND characters before it. The block's source (a paragraph's segments, a table's cells)
 * lies inside the block, or it has no identity.
 */
function windowOf(doc: DocumentModel, b: Paragraph | Table): [number, number] | undefined {
  if (isParagraph(b)) {
    for (const g of b.segments) if (g.sourceStart < b.start || g.sourceStart + (g.sourceLength ?? g.length) > b.end) return undefined;
  } else {
    for (const r of [b.header, ...b.rows]) for (const c of r) if (c.start < b.start || c.end > b.end) return undefined;
  }
  const starts = doc.lineStarts;
  const first = positionAt(starts, b.start).line;
  const last = positionAt(starts, b.end).line;
  return [Math.max(0, Math.min(starts[Math.max(0, first - 1)], b.start - LOOK_BEHIND)), last + 1 < starts.length ? starts[last + 1] : doc.text.length];
}

/** The record of a block, or undefined when its values are not the record's. */
function matches(doc: DocumentModel, b: Paragraph | Table, r: BlockRecord | undefined, window: [number, number]): r is BlockRecord {
  if (!r || r.atStart !== (window[0] === 0) || r.from !== window[0] - b.start || r.to !== window[1] - b.start) return false;
  // (A slice compared whole: V8 compares flat strings a block at a time, startsWith a character at a time.)
  if (doc.text.slice(window[0], window[1]) !== r.window) return false;
  return isParagraph(b) ? sameParagraph(b, r.values) : sameTable(b, r.values);
}

function record(memo: Memo, doc: DocumentModel, b: Paragraph | Table, window: [number, number]): BlockRecord {
  return {
    findings: new Map(),
    from: window[0] - b.start,
    to: window[1] - b.start,
    values: isParagraph(b) ? paragraphValues(memo, b) : tableValues(memo, b),
    window: detached(memo, doc.text.slice(window[0], window[1])),
    atStart: window[0] === 0,
  };
}

/**
 * The identity of a block in the memo (undefined: the block cannot be told apart from others,
 * and its findings are computed afresh). Looked up by the paragraph's plain text (the memo's own
 * string from check to check: hashed once) or the table's source, then checked value by value;
 * when the record found is of another block with the same text (another markup, kind or
 * window), by all of its text.
 */
export function blockIdentity(memo: Memo, doc: DocumentModel, b: Paragraph | Table): BlockIdentity | undefined {
  const window = windowOf(doc, b);
  if (!window) return undefined;
  const paragraph = isParagraph(b);
  const key = paragraph ? b.plain : doc.text.slice(window[0], window[1]);
  const space = paragraph ? 'engine/block\0p' : 'engine/block\0t';
  const found = memo.get<BlockRecord>(space, key, () => record(memo, doc, b, window));
  if (matches(doc, b, found, window)) return found;
  // Another block with the same text: its kind, its markup and its window make the key.
  // (Not a copy: the memo keeps a key for two checks at most, memo.ts.)
  const full = `${paragraph ? `${b.kind}\0${b.quoted ? 1 : 0}\0${b.plain}` : (b.caption?.plain ?? '\u0001')}\0${doc.text.slice(window[0], window[1])}`;
  const second = memo.get<BlockRecord>(space + '2', full, () => record(memo, doc, b, window));
  return matches(doc, b, second, window) ? second : undefined;
}

/** A finding moved by `by` characters, its fixes' edits too. */
export function shifted(f: Finding, by: number): Finding {
  const out: Finding = { ...f, start: f.start + by, end: f.end + by };
  if (f.fixes) out.fixes = f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) }));
  return out;
}

/** A copy of a value whose strings share no memory with the document's text (memo.ts, detached). */
function detachedDeep<T>(memo: Memo, value: T): T {
  if (typeof value === 'string') return detached(memo, value) as T;
  if (Array.isArray(value)) return value.map((x) => detachedDeep(memo, x)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(value)) out[k] = detachedDeep(memo, x);
    return out as T;
  }
  return value;
}

/** A block's findings as the memo keeps them: relative to its start, with strings of their own. */
export function storedFindings(memo: Memo, findings: readonly Finding[], start: number, identity: BlockIdentity): StoredFindings {
  const from = start + identity.from;
  const to = start + identity.to;
  const inside = (s: { start: number; end: number }) => s.start >= from && s.end <= to;
  const reusable = findings.every((f) => inside(f) && (f.fixes ?? []).every((fix) => fix.edits.every(inside)));
  // (Not `placed`: the findings just reported may hold slices of this version of the text.)
  return { findings: reusable ? findings.map((f) => detachedDeep(memo, shifted(f, -start))) : [], reusable };
}
