/**
 * Writes server/schema/caselint.schema.json from the rule registry and the profiles
 * (`npm run schema`), and the config loader's precompiled validators (scripts/validators.ts). Run it after adding a rule, a rule option or a profile;
 * test/config/schema.test.ts fails while the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchemaText } from '../src/config/schema';
import { validatorsDeclarations, validatorsSource, VALIDATORS_DTS, VALIDATORS_JS } from './validators';

const file = join(__dirname, '..', 'schema', 'caselint.schema.json');
writeFileSync(file, configSchemaText());
console.log(`wrote ${file}`);
writeFileSync(VALIDATORS_JS, validatorsSource());
writeFileSync(VALIDATORS_DTS, validatorsDeclarations());
console.log(`wrote ${VALIDATORS_JS} and its .d.ts (the config loader's precompiled validators)`);
