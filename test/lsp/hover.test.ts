import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bibliographyFormatOf, check, parseBibliography, RULES, ruleDocsUrl, type CaselintConfig, type Rule } from '../../server/src/checker';
import { namedBibliographies, type BibFile } from '../../server/src/lsp/bibfiles';
import { caselintHover, hoverWithBibliographies, type HoverOptions } from '../../server/src/lsp/hover';
import { spawnServer, type TestClient } from './client';

/** The section rules only, so that other rules' findings do not change these hovers. */
const SECTION_RULES = RULES.filter((r) => r.id === 'required-section' || r.id === 'empty-section');

function setup(text: string, config: CaselintConfig = {}, rules: Rule[] = SECTION_RULES, uri = 'untitled:case.md') {
  const document = TextDocument.create(uri, 'markdown', 1, text);
  const result = check(text, { config, rules });
  const at = (line: number, character: number, options: HoverOptions = {}) => caselintHover(result, document, { position: { line, character } }, options);
  /** As the server answers: the bibliography files next to the document read first. */
  const read = (line: number, character: number) => hoverWithBibliographies(result, document, { position: { line, character } });
  return { document, result, at, read };
}

function value(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}

const CARE_DOC = [
  '# Foot drop after squatting: a case report', // 0
  '', // 1
  '## Abstract', // 2
  '', // 3
  'A man developed foot drop after long squatting [1].', // 4
  '', // 5
  '## Diagnostic work-up', // 6
  '', // 7
  'Conduction block at the fibular head was found [2, 3].', // 8
  '', // 9
  '### Ultrasound', // 10
  '', // 11
  'The nerve was swollen [9].', // 12
  '', // 13
  '## Other thoughts', // 14
  '', // 15
  'None.', // 16
  '', // 17
  '## References', // 18
  '', // 19
  '1. Author A. Squatting palsy. J Neurol. 2001.', // 20
  '2. Author B. Fibular neuropathy. Muscle Nerve. 2010.', // 21
  '3. Author C. Conduction block. Brain. 2012.', // 22
  '',
].join('\n');

describe('hover', () => {
  describe('on a finding', () => {
    it('explains a required-section finding: message, why, how to fix, suppression and the rule page', () => {
      const { at } = setup(CARE_DOC, { profile: 'care' });
      const h = at(0, 5);
      const v = value(h);
      // One explanation for the rule, one bullet per missing section.
      assert.equal(v.match(/\*\*caselint\*\* `required-section` \(error\)/g)?.length, 1);
      assert.match(v, /^- Missing required section "Keywords" \(profile "care"\)/m);
      assert.match(v, /^- Missing required section "Timeline" \(profile "care"\)/m);
      assert.match(v, /\*What it checks:\* The sections the profile requires are present\./);
      assert.match(v, /\*How to fix:\* Add the section under one of the accepted headings/);
      assert.match(v, /`<!-- caselint-disable-next-line required-section -->` on the line above/);
      assert.ok(v.includes(`[Rule documentation: required-section](${ruleDocsUrl('required-section')})`));
      // The finding sits on the title text: "Foot drop after squatting: a case report" (line 0, 2..42).
      assert.deepEqual(h!.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 42 } });
    });

    it('shows the category and cue a rule put in finding.data, the quick fix titles, and LaTeX suppression', () => {
      const text = 'Riluzole increases survival in everyone.\n';
      const rule: Rule = {
        id: 'demo-claim',
        description: 'A demo rule.',
        defaultSeverity: 'warning',
        check(ctx) {
          ctx.report({
            start: 9,
            end: 18,
            message: 'Uncited claim of *efficacy*.',
            data: { category: 'efficacy', cue: 'increases' },
            fixes: [{ title: 'Insert citation placeholder', kind: 'fix', edits: [{ start: 39, end: 39, newText: ' [?]' }] }],
          });
        },
      };
      const document = TextDocument.create('untitled:a.tex', 'latex', 1, text);
      const result = check(text, { rules: [rule], format: 'latex' });
      const h = caselintHover(result, document, { position: { line: 0, character: 12 } });
      const v = value(h);
      assert.match(v, /Uncited claim of \\\*efficacy\\\*\./, 'markup in messages is escaped');
      assert.match(v, /^Uncited claim of \\\*efficacy\\\*\.\n\n\*Why:\* category \*\*efficacy\*\*, cue "increases"\.$/m);
      assert.match(v, /See the rule page for how to fix it\. Quick fix: "Insert citation placeholder"\./);
      assert.match(v, /`% caselint-disable-next-line demo-claim`/);
      assert.deepEqual(h!.range, { start: { line: 0, character: 9 }, end: { line: 0, character: 18 } });
    });

    it('says nothing outside findings, citations and headings', () => {
      const { at } = setup(CARE_DOC, { profile: 'care' });
      assert.equal(at(4, 3), null);
      assert.equal(at(16, 1), null);
    });

    it('says nothing when the cached result does not match the document any more', () => {
      const { result } = setup(CARE_DOC, { profile: 'care' });
      const edited = TextDocument.create('untitled:case.md', 'markdown', 2, CARE_DOC.replace('Foot', 'Hand'));
      assert.equal(caselintHover(result, edited, { position: { line: 0, character: 5 } }), null);
    });
  });

  describe('over a real connection: how to silence a finding, in each format', function () {
    this.timeout(30000);
    let client: TestClient | undefined;
    afterEach(async () => {
      if (client) await client.shutdown();
      client = undefined;
    });

    /** A report with a title and a case presentation only: three missing sections at the title. */
    const DOCS: { uri: string; languageId: string; text: string; silence: RegExp }[] = [
      {
        uri: 'file:///tmp/caselint-test/silence.md',
        languageId: 'markdown',
        text: '# Foot drop after squatting: a case report\n\n## Case presentation\n\nA man had foot drop. Written informed consent for publication was obtained from the patient.\n',
        silence: /^\*To silence it:\* `<!-- caselint-disable-next-line required-section -->` on the line above\.$/m,
      },
      {
        uri: 'file:///tmp/caselint-test/silence.tex',
        languageId: 'latex',
        text: '\\title{Foot drop after squatting: a case report}\n\\section{Case presentation}\nA man had foot drop. Written informed consent for publication was obtained from the patient.\n',
        silence: /^\*To silence it:\* `% caselint-disable-next-line required-section` on the line above\.$/m,
      },
      {
        uri: 'file:///tmp/caselint-test/silence.txt',
        languageId: 'plaintext',
        text: 'FOOT DROP AFTER SQUATTING: A CASE REPORT\n\nCASE PRESENTATION\n\nA man had foot drop. Written informed consent for publication was obtained from the patient.\n',
        silence: /^\*To silence it:\* plain text has no comments; turn the rule off in the config's `rules` \(`"rules": \{ "required-section": "off" \}` in `\.caselint\.json`\)\.$/m,
      },
    ];

    for (const doc of DOCS) {
      it(`${doc.uri.slice(doc.uri.lastIndexOf('.'))}: the comment that works there, or the config when there is none`, async () => {
        client = spawnServer();
        await client.initialize();
        await client.open(doc.uri, doc.text, doc.languageId);
        const diagnostics = await client.pullItems(doc.uri);
        assert.deepEqual(diagnostics.map((d) => d.code), ['required-section', 'required-section', 'required-section']);
        const at = diagnostics[0].range.start;
        const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: at.line, character: at.character + 3 } })) as Hover | null;
        const v = value(hover);
        assert.match(v, /^\*\*caselint\*\* `required-section` \(error\)/);
        assert.match(v, doc.silence);
        if (doc.languageId === 'plaintext') assert.doesNotMatch(v, /<!--|caselint-disable/, 'no comment that would silence nothing');
        // What the hover tells the writer to write silences the finding.
        if (doc.languageId !== 'plaintext') {
          const comment = /`([^`]*caselint-disable-next-line[^`]*)`/.exec(v)![1];
          const lines = doc.text.split('\n');
          lines.splice(at.line, 0, comment);
          const uri = doc.uri.replace('silence.', 'silenced.');
          await client.open(uri, lines.join('\n'), doc.languageId);
          assert.deepEqual(await client.pullItems(uri), []);
        }
      });
    }
  });

  describe('on a citation marker', () => {
    it('shows the numbered reference-list entry', () => {
      const { at } = setup(CARE_DOC);
      const h = at(4, 48);
      const v = value(h);
      assert.match(v, /\*\*Citation\*\* `\[1\]`/);
      assert.match(v, /\\\[1\\\] Author A\. Squatting palsy\. J Neurol\. 2001\./);
      assert.deepEqual(h!.range, { start: { line: 4, character: 47 }, end: { line: 4, character: 50 } });
    });

    it('shows every entry of a multi-number marker', () => {
      const { at } = setup(CARE_DOC);
      const v = value(at(8, 49));
      assert.match(v, /\\\[2\\\] Author B\. Fibular neuropathy/);
      assert.match(v, /\\\[3\\\] Author C\. Conduction block/);
    });

    it('says when a number has no entry', () => {
      const { at } = setup(CARE_DOC);
      const h = at(12, 23);
      assert.match(value(h), /`9`: no matching entry in the reference list/);
      assert.deepEqual(h!.range, { start: { line: 12, character: 22 }, end: { line: 12, character: 25 } });
    });

    it('uses the bibliography files the caller supplies for Pandoc keys', async () => {
      const text = 'Squatting compresses the nerve [@lee2019].\n';
      const bib = '@article{other, title={X}}\n@article{lee2019,\n  title = {Squatting {palsy}},\n  year = 2019\n}\n';
      const parsed = async (name: string, t: string): Promise<BibFile> => ({ uri: `file:///${name}`, text: t, format: bibliographyFormatOf(name)!, entries: (await parseBibliography(name, t)).entries });
      const { at } = setup(text, {}, []);
      const h = at(0, 33, { bibliographies: [await parsed('refs.bib', bib)] });
      const v = value(h);
      assert.ok(v.includes('```bibtex\n@article{lee2019,\n  title = {Squatting {palsy}},\n  year = 2019\n}\n```'), v);
      assert.deepEqual(h!.range, { start: { line: 0, character: 31 }, end: { line: 0, character: 41 } });
      assert.match(value(at(0, 33, { bibliographies: [await parsed('refs.bib', '@book{x, title={Y}}')] })), /`lee2019`: not found in the bibliography/);
      assert.match(value(at(0, 33, { bibliographies: undefined })), /`lee2019`: no bibliography file found next to the document/);
      // CSL JSON: the entry's author, year and title.
      const csl = '[{"id": "lee2019", "type": "article-journal", "author": [{"family": "Lee", "given": "Ann"}], "issued": {"date-parts": [[2019]]}, "title": "Squatting palsy"}]';
      assert.match(value(at(0, 33, { bibliographies: [await parsed('refs.json', csl)] })), /`@lee2019`: Lee, 2019, Squatting palsy/);
    });

    it('on a reference-list entry, says where it is cited, or that nothing cites it', () => {
      const text = 'Cramps are common [1]. Quinine helps [1,2].\n\nMore [2].\n\n## References\n\n1. Alder A. Cramps. 2001.\n2. Birch B. Quinine. 2002.\n3. Cedar C. Never cited. 2003.\n';
      const { at } = setup(text, {}, []);
      const one = at(6, 5);
      assert.equal(value(one), '**Reference \\[1\\]** is cited 2 times: line 1.');
      assert.deepEqual(one!.range, { start: { line: 6, character: 3 }, end: { line: 6, character: 25 } });
      assert.equal(value(at(7, 5)), '**Reference \\[2\\]** is cited 2 times: lines 1, 3.');
      assert.equal(value(at(8, 5)), '**Reference \\[3\\]** is not cited in the text.');
    });

    it('finds a LaTeX \\bibitem for \\cite when no .bib is there', () => {
      const text = '\\section{Introduction}\nKnown before \\cite{lee2019}.\n\\begin{thebibliography}{9}\n\\bibitem{lee2019} Lee A. Squatting palsy. 2019.\n\\end{thebibliography}\n';
      const document = TextDocument.create('untitled:a.tex', 'latex', 1, text);
      const result = check(text, { format: 'latex', rules: [] });
      const h = caselintHover(result, document, { position: { line: 1, character: 16 } });
      assert.match(value(h), /\\\[lee2019\\\] Lee A\. Squatting palsy\. 2019\./);
      assert.deepEqual(h!.range, { start: { line: 1, character: 13 }, end: { line: 1, character: 27 } });
    });

    it('reads the .bib named in front matter, or the .bib files next to the document', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'caselint-hover-'));
      try {
        writeFileSync(join(dir, 'refs.bib'), '@article{kim2020, title = {Peroneal palsy}}\n');
        writeFileSync(join(dir, 'named.bib'), '@article{park2021, title = {Named file}}\n');
        const plain = 'As shown before [@kim2020].\n';
        const a = setup(plain, {}, [], pathToFileURL(join(dir, 'a.md')).href);
        assert.match(value(await a.read(0, 20)), /@article\{kim2020, title = \{Peroneal palsy\}\}/);

        const withFm = '---\nbibliography: named.bib\n---\n\nAs shown before [@park2021].\n';
        const b = setup(withFm, {}, [], pathToFileURL(join(dir, 'b.md')).href);
        assert.deepEqual(namedBibliographies(b.result.model), ['named.bib']);
        assert.match(value(await b.read(4, 20)), /@article\{park2021, title = \{Named file\}\}/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('on a heading', () => {
    it('names the profile item the heading satisfies', () => {
      const { at } = setup(CARE_DOC, { profile: 'care' });
      const h = at(6, 5);
      assert.match(value(h), /^Satisfies CARE checklist item 'Diagnostic assessment' \(`diagnostic-assessment`, required\)\.$/);
      assert.deepEqual(h!.range, { start: { line: 6, character: 3 }, end: { line: 6, character: 21 } });
    });

    it('says that a heading matches no item, or which section it belongs to', () => {
      const { at } = setup(CARE_DOC, { profile: 'care' });
      assert.match(value(at(14, 4)), /^"Other thoughts" matches no item of the CARE checklist profile\. To count it as one, add it under `headings`/);
      assert.match(value(at(10, 5)), /^"Ultrasound" matches no item of the CARE checklist profile; it is part of "Diagnostic work-up" \('Diagnostic assessment'\)\./);
    });

    it('calls the title heading the title', () => {
      const { at } = setup(CARE_DOC, { profile: 'care' });
      assert.match(value(at(0, 5)), /The document title: satisfies CARE checklist item 'Title' \(it contains "case report"\)\.$/);
      const other = setup(CARE_DOC.replace(': a case report', ''), { profile: 'care' });
      assert.match(value(other.at(0, 5)), /The document title: CARE checklist item 'Title' wants the words "case report" in it\.$/);
      assert.match(value(setup(CARE_DOC).at(0, 5)), /The document title\.$/);
    });

    it('follows the configured extra headings', () => {
      const { at } = setup(CARE_DOC, { profile: 'care', headings: { discussion: ['Other thoughts'] } });
      assert.match(value(at(14, 4)), /^Satisfies CARE checklist item 'Discussion'/);
    });

    it('says when the section is empty, together with its finding', () => {
      const text = '# A case report\n\n## Abstract\n\n## Case report\n\nA man.\n\n## Investigations\n\nNone.\n\n## Discussion\n\nShort.\n';
      const { at } = setup(text);
      const v = value(at(2, 4));
      assert.match(v, /`empty-section` \(warning\)/);
      assert.match(v, /Satisfies Default item 'Abstract' \(`abstract`, required\)\. The section is empty\./);
    });
  });
});
