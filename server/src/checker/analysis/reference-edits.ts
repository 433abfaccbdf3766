/**
 * Edits to numbered citations and the reference list, for the fixes of citation-reference and
 * citation-order: renumber in order of first mention, remove an entry (renumbering the rest),
 * add placeholder entries. Each returns undefined when it cannot make the edit safely (markers
 * written in a form it does not rewrite, a list broken up by other text).
 */
import type { Citation, DocumentModel, OffsetEdit } from '../types';
import type { ReferenceEntry } from './references';

/** What the numbered-citation edits need of a marker: the marker and the numbers it cites. */
export interface NumberedMarker {
  citation: Citation;
  numbers: number[];
  reversed: { a: number; b: number }[];
}

/** The placeholder text of an added entry (reported by the placeholder rule until replaced). */
export const ENTRY_PLACEHOLDER = '[add reference]';

const SUPERSCRIPTS = '\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079';
const toSuperscript = (s: string) => s.replace(/\d/g, (d) => SUPERSCRIPTS[Number(d)]).replace(/[-\u2013]/g, '\u207b');

/** A marker rewritten with new numbers, or undefined when its form is not one we rewrite. */
function rewriteMarker(model: DocumentModel, use: NumberedMarker, map: (n: number) => number): OffsetEdit | null | undefined {
  if (use.reversed.length) return undefined;
  const raw = model.text.slice(use.citation.start, use.citation.end);
  const numbers = [...new Set(use.numbers.map(map))].sort((a, b) => a - b);
  let m = /^([\[(^])([\d\s,;\-\u2013\u2014]+)([\])^])$/.exec(raw);
  const dash = /\u2013/.test(raw) ? '\u2013' : /\u2014/.test(raw) ? '\u2014' : '-';
  const sep = /[,;] /.test(raw) ? ', ' : ',';
  const body = compress(numbers, dash, sep);
  let newText: string;
  if (m) newText = `${m[1]}${body}${m[3]}`;
  else if ((m = new RegExp(`^[${SUPERSCRIPTS}\u207b,]+$`).exec(raw))) newText = toSuperscript(compress(numbers, '-', ','));
  else if (/^[\d,\-\u2013]+$/.test(raw)) newText = compress(numbers, dash, ',');
  else return undefined;
  return newText === raw ? null : { start: use.citation.start, end: use.citation.end, newText };
}

/** 1, 2, 3, 5 → "1-3,5" (runs of three or more as ranges). */
function compress(ns: number[], dash: string, sep: string): string {
  const parts: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j] + 1) j++;
    if (j - i >= 2) parts.push(`${ns[i]}${dash}${ns[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(ns[k]));
    i = j + 1;
  }
  return parts.join(sep);
}

function markerEdits(model: DocumentModel, uses: readonly NumberedMarker[], map: (n: number) => number): OffsetEdit[] | undefined {
  const edits: OffsetEdit[] = [];
  for (const use of uses) {
    const e = rewriteMarker(model, use, map);
    if (e === undefined) return undefined;
    if (e) edits.push(e);
  }
  return edits;
}

const LINE_MARKER = /^([ \t]*)(\[?)(\d{1,4})([.)\]])([ \t]+)/;
const BULLET = /^([ \t]*)([-*+])([ \t]+)/;

/** An entry as a movable block: from the start of its line (list marker included) to its end. */
interface Item {
  entry: ReferenceEntry;
  start: number;
  end: number;
}

const itemCache = new WeakMap<readonly ReferenceEntry[], Item[] | null>();

function items(model: DocumentModel, list: readonly ReferenceEntry[]): Item[] | undefined {
  let cached = itemCache.get(list);
  if (cached === undefined) {
    cached = itemsOf(model, list) ?? null;
    itemCache.set(list, cached);
  }
  return cached ?? undefined;
}

function itemsOf(model: DocumentModel, list: readonly ReferenceEntry[]): Item[] | undefined {
  const text = model.text;
  const out: Item[] = [];
  for (const e of list) {
    const lineStart = text.lastIndexOf('\n', e.start - 1) + 1;
    const lead = text.slice(lineStart, e.start);
    if (!/^[ \t]*(?:(?:\[?\d{1,4}[.)\]]|[-*+])[ \t]+)?$/.test(lead)) return undefined;
    out.push({ entry: e, start: lineStart, end: e.end });
  }
  // One block: nothing but white space between the entries.
  for (let i = 1; i < out.length; i++) {
    if (out[i].start < out[i - 1].end || /\S/.test(text.slice(out[i - 1].end, out[i].start))) return undefined;
  }
  return out;
}

/** An item's text with its written number replaced. */
function withNumber(model: DocumentModel, item: Item, n: number): string {
  const text = model.text.slice(item.start, item.end);
  if (!item.entry.numbered) return text;
  return text.replace(LINE_MARKER, (_m, indent, open, _d, close, space) => `${indent}${open}${n}${close}${space}`);
}

/**
 * Renumber in order of first mention: every marker rewritten, the list reordered (entries never
 * cited go last, in their order), as one set of edits.
 */
export function renumberEdits(model: DocumentModel, list: readonly ReferenceEntry[], uses: readonly NumberedMarker[]): OffsetEdit[] | undefined {
  const numbers = list.map((e) => e.number);
  if (numbers.some((n) => n === undefined) || new Set(numbers).size !== numbers.length) return undefined;
  const blocks = items(model, list);
  if (!blocks?.length) return undefined;
  const byNumber = new Map(blocks.map((b) => [b.entry.number!, b]));
  const order: Item[] = [];
  for (const use of uses) {
    for (const n of [...use.numbers].sort((a, b) => a - b)) {
      const b = byNumber.get(n);
      if (b && !order.includes(b)) order.push(b);
    }
  }
  for (const b of blocks) if (!order.includes(b)) order.push(b);
  const newNumber = new Map(order.map((b, i) => [b.entry.number!, i + 1]));
  const edits = markerEdits(model, uses, (n) => newNumber.get(n) ?? n);
  if (!edits) return undefined;
  const regionStart = blocks[0].start;
  const regionEnd = blocks[blocks.length - 1].end;
  if (uses.some((u) => u.citation.start < regionEnd && regionStart < u.citation.end)) return undefined;
  let region = '';
  for (let i = 0; i < order.length; i++) {
    region += withNumber(model, order[i], i + 1);
    if (i + 1 < blocks.length) region += model.text.slice(blocks[i].end, blocks[i + 1].start);
  }
  if (region !== model.text.slice(regionStart, regionEnd)) edits.push({ start: regionStart, end: regionEnd, newText: region });
  return edits.length ? edits : undefined;
}

/**
 * Remove one entry. In a numbered list the later entries and the markers citing them move down
 * by one, so that no gap is left.
 */
export function removeEntryEdits(model: DocumentModel, list: readonly ReferenceEntry[], uses: readonly NumberedMarker[] | undefined, entry: ReferenceEntry): OffsetEdit[] | undefined {
  const blocks = items(model, list);
  if (!blocks) return undefined;
  const i = blocks.findIndex((b) => b.entry === entry);
  if (i < 0) return undefined;
  const edits: OffsetEdit[] = [];
  // With the line break before it when it is the last entry, else up to the next entry.
  const start = i === blocks.length - 1 && i > 0 ? blocks[i - 1].end : blocks[i].start;
  const end = i === blocks.length - 1 ? blocks[i].end : blocks[i + 1].start;
  if (uses && entry.number !== undefined) {
    const k = entry.number;
    if (uses.some((u) => u.numbers.includes(k))) return undefined;
    const later = blocks.slice(i + 1);
    if (later.some((b) => b.entry.number === undefined || b.entry.number <= k)) return undefined;
    const marks = markerEdits(model, uses, (n) => (n > k ? n - 1 : n));
    if (!marks) return undefined;
    for (const m of marks) edits.push(m);
    for (const b of later) {
      const renumbered = withNumber(model, b, b.entry.number! - 1);
      if (renumbered !== model.text.slice(b.start, b.end)) edits.push({ start: b.start, end: b.end, newText: renumbered });
    }
  }
  edits.push({ start, end, newText: '' });
  return edits;
}

/**
 * Placeholder entries for numbers cited beyond the end of a list numbered 1..n (at most 20 at a
 * time), in the list's own style ("4. [add reference]").
 */
export function addEntryEdits(model: DocumentModel, list: readonly ReferenceEntry[], missing: readonly number[]): OffsetEdit[] | undefined {
  if (!list.length || !list.every((e, i) => e.number === i + 1)) return undefined;
  const last = list.length;
  const wanted = missing.reduce((a, b) => Math.max(a, b), -Infinity); // no spread: it throws past ~125,000 numbers
  if (missing.some((n) => n <= last) || wanted - last > 20) return undefined;
  const blocks = items(model, list);
  if (!blocks) return undefined;
  const tail = blocks[blocks.length - 1];
  const sep = blocks.length > 1 ? model.text.slice(blocks[blocks.length - 2].end, tail.start) : '\n';
  const lineText = model.text.slice(tail.start, tail.end);
  const numbered = LINE_MARKER.exec(lineText);
  const bullet = BULLET.exec(lineText);
  let out = '';
  for (let n = last + 1; n <= wanted; n++) {
    const prefix = numbered ? `${numbered[1]}${numbered[2]}${n}${numbered[4]}${numbered[5]}` : bullet ? bullet[0] : '';
    out += `${sep}${prefix}${ENTRY_PLACEHOLDER}`;
  }
  return [{ start: tail.end, end: tail.end, newText: out }];
}
