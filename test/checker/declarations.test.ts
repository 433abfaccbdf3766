import { strict as assert } from 'node:assert';
import { basename, join } from 'node:path';
import { check, createIncrementalChecker } from '../../server/src/checker';
import { fixtureFiles, readFixture } from '../helpers/fixtures';

/**
 * findDeclarations (analysis/declarations.ts) reads a paragraph's run-in label and a sentence's
 * statements through the incremental checker's memo, all kinds at once, and only the kinds still
 * missing without one: the rule's findings are the same either way, on every fixture and as
 * statements are written, moved from headings into labels and sentences, and removed.
 */
const dir = join(__dirname, '../fixtures/declarations');
const declarationsOf = (findings: readonly { ruleId: string }[]) => findings.filter((f) => f.ruleId === 'declarations');

describe('declarations (analysis/declarations.ts) with and without the memo', () => {
  for (const file of fixtureFiles(dir)) {
    it(`finds the same statements in ${basename(file)}, and after its headings become labels or go`, () => {
      const { text, config } = readFixture(file);
      const format = file.endsWith('.tex') ? 'latex' : 'markdown';
      const versions = [
        text,
        // Headings written as run-in labels ("Funding: …"), then dropped (the statements are then found by their sentences, or missing).
        text.replace(/^#{2,} ([^\n]+)\n\n/gm, '**$1:** '),
        text.replace(/^#{2,} [^\n]+\n/gm, ''),
        text.replace(/consent/gi, 'agreement'),
        text,
      ];
      const checker = createIncrementalChecker();
      for (const [i, v] of versions.entries()) {
        assert.deepEqual(declarationsOf(checker.check(v, { format, config }).findings), declarationsOf(check(v, { format, config }).findings), `version ${i}`);
      }
    });
  }
});
