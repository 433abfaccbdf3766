import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, formatForFile, mergeConfigs, type Finding } from '../../server/src/checker';
import { findIdentifiers, IDENTIFIER_KINDS, STRUCTURED_KINDS } from '../../server/src/checker/analysis/identifiers';
import { parseConfigText, ConfigError } from '../../server/src/config/discover';

const DIR = join(__dirname, '../fixtures/patient-identifier');
const kinds = (text: string) => findIdentifiers(text).map((m) => `${m.kind}:${m.text}`);
const ids = (findings: Finding[]) => findings.filter((f) => f.ruleId === 'patient-identifier');

/** Applies the first fix of every finding, last first (they never overlap). */
function applyFirstFixes(text: string, findings: Finding[]): string {
  const edits = findings.flatMap((f) => f.fixes?.[0]?.edits ?? []).sort((a, b) => b.start - a.start);
  let out = text;
  let limit = Infinity;
  for (const e of edits) {
    if (e.end > limit) continue;
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

describe('rule patient-identifier', () => {
  // The fixtures in test/fixtures/patient-identifier/ run in test/checker/rule-fixtures.test.ts.

  describe('quick fixes, applied and checked again', () => {
    for (const name of ['structured.md', 'names.md', 'latex.tex', 'quarto.qmd']) {
      it(name, () => {
        const file = join(DIR, name);
        const text = readFileSync(file, 'utf8');
        const format = formatForFile(file);
        const before = ids(check(text, { format }).findings);
        const fixed = applyFirstFixes(text, before);
        const after = check(fixed, { format }).findings;
        const fixable = new Set(['date', 'age', 'person']);
        // What had a fix is gone; what had none is still reported.
        assert.deepEqual(
          ids(after).map((f) => f.data?.kind).filter((k) => fixable.has(k as string)),
          [],
          ids(after).map((f) => f.message).join('\n'),
        );
        assert.equal(ids(after).length, before.filter((f) => !f.fixes?.length).length);
        // The [date] and [name] placeholders are reported by the placeholder rule (which does not read
        // the front matter's title).
        const body = fixed.replace(/^---\n[\s\S]*?\n---\n/, '');
        const placeholders = after.filter((f) => f.ruleId === 'placeholder' && /\[(?:date|name)\]/.test(f.message)).length;
        assert.equal(placeholders, (body.match(/\[(?:date|name)\]/g) ?? []).length);
      });
    }
  });

  it('finds every structured kind in its common formats', () => {
    assert.deepEqual(kinds('Seen on 2 June 2021, June 2nd, 06/02/2021, 2021-06-02 and 2.6.2021.'), [
      'date:2 June 2021', 'date:June 2nd', 'date:06/02/2021', 'date:2021-06-02', 'date:2.6.2021',
    ]);
    assert.deepEqual(kinds('A 91-year-old, aged 95, 102 years old.'), ['age:91-year-old', 'age:aged 95', 'age:102 years old']);
    assert.deepEqual(kinds('MRN 7734120, unit number 55-0192, patient no. K339201, device serial SN-8841-X.'), [
      'record-number:MRN 7734120', 'record-number:unit number 55-0192', 'record-number:patient no. K339201', 'serial-number:device serial SN-8841-X',
    ]);
    assert.deepEqual(kinds('Tel. 0161 496 0000, +1 617 555 0199, a@b.org, https://clinic.example.net/x, 10.2.33.4.'), [
      'phone:Tel. 0161 496 0000', 'phone:+1 617 555 0199', 'email:a@b.org', 'url:https://clinic.example.net/x', 'ip-address:10.2.33.4',
    ]);
    assert.deepEqual(kinds('SSN 123-45-6789; 4 Mill Road, Leeds; postcode SW1A 2AA.'), [
      'national-id:SSN 123-45-6789', 'street-address:4 Mill Road, Leeds', 'postal-code:postcode SW1A 2AA',
    ]);
  });

  it('leaves references, DOIs and registries alone', () => {
    assert.deepEqual(kinds('See https://doi.org/10.1186/1752-1947-4-31, www.clinicaltrials.gov and doi:10.1000/182.'), []);
  });

  it('knows what a date is of', () => {
    const roles = findIdentifiers('Born 3 May 1950, admitted on 2 June 2021, discharged on 9 June 2021, died on 1 July 2021.').map((m) => m.role);
    assert.deepEqual(roles, ['birth', 'admission', 'discharge', 'death']);
  });

  it('does not take eponyms, drugs, organisms, countries or nationalities for persons and places', () => {
    const text =
      'Guillain–Barré syndrome, Parkinson’s disease, Babinski and Hoffmann signs, Wilson disease, Lyme disease, the Glasgow Coma Scale, ' +
      'Candida albicans and Listeria, levetiracetam, a Nigerian woman from Nigeria who lived in Texas and in Europe, the Bristol stool chart.';
    assert.deepEqual(kinds(text), []);
  });

  it('reports structured kinds as errors and names as warnings, unless the severity is configured', () => {
    const text = '# T\n\n## Case presentation\n\nSeen on 2 June 2021 by Dr Ellen Marsh.\n';
    const f = ids(check(text).findings);
    assert.deepEqual(f.map((x) => [x.data?.kind, x.severity]), [['date', 'error'], ['person', 'warning']]);
    const g = ids(check(text, { config: { rules: { 'patient-identifier': 'info' } } }).findings);
    assert.deepEqual(g.map((x) => x.severity), ['info', 'info']);
    assert.ok(IDENTIFIER_KINDS.every((k) => STRUCTURED_KINDS.has(k) === !['person', 'institution', 'place'].includes(k)));
  });

  it('writes one-line messages that name the kind and the fix', () => {
    const text = readFileSync(join(DIR, 'structured.md'), 'utf8') + readFileSync(join(DIR, 'names.md'), 'utf8');
    for (const f of ids(check(text).findings)) {
      assert.ok(!f.message.includes('\n') && f.message.length < 140, f.message);
      assert.match(f.message, /: /);
      for (const fix of f.fixes ?? []) assert.match(fix.title, /^Replace /);
    }
  });

  it('offers "over 89" and keeps the article right', () => {
    const text = '# T\n\n## Case presentation\n\nA 91-year-old man, aged 93.\n';
    const fixed = applyFirstFixes(text, ids(check(text).findings));
    assert.equal(fixed.split('\n')[4], 'An over-89-year-old man, aged over 89.');
  });

  it('takes allowed kinds and names from config, and merges them', () => {
    const text = '# T\n\n## Case presentation\n\nSeen at Northgate General Hospital by Dr Ellen Marsh on 2 June 2021.\n';
    const config = { identifiers: { allow: ['institution'], allowNames: ['ellen marsh'] } };
    assert.deepEqual(ids(check(text, { config }).findings).map((f) => f.data?.kind), ['date']);
    assert.deepEqual(mergeConfigs({ identifiers: { allow: ['date'] } }, { identifiers: { allowNames: ['X'] } }).identifiers, { allow: ['date'], allowNames: ['X'] });
  });

  it('validates the config key', () => {
    assert.doesNotThrow(() => parseConfigText('{"identifiers": {"allow": ["institution", "place"], "allowNames": ["Northgate"]}}', '/x/.caselint.json'));
    assert.throws(() => parseConfigText('{"identifiers": {"allow": ["hospital"]}}', '/x/.caselint.json'), (e: unknown) => e instanceof ConfigError && !e.message.includes('\n'));
    assert.throws(() => parseConfigText('{"identifiers": {"allowed": []}}', '/x/.caselint.json'), ConfigError);
  });

  it('finds nothing in the example manuscript', () => {
    const file = join(__dirname, '../../examples/als-cramps-case-report.md');
    assert.deepEqual(ids(check(readFileSync(file, 'utf8')).findings).map((f) => f.message), []);
  });
});
