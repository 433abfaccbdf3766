import { strict as assert } from 'node:assert';
import { check, decodeManuscript, isTooLarge, manuscriptSize, MAX_MANUSCRIPT_SIZE, minimumTextSize, type Rule } from '../../server/src/checker';

/** checker/encoding.ts: bytes into text, and the one size limit (issue 14). */

const TEXT = 'Café owner – weakness [3–5] “quoted” 🙂\r\nline two\n';

function utf32(s: string, littleEndian: boolean): Buffer {
  const cps = [...s].map((c) => c.codePointAt(0)!);
  const b = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (littleEndian ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)));
  return b;
}
function utf16be(s: string): Buffer {
  const b = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
  return b;
}

describe('decodeManuscript (checker/encoding.ts)', () => {
  const cases: [string, Buffer, string, boolean][] = [
    ['UTF-8', Buffer.from(TEXT, 'utf8'), 'utf-8', false],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'utf-8', true],
    ['UTF-16 LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf-16le', true],
    ['UTF-16 BE with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), 'utf-16be', true],
    ['UTF-32 LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(TEXT, true)]), 'utf-32le', true],
    ['UTF-32 BE with a byte-order mark', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32(TEXT, false)]), 'utf-32be', true],
    ['UTF-16 LE without a byte-order mark', Buffer.from(TEXT, 'utf16le'), 'utf-16le', false],
    ['UTF-16 BE without a byte-order mark', utf16be(TEXT), 'utf-16be', false],
  ];
  for (const [name, bytes, encoding, bom] of cases) {
    it(`${name}: the exact text, without the mark`, () => {
      assert.deepEqual(decodeManuscript(bytes), { kind: 'text', text: TEXT, encoding, bom });
    });
  }

  it('text that is not valid UTF-8 is read as Windows-1252, one character per byte ("–", "’", "€" included)', () => {
    const bytes = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x92, 0x20, 0x80, 0x20, 0x5b, 0x33, 0x96, 0x35, 0x5d, 0x81]);
    assert.deepEqual(decodeManuscript(bytes), { kind: 'text', text: 'Café – ’ € [3–5]\u0081', encoding: 'windows-1252', bom: false });
  });

  it('binary: NUL bytes without a byte-order mark, or NUL characters after one', () => {
    assert.deepEqual(decodeManuscript(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])), { kind: 'binary', why: 'NUL bytes, and no UTF-16 or UTF-32 byte-order mark' });
    assert.deepEqual(decodeManuscript(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\u0000b', 'utf16le')])), { kind: 'binary', why: 'NUL characters after a UTF-16LE byte-order mark' });
    // NULs on both sides of the pairs: not UTF-16.
    assert.equal(decodeManuscript(Buffer.from([0x41, 0x00, 0x00, 0x42, 0x41, 0x00])).kind, 'binary');
  });

  it('UTF-32 code points beyond U+10FFFF, surrogates and a cut last unit become U+FFFD', () => {
    const b = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32('a', true), Buffer.from([0, 0, 0x11, 0]), Buffer.from([0x00, 0xd8, 0, 0]), Buffer.from([0x62, 0])]);
    assert.deepEqual(decodeManuscript(b), { kind: 'text', text: 'a\ufffd\ufffd\ufffd', encoding: 'utf-32le', bom: true });
  });
});

describe('the size limit (MAX_MANUSCRIPT_SIZE, measured by manuscriptSize: the text in UTF-8)', () => {
  it('counts UTF-8 bytes', () => {
    assert.equal(manuscriptSize('a'), 1);
    assert.equal(manuscriptSize('é'), 2);
    assert.equal(manuscriptSize('–'), 3);
    assert.equal(manuscriptSize('🙂'), 4);
    assert.equal(manuscriptSize(TEXT), Buffer.byteLength(TEXT, 'utf8'));
    assert.equal(manuscriptSize('\ud800x'), 4, 'a lone surrogate counts as U+FFFD');
  });

  it('the same for every host: by the text, not by its length or its bytes on disk', () => {
    assert.equal(isTooLarge('a'.repeat(MAX_MANUSCRIPT_SIZE)), false);
    assert.equal(isTooLarge('a'.repeat(MAX_MANUSCRIPT_SIZE + 1)), true);
    const accents = 'é'.repeat(MAX_MANUSCRIPT_SIZE / 2 + 1);
    assert.equal(isTooLarge(accents), true, 'fewer characters than the limit, more bytes');
    assert.equal(isTooLarge('é'.repeat(MAX_MANUSCRIPT_SIZE / 2)), false);
  });

  it('minimumTextSize: a bound from the bytes before decoding', () => {
    assert.equal(minimumTextSize(Buffer.from('abc')), 3);
    assert.equal(minimumTextSize(Buffer.from([0xef, 0xbb, 0xbf, 0x61])), 1);
    assert.equal(minimumTextSize(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('abcd', 'utf16le')])), 4);
    assert.equal(minimumTextSize(Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32('ab', false)])), 2);
  });
});

describe('findings never vanish (engine)', () => {
  it('a rule with 200,000 findings: every one is kept', () => {
    const many: Rule = {
      id: 'many',
      description: 'Reports every character.',
      defaultSeverity: 'warning',
      check(ctx) {
        for (let i = 0; i < ctx.doc.text.length; i++) ctx.report({ start: i, end: i + 1, message: 'x' });
      },
    };
    const errors: string[] = [];
    const { findings } = check('a'.repeat(200000), { format: 'text', rules: [many], onRuleError: (id, e) => errors.push(`${id}: ${String(e)}`) });
    assert.deepEqual(errors, []);
    assert.equal(findings.length, 200000);
  });

  it('the encoding rule: one finding at the top, only for Windows-1252', () => {
    const text = '# A case report\n\nText.\n';
    assert.deepEqual(
      check(text, { encoding: 'windows-1252' }).findings.filter((f) => f.ruleId === 'encoding').map(({ start, end, message }) => ({ start, end, message })),
      [{ start: 0, end: 15, message: 'Read as Windows-1252: save the file as UTF-8.' }],
    );
    for (const encoding of ['utf-8', 'utf-16le', undefined] as const) {
      assert.deepEqual(check(text, { encoding }).findings.filter((f) => f.ruleId === 'encoding'), []);
    }
  });
});
