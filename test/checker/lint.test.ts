import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, formatForFile, lintFile, UnknownProfileError, type DocumentModel, type Rule } from '../../server/src/checker';

/** lintFile: parse once, detect on the model, check only manuscripts (what the CLI and the server both run). */
const DIR = join(__dirname, '..', 'fixtures', 'detect');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

/** A rule that records the models it was run on. */
function spyRule(seen: DocumentModel[]): Rule {
  return { id: 'spy-test', description: 'test rule', defaultSeverity: 'warning', check: (ctx) => void seen.push(ctx.doc) };
}

describe('lintFile', () => {
  it('checks a case report as check() does, and says why it is one', () => {
    const text = read('heading.md');
    const { manuscript, result } = lintFile(text, { format: 'markdown', path: 'heading.md' });
    assert.equal(manuscript.manuscript, true);
    assert.match(manuscript.reason, /Case presentation/);
    assert.ok(result);
    assert.deepEqual(result.findings, check(text, { format: 'markdown' }).findings);
    assert.equal(result.model.text, text);
    assert.equal(result.profile.id, 'default');
  });

  it('runs no rule on a file that is not a case report', () => {
    const seen: DocumentModel[] = [];
    const { manuscript, result } = lintFile(read('readme.md'), { format: 'markdown', path: 'readme.md', rules: [spyRule(seen)] });
    assert.equal(manuscript.manuscript, false);
    assert.equal(result, undefined);
    assert.deepEqual(seen, []);
  });

  it('runs the rules once, on one model', () => {
    const seen: DocumentModel[] = [];
    const { result } = lintFile(read('heading.md'), { format: 'markdown', rules: [spyRule(seen), { ...spyRule(seen), id: 'spy-test-2' }] });
    assert.equal(seen.length, 2);
    assert.equal(seen[0], seen[1]);
    assert.equal(seen[0], result!.model);
  });

  it('with force, checks any file whatever detection says (and the config "ignore" globs)', () => {
    const seen: DocumentModel[] = [];
    const { manuscript, result } = lintFile(read('readme.md'), {
      format: 'markdown',
      path: '/w/readme.md',
      configDir: '/w',
      config: { ignore: ['readme.md'] },
      force: true,
      rules: [spyRule(seen)],
    });
    assert.deepEqual(manuscript, { manuscript: true, reason: 'checked as a case report on request' });
    assert.ok(result);
    assert.equal(seen.length, 1);
  });

  it('applies the config "files" and "ignore" globs relative to the config folder', () => {
    const readme = read('readme.md');
    const listed = lintFile(readme, { format: 'markdown', path: '/w/papers/readme.md', configDir: '/w', config: { files: ['papers/*.md'] } });
    assert.equal(listed.manuscript.manuscript, true);
    assert.ok(listed.result);
    const ignored = lintFile(read('heading.md'), { format: 'markdown', path: '/w/drafts/heading.md', configDir: '/w', config: { ignore: ['drafts/**'] } });
    assert.equal(ignored.manuscript.manuscript, false);
    assert.match(ignored.manuscript.reason, /drafts\/\*\*/);
    assert.equal(ignored.result, undefined);
  });

  it('reads each format by the parser given', () => {
    for (const name of ['title.txt', 'front-matter-type.qmd']) {
      const { manuscript, result } = lintFile(read(name), { format: formatForFile(name), path: name });
      assert.equal(manuscript.manuscript, true, name);
      assert.equal(result!.model.format, formatForFile(name));
    }
  });

  it('names an unknown profile even when the file is not a case report', () => {
    assert.throws(() => lintFile(read('readme.md'), { format: 'markdown', config: { profile: 'nope' } }), UnknownProfileError);
  });

  it('drops the findings of a rule that throws and reports it', () => {
    const errors: string[] = [];
    const broken: Rule = { id: 'broken-test', description: 'test rule', defaultSeverity: 'warning', check: () => { throw new Error('boom'); } };
    const { result } = lintFile(read('heading.md'), { format: 'markdown', rules: [broken], onRuleError: (id) => errors.push(id) });
    assert.deepEqual(result!.findings, []);
    assert.deepEqual(errors, ['broken-test']);
  });
});
