import { strict as assert } from 'node:assert';
import { PROFILES } from '../../server/src/checker/profiles';
import { check } from '../../server/src/checker';
import { getSnippets } from '../../server/src/snippets';
import { escapeSnippetText, findTemplateSnippet, profileSummaries, skeletonFromProfile, templateSnippet, type SnippetDef } from '../../server/src/lsp/templates';

const IDS = Object.keys(PROFILES);

/** Resolves snippet syntax to the text VS Code inserts with the defaults accepted. */
function expand(body: string): string {
  let out = body;
  for (let i = 0; i < 5; i++) out = out.replace(/\$\{\d+:((?:\\.|[^{}\\])*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1');
  return out.replace(/\$\d+/g, '').replace(/\\([\\$}])/g, '$1');
}

const snippet = (name: string, prefix: string | string[], description = '', body = 'x'): SnippetDef => ({ name, prefixes: Array.isArray(prefix) ? prefix : [prefix], description, body });

describe('case report templates (caselint/template)', () => {
  it('finds the skeleton of a profile by id or label; default takes the one naming no other profile', () => {
    const snippets = [snippet('Neurological examination', 'exam-neuro'), snippet('CARE case report skeleton', 'cr-care'), snippet('Case report skeleton', 'cr-skeleton', 'Abstract, case, investigations, discussion'), snippet('BMJ Case Reports template', 'cr-bmj')];
    assert.equal(findTemplateSnippet(snippets, PROFILES.care, IDS)?.name, 'CARE case report skeleton');
    assert.equal(findTemplateSnippet(snippets, PROFILES.default, IDS)?.name, 'Case report skeleton');
    if (PROFILES['bmj-case-reports']) assert.equal(findTemplateSnippet(snippets, PROFILES['bmj-case-reports'], IDS)?.name, 'BMJ Case Reports template');
    assert.equal(findTemplateSnippet([snippet('Neurological examination', 'exam-neuro')], PROFILES.default, IDS), undefined);
    assert.equal(findTemplateSnippet([snippet('Careful exam template', 'exam-careful')], PROFILES.care, IDS), undefined);
  });

  it('lists every profile with its label and description, in the order of PROFILES', () => {
    assert.deepEqual(
      profileSummaries(),
      Object.values(PROFILES).map((p) => ({ id: p.id, label: p.label, description: p.description })),
    );
  });

  for (const format of ['markdown', 'latex', 'text'] as const) {
    it(`${format}: the built-in skeleton of every profile has its headings and passes required-section`, () => {
      for (const profile of Object.values(PROFILES)) {
        const body = skeletonFromProfile(profile, format);
        const text = expand(body);
        for (const i of profile.items.filter((x) => x.id !== 'title')) {
          const heading = format === 'latex' ? `\\section{${i.label}}` : format === 'text' ? i.label.toUpperCase() : `## ${i.label}`;
          assert.ok(text.includes(heading), `${profile.id}/${format}: ${heading}`);
        }
        if (format === 'text') continue; // plain-text headings depend on the plain-text model; checked by its own tests
        const { findings } = check(format === 'latex' ? `\\documentclass{article}\n\\begin{document}\n${text}\n\\end{document}\n` : text, { format, config: { profile: profile.id } });
        assert.deepEqual(findings.filter((f) => f.ruleId === 'required-section').map((f) => f.message), [], `${profile.id}/${format}`);
      }
    });
  }

  it('escapes snippet syntax in labels', () => {
    assert.equal(escapeSnippetText('a $1 } \\'), 'a \\$1 \\} \\\\');
  });

  it('takes the default and CARE skeletons of the shipped Markdown snippets, which satisfy their profiles', () => {
    const snippets = getSnippets('markdown');
    for (const id of ['default', 'care']) {
      const found = findTemplateSnippet(snippets, PROFILES[id], IDS);
      assert.ok(found, `a ${id} skeleton snippet in snippets/markdown.json`);
      assert.equal(templateSnippet(id, 'markdown'), found.body);
      const { findings } = check(expand(found.body), { format: 'markdown', config: { profile: id } });
      assert.deepEqual(findings.filter((f) => f.ruleId === 'required-section').map((f) => f.message), [], `${id} skeleton satisfies its profile`);
    }
  });

  it('takes the default and CARE skeletons of the shipped LaTeX snippets', () => {
    const snippets = getSnippets('latex');
    for (const id of ['default', 'care']) {
      const found = findTemplateSnippet(snippets, PROFILES[id], IDS);
      assert.ok(found, `a ${id} skeleton snippet in snippets/latex.json`);
      assert.equal(templateSnippet(id, 'latex'), found.body);
    }
  });

  it('plain text (no snippets) and profiles without a skeleton snippet get the skeleton built from the profile', () => {
    for (const profile of Object.values(PROFILES)) {
      assert.equal(templateSnippet(profile.id, 'text'), skeletonFromProfile(profile, 'text'));
      const fromSnippets = findTemplateSnippet(getSnippets('markdown'), profile, IDS);
      assert.equal(templateSnippet(profile.id, 'markdown'), fromSnippets ? fromSnippets.body : skeletonFromProfile(profile, 'markdown'));
    }
  });

  it('unknown profile: undefined', () => {
    assert.equal(templateSnippet('no-such-profile', 'markdown'), undefined);
    assert.equal(templateSnippet('__proto__', 'markdown'), undefined);
  });
});
