import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL, needsAt } from '../../server/src/checker/analysis/identifiers/structured';
import { seededRandom } from '../../bench/random';

/**
 * needsAt (one regular expression over the text) finds what its definition says: at each
 * position, the longest `needs` string that starts there (the first listed of equal length), the
 * search going on after it; each found string stands for every list with a string inside it.
 */
function reference(text: string): Map<readonly string[], number[]> {
  const strings = [...new Set(ALL.flatMap((p) => p.needs ?? []))].sort((x, y) => y.length - x.length);
  const lists = [...new Set(ALL.flatMap((p) => (p.needs ? [p.needs] : [])))];
  const at = new Map<readonly string[], number[]>();
  for (let i = 0; i < text.length; i++) {
    const found = strings.find((n) => text.startsWith(n, i));
    if (!found) continue;
    for (const list of lists.filter((l) => l.some((x) => found.includes(x)))) at.set(list, [...(at.get(list) ?? []), i]);
    i += found.length - 1;
  }
  return at;
}

const entries = (m: Map<readonly string[], number[]>) =>
  [...m].map(([list, xs]) => [list.join('|'), xs] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

describe('identifier needs search (needsAt)', () => {
  it('finds each list at the positions of the longest string there, as a naive search does', () => {
    const strings = [...new Set(ALL.flatMap((p) => p.needs ?? []))];
    const random = seededRandom(17);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    // Strings run together, cut, overlapping and between other characters (non-ASCII among them).
    const fillers = [' ', 'a', 'e', 'x', '.', '\n', 'é', 'ß', '1', 'Nr', 'ID', '::', '–'];
    const texts = ['', 'a', 'ID', 'I', 'No. 4', 'ID ID', 'MRN:ID 12', 'www.WWW.', ':::', 'Straße straße strasse str. weg '];
    for (let t = 0; t < 400; t++) {
      let s = '';
      while (s.length < 120) {
        const n = pick(strings);
        const r = random();
        s += r < 0.5 ? n : r < 0.75 ? n.slice(Math.floor(random() * n.length)) : n.slice(0, Math.ceil(random() * n.length));
        s += random() < 0.5 ? pick(fillers) : '';
      }
      texts.push(s);
    }
    for (const text of texts) assert.deepEqual(entries(needsAt(text)), entries(reference(text)), JSON.stringify(text));
  });

  it("finds what a naive search does in the examples and the rule's fixtures", () => {
    const root = join(__dirname, '..', '..');
    const files = ['examples', 'test/fixtures/patient-identifier'].flatMap((d) =>
      readdirSync(join(root, d))
        .filter((f) => /\.(md|qmd|tex|txt)$/.test(f))
        .map((f) => join(root, d, f)),
    );
    assert.ok(files.length > 3);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      assert.deepEqual(entries(needsAt(text)), entries(reference(text)), f);
    }
  });
});
