import { strict as assert } from 'node:assert';
import { GIVEN_NAMES } from '../../server/src/checker/analysis/identifiers/data/given-names';
import { PLACES } from '../../server/src/checker/analysis/identifiers/data/places';
import { SURNAMES } from '../../server/src/checker/analysis/identifiers/data/surnames';
import { isGivenName, isPlaceName, isSurname, sortedList } from '../../server/src/checker/analysis/identifiers/lexicon';

describe('identifier name lists (searched where they stand)', () => {
  for (const [name, data, list] of [
    ['given names', GIVEN_NAMES, isGivenName],
    ['surnames', SURNAMES, isSurname],
    ['places', PLACES, isPlaceName],
  ] as const) {
    it(`${name}: sorted by code unit, no duplicates, and answers as a set of its entries would`, () => {
      const entries = data.split('|');
      assert.ok(entries.every((w, i) => w !== '' && (i === 0 || entries[i - 1] < w)));
      const set = new Set(entries);
      for (const w of entries) assert.ok(list().has(w), w);
      const others = entries.flatMap((w) => [w.slice(0, -1), `${w}a`, `${w}|`, w.toLowerCase(), w.toUpperCase(), ` ${w}`, `${w.slice(1)}`]);
      for (const w of [...others, '', '|', 'A', 'zzzz', '\uffff']) assert.equal(list().has(w), set.has(w), JSON.stringify(w));
    });
  }

  it('finds the first and last entries of short lists and misses around them', () => {
    const l = sortedList('Bb|Dd|Ff')();
    for (const w of ['Bb', 'Dd', 'Ff']) assert.ok(l.has(w), w);
    for (const w of ['A', 'Bc', 'B', 'Cc', 'D', 'Ee', 'Fg', 'G', 'Bb|Dd', '']) assert.ok(!l.has(w), w);
    assert.ok(sortedList('Only')().has('Only'));
    assert.ok(!sortedList('Only')().has('Onl'));
  });
});
