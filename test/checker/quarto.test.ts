import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { check, parseDocument, type DocumentModel } from '../../server/src/checker';
import { isManuscript } from '../../server/src/checker/analysis/detect';
import { findCitations } from '../../server/src/checker/model/citations';
import { blankPandocLines } from '../../server/src/checker/model/quarto';
import { checkFixture, fixtureFiles } from '../helpers/fixtures';

const plains = (doc: DocumentModel) => doc.paragraphs.map((p) => p.plain);

function assertMapped(doc: DocumentModel): void {
  for (const p of doc.paragraphs) {
    for (const seg of p.segments) {
      if (seg.sourceLength === undefined) {
        assert.equal(doc.text.slice(seg.sourceStart, seg.sourceStart + seg.length), p.plain.slice(seg.plainStart, seg.plainStart + seg.length));
      }
    }
  }
}

describe('Quarto and R Markdown', () => {
  describe('cross-references are not citations', () => {
    const cases: [string, string[][]][] = [
      ['As in @fig-ecg and @tbl-labs.', []],
      ['See @sec-intro, @eq-dose, @lst-code, @thm-a, @lem-b, @cor-c, @def-d.', []],
      ['Shown in [@fig-ecg].', []],
      ['Known [@fig-ecg; @smith2019].', [['smith2019']]],
      ['As @smith2019 showed, and @figueroa2020 too.', [['smith2019'], ['figueroa2020']]],
      ['Known [@tblfoo2021].', [['tblfoo2021']]],
      ['Known [see @lee2020, p. 4; @sec-x].', [['lee2020']]],
    ];
    for (const [text, keys] of cases) {
      it(text, () => assert.deepEqual(findCitations(text).map((c) => c.keys), keys));
    }
    it('a sentence with only a cross-reference counts as uncited', () => {
      const doc = parseDocument('## Discussion\n\nIt is common (@fig-a).\n', 'markdown');
      assert.equal(doc.sentences[0].citations.length, 0);
    });
  });

  it('code chunks are code blocks, not prose', () => {
    const doc = parseDocument('Text.\n\n```{r}\n#| label: fig-x\nplot(x) # it increases throughput\n```\n\n```{python}\nx = 1\n```\n', 'markdown');
    assert.deepEqual(doc.codeBlocks.map((c) => c.info), ['{r}', '{python}']);
    assert.deepEqual(plains(doc), ['Text.']);
  });

  it('inline `r expr` and `{r} expr` code is left out of the prose', () => {
    const text = 'Potassium was `r k_max` mmol/L and `{r} n` patients; the `dplyr` package.';
    const doc = parseDocument(text, 'markdown');
    assert.equal(doc.paragraphs[0].plain, 'Potassium was  mmol/L and  patients; the dplyr package.');
    assert.equal(text.slice(doc.sentences[0].start, doc.sentences[0].end), text);
    assertMapped(doc);
  });

  it('fenced div lines are not prose; a callout title is not a section', () => {
    const doc = parseDocument(
      '## Case\n\n::: {.callout-note}\n## Note\nInside the callout.\n:::\n\n:::: {.columns}\n::: {.column width="50%"}\nLeft.\n:::\n::::\n\nAfter.\n',
      'markdown',
    );
    assert.deepEqual(plains(doc), ['Inside the callout.', 'Left.', 'After.']);
    assert.deepEqual(doc.headings.map((h) => h.text), ['Case']);
    assertMapped(doc);
  });

  it('::: inside a code fence is left alone', () => {
    const body = '```\n:::\n```\n::: x\n';
    assert.equal(blankPandocLines(body), '```\n:::\n```\n     \n');
  });

  it('shortcodes: whole-line ones and inline ones are not prose', () => {
    const text = '{{< include _intro.qmd >}}\n\nThe dose was {{< var dose >}} daily.\n\n{{< pagebreak >}}\n';
    const doc = parseDocument(text, 'markdown');
    assert.deepEqual(plains(doc), ['The dose was  daily.']);
    assert.equal(text.slice(doc.paragraphs[0].start, doc.paragraphs[0].end), 'The dose was {{< var dose >}} daily.');
    assertMapped(doc);
  });

  describe('front matter abstract', () => {
    it('counts as the Abstract section, with its text as paragraphs', () => {
      const text = '---\ntitle: "X"\nabstract: |\n  A woman had weakness [@a].\n\n  She recovered.\n---\n\n## Case presentation\n\nText.\n';
      const doc = parseDocument(text, 'markdown');
      const abs = doc.sections.find((s) => s.heading?.text === 'Abstract')!;
      assert.ok(abs, 'an Abstract section');
      assert.equal(text.slice(abs.heading!.start, abs.heading!.end), 'abstract');
      assert.equal(abs.heading!.level, 2);
      assert.deepEqual(abs.paragraphs.map((p) => p.plain), ['A woman had weakness [@a].', 'She recovered.']);
      assert.equal(doc.citations[0].raw, '[@a]');
      assert.equal(abs.end, text.indexOf('## Case'));
      assertMapped(doc);
      const { findings } = check(text, {});
      assert.ok(!findings.some((f) => f.ruleId === 'required-section' && /Abstract/.test(f.message)));
    });
    it('plain and quoted scalars work too', () => {
      for (const value of ['A short abstract\n  on two lines.', '"A quoted abstract."', "'Single quoted.'"]) {
        const text = `---\nabstract: ${value}\n---\n\n# Case report\n`;
        const doc = parseDocument(text, 'markdown');
        assert.equal(doc.sections.filter((s) => s.heading?.text === 'Abstract').length, 1, value);
        assert.equal(doc.paragraphs[0].plain.replace(/^['"]|['"]$/g, ''), value.replace(/\n\s+/g, ' ').replace(/^['"]|['"]$/g, ''));
        assertMapped(doc);
      }
    });
    it('an empty or non-string abstract adds nothing', () => {
      for (const fm of ['abstract: ""', 'abstract:', 'abstract: [a, b]', 'abstract: {text: x}']) {
        const doc = parseDocument(`---\n${fm}\n---\n\n# Case report\n`, 'markdown');
        assert.deepEqual(doc.headings.map((h) => h.text), ['Case report'], fm);
      }
    });
    it('malformed front matter does not crash', () => {
      const doc = parseDocument('---\nabstract: [unclosed\n---\n\n# Case report\n', 'markdown');
      assert.equal(doc.parseWarnings.length, 1);
    });
  });

  it('front matter title and article type make it a manuscript', () => {
    const doc = parseDocument('---\ntitle: "A case of scurvy"\n---\n\nText.\n', 'markdown');
    assert.equal(doc.title?.text, 'A case of scurvy');
    assert.equal(isManuscript(doc).manuscript, true);
  });

  it('random Quarto fragments never throw and keep every offset valid', () => {
    const pool = [
      '---\n', 'abstract: |\n', '  text [@a]\n', 'abstract: "x"\n', 'title: A case of x\n', '::: {.callout-note}\n', ':::\n', '## Tip\n',
      '{{< include x >}}\n', '{{< var y >}}', '`r mean(x)`', '`{r} n`', '```{r}\n', '```\n', '@fig-a ', '[@tbl-b; @c] ', 'Text. ', '\n\n',
      '## Case presentation\n', '# Title\n', '`code`', '**b**', '\r\n', 'é😀',
    ];
    let seed = 4242;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 300; k++) {
      let text = '';
      const len = 1 + rnd(30);
      for (let j = 0; j < len; j++) text += pool[rnd(pool.length)];
      const { model, findings } = check(text, { onRuleError: (id, e) => assert.fail(`rule ${id} on ${JSON.stringify(text)}: ${String(e)}`) });
      assertMapped(model);
      for (const p of model.paragraphs) assert.ok(p.start <= p.end && p.end <= text.length, JSON.stringify(text));
      for (const h of model.headings) assert.ok(h.start <= h.textStart && h.textEnd <= h.end, JSON.stringify(text));
      for (const f of findings) assert.ok(f.start <= f.end && f.end <= text.length);
    }
  });

  describe('fixtures', () => {
    for (const file of fixtureFiles(join(__dirname, '..', 'fixtures', 'quarto'))) {
      it(file.split(/[\\/]/).pop()!, () => {
        checkFixture(file, { rules: ['required-section', 'empty-section', 'unsupported-claim'] });
      });
    }
  });
});
