import { strict as assert } from 'node:assert';
import { seededRandom } from '../../bench/random';
import { figureMentions, matchesAt } from '../../server/src/checker/analysis/figures';
import { parseDocument } from '../../server/src/checker/model';

/**
 * Quarto labels and references are found by indexOf of their literal start and a sticky
 * expression (analysis/figures.ts, matchesAt), not by a global expression tried at every offset:
 * the matches must be those of the global expression, on texts made of the pieces that make them
 * overlap, start lines or not, and follow one another.
 */
const PIECES = ['{#fig-a}', '{#fig-', '{#tbl-b x=1}', '{#fig-a {#tbl-b}', '}', '#| label: fig-x', '#|label:"tbl-y"', '#| label: fig-', '@fig-a', '@tbl-b2', '@fig-', 'x@fig-c', '@@fig-d', '\n', '\r\n', '\r', '\u2028', ' ', '\t', 'text', '-', 'w'];

const CASES: [string, string[], RegExp, RegExp, boolean][] = [
  ['attributes', ['{#fig-', '{#tbl-'], /\{#((fig|tbl)-[\w-]*\w)[^}\n]*\}/y, /\{#((fig|tbl)-[\w-]*\w)[^}\n]*\}/g, false],
  ['chunk labels', ['#|'], /[ \t]*#\|[ \t]*label:[ \t]*["']?((fig|tbl)-[\w-]*\w)/y, /^[ \t]*#\|[ \t]*label:[ \t]*["']?((fig|tbl)-[\w-]*\w)/gm, true],
  ['references', ['@fig-', '@tbl-'], /@((?:fig|tbl)-[\w-]*\w)/y, /@((?:fig|tbl)-[\w-]*\w)/g, false],
];

describe('figures: Quarto labels found by their literal start (matchesAt)', () => {
  for (const [name, needles, sticky, global, lineStart] of CASES) {
    it(`finds what the global expression finds: ${name}`, () => {
      const random = seededRandom(41 + name.length);
      for (let i = 0; i < 3000; i++) {
        let text = '';
        for (let n = Math.floor(random() * 14); n > 0; n--) text += PIECES[Math.floor(random() * PIECES.length)];
        const got = matchesAt(text, needles, sticky, lineStart).map((m) => [m.index, m[0], m[1]]);
        const want = [...text.matchAll(global)].map((m) => [m.index, m[0], m[1]]);
        assert.deepEqual(got, want, JSON.stringify(text));
      }
    });
  }
});

describe('figures: written mentions', () => {
  it('are found in any case, not inside a word, each list read once', () => {
    const model = parseDocument('FIG. 2 and tAbLe 1, prefig 3, Figs. 4 and 5, Figure 6 and 2 weeks later; see table\u00a07.', 'text');
    assert.deepEqual(figureMentions(model).map((m) => `${m.kind} ${m.number}`), ['figure 2', 'table 1', 'figure 4', 'figure 5', 'figure 6', 'table 7']);
  });

  it('are found after an "İ", whose lower case is longer, in the same paragraph', () => {
    const model = parseDocument('Dr. İnce reviewed Figure 2; Table 3 gives the values and İzmir is named in Fig. 4.', 'text');
    assert.deepEqual(figureMentions(model).map((m) => `${m.kind} ${m.number} @${m.start}`), ['figure 2 @18', 'table 3 @28', 'figure 4 @75']);
  });
});
