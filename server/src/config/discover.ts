import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, parse as parsePath, resolve } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parse as parseYaml } from 'yaml';
import { decodeManuscript, getProfile, getRule, PROFILES, RULE_IDS, type CaselintConfig } from '../checker';
import { profileItemIds } from './schema';
import * as validators from './validators.generated';

/**
 * Config discovery, shared by the language server and the CLI: the nearest
 * `.caselint.json`, `.caselint.jsonc` or `.caselint.yaml` (`.yml`) from a file's folder
 * upward, stopping at the workspace root (or the file system root).
 */
export const CONFIG_FILE_NAMES = ['.caselint.json', '.caselint.jsonc', '.caselint.yaml', '.caselint.yml'] as const;

/** A config file that cannot be used; the message names the file and the problem in one line. */
export class ConfigError extends Error {
  constructor(readonly file: string, readonly problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  config: CaselintConfig;
  /** The file it came from, if any. */
  file?: string;
}

/**
 * Two steps: the file's shape against the schema (the one `npm run schema` writes, without the
 * per-rule entries), then each rule's options against that rule's own `optionsSchema`, so a
 * message names the rule and the option (inside the schema's oneOf, ajv would only say
 * "must be string"). Both are ajv validators compiled by `npm run schema`
 * (validators.generated.js, ajv standalone code): nothing is compiled at start.
 */
const validate: ValidateFunction = validators.config;

export function findConfigFile(startDir: string, stopDir?: string): string | undefined {
  let dir = resolve(startDir);
  const stop = stopDir ? resolve(stopDir) : undefined;
  const root = parsePath(dir).root;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    if (dir === stop || dir === root) return undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'the top level';
  if (e.keyword === 'additionalProperties') return `unknown key "${(e.params as { additionalProperty: string }).additionalProperty}" in ${where}`;
  if (e.keyword === 'enum') return `${where} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  if (e.keyword === 'propertyNames' && where === 'headings') {
    return `headings has an unknown profile item id "${(e.params as { propertyName: string }).propertyName}" (known: ${profileItemIds().join(', ')})`;
  }
  if (e.keyword === 'propertyNames') return `${where} has an unknown rule id "${(e.params as { propertyName: string }).propertyName}" (known: ${RULE_IDS.join(', ')})`;
  return `${where} ${e.message ?? 'is invalid'}`;
}

/** jsonc-parser's error codes in words. */
const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the end',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unclosed comment',
  UnexpectedEndOfString: 'unclosed string',
  UnexpectedEndOfNumber: 'unfinished number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

/** Parses and validates a config text. Throws ConfigError. */
export function parseConfigText(text: string, file: string): CaselintConfig {
  let data: unknown;
  // Editors on Windows save UTF-8 with a byte-order mark: it is not part of the JSON or YAML.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (/\.ya?ml$/i.test(file)) {
    try {
      // logLevel 'error': errors throw, warnings are not printed on stderr (process.emitWarning).
      data = parseYaml(text, { logLevel: 'error' }) ?? {};
    } catch (e) {
      const first = (e instanceof Error ? e.message : String(e)).split('\n')[0].replace(/:\s*$/, '');
      throw new ConfigError(file, `not valid YAML: ${first}`);
    }
  } else if (!text.trim()) {
    // An empty file is an empty config, as an empty YAML file is.
    data = {};
  } else {
    const errors: ParseError[] = [];
    data = parseJsonc(text, errors, { allowTrailingComma: true });
    if (errors.length) {
      const first = errors[0];
      const before = text.slice(0, first.offset).split('\n');
      const where = `line ${before.length}, column ${before[before.length - 1].length + 1}`;
      throw new ConfigError(file, `not valid JSON: ${JSON_ERRORS[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error)} at ${where}`);
    }
    if (data === undefined) data = {};
  }
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    // Prefer the most specific message (unknown rule id over the generic oneOf failure).
    const best = errors.find((e) => e.keyword === 'propertyNames') ?? errors.find((e) => e.keyword !== 'oneOf' && e.keyword !== 'if') ?? errors[0];
    throw new ConfigError(file, best ? describe(best) : 'invalid configuration');
  }
  const config = data as CaselintConfig;
  if (config.profile !== undefined && !getProfile(config.profile)) {
    throw new ConfigError(file, `unknown profile "${config.profile}" (known: ${Object.keys(PROFILES).join(', ')})`);
  }
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const problem = Array.isArray(setting) && setting[1] !== undefined ? ruleOptionsProblem(id, setting[1]) : undefined;
    if (problem) throw new ConfigError(file, problem);
  }
  return config;
}

/** A rule's precompiled options validator (server/scripts/validators.ts names them). */
function optionsValidator(id: string): ValidateFunction | undefined {
  return (validators as unknown as Record<string, ValidateFunction | undefined>)[`rule_${id.replace(/[^A-Za-z0-9]/g, '_')}`];
}

/** What is wrong with a rule's options (from the rule's own optionsSchema), or undefined. */
function ruleOptionsProblem(id: string, options: Record<string, unknown>): string | undefined {
  const rule = getRule(id);
  if (!rule) return undefined; // unknown ids are reported by the schema
  if (!rule.optionsSchema) {
    return Object.keys(options).length ? `rules.${id} takes no options (found ${Object.keys(options).map((k) => `"${k}"`).join(', ')})` : undefined;
  }
  const check = optionsValidator(id);
  if (!check) throw new Error(`no precompiled options validator for rule ${id}: run \`npm run schema\``);
  if (check(options)) return undefined;
  const e = check.errors?.[0];
  if (!e) return `rules.${id} has invalid options`;
  const known = Object.keys((rule.optionsSchema.properties as Record<string, unknown>) ?? {});
  if (e.keyword === 'additionalProperties') {
    return `rules.${id} has an unknown option "${(e.params as { additionalProperty: string }).additionalProperty}" (options: ${known.join(', ')})`;
  }
  const where = e.instancePath ? `option ${e.instancePath.slice(1).replace(/\//g, '.')}` : 'options';
  return `rules.${id} ${where} ${e.message ?? 'is invalid'}`;
}

export function loadConfigFile(file: string): CaselintConfig {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new ConfigError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  // Decoded as manuscripts are (a config saved as UTF-16 by Notepad, or as Windows-1252).
  const decoded = decodeManuscript(bytes);
  if (decoded.kind === 'binary') throw new ConfigError(file, `is a binary file (${decoded.why}), not a config`);
  return parseConfigText(decoded.text, file);
}

/** The config that applies to a manuscript: the nearest config file up to `root`. Throws ConfigError. */
export function discoverConfig(filePath: string, root?: string): LoadedConfig {
  const file = findConfigFile(dirname(resolve(filePath)), root);
  if (!file) return { config: {} };
  return { config: loadConfigFile(file), file };
}
