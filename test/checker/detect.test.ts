import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, formatForFile, parseDocument, PROFILES } from '../../server/src/checker';
import { isCaseReportType, isManuscript, matchGlobs, toGlobPath } from '../../server/src/checker/analysis/detect';

const dir = join(__dirname, '..', 'fixtures', 'detect');
function detectFile(name: string, opts: Parameters<typeof isManuscript>[1] = {}) {
  const text = readFileSync(join(dir, name), 'utf8');
  return isManuscript(parseDocument(text, formatForFile(name)), { path: name, ...opts });
}

describe('manuscript detection', () => {
  it('a code README with "increases throughput" is not a manuscript, by its content too', () => {
    const r = detectFile('readme.md', { path: 'docs/fastqueue.md' });
    assert.equal(r.manuscript, false, r.reason);
    assert.match(r.reason, /no case report heading/);
  });
  it('a README, CHANGELOG or CONTRIBUTING is not a manuscript whatever its title says; a files glob or caselint: true still makes one', () => {
    const doc = parseDocument('# Case reports of night cramps\n\n## Case presentation\n\nThe manuscripts of this repository.\n', 'markdown');
    for (const path of ['README.md', 'papers/readme.qmd', 'C:\\ws\\Readme.markdown', 'CHANGELOG.md', 'CONTRIBUTING.md', 'LICENSE.txt', 'README']) {
      const r = isManuscript(doc, { path });
      assert.equal(r.manuscript, false, path);
      assert.match(r.reason, /repository file by its name/);
    }
    assert.equal(isManuscript(doc, { path: 'readme-cramps.md' }).manuscript, true, 'only the name itself counts');
    assert.equal(isManuscript(doc, { path: 'README.md', config: { files: ['README.md'] } }).manuscript, true);
    const optIn = parseDocument('---\ncaselint: true\n---\n# Notes\n', 'markdown');
    assert.equal(isManuscript(optIn, { path: 'README.md' }).manuscript, true);
  });
  it('a case presentation heading makes a manuscript', () => {
    const r = detectFile('heading.md');
    assert.equal(r.manuscript, true);
    assert.match(r.reason, /Case presentation/);
  });
  it('a plain-text title naming a case report makes a manuscript', () => {
    assert.equal(detectFile('title.txt').manuscript, true);
  });
  it('front matter article-type: Case Report makes a manuscript', () => {
    const r = detectFile('front-matter-type.qmd');
    assert.equal(r.manuscript, true);
    assert.match(r.reason, /article-type/);
  });
  it('front matter caselint: false wins over a case heading', () => {
    assert.equal(detectFile('opt-out.md').manuscript, false);
  });
  it('front matter caselint: true wins over looks', () => {
    assert.equal(detectFile('opt-in.md').manuscript, true);
  });
  it('config files globs opt in, relative to configDir', () => {
    const r = detectFile('readme.md', { path: '/ws/papers/readme.md', configDir: '/ws', config: { files: ['papers/**/*.md'] } });
    assert.equal(r.manuscript, true);
    assert.match(r.reason, /papers\/\*\*\/\*\.md/);
    assert.equal(detectFile('readme.md', { path: '/ws/other/readme.md', configDir: '/ws', config: { files: ['papers/**/*.md'] } }).manuscript, false);
  });
  it('config ignore globs opt out, before anything else', () => {
    assert.equal(detectFile('opt-in.md', { path: 'drafts/opt-in.md', config: { ignore: ['drafts/**'] } }).manuscript, false);
    assert.equal(detectFile('heading.md', { path: 'C:\\ws\\old\\heading.md', configDir: 'c:\\ws', config: { ignore: ['old/**'] } }).manuscript, false);
  });
  it('a glob without a slash matches the file name anywhere', () => {
    assert.equal(matchGlobs('a/b/paper.qmd', ['*.qmd']), '*.qmd');
    assert.equal(matchGlobs('./paper.qmd', ['paper.qmd']), 'paper.qmd');
    assert.equal(matchGlobs('a/paper.md', ['*.qmd']), undefined);
  });
  it('normalises paths', () => {
    assert.equal(toGlobPath('/ws/a/b.md', '/ws/'), 'a/b.md');
    assert.equal(toGlobPath('C:\\WS\\a\\b.md', 'c:\\ws'), 'a/b.md');
    assert.equal(toGlobPath('./x.md'), 'x.md');
    assert.equal(toGlobPath('/elsewhere/x.md', '/ws'), 'elsewhere/x.md');
  });
  it('bad globs never throw', () => {
    assert.doesNotThrow(() => matchGlobs('a.md', ['[', '', '**/*.md']));
  });
  it('article types', () => {
    for (const v of ['case-report', 'Case Report', 'case_reports', ['research', 'case report'], 'Clinical Case Report']) {
      assert.equal(isCaseReportType(v), true, String(v));
    }
    for (const v of ['research-article', 'review', 42, undefined, 'showcase reporting']) assert.equal(isCaseReportType(v), false, String(v));
  });
  it('a bare "History" heading or a "Use cases" heading does not count', () => {
    const doc = parseDocument('# Tool\n\n## History\n\nOld.\n\n## Use cases\n\nMany.\n', 'markdown');
    assert.equal(isManuscript(doc).manuscript, false);
  });
  it('"Case 1" and config extra case headings count', () => {
    assert.equal(isManuscript(parseDocument('# X\n\n## Case 1\n\nA man.\n', 'markdown')).manuscript, true);
    const doc = parseDocument('# X\n\n## Patient story\n\nA man.\n', 'markdown');
    assert.equal(isManuscript(doc).manuscript, false);
    assert.equal(isManuscript(doc, { config: { headings: { case: ['Patient story'] } } }).manuscript, true);
  });
  it('the care profile case headings count', () => {
    const doc = parseDocument('# X\n\n## Case description\n\nA man.\n', 'markdown');
    assert.equal(isManuscript(doc, { profile: PROFILES.care }).manuscript, true);
  });
  it('titles: "A case of" and "case report" in front matter or the first heading', () => {
    assert.equal(isManuscript(parseDocument('---\ntitle: A rare case of Wilson disease\n---\n\nText.\n', 'markdown')).manuscript, true);
    assert.equal(isManuscript(parseDocument('# Pembrolizumab myositis: case report\n\nText.\n', 'markdown')).manuscript, true);
    assert.equal(isManuscript(parseDocument('# In any case, use the cache\n\nText.\n', 'markdown')).manuscript, false);
  });
  it('malformed front matter does not crash detection', () => {
    const doc = parseDocument('---\ncaselint: [\n---\n\n# Case report\n', 'markdown');
    assert.equal(isManuscript(doc).manuscript, true);
  });
  it('empty document', () => {
    assert.equal(isManuscript(parseDocument('', 'markdown')).manuscript, false);
    assert.equal(isManuscript(check('', {}).model, { path: '' }).manuscript, false);
  });
});
