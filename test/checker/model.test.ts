import { strict as assert } from 'node:assert';
import { parseDocument } from '../../server/src/checker';
import { findCitations } from '../../server/src/checker/model/citations';

function sentences(text: string, format: 'markdown' | 'text' = 'markdown'): string[] {
  const doc = parseDocument(text, format);
  return doc.sentences.map((s) => text.slice(s.start, s.end));
}

describe('document model', () => {
  describe('sentences', () => {
    const cases: [string, string, string[]][] = [
      ['et al. does not end a sentence', 'It was described by Read et al. in 1980. Then it was renamed.', ['It was described by Read et al. in 1980.', 'Then it was renamed.']],
      ['e.g. and i.e.', 'Some drugs, e.g. ranitidine, i.e. an H2 blocker, cause it. Others do not.', ['Some drugs, e.g. ranitidine, i.e. an H2 blocker, cause it.', 'Others do not.']],
      ['Fig. and vs.', 'As shown in Fig. 2, the signal was high vs. controls. It fell later.', ['As shown in Fig. 2, the signal was high vs. controls.', 'It fell later.']],
      ['approx.', 'The lesion measured approx. 3 cm. It enhanced.', ['The lesion measured approx. 3 cm.', 'It enhanced.']],
      ['decimals and ranges', 'Mean age was 61.8 years and risk 1.7-2.3%. Women were affected more.', ['Mean age was 61.8 years and risk 1.7-2.3%.', 'Women were affected more.']],
      ['citation after the full stop', 'There was no recurrence. [1] The patient is well.', ['There was no recurrence. [1]', 'The patient is well.']],
      ['citation glued after the full stop', 'Dyspnea needs support.[2,14] These treatments increase the life expectancy.', ['Dyspnea needs support.[2,14]', 'These treatments increase the life expectancy.']],
      ['citation closes a sentence without a full stop', 'and ventilator support for dyspnea,[2,14] These treatments increase the life expectancy.', ['and ventilator support for dyspnea,[2,14]', 'These treatments increase the life expectancy.']],
      ['question and exclamation', 'Was it ALS? It was not! Good.', ['Was it ALS?', 'It was not!', 'Good.']],
      ['closing parenthesis and quotes', 'He said "no." She agreed (see below.) Done.', ['He said "no."', 'She agreed (see below.)', 'Done.']],
      ['initials', 'Described by J. Smith in Brain. Later confirmed.', ['Described by J. Smith in Brain.', 'Later confirmed.']],
      ['lower-case starts do not split', 'The dose was 5 mg. once daily.', ['The dose was 5 mg. once daily.']],
      ['mRNA may start a sentence', 'Levels rose. mRNA was raised.', ['Levels rose.', 'mRNA was raised.']],
      ['an emoji after the full stop ends the sentence with it', 'She went home smiling. \u{1F389} Statins reduce mortality.', ['She went home smiling. \u{1F389}', 'Statins reduce mortality.']],
      ['an emoji glued to the full stop, with a skin tone', 'Well at six months.\u{1F44D}\u{1F3FD} The cramps stopped.', ['Well at six months.\u{1F44D}\u{1F3FD}', 'The cramps stopped.']],
      ['an emoji at the end of the paragraph', 'All went well. \u{1F642}', ['All went well. \u{1F642}']],
    ];
    for (const [name, text, expected] of cases) {
      it(name, () => assert.deepEqual(sentences(text), expected));
    }
    it('keeps offsets into the source through markup', () => {
      const text = 'A *bold* claim [3]. Next &amp; [link](http://x.org) here.';
      assert.deepEqual(sentences(text), ['A *bold* claim [3].', 'Next &amp; [link](http://x.org) here.']);
    });
    it('joins lines of a paragraph and maps across them', () => {
      const text = '> First line\n> continues. Second\n> sentence.';
      assert.deepEqual(sentences(text), ['First line\n> continues.', 'Second\n> sentence.']);
    });
  });

  describe('citations', () => {
    const kinds: [string, string, string[]][] = [
      ['Shown before [1].', 'numeric', ['1']],
      ['Shown before [1,2].', 'numeric', ['1', '2']],
      ['Shown before [3-6].', 'numeric', ['3', '4', '5', '6']],
      ['Shown before [3\u20136].', 'numeric', ['3', '4', '5', '6']],
      ['Shown before^1^.', 'superscript', ['1']],
      ['Shown before<sup>2,3</sup>.', 'superscript', ['2', '3']],
      ['Shown before.\u2074\u207b\u2076', 'superscript', ['4', '5', '6']],
      ['Shown before.\u00b9\u00b2,\u00b3', 'superscript', ['12', '3']],
      ['Shown before [@smith2019; @lee2020, p. 3].', 'pandoc', ['smith2019', 'lee2020']],
      ['As @smith2019 showed.', 'pandoc', ['smith2019']],
      ['Shown before (Smith et al., 2019).', 'author-year', ['Smith et al., 2019']],
      ['Shown before (Smith and Jones 2019; Lee, 2020).', 'author-year', ['Smith and Jones 2019; Lee, 2020']],
      ['Shown before [Vandenberg 2017].', 'author-year', ['Vandenberg 2017']],
      ['Shown before [Okafor et al. 2021; Lee and Park, 2020].', 'author-year', ['Okafor et al. 2021; Lee and Park, 2020']],
    ];
    for (const [text, kind, keys] of kinds) {
      it(`${kind}: ${text}`, () => {
        const doc = parseDocument(text, 'markdown');
        assert.equal(doc.citations.length, 1, JSON.stringify(doc.citations));
        assert.equal(doc.citations[0].kind, kind);
        assert.deepEqual(doc.citations[0].keys, keys);
        assert.equal(doc.sentences[0].citations.length, 1);
      });
    }
    it('figure and table references are not citations', () => {
      const doc = parseDocument('See [Figure 1A] and [Table 2] and mail a@b.org.', 'markdown');
      assert.deepEqual(doc.citations, []);
    });
    it('bracketed author-year in plain text; Markdown links and task lists are not citations', () => {
      assert.deepEqual(parseDocument('Shown before [Okafor et al. 2021].', 'text').citations.map((c) => c.keys), [['Okafor et al. 2021']]);
      const md = '- [ ] Ask Vandenberg 2017 for consent\n- [x] Done\n\nSee [Okafor et al. 2021](https://example.org/okafor) and [Lee 2019][lee].\n\n[lee]: https://example.org/lee\n';
      assert.deepEqual(parseDocument(md, 'markdown').citations, []);
    });
    it('bookdown cross-references \\@ref(fig:x) are not citations', () => {
      const doc = parseDocument('Statins reduce mortality (Figure \\@ref(fig:survival)). Table \\@ref(tab:labs) lists them.', 'markdown');
      assert.deepEqual(doc.citations, []);
    });
    it('\\citeauthor names an author and cites nothing: the sentence is not cited', () => {
      const doc = parseDocument('\\begin{document}\n\\citeauthor{alder} showed it. Birch agreed \\citep{birch}.\n\\end{document}\n', 'latex');
      assert.deepEqual(doc.citations.map((c) => [c.keys.join(), !!c.nameOnly]), [['alder', true], ['birch', false]]);
      assert.deepEqual(doc.sentences.map((s) => s.citations.length), [0, 1]);
    });
    it('citation offsets cover the marker in the source', () => {
      const text = 'Claim one.[12] Claim two <sup>3</sup>.';
      const doc = parseDocument(text, 'markdown');
      assert.deepEqual(doc.citations.map((c) => text.slice(c.start, c.end)), ['[12]', '<sup>3</sup>']);
    });

    describe('superscripts lost in a PDF paste', () => {
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

      const withList = (plain: string, referenceCount: number) =>
        findCitations(plain, { referenceCount }).map((c) => [plain.slice(c.start, c.end), c.keys.join(' ')]);
      it('after a number or an acronym, only numbers within the reference list, before a capitalised word or the end', () => {
        assert.deepEqual(withList('common after age 70.2', 12), [['2', '2']]);
        assert.deepEqual(withList('approved in 2001.7 Since then', 12), [['7', '7']]);
        assert.deepEqual(withList('seen in LRRK2 carriers.12', 12), [['12', '12']]);
        assert.deepEqual(withList('not seen on MRI.3 The scan', 12), [['3', '3']]);
        assert.deepEqual(withList('on MRI.3,4 The scan', 12), [['3,4', '3 4']]);
      });
      it('decimals stay decimals: out of range, no reference list, a unit, lower case, a section number', () => {
        assert.deepEqual(withList('common after age 70.2', 0), []);
        assert.deepEqual(withList('The score was 3.5 Then it fell', 4), []);
        assert.deepEqual(withList('sodium was 131.5 mmol/L', 12), []);
        assert.deepEqual(withList('a dose of 50.4 Gy in 28 fractions', 12), []);
        assert.deepEqual(withList('2.1 Imaging', 12), []);
        assert.deepEqual(withList('The value was 3.14 Then', 12), []);
      });
      it('the reference list of the document sets the range', () => {
        const list = '\n\nREFERENCES\n\n1. Alder A. Cramps. J Test. 2010.\n\n2. Birch B. Cramps again. J Test. 2012.\n';
        const cited = (body: string) => parseDocument(`DISCUSSION\n\n${body}${list}`, 'text').citations.map((c) => c.keys.join());
        assert.deepEqual(cited('Cramps become common after age 70.2'), ['2']);
        assert.deepEqual(cited('His score fell to 70.3'), []);
      });
      it('gives the same markers for every reference list size in the range it reports', () => {
        const texts = ['common after age 70.2 and 4.7 Then', 'on MRI.3,4 The scan; LRRK2 carriers.12 Then 2001.7 Since', 'The score was 3.5 Then it fell.9', 'none here'];
        for (const plain of texts) {
          for (let count = 1; count < 16; count++) {
            const same = { lo: 1, hi: Infinity };
            const at = findCitations(plain, { referenceCount: count }, same);
            assert.ok(same.lo <= count && count <= same.hi, `${plain} ${count}: ${same.lo}..${same.hi}`);
            for (let other = Math.max(1, same.lo); other <= Math.min(20, same.hi); other++) {
              assert.deepEqual(findCitations(plain, { referenceCount: other }), at, `${plain}: ${count} and ${other}`);
            }
            if (same.hi < 20) assert.notDeepEqual(findCitations(plain, { referenceCount: same.hi + 1 }), at, `${plain}: ${count}, ${same.hi + 1}`);
          }
        }
      });
    });
  });

  describe('headings and sections', () => {
    it('reads ATX, setext and numbered headings', () => {
      const text = '# Title\n\nIntro.\n\nCase Report\n-----------\n\nText.\n\n## 2. Discussion:\n\nMore.\n';
      const doc = parseDocument(text, 'markdown');
      assert.deepEqual(doc.headings.map((h) => [h.level, h.text, h.number]), [[1, 'Title', undefined], [2, 'Case Report', undefined], [2, 'Discussion', '2.']]);
      assert.equal(doc.title?.text, 'Title');
      const disc = doc.sections.find((s) => s.heading?.text === 'Discussion')!;
      assert.equal(text.slice(disc.start, disc.end), '## 2. Discussion:\n\nMore.\n');
      assert.equal(disc.paragraphs.length, 1);
      assert.equal(disc.parent?.heading?.text, 'Title');
    });
    it('reads capitals headings in plain text', () => {
      const text = 'CASE REPORT\nA man, 58, had cramps.\n\n2. DISCUSSION\n\nALS is a disease of\nmotor neurons.\n';
      const doc = parseDocument(text, 'text');
      assert.deepEqual(doc.headings.map((h) => h.text), ['CASE REPORT', 'DISCUSSION']);
      assert.deepEqual(doc.sentences.map((s) => text.slice(s.start, s.end)), ['A man, 58, had cramps.', 'ALS is a disease of\nmotor neurons.']);
    });
    it('reads sentence-case and numbered headings in plain text from a word processor', () => {
      const text = [
        'Cramps in a cyclist: a case report', '', 'Abstract', '', 'A man had cramps.', '', '2. Case presentation', '',
        'He rode daily.', '', 'The cramps began after he doubled his training', '', '2.1 Imaging', '', 'MRI was normal.', '',
        'Learning points:', '', '1. Ask about training', '', '2. Check electrolytes', '', 'References', '', '1. Alder A. Cramps. J Test. 2010.', '',
      ].join('\n');
      const doc = parseDocument(text, 'text');
      assert.deepEqual(doc.headings.map((h) => [h.level, h.text]), [[1, 'Abstract'], [1, 'Case presentation'], [2, 'Imaging'], [1, 'Learning points'], [1, 'References']]);
      // A one-line paragraph of prose without a full stop, a numbered list and the title stay paragraphs.
      assert.ok(doc.paragraphs.some((p) => p.plain === 'The cramps began after he doubled his training' && p.kind === 'prose'));
      assert.deepEqual(doc.paragraphs.filter((p) => /^\d\. /.test(p.plain)).map((p) => p.kind), ['prose', 'prose', 'reference']);
    });
    it('a heading word in plain text is a heading only alone between blank lines, without a full stop', () => {
      const headings = (text: string) => parseDocument(text, 'text').headings.map((h) => h.text);
      assert.deepEqual(headings('Intro text.\nDiscussion\nmore text.\n'), []);
      assert.deepEqual(headings('Text.\n\nDiscussion.\n\nMore.\n'), []);
      assert.deepEqual(headings('Text.\n\nKeywords: cramps, ALS\n\nMore.\n'), []);
      assert.deepEqual(headings('Text.\n\n3. Aspirin 100 mg daily\n\nMore.\n'), []);
      assert.deepEqual(headings('Text.\n\nShe felt better\n\nMore.\n'), []);
      assert.deepEqual(headings('Text.\n\nDiscussion\n\nMore.\n'), ['Discussion']);
    });
    it('keeps code, tables, comments and front matter out of paragraphs', () => {
      const text = '---\ntitle: "Cramps"\narticle-type: case-report\n---\n\n```{r}\nx <- 1. Not prose.\n```\n\n| Nerve | CV (m/s) |\n|---|---|\n| Median | 52 |\n\n<!-- caselint-disable-next-line unsupported-claim -->\nProse here.\n';
      const doc = parseDocument(text, 'markdown');
      assert.equal(doc.frontMatter?.data?.title, 'Cramps');
      assert.equal(doc.title?.text, 'Cramps');
      assert.equal(doc.codeBlocks.length, 1);
      assert.equal(doc.tables.length, 1);
      assert.deepEqual(doc.tables[0].rows[0].map((c) => text.slice(c.start, c.end)), ['Median', '52']);
      assert.deepEqual(doc.paragraphs.map((p) => p.plain), ['Prose here.']);
      assert.deepEqual(doc.suppressions.map((s) => [s.kind, s.ruleIds]), [['disable-next-line', ['unsupported-claim']]]);
    });
    it('marks captions and reference lists', () => {
      const text = '# T\n\n**Figure 1.** MRI shows a lesion.\n\nText [1].\n\n## References\n\n1. Smith J. A paper. Brain. 2019.\n';
      const doc = parseDocument(text, 'markdown');
      assert.deepEqual(doc.paragraphs.map((p) => p.kind), ['caption', 'prose', 'reference']);
    });
    it('survives broken input', () => {
      for (const text of ['', '\u0000\u0000', '# \n', '[unclosed](', '```\nno end', '---\n: bad: [yaml\n---\ntext', '\r\n\r\n# A\r\nb.\r\n', '\uD800 lone surrogate.']) {
        const doc = parseDocument(text, 'markdown');
        for (const s of doc.sentences) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length);
      }
    });
    it('uses UTF-16 offsets for astral characters', () => {
      const text = '\u{1F9E0} Brain emoji first. Then text [1].';
      const doc = parseDocument(text, 'markdown');
      assert.equal(text.slice(doc.citations[0].start, doc.citations[0].end), '[1]');
    });
  });
});

describe('document model: heading spans', () => {
  it('a heading with an inline comment ends at its text', () => {
    const text = '# Title here <!-- expect required-section -->\n';
    const h = parseDocument(text, 'markdown').headings[0];
    assert.equal(text.slice(h.textStart, h.textEnd), 'Title here');
  });
});
