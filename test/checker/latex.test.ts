import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, parseDocument, type DocumentModel } from '../../server/src/checker';
import { isManuscript } from '../../server/src/checker/analysis/detect';
import { findCitations } from '../../server/src/checker/model/citations';
import { LATEX_COMMANDS, LATEX_ENVIRONMENTS, LATEX_VOCABULARY, parseLatexBlocks, type LatexBlocks, type LatexVocabulary } from '../../server/src/checker/model/latex';
import { checkFixture, fixtureFiles } from '../helpers/fixtures';

const L = String.raw;
const slice = (doc: DocumentModel, s: { start: number; end: number }) => doc.text.slice(s.start, s.end);

/** Every plain character must map into the source, inside its paragraph. */
function assertMapped(doc: DocumentModel): void {
  for (const p of doc.paragraphs) {
    assert.ok(p.start >= 0 && p.start <= p.end && p.end <= doc.text.length, `paragraph range ${p.start}-${p.end}`);
    for (const seg of p.segments) {
      const len = seg.sourceLength ?? seg.length;
      assert.ok(seg.sourceStart >= 0 && seg.sourceStart + len <= doc.text.length, 'segment inside the text');
      if (seg.sourceLength === undefined) {
        assert.equal(doc.text.slice(seg.sourceStart, seg.sourceStart + seg.length), p.plain.slice(seg.plainStart, seg.plainStart + seg.length));
      }
    }
  }
  for (const s of doc.sentences) assert.ok(s.start <= s.end && s.end <= doc.text.length);
  for (const h of doc.headings) {
    assert.ok(h.start <= h.textStart && h.textStart <= h.textEnd && h.textEnd <= h.end, `heading ${JSON.stringify(h)} in ${JSON.stringify(doc.text)}`);
  }
}

describe('LaTeX model', () => {
  it('sections, subsections and starred ones are headings with levels', () => {
    const doc = parseDocument(L`\section{Introduction}
Text.
\subsection*{Case presentation}
More.
\subsubsection{Labs}
\paragraph{Detail} Run-in text.
`, 'latex');
    assert.deepEqual(doc.headings.map((h) => [h.level, h.text]), [[1, 'Introduction'], [2, 'Case presentation'], [3, 'Labs'], [4, 'Detail']]);
    assert.equal(slice(doc, doc.headings[1]), L`\subsection*{Case presentation}`);
    assert.equal(doc.text.slice(doc.headings[1].textStart, doc.headings[1].textEnd), 'Case presentation');
    assert.deepEqual(doc.sections.map((s) => s.heading?.text), ['Introduction', 'Case presentation', 'Labs', 'Detail']);
    assert.equal(doc.sections[2].parent?.heading?.text, 'Case presentation');
    assertMapped(doc);
  });

  it('a heading keeps the text of formatting commands and drops labels', () => {
    const doc = parseDocument(L`\section[Short]{Case \emph{presentation}\label{sec:case}}`, 'latex');
    assert.equal(doc.headings[0].text, 'Case presentation');
  });

  it('\\title is the title; the preamble is not prose', () => {
    const doc = parseDocument(L`\documentclass{article}
\usepackage[utf8]{inputenc}
\newcommand{\drug}{trimethoprim causes hyperkalaemia}
\title{Weakness after \emph{trimethoprim}: a case report}
\begin{document}
\maketitle
Body text.
\end{document}
Trailing text after the end is ignored.`, 'latex');
    assert.equal(doc.title?.text, 'Weakness after trimethoprim: a case report');
    assert.equal(slice(doc, doc.title!), L`Weakness after \emph{trimethoprim}: a case report`);
    assert.deepEqual(doc.paragraphs.map((p) => p.plain), ['Body text.']);
    assert.equal(isManuscript(doc).manuscript, true);
  });

  it('\\begin{abstract} becomes an Abstract section holding the abstract', () => {
    const doc = parseDocument(L`\begin{document}
\begin{abstract}
A woman had weakness.
\end{abstract}
\section{Case presentation}
Text.
\end{document}`, 'latex');
    const abs = doc.sections.find((s) => s.heading?.text === 'Abstract')!;
    assert.ok(abs);
    assert.equal(slice(doc, abs.heading!), L`\begin{abstract}`);
    assert.deepEqual(abs.paragraphs.map((p) => p.plain), ['A woman had weakness.']);
    const { findings } = check(doc.text, { format: 'latex' });
    assert.ok(!findings.some((f) => f.ruleId === 'required-section' && /Abstract/.test(f.message)));
  });

  it('paragraphs split on blank lines and \\par; formatting keeps its text; special characters', () => {
    const doc = parseDocument(L`The \textbf{left} arm was \emph{weak}, \textit{very} so.
Second line of the same paragraph~here.

New paragraph with 50\% and \& and Caf\'e, na\"{\i}ve, \ldots{} done.\par After par.`, 'latex');
    assert.deepEqual(doc.paragraphs.map((p) => p.plain), [
      'The left arm was weak, very so. Second line of the same paragraph here.',
      'New paragraph with 50% and & and Café, naïve, … done.',
      'After par.',
    ]);
    assertMapped(doc);
  });

  it('\\cite, \\citep, \\citet, \\parencite, \\textcite, \\autocite are latex citations with keys', () => {
    const doc = parseDocument(L`It is common \cite{a,b}. It is rare \citep[p.~3]{c}. \citet{d} said so.
Also \parencite{e}, \textcite[see][12]{f}, \autocite{g:h-1} and \cites{i}{j}. Not \nocite{z}.`, 'latex');
    assert.deepEqual(doc.citations.map((c) => [c.kind, c.keys]), [
      ['latex', ['a', 'b']], ['latex', ['c']], ['latex', ['d']], ['latex', ['e']], ['latex', ['f']], ['latex', ['g:h-1']], ['latex', ['i', 'j']],
    ]);
    assert.equal(doc.citations[1].raw, L`\citep[p.~3]{c}`);
    assert.equal(doc.sentences[0].citations.length, 1);
    assert.ok(!doc.paragraphs[0].plain.includes('nocite'));
  });

  it('the latex citation pattern works on plain text too', () => {
    assert.deepEqual(findCitations(L`as shown \citep{x, y} and \Textcite{z}`).map((c) => c.keys), [['x', 'y'], ['z']]);
    assert.deepEqual(findCitations(L`a \citeauthor{q} b`).map((c) => c.kind), ['latex']);
    assert.deepEqual(findCitations(L`the \excite{q} macro`), []);
  });

  it('comments are not text; caselint comments are suppressions', () => {
    const text = L`First sentence. % it increases mortality
% caselint-disable-next-line unsupported-claim
Second sentence with 100\% certainty.`;
    const doc = parseDocument(text, 'latex');
    assert.deepEqual(doc.paragraphs.map((p) => p.plain), ['First sentence. Second sentence with 100% certainty.']);
    assert.deepEqual(doc.comments.map((c) => c.text), ['it increases mortality', 'caselint-disable-next-line unsupported-claim']);
    assert.deepEqual(doc.suppressions.map((s) => [s.kind, s.ruleIds, s.line]), [['disable-next-line', ['unsupported-claim'], 1]]);
  });

  it('\\iffalse … \\fi is not text, like a comment (nested \\if… counted, \\iff and \\% are not conditionals)', () => {
    const doc = parseDocument(L`\begin{document}
Kept before.
\iffalse
Statins always cure cramps. TODO: \ifdraft nested \fi still hidden; $a \iff b$ 100\% \fi
Kept after.
\end{document}`, 'latex');
    assert.deepEqual(doc.paragraphs.map((p) => p.plain), ['Kept before. Kept after.']);
    const unclosed = parseDocument(L`\begin{document}
Kept.

\iffalse never closed. Statins always cure cramps.
\end{document}`, 'latex');
    assert.deepEqual(unclosed.paragraphs.map((p) => p.plain), ['Kept.']);
  });

  it('math superscripts of numbers and \\textsuperscript are superscript citations', () => {
    const doc = parseDocument(L`\begin{document}
Cramps are common$^{3}$. Quinine was withdrawn$^{3,4}$. Stretching helps${'${}'}^{3--5}$. Magnesium does not\textsuperscript{2}. Also $^7$ here. Not $x^{2}$ or $^{a}$.
\end{document}`, 'latex');
    assert.deepEqual(doc.citations.map((c) => [c.kind, c.keys.join(), c.raw]), [
      ['superscript', '3', '$^{3}$'], ['superscript', '3,4', '$^{3,4}$'], ['superscript', '3,4,5', '${}^{3--5}$'],
      ['superscript', '2', L`\textsuperscript{2}`], ['superscript', '7', '$^7$'],
    ]);
    assert.deepEqual(doc.sentences.map((s) => s.citations.length), [1, 1, 1, 1, 1, 0]);
  });

  it('math becomes [math]; short plain inline math keeps its text', () => {
    const doc = parseDocument(L`K was $8.1\,\mathrm{mmol/L}$ with $p<0.05$ and \(x^2\).
\begin{equation}
E = mc^2
\end{equation}
and \[ a = b \] end. $$ y $$ too.`, 'latex');
    assert.equal(doc.paragraphs[0].plain, 'K was [math] with p<0.05 and [math]. [math] and [math] end. [math] too.');
    assertMapped(doc);
  });

  it('a display equation standing alone is not a paragraph', () => {
    const doc = parseDocument(L`Text.

\begin{align}
a &= b \\
\end{align}

More.`, 'latex');
    assert.deepEqual(doc.paragraphs.map((p) => p.plain), ['Text.', 'More.']);
  });

  it('verbatim, lstlisting and minted are code blocks; comment environments are skipped', () => {
    const doc = parseDocument(L`Before.
\begin{verbatim}
it increases throughput { %
\end{verbatim}
\begin{lstlisting}[language=R]
x <- 1
\end{lstlisting}
\begin{comment}
Hidden text.
\end{comment}
After \verb|raw \text| here.`, 'latex');
    assert.deepEqual(doc.codeBlocks.map((c) => c.info), ['verbatim', 'lstlisting']);
    assert.ok(slice(doc, doc.codeBlocks[0]).startsWith(L`\begin{verbatim}`));
    assert.ok(slice(doc, doc.codeBlocks[0]).endsWith(L`\end{verbatim}`));
    assert.deepEqual(doc.paragraphs.map((p) => p.plain), ['Before.', L`After raw \text here.`]);
    assert.equal(doc.comments.length, 0);
  });

  it('tabular becomes a table with cells, offsets and its float caption', () => {
    const text = L`\begin{table}
\centering
\caption{Laboratory results}
\begin{tabular}{|l|r|}
\hline
Test & Value \\ \hline
Potassium & \textbf{7.9} \\
\multicolumn{2}{c}{Sodium 131} \\[2pt]
\cmidrule(lr){1-2}
Empty &  \\
\hline
\end{tabular}
\end{table}`;
    const doc = parseDocument(text, 'latex');
    assert.equal(doc.tables.length, 1);
    const t = doc.tables[0];
    assert.deepEqual(t.header.map((c) => c.text), ['Test', 'Value']);
    assert.deepEqual(t.rows.map((r) => r.map((c) => c.text)), [['Potassium', '7.9'], ['Sodium 131'], ['Empty', '']]);
    assert.equal(text.slice(t.rows[0][0].start, t.rows[0][0].end), 'Potassium');
    assert.equal(text.slice(t.rows[0][1].start, t.rows[0][1].end), L`7.9`);
    assert.equal(text.slice(t.header[1].start, t.header[1].end), 'Value');
    assert.equal(t.caption?.plain, 'Laboratory results');
    assert.equal(t.caption?.kind, 'caption');
    assert.ok(slice(doc, t).startsWith(L`\begin{tabular}`));
  });

  it('figure captions are caption paragraphs', () => {
    const doc = parseDocument(L`\begin{figure}
\includegraphics[width=\linewidth]{ecg.png}
\caption[Short]{ECG showing peaked T waves.}
\end{figure}`, 'latex');
    assert.deepEqual(doc.paragraphs.map((p) => [p.kind, p.plain]), [['caption', 'ECG showing peaked T waves.']]);
  });

  it('list items and bibliography entries', () => {
    const doc = parseDocument(L`\section{Learning points}
\begin{itemize}
  \item First point.
  \item[b)] Second point.
\end{itemize}
\begin{thebibliography}{99}
\bibitem{a} Smith J. A paper. 2019.
\bibitem[Lee(2020)]{b} Lee K. Another. 2020.
\end{thebibliography}`, 'latex');
    assert.deepEqual(doc.paragraphs.map((p) => [p.kind, p.plain]), [
      ['list-item', 'First point.'], ['list-item', 'Second point.'],
      ['reference', 'Smith J. A paper. 2019.'], ['reference', 'Lee K. Another. 2020.'],
    ]);
    assert.deepEqual(doc.headings.map((h) => h.text), ['Learning points', 'References']);
  });

  it('\\section{References} then thebibliography makes one references section', () => {
    const doc = parseDocument(L`\section{References}
\begin{thebibliography}{9}
\bibitem{a} Smith J. 2019.
\end{thebibliography}`, 'latex');
    assert.deepEqual(doc.headings.map((h) => h.text), ['References']);
    assert.equal(doc.paragraphs[0].kind, 'reference');
  });

  it('\\ref reads as a number and \\footnote text is left out', () => {
    const doc = parseDocument(L`See Table~\ref{tab:x} and Fig.~\ref{f}.\footnote{A note.} Done \url{https://x.org/a_b%20c}.`, 'latex');
    assert.equal(doc.paragraphs[0].plain, 'See Table 1 and Fig. 1. Done https://x.org/a_b%20c.');
    const link = parseDocument(L`Read \href{https://x.org/a%20b#c}{the \emph{guideline}} now.`, 'latex');
    assert.equal(link.paragraphs[0].plain, 'Read the guideline now.');
  });

  it('keywords become a "Keywords:" paragraph', () => {
    const doc = parseDocument(L`\begin{document}
\keywords{hyperkalaemia; trimethoprim}
\end{document}`, 'latex');
    assert.equal(doc.paragraphs[0].plain, 'Keywords: hyperkalaemia; trimethoprim');
  });

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

  describe('broken LaTeX never throws', () => {
    const broken = [
      L`\section{Unclosed heading
text`,
      L`\begin{abstract} no end`,
      L`\begin{tabular}{ll} a & b \\ c &`,
      L`\begin{verbatim} never closed`,
      L`text with a lone $ dollar and \( open math`,
      L`\cite{open and \citep[`,
      L`}}}} {{{{ \end{itemize} \end{document} more`,
      L`\'`,
      '\\',
      L`\begin{`,
      L`\caption{`,
      L`\title{`,
      '',
      L`\begin{document}\end{document}`,
      '% only a comment',
      L`\verb`,
      '\r\n\r\n\\section{X}\r\nText\r\n',
    ];
    for (const text of broken) {
      it(JSON.stringify(text).slice(0, 50), () => {
        const { model } = check(text, { format: 'latex', onRuleError: (id, e) => assert.fail(`rule ${id}: ${String(e)}`) });
        assertMapped(model);
      });
    }
    it('an unclosed heading brace ends at the end of its line', () => {
      const doc = parseDocument(L`\section{Case presentation
A man.`, 'latex');
      assert.equal(doc.headings[0].text, 'Case presentation');
      assert.deepEqual(doc.paragraphs.map((p) => p.plain), ['A man.']);
    });
    it('an unclosed \\emph keeps the rest of the paragraph as text', () => {
      const doc = parseDocument(L`The \emph{left arm.

Next.`, 'latex');
      assert.deepEqual(doc.paragraphs.map((p) => p.plain), ['The left arm.', 'Next.']);
    });
  });

  it('random fragments of LaTeX never throw and keep every offset valid', () => {
    const pool = [
      '\\section{', '\\subsection*{Case}', '}', '{', '\\begin{abstract}', '\\end{abstract}', '\\begin{tabular}{ll}', '&', '\\\\',
      '\\end{tabular}', '\\begin{table}', '\\end{table}', '\\caption{', '$', '$$', '\\[', '\\]', '\\(', '%', '% caselint-disable', '\n',
      '\n\n', '\r\n', 'text ', 'It is common. ', '\\cite{a', '\\citep[p.~3]{b}', '\\emph{', '\\item ', '\\begin{itemize}', '\\end{itemize}',
      '\\begin{verbatim}', '\\end{verbatim}', '\\bibitem{k}', '\\begin{thebibliography}{9}', '\\\'', '\\"{o}', '~', '\\ref{x}',
      '\\title{', '\\begin{document}', '\\end{document}', '\\verb|x', '\\url{a%b', '\\begin{equation}', '\\end{equation}', 'é😀 ',
    ];
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 300; k++) {
      let text = '';
      const len = 1 + rnd(40);
      for (let j = 0; j < len; j++) text += pool[rnd(pool.length)];
      const { model, findings } = check(text, { format: 'latex', onRuleError: (id, e) => assert.fail(`rule ${id} on ${JSON.stringify(text)}: ${String(e)}`) });
      assertMapped(model);
      for (const f of findings) assert.ok(f.start <= f.end && f.end <= text.length);
      for (const t of model.tables) for (const c of [...t.header, ...t.rows.flat()]) assert.ok(c.start <= c.end && c.end <= text.length);
    }
  });

  it('quote environments mark their paragraphs as quoted', () => {
    const doc = parseDocument('Before.\n\\begin{quote}\nThe patient said it helped.\n\\end{quote}\nAfter.', 'latex');
    assert.deepEqual(doc.paragraphs.map((p) => [p.plain, !!p.quoted]), [['Before.', false], ['The patient said it helped.', true], ['After.', false]]);
  });

  it('CRLF line endings keep offsets', () => {
    const text = '\\section{Case}\r\nA man \\emph{was} seen.\r\nHe improved.\r\n\r\nNext.';
    const doc = parseDocument(text, 'latex');
    assert.deepEqual(doc.paragraphs.map((p) => p.plain), ['A man was seen. He improved.', 'Next.']);
    assertMapped(doc);
  });

  it('\\section{Works cited} (any references heading of the profiles) then thebibliography makes one references section', () => {
    const doc = parseDocument(L`\section{Works cited}
\begin{thebibliography}{9}
\bibitem{a} Smith J. 2019.
\end{thebibliography}`, 'latex');
    assert.deepEqual(doc.headings.map((h) => h.text), ['Works cited']);
    assert.equal(doc.paragraphs[0].kind, 'reference');
  });

  describe('the command and environment tables are all the scanner knows', () => {
    // A manuscript using most kinds of entry, with no command inside a comment or verbatim text
    // (renaming a command below renames it everywhere in the source).
    const BASE = L`\documentclass{article}
\title{A \emph{case}}
\begin{document}
\maketitle
\begin{abstract}
A man had weakness \cite{a}.
\end{abstract}
\section{Case presentation}\label{s}
He had 50\% loss~of power, Caf\'e and na\"{i}ve \ldots{} see Table~\ref{t}.\footnote{See \citep[p.~3]{b}.}
\begin{itemize}
\item[a)] First \textbf{point}.
\item Second \href{https://x.org/a%20b}{link} and \url{https://y.org/a_b}.
\end{itemize}
\begin{table}
\caption{Labs}
\begin{tabular}{ll}
\hline
Test & Value \\ \hline
K & $8.1$ \\[2pt]
\multicolumn{2}{c}{Na 131} \tabularnewline
\end{tabular}
\end{table}
\begin{quote}
It helped.\par Really.
\end{quote}
\keywords{a; b}
Math $x^2$ and \(y\) and \[z\]. \verb|raw| \textsuperscript{1,2}
\begin{equation}
E = mc^2
\end{equation}
\begin{verbatim}
code
\end{verbatim}
%PROBE%
\section{References}
\begin{thebibliography}{9}
\bibitem{a} Smith J. 2019.
\end{thebibliography}
\end{document}
`;
    /** Uses of the command @ in the shapes its kind might read. */
    const COMMAND_PROBE = L`Before @[o]{a}{b}{c} after @*{x} and @ {y}, @|v| z @{1,2}.

@{Case} text @{e} @

\begin{tabular}{ll} a @ b & c \\ d \end{tabular}
`;
    const ENV_PROBE = L`\begin{@}[o]{a}{b} Body & cell \\ row \item x \caption{C} \begin{tabular}{l} t \end{tabular}
\end{@}

\section{In \begin{@}{x} an argument \end{@}} \begin{@}\begin{@} nested \end{@}\end{@} after.
`;
    const letters = /^[A-Za-z]+$/;

    /** The source with every \name (a whole command name) written \fresh. */
    function renameCommand(text: string, name: string, fresh: string): string {
      let out = '';
      for (let k = 0; k < text.length; k++) {
        if (text[k] !== '\\' || k + 1 >= text.length) {
          out += text[k];
          continue;
        }
        let e = k + 2;
        if (letters.test(text[k + 1])) while (e < text.length && letters.test(text[e])) e++;
        const token = text.slice(k + 1, e);
        out += '\\' + (token === name ? fresh : token);
        k = e - 1;
      }
      return out;
    }

    /** Every string in a parse result mapped through f (verbatim citations and code-block names hold the name). */
    function mapStrings<T>(value: T, f: (s: string) => string): T {
      if (typeof value === 'string') return f(value) as T;
      if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
      return value;
    }

    /** A name of the same length and shape (letters or one other character) that no entry has. */
    function freshName(name: string, taken: Set<string>): string {
      const pool = letters.test(name) || name.length > 1 ? 'qQzZxXwWjJ' : '|+<>?';
      for (const ch of pool) {
        const candidate = ch.repeat(name.length);
        if (!taken.has(candidate)) return candidate;
      }
      throw new Error(`no fresh name for ${name}`);
    }

    it('no name is in a table twice', () => {
      const dup = (names: string[]) => names.filter((n, i) => names.indexOf(n) !== i);
      assert.deepEqual(dup(LATEX_COMMANDS.map((c) => c.name)), []);
      assert.deepEqual(dup(LATEX_ENVIRONMENTS.map((e) => e.name)), []);
    });

    it('every command is read through its table entry: renamed in the table, the new name does what the old one did', () => {
      const taken = new Set(LATEX_COMMANDS.map((c) => c.name));
      for (const cmd of LATEX_COMMANDS) {
        const fresh = freshName(cmd.name, taken);
        const renamed: LatexVocabulary = { ...LATEX_VOCABULARY, commands: LATEX_COMMANDS.map((c) => (c === cmd ? { ...c, name: fresh } : c)) };
        const source = BASE.replace('%PROBE%', COMMAND_PROBE.replaceAll('@', '\\' + cmd.name));
        const what = `${JSON.stringify(cmd)} renamed ${JSON.stringify(fresh)}`;
        const back = (blocks: LatexBlocks) => mapStrings(blocks, (t) => t.replaceAll('\\' + fresh, '\\' + cmd.name));
        // The new name, in the renamed table, reads exactly as the old name did …
        assert.deepStrictEqual(back(parseLatexBlocks(renameCommand(source, cmd.name, fresh), renamed)), parseLatexBlocks(source), what);
        // … and the old name is now as unknown to the scanner as the new one was.
        assert.deepStrictEqual(parseLatexBlocks(source, renamed), back(parseLatexBlocks(renameCommand(source, cmd.name, fresh))), what);
      }
    });

    it('every environment is read through its table entry', () => {
      const taken = new Set(LATEX_ENVIRONMENTS.map((e) => e.name));
      for (const env of LATEX_ENVIRONMENTS) {
        const fresh = freshName(env.name.replace(/[^A-Za-z]/g, 'q'), taken);
        const renamed: LatexVocabulary = { ...LATEX_VOCABULARY, environments: LATEX_ENVIRONMENTS.map((e) => (e === env ? { ...e, name: fresh } : e)) };
        const source = BASE.replace('%PROBE%', ENV_PROBE.replaceAll('@', env.name));
        const rename = (t: string) => t.replaceAll(`\\begin{${env.name}}`, `\\begin{${fresh}}`).replaceAll(`\\end{${env.name}}`, `\\end{${fresh}}`);
        const what = `${JSON.stringify(env)} renamed ${JSON.stringify(fresh)}`;
        const back = (blocks: LatexBlocks) => mapStrings(blocks, (t) => (t === fresh ? env.name : t));
        assert.deepStrictEqual(back(parseLatexBlocks(rename(source), renamed)), parseLatexBlocks(source), what);
        assert.deepStrictEqual(parseLatexBlocks(source, renamed), back(parseLatexBlocks(rename(source))), what);
      }
    });

    it('a new command or environment is one table entry', () => {
      const text = L`\casesection{Case presentation}
\begin{patientwords}
It helped \seeref{a}.
\end{patientwords}`;
      const before = parseLatexBlocks(text);
      assert.deepEqual(before.headings, []);
      const vocabulary: LatexVocabulary = {
        commands: [...LATEX_COMMANDS, { name: 'casesection', kind: 'heading', level: 1 }, { name: 'seeref', kind: 'citation' }],
        environments: [...LATEX_ENVIRONMENTS, { name: 'patientwords', kind: 'quote' }],
      };
      const after = parseLatexBlocks(text, vocabulary);
      assert.deepEqual(after.headings.map((h) => [h.level, h.text]), [[1, 'Case presentation']]);
      assert.deepEqual(after.paragraphs.map((p) => [p.plain, p.quoted]), [[L`It helped \seeref{a}.`, true]]);
    });
  });

  describe('fixtures', () => {
    for (const file of fixtureFiles(join(__dirname, '..', 'fixtures', 'latex'))) {
      it(file.split(/[\\/]/).pop()!, () => {
        checkFixture(file, { rules: ['required-section', 'empty-section', 'unsupported-claim'] });
        assertMapped(parseDocument(readFileSync(file, 'utf8'), 'latex'));
      });
    }
  });
});
