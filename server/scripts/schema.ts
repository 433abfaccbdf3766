/**
 * Writes server/schema/caselint.schema.json from the rule registry and the profiles
 * (`npm run schema`), the config loader's precompiled validators (scripts/validators.ts) and the
 * claim data's trigger words (scripts/triggers.ts), the word classes of tense from the English
 * lexicon (scripts/lexicon.ts) and the classifier's table of its present forms (scripts/present-table.ts). Run it after adding a rule, a rule option, a
 * profile or a claim pattern; test/config/schema.test.ts and test/checker/claims-triggers.test.ts
 * fail while a committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchemaText } from '../src/config/schema';
import { lexiconSource, LEXICON_TS } from './lexicon';
import { lexiconStrings, presentTableSource, PRESENT_TABLE_TS } from './present-table';
import { triggersSource, TRIGGERS_TS } from './triggers';
import { validatorsDeclarations, validatorsSource, VALIDATORS_DTS, VALIDATORS_JS } from './validators';

const file = join(__dirname, '..', 'schema', 'caselint.schema.json');
writeFileSync(file, configSchemaText());
console.log(`wrote ${file}`);
writeFileSync(VALIDATORS_JS, validatorsSource());
writeFileSync(VALIDATORS_DTS, validatorsDeclarations());
console.log(`wrote ${VALIDATORS_JS} and its .d.ts (the config loader's precompiled validators)`);
writeFileSync(TRIGGERS_TS, triggersSource());
console.log(`wrote ${TRIGGERS_TS} (the claim data's trigger words)`);
const lexicon = lexiconSource();
writeFileSync(LEXICON_TS, lexicon);
console.log(`wrote ${LEXICON_TS} (word classes of tense, from en-lexicon)`);
// From the strings just written, not from the module this process loaded before.
writeFileSync(PRESENT_TABLE_TS, presentTableSource(lexiconStrings(lexicon)));
console.log(`wrote ${PRESENT_TABLE_TS} (the classifier's table of the present forms)`);
