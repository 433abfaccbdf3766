import { strict as assert } from 'node:assert';
import { check } from '../../server/src/checker';

const frontMatter = (text: string, format: 'markdown' | 'latex' = 'markdown', config = {}) =>
  check(text, { format, config }).findings.filter((f) => f.ruleId === 'front-matter');

describe('rule front-matter', () => {
  const broken = '---\ntitle: "Stiff person syndrome: a case report\nabstract: [A 45-year-old woman with stiffness\n---\n\n## Case presentation\n\nA woman had spasms.\n';

  it('a front matter that is not valid YAML is reported on its opening line, not silently dropped', () => {
    const fm = frontMatter(broken);
    assert.equal(fm.length, 1);
    assert.equal(broken.slice(fm[0].start, fm[0].end), '---');
    assert.equal(fm[0].severity, 'warning');
    assert.match(fm[0].message, /^Front matter is not valid YAML: .+\. Its title, abstract and keywords are ignored until it is fixed\.$/);
  });

  it('the YAML error gives the line and column in the file, not in the YAML block (LF and CRLF)', () => {
    for (const text of [broken, broken.replace(/\n/g, '\r\n')]) {
      const fm = frontMatter(text);
      assert.match(fm[0].message, /Missing closing "quote at line 3, column 46\. /);
    }
    const indent = '---\ntitle: Stiff person syndrome\n  subtitle: a case report\n---\n\n## Case presentation\n\nA woman.\n';
    assert.match(frontMatter(indent)[0].message, / at line 2, column 8\. /);
  });

  it('valid front matter, no front matter and LaTeX give nothing; the rule can be turned off', () => {
    const ok = '---\ntitle: "Stiff person syndrome: a case report"\nabstract: |\n  A woman.\n---\n\n## Case presentation\n\nA woman.\n';
    assert.deepEqual(frontMatter(ok), []);
    assert.deepEqual(frontMatter('# Title\n\nText.\n'), []);
    assert.deepEqual(frontMatter('---\n\\section{Case}\n', 'latex'), []);
    assert.deepEqual(frontMatter(broken, 'markdown', { rules: { 'front-matter': 'off' } }), []);
  });
});
