import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  bibliographyRequests,
  check,
  computeLineStarts,
  decodeManuscript,
  fileFormatOf,
  formatForFile,
  loadBibliographies,
  MANUSCRIPT_EXTENSIONS,
  parseDocument,
  positionAt,
  RULE_IDS,
  type CaselintConfig,
  type DocumentModel,
  type Finding,
  type Fix,
  type LoadedBibliography,
  type OffsetEdit,
  type TextEncodingName,
} from '../../server/src/checker';

/**
 * Fixtures carry their expected findings inline (test/fixtures/README.md):
 *
 *   <!-- expect rule-id -->                         a finding of rule-id starts on this line
 *   <!-- expect rule-id:12 "fragment" -->           … at column 12, its message containing "fragment"
 *   <!-- expect rule-a, rule-b:3, rule-b 'frag' --> several findings on one line
 *   <!-- expect@1 front-matter -->                 … on line 1 (for a line that cannot hold a comment)
 *   % expect rule-id                                the same in LaTeX
 *   [expect rule-id]                                the same in plain text
 *   <!-- check rule-id, … --> / <!-- check all -->  further rules (or all) that must find nothing else
 *   <!-- config {"profile": "care"} -->             the config the fixture is checked with
 *   <!-- fix-may-resolve-others -->                 a fix may also resolve other findings of its rule
 *
 * Columns count from 1, in UTF-16 code units, as the CLI prints them. A sibling `name.fixed.md`
 * (same extension as the fixture) is the fixture's text with every fixable finding fixed.
 */
const ITEM = String.raw`[a-z0-9-]+(?::\d+)?(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?`;
const EXPECT_RE = new RegExp(String.raw`(?:<!--|%|\[)[ \t]*expect(?:@(\d+))?[ \t]+(${ITEM}(?:[ \t]*,[ \t]*${ITEM})*)[ \t]*(?:-->|\]|$)`, 'gm');
const ITEM_RE = /([a-z0-9-]+)(?::(\d+))?(?:\s+(?:"([^"\n]*)"|'([^'\n]*)'))?/g;
/** Anything that looks like an expectation, to fail on one that EXPECT_RE cannot read. */
const ANY_EXPECT_RE = /(?:<!--|%|\[)[ \t]*expect(?![a-z-])/g;
const CHECK_RE = /(?:<!--|%|\[)[ \t]*check[ \t]+(all|[a-z0-9-]+(?:[ \t]*,[ \t]*[a-z0-9-]+)*)[ \t]*(?:-->|\]|$)/gm;
const CONFIG_RE = /(?:<!--|%)\s*config\s+(\{.*\})\s*(?:-->)?/;
const RESOLVE_OTHERS_RE = /(?:<!--|%|\[)[ \t]*fix-may-resolve-others[ \t]*(?:-->|\]|$)/m;

export interface Expectation {
  /** 1-based line. */
  line: number;
  ruleId: string;
  /** 1-based column of the finding's start, if given. */
  column?: number;
  /** A fragment of the message, if given. */
  message?: string;
}

export interface Fixture {
  file: string;
  text: string;
  config: CaselintConfig;
  expectations: Expectation[];
  /** Rules named by `check` comments ('all' for every rule). */
  checked: string[] | 'all';
  /** A fix may also resolve other findings of its rule (one citation covering a paragraph). */
  fixMayResolveOthers: boolean;
  /** How the file's bytes were decoded (as the CLI decodes them: UTF-8, UTF-16 …, Windows-1252). */
  encoding: TextEncodingName;
}

export function readFixture(file: string): Fixture {
  const decoded = decodeManuscript(readFileSync(file));
  assert.equal(decoded.kind, 'text', `${file}: a fixture is text`);
  const { text, encoding } = decoded as Extract<typeof decoded, { kind: 'text' }>;
  const lineStarts = computeLineStarts(text);
  const lineOf = (offset: number) => positionAt(lineStarts, offset).line + 1;
  const configMatch = CONFIG_RE.exec(text);
  const config: CaselintConfig = configMatch ? JSON.parse(configMatch[1]) : {};
  const known = (id: string, offset: number) =>
    assert.ok(RULE_IDS.includes(id), `${file}:${lineOf(offset)}: unknown rule id "${id}" in a fixture comment`);

  const expectations: Expectation[] = [];
  const read = new Set<number>();
  for (const m of text.matchAll(EXPECT_RE)) {
    read.add(m.index);
    const line = m[1] ? Number(m[1]) : lineOf(m.index);
    for (const item of m[2].matchAll(ITEM_RE)) {
      known(item[1], m.index);
      const message = item[3] ?? item[4];
      expectations.push({ line, ruleId: item[1], ...(item[2] ? { column: Number(item[2]) } : {}), ...(message !== undefined ? { message } : {}) });
    }
  }
  for (const m of text.matchAll(ANY_EXPECT_RE)) {
    assert.ok(read.has(m.index), `${file}:${lineOf(m.index)}: cannot read this expectation (write rule-id[:column] ["message fragment"], comma-separated)`);
  }
  let checked: string[] | 'all' = [];
  for (const m of text.matchAll(CHECK_RE)) {
    if (m[1] === 'all') checked = 'all';
    else if (checked !== 'all') {
      for (const id of m[1].split(/\s*,\s*/)) {
        known(id, m.index);
        checked.push(id);
      }
    }
  }
  return { file, text, config, expectations, checked, fixMayResolveOthers: RESOLVE_OTHERS_RE.test(text), encoding };
}

/**
 * Plain text has no comments, so its fixture annotations ("[expect …]", "[check …]") are text to
 * the checker, and a bracketed field name to the placeholder rule: findings inside them are not
 * the fixture's.
 */
function annotationSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const re of [EXPECT_RE, CHECK_RE, new RegExp(RESOLVE_OTHERS_RE.source, 'gm')]) {
    for (const m of text.matchAll(re)) if (m[0].startsWith('[')) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** The bibliography files each fixture names, read and parsed by loadFixtureBibliographies. */
const bibliographies = new Map<string, LoadedBibliography[]>();

/**
 * Reads the bibliography files a fixture names (front matter, `\bibliography`, its config's
 * `bibliography`), relative to the fixture, as the CLI does; checkFixture and runFixture then
 * check the fixture with them. Parsing a `.bib` file is asynchronous: call this first (a
 * `before` hook). A file that is not there is "not found", as for the CLI.
 */
export async function loadFixtureBibliographies(file: string): Promise<LoadedBibliography[]> {
  const fx = readFixture(file);
  const requests = bibliographyRequests(parseDocument(fx.text, formatForFile(file)), fx.config);
  const loaded = await loadBibliographies(requests, (r) => {
    const path = join(dirname(file), r.name);
    return existsSync(path) ? { path: r.name, text: readFileSync(path, 'utf8') } : { path: r.name, error: 'not found' };
  });
  bibliographies.set(file, loaded);
  return loaded;
}

function run(fx: Fixture, text = fx.text): { findings: Finding[]; model: DocumentModel } {
  const bibs = bibliographies.get(fx.file);
  const result = check(text, {
    format: formatForFile(fx.file),
    config: fx.config,
    encoding: fx.encoding,
    ...(bibs ? { bibliographies: bibs } : {}),
    onRuleError: (id, e) => {
      throw new Error(`${fx.file}: rule ${id} failed: ${String(e)}`);
    },
  });
  const spans = annotationSpans(text);
  if (!spans.length) return result;
  return { ...result, findings: result.findings.filter((f) => !(f.ruleId === 'placeholder' && spans.some((a) => f.start >= a.start && f.start < a.end))) };
}

const render = (e: Expectation) => `${e.line}:${e.ruleId}${e.column !== undefined ? `:${e.column}` : ''}${e.message !== undefined ? ` "${e.message}"` : ''}`;

/**
 * Findings against expectations: each expectation takes one finding of its rule on its line (at
 * its column, with its fragment, when given). Returns both sides as comparable strings: a
 * matched finding is written as its expectation; a mismatched or extra one with its column and
 * message, so a failing deepEqual shows what was found.
 */
function compare(expectations: Expectation[], findings: Finding[], lineStarts: number[]): { expected: string[]; actual: string[] } {
  const found = findings.map((f) => {
    const p = positionAt(lineStarts, f.start);
    return { f, line: p.line + 1, column: p.character + 1, used: false };
  });
  const fits = (e: Expectation, a: (typeof found)[number], exact: boolean) =>
    !a.used && a.line === e.line && a.f.ruleId === e.ruleId &&
    (!exact || ((e.column === undefined || a.column === e.column) && (e.message === undefined || a.f.message.includes(e.message))));
  const actual: string[] = [];
  const unmatched: Expectation[] = [];
  // The most specific expectations choose first.
  const order = [...expectations].sort((a, b) => Number(b.column !== undefined) + Number(b.message !== undefined) - Number(a.column !== undefined) - Number(a.message !== undefined));
  for (const e of order) {
    const a = found.find((x) => fits(e, x, true));
    if (a) {
      a.used = true;
      actual.push(render(e));
    } else unmatched.push(e);
  }
  for (const e of unmatched) {
    const a = found.find((x) => fits(e, x, false));
    if (!a) continue;
    a.used = true;
    actual.push(render({ ...e, ...(e.column !== undefined ? { column: a.column } : {}), ...(e.message !== undefined ? { message: a.f.message } : {}) }));
  }
  for (const a of found) if (!a.used) actual.push(render({ line: a.line, ruleId: a.f.ruleId, column: a.column, message: a.f.message }));
  const key = (s: string) => s.replace(/^(\d+)/, (n) => n.padStart(6, '0'));
  const sort = (xs: string[]) => xs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { expected: sort(expectations.map(render)), actual: sort(actual) };
}

/** Applies offset edits (non-overlapping; insertions at one offset keep their order). */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
  for (let k = 1; k < sorted.length; k++) {
    assert.ok(sorted[k].e.start >= sorted[k - 1].e.end, `overlapping edits at ${sorted[k - 1].e.start}-${sorted[k - 1].e.end} and ${sorted[k].e.start}-${sorted[k].e.end}`);
  }
  let out = text;
  for (const { e } of sorted.reverse()) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/**
 * Where an offset of the text is after the edits, or undefined inside a replaced span. An
 * insertion at the offset itself moves a start (the text goes before the finding) but not an end.
 */
function mapOffset(p: number, edits: readonly OffsetEdit[], isStart: boolean): number | undefined {
  let delta = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    const shift = e.newText.length - (e.end - e.start);
    if (e.start === e.end ? p > e.start || (p === e.start && isStart) : p >= e.end) delta += shift;
    else if (p > e.start) return undefined;
  }
  return p + delta;
}

/** The spans of the edited text that hold each edit's new text. */
function insertedSpans(edits: readonly OffsetEdit[]): { start: number; end: number }[] {
  let delta = 0;
  return [...edits]
    .sort((a, b) => a.start - b.start)
    .map((e) => {
      const span = { start: e.start + delta, end: e.start + delta + e.newText.length };
      delta += e.newText.length - (e.end - e.start);
      return span;
    });
}

const describeFinding = (f: Finding, lineStarts: number[]) => {
  const a = positionAt(lineStarts, f.start);
  const b = positionAt(lineStarts, f.end);
  return `${a.line + 1}:${a.character + 1}-${b.line + 1}:${b.character + 1} ${f.ruleId} ${f.severity} ${f.message}`;
};

export interface CheckFixtureOptions {
  /** Rules whose findings must match the expectations exactly (besides those the fixture names). */
  rules?: readonly string[];
}

export interface CheckedFixture {
  fixture: Fixture;
  findings: Finding[];
  model: DocumentModel;
}

/**
 * Checks a fixture: its findings of the named rules (options.rules, those its expectations and
 * `check` comments name) are exactly its expectations; every fix of those findings, applied on
 * its own, removes its finding and changes no other finding of those rules; and `name.fixed.ext`,
 * if present, is the text with the first fix of each of those findings applied.
 */
export function checkFixture(file: string, options: CheckFixtureOptions = {}): CheckedFixture {
  const fx = readFixture(file);
  const named = new Set(fx.checked === 'all' ? RULE_IDS : [...(options.rules ?? []), ...fx.checked, ...fx.expectations.map((e) => e.ruleId)]);
  const { findings, model } = run(fx);
  const ours = findings.filter((f) => named.has(f.ruleId));
  const { expected, actual } = compare(fx.expectations, ours, model.lineStarts);
  assert.deepEqual(actual, expected, `${basename(file)}: findings of ${[...named].join(', ')} (line:rule[:column] ["message"])`);

  for (const f of ours) {
    for (const fix of f.fixes ?? []) checkFix(fx, ours, named, f, fix, model.lineStarts);
  }

  const fixedFile = file.replace(/(\.[^.]+)$/, '.fixed$1');
  if (existsSync(fixedFile)) {
    const firstFixes = ours.flatMap((f) => f.fixes?.[0]?.edits ?? []);
    assert.ok(firstFixes.length > 0, `${basename(fixedFile)}: the fixture has no fixable finding of ${[...named].join(', ')}`);
    assert.equal(applyEdits(fx.text, firstFixes), readFileSync(fixedFile, 'utf8'), `${basename(fixedFile)}: the fixture with its fixes applied`);
  }
  return { fixture: fx, findings, model };
}

function checkFix(fx: Fixture, before: Finding[], named: Set<string>, target: Finding, fix: Fix, lineStarts: number[]): void {
  const where = `${basename(fx.file)}:${positionAt(lineStarts, target.start).line + 1}: fix "${fix.title}" of ${target.ruleId}`;
  const text = applyEdits(fx.text, fix.edits);
  assert.notEqual(text, fx.text, `${where} changes nothing`);
  const after = run(fx, text);
  const afterStarts = after.model.lineStarts;
  const what = (f: Finding) => `${f.ruleId} ${f.severity} ${f.message}`;
  const at = (f: Finding, starts: number[]) => describeFinding(f, starts).replace(/ .*$/, '');
  // Where the other findings should be once the fix is applied.
  const expected = before
    .filter((f) => f !== target)
    .map((f) => {
      const start = mapOffset(f.start, fix.edits, true);
      const end = mapOffset(f.end, fix.edits, false);
      return { f, what: what(f), at: start === undefined || end === undefined ? undefined : at({ ...f, start, end }, afterStarts), used: false };
    });
  // A fix may leave a placeholder for the writer to fill in (a citation key, a section's text):
  // the placeholder rule's findings inside the text it inserted are expected.
  const inserted = insertedSpans(fix.edits);
  const actual = after.findings
    .filter((f) => named.has(f.ruleId) && !(f.ruleId === 'placeholder' && inserted.some((s) => f.start >= s.start && f.end <= s.end)))
    .map((f) => ({ f, what: what(f), at: at(f, afterStarts), used: false }));
  // Each other finding is still there, where it was (or moved: a missing section is reported at
  // the title or first heading, which a fix may insert).
  for (const samePlace of [true, false]) {
    for (const a of actual) {
      const e = expected.find((x) => !x.used && x.what === a.what && (!samePlace || x.at === a.at));
      if (a.used || !e) continue;
      a.used = e.used = true;
    }
  }
  const appeared = actual.filter((a) => !a.used).map((a) => `${a.at} ${a.what}`);
  const gone = expected
    .filter((e) => !e.used && !(fx.fixMayResolveOthers && e.f.ruleId === target.ruleId))
    .map((e) => `${e.at ?? `(${at(e.f, lineStarts)} before the fix, inside its edit)`} ${e.what}`);
  assert.deepEqual({ appeared, gone }, { appeared: [], gone: [] }, `${where}: once applied, its finding is gone and no other finding appears or goes`);
}

/** Every manuscript file (by extension) under the given folders, recursively: fixtures, examples. */
export function manuscriptFilesUnder(...dirs: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (MANUSCRIPT_EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x.toLowerCase()))) files.push(join(dir, e.name));
    }
  };
  for (const d of dirs) walk(d);
  return files;
}

/** Fixture files of a folder (not the `.fixed` expected texts). */
export function fixtureFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => fileFormatOf(f) !== undefined && !/\.fixed\.[^.]+$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export interface FixtureResult {
  expected: string[];
  actual: string[];
  findings: Finding[];
}

/**
 * The fixture's expected and actual findings as `line:rule-id` (all rules, or those given), for
 * tests that compare them with another product's output (the CLI, the server). Rule fixtures go
 * through checkFixture, which also checks columns, messages and fixes.
 */
export function runFixture(path: string, rules?: string[]): FixtureResult {
  const fx = readFixture(path);
  const { findings, model } = run(fx);
  const expected = fx.expectations.filter((e) => !rules || rules.includes(e.ruleId)).map((e) => `${e.line}:${e.ruleId}`);
  const actual = findings
    .filter((f) => !rules || rules.includes(f.ruleId))
    .map((f) => `${positionAt(model.lineStarts, f.start).line + 1}:${f.ruleId}`);
  return { expected: expected.sort(), actual: actual.sort(), findings };
}
