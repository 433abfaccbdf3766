import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROFILES } from '../../server/src/checker/profiles';
import { check } from '../../server/src/checker';
import { escapeSnippetText, findTemplateSnippet, parseSnippetFile, skeletonFromProfile, snippetFilesFor, type SnippetDef } from '../../client/src/templates';

const ROOT = join(__dirname, '..', '..');
const IDS = Object.keys(PROFILES);

/** Resolves snippet syntax to the text VS Code inserts with the defaults accepted. */
function expand(body: string): string {
  let out = body;
  for (let i = 0; i < 5; i++) out = out.replace(/\$\{\d+:((?:\\.|[^{}\\])*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1');
  return out.replace(/\$\d+/g, '').replace(/\\([\\$}])/g, '$1');
}

const snippet = (name: string, prefix: string | string[], description = '', body = 'x'): SnippetDef => ({ name, prefixes: Array.isArray(prefix) ? prefix : [prefix], description, body });

describe('client templates', () => {
  it('parses VS Code snippet files: comments, trailing commas, string or array bodies, one prefix or many', () => {
    const text = `{
      // a comment
      "Case report skeleton": { "prefix": ["cr-skeleton", "cr-default"], "body": ["# \${1:Title}", "", "## Abstract"], "description": "Default case report template" },
      "Power": { "prefix": "exam-power", "body": "4/5", },
      "Broken": { "prefix": "x" },
    }`;
    const snippets = parseSnippetFile(text);
    assert.equal(snippets.length, 2);
    assert.deepEqual(snippets[0].prefixes, ['cr-skeleton', 'cr-default']);
    assert.equal(snippets[0].body, '# ${1:Title}\n\n## Abstract');
    assert.deepEqual(snippets[1].prefixes, ['exam-power']);
  });

  it('a malformed snippet file gives a one-line error naming the file', () => {
    assert.throws(() => parseSnippetFile('{ "a": ', 'snippets/markdown.code-snippets'), (e: Error) => /^snippets\/markdown\.code-snippets: \w+ at offset \d+$/.test(e.message));
    assert.throws(() => parseSnippetFile('[]', 'f'), /expected an object/);
  });

  it('finds the skeleton of a profile by id or label; default takes the one naming no other profile', () => {
    const snippets = [snippet('Neurological examination', 'exam-neuro'), snippet('CARE case report skeleton', 'cr-care'), snippet('Case report skeleton', 'cr-skeleton', 'Abstract, case, investigations, discussion'), snippet('BMJ Case Reports template', 'cr-bmj')];
    assert.equal(findTemplateSnippet(snippets, PROFILES.care, IDS)?.name, 'CARE case report skeleton');
    assert.equal(findTemplateSnippet(snippets, PROFILES.default, IDS)?.name, 'Case report skeleton');
    if (PROFILES['bmj-case-reports']) assert.equal(findTemplateSnippet(snippets, PROFILES['bmj-case-reports'], IDS)?.name, 'BMJ Case Reports template');
    assert.equal(findTemplateSnippet([snippet('Neurological examination', 'exam-neuro')], PROFILES.default, IDS), undefined);
    assert.equal(findTemplateSnippet([snippet('Careful exam template', 'exam-careful')], PROFILES.care, IDS), undefined);
  });

  for (const format of ['markdown', 'latex', 'plaintext'] as const) {
    it(`${format}: the built-in skeleton of every profile has its headings and passes required-section`, () => {
      for (const profile of Object.values(PROFILES)) {
        const body = skeletonFromProfile(profile, format);
        const text = expand(body);
        for (const i of profile.items.filter((x) => x.id !== 'title')) {
          const heading = format === 'latex' ? `\\section{${i.label}}` : format === 'plaintext' ? i.label.toUpperCase() : `## ${i.label}`;
          assert.ok(text.includes(heading), `${profile.id}/${format}: ${heading}`);
        }
        if (format === 'plaintext') continue; // plain-text headings depend on the plain-text model; checked by its own tests
        const fmt = format === 'latex' ? 'latex' : 'markdown';
        const { findings } = check(format === 'latex' ? `\\documentclass{article}\n\\begin{document}\n${text}\n\\end{document}\n` : text, { format: fmt as never, config: { profile: profile.id } });
        assert.deepEqual(findings.filter((f) => f.ruleId === 'required-section').map((f) => f.message), [], `${profile.id}/${format}`);
      }
    });
  }

  it('escapes snippet syntax in labels', () => {
    assert.equal(escapeSnippetText('a $1 } \\'), 'a \\$1 \\} \\\\');
  });

  it('reads the shipped Markdown snippet file, and finds the default and CARE skeletons', () => {
    const rel = snippetFilesFor('markdown').find((f) => existsSync(join(ROOT, f)));
    assert.ok(rel, `no Markdown snippet file: none of ${snippetFilesFor('markdown').join(', ')} exists`);
    const snippets = parseSnippetFile(readFileSync(join(ROOT, rel), 'utf8'), rel);
    assert.ok(snippets.length > 0);
    for (const id of ['default', 'care']) {
      const found = findTemplateSnippet(snippets, PROFILES[id], IDS);
      assert.ok(found, `a ${id} skeleton snippet in ${rel}`);
      const text = expand(found.body);
      const { findings } = check(text, { format: 'markdown', config: { profile: id } });
      assert.deepEqual(findings.filter((f) => f.ruleId === 'required-section').map((f) => f.message), [], `${id} skeleton satisfies its profile`);
    }
  });
});

describe('client templates: shipped LaTeX snippets', () => {
  it('finds the default and CARE skeletons in the LaTeX snippet file', () => {
    const rel = snippetFilesFor('latex').find((f) => existsSync(join(ROOT, f)));
    assert.ok(rel, `no LaTeX snippet file: none of ${snippetFilesFor('latex').join(', ')} exists`);
    const snippets = parseSnippetFile(readFileSync(join(ROOT, rel), 'utf8'), rel);
    for (const id of ['default', 'care']) assert.ok(findTemplateSnippet(snippets, PROFILES[id], IDS), `a ${id} skeleton snippet in ${rel}`);
  });
});
