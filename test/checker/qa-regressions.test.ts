/**
 * Regressions for bugs found in product QA (drafts written as users would write them).
 * Fixtures in test/fixtures/qa carry their expected findings inline.
 */
import { strict as assert } from 'node:assert';
import { basename, join } from 'node:path';
import { check } from '../../server/src/checker';
import { findCitations } from '../../server/src/checker/model/citations';
import { fixtureFiles, runFixture } from '../helpers/fixtures';

const DIR = join(__dirname, '..', 'fixtures', 'qa');

describe('QA regressions (fixtures)', () => {
  for (const file of fixtureFiles(DIR)) {
    it(basename(file), () => {
      const r = runFixture(file);
      assert.deepEqual(r.actual, r.expected);
    });
  }
});

describe('QA regressions (front-matter rule)', () => {
  const broken = '---\ntitle: "Stiff person syndrome: a case report\nabstract: [A 45-year-old woman with stiffness\n---\n\n## Case presentation\n\nA woman had spasms.\n';

  it('a front matter that is not valid YAML is reported on its opening line, not silently dropped', () => {
    const r = check(broken, { format: 'markdown' });
    const fm = r.findings.filter((f) => f.ruleId === 'front-matter');
    assert.equal(fm.length, 1);
    assert.equal(broken.slice(fm[0].start, fm[0].end), '---');
    assert.equal(fm[0].severity, 'warning');
    assert.match(fm[0].message, /^Front matter is not valid YAML: .+\. Its title, abstract and keywords are ignored until it is fixed\.$/);
  });

  it('valid front matter, no front matter and LaTeX give nothing; the rule can be turned off', () => {
    const ok = '---\ntitle: "Stiff person syndrome: a case report"\nabstract: |\n  A woman.\n---\n\n## Case presentation\n\nA woman.\n';
    assert.deepEqual(check(ok, { format: 'markdown' }).findings.filter((f) => f.ruleId === 'front-matter'), []);
    assert.deepEqual(check('# Title\n\nText.\n', { format: 'markdown' }).findings.filter((f) => f.ruleId === 'front-matter'), []);
    assert.deepEqual(check('---\n\\section{Case}\n', { format: 'latex' }).findings.filter((f) => f.ruleId === 'front-matter'), []);
    const off = check(broken, { format: 'markdown', config: { rules: { 'front-matter': 'off' } } });
    assert.deepEqual(off.findings.filter((f) => f.ruleId === 'front-matter'), []);
  });
});

describe('QA regressions (superscripts lost in a PDF paste)', () => {
  const markers = (plain: string) => findCitations(plain).map((c) => [plain.slice(c.start, c.end), c.keys.join(' ')]);

  it('digits glued to a word and its punctuation, before a capitalised word or the end, are citations', () => {
    assert.deepEqual(markers('per year.1 Muscle cramps'), [['1', '1']]);
    assert.deepEqual(markers('for dyspnea,4,5 These treatments'), [['4,5', '4 5']]);
    assert.deepEqual(markers('by three months.6\u20138 The diagnosis'), [['6\u20138', '6 7 8']]);
    assert.deepEqual(markers('criteria (Table 1).9 Edaravone'), [['9', '9']]);
    assert.deepEqual(markers('in selected patients.10'), [['10', '10']]);
  });

  it('decimals, counts, versions and lower-case continuations are not', () => {
    assert.deepEqual(markers('The mean was 61.8 Patients'), []);
    assert.deepEqual(markers('In 2019, 12 patients were seen.'), []);
    assert.deepEqual(markers('patients,12 were seen'), []);
    assert.deepEqual(markers('Hb 12.5 and K 4.1'), []);
  });
});

describe('QA regressions (LaTeX keywords environment)', () => {
  it('elsarticle\'s \\begin{keyword} … \\end{keyword} satisfies the CARE keywords item', () => {
    const tex = String.raw`\documentclass{elsarticle}
\begin{document}
\begin{frontmatter}
\title{Isaacs syndrome presenting with cramps: a case report}
\begin{keyword}
neuromyotonia \sep CASPR2 \sep cramps
\end{keyword}
\end{frontmatter}
\section{Case report}
A man had cramps.
\end{document}
`;
    const r = check(tex, { format: 'latex', config: { profile: 'care' } });
    const missing = r.findings.filter((f) => f.ruleId === 'required-section').map((f) => f.message);
    assert.ok(missing.length > 0, 'other CARE items are missing');
    assert.ok(!missing.some((m) => /"Keywords"/.test(m)), missing.join('\n'));
    const without = check(tex.replace(/\\begin\{keyword\}[\s\S]*?\\end\{keyword\}\n/, ''), { format: 'latex', config: { profile: 'care' } });
    assert.ok(without.findings.some((f) => f.ruleId === 'required-section' && /"Keywords"/.test(f.message)));
  });
});

describe('QA regressions (parenthesised numeric citations)', () => {
  it('"(1)", "(2, 3)", "(4–6)" before punctuation are citations; the placeholder fix follows that style', () => {
    const md = '# CIDP: a case report\n\n## Discussion\n\nIVIg improves disability (1). Plasma exchange helps (2, 3). Steroids reduce relapses in most patients.\n';
    const r = check(md, { format: 'markdown', config: { rules: { 'required-section': 'off' } } });
    const claims = r.findings.filter((f) => f.ruleId === 'unsupported-claim');
    assert.deepEqual(claims.map((f) => md.slice(f.start, f.end)), ['Steroids reduce relapses in most patients.']);
    const fix = claims[0].fixes?.find((x) => /citation/i.test(x.title));
    assert.ok(fix, 'a citation placeholder fix');
    assert.deepEqual(fix!.edits.map((e) => e.newText.trim()), ['(4)']);
  });
});
