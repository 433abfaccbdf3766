import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { seededRandom } from '../../bench/random';
import { formatForFile } from '../../server/src/checker';
import { blockState, inlineTokens } from '../../server/src/checker/model/markdown';
import { manuscriptFilesUnder } from '../helpers/fixtures';

const ROOT = resolve(__dirname, '..', '..');
const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
md.core.ruler.disable('text_join');

/** The line tables markdown-it's block state has for a text. */
function tables(state: ReturnType<typeof blockState>) {
  const { src, bMarks, eMarks, tShift, sCount, bsCount, lineMax, line, blkIndent, level, parentType } = state;
  return { src, bMarks, eMarks, tShift, sCount, bsCount, lineMax, line, blkIndent, level, parentType };
}

function assertSameLines(src: string, what: string): void {
  const tokens: Token[] = [];
  assert.deepEqual(tables(blockState(src, {}, tokens)), tables(new md.block.State(src, md, {}, tokens)), what);
}

/**
 * model/markdown.ts blockState: markdown-it's block state with its line tables found line by line
 * (indexOf for each line end) instead of by markdown-it's loop over every character: the same
 * tables, on tabs, trailing spaces, blank lines, a text without a last line end and markdown-it's
 * quirk (a last line of only spaces and tabs, without a line end, is no line).
 */
describe('the Markdown block state of a text (model/markdown.ts blockState)', () => {
  it('has markdown-it’s line tables on edge cases', () => {
    for (const src of ['a', '\n', '\n\n', ' ', '\t', '  \n', 'a\n  ', 'a\n\t', 'a\n  b', ' \t a\n\t\tb\n', '\t \tx', 'x\n\n\n  \n\t\n', '   ', 'a \n b \n', '\r\na\r\n', '> q\n>\tq\n- a\n\t- b\n']) {
      assertSameLines(src, JSON.stringify(src));
    }
  });

  it('has markdown-it’s line tables on random texts of spaces, tabs, line ends and letters', () => {
    const random = seededRandom(7);
    const alphabet = [' ', ' ', '\t', '\n', '\n', 'a', '>', '-', '1.', '\r'];
    for (let d = 0; d < 2000; d++) {
      let src = '';
      const n = 1 + Math.floor(random() * 40);
      for (let i = 0; i < n; i++) src += alphabet[Math.floor(random() * alphabet.length)];
      assertSameLines(src, JSON.stringify(src));
    }
  });

  it('has markdown-it’s line tables on every Markdown fixture and example', () => {
    const files = manuscriptFilesUnder(join(ROOT, 'test', 'fixtures'), join(ROOT, 'examples')).filter((f) => formatForFile(f) === 'markdown');
    assert.ok(files.length > 30, `Markdown fixtures found: ${files.length}`);
    for (const file of files) assertSameLines(readFileSync(file, 'utf8'), file.slice(ROOT.length + 1));
  });
});

/**
 * model/markdown.ts's inline 'text' rule (a run found by a sticky pattern instead of markdown-it's
 * loop over its characters): the same inline tokens as markdown-it's own rule.
 */
describe('the Markdown inline parse (model/markdown.ts, its text rule)', () => {
  const stock = (content: string) => {
    const out: Token[] = [];
    md.inline.parse(content, md, {}, out);
    return out;
  };
  it('gives markdown-it’s inline tokens on random texts of markup characters and letters', () => {
    const random = seededRandom(11);
    const alphabet = [...'\n!#$%&*+-:<=>@[\\]^_`{}~()"\'.,; \t', 'a', 'b', 'é', 'μ', 'http://x.y', '&amp;', '<b>', '</b>', '[x](y)', '**', '``'];
    for (let d = 0; d < 3000; d++) {
      let content = '';
      const n = 1 + Math.floor(random() * 30);
      for (let i = 0; i < n; i++) content += alphabet[Math.floor(random() * alphabet.length)];
      assert.deepEqual(inlineTokens(content), stock(content), JSON.stringify(content));
    }
  });

  it('gives markdown-it’s inline tokens on every paragraph of the Markdown fixtures and examples', () => {
    const files = manuscriptFilesUnder(join(ROOT, 'test', 'fixtures'), join(ROOT, 'examples')).filter((f) => formatForFile(f) === 'markdown');
    let paragraphs = 0;
    for (const file of files) {
      for (const token of md.parse(readFileSync(file, 'utf8'), {})) {
        if (token.type !== 'inline') continue;
        paragraphs++;
        assert.deepEqual(inlineTokens(token.content), stock(token.content), `${file.slice(ROOT.length + 1)}: ${JSON.stringify(token.content.slice(0, 80))}`);
      }
    }
    assert.ok(paragraphs > 300, `paragraphs: ${paragraphs}`);
  });
});
