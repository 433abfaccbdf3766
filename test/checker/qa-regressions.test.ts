/**
 * Regressions for bugs found in product QA (drafts written as users would write them).
 * Fixtures in test/fixtures/qa carry their expected findings inline.
 */
import { strict as assert } from 'node:assert';
import { basename, join } from 'node:path';
import { fixtureFiles, runFixture } from '../helpers/fixtures';

const DIR = join(__dirname, '..', 'fixtures', 'qa');

describe('QA regressions (fixtures)', () => {
  for (const file of fixtureFiles(DIR)) {
    it(basename(file), () => {
      const r = runFixture(file);
      assert.deepEqual(r.actual, r.expected);
    });
  }
});
