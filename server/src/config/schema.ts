import { COUNT_IDS, IDENTIFIER_KINDS, PROFILES, RULES, SEVERITY_SETTINGS, type CountId, type Rule } from '../checker';

const LIMIT_DESCRIPTIONS: Record<CountId, string> = {
  abstractWords: 'Words in the abstract.',
  mainTextWords: 'Words in the main text (abstract, references, tables, captions, front matter and declarations excluded).',
  references: 'Entries in the reference list (or bibliography entries cited).',
  figures: 'Figures.',
  tables: 'Tables.',
  keywords: 'Keywords.',
};

/**
 * The JSON schema of `.caselint.json` / `.jsonc` / `.yaml`, made from the rule registry and the
 * profiles. `npm run schema` writes it to `server/schema/caselint.schema.json` (contributed to
 * VS Code for completion and validation); test/config/schema.test.ts fails when that file is
 * stale.
 */
export type JsonSchema = Record<string, unknown>;

export interface ConfigSchemaOptions {
  /**
   * One property under `rules` per rule, with the rule's description, default severity and
   * options schema (default true). Without them, `rules` accepts any known id with a severity or
   * `[severity, {…}]`: the config loader validates that shape, then each rule's options with
   * the rule's own schema, for messages that name the option.
   */
  perRule?: boolean;
}

/** What a rule accepts after its severity: its own options schema, or none. */
function optionsSchemaOf(rule: Rule): JsonSchema {
  return rule.optionsSchema ?? { type: 'object', additionalProperties: false, description: 'This rule takes no options.' };
}

function ruleProperty(rule: Rule): JsonSchema {
  return {
    description: rule.description,
    default: rule.defaultSeverity,
    oneOf: [
      { $ref: '#/definitions/severity' },
      { type: 'array', items: [{ $ref: '#/definitions/severity' }, optionsSchemaOf(rule)], minItems: 1, maxItems: 2 },
    ],
  };
}

/** The item ids of every profile (a config's `headings` may name any: the profile can be chosen elsewhere). */
export function profileItemIds(): string[] {
  return [...new Set(Object.values(PROFILES).flatMap((p) => p.items.map((i) => i.id)))].sort();
}

export function configSchema(options: ConfigSchemaOptions = {}): JsonSchema {
  const perRule = options.perRule ?? true;
  const stringList = { type: 'array', items: { type: 'string', minLength: 1 } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://caselint.dev/schema/caselint.schema.json',
    title: 'caselint configuration',
    description: 'Configuration of caselint, the case report checker (.caselint.json, .caselint.jsonc or .caselint.yaml).',
    type: 'object',
    additionalProperties: false,
    definitions: {
      severity: { type: 'string', enum: [...SEVERITY_SETTINGS] },
      ruleSetting: {
        oneOf: [
          { $ref: '#/definitions/severity' },
          { type: 'array', items: [{ $ref: '#/definitions/severity' }, { type: 'object' }], minItems: 1, maxItems: 2 },
        ],
      },
      ruleId: { type: 'string', description: 'A caselint rule id (see docs/rules/).', enum: RULES.map((r) => r.id) },
      limit: {
        oneOf: [
          { type: 'integer', minimum: 0 },
          { type: 'null' },
          {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: { min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 0 } },
          },
        ],
      },
      profileItemId: { type: 'string', description: 'A profile item id (see docs/profiles.md).', enum: profileItemIds() },
    },
    properties: {
      $schema: { type: 'string' },
      profile: {
        description: 'Which sections are required: default, care, or a journal profile.',
        type: 'string',
        enum: Object.keys(PROFILES),
      },
      rules: {
        description: 'Rule severities ("off", "info", "warning", "error") or [severity, options].',
        type: 'object',
        propertyNames: { $ref: '#/definitions/ruleId' },
        ...(perRule ? { properties: Object.fromEntries(RULES.map((r) => [r.id, ruleProperty(r)])) } : {}),
        additionalProperties: { $ref: '#/definitions/ruleSetting' },
      },
      citationScope: {
        description: 'What a citation covers: its own sentence (default) or its whole paragraph.',
        type: 'string',
        enum: ['sentence', 'paragraph'],
      },
      citationOrder: {
        description: 'Numbered references: cited in order of first mention ("first-mention", Vancouver and ICMJE; default) or in any order ("none").',
        type: 'string',
        enum: ['first-mention', 'none'],
      },
      bibliography: {
        description: 'Bibliography files (BibTeX .bib, CSL JSON .json, CSL YAML .yaml) for manuscripts that name none in their front matter or \\bibliography, relative to this config file.',
        oneOf: [{ type: 'string', minLength: 1 }, stringList],
      },
      headings: {
        description: 'Extra accepted headings by profile item id, e.g. {"case": ["Patient story"]}.',
        type: 'object',
        propertyNames: { $ref: '#/definitions/profileItemId' },
        additionalProperties: stringList,
      },
      requiredSections: {
        description: 'Further required sections.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'headings'],
          properties: {
            id: { type: 'string', minLength: 1 },
            label: { type: 'string' },
            headings: { ...stringList, minItems: 1 },
          },
        },
      },
      claims: {
        description: 'Where uncited claims are looked for.',
        type: 'object',
        additionalProperties: false,
        properties: {
          checkAbstract: { type: 'boolean', description: 'Check the abstract too (default false: journals forbid citations there).' },
          checkPatientPerspective: { type: 'boolean', description: 'Check the patient-perspective section too (default false).' },
        },
      },
      identifiers: {
        description: 'What the patient-identifier rule leaves alone (see docs/rules/patient-identifier.md).',
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            description: 'Kinds of identifier not to report, e.g. ["institution"] for a journal that prints the institution.',
            type: 'array',
            items: { type: 'string', enum: [...IDENTIFIER_KINDS] },
            uniqueItems: true,
          },
          allowNames: {
            description: 'Names, places or numbers that may stay (matched case-insensitively), e.g. the hospital a journal asks you to name.',
            ...stringList,
          },
        },
      },
      limits: {
        description: 'Word and count limits, overriding the profile\'s (see docs/rules/length-limit.md): a number is a maximum, {"min", "max"} a range, null no limit.',
        type: 'object',
        additionalProperties: false,
        properties: {
          ...Object.fromEntries(COUNT_IDS.map((id) => [id, { description: LIMIT_DESCRIPTIONS[id], allOf: [{ $ref: '#/definitions/limit' }] }])),
          titleCaseReport: {
            description: 'The words "case report" in the title: "require" (CARE), "avoid" (BMJ Case Reports) or "any".',
            type: 'string',
            enum: ['require', 'avoid', 'any'],
          },
        },
      },
      files: { description: 'Globs of the manuscripts to check (relative to this file).', type: 'array', items: { type: 'string' } },
      ignore: { description: 'Globs of files to leave alone (relative to this file).', type: 'array', items: { type: 'string' } },
    },
  };
}

/** The text of server/schema/caselint.schema.json. */
export function configSchemaText(): string {
  return `${JSON.stringify(configSchema(), null, 2)}\n`;
}
