import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, parseDocument } from '../../server/src/checker';
import { findPlaceholders, PLACEHOLDER_TEXTS } from '../../server/src/checker/analysis/placeholders';
import { getSnippets, parseSnippet, tabStopOrder, walkSnippet, type SnippetItem } from '../../server/src/snippets';

const ROOT = join(__dirname, '../..');
const MARKDOWN = getSnippets('markdown');
const LATEX = getSnippets('latex');
const MRC = ['0', '1', '2', '3', '4-', '4', '4+', '5-', '5'];
const REFLEX = ['0', '1+', '2+', '3+', '4+'];

/** The prefixes issue 4 asks for, per topic. */
const REQUIRED_PREFIXES = [
  'cr-default', 'cr-care', 'exam-neuro', 'exam-power', 'exam-reflex', 'ncs-table', 'emg-table', 'lab-table',
  'cr-timeline', 'cr-consent', 'cr-perspective', 'cr-differential', 'dx-als',
];

function choices(s: SnippetItem): string[][] {
  const out: string[][] = [];
  walkSnippet(parseSnippet(s.body), (n) => {
    if (n.type === 'choice') out.push(n.options);
  });
  return out;
}

function defaults(s: SnippetItem): string[] {
  const out: string[] = [];
  walkSnippet(parseSnippet(s.body), (n) => {
    if (n.type === 'placeholder' && n.children.every((c) => c.type === 'text')) out.push(n.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
  });
  return out;
}

/** Groups of consecutive Markdown lines that start with '|'. */
function markdownTableBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let cur: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('|')) (cur ??= []).push(line);
    else if (cur) {
      blocks.push(cur);
      cur = undefined;
    }
  }
  if (cur) blocks.push(cur);
  return blocks;
}

describe('snippets', () => {
  it('are offered for Markdown, Quarto, R Markdown and LaTeX, and nothing for other languages', () => {
    for (const id of ['markdown', 'quarto', 'rmd', 'rmarkdown']) assert.deepEqual(getSnippets(id).map((s) => s.name), MARKDOWN.map((s) => s.name));
    assert.deepEqual(getSnippets('tex').map((s) => s.name), LATEX.map((s) => s.name));
    assert.deepEqual(getSnippets('python'), []);
  });

  it('cover every topic of issue 4, with the same prefixes in Markdown and LaTeX', () => {
    const md = MARKDOWN.flatMap((s) => s.prefixes);
    const tex = LATEX.flatMap((s) => s.prefixes);
    for (const p of REQUIRED_PREFIXES) assert.ok(md.includes(p), `markdown lacks ${p}`);
    assert.deepEqual([...tex].sort(), [...md].sort());
    assert.equal(new Set(md).size, md.length, 'prefixes are unique');
  });

  it('are contributed to VS Code for markdown, quarto, rmd and latex', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const contributed: { language: string; path: string }[] = pkg.contributes?.snippets ?? [];
    const langs = Object.fromEntries(contributed.map((c) => [c.language, c.path]));
    for (const id of ['markdown', 'quarto', 'rmd']) assert.equal(langs[id], './snippets/markdown.json', id);
    assert.equal(langs.latex, './snippets/latex.json');
    for (const c of contributed) assert.ok(existsSync(join(ROOT, c.path)), c.path);
  });

  for (const [lang, items] of [['markdown', MARKDOWN], ['latex', LATEX]] as const) {
    describe(lang, () => {
      for (const s of items) {
        describe(s.prefix, () => {
          it('has a description and a body, and leaves no snippet syntax in its plain text', () => {
            assert.ok(s.description.length > 10);
            assert.ok(s.body.trim());
            assert.equal(findPlaceholders(s.plainText).filter((m) => m.kind === 'syntax').length, 0);
            assert.ok(!/\$\{?\d/.test(s.plainText), s.plainText);
          });
          it('numbers its tab stops in reading order', () => {
            const order = tabStopOrder(s.body);
            assert.deepEqual(order, order.map((_, i) => i + 1));
          });
          it('uses placeholder texts that the placeholder rule recognises', () => {
            for (const d of defaults(s)) {
              assert.ok(PLACEHOLDER_TEXTS.includes(d), `"${d}" is not in PLACEHOLDER_TEXTS`);
              const found = findPlaceholders(d);
              assert.ok(found.length === 1 && found[0].text.length === d.length, d);
            }
          });
        });
      }
    });
  }

  it('offer MRC and reflex grades, sides and ALS criteria as choices', () => {
    const of = (prefix: string) => MARKDOWN.concat(LATEX).filter((s) => s.prefix === prefix);
    for (const s of of('exam-power')) for (const c of choices(s)) assert.deepEqual([...c].sort(), [...MRC, 'NT'].sort());
    for (const s of of('exam-reflex')) assert.ok(choices(s).some((c) => REFLEX.every((g) => c.includes(g))));
    for (const s of of('ncs-table').concat(of('emg-table'))) assert.ok(choices(s).some((c) => c.join() === 'L,R'));
    for (const s of of('dx-als')) assert.ok(['revised El Escorial', 'Awaji', 'Gold Coast'].every((k) => choices(s).some((c) => c.some((o) => o.includes(k)))));
    for (const s of of('cr-timeline')) assert.match(s.plainText, /Month 0[\s\S]*Month 4/);
    // What each table holds, clinically: test/snippets/clinical.test.ts.
  });

  describe('Markdown, expanded with their defaults', () => {
    /** A row snippet is checked under the header of the table it belongs to. */
    const ROW_TABLES: Record<string, [string, number]> = {
      'ncs-motor-row': ['ncs-table', 0],
      'ncs-sensory-row': ['ncs-table', 1],
      'emg-row': ['emg-table', 0],
      'lab-row': ['lab-table', 0],
    };
    const expanded = (s: SnippetItem): string => {
      const row = ROW_TABLES[s.prefix];
      if (!row) return s.plainText;
      const table = MARKDOWN.find((x) => x.prefix === row[0])!;
      const block = markdownTableBlocks(table.plainText)[row[1]];
      return `${block[0]}\n${block[1]}\n${s.plainText}\n`;
    };
    it('row snippets belong to a table snippet', () => {
      for (const s of MARKDOWN.filter((x) => x.prefix.endsWith('-row'))) assert.ok(ROW_TABLES[s.prefix], s.prefix);
    });
    for (const s of MARKDOWN) {
      it(`${s.prefix}: tables parse as tables, and only placeholder findings remain`, () => {
        const text = expanded(s);
        const model = parseDocument(text, 'markdown');
        const blocks = markdownTableBlocks(text);
        assert.equal(model.tables.length, blocks.length, 'every table block is a table');
        for (const [i, t] of model.tables.entries()) {
          assert.equal(t.rows.length, blocks[i].length - 2);
          for (const row of t.rows) assert.equal(row.length, t.header.length);
          assert.ok(t.rows.every((r) => r.every((c) => !c.text.includes('|'))));
        }
        const headingLines = text.split('\n').filter((l) => /^#{1,6} /.test(l));
        assert.equal(model.headings.length, headingLines.length);
        // A snippet alone is not a document: no sections around it, no text that mentions its table.
        const { findings } = check(text, {
          format: 'markdown',
          config: { rules: { 'required-section': 'off', declarations: 'off', 'empty-section': 'off', 'figure-table-reference': 'off', abbreviation: 'off' } }, // a fragment: its abbreviations are defined by the document it goes into
          onRuleError: (id, e) => assert.fail(`rule ${id} threw: ${String(e)}`),
        });
        const others = findings.filter((f) => f.ruleId !== 'placeholder').map((f) => `${f.ruleId}: ${f.message}`);
        assert.deepEqual(others, []);
      });
    }

    it('the skeletons satisfy their profiles', () => {
      const def = MARKDOWN.find((s) => s.prefix === 'cr-default')!;
      const care = MARKDOWN.find((s) => s.prefix === 'cr-care')!;
      const missing = (text: string, profile: string) =>
        check(text, { config: { profile } }).findings.filter((f) => f.ruleId === 'required-section').map((f) => f.message);
      assert.deepEqual(missing(def.plainText, 'default'), []);
      assert.deepEqual(missing(care.plainText, 'care'), []);
    });

    it('filled in with plausible values, a snippet has no findings left', () => {
      /** A typical value for each column of the nerve conduction tables (and 32 °C for the temperature line). */
      const typical = (header: string): string =>
        /F-wave/.test(header) ? '28.4' : /latency/i.test(header) ? '3.6' : /µV/.test(header) ? '24' : /mV/.test(header) ? '7.2' : /Distance/.test(header) ? '14' : /velocity/i.test(header) ? '52' : '32';
      for (const prefix of ['ncs-table', 'ncs-table-ref']) {
        const s = MARKDOWN.find((x) => x.prefix === prefix)!;
        let header: string[] = [];
        const filled = s.plainText
          .split('\n')
          .map((line) => {
            if (!line.startsWith('|')) return line.replace(/\bXX\b/g, '32');
            const cells = line.split('|');
            if (!line.includes('XX') && !line.includes('[')) {
              if (!/^\|\s*-/.test(line)) header = cells;
              return line;
            }
            return cells.map((c, i) => c.replace(/\bXX\b/g, typical(header[i] ?? '')).replace('[reference values]', '≤ 4.4 ms')).join('|');
          })
          .join('\n');
        const { findings } = check(filled, { config: { rules: { 'required-section': 'off', declarations: 'off', 'empty-section': 'off', 'figure-table-reference': 'off' } } });
        assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message}`), [], prefix);
      }
    });
  });

  describe('LaTeX, expanded with their defaults', () => {
    for (const s of LATEX) {
      it(`${s.prefix}: balanced braces and environments, tabular rows fit their columns`, () => {
        const text = s.plainText;
        let depth = 0;
        for (let i = 0; i < text.length; i++) {
          if (text[i] === '\\') {
            i++;
            continue;
          }
          if (text[i] === '{') depth++;
          if (text[i] === '}') depth--;
          assert.ok(depth >= 0, `unbalanced } at ${i}`);
        }
        assert.equal(depth, 0, 'unbalanced {');
        const stack: string[] = [];
        for (const m of text.matchAll(/\\(begin|end)\{([^}]+)\}/g)) {
          if (m[1] === 'begin') stack.push(m[2]);
          else assert.equal(stack.pop(), m[2]);
        }
        assert.deepEqual(stack, []);
        for (const line of text.split('\n')) assert.equal((line.match(/(?<!\\)\$/g) ?? []).length % 2, 0, `unbalanced math: ${line}`);
        for (const m of text.matchAll(/\\begin\{tabular\}\{([^}]+)\}([\s\S]*?)\\end\{tabular\}/g)) {
          const columns = m[1].replace(/\{[^}]*\}?/g, '').replace(/[^lcrpX]/g, '').length;
          const rows = m[2].split('\n').filter((l) => l.includes('\\\\'));
          assert.ok(rows.length >= 2);
          for (const r of rows) assert.equal(r.split('&').length, columns, r);
          assert.match(m[2], /\\toprule[\s\S]*\\midrule[\s\S]*\\bottomrule/);
        }
        // A line may not start with '[' after a row end: \\ would read it as its optional argument.
        assert.ok(!/\\\\\s*\n\s*\[/.test(text));
        if (/^\s*\[/.test(text) && /\\\\/.test(text)) assert.fail('a row snippet starts with [');
      });
    }

    it('only placeholder findings remain in the LaTeX snippets', () => {
      for (const s of LATEX) {
        const { findings } = check(s.plainText, {
          format: 'latex',
          config: { rules: { 'required-section': 'off', declarations: 'off', 'empty-section': 'off', 'figure-table-reference': 'off', abbreviation: 'off' } }, // a fragment: its abbreviations are defined by the document it goes into
          onRuleError: (id, e) => assert.fail(`rule ${id} threw: ${String(e)}`),
        });
        assert.deepEqual(findings.filter((f) => f.ruleId !== 'placeholder').map((f) => `${f.ruleId}: ${f.message}`), [], s.prefix);
      }
    });

    it('the LaTeX snippet tables parse as tables', () => {
      for (const s of LATEX) {
        const n = (s.plainText.match(/\\begin\{tabular\}/g) ?? []).length;
        const model = parseDocument(s.plainText, 'latex');
        assert.equal(model.tables.length, n, s.prefix);
        for (const t of model.tables) for (const r of t.rows) assert.equal(r.length, t.header.length, s.prefix);
      }
    });
  });
});

describe('docs/snippets.md', () => {
  it('lists every prefix', () => {
    const doc = readFileSync(join(ROOT, 'docs/snippets.md'), 'utf8');
    for (const p of MARKDOWN.flatMap((s) => s.prefixes)) assert.ok(doc.includes('`' + p + '`'), p);
  });
});

describe('snippets and the declarations rule', () => {
  it("the consent statement the declarations fix inserts is the cr-consent snippet's text (first choices), in Markdown and LaTeX", async () => {
    const { DECLARATIONS } = await import('../../server/src/checker/profiles');
    for (const set of [MARKDOWN, LATEX]) {
      const consent = set.find((s) => s.prefixes.includes('cr-consent'));
      assert.ok(consent, 'a cr-consent snippet');
      assert.ok(consent.plainText.includes(DECLARATIONS.consent.text), `${consent.plainText} holds ${DECLARATIONS.consent.text}`);
    }
  });
});
