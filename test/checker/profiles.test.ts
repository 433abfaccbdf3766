import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { check, headingMatches, PROFILES } from '../../server/src/checker';
import { analyseSections, profileItems } from '../../server/src/checker/analysis/sections';
import { checkFixture, fixtureFiles } from '../helpers/fixtures';

/** Which item each heading satisfies under a profile (null: none). */
function itemsFor(profile: string, headings: string[]): (string | null)[] {
  const text = headings.map((h) => `## ${h}\n\nText.\n`).join('\n');
  const { model } = check(text, { config: { profile }, rules: [] });
  const analysis = analyseSections(model, profileItems(PROFILES[profile], {}));
  return model.sections.filter((s) => s.heading).map((s) => analysis.itemOf.get(s)?.id ?? null);
}

describe('profiles', () => {
  it('lists the statements it requires once: a required item with a declares role is in its declarations, and a listed statement with an item makes the item required', () => {
    for (const profile of Object.values(PROFILES)) {
      const required = new Set(profile.declarations?.required ?? []);
      for (const item of profile.items) {
        if (!item.declares) continue;
        assert.equal(required.has(item.declares), item.required, `${profile.id}: item ${item.id} is required exactly when its statement "${item.declares}" is listed`);
      }
      if (profile.declarations) assert.ok(profile.declarations.source.length > 10, `${profile.id}: the declarations' source`);
    }
  });

  it('has the default, CARE and journal profiles, each well formed', () => {
    assert.deepEqual(Object.keys(PROFILES), ['default', 'care', 'bmj-case-reports', 'jmcr', 'ajcr']);
    for (const [key, p] of Object.entries(PROFILES)) {
      assert.equal(p.id, key);
      assert.ok(p.label && p.description, key);
      const ids = p.items.map((i) => i.id);
      assert.equal(new Set(ids).size, ids.length, `${key}: duplicate item ids`);
      for (const item of p.items) {
        assert.ok(item.label, `${key}/${item.id}: label`);
        assert.ok(item.headings.length > 0, `${key}/${item.id}: headings`);
        // Every item is reachable: its first heading satisfies it.
        assert.ok(headingMatches(item, item.headings[0]), `${key}/${item.id}`);
      }
    }
    for (const key of ['care', 'bmj-case-reports', 'jmcr', 'ajcr']) assert.match(PROFILES[key].source ?? '', /https:\/\/.*may change|CARE/, key);
  });

  it('CARE has its 13 counted items', () => {
    const counted = PROFILES.care.items.filter((i) => i.counted !== false).map((i) => i.label);
    assert.deepEqual(counted, [
      'Title', 'Keywords', 'Abstract', 'Introduction', 'Patient information', 'Clinical findings', 'Timeline',
      'Diagnostic assessment', 'Therapeutic intervention', 'Follow-up and outcomes', 'Discussion', 'Patient perspective', 'Informed consent',
    ]);
  });

  describe('a heading satisfies the first item it matches', () => {
    it('CARE-style headings under care', () => {
      assert.deepEqual(
        itemsFor('care', [
          'Keywords', 'Summary', 'Background', 'Case presentation', 'Patient information', 'Physical examination', 'Timeline',
          'Diagnostic assessment', 'Investigations', 'Therapeutic interventions', 'Follow-up and outcomes', 'Discussion and conclusions',
          "Patient's perspective", 'Patient Perspective', 'Informed consent', 'Consent for publication', 'Learning points', 'Differential diagnosis', 'References',
        ]),
        [
          'keywords', 'abstract', 'introduction', 'patient-information', 'patient-information', 'clinical-findings', 'timeline',
          'diagnostic-assessment', 'diagnostic-assessment', 'therapeutic-intervention', 'follow-up', 'discussion',
          'patient-perspective', 'patient-perspective', 'consent', 'consent', null, null, 'references',
        ],
      );
    });

    it('BMJ Case Reports template headings', () => {
      assert.deepEqual(
        itemsFor('bmj-case-reports', [
          'Summary', 'Background', 'Case presentation', 'Investigations', 'Differential diagnosis', 'Differential diagnoses', 'Treatment',
          'Outcome and follow-up', 'Discussion', 'Learning points/take home messages', 'Learning points', 'Take-home messages',
          'Patient’s perspective', 'Diagnosis', 'Conclusion',
        ]),
        [
          'abstract', 'introduction', 'case', 'investigations', 'differential-diagnosis', 'differential-diagnosis', 'treatment',
          'follow-up', 'discussion', 'learning-points', 'learning-points', 'learning-points',
          'patient-perspective', 'investigations', null,
        ],
      );
    });

    it('JMCR headings: discussion and conclusions together or apart, declarations for consent', () => {
      assert.deepEqual(
        itemsFor('jmcr', ['Abstract', 'Keywords', 'Introduction', 'Background', 'Case presentation', 'Discussion and conclusions', 'Discussion', 'Conclusions', 'Declarations', 'Consent for publication', 'Ethics approval and consent to participate']),
        ['abstract', 'keywords', 'introduction', 'introduction', 'case', 'discussion', 'discussion', 'discussion', 'consent', 'consent', 'consent'],
      );
    });

    it('AJCR headings', () => {
      assert.deepEqual(
        itemsFor('ajcr', ['Abstract', 'Background', 'Case Report', 'Case 2', 'Discussion', 'Conclusions', 'Conclusion', 'Keywords']),
        ['abstract', 'introduction', 'case', 'case', 'discussion', 'conclusion', 'conclusion', 'keywords'],
      );
    });
  });

  describe('required sections in CARE-style and journal-style fixtures', () => {
    // care-content.md is satisfied by content (front matter keywords, consent sentence, ...):
    // required-section accepts the same content evidence as the checklist, so it expects nothing.
    const files = fixtureFiles(join(__dirname, '..', 'fixtures', 'checklist'));
    for (const file of files) {
      it(file.replace(/^.*[\\/]/, ''), () => {
        checkFixture(file, { rules: ['required-section', 'empty-section'] });
      });
    }
  });
  it('matches each heading with the items of each check, the config’s own headings included (the matches are remembered per items)', () => {
    const text = '## Case presentation\n\nText.\n\n## Our patient\n\nText.\n\n## Discussion\n\nText.\n';
    const { model } = check(text, { rules: [] });
    const ids = (config: Parameters<typeof profileItems>[1]) => {
      const analysis = analyseSections(model, profileItems(PROFILES.default, config));
      return model.sections.map((s) => analysis.itemOf.get(s)?.id ?? null);
    };
    const plain = ids({});
    assert.equal(plain[1], null);
    const extended = ids({ headings: { case: ['Our patient'] } });
    assert.equal(extended[1], 'case');
    assert.deepEqual(ids({}), plain);
    assert.deepEqual(ids({ headings: { case: ['Our patient'] } }), extended);
  });
});
