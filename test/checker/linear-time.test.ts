import { strict as assert } from 'node:assert';
import { check, parseDocument, type Format } from '../../server/src/checker';
import { findPlaceholders } from '../../server/src/checker/analysis/placeholders';
import { findCitations } from '../../server/src/checker/model/citations';
import { splitSentences } from '../../server/src/checker/model/sentences';
import { EnvironmentEnds, GroupEnds, MathClosers } from '../../server/src/checker/model/latex/search';
import { DisjointSpans } from '../../server/src/checker/model/text';
import { seededRandom } from '../../bench/random';
import { collectGarbage } from '../../server/src/lsp/heap';

/**
 * No input may take super-linear time (issue 14). Each construction is checked at n and 2n
 * repetitions in one run: the best of three timings of each, taken in turn; doubling the
 * input must not multiply the time by 3 or more (linear gives about 2, quadratic 4). A ratio
 * measured in one run, never an absolute time: the machine may be slow or loaded (and the time
 * is the process's CPU time, which other processes' load changes less than the clock's). A failed
 * measurement is repeated (up to three times, each run from a collected heap) before the test fails, so that one disturbed
 * run does not fail it, while a quadratic cost fails every time.
 */

/**
 * What is timed: a whole check of the text in a format, or one function of the model on a plain
 * text (where the construction's cost lies: a check's other work would hide it at small sizes).
 */
type Subject = Format | ((text: string) => unknown);

/**
 * CPU time of one run in ms (the process's, not the wall clock's: other processes' load does not
 * count). With `clean`, a full collection first, so that V8's GC threads are not still marking
 * the garbage of earlier tests while the run is timed (their time counts in the process's too).
 */
function timeRun(text: string, subject: Subject, clean = false): number {
  if (clean) collectGarbage();
  const t0 = process.cpuUsage();
  if (typeof subject === 'function') subject(text);
  else check(text, { format: subject });
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
}

/** time(2n) / time(n), each the best of three runs taken in turn. */
function doublingRatio(make: (n: number) => string, subject: Subject, n: number, clean = false): number {
  const small = make(n);
  const large = make(2 * n);
  let a = Infinity;
  let b = Infinity;
  for (let k = 0; k < 3; k++) {
    a = Math.min(a, timeRun(small, subject, clean));
    b = Math.min(b, timeRun(large, subject, clean));
  }
  return b / Math.max(a, 0.5);
}

/** An n (from `n` up, by powers of two) whose run, warmed up, takes at least 20 ms of CPU time: shorter times are mostly noise. */
function measurableSize(make: (n: number) => string, subject: Subject, n: number): number {
  for (;;) {
    const text = make(n);
    timeRun(text, subject);
    const t = Math.min(timeRun(text, subject), timeRun(text, subject));
    if (n >= 1 << 20 || t >= 20) return n;
    n *= 2 ** Math.max(1, Math.min(4, Math.ceil(Math.log2(20 / Math.max(t, 1)))));
  }
}

function assertLinear(make: (n: number) => string, subject: Subject, n: number): void {
  const size = measurableSize(make, subject, n);
  const ratios: number[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    // A repeated measurement starts each run from a collected heap (see timeRun).
    const r = doublingRatio(make, subject, size, attempt > 0);
    ratios.push(r);
    if (r < 3) return;
  }
  assert.fail(`doubling the input (${size} to ${2 * size} repetitions) multiplied the time by ${ratios.map((r) => r.toFixed(2)).join(', ')} (3 or more: not linear)`);
}

const LATEX_HEAD = '\\section{Case report}\n';
const MD_HEAD = '# Case report\n\n';
const sentencesOf = (plain: string) => splitSentences(plain, findCitations(plain));
/** A whole check under the CARE profile (its keywords item looks for \\keywords and "Keywords:"). */
const careLatex = (text: string) => check(text, { format: 'latex', config: { profile: 'care' } });
const careMarkdown = (text: string) => check(text, { format: 'markdown', config: { profile: 'care' } });

/**
 * [name, what is timed, text of n repetitions, smallest n tried]. The smallest n is where the
 * quadratic cost fixed by issue 14 dominated (a ratio near 4 before the fix).
 */
const CONSTRUCTIONS: [string, Subject, (n: number) => string, number][] = [
  ['many unclosed \\[ (display math)', 'latex', (n) => LATEX_HEAD + 'a \\[ b '.repeat(n), 4000],
  ['many unclosed \\( (inline math)', 'latex', (n) => LATEX_HEAD + 'a \\( b '.repeat(n), 4000],
  ['many unclosed \\cite{', 'latex', (n) => LATEX_HEAD + 'a \\cite{b '.repeat(n), 4000],
  ['many unclosed \\item[', 'latex', (n) => LATEX_HEAD + '\\item[b '.repeat(n), 8000],
  ['many unclosed \\section{', 'latex', (n) => LATEX_HEAD + '\\section{b '.repeat(n), 4000],
  ['many unclosed \\section{ on separate lines', 'latex', (n) => LATEX_HEAD + '\\section{b\n'.repeat(n), 8000],
  ['many \\verb on one line', 'latex', (n) => LATEX_HEAD + 'a \\verb|b '.repeat(n), 8000],
  ['many unclosed \\begin{equation}, one per paragraph', 'latex', (n) => LATEX_HEAD + 'a \\begin{equation} b\n\n'.repeat(n), 4000],
  ['many \\begin{ without a closing brace', 'latex', (n) => LATEX_HEAD + 'a \\begin{b '.repeat(n), 8000],
  ['many \\begin{thebibliography}', 'latex', (n) => LATEX_HEAD + '\\begin{thebibliography}{9}\\bibitem{a} b\n'.repeat(n), 8000],
  ['many commented-out \\begin{document} on one line', 'latex', (n) => '% ' + '\\begin{document}'.repeat(n) + '\n' + LATEX_HEAD + 'a b.', 8000],
  ['many \\cite in one sentence (the sentence splitter)', sentencesOf, (n) => 'a \\cite{b} '.repeat(n), 8000],
  ['many \\cite in one sentence (a whole check)', 'latex', (n) => LATEX_HEAD + 'a \\cite{b} '.repeat(n), 16000],
  ['many citations in one paragraph (citation matching)', findCitations, (n) => 'Fever [1]. '.repeat(n), 8000],
  ['many citations in one paragraph (a whole check)', 'markdown', (n) => MD_HEAD + 'Fever [1]. '.repeat(n), 16000],
  ['many placeholders in one paragraph (placeholder matching)', (t) => findPlaceholders(t), (n) => 'XX '.repeat(n), 8000],
  ['many placeholders in one paragraph (a whole check)', 'markdown', (n) => MD_HEAD + 'XX '.repeat(n), 16000],
  ['many writing markers on one line', 'markdown', (n) => MD_HEAD + 'a TODO '.repeat(n), 16000],
  ['many unclosed \\cite{ in Markdown', 'markdown', (n) => MD_HEAD + 'a \\cite{b '.repeat(n), 4000],
  ['many unclosed \\cite[ in Markdown', 'markdown', (n) => MD_HEAD + 'a \\cite[b '.repeat(n), 8000],
  ['many figures between comments (length-limit counts)', 'latex', (n) => LATEX_HEAD + '% a comment\n\\begin{figure}\\caption{b}\\end{figure}\n'.repeat(n), 4000],
  ['many keywords on one line (length-limit counts)', 'markdown', (n) => MD_HEAD + 'Keywords: ' + 'cramp, '.repeat(n) + '\n\n## Abstract\n\nA b.\n', 16000],
  ['many unclosed parentheses before a year', findCitations, (n) => 'a ( b '.repeat(n) + ') 2019', 8000],
  ['many unclosed brackets before a year', findCitations, (n) => 'a [ Bo '.repeat(n) + '] 2019', 8000],
  ['many decimals that could be lost superscripts', (t) => findCitations(t, { referenceCount: 50 }), (n) => 'age 70.2 Then in 2001.7 Since MRI.3 The '.repeat(n), 4000],
  ['many long numbers before a full stop', (t) => findCitations(t, { referenceCount: 50 }), (n) => ' 1,000,000,000.'.repeat(n) + '2', 8000],
  ['many emoji after full stops', sentencesOf, (n) => 'Well. \u{1F389}\u{1F3FD} '.repeat(n), 8000],
  ['many one-line paragraphs that could be headings (plain text)', 'text', (n) => 'Discussion\n\n1. Stop it\n\nShe felt better\n\n2. Case presentation\n\n'.repeat(n), 2000],
  ['many blank lines after one heading candidate (plain text)', 'text', (n) => 'x\n\n1. Case presentation' + '\n'.repeat(n) + 'End.', 16000],
  ['many \\iffalse, nested and unclosed', 'latex', (n) => LATEX_HEAD + 'a \\iffalse b \\fi c \\iffalse \\ifx '.repeat(n), 4000],
  ['many \\iffalse in table cells', 'latex', (n) => LATEX_HEAD + '\\begin{tabular}{ll}\n' + 'a \\iffalse b & c \\\\\n'.repeat(n) + '\\end{tabular}\n', 4000],
  ['many math superscripts', 'latex', (n) => LATEX_HEAD + 'Cramps$^{3,4}$ and ${}^{5}$. '.repeat(n), 4000],
  [
    'many abstracts and case presentations (abstract-consistency)',
    'markdown',
    (n) => MD_HEAD + '## Abstract\n\nA 34-year-old man had a 3-week history of headache. CK was 400 U/L.\n\n## Case presentation\n\nA 43-year-old woman had a three-month history of headache. CK was 900 U/L.\n\n'.repeat(n),
    2000,
  ],
  ['many ages and histories in one sentence (abstract-consistency)', 'markdown', (n) => MD_HEAD + '## Abstract\n\n' + 'a 34-year-old man with a history of pain for three weeks, '.repeat(n) + '\n\n## Case presentation\n\n' + 'a 43-year-old woman with a history of pain for 3 months, '.repeat(n), 2000],
  ['many complaints "for N weeks" and figures named farther, in one sentence (abstract-consistency)', 'markdown', (n) => MD_HEAD + '## Abstract\n\n' + 'a 34-year-old man had a cough for three weeks, CRP was markedly raised (85 mg/L), 7 g/dL haemoglobin, '.repeat(n) + '\n\n## Case presentation\n\n' + 'a 43-year-old woman had a cough for 3 months and CRP was high at 40 mg/L and '.repeat(n), 1000],
  ['many abbreviation-like words joined by "_" and capitals after letters (abbreviation)', 'markdown', (n) => MD_HEAD + 'aB_cD_eF mRNA xYz_ABC '.repeat(n) + '\n', 4000],
  ['many run-in labels and statements (declarations, jmcr)', (t) => check(t, { format: 'markdown', config: { profile: 'jmcr' } }), (n) => MD_HEAD + 'Funding and support: none. Consent was given for the treatment.\n\n'.repeat(n), 4000],
  [
    'many suppression comments and many findings',
    'markdown',
    (n) => MD_HEAD + '<!-- caselint-disable overstated-claim -->\nXX and TODO. <!-- caselint-disable-line unsupported-claim -->\n<!-- caselint-enable overstated-claim -->\n\n'.repeat(n),
    8000,
  ],
  // Issue 14, second pass.
  ['many headings (the level of an inserted section)', 'markdown', (n) => 'Text.\n\n' + '## Heading\n\nText.\n\n'.repeat(n), 1000],
  ['many unclosed \\keywords{ on one line (CARE profile)', careLatex, (n) => LATEX_HEAD + 'a \\keywords{b '.repeat(n), 4000],
  ['many unclosed \\keywords{, one per line (the keywords evidence)', careLatex, (n) => LATEX_HEAD + '\\keywords{b\n'.repeat(n), 4000],
  ['many unclosed \\begin{keywords} and \\begin{abstract}', careLatex, (n) => LATEX_HEAD + '\\begin{keywords} a \\begin{abstract} b\n\n'.repeat(n), 4000],
  ['many \\begin{thebibliography} on one line (reference numbers)', 'latex', (n) => LATEX_HEAD + '\\begin{thebibliography} a '.repeat(n), 2000],
  ['many "Keywords:" lines in comments', careMarkdown, (n) => MD_HEAD + '<!-- c -->\n\nKeywords:\n\n'.repeat(n), 4000],
  [
    'many disables of one rule, then many enables of another',
    'markdown',
    (n) => MD_HEAD + '<!-- caselint-disable placeholder -->\n'.repeat(n) + '<!-- caselint-enable overstated-claim -->\n'.repeat(n) + 'XX\n',
    2000,
  ],
  ['one disable of every rule, then many enables of one', 'markdown', (n) => MD_HEAD + '<!-- caselint-disable -->\n' + '<!-- caselint-enable overstated-claim -->\nXX\n'.repeat(n), 2000],
  // Issue 14, the parse in steps: a table's caption is looked up near it, not among all paragraphs.
  ['many tables and paragraphs (the caption search of the parse)', (t) => parseDocument(t, 'markdown'), (n) => MD_HEAD + 'Table 1. Nerve conduction.\n\n' + '| a | b |\n|---|---|\n| 1 | 2 |\n\nA b.\n\nC d.\n\n'.repeat(n), 2000],
  ['many LaTeX tables and paragraphs (the caption search of the parse)', (t) => parseDocument(t, 'latex'), (n) => LATEX_HEAD + '\\begin{tabular}{ll}\na & b \\\\\n\\end{tabular}\n\nA b.\n\nTable 2. C d.\n\n'.repeat(n), 2000],
  ['many table cells not written verbatim (escaped bars, entities)', (t) => parseDocument(t, 'markdown'), (n) => MD_HEAD + '| a | b |\n|---|---|\n| x \\| y | &amp; |\n\n'.repeat(n), 4000],
  ['many disable-next-line on one line before many blank lines', 'markdown', (n) => MD_HEAD + '<!-- caselint-disable-next-line -->'.repeat(n) + '\n'.repeat(n) + 'XX\n', 2000],
];

describe('linear time on hostile input (issue 14)', function () {
  this.timeout(180000);
  for (const [name, subject, make, n] of CONSTRUCTIONS) {
    it(`${name}: doubling the input at most about doubles the time`, () => assertLinear(make, subject, n));
  }

  it('130,000 headings: required-section still reports its missing sections, with the insertion fix (no spread of the levels)', () => {
    const errors: string[] = [];
    // No level-1 title and no section of the profile: the level of an inserted section is the least of all headings'.
    const r = check('Text.\n\n' + '## Notes\n'.repeat(130000), { format: 'markdown', onRuleError: (id, e) => errors.push(`${id}: ${String(e)}`) });
    assert.deepEqual(errors, []);
    const missing = r.findings.filter((f) => f.ruleId === 'required-section');
    assert.ok(missing.length > 0);
    assert.ok(missing.every((f) => f.fixes?.some((x) => x.kind === 'insert-section')));
  });

  it('5,000 unclosed \\keywords{ on one line: no stack overflow in the LaTeX scanner', () => {
    assert.doesNotThrow(() => careLatex(LATEX_HEAD + 'a \\keywords{b '.repeat(5000)));
  });
});

/** A small deterministic generator (tests must not depend on Math.random). */
const rng = seededRandom;

function randomText(next: () => number, alphabet: string[], length: number): string {
  let t = '';
  for (let i = 0; i < length; i++) t += alphabet[Math.floor(next() * alphabet.length)];
  return t;
}

describe('LaTeX closer searches (model/latex/search.ts): the index gives the direct search’s answers', () => {
  const next = rng(14);
  const alphabet = ['{', '}', '[', ']', '(', ')', '\\', '%', '\n', '\n', ' ', '\t', 'a', 'b', '$', '\r'];

  it('GroupEnds: every opener of 300 random texts, for {…}, {…} verbatim, […] and (…)', () => {
    for (let t = 0; t < 300; t++) {
      const text = randomText(next, alphabet, 1 + Math.floor(next() * 120));
      for (const [open, close, verbatim] of [['{', '}', false], ['{', '}', true], ['[', ']', false], ['(', ')', false]] as const) {
        const indexed = new GroupEnds(text, open, close, verbatim, 0);
        const direct = new GroupEnds(text, open, close, verbatim, Infinity);
        for (let p = 0; p <= text.length; p++) {
          assert.equal(indexed.end(p), direct.end(p), `${JSON.stringify(text)} ${open}${close}${verbatim ? ' verbatim' : ''} at ${p}`);
        }
      }
    }
  });

  it('MathClosers: every start and end of 150 random texts, for $, $$, \\] and \\)', () => {
    for (let t = 0; t < 150; t++) {
      const text = randomText(next, [...alphabet, ']', ')', '$'], 1 + Math.floor(next() * 40));
      for (const closer of ['$', '$$', '\\]', '\\)']) {
        const indexed = new MathClosers(text, closer, 0);
        const direct = new MathClosers(text, closer, Infinity);
        // Starts in a shuffled order: the memo must not depend on the order of the searches.
        const starts = [...Array(text.length + 1).keys()].sort(() => next() - 0.5);
        for (const from of starts) {
          for (let end = from; end <= text.length; end++) {
            assert.equal(indexed.find(from, end), direct.find(from, end), `${JSON.stringify(text)} ${closer} from ${from} to ${end}`);
          }
        }
      }
    }
  });

  it('EnvironmentEnds: every start of 300 random texts of \\begin{x} and \\end{x}', () => {
    const pieces = ['\\begin{x}', '\\end{x}', '\\begin{y}', '\\end {x}', 'a', ' ', '\n'];
    for (let t = 0; t < 300; t++) {
      const text = randomText(next, pieces, Math.floor(next() * 40));
      const re = () => /\\(?:(begin)|end)\s*\{x\}/g;
      const indexed = new EnvironmentEnds(text, re(), 0);
      const direct = new EnvironmentEnds(text, re(), Infinity);
      for (let from = 0; from <= text.length; from++) {
        assert.deepEqual(indexed.find(from), direct.find(from), `${JSON.stringify(text)} from ${from}`);
      }
    }
  });
});

describe('DisjointSpans (model/text.ts)', () => {
  it('accepts exactly what a scan of all earlier spans accepts, in order', () => {
    const next = rng(7);
    for (let t = 0; t < 300; t++) {
      const spans = new DisjointSpans<{ start: number; end: number }>();
      const naive: { start: number; end: number }[] = [];
      for (let round = 0; round < 4; round++) {
        let at = 0;
        for (let k = 0; k < 10; k++) {
          at += Math.floor(next() * 6);
          const span = { start: at, end: at + 1 + Math.floor(next() * 5) };
          at = span.end;
          const free = !naive.some((f) => span.start < f.end && f.start < span.end);
          assert.equal(spans.free(span.start, span.end), free);
          if (free) {
            spans.add(span);
            naive.push(span);
          }
        }
        spans.endRound();
      }
      assert.deepEqual(spans.spans(), naive.sort((a, b) => a.start - b.start));
    }
  });
});
