import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seededRandom } from '../../bench/random';
import { formatForFile, parseDocument, type DocumentModel, type Format } from '../../server/src/checker';
import MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { markdownChunkLines } from '../../server/src/checker/model/markdown';
import { computeLineStarts, editedVersion, lineStartsAfterEdit, textEdit } from '../../server/src/checker/model/text';
import { GenerationalMemo } from '../../server/src/checker/model/memo';
import { manuscriptFilesUnder } from '../helpers/fixtures';
import { generated } from '../helpers/generated';

/**
 * The Markdown parse in chunks (model/markdown.ts, markdownChunkSteps: what the incremental
 * checker's parse does) gives exactly the model of the whole-text parse: headings, paragraphs with
 * their plain text and source segments, sentences, citations, tables, code blocks, comments, every
 * offset. On every fixture and example, the corpus, generated documents and documents made of the
 * constructs that cross blank lines (fences, HTML blocks, lists, indented code, reference definitions,
 * deep nesting), each also after edits with the same memo (chunks found in it, shifted into place).
 */
const ROOT = resolve(__dirname, '..', '..');
const CORPUS = [join(ROOT, '..', 'shared'), join(ROOT, '..', '..', 'shared'), '/work/shared']
  .map((d) => join(d, 'corpus', 'case-reports'))
  .find(existsSync);

const withoutMemo = (m: DocumentModel) => {
  const { memo: _, ...rest } = m;
  return rest;
};

/** The chunked parse (through `memo`) against a whole-text parse of the same text. */
export function assertChunkedParse(text: string, format: Format, memo: GenerationalMemo, name: string): void {
  const chunked = parseDocument(text, format, { memo });
  memo.next();
  const whole = parseDocument(text, format);
  assert.deepStrictEqual(withoutMemo(chunked), whole, `${name}: the chunked parse gives another model`);
}

/** Lines that make markdown-it's blocks cross a blank line, or not, in every way we know of. */
const TRICKY = [
  '', '', '', '   ', '\t', 'A paragraph with a citation [1].', 'Another line. It is known that X.', '# Heading', 'Setext', '===', '---', '***', '* * *',
  '```', '```r', '~~~', '````', '  ```', '    indented code', '\tcode after a tab', '- item', '-', '* item', '+ item', '1. item', '2) item', '10. item', '  - nested item',
  '  continued item', '   three spaces', '> quote', '>', '> ```', '<script>', '</script>', '<!-- comment', 'end -->', '<!-- one line -->', '<?php', '?>', '<!DOCTYPE x', '>',
  '<![CDATA[', ']]>', '<div>', '</div>', '<custom-tag attr="1">', '<pre>', '</pre>', '[ref]: https://example.org "Title"', '[ref]: https://other.org', '[Ref]:', '  https://x.org',
  'See [the guideline][ref] and [ref].', '[^1]: A footnote.', 'Text[^1].', '| a | b |', '|---|---|', '| 1 | 2 |', 'Table 1. Results', '$$', 'x = 1', ':::', '::: {.callout-note}',
  '## Discussion', '# References', '1. Lee A. A paper. 2020.', 'Smith et al. 2019 showed it.', 'lazy continuation', '<br>', '\\', '`code', 'span`',
];

function trickyDocument(random: () => number, lines: number): string {
  const out: string[] = [];
  if (random() < 0.15) out.push('---', 'title: A case', 'abstract: |', '  A man.', '---');
  for (let k = 0; k < lines; k++) {
    const r = random();
    if (r < 0.01) out.push('>'.repeat(90 + Math.floor(random() * 30)) + ' deep');
    else if (r < 0.02) for (let d = 0; d < 40; d++) out.push(' '.repeat(2 * d) + '- deep');
    else out.push(TRICKY[Math.floor(random() * TRICKY.length)]);
  }
  return out.join(random() < 0.15 ? '\r\n' : '\n') + (random() < 0.8 ? '\n' : '');
}

/** An edit: a line (or a few) inserted, deleted or replaced, or characters typed or deleted. */
function edit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const r = random();
  if (r < 0.35) return text.slice(0, at) + TRICKY[Math.floor(random() * TRICKY.length)] + '\n' + text.slice(at);
  if (r < 0.55) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 40)));
  if (r < 0.7) return text.slice(0, at) + '\n' + text.slice(at);
  if (r < 0.85) return text.slice(0, at) + ['`', '-', ' ', '<', '>', '[', ']', ':', '#', '1.', '\n\n'][Math.floor(random() * 11)] + text.slice(at);
  const from = Math.floor(random() * text.length);
  return text.slice(0, at) + text.slice(from, from + Math.floor(random() * 300)) + text.slice(at);
}

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
md.core.ruler.disable(['text_join', 'normalize', 'inline']);

/** Each chunk tokenized alone, its line maps shifted into place: markdown-it's tokens of the whole text, and its reference definitions. */
function assertChunkTokens(text: string, name: string): number {
  const src = text.replace(/\r\n?/g, '\n');
  const lines = markdownChunkLines(src);
  const starts = [0];
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) starts.push(i + 1);
  const tokens: Token[] = [];
  const references: Record<string, unknown> = {};
  for (const [k, a] of lines.entries()) {
    const b = k + 1 < lines.length ? lines[k + 1] : starts.length;
    const env: StateCore['env'] = {};
    for (const t of md.parse(src.slice(starts[a], b < starts.length ? starts[b] : src.length), env)) {
      if (t.map) t.map = [t.map[0] + a, t.map[1] + a];
      tokens.push(t);
    }
    for (const [label, ref] of Object.entries(env.references ?? {})) if (!(label in references)) references[label] = ref;
  }
  const env: StateCore['env'] = {};
  assert.deepStrictEqual(tokens, md.parse(src, env), `${name}: chunks at lines ${lines.join(', ')}`);
  assert.deepStrictEqual(references, env.references ?? {}, `${name}: reference definitions`);
  return lines.length;
}

describe('the Markdown parse in chunks (model/markdown.ts)', function () {
  this.timeout(120_000);

  it('cuts where each chunk alone gives markdown-it’s tokens of the whole text (and its reference definitions)', () => {
    const random = seededRandom(99);
    let chunks = 0;
    for (let d = 0; d < 300; d++) {
      const text = d % 3 ? trickyDocument(random, 5 + Math.floor(random() * 150)) : generated('markdown', 313 * (d + 1), 20 + (d % 100));
      chunks += assertChunkTokens(text, `document ${d}:\n${JSON.stringify(text)}`);
    }
    assert.ok(chunks > 500, `only ${chunks} chunks`);
    if (CORPUS) for (const f of readdirSync(CORPUS).filter((x) => x.endsWith('.md'))) assert.ok(assertChunkTokens(readFileSync(join(CORPUS, f), 'utf8'), f) > 5);
  });

  it('gives the whole parse’s model on every fixture and example, and after edits of each', () => {
    const files = manuscriptFilesUnder(join(ROOT, 'test', 'fixtures'), join(ROOT, 'examples')).filter((f) => formatForFile(f) === 'markdown');
    assert.ok(files.length > 30, `Markdown fixtures found: ${files.length}`);
    const random = seededRandom(4242);
    for (const file of files) {
      const bytes = readFileSync(file);
      if (bytes[0] === 0xff || bytes[0] === 0xfe || bytes.includes(0)) continue;
      const memo = new GenerationalMemo();
      let text = bytes.toString('utf8');
      const name = file.slice(ROOT.length + 1);
      assertChunkedParse(text, 'markdown', memo, name);
      for (let e = 0; e < 3; e++) {
        text = edit(text, random);
        assertChunkedParse(text, 'markdown', memo, `${name} after edit ${e}`);
      }
    }
  });

  it('gives the whole parse’s model over the corpus of case reports, one document and all of them in one', () => {
    assert.ok(CORPUS, 'the corpus (shared/corpus/case-reports next to the repository, or /work/shared) is needed');
    const texts = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(join(CORPUS, f), 'utf8'));
    assert.ok(texts.length > 5);
    const memo = new GenerationalMemo();
    for (const [k, text] of texts.entries()) assertChunkedParse(text, 'markdown', memo, `corpus document ${k}`);
    assertChunkedParse(texts.join('\n\n'), 'markdown', memo, 'the corpus in one document');
  });

  it('gives the whole parse’s model on generated documents and on documents of tricky constructs, edit after edit', () => {
    const random = seededRandom(1717);
    for (let d = 0; d < 80; d++) {
      const memo = new GenerationalMemo();
      let text = d % 2 ? generated('markdown', 7717 * (d + 1), 20 + (d % 80)) : trickyDocument(random, 10 + Math.floor(random() * 120));
      for (let e = 0; e < 10; e++) {
        assertChunkedParse(text, 'markdown', memo, `document ${d}, edit ${e}:\n${JSON.stringify(text)}`);
        text = edit(text, random);
      }
    }
  });

  it('re-parses after small edits of line ends, front matter and Pandoc lines as the whole parse does', () => {
    // The re-parse keeps the last parse's chunks before an edit and takes them, shifted, after it:
    // an edit that changes the source but not the parse text (a \r\n for a \n, a blanked line)
    // or the parse text but not the line starts must still re-chunk what it touched.
    const random = seededRandom(2718);
    const LINES = [...TRICKY, '::: {.callout-tip}', '## Tip title', '{{< include _x.qmd >}}', 'See {{< var dose >}} and `r 1+1` here.', '$$ x $$', 'title: A case'];
    const small = ['\r', '\n', '\r\n', ' ', 'a', ':', '-', '{', '<', '$', '`', '#', '\0'];
    for (let d = 0; d < 60; d++) {
      const memo = new GenerationalMemo();
      const lines = Array.from({ length: 20 + Math.floor(random() * 60) }, () => LINES[Math.floor(random() * LINES.length)]);
      if (d % 3 === 0) lines.unshift('---', 'title: A case', 'abstract: A man.', '---');
      let text = lines.join(d % 2 ? '\r\n' : '\n');
      for (let e = 0; e < 25; e++) {
        assertChunkedParse(text, 'markdown', memo, `document ${d}, edit ${e}:\n${JSON.stringify(text)}`);
        const at = Math.floor(random() * (text.length + 1));
        const r = random();
        if (r < 0.45) text = text.slice(0, at) + small[Math.floor(random() * small.length)] + text.slice(at);
        else if (r < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
        else text = text.slice(0, at) + small[Math.floor(random() * small.length)] + text.slice(at + 1);
      }
    }
  });

  it('re-parses little of a long document after a one-character edit', () => {
    assert.ok(CORPUS, 'the corpus is needed');
    const texts = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(join(CORPUS, f), 'utf8'));
    let text = texts.join('\n\n');
    const memo = new GenerationalMemo();
    parseDocument(text, 'markdown', { memo });
    memo.next();
    const random = seededRandom(31);
    for (let e = 0; e < 30; e++) {
      // A letter typed in a word (a digit might renumber the reference list, which changes how
      // every paragraph's digits read: model/citations.ts, referenceCount).
      let at = Math.floor(random() * text.length);
      while (!/[a-z]{2}/.test(text.slice(at - 1, at + 1))) at = (at + 1) % text.length;
      text = text.slice(0, at) + 'a' + text.slice(at);
      const misses = memo.misses;
      // (Compared with the whole parse now and then: a parse of the whole corpus takes a while.)
      if (e % 6 === 5) assertChunkedParse(text, 'markdown', memo, `edit ${e}`);
      else {
        parseDocument(text, 'markdown', { memo });
        memo.next();
      }
      // A chunk, its blocks' inline parse and its paragraphs' sentences: not the document's.
      assert.ok(memo.misses - misses < 60, `edit ${e} at ${at}: ${memo.misses - misses} computed`);
    }
  });

  it('re-parses as the whole parse does when the reference list grows or shrinks (digits that may be markers)', () => {
    const random = seededRandom(404);
    const body = ['Cramps become common after age 70.2 Then they fade.', 'His score fell to 7.3 and rose to 12.5 Later.', 'Seen on MRI.4,5 The scan was clear.', 'A plain sentence.'];
    for (let d = 0; d < 20; d++) {
      const memo = new GenerationalMemo();
      let entries = 1 + Math.floor(random() * 8);
      for (let e = 0; e < 12; e++) {
        const list = Array.from({ length: entries }, (_, k) => `${k + 1}. Author ${k}. A paper. J Test. 20${10 + k}.`).join('\n');
        const text = `# A case\n\n## Discussion\n\n${body.join('\n\n')}\n\n## References\n\n${list}\n`;
        assertChunkedParse(text, 'markdown', memo, `document ${d}, ${entries} entries`);
        entries = Math.max(0, entries + Math.floor(random() * 5) - 2);
      }
    }
  });

  it('knows which strings an edited text lacks (editedVersion) as a search of the whole text would', () => {
    const random = seededRandom(77);
    const pieces = ['a', ':', '::', '\r', '\n', '{{', '<', '$', '`', 'r ', ' '];
    const needles = [':::', '{{<', '$$', '\r', '\0', '`r ', '`{'];
    const some = (n: number) => Array.from({ length: n }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    for (let t = 0; t < 400; t++) {
      let text = some(Math.floor(random() * 80));
      let holds = new Map<string, boolean>();
      let version = editedVersion(text, undefined, undefined, holds);
      for (let e = 0; e < 10; e++) {
        for (const n of needles) if (random() < 0.7) assert.equal(version.mayInclude(n), text.includes(n), JSON.stringify([text, n]));
        const before = text;
        const at = Math.floor(random() * (text.length + 1));
        text = text.slice(0, at) + some(Math.floor(random() * 3)) + text.slice(at + Math.floor(random() * 3));
        const held = holds;
        holds = new Map();
        version = editedVersion(text, textEdit(before, text), held, holds);
      }
    }
  });

  it('line starts after an edit (lineStartsAfterEdit) are computeLineStarts’ of the new text', () => {
    const random = seededRandom(5);
    const pieces = ['a', 'b', '\n', '\n', ' ', 'xyz\n', '\r', '\r\n'];
    const some = (n: number) => Array.from({ length: n }, () => pieces[Math.floor(random() * (pieces.length - (random() < 0.9 ? 1 : 0)))]).join('');
    for (let t = 0; t < 5000; t++) {
      const before = some(Math.floor(random() * (t % 10 === 0 ? 3000 : 60)));
      const at = Math.floor(random() * (before.length + 1));
      const text = before.slice(0, at) + some(Math.floor(random() * 4)) + before.slice(at + Math.floor(random() * 5));
      assert.deepStrictEqual(lineStartsAfterEdit(before, computeLineStarts(before), text), computeLineStarts(text), JSON.stringify([before, text]));
    }
  });
});
