import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { seededRandom as randomOf } from '../../bench/random';
import { check, createIncrementalChecker, lintFileAsync, RULES, type CaselintConfig, type CheckResult, type DocumentModel, type Finding, type Format, type Rule } from '../../server/src/checker';
import { analyseAbbreviations } from '../../server/src/checker/analysis/abbreviations';
import { caseFacts } from '../../server/src/checker/analysis/case-facts';
import { figureMentions } from '../../server/src/checker/analysis/figures';
import { referenceList } from '../../server/src/checker/analysis/references';

/**
 * The incremental checker (engine/incremental.ts) gives the model and the findings of a full check
 * of the new text after every edit: seeded random typing, deleting, pasting, blank lines inserted
 * and removed, block markup at line starts (fences, list markers, headings, HTML, reference
 * definitions), links to definitions, retitling, digits changed (facts, citation and figure
 * numbers) and undo, on documents built from our examples and fixtures and on corpus case
 * reports, each re-check compared with a fresh full check.
 */
const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** What a writer types: letters, spaces, sentence ends, line breaks, citation and heading marks. */
const TYPED = [' ', ' ', 'e', 'a', 's', '.', '. ', '\n', '\n\n', '[', ']', '1', '2', '#', '# ', '@', ',', '-', 'T', 'Dr ', '(', ')', '*', '`', '|', '%', '\\cite{', '}', 'X'];
const PASTED = [
  'These treatments increase the life expectancy.',
  ' It is well known that cramps always respond to quinine [3].',
  '\n\n## Discussion\n\nMotor neuron disease is the most common cause of cramps.\n',
  '\n\n# References\n\n1. Lee A. A paper. J Neurol. 2020.\n',
  ' The patient, born 12/07/1968, was seen by Dr Ellen Marsh at Northgate General.',
  '\n\n| Nerve | Amplitude |\n|---|---|\n| Median | 2X.5 mV |\n\n',
  ' This proves that the drug works (ALS, amyotrophic lateral sclerosis). ALS is rare [@lee2020].',
  '\n<!-- caselint-disable-next-line unsupported-claim -->\n',
  ' TODO: add [investigations] here.',
  // Facts that the document-level rules keep per sentence, paragraph or entry (abstract facts,
  // figure mentions, abbreviation definitions, reference entries).
  ' A 61-year-old woman had a 2-week history of fever and a CRP of 85 mg/L.',
  ' The patient was aged 58 and had had cramps for eleven months (Figure 2; Tables 1\u20132).',
  ' See @fig-emg and @tbl-ncs, and Figs. 1 and 3.',
  '\n\n8. Author J. A review of amyotrophic lateral sclerosis. Example J Neurol. 2020;1:1\u201310. doi:10.1000/xyz123\n',
  ' PMID: 12a4. doi: 10.12/ab. https://doi.org/10.1000/xyz123',
  ' The creatine kinase (CK) and the compound muscle action potential (CMAP) were measured.',
  '\n\n**Figure 3.** Fasciculation potentials {#fig-emg}.\n\n',
  // Blocks whose findings are kept per block (RuleContext.block): grades, tables, run-in abstracts.
  ' On examination, power was 6/5 in the right deltoid and the biceps reflex was 7+.',
  '\n\nTable 2. Muscle power (MRC grade).\n\n| Muscle group | Left | Right |\n|---|---|---|\n| Elbow flexion | 6 | 4- |\n\n',
  '\n\n| Nerve | Side | Amplitude (mV) | Conduction velocity (m/s) |\n|---|---|---|---|\n| Ulnar motor | X | 0 | 140 |\n',
  '\n\n**Abstract** Background: Cramps are the most common symptom of ALS.\n\nCase presentation: Quinine is known to reduce cramps.\n\nKeywords: ALS, cramps\n\n',
  ' This is the first case ever reported, and it is pathognomonic.',
  '\n<!-- caselint-disable exam-grade -->\n',
  '\n<!-- caselint-enable -->\n',
];

const HEADINGS = ['Case presentation', 'Case report', 'Discussion', 'Introduction', 'Abstract', 'Background', 'Conclusion', 'Acknowledgements', 'References', 'Investigations', 'Notes'];

type Edit = (text: string, random: () => number) => string;

const pick = <T>(xs: readonly T[], random: () => number): T => xs[Math.floor(random() * xs.length)];
const at = (text: string, random: () => number) => Math.floor(random() * (text.length + 1));

const EDITS: [number, Edit][] = [
  // Typing: a few characters at one place.
  [6, (text, random) => {
    const i = at(text, random);
    let typed = '';
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) typed += pick(TYPED, random);
    return text.slice(0, i) + typed + text.slice(i);
  }],
  // Writing on at the end of a line (most often a paragraph's end), or deleting back from it.
  [3, (text, random) => {
    const end = text.indexOf('\n', at(text, random));
    const i = end < 0 ? text.length : end;
    if (random() < 0.3) return text.slice(0, Math.max(0, i - 1 - Math.floor(random() * 3))) + text.slice(i);
    return text.slice(0, i) + pick([' ', 'a', '.', ' The', ' [2]', ' (ALS)', ' power 6/5', ' TODO', ' Figure 4'], random) + text.slice(i);
  }],
  // Deleting: a character, a word, sometimes a whole line or more.
  [4, (text, random) => {
    const i = at(text, random);
    const n = random() < 0.7 ? 1 + Math.floor(random() * 4) : Math.floor(random() * 200);
    return text.slice(0, i) + text.slice(Math.min(text.length, i + n));
  }],
  // Pasting: a sentence, a section, a table, or a piece of the document itself.
  [2, (text, random) => {
    const i = at(text, random);
    let pasted = pick(PASTED, random);
    if (random() < 0.4 && text.length) {
      const from = at(text, random);
      pasted = text.slice(from, from + Math.floor(random() * 400));
    }
    return text.slice(0, i) + pasted + text.slice(i);
  }],
  // Retitling a section: its sentences keep their text but may be read in another way.
  [1, (text, random) => {
    const headings = [...text.matchAll(/^(#+ |\\section\*?\{)?([A-Z][A-Za-z ]{2,40})(\}?)$/gm)];
    if (!headings.length) return text;
    const h = pick(headings, random);
    const start = h.index + (h[1]?.length ?? 0);
    const title = pick(HEADINGS, random);
    return text.slice(0, start) + (h[1] ? title : title.toUpperCase()) + text.slice(start + h[2].length);
  }],
];
/** The start of a random line. */
const lineStart = (text: string, random: () => number) => {
  const i = at(text, random);
  return text.lastIndexOf('\n', i - 1) + 1;
};
/** What may start a line: block markup whose reach crosses blank lines, or not (model/markdown.ts, chunks). */
const LINE_MARKUP = ['```', '```r', '~~~', '- ', '* ', '1. ', '2) ', '  - ', '    ', '> ', '# ', '## ', '<!-- ', '-->', '<div>', '<script>', '</script>', '\t', '|', '[1]: https://example.org/a "A"', '[lee]: https://doi.org/10.1/x', '===', '---', '\\begin{itemize}', '\\end{itemize}', '% '];
EDITS.push(
  // A blank line inserted, or a line break removed (two paragraphs joined, a block continued).
  [2, (text, random) => {
    const i = lineStart(text, random);
    if (random() < 0.5) return text.slice(0, i) + '\n' + text.slice(i);
    const j = text.indexOf('\n', i);
    return j < 0 ? text : text.slice(0, j) + text.slice(j + 1);
  }],
  // Block markup at the start of a line: a fence, a list marker, a heading, a quote, HTML, a
  // reference definition, an underline; sometimes on a line of its own.
  [2, (text, random) => {
    const i = lineStart(text, random);
    const markup = pick(LINE_MARKUP, random);
    return text.slice(0, i) + markup + (random() < 0.4 ? '\n' : '') + text.slice(i);
  }],
  // A link to a reference definition, or a definition's label changed.
  [1, (text, random) => {
    const i = at(text, random);
    return text.slice(0, i) + pick([' [the guideline][1]', ' [lee]', '[^1]', ' [x][lee]'], random) + text.slice(i);
  }],
);
EDITS.push(
  // A digit changed: an age, a duration, a measured value, a citation, a reference or figure number.
  [2, (text, random) => {
    const digits = [...text.matchAll(/\d/g)];
    if (!digits.length) return text;
    const d = pick(digits, random);
    return text.slice(0, d.index) + String(Math.floor(random() * 10)) + text.slice(d.index + 1);
  }],
);
const WEIGHT = EDITS.reduce((n, [w]) => n + w, 0);

function randomEdit(text: string, random: () => number, size: number): string {
  // Past half as long again as it started, the writer deletes (the checks stay fast).
  if (text.length > size * 1.5) return EDITS[1][1](text, random);
  let r = random() * WEIGHT;
  for (const [w, edit] of EDITS) {
    if ((r -= w) < 0) return edit(text, random);
  }
  return text;
}

/** The model without its cycles (paragraph ↔ section ↔ sentence): every block, sentence and citation with its offsets. */
const modelOf = (m: DocumentModel) => ({
  headings: m.headings,
  sections: m.sections.map((s) => [s.start, s.end, s.bodyStart, s.heading?.text, s.paragraphs.length, s.children.length]),
  paragraphs: m.paragraphs.map((p) => ({ ...p, section: p.section?.start, sentences: p.sentences.map((x) => ({ ...x, paragraph: undefined })) })),
  tables: m.tables.map((t) => ({ ...t, section: t.section?.start, caption: t.caption?.start })),
  codeBlocks: m.codeBlocks,
  comments: m.comments,
  suppressions: m.suppressions,
  lineStarts: m.lineStarts,
  title: m.title,
  parseWarnings: m.parseWarnings,
});

/**
 * What the document-level rules compare, kept per sentence, paragraph or entry by the memo: the
 * abstract's and the case presentation's facts, the figure mentions, the reference list's
 * entries, the abbreviations defined and used. Compared as well as the findings, which show a
 * stale fact only when it changes what the rule reports.
 */
const analysesOf = (r: CheckResult) => ({
  facts: caseFacts(r.model, r.sections),
  mentions: figureMentions(r.model),
  references: referenceList(r.model),
  abbreviations: analyseAbbreviations(r.model, r.sections),
});

/** Findings as the hosts see them: rule id, severity, message, offsets, fixes and data. */
const comparable = (findings: readonly Finding[]) => findings.map((f) => ({ ...f }));

interface Case {
  name: string;
  text: string;
  format: Format;
  config?: CaselintConfig;
  edits: number;
}

const example = read('examples/als-cramps-case-report.md');
/** The example with claims and identifiers of our fixtures in its discussion (about 6 KB: fast checks). */
const markdown = example.replace(/\n## Discussion\n/, (h) => h + '\n' + read('test/fixtures/unsupported-claim/categories.md').split('\n').filter((l) => !l.startsWith('#')).slice(0, 12).join('\n') + '\n');
/**
 * The example with what the document-level rules read: an abstract whose facts disagree with the
 * case presentation, figure captions and mentions, Quarto labels and references, abbreviation
 * definitions, and reference entries with DOIs and PMIDs (valid, malformed, duplicated).
 */
const documentLevel = example
  .replace(
    /\n## Introduction\n/,
    '\n## Abstract\n\nA 54-year-old man presented with a 6-month history of painful cramps. Creatine kinase (CK) was 380 U/L. ' +
      'Needle electromyography (EMG) showed fibrillation potentials (Figure 1, @fig-emg).\n$&',
  )
  .replace(/\n## Discussion\n/, '\n**Figure 1.** Needle EMG of the left first dorsal interosseous.\n\n![EMG](emg.png){#fig-emg}\n\n```{r}\n#| label: fig-cramps\nplot(1)\n```\n\nThe CK rose (Figure 2), see @fig-cramps and @tbl-missing.\n$&')
  .replace(/^(2\. .*)$/m, '$1 doi:10.1000/abc.2019 PMID: 31234567')
  .replace(/^(4\. .*)$/m, '$1 doi: 10.12/bad PMID: 12x')
  .replace(/^(7\. .*)$/m, '$1\n8. Author C. Incidence of ALS in Europe. Example Neuroepidemiology. 2019;2:11\u201320. https://doi.org/10.1000/abc.2019');
const CORPUS = [join(ROOT, '..', 'shared'), join(ROOT, '..', '..', 'shared'), '/work/shared'].map((d) => join(d, 'corpus', 'case-reports')).find(existsSync);
/** Two corpus case reports (the first two by name), each as written. */
function corpusCases(): Case[] {
  assert.ok(CORPUS, 'the corpus (shared/corpus/case-reports next to the repository, or /work/shared) is needed');
  const files = readdirSync(CORPUS).filter((f) => /^\d.*\.md$/.test(f)).sort().slice(0, 2);
  return files.map((f) => ({ name: `corpus document ${f.slice(0, 2)}`, text: readFileSync(join(CORPUS, f), 'utf8'), format: 'markdown' as const, edits: 200 }));
}

const CASES: Case[] = [
  { name: 'the example case report with claim and identifier fixtures (Markdown)', text: markdown, format: 'markdown', edits: 500 },
  {
    name: 'the same text with rule options (paragraph citation scope, allowed names, extra markers)',
    text: markdown,
    format: 'markdown',
    config: { citationScope: 'paragraph', identifiers: { allowNames: ['Marsh'] }, rules: { placeholder: ['warning', { markers: ['FIXME'] }] } },
    edits: 200,
  },
  { name: 'the example with an abstract, figures, Quarto labels and reference identifiers (document-level rules)', text: documentLevel, format: 'markdown', edits: 400 },
  ...corpusCases(),
  {
    name: 'the example with Windows line ends and a Quarto callout',
    text: example.replace(/\n## Discussion\n/, '\n::: {.callout-note}\n## A note\nIt is known that cramps are benign.\n:::\n$&').replace(/\n/g, '\r\n'),
    format: 'markdown',
    edits: 200,
  },
  {
    name: 'the example with grade and nerve conduction tables, grades and overstatements in prose, and a run-in abstract',
    text: [
      '**Abstract** Background: Cramps are the most common symptom of ALS [1]. Case presentation: Quinine reduces cramps.',
      '',
      'Keywords: ALS, cramps',
      '',
      markdown,
      ...['exam-grade/tables.md', 'exam-grade/prose.md', 'emg-table/ncs.md', 'emg-table/ranges.md', 'overstated-claim/overstated.md'].map((f) =>
        read(`test/fixtures/${f}`).replace(/ *<!-- expect [^>]*-->/g, '').replace(/^# .*$/m, ''),
      ),
    ].join('\n'),
    format: 'markdown',
    edits: 300,
  },
  {
    name: 'the same text with the abstract checked and paragraph citation scope',
    text: [markdown, read('test/fixtures/exam-grade/tables.md'), read('test/fixtures/emg-table/ncs.md')].join('\n').replace(/ *<!-- expect [^>]*-->/g, ''),
    format: 'markdown',
    config: { citationScope: 'paragraph', claims: { checkAbstract: true }, rules: { 'exam-grade': 'error' } },
    edits: 150,
  },
  { name: 'a LaTeX case report', text: read('test/fixtures/latex/case-report.tex'), format: 'latex', edits: 350 },
  { name: 'a plain-text case report', text: example.replace(/^#+ (.*)$/gm, (_, h: string) => h.toUpperCase()), format: 'text', edits: 350 },
];

describe('incremental checker (engine/incremental.ts)', () => {
  for (const c of CASES) {
    it(`equals a full check after each of ${c.edits} random edits: ${c.name}`, function () {
      this.timeout(180_000); // a few seconds each on an idle machine; CI machines may be loaded
      const random = randomOf(17 + c.edits + c.text.length);
      const checker = createIncrementalChecker();
      const history: string[] = [];
      let text = c.text;
      for (let i = 0; i < c.edits; i++) {
        if (history.length && random() < 0.12) text = history.pop()!; // undo
        else {
          history.push(text);
          if (history.length > 20) history.shift();
          text = randomEdit(text, random, c.text.length);
        }
        const options = { format: c.format, ...(c.config ? { config: c.config } : {}) };
        const incremental = checker.check(text, options);
        const full = check(text, options);
        assert.deepStrictEqual(modelOf(incremental.model), modelOf(full.model), `edit ${i}: the model differs from a full parse`);
        assert.deepEqual(comparable(incremental.findings), comparable(full.findings), `edit ${i}: the findings differ from a full check`);
        assert.deepStrictEqual(analysesOf(incremental), analysesOf(full), `edit ${i}: the document-level analyses differ from a full check's`);
      }
      // Most of the work was found in the memo, and the memo holds no more than two checks' worth.
      const { hits, misses, size, reused } = checker.stats();
      // The citation rules' findings were reused after some of the edits (engine/reuse.ts: Markdown only).
      if (c.format === 'markdown') assert.ok(reused > 0, 'no rule run was reused');
      else assert.equal(reused, 0);
      assert.ok(hits > misses * 4, `hits ${hits}, misses ${misses}`);
      assert.ok(size < 4 * (check(text, { format: c.format }).model.sentences.length + 200), `memo size ${size}`);
    });
  }

  describe('a rule with a scope (Rule.scope, engine/reuse.ts)', () => {
    const doc = [
      '# Cramps in motor neuron disease',
      '',
      '## Introduction',
      '',
      'Cramps are common in motor neuron disease [1], and they often respond to quinine [2]. Our patient had them for years.',
      '',
      'A second paragraph without any citation, long enough to type in the middle of it.',
      '',
      '## References',
      '',
      '1. Lee A. A paper on cramps. J Neurol. 2020.',
      '2. Kim B. Another paper. J Neurol. 2021.',
      '3. Park C. A paper never cited. J Neurol. 2022.',
      '',
    ].join('\n');
    let runs = 0;
    /** Reports every citation, with a fix that writes beside it: a function of the citations alone. */
    const probe: Rule = {
      id: 'citation-probe',
      description: 'Reports each citation (test).',
      defaultSeverity: 'warning',
      scope: 'citations',
      check(ctx) {
        runs++;
        for (const c of ctx.doc.citations) {
          ctx.report({ start: c.start, end: c.end, message: `cites ${c.keys.join(', ')}`, fixes: [{ title: 'Mark', kind: 'fix', edits: [{ start: c.end, end: c.end, newText: '*' }] }] });
        }
      },
    };
    const rules = [...RULES, probe];
    const typed = (text: string, after: string, what: string) => {
      const at = text.indexOf(after);
      assert.ok(at >= 0, after);
      return text.slice(0, at + after.length) + what + text.slice(at + after.length);
    };
    /**
     * A probe rule of a scope (it reports nothing) over a text: after each edit (text typed after a
     * place), whether it ran again (`again`), and a full check's findings.
     */
    const probeEdits = (text: string, scope: NonNullable<Rule['scope']>, edits: readonly (readonly [string, string, boolean])[]) => {
      let runs = 0;
      const withProbe = [...RULES, { ...probe, id: `${scope}-probe`, scope, check: () => void runs++ }];
      for (const [after, typedText, again] of edits) {
        const checker = createIncrementalChecker();
        checker.check(text, { rules: withProbe });
        const before = runs;
        const edited = typed(text, after, typedText);
        const result = checker.check(edited, { rules: withProbe });
        assert.equal(runs - before, again ? 1 : 0, `${typedText} after ${after}`);
        assert.deepEqual(comparable(result.findings), comparable(check(edited, { rules: withProbe }).findings), `${typedText} after ${after}`);
      }
    };
    // others: the rules of the other scopes (abbreviation, patient-identifier, abstract-consistency,
    // figure-table-reference, placeholder) are reused though the citation rules run again.
    const cases: { name: string; edit: (t: string) => string; reused: boolean; others?: true }[] = [
      { name: 'a letter typed in a paragraph without citations', edit: (t) => typed(t, 'long enough', 'x'), reused: true },
      { name: 'a word typed in a cited paragraph, away from its citations', edit: (t) => typed(t, 'Our pat', 'ient '), reused: true },
      { name: 'characters deleted in a paragraph', edit: (t) => t.replace('without any citation', 'without citation'), reused: true },
      { name: 'the same text again', edit: (t) => t, reused: true },
      { name: 'a letter typed just after a citation', edit: (t) => typed(t, '[1]', 'x'), reused: false },
      { name: 'a letter typed just before a citation', edit: (t) => typed(t, 'disease ', 'x'), reused: false },
      { name: 'a citation typed', edit: (t) => typed(t, 'long enough', ' [3]'), reused: false },
      { name: 'a line break typed in a paragraph', edit: (t) => typed(t, 'long enough', '\n'), reused: false },
      { name: 'a letter typed in a reference entry', edit: (t) => typed(t, 'Another', 'x'), reused: false, others: true },
      { name: 'a word typed at the end of a paragraph', edit: (t) => typed(t, 'in the middle of it.', ' Then more.'), reused: true },
      { name: 'a space typed at the end of a paragraph', edit: (t) => typed(t, 'in the middle of it.', ' '), reused: true },
      { name: 'the last character of a paragraph deleted', edit: (t) => t.replace('middle of it.', 'middle of it'), reused: true },
      { name: 'a letter typed at the start of a paragraph', edit: (t) => typed(t, 'years.\n\n', 'x'), reused: true },
      { name: 'a word typed at the start of a paragraph', edit: (t) => typed(t, 'years.\n\n', 'Then '), reused: true },
      { name: 'a letter typed in a heading', edit: (t) => typed(t, '## Intro', 'x'), reused: false },
      { name: 'a letter typed in the first paragraph of a section, at its start', edit: (t) => typed(t, '\n\n', 'x'), reused: false },
    ];
    for (const c of cases) {
      it(`${c.reused ? 'reuses' : 'runs again'} after ${c.name}, with a full check's findings`, () => {
        const checker = createIncrementalChecker();
        checker.check(doc, { rules });
        const before = runs;
        const reusedBefore = checker.stats().reused;
        const text = c.edit(doc);
        const result = checker.check(text, { rules });
        assert.equal(runs - before, c.reused ? 0 : 1, 'the probe ran');
        assert.deepEqual(comparable(result.findings), comparable(check(text, { rules }).findings));
        // The citation rules (citation-reference, citation-order, reference-entry) too (and
        // figure-table-reference where the edited paragraph holds nothing it reads).
        const reused = checker.stats().reused - reusedBefore;
        if (c.others) assert.equal(reused, 5, `${reused} runs reused`);
        else assert.ok(c.reused ? reused >= 4 : reused <= 1, `${reused} runs reused`);
      });
    }
    it('gives a full check\'s findings after writing at the start or the end of each paragraph, and reuses the rules that allow it', function () {
      this.timeout(180_000);
      let reusedRuns = 0;
      for (const base of [documentLevel, markdown]) {
        const ends = [...base.matchAll(/[^\n](?=\n\n|\n?$)/g)].map((m) => m.index! + 1);
        const starts = [...base.matchAll(/(?<=\n\n)[^\n]/g)].map((m) => m.index!);
        for (const [where, typedText] of [
          ...[' ', 'x', ' The CK (CK) was 5X.', ' [1]', ' (Figure 9)', '\u0008'].map((t) => [ends, t] as const),
          ...['x', ' ', 'The CK (CK) was 5X. ', '[1] ', '- ', 'Dr Ellen Marsh ', '\u007f'].map((t) => [starts, t] as const),
        ]) {
          const checker = createIncrementalChecker();
          let text = base;
          checker.check(text);
          // From the last paragraph back, so that the earlier places stay where they are.
          for (const end of [...where].reverse()) {
            // (\u0008: the character before deleted; \u007f: the character after.)
            if (typedText === '\u0008') text = text.slice(0, end - 1) + text.slice(end);
            else if (typedText === '\u007f') text = text.slice(0, end) + text.slice(end + 1);
            else text = text.slice(0, end) + typedText + text.slice(end);
            const before = checker.stats().reused;
            const incremental = checker.check(text);
            reusedRuns += checker.stats().reused - before;
            assert.deepEqual(comparable(incremental.findings), comparable(check(text).findings), `${JSON.stringify(typedText)} at ${end}`);
          }
        }
      }
      assert.ok(reusedRuns > 100, `${reusedRuns} runs reused`);
    });

    it('reuses a figure rule\'s findings only after an edit that leaves every mention, label and caption the same', () => {
      const figures = [
        '# Cramps',
        '',
        '## Case presentation',
        '',
        'The biopsy showed atrophy (Figure 2).',
        '',
        'A plain sentence to type in, with no mention at all.',
        '',
        'See @fig-emg for the recording, and a few more words here.',
        '',
        '**Figure 1.** Needle EMG {#fig-emg}.',
        '',
      ].join('\n');
      probeEdits(figures, 'figures', [
        ['to type', 'x', false],
        ['no mention', ' of anything', false],
        ['to type', ' (Fig. 3)', true],
        ['to type', ' @fig-x', true],
        ['to type', ' {#fig-y}', true],
        ['a few more', 'x', true],
        ['(Figure 2', 'x', true],
        ['The biopsy', ' clearly', false], // the mention only moves
        ['Needle', 'x', true],
      ]);
    });

    it('reuses the abbreviation rule\'s findings after an edit that leaves every definition and use the same', () => {
      const abbreviations = [
        '# Cramps',
        '',
        '## Case presentation',
        '',
        'A man with amyotrophic lateral sclerosis (ALS) had cramps. His ALS progressed over two years, and the CK was high.',
        '',
        'A plain paragraph to type in.',
        '',
        '## Discussion',
        '',
        'Cramps are common in ALS, and EMG shows fasciculations.',
        '',
      ].join('\n');
      probeEdits(abbreviations, 'abbreviations', [
        ['to type', 'x', false],
        ['progressed', ' slowly', false],
        ['Cramps are', ' very', false],
        ['His A', 'x', true],
        ['His ALS', 'x', true],
        ['to type', ' MND', true],
        ['to type', ' motor neuron disease (MND)', true],
        ['sclerosis', 'x', true],
      ]);
    });

    it('reuses the abstract\'s consistency findings after an edit that leaves every fact the same', () => {
      const facts = [
        '# Cramps',
        '',
        '## Abstract',
        '',
        'A 54-year-old man had a 6-month history of cramps.',
        '',
        '## Case presentation',
        '',
        'A 45-year-old man presented with a 3-month history of cramps. He was otherwise well and walked every day.',
        '',
        '## Discussion',
        '',
        'Cramps are common in motor neuron disease, and this paragraph is long enough to type in.',
        '',
      ].join('\n');
      probeEdits(facts, 'case-facts', [
        ['Cramps are', ' very', false],
        ['common in', ' older', false],
        ['to type', 'x', true], // within 16 characters of the paragraph's end
        ['A 45', '0', true],
        ['presented', ' again', true], // within 12 characters before a fact
        ['He was otherwise', ' quite', false],
        ['He was otherwise', ' 52 years old and', true],
        ['A 54-year-old man', ' first', true],
      ]);
    });

    it('reuses the identifier rule\'s findings after an edit in a paragraph that holds no identifier', () => {
      const identifiers = [
        '# Cramps',
        '',
        '## Case presentation',
        '',
        'The patient was seen by Dr Ellen Marsh on 12/07/2019.',
        '',
        'He had cramps in both calves, and this paragraph is long enough to type in.',
        '',
        'Marsh saw him again.',
        '',
      ].join('\n');
      probeEdits(identifiers, 'identifiers', [
        ['He had', ' often', false],
        ['in both', ' of his', false],
        ['to type', 'x', true], // within 16 characters of the paragraph's end
        ['He had', ' seen Dr John Smith and', true],
        ['He had', ' on 3 March 2020', true],
        ['Dr Ellen', 'x', true],
      ]);
    });

    it("reuses the placeholder rule's findings after an edit in a paragraph that holds no placeholder, nor a backtick typed", () => {
      const placeholders = [
        '# Cramps',
        '',
        '## Case presentation',
        '',
        'The patient, aged XX years, had cramps [TODO: add the dates].',
        '',
        'He had cramps in both calves, and this paragraph is long enough to type in.',
        '',
        'Quinine (`XX mg`) helped.',
        '',
        '## References',
        '',
        '1. Lee A. A paper on cramps. J Neurol. 2020.',
        '',
      ].join('\n');
      probeEdits(placeholders, 'placeholders', [
        ['He had', ' often', false],
        ['to type', ' it', false],
        ['A paper', ' good', false], // a reference entry without a placeholder
        ['He had', ' TODO', true],
        ['He had', ' `code`', true], // a backtick typed
        ['aged XX', 'X', true],
        ['Quinine (`XX', ' ', true],
        ['A paper', ' ???', true],
      ]);
    });

    it("keeps what a scoped rule's run looked up while its findings are reused: the run after many reused checks computes only the edited paragraph's", () => {
      const paragraphs = Array.from({ length: 60 }, (_, i) => `Paragraph ${i} of the case, about cramps in the calves, long enough to type in.`);
      const text = ['# Cramps', '', '## Case presentation', '', ...paragraphs.flatMap((p) => [p, '']), 'He was seen by Dr Ellen Marsh.', ''].join('\n');
      const checker = createIncrementalChecker();
      checker.check(text);
      let edited = text;
      // Edits that leave every scope the same: the scoped rules' findings are reused each time.
      const reusedBefore = checker.stats().reused;
      for (let i = 0; i < 6; i++) checker.check((edited = typed(edited, 'Paragraph 30 of', ' x')));
      assert.ok(checker.stats().reused - reusedBefore >= 6 * 5, 'the scoped rules were reused');
      const before = checker.stats().misses;
      // An identifier typed: patient-identifier runs again, and finds every other paragraph's search in the memo.
      const withName = typed(edited, 'Paragraph 30 of', ' Dr John Smith and');
      const result = checker.check(withName);
      assert.deepEqual(comparable(result.findings), comparable(check(withName).findings));
      assert.ok(checker.stats().misses - before < 30, `${checker.stats().misses - before} computed`);
    });

    it('a scoped rule that works in steps still pauses between them when driven', async () => {
      let inside = false;
      let pausesInside = 0;
      const stepped: Rule = {
        ...probe,
        id: 'stepped-probe',
        *check() {
          inside = true;
          for (let i = 0; i < 3; i++) {
            const t = Date.now();
            while (Date.now() - t < 20); // more than a slice of work (steps.ts, SLICE_MS)
            yield;
          }
          inside = false;
        },
      };
      const checker = createIncrementalChecker();
      const linted = await checker.lintAsync(example, { format: 'markdown', rules: [stepped], pause: async () => void (inside && pausesInside++) });
      assert.ok(linted.result);
      assert.ok(pausesInside >= 2, `${pausesInside} pauses inside the rule`);
    });

    it('reuses when the host reads the bibliographies again for each check', async () => {
      const withFile = example.replace('article-type: case-report\n', 'article-type: case-report\nbibliography: refs.bib\n');
      const readBibliography = async (r: { name: string }) => ({ path: r.name }); // not found, each time
      const checker = createIncrementalChecker();
      await checker.lintAsync(withFile, { format: 'markdown', rules, readBibliography });
      const before = runs;
      const text = typed(withFile, 'neuromuscular', ' and muscle');
      const linted = await checker.lintAsync(text, { format: 'markdown', rules, readBibliography });
      assert.equal(runs - before, 0);
      assert.deepEqual(comparable(linted.result!.findings), comparable((await lintFileAsync(text, { format: 'markdown', rules, readBibliography })).result!.findings));
    });

    it('runs again after the config or the rules changed, and after clear()', () => {
      const checker = createIncrementalChecker();
      checker.check(doc, { rules });
      let before = runs;
      checker.check(doc, { rules, config: { citationOrder: 'none' } });
      assert.equal(runs - before, 1);
      before = runs;
      checker.check(doc, { rules });
      assert.equal(runs - before, 1);
      before = runs;
      checker.check(doc, { rules: [...rules] }); // the same rules
      checker.check(doc, { rules: [...RULES, { ...probe }] }); // another probe
      assert.equal(runs - before, 1);
      checker.clear();
      assert.equal(checker.stats().reused, 0);
      before = runs;
      checker.check(doc, { rules: [...RULES, probe] });
      assert.equal(runs - before, 1);
    });
  });

  it('keeps no old version of the text alive: the heap stays flat over many edits of a long document', () => {
    // (A memoised value or key that is a slice of the text would keep each version it was cut from.)
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const checker = createIncrementalChecker();
    let text = documentLevel.repeat(40); // about 200 KB, with what the document-level rules keep
    const random = randomOf(23);
    checker.check(text);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 60; i++) {
      const at = Math.floor(((i + random()) / 60) * text.length);
      text = text.slice(0, at) + (i % 2 ? 'a' : ' ') + text.slice(at);
      checker.check(text);
    }
    gc();
    const grown = (process.memoryUsage().heapUsed - before) / 1e6;
    // Sixty versions of 200 KB kept alive would be 12 MB or more.
    assert.ok(grown < 6, `the heap grew by ${grown.toFixed(1)} MB over 60 edits`);
  });

  it('lint and lintAsync use the memo and give lintFile’s result', async () => {
    const checker = createIncrementalChecker();
    const text = read('examples/als-cramps-case-report.md');
    const first = checker.lint(text, { format: 'markdown' });
    const edited = text.replace('cramps', 'cramp');
    const second = await checker.lintAsync(edited, { format: 'markdown' });
    assert.deepEqual(first.result!.findings, check(text).findings);
    assert.deepEqual(second.result!.findings, check(edited).findings);
    assert.ok(checker.stats().hits > 0);
    checker.clear();
    assert.equal(checker.stats().size, 0);
  });
});
