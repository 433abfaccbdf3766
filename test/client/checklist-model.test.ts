import { strict as assert } from 'node:assert';
import type { Checklist, ChecklistItem } from '../../server/src/lsp/protocol';
import { itemDescription, itemIcon, itemTooltip, shortProfileLabel, statusBarText, statusBarTooltip } from '../../client/src/checklistModel';

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
});
