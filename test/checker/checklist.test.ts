import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, type CaselintConfig, type Format } from '../../server/src/checker';
import { checklist, type ChecklistItem } from '../../server/src/checker/views/checklist';
import { contentEvidence } from '../../server/src/checker/analysis/evidence';

const FIXTURES = join(__dirname, '..', 'fixtures', 'checklist');

function listFor(text: string, config: CaselintConfig = {}, format: Format = 'markdown') {
  return checklist(check(text, { config, format, rules: [] }));
}

function fixture(name: string) {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  const config = JSON.parse(/<!-- config (\{.*\}) -->/.exec(text)![1]) as CaselintConfig;
  return { text, list: listFor(text, config) };
}

function item(items: ChecklistItem[], id: string): ChecklistItem {
  const found = items.find((i) => i.id === id);
  assert.ok(found, `no item ${id}`);
  return found;
}

/** [start, end) of the n-th occurrence of a needle. */
function span(text: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `no ${needle}`);
  return { start: at, end: at + needle.length };
}

describe('checklist', () => {
  describe('CARE by headings', () => {
    it('counts the 13 CARE items (References listed, not counted) and locates each heading', () => {
      const { text, list } = fixture('care-headings.md');
      assert.equal(list.profile, 'care');
      assert.equal(list.label, 'CARE checklist');
      assert.equal(list.total, 13);
      assert.equal(list.done, 13);
      assert.equal(list.items.length, 14);
      assert.deepEqual(item(list.items, 'references'), { id: 'references', label: 'References', required: false, counted: false, status: 'present', ...span(text, 'References'), detail: 'heading "References"', via: 'heading' });
      assert.deepEqual(item(list.items, 'diagnostic-assessment'), {
        id: 'diagnostic-assessment', label: 'Diagnostic assessment', required: true, status: 'present',
        ...span(text, 'Diagnostic assessment'), detail: 'heading "Diagnostic assessment"', via: 'heading',
      });
      // CARE item 1 is judged by content only: the title must say "case report".
      assert.deepEqual(item(list.items, 'title'), {
        id: 'title', label: 'Title', required: false, status: 'present',
        ...span(text, 'Tardy ulnar nerve palsy decades after an elbow fracture: a case report'), detail: 'title contains "case report"', via: 'content',
      });
    });
  });

  describe('CARE by content', () => {
    const { text, list } = fixture('care-content.md');
    const cases: [string, ChecklistItem['status'], { start: number; end: number } | undefined, string, ('heading' | 'content')?][] = [
      ['title', 'empty', span(text, 'Wrist drop after sleeping on a bench'), 'title "Wrist drop after sleeping on a bench" does not contain "case report"'],
      ['keywords', 'present', span(text, 'keywords'), 'front matter "keywords"'],
      // The model makes front matter `abstract` the Abstract section, its heading at the key.
      ['abstract', 'present', span(text, 'abstract'), 'heading "Abstract"', 'heading'],
      ['timeline', 'present', span(text, '| Day | Finding |'), 'a timeline table'],
      ['patient-perspective', 'present', span(text, 'In the patient\'s own words: "I was scared I would not work again, but the splint helped."'), "the patient's perspective"],
      ['consent', 'present', span(text, 'Consent for publication was obtained in writing from the patient.'), 'a consent statement'],
    ];
    for (const [id, status, where, detail, via = 'content'] of cases) {
      it(`${id}: ${status} (${detail})`, () => {
        const got = item(list.items, id);
        assert.equal(got.status, status);
        assert.equal(got.via, via);
        assert.deepEqual({ start: got.start, end: got.end }, where);
        assert.equal(got.detail, detail);
      });
    }
    it('still finds the heading items, sub-sections included', () => {
      assert.equal(item(list.items, 'patient-information').detail, 'heading "Case presentation"');
      assert.equal(item(list.items, 'clinical-findings').detail, 'heading "Examination"');
      assert.equal(item(list.items, 'therapeutic-intervention').detail, 'heading "Treatment"');
      assert.equal(item(list.items, 'follow-up').detail, 'heading "Outcome"');
      assert.equal(list.done, 12);
      assert.equal(list.total, 13);
    });
  });

  describe('content checks', () => {
    it('keywords: a "Keywords:" line (bold or not), or empty', () => {
      let text = '# A case report\n\n**Keywords:** foot drop; ganglion\n';
      assert.deepEqual(contentEvidence(check(text).model, 'keywords'), { status: 'present', ...span(text, '**Keywords:** foot drop; ganglion'), detail: 'a "Keywords:" line' });
      text = '# A case report\n\nKey words — foot drop\n';
      assert.equal(contentEvidence(check(text).model, 'keywords')?.status, 'present');
      text = '# A case report\n\nKeywords:\n\nText.\n';
      assert.deepEqual(contentEvidence(check(text).model, 'keywords'), { status: 'empty', ...span(text, 'Keywords:'), detail: 'a "Keywords:" line without text' });
      text = '# A case report\n\n```\nKeywords: in code\n```\n';
      assert.equal(contentEvidence(check(text).model, 'keywords'), undefined);
      text = '---\nkeywords: []\n---\n\nText.\n';
      assert.deepEqual(contentEvidence(check(text).model, 'keywords'), { status: 'empty', start: 4, end: 12, detail: 'front matter "keywords" is empty' });
    });

    it('keywords and abstract in LaTeX', () => {
      const text = '\\title{X}\n\\begin{abstract}\nA man had foot drop.\n\\end{abstract}\n\\keywords{foot drop}\n';
      const model = check(text, { format: 'latex', rules: [] }).model;
      assert.deepEqual(contentEvidence(model, 'abstract'), { status: 'present', ...span(text, '\\begin{abstract}'), detail: 'an abstract environment' });
      assert.deepEqual(contentEvidence(model, 'keywords'), { status: 'present', ...span(text, '\\keywords{foot drop}'), detail: 'a \\keywords command' });
      const empty = check('\\begin{abstract}\n% later\n\\end{abstract}\n', { format: 'latex', rules: [] }).model;
      assert.equal(contentEvidence(empty, 'abstract')?.status, 'empty');
    });

    it('abstract: an "Abstract:" paragraph', () => {
      const text = 'My case report\n\nAbstract: A man had foot drop.\n';
      assert.deepEqual(contentEvidence(check(text).model, 'abstract'), { status: 'present', ...span(text, 'Abstract: A man had foot drop.'), detail: 'an "Abstract:" paragraph' });
    });

    it('timeline: a table with a time column or a timeline caption, not any table', () => {
      let text = '| Date | Event |\n|---|---|\n| 1 May | onset |\n';
      assert.deepEqual(contentEvidence(check(text).model, 'timeline'), { status: 'present', ...span(text, '| Date | Event |'), detail: 'a timeline table' });
      text = '| Test | Result |\n|---|---|\n| CK | 300 |\n';
      assert.equal(contentEvidence(check(text).model, 'timeline'), undefined);
      text = 'Figure 1. Timeline of symptoms and treatment.\n';
      assert.deepEqual(contentEvidence(check(text).model, 'timeline'), { status: 'present', start: 0, end: text.length - 1, detail: 'a timeline figure or table' });
      text = 'Table 2: Clinical time line\n\n| Step | Event |\n|---|---|\n| a | b |\n';
      assert.equal(contentEvidence(check(text).model, 'timeline')?.detail, 'a timeline table');
    });

    it('consent: "consent" with obtained/written/informed..., not any mention of consent', () => {
      let text = 'The patient gave written consent for this report. He is well.\n';
      assert.deepEqual(contentEvidence(check(text).model, 'consent'), { status: 'present', ...span(text, 'The patient gave written consent for this report.'), detail: 'a consent statement' });
      text = 'He could not consent to surgery.\n';
      assert.equal(contentEvidence(check(text).model, 'consent'), undefined);
      text = '## References\n\n1. Smith. Informed consent obtained in trials. 2001.\n';
      assert.equal(contentEvidence(check(text).model, 'consent'), undefined, 'reference entries do not count');
    });

    it('patient perspective: the phrase, with text', () => {
      let text = "Patient's perspective: I feel better now.\n";
      assert.deepEqual(contentEvidence(check(text).model, 'patient-perspective'), { status: 'present', ...span(text, "Patient's perspective: I feel better now."), detail: "the patient's perspective" });
      text = '**Patient perspective:**\n';
      assert.equal(contentEvidence(check(text).model, 'patient-perspective')?.status, 'empty');
      text = 'In his own words, the pain was "like fire".\n';
      assert.equal(contentEvidence(check(text).model, 'patient-perspective')?.status, 'present');
      assert.equal(contentEvidence(check('The perspective of the surgeon differed.\n').model, 'patient-perspective'), undefined);
    });

    it('title: a first heading that is a section is no title', () => {
      const list = listFor('# Abstract\n\nText.\n', { profile: 'care' });
      assert.deepEqual(item(list.items, 'title'), { id: 'title', label: 'Title', required: false, status: 'missing', detail: 'no title' });
      const hyphen = listFor('# Foot drop: a case-report\n', { profile: 'care' });
      assert.equal(item(hyphen.items, 'title').status, 'present');
    });
  });

  describe('statuses', () => {
    it('empty heading → empty at the heading; content elsewhere wins over an empty heading', () => {
      let text = '# X case report\n\n## Keywords\n\n## Case\n\nText.\n';
      let list = listFor(text, { profile: 'care' });
      assert.deepEqual(item(list.items, 'keywords'), { id: 'keywords', label: 'Keywords', required: true, status: 'empty', ...span(text, 'Keywords'), detail: 'heading "Keywords"', via: 'heading' });
      text = '# X case report\n\n## Keywords\n\n## Case\n\nKeywords: palsy\n';
      list = listFor(text, { profile: 'care' });
      assert.deepEqual(item(list.items, 'keywords'), { id: 'keywords', label: 'Keywords', required: true, status: 'present', ...span(text, 'Keywords: palsy'), detail: 'a "Keywords:" line', via: 'content' });
    });

    it('missing items carry no location', () => {
      const list = listFor('Nothing here.\n', { profile: 'care' });
      assert.deepEqual(item(list.items, 'timeline'), { id: 'timeline', label: 'Timeline', required: true, status: 'missing' });
      assert.equal(list.done, 0);
    });

    it('lists custom required sections from config', () => {
      const text = '## Funding\n\nNone.\n';
      const list = listFor(text, { requiredSections: [{ id: 'funding', headings: ['Funding'] }] });
      assert.deepEqual(item(list.items, 'funding'), { id: 'funding', label: 'Funding', required: true, status: 'present', ...span(text, 'Funding'), detail: 'heading "Funding"', via: 'heading' });
      assert.equal(list.total, 9);
    });
  });

  describe('journal profiles', () => {
    it('JMCR: structured abstract with all its parts', () => {
      const { list } = fixture('jmcr-style.md');
      assert.equal(list.profile, 'jmcr');
      assert.deepEqual([list.done, list.total], [6, 6]);
      assert.equal(item(list.items, 'abstract').missingParts, undefined);
      assert.equal(item(list.items, 'consent').detail, 'heading "Declarations"');
    });

    it('AJCR: an abstract without its Conclusions part, a missing Conclusions section', () => {
      const { list } = fixture('ajcr-style.md');
      const abstract = item(list.items, 'abstract');
      assert.equal(abstract.status, 'present');
      assert.deepEqual(abstract.missingParts, ['Conclusions']);
      assert.equal(abstract.detail, 'heading "Abstract"; structured abstract without "Conclusions"');
      assert.equal(item(list.items, 'conclusion').status, 'missing');
      assert.equal(item(list.items, 'keywords').required, false);
      assert.deepEqual([list.done, list.total], [4, 6]);
    });

    it('BMJ Case Reports: every template section found', () => {
      const { list } = fixture('bmj-template.md');
      assert.deepEqual([list.done, list.total], [10, 10]);
      assert.equal(item(list.items, 'learning-points').detail, 'heading "Learning points/take home messages"');
      assert.equal(item(list.items, 'patient-perspective').detail, 'heading "Patient’s perspective"');
    });

    it('points at the body section rather than the structured abstract\'s sub-heading of the same name', () => {
      const text = '## Abstract\n\n### Background\n\nShort.\n\n### Case presentation\n\nA man.\n\n### Conclusions\n\nRare.\n\n## Background\n\nLonger.\n';
      const list = listFor(text, { profile: 'jmcr' });
      assert.deepEqual({ start: item(list.items, 'introduction').start }, { start: span(text, 'Background', 1).start });
      // A structured abstract's sub-heading does not satisfy the body item of the same name.
      assert.equal(item(list.items, 'case').status, 'missing', 'only the abstract has it');
      assert.equal(item(list.items, 'abstract').missingParts, undefined);
    });

    it('front matter abstract parts are looked for in the front matter text', () => {
      const text = '---\nabstract: "Background: a. Case presentation: b. Conclusions: c."\n---\n\nText.\n';
      const list = listFor(text, { profile: 'jmcr' });
      assert.equal(item(list.items, 'abstract').status, 'present');
      assert.equal(item(list.items, 'abstract').missingParts, undefined);
      const partial = listFor('---\nabstract: |\n  Background: a.\n  Conclusions: c.\n---\n\nText.\n', { profile: 'jmcr' });
      assert.deepEqual(item(partial.items, 'abstract').missingParts, ['Case presentation']);
    });
  });
});
