import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import MarkdownIt from 'markdown-it';

const ROOT = join(__dirname, '../..');
const SAMPLE = [
  '# Case report', '', 'A **65-year-old** man [1] with `code` and <span>html</span>.', '',
  '| Nerve | Latency |', '|---|---:|', '| Median | 4.2 |', '', '- item one', '  - nested', '', '> quoted', '',
  '```text', 'fenced', '```', '', 'Seen before [2, 3] and [a [nested] *label*](https://example.org) [[4]] [5', '',
  '[1]: https://example.org "Title"', '',
].join('\n');

describe('bundle plugins (scripts/esbuild-plugins.mjs)', () => {
  it("markdown-it's class fields become assignments, its skipped tokens are kept in a Map, and its parse is the same", async function () {
    this.timeout(60_000);
    const { markdownItFields } = (await import(join(ROOT, 'scripts/esbuild-plugins.mjs'))) as { markdownItFields: import('esbuild').Plugin };
    const dir = mkdtempSync(join(tmpdir(), 'caselint-plugin-'));
    const entry = join(dir, 'entry.js');
    writeFileSync(entry, "module.exports = require('markdown-it');\n");
    const out = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', write: false, nodePaths: [join(ROOT, 'node_modules')], plugins: [markdownItFields], logLevel: 'silent' });
    const code = out.outputFiles[0].text;
    // A Token's fields (made for every token of every parse) and the parser states'.
    for (const field of ['type', 'map', 'nesting', 'children', 'content', 'markup', 'hidden', 'bMarks', 'tokens', 'pending']) {
      assert.ok(!new RegExp(String.raw`_defineProperty\(\s*this,\s*(?:/\*[\s\S]*?\*/\s*)?"${field}"`).test(code), `${field} is not set through the helper`);
      assert.match(code, new RegExp(String.raw`\bthis\.${field} = `), `${field} is an assignment`);
    }
    // The skipped tokens' ends (inside link labels) kept in a Map, not in an object keyed by position.
    assert.match(code, /this\.cache = (?:\/\*.*?\*\/ )?new Map\(\)/, 'the inline state keeps a Map');
    assert.ok(!/cache\[pos\]/.test(code), 'skipToken reads and writes the Map');
    const file = join(dir, 'bundle.js');
    writeFileSync(file, code);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Bundled = require(file) as typeof MarkdownIt;
    const plain = (md: InstanceType<typeof MarkdownIt>) => JSON.parse(JSON.stringify(md.parse(SAMPLE, {})));
    assert.deepEqual(plain(new Bundled()), plain(new MarkdownIt()));
  });
});
