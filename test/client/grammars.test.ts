import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The injection grammars' regexes are Oniguruma in the editor; they are kept to the subset that
 * JavaScript's RegExp reads the same way, so that they can be compiled and tried on sample lines here.
 */
const ROOT = join(__dirname, '..', '..');
interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  patterns?: Rule[];
  include?: string;
  captures?: Record<string, Rule & { name?: string }>;
  beginCaptures?: Record<string, Rule>;
  endCaptures?: Record<string, Rule>;
  name?: string;
}
interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}
const load = (name: string): Grammar => JSON.parse(readFileSync(join(ROOT, 'syntaxes', name), 'utf8'));
const markdown = load('caselint.markdown.tmLanguage.json');
const latex = load('caselint.latex.tmLanguage.json');

function* regexSources(rule: Rule, where: string): Generator<[string, string]> {
  for (const key of ['match', 'begin', 'end'] as const) if (rule[key] !== undefined) yield [`${where}.${key}`, rule[key]!];
  for (const [i, p] of (rule.patterns ?? []).entries()) yield* regexSources(p, `${where}.patterns[${i}]`);
  for (const caps of [rule.captures, rule.beginCaptures, rule.endCaptures]) {
    for (const [k, c] of Object.entries(caps ?? {})) yield* regexSources(c, `${where}.captures[${k}]`);
  }
}

/** All matches of a repository rule's `match` (or `begin`) in a line, as strings. */
function hits(grammar: Grammar, ruleName: string, line: string): string[] {
  const rule = grammar.repository[ruleName];
  assert.ok(rule, `rule ${ruleName}`);
  const re = new RegExp(rule.match ?? rule.begin!, 'g');
  return [...line.matchAll(re)].map((m) => m[0]);
}

/** Group `n` of the first match. */
function group(grammar: Grammar, ruleName: string, line: string, n: number): string | undefined {
  const rule = grammar.repository[ruleName];
  return new RegExp(rule.match ?? rule.begin!).exec(line)?.[n];
}

describe('injection grammars (syntaxes/)', () => {
  for (const [file, grammar] of [['markdown', markdown], ['latex', latex]] as const) {
    it(`${file}: every regex compiles with JavaScript RegExp and uses no Oniguruma-only syntax`, () => {
      const sources = [...Object.entries(grammar.repository).flatMap(([name, r]) => [...regexSources(r, name)])];
      assert.ok(sources.length >= 5);
      for (const [where, src] of sources) {
        assert.doesNotThrow(() => new RegExp(src), `${where}: ${src}`);
        assert.doesNotThrow(() => new RegExp(src, 'u'), `${where} (unicode): ${src}`);
        // Escapes JS reads differently from Oniguruma (\G, \h, \A, \z, \K), atomic groups, inline flags, possessive quantifiers.
        assert.ok(!/\\[GhHAzZK]|\(\?>|\(\?[imx]+[:)]|[*+?}]\+/.test(src.replace(/\\\\/g, '')), `${where}: Oniguruma-only syntax in ${src}`);
      }
    });

    it(`${file}: scope names end in .caselint and includes resolve`, () => {
      const names: string[] = [];
      const walk = (r: Rule) => {
        if (r.name) names.push(r.name);
        for (const p of r.patterns ?? []) walk(p);
        for (const caps of [r.captures, r.beginCaptures, r.endCaptures]) for (const c of Object.values(caps ?? {})) walk(c);
        if (r.include?.startsWith('#')) assert.ok(grammar.repository[r.include.slice(1)], r.include);
      };
      for (const p of grammar.patterns) walk(p);
      for (const r of Object.values(grammar.repository)) walk(r);
      for (const n of names) assert.match(n, /\.caselint$/, n);
    });
  }

  it('markdown: injected left of the host grammar, not into code, raw text, comments or front matter', () => {
    assert.match(markdown.injectionSelector, /^L:text\.html\.markdown/);
    for (const excluded of ['-markup.fenced_code', '-markup.inline.raw', '-comment', '-meta.embedded']) assert.ok(markdown.injectionSelector.includes(excluded), excluded);
    assert.match(latex.injectionSelector, /^L:text\.tex\.latex/);
    assert.ok(latex.injectionSelector.includes('-comment'));
  });

  describe('markdown citation markers', () => {
    it('numeric: [1], [1,2], [3-6], [3–6], [1, 4-7] after a full stop or comma', () => {
      assert.deepEqual(hits(markdown, 'citation-numeric', 'No recurrence was seen. [1]'), ['[1]']);
      assert.deepEqual(hits(markdown, 'citation-numeric', 'for dyspnea,[2,14] These treatments'), ['[2,14]']);
      assert.deepEqual(hits(markdown, 'citation-numeric', 'as reported [3-6] and [3–6] and [1, 4-7].'), ['[3-6]', '[3–6]', '[1, 4-7]']);
      assert.equal(group(markdown, 'citation-numeric', 'see [12]', 2), '12');
    });
    it('numeric: not figures, tables, links, link definitions or task boxes', () => {
      for (const line of ['[Figure 1A]', '[Table 2]', 'see [1](https://example.org)', '[1]: https://example.org', '- [ ] todo', '- [x] done', '[1a]', 'array[i]']) {
        assert.deepEqual(hits(markdown, 'citation-numeric', line), [], line);
      }
    });
    it('superscript: ^1^, ^1,2^, ^3-6^', () => {
      assert.deepEqual(hits(markdown, 'citation-superscript', 'frequent.^1^ Also^1,2^ and^3-6^'), ['^1^', '^1,2^', '^3-6^']);
      assert.deepEqual(hits(markdown, 'citation-superscript', 'x^2 + y^2'), []);
    });
    it('Pandoc: [@key], [@key; @other, p. 3], [see -@doe], and in-text @key; not e-mail addresses', () => {
      assert.deepEqual(hits(markdown, 'citation-pandoc-group', 'is common [@smith2019].'), ['[']);
      assert.deepEqual(hits(markdown, 'citation-pandoc-group', 'see [@smith2019; @jones_2020, p. 3]'), ['[']);
      assert.deepEqual(hits(markdown, 'citation-pandoc-group', '[see -@doe]'), ['[']);
      assert.deepEqual(hits(markdown, 'citation-pandoc-group', '[write to john@example.com]'), []);
      assert.deepEqual(hits(markdown, 'citation-pandoc-group', '[Figure 1A]'), []);
      assert.deepEqual(hits(markdown, 'citation-key', '[@smith2019; @jones_2020, p. 3]'), ['@smith2019', '@jones_2020']);
      assert.deepEqual(hits(markdown, 'citation-key', '[see -@doe]'), ['-@doe']);
      assert.deepEqual(hits(markdown, 'citation-pandoc-bare', '@smith2019 showed that'), ['@smith2019']);
      assert.deepEqual(hits(markdown, 'citation-pandoc-bare', 'mail john@example.com.'), []);
      assert.equal(new RegExp(markdown.repository['citation-pandoc-group'].end!).exec('key]')?.[0], ']');
    });
  });

  describe('exam grades', () => {
    it('MRC grades out of 5: 4/5, 4+/5, 5-/5; not 14/5, 6/5, dates or decimals', () => {
      assert.deepEqual(hits(markdown, 'mrc-grade', 'Power was 4/5 in ankle dorsiflexion, 4+/5 and 5-/5 elsewhere.'), ['4/5', '4+/5', '5-/5']);
      for (const line of ['14/5', '6/5', '4/5/2020', 'ratio 4/50', '1.4/5']) assert.deepEqual(hits(markdown, 'mrc-grade', line), [], line);
      assert.deepEqual(hits(latex, 'mrc-grade', 'graded 3/5 proximally'), ['3/5']);
    });
    it('MRC with a grade: "MRC grade 4", "MRC 4+"', () => {
      assert.deepEqual(hits(markdown, 'mrc-scale', 'MRC grade 4 in the deltoids'), ['MRC grade 4']);
      assert.deepEqual(hits(markdown, 'mrc-scale', 'MRC 4+ bilaterally'), ['MRC 4+']);
      assert.deepEqual(hits(markdown, 'mrc-scale', 'the MRC scale'), ['MRC']);
      assert.deepEqual(hits(markdown, 'mrc-scale', 'SMRCx'), []);
    });
    it('reflex grades 0–4+: 2+, 3+; not 4+/5, C2+ or 5+', () => {
      assert.deepEqual(hits(markdown, 'reflex-grade', 'Biceps 2+ and patellar 3+ bilaterally, ankle 1+.'), ['2+', '3+', '1+']);
      for (const line of ['4+/5', 'C2+ ions', '5+', '12+', '2++']) assert.deepEqual(hits(markdown, 'reflex-grade', line), [], line);
    });
  });

  describe('suppression comments', () => {
    it('markdown: disable-next-line, disable with rule lists, enable', () => {
      const rule = 'suppression';
      assert.deepEqual(hits(markdown, rule, '<!-- caselint-disable-next-line unsupported-claim -->'), ['<!-- caselint-disable-next-line unsupported-claim -->']);
      assert.equal(group(markdown, rule, '<!-- caselint-disable rule-a, rule-b -->', 2), 'caselint-disable');
      assert.equal(group(markdown, rule, '<!-- caselint-disable rule-a, rule-b -->', 3), ' rule-a, rule-b');
      assert.deepEqual(hits(markdown, rule, '<!--caselint-enable-->'), ['<!--caselint-enable-->']);
      assert.deepEqual(hits(markdown, rule, '<!-- a normal comment -->'), []);
      assert.deepEqual(hits(markdown, rule, '<!-- expect required-section -->'), []);
    });
    it('latex: % caselint-disable-next-line rule-id, % caselint-enable', () => {
      assert.equal(group(latex, 'suppression', '% caselint-disable-next-line unsupported-claim', 2), 'caselint-disable-next-line');
      assert.equal(group(latex, 'suppression', '% caselint-disable-next-line unsupported-claim', 3), ' unsupported-claim');
      assert.deepEqual(hits(latex, 'suppression', 'text % caselint-enable'), ['% caselint-enable']);
      assert.deepEqual(hits(latex, 'suppression', '% an ordinary comment'), []);
    });
  });

  describe('latex citations', () => {
    it('\\cite, \\citep with optional arguments, \\citet*, \\parencite, \\textcite, \\autocite', () => {
      const line = String.raw`as shown \cite{smith2019,jones} and \citep[see][p.~3]{doe} or \citet*{roe}, \parencite{a} \textcite{b} \autocite{c}.`;
      assert.deepEqual(hits(latex, 'cite', line), [String.raw`\cite{smith2019,jones}`, String.raw`\citep[see][p.~3]{doe}`, String.raw`\citet*{roe}`, String.raw`\parencite{a}`, String.raw`\textcite{b}`, String.raw`\autocite{c}`]);
      assert.equal(group(latex, 'cite', String.raw`\cite{smith2019, jones}`, 5), 'smith2019, jones');
      const keys = latex.repository.cite.captures!['5'].patterns![0].match!;
      assert.deepEqual('smith2019, jones'.match(new RegExp(keys, 'g')), ['smith2019', 'jones']);
      assert.deepEqual(hits(latex, 'cite', String.raw`\section{Citations} \excite{x}`), []);
    });
  });
});
