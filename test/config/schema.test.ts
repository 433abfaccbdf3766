import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { RULES } from '../../server/src/checker';
import { parseConfigText } from '../../server/src/config/discover';
import { configSchema, configSchemaText } from '../../server/src/config/schema';
import { validatorsDeclarations, validatorsSource, VALIDATORS_DTS, VALIDATORS_JS } from '../../server/scripts/validators';

const FILE = join(__dirname, '..', '..', 'server', 'schema', 'caselint.schema.json');

describe('config schema (generated from the rule registry)', () => {
  const schema = configSchema() as { properties: { rules: { properties: Record<string, Record<string, unknown>> } } };

  it('the committed server/schema/caselint.schema.json is up to date', () => {
    assert.ok(readFileSync(FILE, 'utf8') === configSchemaText(), 'server/schema/caselint.schema.json is stale: run `npm run schema` and commit the result');
  });

  it('the committed precompiled validators (server/src/config/validators.generated.js, .d.ts) are up to date', () => {
    assert.ok(readFileSync(VALIDATORS_JS, 'utf8') === validatorsSource(), 'server/src/config/validators.generated.js is stale: run `npm run schema` and commit the result');
    assert.ok(readFileSync(VALIDATORS_DTS, 'utf8') === validatorsDeclarations(), 'server/src/config/validators.generated.d.ts is stale: run `npm run schema` and commit the result');
  });

  it('has one entry per rule under "rules", with its description, default severity and options', () => {
    const props = schema.properties.rules.properties;
    assert.deepEqual(Object.keys(props), RULES.map((r) => r.id));
    for (const rule of RULES) {
      const p = props[rule.id];
      assert.equal(p.description, rule.description, rule.id);
      assert.equal(p.default, rule.defaultSeverity, rule.id);
      const [, array] = p.oneOf as [unknown, { items: [unknown, Record<string, unknown>] }];
      if (rule.optionsSchema) assert.deepEqual(array.items[1], rule.optionsSchema, rule.id);
      else assert.equal(array.items[1].additionalProperties, false, `${rule.id} takes no options`);
    }
  });

  it('every rule option has a description (editors show it while completing)', () => {
    for (const rule of RULES) {
      for (const [name, option] of Object.entries((rule.optionsSchema?.properties ?? {}) as Record<string, { description?: string }>)) {
        assert.ok(option.description, `${rule.id} option ${name} has a description`);
      }
    }
  });

  it('the config loader checks the same schema, without the per-rule entries (it checks rule options itself)', () => {
    const loose = JSON.parse(configSchemaText());
    delete loose.properties.rules.properties;
    assert.deepEqual(configSchema({ perRule: false }), loose);
  });

  describe('the file and the config loader accept the same configs', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(configSchema());
    const loads = (text: string) => {
      try {
        parseConfigText(text, '/x/.caselint.json');
        return true;
      } catch {
        return false;
      }
    };
    const configs = [
      '{}',
      '{"profile": "care", "citationScope": "paragraph", "claims": {"checkAbstract": true}}',
      '{"rules": {"placeholder": "off", "exam-grade": ["error"], "empty-section": ["info", {}]}}',
      '{"rules": {"unsupported-claim": ["warning", {"citationScope": "paragraph", "checkAbstract": true}]}}',
      '{"rules": {"placeholder": ["warning", {"markers": ["@@@"], "ignore": ["TBD"]}]}}',
      '{"rules": {"unsupported-claim": ["warning", {"bogus": 1}]}}',
      '{"rules": {"unsupported-claim": ["warning", {"citationScope": "page"}]}}',
      '{"rules": {"placeholder": ["warning", {"markers": "TODO"}]}}',
      '{"rules": {"placeholder": ["warning", {"markers": [""]}]}}',
      '{"rules": {"exam-grade": ["warning", {"strict": true}]}}',
      '{"rules": {"exam-grade": ["warning", 5]}}',
      '{"rules": {"exam-grade": ["loud"]}}',
      '{"rules": {"exam-grade": []}}',
      '{"rules": {"exam-grade": ["warning", {}, 1]}}',
      '{"rules": {"no-such-rule": "off"}}',
      '{"rules": {"empty-section": "loud"}}',
      '{"profile": "nope"}',
      '{"rulez": {}}',
      '{"requiredSections": [{"id": "x", "headings": []}]}',
    ];
    for (const text of configs) {
      it(text, () => assert.equal(loads(text), validate(JSON.parse(text)), JSON.stringify(validate.errors)));
    }
  });
});
