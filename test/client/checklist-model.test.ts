import { strict as assert } from 'node:assert';
import type { Checklist, ChecklistItem } from '../../server/src/lsp/protocol';
import { countDescription, countIcon, countTooltip, itemDescription, itemIcon, itemTooltip, shortProfileLabel, statusBarText, statusBarTooltip } from '../../client/src/checklistModel';

const item = (id: string, status: ChecklistItem['status'], start?: number, required = true): ChecklistItem => ({ id, label: id[0].toUpperCase() + id.slice(1), required, status, start, end: start === undefined ? undefined : start + 3 });

describe('client checklist model', () => {
  it('status bar: "$(checklist) CARE 10/13" from the profile label and counts', () => {
    const c: Checklist = { profile: 'care', label: 'CARE checklist', items: [], done: 10, total: 13 };
    assert.equal(statusBarText(c), '$(checklist) CARE 10/13');
    assert.equal(statusBarText({ ...c, label: 'Default', done: 3, total: 4 }), '$(checklist) Default 3/4');
    assert.equal(shortProfileLabel('BMJ Case Reports'), 'BMJ Case Reports');
  });

  it('tooltip names missing (required and optional) and empty items', () => {
    const c: Checklist = { profile: 'default', label: 'Default', items: [item('abstract', 'present', 0), item('investigations', 'missing'), item('consent', 'missing', undefined, false), item('discussion', 'empty', 10)], done: 1, total: 4 };
    const tip = statusBarTooltip(c);
    assert.match(tip, /1 of 4/);
    assert.match(tip, /Missing: Investigations, Consent \(optional\)/);
    assert.match(tip, /Empty: Discussion/);
  });

  it('icons and descriptions per status', () => {
    assert.equal(itemIcon({ status: 'present', required: true }).id, 'pass');
    assert.equal(itemIcon({ status: 'empty', required: true }).id, 'warning');
    assert.equal(itemIcon({ status: 'missing', required: true }).id, 'error');
    assert.equal(itemIcon({ status: 'missing', required: false }).id, 'circle-large-outline');
    assert.equal(itemDescription(item('abstract', 'missing')), 'missing');
    assert.equal(itemDescription({ ...item('abstract', 'present', 0), detail: 'heading "Summary"' }), 'heading "Summary"');
  });

  it('tooltips say what a click does', () => {
    assert.match(itemTooltip(item('abstract', 'missing')), /^Abstract: Missing\nClick to insert the section heading\.$/);
    assert.match(itemTooltip({ ...item('consent', 'present', 0, false), detail: 'consent statement' }), /^Consent \(optional\): Present\nconsent statement\nClick to go to it\.$/);
  });

  it('tooltip lists the counts the server sends ("Abstract 162/150 words") and flags those over a limit', () => {
    const counts: Checklist['counts'] = [
      { id: 'abstractWords', label: 'Abstract', unit: 'words', count: 162, max: 150, source: 'the journal', status: 'over', text: 'Abstract 162/150 words' },
      { id: 'mainTextWords', label: 'Main text', unit: 'words', count: 1830, status: 'none', text: 'Main text 1830 words' },
      { id: 'keywords', label: 'Keywords', unit: '', count: 1, min: 2, max: 5, source: 'CARE', status: 'under', text: 'Keywords 1 (2\u20135)' },
    ];
    const c: Checklist = { profile: 'bmj-case-reports', label: 'BMJ Case Reports', items: [], done: 0, total: 0, counts, titleRule: { rule: 'avoid', source: 'x', ok: false, text: 'Title contains "case report"' } };
    const tip = statusBarTooltip(c);
    assert.match(tip, /^Abstract 162\/150 words \(over the limit\)$/m);
    assert.match(tip, /^Main text 1830 words$/m);
    assert.match(tip, /^Keywords 1 \(2\u20135\) \(under the minimum\)$/m);
    assert.match(tip, /^Title contains "case report" \(the profile asks to leave it out\)$/m);
    assert.equal(countDescription(counts[0]), '162/150 words, over the limit');
    assert.equal(countDescription(counts[1]), '1830 words');
    assert.equal(countIcon(counts[0]).id, 'warning');
    assert.equal(countIcon(counts[1]).id, 'symbol-number');
    assert.match(countTooltip(counts[0]), /Limit: the journal/);
    assert.match(countTooltip(counts[1]), /No limit in this profile/);
  });
});
