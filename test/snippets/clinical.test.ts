import { strict as assert } from 'node:assert';
import { parseDocument, type Table } from '../../server/src/checker';
import { getSnippets, parseSnippet, walkSnippet, type SnippetItem, type SnippetNode } from '../../server/src/snippets';

/**
 * What a neurologist expects to find in the clinical snippets (issue 13): the categories each set
 * of ALS criteria defines, the movements and reflexes an examination records, nerve conduction and
 * needle EMG tables laid out as electrodiagnostic reports are, and LaTeX tables that fit a page.
 */

const MARKDOWN = getSnippets('markdown');
const LATEX = getSnippets('latex');
const BOTH = [...MARKDOWN.map((s) => ['markdown', s] as const), ...LATEX.map((s) => ['latex', s] as const)];
const of = (prefix: string) => BOTH.filter(([, s]) => s.prefixes.includes(prefix));
const MRC_NT = ['0', '1', '2', '3', '4-', '4', '4+', '5-', '5', 'NT'];
const REFLEX = ['0', '1+', '2+', '3+', '4+', 'present with reinforcement'];

function choices(s: SnippetItem): string[][] {
  const out: string[][] = [];
  walkSnippet(parseSnippet(s.body), (n) => {
    if (n.type === 'choice') out.push(n.options);
  });
  return out;
}

/** Every text the snippet can produce by picking choices (defaults for the other fields). */
function expansions(s: SnippetItem): string[] {
  let outs = [''];
  const visit = (nodes: SnippetNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text') outs = outs.map((o) => o + n.value);
      else if (n.type === 'choice') outs = outs.flatMap((o) => n.options.map((c) => o + c));
      else if (n.type === 'placeholder') visit(n.children);
      else if (n.type === 'variable' && n.children) visit(n.children);
    }
  };
  visit(parseSnippet(s.body));
  return outs;
}

const tables = (lang: 'markdown' | 'latex', s: SnippetItem): Table[] => parseDocument(s.plainText, lang).tables;
const headers = (t: Table) => t.header.map((c) => c.text.trim());
const column = (t: Table, re: RegExp) => headers(t).findIndex((h) => re.test(h));
const rowOf = (t: Table, label: RegExp) => t.rows.filter((r) => label.test(r.map((c) => c.text).join(' | ')));

describe('clinical snippets (issue 13)', () => {
  describe('dx-als: only the categories each set of criteria defines', () => {
    const ALLOWED: Record<string, string[]> = {
      'revised El Escorial': ['clinically definite ALS', 'clinically probable ALS', 'clinically probable laboratory-supported ALS', 'clinically possible ALS'],
      Awaji: ['clinically definite ALS', 'clinically probable ALS', 'clinically possible ALS'],
      'Gold Coast': ['met the Gold Coast criteria for ALS', 'did not meet the Gold Coast criteria for ALS'],
    };
    const ALS = BOTH.filter(([, s]) => s.prefix.startsWith('dx-als'));

    it('every choice a writer can make names a category of the criteria it names', () => {
      assert.ok(ALS.length >= 2);
      for (const [lang, s] of ALS) {
        for (const sentence of expansions(s)) {
          const sets = Object.keys(ALLOWED).filter((k) => sentence.includes(`the ${k} criteria`));
          assert.equal(sets.length, 1, `${lang} ${s.prefix}: names one set of criteria: ${sentence}`);
          const set = sets[0];
          if (set === 'Gold Coast') {
            assert.ok(ALLOWED[set].some((c) => sentence.includes(c)), sentence);
            assert.doesNotMatch(sentence, /definite|probable|possible/, sentence);
          } else {
            const m = /criteria for (clinically [a-z -]+ ALS)/.exec(sentence);
            assert.ok(m && ALLOWED[set].includes(m[1]), `${lang} ${s.prefix}: ${sentence}`);
          }
        }
      }
    });

    it('dx-als-gold-coast: lower motor neuron signs alone in two regions meet the criteria', () => {
      for (const [lang, s] of of('dx-als-gold-coast')) assert.match(s.plainText, /lower motor neuron signs in two\b/, lang);
    });

    it('offers every category of every set, in dx-als and in one snippet per set', () => {
      for (const [lang, s] of of('dx-als')) {
        const all = expansions(s).join('\n');
        for (const [set, cats] of Object.entries(ALLOWED)) for (const c of cats) assert.ok(all.includes(set === 'Gold Coast' ? c : `${set} criteria for ${c}`), `${lang}: ${set} ${c}`);
      }
      for (const [prefix, set] of [['dx-als-eec', 'revised El Escorial'], ['dx-als-awaji', 'Awaji'], ['dx-als-gold-coast', 'Gold Coast']]) {
        const found = of(prefix);
        assert.equal(found.length, 2, prefix);
        for (const [, s] of found) {
          const all = expansions(s);
          assert.ok(all.every((x) => x.includes(`the ${set} criteria`)), prefix);
          for (const c of ALLOWED[set]) assert.ok(all.some((x) => x.includes(c)), `${prefix}: ${c}`);
        }
      }
    });
  });

  describe('exam-power', () => {
    it('has the neck, hip extension and abduction, ankle inversion and eversion rows', () => {
      for (const [lang, s] of of('exam-power')) {
        const [t] = tables(lang, s);
        const labels = t.rows.map((r) => r[0].text.trim().toLowerCase());
        for (const want of ['neck flexion', 'neck extension', 'hip flexion', 'hip extension', 'hip abduction', 'ankle dorsiflexion', 'ankle inversion', 'ankle eversion'])
          assert.ok(labels.some((l) => l.startsWith(want)), `${lang}: ${want}`);
      }
    });
    it('offers every MRC grade and NT (not tested) in every cell, and explains NT', () => {
      for (const [, s] of of('exam-power')) {
        const cs = choices(s);
        assert.ok(cs.length >= 30);
        for (const c of cs) assert.deepEqual([...c].sort(), [...MRC_NT].sort());
        assert.match(s.plainText, /NT, not tested/);
      }
    });
  });

  describe('exam-reflex', () => {
    it('has the jaw jerk, "present with reinforcement" and mute or withdrawal plantar responses', () => {
      for (const [lang, s] of of('exam-reflex')) {
        const cs = choices(s);
        assert.equal(cs.filter((c) => [...c].sort().join() === [...REFLEX].sort().join()).length, 10, lang);
        const plantar = cs.filter((c) => c.includes('extensor'));
        assert.equal(plantar.length, 2);
        for (const c of plantar) for (const want of ['flexor', 'extensor', 'equivocal', 'mute', 'withdrawal']) assert.ok(c.includes(want), want);
        const [t] = tables(lang, s);
        assert.equal(rowOf(t, /^Jaw jerk/).length, 1, `${lang}: jaw jerk row`);
        assert.ok(cs.some((c) => c.includes('brisk')), 'jaw jerk choices');
        assert.match(s.plainText, /Hoffmann/);
        assert.ok(cs.some((c) => c.includes('sustained')));
      }
    });
  });

  describe('ncs-table', () => {
    for (const prefix of ['ncs-table', 'ncs-table-ref']) {
      it(`${prefix}: distal rows record the distance, ulnar above elbow and tibial popliteal rows give a velocity`, () => {
        for (const [lang, s] of of(prefix)) {
          const [motor, sensory] = tables(lang, s);
          const dist = column(motor, /^Distance/);
          const cv = column(motor, /velocity|^CV/);
          const stim = column(motor, /^Stimulation/);
          assert.ok(dist > 0 && cv > 0 && stim > 0, headers(motor).join());
          for (const r of motor.rows) assert.equal(r[dist].text.trim(), 'XX', `${lang}: distance in ${r.map((c) => c.text).join(' | ')}`);
          const site = (nerve: RegExp, where: RegExp) => motor.rows.filter((r) => nerve.test(r[0].text) && where.test(r[stim].text));
          for (const [nerve, where] of [[/Ulnar/, /Above elbow/], [/Ulnar/, /Below elbow/], [/Tibial/, /Popliteal/], [/Peroneal/, /Fibular head/], [/Median/, /Elbow/]] as const) {
            const rows = site(nerve, where);
            assert.equal(rows.length, 1, `${lang}: ${nerve} ${where}`);
            assert.equal(rows[0][cv].text.trim(), 'XX', `${lang}: ${nerve} ${where} gives a velocity`);
          }
          const sh = headers(sensory).join(' | ');
          assert.match(sh, /Onset[^|]*\(ms\)/);
          assert.match(sh, /Peak[^|]*\(ms\)/);
          assert.match(sh, /Distance \(cm\)/);
          // The caption's direction is the one the sites describe: antidromic, stimulated at the
          // wrist, forearm or calf and recorded at the digit, snuffbox or ankle (not a choice that
          // an orthodromic study, digit to wrist, would contradict).
          const [stimS, recS] = [column(sensory, /^Stimulation/), column(sensory, /^Recording/)];
          assert.match(s.plainText, /Sensory nerve conduction studies, antidromic\b/);
          assert.ok(!choices(s).some((c) => c.includes('orthodromic')), `${lang}: no orthodromic choice against antidromic sites`);
          for (const r of sensory.rows) {
            assert.match(r[stimS].text, /Wrist|Forearm|Calf/, `${lang}: ${r[0].text}`);
            assert.match(r[recS].text, /Digit|Snuffbox|malleolus/, `${lang}: ${r[0].text}`);
          }
          assert.match(s.plainText, /Limb temperature: XX\W+(?:°|textdegree)/);
          const ref = (t: Table) => column(t, /^Reference/) >= 0;
          assert.equal(ref(motor) && ref(sensory), prefix === 'ncs-table-ref', `${lang}: reference column`);
        }
      });
    }
  });

  describe('emg-table', () => {
    it('has other spontaneous activity, fasciculations present/absent, recruitment and the interference pattern apart', () => {
      for (const [lang, s] of of('emg-table').concat(of('emg-row'))) {
        const cs = choices(s);
        const other = cs.find((c) => c.some((o) => /myotonic/.test(o)));
        assert.ok(other, `${lang}: other spontaneous activity`);
        for (const want of [/myotonic/, /complex repetitive|CRD/, /myokymi/]) assert.ok(other!.some((o) => want.test(o)), `${lang}: ${want}`);
        assert.ok(cs.some((c) => c.includes('absent') && c.includes('present')), `${lang}: fasciculations`);
        const recruitment = cs.filter((c) => c.includes('early'));
        assert.ok(recruitment.length > 0);
        for (const c of recruitment) assert.deepEqual(c, ['normal', 'reduced', 'early']);
        const interference = cs.filter((c) => c.includes('discrete'));
        assert.equal(interference.length, recruitment.length, `${lang}: one interference choice per row`);
        for (const c of interference) assert.ok(c.includes('full') && !c.includes('early'));
      }
      for (const [lang, s] of of('emg-table')) {
        const [t] = tables(lang, s);
        const h = headers(t).join(' | ');
        assert.match(h, /Recruitment/);
        assert.match(h, /Interference/);
        assert.match(h, /Other/);
      }
    });
  });

  describe('LaTeX tables fit a page', () => {
    const WIDE = 6;
    // Compiled with the longest choice in every cell by `npm run test:latex` (needs pdflatex).
    it(`tables of more than ${WIDE} columns are set sideways and small, with short headers`, () => {
      for (const s of LATEX) {
        for (const m of s.plainText.matchAll(/\\begin\{(\w+)\}(?:\[[^\]]*\])?([\s\S]*?)\\begin\{tabular\}\{([^}]+)\}([\s\S]*?)\\end\{tabular\}/g)) {
          const columns = m[3].replace(/\{[^}]*\}?/g, '').replace(/[^lcrpX]/g, '').length;
          if (columns <= WIDE) continue;
          assert.equal(m[1], 'sidewaystable', s.prefix);
          assert.match(m[2], /\\small|\\footnotesize/, s.prefix);
          const head = m[4].split('\\\\')[0].replace(/\\toprule/, '').split('&').map((h) => h.trim());
          for (const h of head.map((x) => x.replace(/\$[^$]*\$/g, "u").replace(/\\[a-z]+/g, ""))) assert.ok(h.length <= 16, `${s.prefix}: header "${h}" is long`);
        }
      }
    });
  });
});
