/** Regressions for config-file bugs found in product QA. */
import { strict as assert } from 'node:assert';
import { ConfigError, parseConfigText } from '../../server/src/config/discover';

function message(text: string, file: string): string {
  try {
    parseConfigText(text, file);
  } catch (e) {
    assert.ok(e instanceof ConfigError);
    return e.message;
  }
  return '(no error)';
}

describe('config QA regressions', () => {
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
