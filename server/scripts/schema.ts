/**
 * Writes server/schema/caselint.schema.json from the rule registry and the profiles
 * (`npm run schema`). Run it after adding a rule, a rule option or a profile;
 * test/config/schema.test.ts fails while the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchemaText } from '../src/config/schema';

const file = join(__dirname, '..', 'schema', 'caselint.schema.json');
writeFileSync(file, configSchemaText());
console.log(`wrote ${file}`);
