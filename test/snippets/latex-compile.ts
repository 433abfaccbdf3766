/**
 * `npm run test:latex`: compiles every LaTeX table snippet with pdflatex, each cell holding the
 * longest of its choices (the widest table a writer can make), on an A4 article page at 10 pt,
 * and fails on an error or a line too wide for the page ("Overfull \hbox"). Needs pdflatex with
 * booktabs and rotating (Debian: texlive-latex-base, texlive-latex-recommended); without it the
 * script fails and says what to install. Prints "latex-snippets: N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSnippets, parseSnippet, type SnippetItem, type SnippetNode } from '../../server/src/snippets';

/** The snippet's text with the longest option of every choice. */
export function widest(s: SnippetItem): string {
  const text = (nodes: SnippetNode[]): string =>
    nodes
      .map((n) => (n.type === 'text' ? n.value : n.type === 'choice' ? n.options.reduce((a, b) => (b.length > a.length ? b : a), '') : n.type === 'placeholder' ? text(n.children) : ''))
      .join('');
  return text(parseSnippet(s.body));
}

function compile(s: SnippetItem, dir: string): string[] {
  const doc = ['\\documentclass[10pt,a4paper]{article}', '\\usepackage{booktabs}', '\\usepackage{rotating}', '\\begin{document}', widest(s), '\\end{document}', ''].join('\n');
  writeFileSync(join(dir, 'snippet.tex'), doc);
  const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'snippet.tex'], { cwd: dir, encoding: 'utf8' });
  const log = readFileSync(join(dir, 'snippet.log'), 'latin1');
  const problems = log.split('\n').filter((l) => l.startsWith('!'));
  if (r.status !== 0 && problems.length === 0) problems.push(`pdflatex exited with ${r.status}`);
  for (const m of log.matchAll(/Overfull \\hbox \(([\d.]+)pt too wide\)/g)) problems.push(`a line is ${m[1]}pt too wide`);
  return problems;
}

function main(): number {
  if (spawnSync('pdflatex', ['--version']).status !== 0) {
    console.error('pdflatex is not installed: apt-get install texlive-latex-base texlive-latex-recommended');
    console.log('latex-snippets: 0 passed, 1 failed');
    return 1;
  }
  const dir = mkdtempSync(join(tmpdir(), 'caselint-latex-'));
  let passed = 0;
  let failed = 0;
  try {
    for (const s of getSnippets('latex').filter((x) => x.plainText.includes('\\begin{tabular}'))) {
      const problems = compile(s, dir);
      if (problems.length) {
        failed++;
        console.log(`✗ ${s.prefix}: ${problems.join('; ')}`);
      } else {
        passed++;
        console.log(`✓ ${s.prefix}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`latex-snippets: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

process.exitCode = main();
