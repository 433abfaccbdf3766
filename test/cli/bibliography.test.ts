import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { REPO, runCli, spawnCli } from './helpers';

/** The CLI reads the bibliography files a manuscript names, relative to it (test/fixtures/citation-reference/). */
const DIR = join(REPO, 'test', 'fixtures', 'citation-reference');

interface Message {
  ruleId: string;
  line: number;
  message: string;
}

const citationMessages = (stdout: string) =>
  (JSON.parse(stdout) as { messages: Message[] }[]).flatMap((f) => f.messages.filter((m) => m.ruleId === 'citation-reference').map((m) => `${m.line}: ${m.message}`));

describe('cli: bibliography files', () => {
  it('resolves [@key] in the .bib the front matter names, relative to the manuscript (from any folder)', async () => {
    const r = await runCli(['--format', 'json', join(DIR, 'pandoc.md')], { cwd: '/' });
    assert.deepEqual(citationMessages(r.stdout), [
      '4: nocite: @ghost2022 has no entry in refs.bib.',
      '11: @nobody2019 has no entry in refs.bib.',
      '12: @Alder2015 has no entry in refs.bib (did you mean @alder2015?).',
    ]);
  });

  it('a missing bibliography file is one finding, not an I/O error (exit 1 only with --max-warnings 0)', async () => {
    const file = join(DIR, 'missing-bibliography.md');
    const ok = await runCli(['--format', 'json', '--rule', 'required-section:off', '--rule', 'declarations:off', file]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stderr, '');
    assert.deepEqual(citationMessages(ok.stdout), ['3: Bibliography not-there.bib not found: check its path.']);
    assert.equal((await runCli(['--max-warnings', '0', '--rule', 'required-section:off', '--rule', 'declarations:off', file])).code, 1);
  });

  it('the bundled CLI loads the BibTeX parser (latex.tex names refs.bib)', () => {
    const r = spawnCli(['--format', 'json', '--exit-zero', join(DIR, 'latex.tex'), join(DIR, 'malformed-bibliography.md')]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(citationMessages(r.stdout), [
      '6: @nobody2019 has no entry in refs.bib.',
      '3: Bibliography broken.bib line 7: Unterminated brace-value "An entry whose brace" (entry bad2020). Entries after it may be missing.',
    ]);
  });
});
