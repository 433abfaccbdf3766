/**
 * Manuscript bytes into text, as writers really save them: UTF-8 (with or without a byte-order
 * mark), UTF-16 and UTF-32 with a byte-order mark (Word's and Notepad's "Unicode text"),
 * UTF-16 without one, and Windows-1252 (Latin-1) for text that is not valid UTF-8. Pure (no
 * file access): the CLI reads the bytes, the language server gets text from the editor; both
 * apply the same size limit to the same measure (`manuscriptSize`).
 *
 * Offsets are those of the decoded text, without the byte-order mark (editors do not count it).
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'windows-1252';

export type DecodeResult =
  | { kind: 'text'; text: string; encoding: TextEncodingName; bom: boolean }
  /** Not text: `why` completes "… is a binary file (why), not a manuscript". */
  | { kind: 'binary'; why: string };

/**
 * The largest manuscript checked: 10 MiB, counted as the size of its text in UTF-8 (the file's
 * size for a UTF-8 file; what the text would take saved as UTF-8 for any other encoding, or
 * typed in an editor). The CLI and the language server both measure it with `manuscriptSize`.
 */
export const MAX_MANUSCRIPT_SIZE = 10 * 1024 * 1024;

/** At most this many bytes are read for one manuscript: 4 per character (UTF-32) and a byte-order mark. */
export const MAX_MANUSCRIPT_BYTES = 4 * MAX_MANUSCRIPT_SIZE + 4;

/** The size of a text in UTF-8 bytes (a lone surrogate counts 3, as U+FFFD would). */
export function manuscriptSize(text: string): number {
  let size = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) size += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      size += 2; // a pair: 2 code units, 4 bytes
      i++;
    } else size += 2;
  }
  return size;
}

/** Whether a text is over the limit: its UTF-8 size, computed only when its length leaves a doubt. */
export function isTooLarge(text: string): boolean {
  if (text.length > MAX_MANUSCRIPT_SIZE) return true;
  if (text.length * 3 <= MAX_MANUSCRIPT_SIZE) return false;
  return manuscriptSize(text) > MAX_MANUSCRIPT_SIZE;
}

/** The byte-order mark at the start of bytes, if any (UTF-32 LE is tested before UTF-16 LE, whose mark it starts with). */
export function byteOrderMark(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  // (FF FE 00 00 could start UTF-16 LE text whose first character is NUL: no text does.)
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * The UTF-8 size of the text these bytes will decode to is at least this (for the limit, before
 * decoding): the byte count for UTF-8 and Windows-1252, a half or a quarter of it for UTF-16 and
 * UTF-32.
 */
export function minimumTextSize(bytes: Uint8Array, byteCount = bytes.length): number {
  const bom = byteOrderMark(bytes);
  const rest = byteCount - (bom?.length ?? 0);
  if (!bom || bom.encoding === 'utf-8') return rest;
  return Math.floor(rest / (bom.encoding.startsWith('utf-32') ? 4 : 2));
}

/** Windows-1252 bytes 0x80–0x9F (WHATWG's index; the five unassigned ones stay C1 controls); others are Latin-1. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Windows-1252 by hand: one character per byte. (Node 20's TextDecoder reads "windows-1252" as
 * ISO-8859-1, which turns "–" and "’" into control characters.)
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    const codes = new Array<number>(end - i);
    for (let k = i; k < end; k++) {
      const b = bytes[k];
      codes[k - i] = b >= 0x80 && b < 0xa0 ? WINDOWS_1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode.apply(null, codes));
  }
  return parts.join('');
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  if (littleEndian) return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes);
  // Big-endian by swapping into little-endian (every Node build's TextDecoder has utf-16le).
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1];
    swapped[i + 1] = bytes[i];
  }
  if (bytes.length % 2) swapped[bytes.length - 1] = bytes[bytes.length - 1];
  return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(swapped);
}

/** UTF-32 by hand (TextDecoder has no UTF-32): code points above U+10FFFF, surrogates and a cut last unit become U+FFFD. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const parts: string[] = [];
  let codes: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    let cp: number;
    if (i + 3 >= bytes.length) cp = 0xfffd;
    else {
      cp = littleEndian
        ? (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0
        : ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
    }
    if (cp > 0xffff) codes.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else codes.push(cp);
    if (codes.length >= 8192) {
      parts.push(String.fromCharCode.apply(null, codes));
      codes = [];
    }
  }
  parts.push(String.fromCharCode.apply(null, codes));
  return parts.join('');
}

/** Control characters that do not occur in text: C0 but tab, line feed, form feed and carriage return. */
const NOT_TEXT_RE = /[\u0000-\u0008\u000b\u000e-\u001f]/;

/**
 * UTF-16 without a byte-order mark: ASCII-heavy text whose every other byte is NUL, on one side
 * only, and which decodes to text without control characters. Undefined when it is not that.
 */
function bomlessUtf16(bytes: Uint8Array): { text: string; encoding: TextEncodingName } | undefined {
  if (bytes.length < 4 || bytes.length % 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = bytes.length / 2;
  const littleEndian = oddNul > 0 && evenNul === 0;
  const bigEndian = evenNul > 0 && oddNul === 0;
  if (!(littleEndian || bigEndian) || Math.max(evenNul, oddNul) < pairs / 2) return undefined;
  const text = decodeUtf16(bytes, littleEndian);
  if (NOT_TEXT_RE.test(text) || text.includes('\ufffd')) return undefined;
  return { text, encoding: littleEndian ? 'utf-16le' : 'utf-16be' };
}

/**
 * Decodes a manuscript's bytes. With a byte-order mark: its encoding (the mark is dropped). Else
 * valid UTF-8 is UTF-8; NUL bytes mean binary, unless the bytes are UTF-16 without a mark; any
 * other text that is not valid UTF-8 is read as Windows-1252 (the `encoding` rule reports it).
 */
export function decodeManuscript(bytes: Uint8Array): DecodeResult {
  const bom = byteOrderMark(bytes);
  if (bom && bom.encoding !== 'utf-8') {
    const body = bytes.subarray(bom.length);
    const text = bom.encoding.startsWith('utf-16') ? decodeUtf16(body, bom.encoding === 'utf-16le') : decodeUtf32(body, bom.encoding === 'utf-32le');
    if (text.includes('\u0000')) return { kind: 'binary', why: `NUL characters after a ${bom.encoding.toUpperCase()} byte-order mark` };
    return { kind: 'text', text, encoding: bom.encoding, bom: true };
  }
  const body = bom ? bytes.subarray(bom.length) : bytes;
  if (body.includes(0)) {
    const utf16 = bomlessUtf16(body);
    if (utf16 && !bom) return { kind: 'text', ...utf16, bom: false };
    return { kind: 'binary', why: 'NUL bytes, and no UTF-16 or UTF-32 byte-order mark' };
  }
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8', bom: !!bom };
  } catch {
    return { kind: 'text', text: decodeWindows1252(body), encoding: 'windows-1252', bom: false };
  }
}
