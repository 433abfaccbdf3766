import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { formatForFile, lintFile, lintFileAsync, parseDocument, type Format } from '../../server/src/checker';
import { parseDocumentSteps } from '../../server/src/checker/model';
import { markdownTokenSteps } from '../../server/src/checker/model/markdown';
import { driveSteps, runSteps } from '../../server/src/checker/steps';
import { manuscriptFilesUnder } from '../helpers/fixtures';
import { generated } from '../helpers/generated';

/**
 * The parse in steps (issue 14: a long parse must not keep the server from answering other
 * documents): parseDocumentSteps yields between blocks and paragraphs, the language server
 * drives it with pauses, parseDocument runs it to the end. The model must be the same either
 * way; a pause that throws stops it between two steps.
 */

const ROOT = resolve(__dirname, '..', '..');
const CORPUS = [join(ROOT, '..', 'shared'), join(ROOT, '..', '..', 'shared'), '/work/shared']
  .map((d) => join(d, 'corpus', 'case-reports'))
  .find(existsSync);

/** The model when driven with a pause at every step (sliceMs 0), and the number of pauses. */
async function stepped(text: string, format: Format): Promise<{ model: ReturnType<typeof parseDocument>; pauses: number }> {
  let pauses = 0;
  const model = await driveSteps(parseDocumentSteps(text, format), async () => void pauses++, 0);
  return { model, pauses };
}

async function assertSameModel(text: string, format: Format, name: string): Promise<void> {
  const { model } = await stepped(text, format);
  assert.deepStrictEqual(model, parseDocument(text, format), `${name}: the stepped parse gives another model`);
}

const fixtureFiles = () => manuscriptFilesUnder(join(ROOT, 'test', 'fixtures'), join(ROOT, 'examples'));

describe('the parse in steps (steps.ts)', function () {
  this.timeout(120000);

  it('gives the same model as parseDocument on every fixture and example', async () => {
    const files = fixtureFiles();
    assert.ok(files.length > 50, `fixtures found: ${files.length}`);
    for (const file of files) {
      const bytes = readFileSync(file);
      if (bytes[0] === 0xff || bytes[0] === 0xfe || bytes.includes(0)) continue;
      await assertSameModel(bytes.toString('utf8'), formatForFile(file), file.slice(ROOT.length + 1));
    }
  });

  it('gives the same model as parseDocument over the corpus of case reports', async () => {
    assert.ok(CORPUS, 'the corpus (shared/corpus/case-reports next to the repository, or /work/shared) is needed');
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
    assert.ok(files.length > 5);
    for (const f of files) await assertSameModel(readFileSync(join(CORPUS, f), 'utf8'), 'markdown', f);
  });

  it('gives the same model as parseDocument on 150 generated documents of each format', async () => {
    for (const format of ['markdown', 'latex', 'text'] as const) {
      for (let d = 0; d < 150; d++) {
        const text = generated(format, 7919 * (d + 1), 5 + (d % 60));
        await assertSameModel(text, format, `generated ${format} document ${d}:\n${text}`);
      }
    }
  });

  it('the stepped block parse gives markdown-it’s own tokens', () => {
    const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
    md.core.ruler.disable(['text_join', 'normalize', 'inline']);
    for (let d = 0; d < 100; d++) {
      const text = generated('markdown', 104729 * (d + 1), 10 + d).replace(/\r\n/g, '\n');
      const envA = {};
      const envB = {};
      assert.deepStrictEqual(runSteps(markdownTokenSteps(text, envA)), md.parse(text, envB), `document ${d}`);
      assert.deepStrictEqual(envA, envB);
    }
  });

  it('yields throughout a long parse (a step per block or paragraph), in every format', async () => {
    for (const format of ['markdown', 'latex', 'text'] as const) {
      const text = generated(format, 31337, 20000);
      const { pauses } = await stepped(text, format);
      // About one step per block or paragraph (plain text: per 256 lines).
      assert.ok(pauses > 100, `${format}: only ${pauses} steps in a parse of ${text.length} characters`);
    }
  });

  it('a pause that throws stops the parse between two steps, and the check with it', async () => {
    const text = generated('markdown', 99991, 5000);
    let pauses = 0;
    const stop = new Error('the check is no longer wanted');
    await assert.rejects(
      driveSteps(parseDocumentSteps(text, 'markdown'), async () => {
        if (++pauses === 10) throw stop;
      }, 0),
      (e) => e === stop,
    );
    assert.equal(pauses, 10, 'no step ran after the pause that threw');
    // The same through lintFileAsync: a long parse pauses inside itself (after each slice of
    // time), so the check stops there, and no rule runs.
    const long = generated('markdown', 99991, 40000);
    let calls = 0;
    let ran = false;
    await assert.rejects(
      lintFileAsync(long, {
        format: 'markdown',
        force: true,
        rules: [{ id: 'never', description: 'must not run', defaultSeverity: 'warning', check: () => void (ran = true) }],
        pause: async () => {
          // The first pause is before the parse; the second is inside it.
          if (++calls === 2) throw stop;
        },
      }),
      (e) => e === stop,
    );
    assert.equal(ran, false, 'a rule ran after the check was cancelled');
  });

  it('a driven check (parse and rules in steps) gives lintFile’s findings', async () => {
    for (const format of ['markdown', 'latex', 'text'] as const) {
      for (let d = 0; d < 10; d++) {
        const text = generated(format, 4099 * (d + 1), 200);
        const options = { format, force: true };
        const once = lintFile(text, options).result!.findings;
        const driven = (await lintFileAsync(text, { ...options, pause: async () => undefined })).result!.findings;
        assert.deepStrictEqual(driven, once, `${format} document ${d}`);
      }
    }
  });
});
