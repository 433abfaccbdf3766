import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROFILES, RULE_IDS } from '../../server/src/checker';
import { ConfigError, discoverConfig, parseConfigText } from '../../server/src/config/discover';
import schema from '../../server/schema/caselint.schema.json';

describe('config discovery', () => {
  it('finds the nearest config file upward and stops at the root', () => {
    const root = mkdtempSync(join(tmpdir(), 'caselint-'));
    mkdirSync(join(root, 'paper', 'draft'), { recursive: true });
    writeFileSync(join(root, '.caselint.yaml'), 'profile: care\n');
    writeFileSync(join(root, 'paper', '.caselint.jsonc'), '{\n  // comment\n  "rules": {"empty-section": "off"},\n}\n');
    const found = discoverConfig(join(root, 'paper', 'draft', 'case.md'), root);
    assert.equal(found.file, join(root, 'paper', '.caselint.jsonc'));
    assert.deepEqual(found.config, { rules: { 'empty-section': 'off' } });
    assert.equal(discoverConfig(join(root, 'case.md'), root).config.profile, 'care');
    assert.deepEqual(discoverConfig(join(root, 'paper', 'x.md'), join(root, 'paper', 'draft')).file, join(root, 'paper', '.caselint.jsonc'));
  });
  const bad: [string, string, RegExp][] = [
    ['.caselint.json', '{"rules": {', /not valid JSON/],
    ['.caselint.json', '{"rulez": {}}', /unknown key "rulez"/],
    ['.caselint.json', '{"rules": {"no-such-rule": "off"}}', /unknown rule id "no-such-rule"/],
    ['.caselint.json', '{"rules": {"empty-section": "loud"}}', /rules/],
    ['.caselint.json', '{"profile": "nope"}', /profile/],
    ['.caselint.json', '{"headings": {"cas": ["Patient story"]}}', /headings has an unknown profile item id "cas" \(known: abstract, .*case, /],
    ['.caselint.yaml', 'headings: {Discussion: [Comment]}', /headings has an unknown profile item id "Discussion"/],
    ['.caselint.yaml', 'profile: [unclosed', /not valid YAML/],
  ];
  for (const [file, text, re] of bad) {
    it(`rejects ${text} with one clear line naming the file`, () => {
      assert.throws(
        () => parseConfigText(text, `/x/${file}`),
        (e: unknown) => e instanceof ConfigError && e.message.startsWith(`/x/${file}: `) && re.test(e.message) && !e.message.includes('\n'),
      );
    });
  }
  it('the shipped schema lists exactly the registered rules and profiles', () => {
    assert.deepEqual([...schema.definitions.ruleId.enum].sort(), [...RULE_IDS].sort());
    assert.deepEqual([...schema.properties.profile.enum].sort(), Object.keys(PROFILES).sort());
  });
  it('accepts extra headings for an item of any profile', () => {
    assert.doesNotThrow(() => parseConfigText('{"headings": {"case": ["Patient story"], "patient-perspective": ["In her words"]}}', '/x/.caselint.json'));
  });
});

describe('config: rule options', () => {
  const ok = (text: string) => parseConfigText(text, '/x/.caselint.json');
  it('accepts the options a rule declares', () => {
    assert.doesNotThrow(() => ok('{"rules": {"unsupported-claim": ["warning", {"citationScope": "paragraph", "checkAbstract": true}]}}'));
    assert.doesNotThrow(() => ok('{"rules": {"placeholder": ["warning", {"markers": ["@@@"], "ignore": ["TBD"]}], "exam-grade": ["error"]}}'));
  });
  const bad: [string, RegExp][] = [
    ['{"rules": {"unsupported-claim": ["warning", {"bogus": 1}]}}', /rules\.unsupported-claim has an unknown option "bogus" \(options: citationScope, checkAbstract, checkPatientPerspective\)/],
    ['{"rules": {"unsupported-claim": ["warning", {"citationScope": "page"}]}}', /rules\.unsupported-claim option citationScope must be equal to one of the allowed values/],
    ['{"rules": {"placeholder": ["warning", {"markers": "TODO"}]}}', /rules\.placeholder option markers must be array/],
    ['{"rules": {"exam-grade": ["warning", {"strict": true}]}}', /rules\.exam-grade takes no options \(found "strict"\)/],
  ];
  for (const [text, re] of bad) {
    it(`rejects ${text}`, () => {
      assert.throws(() => ok(text), (e: unknown) => e instanceof ConfigError && re.test(e.message) && !e.message.includes('\n'));
    });
  }
});

function message(text: string, file: string): string {
  try {
    parseConfigText(text, file);
  } catch (e) {
    assert.ok(e instanceof ConfigError);
    return e.message;
  }
  return '(no error)';
}

describe('config text: encodings, empty files and syntax errors', () => {
  it('a UTF-8 byte-order mark (Windows editors) is not a syntax error', () => {
    assert.deepEqual(parseConfigText('\uFEFF{"profile": "care"}', '/x/.caselint.json'), { profile: 'care' });
    assert.deepEqual(parseConfigText('\uFEFF// c\n{"profile": "care",}', '/x/.caselint.jsonc'), { profile: 'care' });
    assert.deepEqual(parseConfigText('\uFEFFprofile: care\n', '/x/.caselint.yaml'), { profile: 'care' });
  });

  it('an empty JSON file is an empty config, as an empty YAML file is', () => {
    assert.deepEqual(parseConfigText('', '/x/.caselint.json'), {});
    assert.deepEqual(parseConfigText('  \n', '/x/.caselint.jsonc'), {});
    assert.deepEqual(parseConfigText('', '/x/.caselint.yaml'), {});
  });

  it('JSON syntax errors are said in words, with line and column', () => {
    assert.equal(message('{ "profile": "care", \n', '/x/.caselint.json'), '/x/.caselint.json: not valid JSON: expected a property name in double quotes at line 2, column 1');
    assert.equal(message('{\n  "profile" "care"\n}', '/x/.caselint.json'), '/x/.caselint.json: not valid JSON: expected ":" at line 2, column 13');
    assert.doesNotMatch(message('{ profile: care }', '/x/.caselint.json'), /InvalidSymbol|PropertyNameExpected|ValueExpected/);
  });

  it('a YAML error is one line without a dangling colon', () => {
    const m = message('profile: care\nrules:\n  placeholder: [error\n', '/x/.caselint.yaml');
    assert.match(m, /^\/x\/\.caselint\.yaml: not valid YAML: .*line \d+, column \d+$/);
  });
});
