/**
 * The framing of the messages the server reads on standard input, checked before
 * vscode-jsonrpc's StreamMessageReader sees them. That reader trusts every `Content-Length`: a
 * length too short leaves the rest of the body where the next header should be (every later
 * header then fails to parse), a length too long swallows the messages that follow while it
 * waits for bytes that never come. Either way the server stays alive but deaf.
 *
 * FramingGuard is a Transform between the input and the reader. It passes on each message whose
 * header is well-formed and whose body is followed by the next header, and it resynchronises on
 * the next header when one is not:
 * - a header block that is not `Name: value` lines with a decimal `Content-Length` (or a length
 *   over MAX_MESSAGE_BYTES) is dropped with what follows, up to the next valid header;
 * - a body that is followed by bytes which cannot start a header, and is not one JSON value,
 *   was longer than its length said: it is dropped, and the bytes up to the next header with it;
 * - a header found inside a body means that body's length was too long: what came before that
 *   header is dropped and reading goes on from it (a JSON body cannot contain a raw
 *   `Content-Length: n` line followed by an empty line: JSON strings escape line breaks).
 * Each drop is told in one line (`onDrop`; the server writes it to standard error), with sizes
 * only: a body may hold patient data.
 */
import { constants as bufferConstants } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';

/** The longest body accepted: the longest string the JavaScript engine can decode it into. */
export const MAX_MESSAGE_BYTES = bufferConstants.MAX_STRING_LENGTH;

const CRLFCRLF = Buffer.from('\r\n\r\n', 'latin1');
/** A header block, as its text (latin1) ends: a Content-Length line, other header lines, an empty line. */
const HEADER_AT_END = /content-length[ \t]*:[ \t]*(\d+)[ \t]*\r\n(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+[ \t]*:[^\r\n]*\r\n)*\r\n$/i;
/** How far back from an empty line a header block is looked for (header blocks are short). */
const HEADER_WINDOW = 1024;
/** Bytes without an empty line kept while looking for the next header (the start of one may be among them). */
const MAX_PENDING_HEADER = 64 * 1024;

/** RFC 9110 token characters (header names): letters, digits and !#$%&'*+-.^_`|~. */
const TOKEN = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") TOKEN[c.charCodeAt(0)] = 1;
const isTokenChar = (c: number) => c < 128 && TOKEN[c] === 1;

/** The value of Content-Length of a header block (its lines, without the empty line), or why it is not one. */
function contentLength(block: string): number | string {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return 'a header line without a name';
    for (let i = 0; i < colon; i++) if (!isTokenChar(line.charCodeAt(i))) return 'a header line without a name';
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d+$/.test(value)) return 'a Content-Length that is not a number';
    length = Number(value);
  }
  if (length === undefined) return 'a header without Content-Length';
  if (length > MAX_MESSAGE_BYTES) return `a Content-Length of ${length} bytes, over the limit`;
  return length;
}

/** The guard's buffer between messages; a larger message grows it for as long as it is read. */
export const FRAMING_BUFFER_BYTES = 64 * 1024;

export class FramingGuard extends Transform {
  /** Bytes received and not yet passed on or dropped: buffer[from, to). */
  private buffer = Buffer.alloc(FRAMING_BUFFER_BYTES);
  /** The length of the last message passed on. */
  private lastLength = 0;
  private from = 0;
  private to = 0;
  /** The body being read: its length and where it starts; undefined while reading a header. */
  private body?: { length: number; at: number; scanned: number };
  /** Bytes dropped since the last message passed on, and why (one report per broken stretch). */
  private dropped = 0;
  private why = '';

  constructor(private readonly onDrop: (message: string) => void = () => undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.append(chunk);
      this.process();
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  /** The buffer's size in bytes (tests). */
  get capacity(): number {
    return this.buffer.length;
  }

  override _flush(callback: TransformCallback): void {
    if (this.to > this.from) this.discard(this.to - this.from, this.why || 'an incomplete message at the end of the input');
    this.report();
    callback();
  }

  private append(chunk: Buffer): void {
    if (this.to + chunk.length > this.buffer.length) {
      const used = this.to - this.from;
      let size = this.buffer.length;
      while (size < used + chunk.length) size *= 2;
      const next = size > this.buffer.length ? Buffer.allocUnsafe(size) : this.buffer;
      this.buffer.copy(next, 0, this.from, this.to);
      if (this.body) {
        this.body.at -= this.from;
        this.body.scanned -= this.from;
      }
      this.buffer = next;
      this.to = used;
      this.from = 0;
    }
    chunk.copy(this.buffer, this.to);
    this.to += chunk.length;
  }

  private discard(bytes: number, why: string): void {
    if (bytes <= 0) return;
    this.from += bytes;
    this.dropped += bytes;
    this.why ||= why;
  }

  private report(): void {
    if (!this.dropped) return;
    this.onDrop(`caselint-language-server: dropped ${this.dropped} bytes of input that were not a well-framed message (${this.why}); reading on from the next header.`);
    this.dropped = 0;
    this.why = '';
  }

  /** Where a valid header block that ends at `blockEnd` (after its empty line) starts, if one does. */
  private headerEndingAt(blockEnd: number, from: number): number | undefined {
    const windowStart = Math.max(from, blockEnd - HEADER_WINDOW);
    const text = this.buffer.toString('latin1', windowStart, blockEnd);
    const m = HEADER_AT_END.exec(text);
    if (!m || Number(m[1]) > MAX_MESSAGE_BYTES) return undefined;
    return windowStart + m.index;
  }

  /** Is buffer[from, to) one JSON value? Asked only of a body followed by bytes that cannot start a header. */
  private isJson(from: number, to: number): boolean {
    try {
      JSON.parse(this.buffer.toString('utf8', from, to));
      return true;
    } catch {
      return false;
    }
  }

  /** Can the bytes at `at` start a header (a name, then a colon)? Undecided (too few bytes) counts as yes. */
  private canStartHeader(at: number): boolean {
    for (let i = at; i < this.to; i++) {
      const c = this.buffer[i];
      if (c === 0x3a) return i > at;
      if (!isTokenChar(c)) return false;
    }
    return true;
  }

  private process(): void {
    // A view of the bytes received: searches must not run into the unused rest of the buffer.
    const view = () => this.buffer.subarray(0, this.to);
    for (;;) {
      if (this.body) {
        const { length, at } = this.body;
        const bodyEnd = at + length;
        // The first header from the body on: inside the body, its length was too long (a JSON
        // body holds no raw empty line after a Content-Length line).
        const scanEnd = Math.min(this.to, bodyEnd + HEADER_WINDOW);
        let header: number | undefined;
        for (let q = view().indexOf(CRLFCRLF, Math.max(at, this.body.scanned - 3)); q >= 0 && q + 4 <= scanEnd; q = view().indexOf(CRLFCRLF, q + 1)) {
          header = this.headerEndingAt(q + 4, at);
          if (header !== undefined) break;
        }
        this.body.scanned = Math.max(this.body.scanned, scanEnd);
        if (header !== undefined && header < bodyEnd) {
          this.body = undefined;
          this.discard(header - this.from, 'a message shorter than its Content-Length');
          continue;
        }
        if (this.to < bodyEnd) return;
        if (this.to > bodyEnd && !this.canStartHeader(bodyEnd) && !this.isJson(at, bodyEnd)) {
          // Not followed by a header, and not a whole message itself: the length was too short.
          // (A whole message followed by stray bytes passes; the stray bytes are dropped next.)
          this.body = undefined;
          this.discard(bodyEnd - this.from, 'a message longer than its Content-Length');
          continue;
        }
        this.report();
        this.push(Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'latin1'));
        this.push(Buffer.from(this.buffer.subarray(at, bodyEnd)));
        this.lastLength = length;
        this.from = bodyEnd;
        this.body = undefined;
        continue;
      }

      if (this.from === this.to) {
        this.from = this.to = 0;
        // A large message (a document's open) grew the buffer: it is not kept for the small ones
        // after it (a run of large ones, a client that sends whole texts, keeps it).
        if (this.buffer.length > FRAMING_BUFFER_BYTES && this.lastLength < FRAMING_BUFFER_BYTES / 2) this.buffer = Buffer.alloc(FRAMING_BUFFER_BYTES);
        return;
      }
      const q = view().indexOf(CRLFCRLF, this.from);
      if (q < 0) {
        // No complete header yet. Bound what is kept: the start of the next header is in the last bytes.
        if (this.to - this.from > MAX_PENDING_HEADER) this.discard(this.to - this.from - HEADER_WINDOW, 'bytes where a header should be');
        return;
      }
      const parsed = contentLength(this.buffer.toString('latin1', this.from, q));
      if (typeof parsed === 'number') {
        this.from = q + 4;
        this.body = { length: parsed, at: this.from, scanned: this.from };
        continue;
      }
      // Not a valid header: resynchronise on the first valid header block after its start.
      let next: number | undefined;
      let last = q;
      for (let e = q; e >= 0; e = view().indexOf(CRLFCRLF, e + 1)) {
        last = e;
        next = this.headerEndingAt(e + 4, this.from + 1);
        if (next !== undefined) break;
      }
      // None yet: drop up to the last empty line (no valid header ends there), keep the rest.
      this.discard((next ?? last + 4) - this.from, parsed);
    }
  }
}
