import type { TextSegment } from '../types';

/** Offsets at which each line starts. Handles \n, \r\n and lone \r. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** How many leading characters two strings share (compared a block at a time). */
export function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (const block of [4096, 128]) while (i + block <= n && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many trailing characters two strings share, at most `limit` (compared a block at a time). */
export function commonSuffixLength(a: string, b: string, limit: number): number {
  const n = Math.min(a.length, b.length, limit);
  let i = 0;
  for (const block of [4096, 128]) while (i + block <= n && a.slice(a.length - i - block, a.length - i) === b.slice(b.length - i - block, b.length - i)) i += block;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * Where two versions of a text differ: text[0, prefix) is before[0, prefix) and the last `suffix`
 * characters of both are the same (prefix + suffix never exceeds either length). One edit found
 * once (a block at a time) and shared by whatever reuses the earlier version's work.
 */
export interface TextEdit {
  before: string;
  prefix: number;
  suffix: number;
}

export function textEdit(before: string, text: string): TextEdit {
  const prefix = commonPrefixLength(before, text);
  return { before, prefix, suffix: commonSuffixLength(before, text, Math.min(before.length, text.length) - prefix) };
}

/**
 * A text as a parse sees it after the last one through the same memo (model/index.ts): the edit
 * since the last text, and which strings the text surely lacks, so that a re-parse after a small
 * edit need not search the whole text for markup it rarely holds (\r, Pandoc divs, shortcodes).
 */
export interface TextVersion {
  edit?: TextEdit;
  /** False only when the text surely does not hold `needle`. */
  mayInclude(needle: string): boolean;
}

/** A text with no history: every string is searched for. */
export function freshVersion(text: string): TextVersion {
  return { mayInclude: (needle) => text.includes(needle) };
}

/**
 * A version of a text after `edit`, given which strings the last version held (`held`, updated
 * for the next one: its own map): a string the last version lacked is in the text only if it is
 * in the edited stretch, with a string's length of context either side.
 */
export function editedVersion(text: string, edit: TextEdit | undefined, held: ReadonlyMap<string, boolean> | undefined, holds: Map<string, boolean>): TextVersion {
  return {
    edit,
    mayInclude(needle) {
      let found = holds.get(needle);
      if (found === undefined) {
        if (edit && held?.get(needle) === false) {
          const from = Math.max(0, edit.prefix - needle.length + 1);
          const to = Math.min(text.length, text.length - edit.suffix + needle.length - 1);
          found = to - from >= needle.length && text.slice(from, to).includes(needle);
        } else {
          found = text.includes(needle);
        }
        holds.set(needle, found);
      }
      return found;
    },
  };
}

/**
 * computeLineStarts(text) from the line starts of an earlier version of it: the lines before the
 * edit are kept, those after it shifted, only the edited stretch is scanned. `edit`:
 * textEdit(before, text), when known. A line start x follows a \n, or a \r not followed by a \n
 * at x: it depends on the characters at x - 1 and x only, so one before the edit's first
 * character is kept, one after its last character shifted, and those between are looked for in
 * the new text.
 */
export function lineStartsAfterEdit(before: string, beforeStarts: readonly number[], text: string, edit: TextEdit = textEdit(before, text)): number[] {
  const { prefix, suffix } = edit;
  const shift = text.length - before.length;
  const keep = lowerBound(beforeStarts.length, (k) => beforeStarts[k] < prefix);
  const starts = beforeStarts.slice(0, Math.max(1, keep));
  // New starts in [max(1, prefix), end]: x - 1 and x are both in the prefix below it, in the suffix above it.
  const end = text.length - suffix;
  for (let x = Math.max(1, prefix); x <= end; x++) {
    const c = text.charCodeAt(x - 1);
    if (c === 10 || (c === 13 && text.charCodeAt(x) !== 10)) starts.push(x);
  }
  for (let k = lowerBound(beforeStarts.length, (j) => beforeStarts[j] <= before.length - suffix); k < beforeStarts.length; k++) starts.push(beforeStarts[k] + shift);
  return starts;
}

/** 0-based line and UTF-16 character of an offset. */
export function positionAt(lineStarts: readonly number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

/**
 * Offset → position through `starts` (positionAt's answer), looking first at the line of the
 * last offset asked and the next one: findings come in document order, a finding's end is mostly
 * on its start's line and the next finding's start on the same or the next line, so most of the
 * 2,000 positions of a report (the language server's diagnostics) need no binary search over the document's lines.
 */
export function hintedPositions(starts: readonly number[]): (offset: number) => { line: number; character: number } {
  let line = 0;
  const last = starts.length - 1;
  return (offset) => {
    if (!(starts[line] <= offset && (line === last || offset < starts[line + 1]))) {
      if (line < last && starts[line + 1] <= offset && (line + 1 === last || offset < starts[line + 2])) line++;
      else line = positionAt(starts, offset).line;
    }
    return { line, character: offset - starts[line] };
  };
}

/** Offset of the end of a line's content (before its line break). */
export function lineEnd(text: string, lineStarts: number[], line: number): number {
  let end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  while (end > lineStarts[line] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end;
}

/**
 * Builds a plain (markup-free) string together with segments mapping it back to the
 * source. Used by every format's parser so that rules only ever see plain text.
 */
export class PlainBuilder {
  plain = '';
  segments: TextSegment[] = [];

  /** Append source[sourceStart, sourceStart + text.length) verbatim. */
  copy(text: string, sourceStart: number): void {
    if (!text) return;
    const last = this.segments[this.segments.length - 1];
    if (
      last &&
      last.sourceLength === undefined &&
      last.plainStart + last.length === this.plain.length &&
      last.sourceStart + last.length === sourceStart
    ) {
      last.length += text.length;
    } else {
      this.segments.push({ plainStart: this.plain.length, sourceStart, length: text.length });
    }
    this.plain += text;
  }

  /** Append text that stands for source[sourceStart, sourceStart + sourceLength). */
  replace(text: string, sourceStart: number, sourceLength: number): void {
    if (!text) return;
    this.segments.push({ plainStart: this.plain.length, sourceStart, length: text.length, sourceLength });
    this.plain += text;
  }
}

function findSegment(segments: TextSegment[], p: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].plainStart <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The source span of plain[plainStart, plainEnd) of a block with these segments; the block's own
 * start and end are the fallbacks when it has no segments. The end never precedes the start.
 */
export function plainSpanToSource(
  block: { segments: TextSegment[]; start: number; end: number },
  plainStart: number,
  plainEnd: number,
): { start: number; end: number } {
  const start = plainToSourceStart(block.segments, plainStart, block.start);
  return { start, end: Math.max(start, plainToSourceEnd(block.segments, plainEnd, block.end)) };
}

/** Source offset of the plain-text position p, used as a start. */
export function plainToSourceStart(segments: TextSegment[], p: number, fallback: number): number {
  if (segments.length === 0) return fallback;
  const seg = segments[findSegment(segments, p)];
  const rel = p - seg.plainStart;
  if (rel < 0) return seg.sourceStart;
  if (seg.sourceLength !== undefined) return rel === 0 ? seg.sourceStart : seg.sourceStart + seg.sourceLength;
  return seg.sourceStart + Math.min(rel, seg.length);
}

/** Source offset of the plain-text position p, used as an exclusive end. */
export function plainToSourceEnd(segments: TextSegment[], p: number, fallback: number): number {
  if (segments.length === 0) return fallback;
  if (p <= 0) return segments[0].sourceStart;
  const seg = segments[findSegment(segments, p - 1)];
  const rel = p - seg.plainStart;
  if (seg.sourceLength !== undefined) return seg.sourceStart + seg.sourceLength;
  return seg.sourceStart + Math.min(rel, seg.length);
}

/**
 * Non-empty spans accepted from several patterns in turn, none overlapping another (the first
 * accepted wins): what citation and placeholder matching need. Each pattern's matches come in
 * order; `endRound()` after each pattern merges them in, so that a check is a binary search
 * and the whole is O(m log m) for m matches, not O(m²).
 */
export class DisjointSpans<T extends { start: number; end: number }> {
  /** Accepted in earlier rounds, sorted by start (so by end too: they are disjoint). */
  private done: T[] = [];
  /** Accepted in this round, sorted. */
  private round: T[] = [];

  /** Does [start, end) overlap no accepted span? */
  free(start: number, end: number): boolean {
    return !overlapsSorted(this.done, start, end) && !overlapsSorted(this.round, start, end);
  }

  add(span: T): void {
    const r = this.round;
    if (!r.length || r[r.length - 1].start < span.start) r.push(span);
    else r.splice(firstEndingAfter(r, span.start), 0, span);
  }

  endRound(): void {
    if (!this.round.length) return;
    const a = this.done;
    const b = this.round;
    const merged: T[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i].start < b[j].start)) merged.push(a[i++]);
      else merged.push(b[j++]);
    }
    this.done = merged;
    this.round = [];
  }

  /** Every accepted span, sorted by start. */
  spans(): T[] {
    this.endRound();
    return this.done;
  }
}

/**
 * The first index in [0, length) whose element is not `before` the value sought (the elements
 * are sorted so that `before` holds for a prefix of them): a binary search, `length` when none.
 */
export function lowerBound(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The union of some spans (comments, code blocks), merged and sorted once, with a binary-search
 * membership test: asking for many offsets stays linear in the document.
 */
export class SpanUnion {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(spans: Iterable<{ start: number; end: number }>) {
    for (const s of [...spans].sort((a, b) => a.start - b.start)) {
      const last = this.ends.length - 1;
      if (last >= 0 && s.start <= this.ends[last]) this.ends[last] = Math.max(this.ends[last], s.end);
      else {
        this.starts.push(s.start);
        this.ends.push(s.end);
      }
    }
  }

  /** Is the offset inside one of the spans (half-open: [start, end))? */
  contains(offset: number): boolean {
    const i = lowerBound(this.starts.length, (k) => this.starts[k] <= offset);
    return i > 0 && offset < this.ends[i - 1];
  }
}

/** Index of the first span of a sorted disjoint list that ends after p. */
function firstEndingAfter(list: readonly { end: number }[], p: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].end > p) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function overlapsSorted(list: readonly { start: number; end: number }[], start: number, end: number): boolean {
  const i = firstEndingAfter(list, start);
  return i < list.length && list[i].start < end;
}
