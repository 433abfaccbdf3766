import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CLAIM_DATA } from '../../server/src/checker/analysis/claims/classify';
import { OVERSTATEMENTS } from '../../server/src/checker/analysis/claims';
import { lowLetterSource, lowLettersOnly } from '../../server/src/checker/analysis/claims/pattern';
import { seededRandom } from '../../bench/random';

const ROOT = resolve(__dirname, '..', '..');
const CORPUS = [join(ROOT, '..', 'shared'), join(ROOT, '..', '..', 'shared'), '/work/shared']
  .map((d) => join(d, 'corpus'))
  .find(existsSync);

/** Every pattern of the claim data, as the classifier runs it on lower-cased text (without `i`). */
const PATTERNS = [
  ...CLAIM_DATA.cues.map((c) => c.pattern),
  CLAIM_DATA.presentTenseCue.pattern,
  ...CLAIM_DATA.exclusions.map((e) => e.pattern),
  ...CLAIM_DATA.clauses.map((c) => c.pattern),
  CLAIM_DATA.genericSubject.pattern,
  ...OVERSTATEMENTS.map((o) => o.pattern),
]
  .filter((p) => p.flags === 'iu')
  .map((p) => new RegExp(p.source, 'u'));

/** A match as compared: where, what, and each group. */
const key = (m: RegExpExecArray | null) => (m ? JSON.stringify([m.index, ...m]) : null);

describe('claim patterns with letter classes below U+0400', () => {
  it('tells texts with a letter or number at or above U+0400', () => {
    for (const t of ['', 'plain text.', 'μg/dl and 5 µg, café, straße, ’quoted’ – ≥ ± ² ½', '\u0345 \u2212 \u00d7']) assert.ok(lowLettersOnly(t), t);
    for (const t of ['Ж', 'a 中 b', '\u{1d400}', 'stage Ⅳ', '\u0660', 'ф']) assert.ok(!lowLettersOnly(t), t);
  });

  it('rewrites \\p{L} and \\p{N}, inside and outside classes, and nothing else', () => {
    const l = lowLetterSource(String.raw`(?<!\p{L})[\p{L}\d-]+\p{N}`, 'u');
    assert.ok(l && !l.includes('\\p{'));
    const re = new RegExp(l, 'u');
    assert.equal(re.exec('ab μg-x5')?.[0], 'μg-x5');
    assert.equal(lowLetterSource(String.raw`\p{Lu}a`, 'u'), undefined);
    assert.equal(lowLetterSource(String.raw`\P{L}a`, 'u'), undefined);
    assert.equal(lowLetterSource(String.raw`\p{L}`, 'iu'), undefined);
    assert.equal(lowLetterSource(String.raw`\\p{L}`, 'u'), undefined, 'an escaped backslash, then text');
    assert.equal(lowLetterSource('abc', 'u'), undefined);
  });

  it('the ranges are the property below U+0400, read from the engine', () => {
    const low = new RegExp(`^${lowLetterSource(String.raw`\p{L}`, 'u')}$`, 'u');
    const num = new RegExp(`^${lowLetterSource(String.raw`\p{N}`, 'u')}$`, 'u');
    for (let c = 0; c < 0x10000; c += c < 0x800 ? 1 : 97) {
      const ch = String.fromCharCode(c);
      assert.equal(low.test(ch), c < 0x400 && /^\p{L}$/u.test(ch), `U+${c.toString(16)}`);
      assert.equal(num.test(ch), c < 0x400 && /^\p{N}$/u.test(ch), `U+${c.toString(16)}`);
    }
  });

  it('each copy matches as its pattern on corpus sentences and on random texts of low letters', function () {
    this.timeout(120_000);
    const copies = PATTERNS.map((re) => ({ re, low: lowLetterSource(re.source, re.flags) })).filter((p) => p.low !== undefined);
    assert.ok(copies.length >= 50, `${copies.length} patterns have a copy`);
    const texts: string[] = [];
    if (CORPUS) {
      for (const sub of ['case-reports', 'narratives']) {
        const dir = join(CORPUS, sub);
        if (!existsSync(dir)) continue;
        for (const f of readdirSync(dir).filter((x) => /\.(md|txt|tex)$/.test(x)).sort()) {
          for (const s of readFileSync(join(dir, f), 'utf8').toLowerCase().split(/(?<=[.!?])\s+|\n+/)) if (s.length > 20) texts.push(s);
        }
      }
    }
    // Corpus words with letters swapped for other low letters and symbols at or above U+0400.
    const rnd = seededRandom(17);
    const swap = ['é', 'μ', 'ß', 'ü', 'ω', 'ø', '’', '–', '≥', '\u00b2', 'ª', '\u0345', '×', '½', '\u02c6', 'ʼ'];
    const base = texts.length ? texts : ['most patients with this disease recover, as reported in the literature.'];
    for (let i = 0; i < 3000; i++) {
      const t = [...base[Math.floor(rnd() * base.length)]];
      for (let k = 0; k < 3; k++) t[Math.floor(rnd() * t.length)] = swap[Math.floor(rnd() * swap.length)];
      texts.push(t.join(''));
    }
    let compared = 0;
    for (const { re, low } of copies) {
      const copy = new RegExp(low!, re.flags);
      for (const t of texts) {
        if (!lowLettersOnly(t)) continue;
        const a = re.exec(t);
        const b = copy.exec(t);
        assert.equal(key(b), key(a), `/${re.source.slice(0, 60)}…/ on ${JSON.stringify(t.slice(0, 120))}`);
        compared++;
      }
    }
    assert.ok(compared > 10_000);
  });
});
