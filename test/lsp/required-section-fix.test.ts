import assert from 'node:assert/strict';
import { check, checklist, insertSectionFix, PROFILES, type CheckResult, type Finding, type Format } from '../../server/src/checker';
import { headingMatches as headingMatchesItem } from '../../server/src/checker';
import { headingTextFor } from '../../server/src/checker/analysis/section-insertion';
import { profileItems } from '../../server/src/checker/analysis/sections';
import { applyOffsetEdits } from './edits';

/** The required-section quick fix: insert the missing heading where the profile's order puts it. */

function missing(result: CheckResult): Finding[] {
  return result.findings.filter((f) => f.ruleId === 'required-section');
}

function itemOf(f: Finding): string {
  return (f.data as { item: string }).item;
}

/** A complete manuscript for a profile, in the profile's order, each section with a sentence. */
function completeDoc(profileId: string, skip: string): string {
  const profile = PROFILES[profileId];
  const parts = ['# A case report of cramps and weakness', ''];
  for (const item of profileItems(profile, {})) {
    if (item.id === skip || item.id === 'title') continue;
    parts.push(`## ${headingTextFor(item, profile.items)}`, '', item.id === 'references' ? '1. Author A. A paper. J Neurol. 2020;1:1-2.' : `Text of the ${item.label.toLowerCase()} section, written for the patient [1].`, '');
  }
  return parts.join('\n');
}

describe('required-section quick fix', () => {
  for (const profileId of Object.keys(PROFILES)) {
    const profile = PROFILES[profileId];
    for (const item of profile.items.filter((i) => i.required && i.declares)) {
      // Consent and the patient's perspective are statements: the declarations rule reports them.
      it(`${profileId}: a missing "${item.label}" is the declarations rule's finding, and its fix inserts it in the profile's order`, () => {
        const text = completeDoc(profileId, item.id);
        const config = { profile: profileId };
        const before = check(text, { config });
        assert.deepEqual(missing(before), [], 'required-section leaves it to declarations');
        const own = (r: CheckResult) => r.findings.filter((f) => f.ruleId === 'declarations' && (f.data as { declaration: string }).declaration === item.declares);
        assert.equal(own(before).length, 1);
        const fixed = applyOffsetEdits(text, own(before)[0].fixes![0].edits);
        const after = check(fixed, { config });
        assert.deepEqual(own(after), []);
        const order = profileItems(profile, {});
        const seen = after.model.sections.flatMap((s) => {
          const i = s.heading ? order.findIndex((x) => headingMatchesItem(x, s.heading!.text)) : -1;
          return i >= 0 ? [i] : [];
        });
        assert.deepEqual(seen, [...seen].sort((a, b) => a - b), `order: ${seen.join(', ')}`);
      });
    }
    for (const item of profile.items.filter((i) => i.required && !i.declares)) {
      it(`${profileId}: inserting the missing "${item.label}" clears the finding, in the profile's order`, () => {
        const text = completeDoc(profileId, item.id);
        const config = { profile: profileId };
        const before = check(text, { config });
        const findings = missing(before);
        assert.deepEqual(findings.map(itemOf), [item.id], `only ${item.id} is missing`);
        const fix = findings[0].fixes?.[0];
        assert.ok(fix, 'the finding has a fix');
        assert.match(fix!.title, /^Insert section ".+"$/);
        const fixed = applyOffsetEdits(text, fix!.edits);
        const after = check(fixed, { config });
        assert.deepEqual(missing(after), [], 'no section missing after the fix');
        // The sections appear in the profile's order.
        const order = profileItems(profile, {}).map((i) => i.id);
        const seen: string[] = [];
        for (const s of after.model.sections) {
          const matched = profileItems(profile, {}).find((i) => s.heading && new RegExp(`^${escape(headingTextFor(i, profile.items))}$`, 'i').test(s.heading.text));
          if (matched) seen.push(matched.id);
        }
        const positions = seen.map((id) => order.indexOf(id));
        assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `order: ${seen.join(', ')}`);
        assert.ok(fixed.includes('TODO:'), 'the template asks the writer to fill it in');
      });
    }
  }

  it('inserts before the first later section present in the document, at the heading level used there', () => {
    const text = ['# Title of a case report', '', '## Abstract', '', 'Short.', '', '## Case presentation', '', 'A man.', '', '### Discussion', '', 'We discuss [1].', ''].join('\n');
    const f = missing(check(text)).find((x) => itemOf(x) === 'investigations')!;
    const fixed = applyOffsetEdits(text, f.fixes![0].edits);
    assert.ok(fixed.includes('A man.\n\n### Investigations\n\nTODO: '), fixed);
    assert.ok(fixed.indexOf('### Investigations') < fixed.indexOf('### Discussion'));
  });

  it('appends at the end (after a blank line) when no later section is present', () => {
    for (const ending of ['', '\n', '\n\n']) {
      const text = '# A case report\n\n## Abstract\n\nShort.\n\n## Case presentation\n\nA man.\n\n## Investigations\n\nMRI.' + ending;
      const f = missing(check(text)).find((x) => itemOf(x) === 'discussion')!;
      const fixed = applyOffsetEdits(text, f.fixes![0].edits);
      assert.ok(fixed.startsWith('# A case report\n\n## Abstract\n\nShort.\n\n## Case presentation\n\nA man.\n\n## Investigations\n\nMRI.\n\n## Discussion\n\nTODO: '), JSON.stringify(fixed));
      assert.ok(fixed.endsWith('\n') && !fixed.endsWith('\n\n'), JSON.stringify(fixed.slice(-20)));
      assert.deepEqual(missing(check(fixed)), []);
    }
  });

  it('goes before a References heading even when the profile would put it last', () => {
    const text = '# A case report\n\n## Abstract\n\nShort.\n\n## Case presentation\n\nA man.\n\n## Discussion\n\nWe discuss [1].\n\n## References\n\n1. A. B. 2020.\n';
    const f = missing(check(text)).find((x) => itemOf(x) === 'investigations')!;
    const fixed = applyOffsetEdits(text, f.fixes![0].edits);
    assert.ok(fixed.indexOf('## Investigations') < fixed.indexOf('## Discussion'));
    const noDiscussion = '# A case report\n\n## Abstract\n\nShort.\n\n## Case presentation\n\nA man.\n\n## Investigations\n\nMRI.\n\n## References\n\n1. A. B. 2020.\n';
    const g = missing(check(noDiscussion)).find((x) => itemOf(x) === 'discussion')!;
    const fixed2 = applyOffsetEdits(noDiscussion, g.fixes![0].edits);
    assert.ok(fixed2.includes('MRI.\n\n## Discussion\n\nTODO: ') && fixed2.indexOf('## Discussion') < fixed2.indexOf('## References'), fixed2);
  });

  it('keeps CRLF line breaks', () => {
    const text = '# A case report\r\n\r\n## Abstract\r\n\r\nShort.\r\n\r\n## Case presentation\r\n\r\nA man.\r\n\r\n## Discussion\r\n\r\nWe discuss.\r\n';
    const f = missing(check(text)).find((x) => itemOf(x) === 'investigations')!;
    const fixed = applyOffsetEdits(text, f.fixes![0].edits);
    assert.ok(fixed.includes('A man.\r\n\r\n## Investigations\r\n\r\nTODO: '), JSON.stringify(fixed));
    assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF');
  });

  it('custom required sections from config get a heading that satisfies them', () => {
    const config = { requiredSections: [{ id: 'funding', label: 'Funding statement', headings: ['Funding', 'Sources of funding'] }] };
    const text = '# A case report\n\n## Abstract\n\nShort.\n\n## Case presentation\n\nA man.\n\n## Investigations\n\nMRI.\n\n## Discussion\n\nWe discuss.\n';
    const f = missing(check(text, { config })).find((x) => itemOf(x) === 'funding')!;
    assert.equal(f.fixes![0].title, 'Insert section "Funding"');
    const fixed = applyOffsetEdits(text, f.fixes![0].edits);
    assert.deepEqual(missing(check(fixed, { config })), []);
  });

  const formats: [Format, string, RegExp][] = [
    ['text', 'A CASE REPORT OF CRAMPS\n\nABSTRACT\n\nShort.\n\nCASE PRESENTATION\n\nA man.\n\nDISCUSSION\n\nWe discuss.\n', /A man\.\n\nINVESTIGATIONS\n\nTODO: /],
    [
      'latex',
      '\\documentclass{article}\n\\begin{document}\n\\title{A case report}\n\\begin{abstract}\nShort.\n\\end{abstract}\n\\section{Case presentation}\nA man.\n\n\\section{Discussion}\nWe discuss.\n\\end{document}\n',
      /A man\.\n\n\\section\{Investigations\}\n\nTODO: /,
    ],
  ];
  for (const [format, text, expected] of formats) {
    it(`${format}: inserts a heading in the format's own syntax`, () => {
      const f = missing(check(text, { format })).find((x) => itemOf(x) === 'investigations');
      assert.ok(f, `findings: ${missing(check(text, { format })).map(itemOf).join(', ')}`);
      const fixed = applyOffsetEdits(text, f!.fixes![0].edits);
      assert.match(fixed, expected);
      assert.deepEqual(missing(check(fixed, { format })).map(itemOf), []);
    });
  }

  it('latex: a missing abstract becomes an abstract environment', () => {
    const text = '\\documentclass{article}\n\\begin{document}\n\\section{Case presentation}\nA man.\n\n\\section{Investigations}\nMRI.\n\n\\section{Discussion}\nWe discuss.\n\\end{document}\n';
    const f = missing(check(text, { format: 'latex' })).find((x) => itemOf(x) === 'abstract')!;
    const fixed = applyOffsetEdits(text, f.fixes![0].edits);
    assert.ok(fixed.includes('\\begin{document}\n\n\\begin{abstract}\nTODO: '), fixed);
    assert.deepEqual(missing(check(fixed, { format: 'latex' })), []);
  });

  it('latex: at the end goes before \\end{document}, starred like the other sections, after a blank line', () => {
    const text = '\\documentclass{article}\n\\begin{document}\n\\begin{abstract}\nx\n\\end{abstract}\n\\section*{Case presentation}\nA man.\n\n\\section*{Investigations}\nMRI.\n\\end{document}\n';
    const f = missing(check(text, { format: 'latex' })).find((x) => itemOf(x) === 'discussion')!;
    const fixed = applyOffsetEdits(text, f.fixes![0].edits);
    assert.ok(fixed.endsWith('MRI.\n\n\\section*{Discussion}\n\nTODO: Discuss the case against the literature, with references.\n\n\\end{document}\n'), fixed);
    assert.deepEqual(missing(check(fixed, { format: 'latex' })), []);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('"Insert section heading" of the checklist (insertSectionFix)', () => {
  const text = ['# Cramps in a 58-year-old man: a case report', '', '## Abstract', '', 'A man presented with cramps.', '', '## Case presentation', '', 'He had cramps for a year.', '', '## Discussion', '', 'Cramps can precede weakness.', ''].join('\n');

  it('is the required-section quick fix for a missing required item', () => {
    const result = check(text, { format: 'markdown', config: {} });
    const finding = missing(result);
    assert.deepEqual(finding.map(itemOf), ['investigations']);
    assert.deepEqual(insertSectionFix(result, 'investigations'), finding[0].fixes![0]);
    assert.equal(finding[0].fixes![0].kind, 'insert-section');
    const fixed = applyOffsetEdits(text, insertSectionFix(result, 'investigations')!.edits);
    assert.match(fixed, /He had cramps for a year\.\n\n## Investigations\n\nTODO: .*\n\n## Discussion/);
    assert.deepEqual(missing(check(fixed, { format: 'markdown', config: {} })), []);
  });

  it('inserts an optional item (no finding) the same way, and the checklist then shows it', () => {
    for (const format of ['markdown', 'latex', 'text'] as const) {
      const doc = format === 'latex' ? '\\documentclass{article}\n\\begin{document}\n\\section{Introduction}\nText.\n\\section{Discussion}\nMore.\n\\end{document}\n' : format === 'text' ? 'INTRODUCTION\n\nText.\n\nDISCUSSION\n\nMore.\n' : text;
      const result = check(doc, { format, config: { profile: 'default' } });
      const before = checklist(result).items.find((i) => i.id === 'conclusion')!;
      assert.equal(before.status, 'missing');
      assert.equal(before.required, false);
      const fix = insertSectionFix(result, 'conclusion')!;
      assert.equal(fix.kind, 'insert-section');
      const after = checklist(check(applyOffsetEdits(doc, fix.edits), { format, config: { profile: 'default' } })).items.find((i) => i.id === 'conclusion')!;
      assert.equal(after.status, 'present', `${format}: ${JSON.stringify(fix.edits)}`);
    }
  });

  it('undefined for an item the profile does not have', () => {
    assert.equal(insertSectionFix(check(text), 'no-such-item'), undefined);
  });
});
