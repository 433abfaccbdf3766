import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check, formatForFile, positionAt, type CaselintConfig, type Finding } from '../../server/src/checker';

/**
 * Fixtures carry their expected findings inline, as markdownlint's do: a comment
 * `<!-- expect rule-id[, rule-id] -->` (or `% expect rule-id` in LaTeX, `[expect rule-id]` in
 * plain text) on the line where each finding starts. A fixture may set its config in a first-line
 * comment `<!-- config {"profile": "care"} -->`.
 */
const EXPECT_RE = /(?:<!--|%|\[)\s*expect\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(?:-->|\]|$)/gm;
const CONFIG_RE = /(?:<!--|%)\s*config\s+(\{.*\})\s*(?:-->)?/;

export interface FixtureResult {
  expected: string[];
  actual: string[];
  findings: Finding[];
}

export function runFixture(path: string, rules?: string[]): FixtureResult {
  const text = readFileSync(path, 'utf8');
  const configMatch = CONFIG_RE.exec(text);
  const config: CaselintConfig = configMatch ? JSON.parse(configMatch[1]) : {};
  const { findings, model } = check(text, { format: formatForFile(path), config, onRuleError: (id, e) => { throw new Error(`rule ${id} failed: ${String(e)}`); } });
  const expected: string[] = [];
  let m: RegExpExecArray | null;
  EXPECT_RE.lastIndex = 0;
  while ((m = EXPECT_RE.exec(text))) {
    const line = positionAt(model.lineStarts, m.index).line + 1;
    for (const id of m[1].split(/\s*,\s*/)) if (!rules || rules.includes(id)) expected.push(`${line}:${id}`);
  }
  const actual = findings
    .filter((f) => !rules || rules.includes(f.ruleId))
    .map((f) => `${positionAt(model.lineStarts, f.start).line + 1}:${f.ruleId}`);
  return { expected: expected.sort(), actual: actual.sort(), findings };
}

export function fixtureFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(md|qmd|rmd|tex|txt)$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}
