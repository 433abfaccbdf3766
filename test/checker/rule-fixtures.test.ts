import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RULES } from '../../server/src/checker';
import { checkFixture, fixtureFiles, loadFixtureBibliographies } from '../helpers/fixtures';

/**
 * Every rule's fixtures, test/fixtures/<rule-id>/, through one runner (test/fixtures/README.md):
 * findings exactly as the inline expectations say, and every fix checked by applying it. The
 * bibliography files a fixture names (`bibliography: refs.bib`, `\bibliography{refs}`) are read
 * from its folder first, as the CLI reads them.
 */
const FIXTURES = join(__dirname, '..', 'fixtures');

describe('rule fixtures', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      const dir = join(FIXTURES, rule.id);
      const files = existsSync(dir) ? fixtureFiles(dir) : [];
      before(async () => {
        for (const file of files) await loadFixtureBibliographies(file);
      });
      it(`has fixtures in test/fixtures/${rule.id}/`, () => {
        assert.ok(files.length > 0, `rule ${rule.id} has no fixtures: add test/fixtures/${rule.id}/ with at least one (see test/fixtures/README.md)`);
      });
      for (const file of files) it(basename(file), () => void checkFixture(file, { rules: [rule.id] }));
    });
  }
});
