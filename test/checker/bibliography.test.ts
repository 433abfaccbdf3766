import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bibliographyRequests, check, lintFileAsync, parseBibliography, parseDocument, type Finding } from '../../server/src/checker';
import { bibliographyFiles } from '../../server/src/config/bibliographies';
import { loadConfigFile } from '../../server/src/config/discover';

const citationFindings = (fs: readonly Finding[]) => fs.filter((f) => /^citation-|^reference-entry/.test(f.ruleId)).map((f) => `${f.ruleId}: ${f.message}`);

describe('bibliography files (model/bibliography.ts, analysis/bibliography.ts)', () => {
  it('reads BibTeX with @retorquere/bibtex-parser: keys, first authors, years, DOIs, lines and spans', async () => {
    const text = '% a comment\n@Article{lee2019,\n  author = {Lee, Kim and M{\\"u}ller, Jo},\n  title = {A {MRI} study},\n  year = 2019,\n  doi = {10.1000/x1}\n}\n@book{park2020, editor = {van der Park, A.}, title = {B}, date = {2020-03}}\n';
    const b = await parseBibliography('refs.bib', text);
    assert.equal(b.format, 'bibtex');
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.entries.map((e) => [e.key, e.authors, e.year, e.title, e.doi, e.line]), [
      ['lee2019', ['Lee', 'Müller'], '2019', 'A MRI study', '10.1000/x1', 2],
      ['park2020', ['Park'], '2020', 'B', undefined, 8],
    ]);
    assert.ok(text.slice(b.entries[0].start, b.entries[0].end).startsWith('@Article{lee2019,'));
  });

  it('a malformed BibTeX entry is an error with its line; the entries around it are still read', async () => {
    const text = '@article{a1, title = {One}, year = 2001}\n\n@article{b2,\n  title = {Never closed,\n  year = 2002\n\n@article{c3, title = {Three}, year = 2003}\n';
    const b = await parseBibliography('x.bib', text);
    assert.equal(b.errors.length, 1);
    assert.equal(b.errors[0].line, 3);
    assert.match(b.errors[0].message, /brace|expected/i);
    assert.ok(b.entries.some((e) => e.key === 'a1') && b.entries.some((e) => e.key === 'c3'));
  });

  it('reads CSL JSON and CSL YAML (a list, or references:), with lines; reports what is not CSL', async () => {
    const json = await parseBibliography('refs.json', '[\n  {"id": "a1", "author": [{"family": "Alder"}], "issued": {"date-parts": [[2015, 3]]}, "DOI": "10.1/a"},\n  {"id": "b2", "title": "Two"}\n]\n');
    assert.deepEqual(json.entries.map((e) => [e.key, e.authors, e.year, e.doi, e.line]), [['a1', ['Alder'], '2015', '10.1/a', 2], ['b2', [], undefined, undefined, 3]]);
    const broken = await parseBibliography('refs.json', '[\n  {"id": "a1",}\n]');
    assert.equal(broken.entries.length, 0);
    assert.match(broken.errors[0].message, /^not valid JSON/);
    assert.equal(broken.errors[0].line, 2);
    assert.match((await parseBibliography('refs.json', '{"id": "a1"}')).errors[0].message, /expected an array/);
    const yaml = await parseBibliography('refs.yaml', 'references:\n- id: c3\n  author:\n  - family: Cedar\n  issued: 2020\n- id: d4\n  title: Four\n');
    assert.deepEqual(yaml.entries.map((e) => [e.key, e.authors, e.year, e.line]), [['c3', ['Cedar'], '2020', 2], ['d4', [], undefined, 6]]);
    assert.equal((await parseBibliography('refs.yml', '- id: e5\n')).entries[0].key, 'e5');
    assert.equal((await parseBibliography('refs.yaml', 'references: [\n')).errors[0].line !== undefined, true);
    assert.match((await parseBibliography('refs.txt', 'x')).errors[0].message, /not a bibliography file/);
  });

  it('memoises parsed files by text', async () => {
    const text = '@misc{m1, title = {Memo}, year = 2001}\n';
    const t0 = performance.now();
    await parseBibliography('a.bib', text);
    const first = performance.now() - t0;
    const t1 = performance.now();
    const again = await parseBibliography('b.bib', text);
    assert.equal(again.path, 'b.bib');
    assert.ok(performance.now() - t1 <= Math.max(first, 5));
  });

  it('finds the files a document names: front matter (one or a list), LaTeX, else the config', () => {
    const md = parseDocument('---\ntitle: T\nbibliography:\n  - a.bib\n  - b.json\n---\n\nText.\n', 'markdown');
    assert.deepEqual(bibliographyRequests(md).map((r) => [r.name, r.from, md.text.slice(r.start, r.end)]), [['a.bib', 'document', '  - a.bib'], ['b.json', 'document', '  - b.json']]);
    const tex = parseDocument('\\documentclass{article}\n\\begin{document}\nText.\n% \\bibliography{old}\n\\bibliography{refs, more.bib}\n\\addbibresource[label=x]{extra.bib}\n\\end{document}\n', 'latex');
    assert.deepEqual(bibliographyRequests(tex).map((r) => r.name), ['refs.bib', 'more.bib', 'extra.bib']);
    const none = parseDocument('# T\n\nText [@a1].\n', 'markdown');
    assert.deepEqual(bibliographyRequests(none, { bibliography: ['x.bib', 'y.yaml'] }).map((r) => [r.name, r.from]), [['x.bib', 'config'], ['y.yaml', 'config']]);
    assert.deepEqual(bibliographyRequests(md, { bibliography: 'x.bib' }).map((r) => r.name), ['a.bib', 'b.json'], "the document's own win");
  });
});

describe('lintFileAsync with the hosts\' bibliography reader (config/bibliographies.ts)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'caselint-bibs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const doc = (fm: string, body: string) => `---\ntitle: "Cramps: a case report"\n${fm}---\n\n## Discussion\n\n${body}\n`;

  it('reads the named files next to the manuscript; a missing one is one finding, not an exception', async () => {
    writeFileSync(join(dir, 'refs.bib'), '@article{alder2015, author = {Alder, A.}, title = {T}, year = 2015}\n');
    const file = join(dir, 'case.md');
    const run = async (text: string) => (await lintFileAsync(text, { format: 'markdown', force: true, readBibliography: bibliographyFiles(file, undefined).read })).result!.findings;
    assert.deepEqual(citationFindings(await run(doc('bibliography: refs.bib\n', 'Cramps are common [@alder2015].'))), []);
    assert.deepEqual(citationFindings(await run(doc('bibliography: refs.bib\n', 'Cramps are common [@lee2019].'))), ['citation-reference: @lee2019 has no entry in refs.bib.']);
    assert.deepEqual(citationFindings(await run(doc('bibliography: gone.bib\n', 'Cramps are common [@lee2019] [@park2020].'))), ['citation-reference: Bibliography gone.bib not found: check its path.']);
    assert.deepEqual(citationFindings(await run(doc('bibliography: .\n', 'Cramps [@lee2019].'))), ['citation-reference: Bibliography . is not a file: check its path.']);
  });

  it('reads the config\'s bibliography relative to the config file', async () => {
    writeFileSync(join(dir, 'refs.bib'), '@article{alder2015, title = {T}, year = 2015}\n');
    writeFileSync(join(dir, '.caselint.json'), '{ "bibliography": "refs.bib", "citationOrder": "none" }');
    const config = loadConfigFile(join(dir, '.caselint.json'));
    assert.equal(config.bibliography, 'refs.bib');
    const sub = join(dir, 'drafts');
    const file = join(sub, 'case.md');
    const reader = bibliographyFiles(file, join(dir, '.caselint.json'));
    const r = await lintFileAsync('# Cramps: a case report\n\n## Discussion\n\nCramps [@alder2015]. Not there [@nope].\n', { format: 'markdown', config, force: true, readBibliography: reader.read });
    assert.deepEqual(citationFindings(r.result!.findings), ['citation-reference: @nope has no entry in ../refs.bib.']);
    assert.deepEqual([...reader.paths], [join(dir, 'refs.bib')]);
  });

  it('reads a .bib saved in Windows-1252 (older reference managers) as such', async () => {
    writeFileSync(join(dir, 'latin.bib'), Buffer.from('@article{mueller2001, author = {M\xfcller, Anna}, title = {T}, year = 2001}\n', 'latin1'));
    const read = await bibliographyFiles(join(dir, 'case.md'), undefined).read({ name: 'latin.bib', from: 'document', start: 0, end: 0 });
    assert.equal(read.error, undefined);
    assert.deepEqual((await parseBibliography('latin.bib', read.text!)).entries.map((e) => e.authors), [['M\u00fcller']]);
  });

  it('without a reader (a plain check), keys of named files are not checked; undefined files do not throw', () => {
    assert.deepEqual(citationFindings(check(doc('bibliography: refs.bib\n', 'Cramps [@lee2019].')).findings), []);
  });
});
