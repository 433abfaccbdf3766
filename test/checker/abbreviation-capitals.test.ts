import { strict as assert } from 'node:assert';
import { mostlyCapitals } from '../../server/src/checker/analysis/abbreviations';
import { seededRandom } from '../../bench/random';

/** The definition: 20 or more ASCII letters, more than 60 % of them capitals. */
function reference(text: string): boolean {
  const capitals = text.replace(/[^A-Z]/g, '').length;
  const letters = capitals + text.replace(/[^a-z]/g, '').length;
  return letters >= 20 && capitals / letters > 0.6;
}

describe('abbreviations: mostly capitals (a paragraph in capitals defines nothing)', () => {
  it('answers as counting every letter does, at and around the 60 % and 20-letter limits', () => {
    const random = seededRandom(11);
    const texts = ['', 'ABC', 'A'.repeat(12) + 'a'.repeat(8), 'A'.repeat(13) + 'a'.repeat(7), 'A'.repeat(12) + 'a'.repeat(7), 'ABC abc', 'THE PATIENT (MRI) WAS SEEN. é É 1 2'];
    for (let c = 0; c <= 40; c++) for (let l = 0; l <= 30; l++) texts.push('A'.repeat(c) + 'a'.repeat(l), 'a'.repeat(l) + ' ' + 'A'.repeat(c), ('Ab'.repeat(l) + 'C'.repeat(c)).slice(0, c + l));
    const chars = 'AAAAaB b.1É(é)-\n';
    for (let t = 0; t < 2000; t++) {
      let s = '';
      const n = Math.floor(random() * 120);
      for (let i = 0; i < n; i++) s += chars[Math.floor(random() * chars.length)];
      texts.push(s);
    }
    for (const text of texts) assert.equal(mostlyCapitals(text), reference(text), JSON.stringify(text));
  });
});
