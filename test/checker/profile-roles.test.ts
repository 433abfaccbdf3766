import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { check, checklist, PROFILES } from '../../server/src/checker';
import { ITEMS, itemRoles, type ClaimMode, type EvidenceKind } from '../../server/src/checker/profiles';
import { profileItems } from '../../server/src/checker/analysis/sections';
import { ROOT, sourceFiles } from '../helpers/sources';

/**
 * Profile items declare what they are (roles); the code reads the roles, never the item ids,
 * which are only the user's config keys. Read from the source itself.
 */
const PROFILES_FILE = 'server/src/checker/profiles.ts';

const ITEM_IDS = new Set([...Object.keys(ITEMS), ...Object.values(PROFILES).flatMap((p) => p.items.map((i) => i.id))]);
const CLAIM_MODES: readonly ClaimMode[] = ['case', 'discussion', 'skip'];
const EVIDENCE: readonly EvidenceKind[] = ['title', 'keywords', 'abstract', 'timeline', 'consent', 'patient-perspective'];

/** `item.id`, `i.id`, `itemId`, `custom.id`: an expression that holds an item id. */
const ID_EXPR = /(?:^|\.)(?:id|\w*Id)$/;

function itemIdLiteral(node: ts.Node): string | undefined {
  return (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && ITEM_IDS.has(node.text) ? node.text : undefined;
}

/** Places in a file that compare or list profile item ids, as "line: text". */
function idUses(file: string, text = readFileSync(join(ROOT, file), 'utf8')): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}: ${what}`);
  const EQ = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);
  const visit = (node: ts.Node): void => {
    // item.id === 'references', 'case' !== itemId
    if (ts.isBinaryExpression(node) && EQ.has(node.operatorToken.kind)) {
      for (const [lit, other] of [[node.left, node.right], [node.right, node.left]] as const) {
        if (itemIdLiteral(lit) && ID_EXPR.test(other.getText(sf).replace(/\?/g, ''))) at(node, node.getText(sf));
      }
    }
    // switch (item.id) { case 'title': ... }
    if (ts.isSwitchStatement(node) && ID_EXPR.test(node.expression.getText(sf).replace(/\?/g, ''))) {
      for (const clause of node.caseBlock.clauses) if (ts.isCaseClause(clause) && itemIdLiteral(clause.expression)) at(clause, `case ${clause.expression.getText(sf)}`);
    }
    // config.headings?.case, byItem['references']: one item picked out by its id
    if (ts.isPropertyAccessExpression(node) && ITEM_IDS.has(node.name.text) && /(?:headings|byItem|ITEMS)\??$/.test(node.expression.getText(sf))) at(node, node.getText(sf));
    if (ts.isElementAccessExpression(node) && itemIdLiteral(node.argumentExpression)) at(node, node.getText(sf));
    // A list, set or table of item ids: ['case', 'investigations', ...], { title: ..., keywords: ... }
    if (ts.isArrayLiteralExpression(node) && node.elements.length >= 2 && node.elements.every((e) => itemIdLiteral(e))) at(node, `list of item ids ${node.getText(sf).slice(0, 60)}`);
    if (ts.isObjectLiteralExpression(node) && node.properties.length >= 2) {
      const names = node.properties.map((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined));
      if (names.every((n) => n !== undefined && ITEM_IDS.has(n))) at(node, `table keyed by item ids {${names.join(', ')}}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('profile item roles', () => {
  it('no file outside profiles.ts compares or lists profile item ids', () => {
    const files = sourceFiles('server/src').filter((f) => f !== PROFILES_FILE);
    assert.ok(files.length > 50, 'the source tree was read');
    assert.deepEqual(files.flatMap((f) => idUses(f)), []);
  });

  it('the check finds what it looks for, and only that', () => {
    const probe = (code: string) => idUses('probe.ts', code).length;
    assert.equal(probe("if (item && (item.id === 'references' || item.id === 'consent')) skip();"), 2);
    assert.equal(probe("const t = items.find((i) => i.id === 'title'); if ('case' !== custom?.id) x();"), 2);
    assert.equal(probe("switch (itemId) { case 'title': break; case 'patient-perspective': break; }"), 2);
    assert.equal(probe("const CASE = new Set(['case', 'investigations', 'follow-up']);"), 1);
    assert.equal(probe("const HINTS = { title: 'a', 'patient-perspective': 'b' };"), 1);
    assert.equal(probe("const extra = [...(config.headings?.case ?? []), ...(hints['consent'] ?? [])];"), 2);
    // Roles, evidence kinds, LaTeX command names and heading words are not item ids.
    assert.equal(probe("if (item.evidence === 'title' || item.claimMode === 'case') x();"), 0);
    assert.equal(probe("switch (kind) { case 'title': break; }  switch (name) { case 'keywords': break; }"), 0);
    assert.equal(probe("const HEADINGS = ['consent', 'keywords', 'references', 'funding'];"), 0);
  });

  it('every item of every profile has its roles', () => {
    for (const [key, profile] of Object.entries(PROFILES)) {
      for (const item of profile.items) {
        const where = `${key}/${item.id}`;
        assert.ok(CLAIM_MODES.includes(item.claimMode), `${where}: claimMode`);
        if (item.evidence !== undefined) assert.ok(EVIDENCE.includes(item.evidence), `${where}: evidence`);
        if (item.claimOption !== undefined) assert.ok(['checkAbstract', 'checkPatientPerspective'].includes(item.claimOption), `${where}: claimOption`);
        // Every item that can be inserted by the quick fix says what to write (References never is required).
        if (!item.referenceList) assert.ok(item.hint && /\.$/.test(item.hint), `${where}: hint`);
      }
      // One abstract, one reference list, one title at most; detection knows the case presentation.
      for (const role of ['abstract', 'referenceList', 'marksCaseReport'] as const) {
        assert.ok(profile.items.filter((i) => i[role]).length <= 1, `${key}: one ${role}`);
      }
      assert.ok(profile.items.filter((i) => i.evidence === 'title').length <= 1, `${key}: one title`);
      assert.ok(profile.items.some((i) => i.abstract) && profile.items.some((i) => i.referenceList), `${key}: abstract and references`);
    }
    assert.ok(PROFILES.default.items.some((i) => i.marksCaseReport), 'detection reads the default profile');
  });

  it('the roles the code relies on', () => {
    const roles = (id: string) => PROFILES.care.items.find((i) => i.id === id)!;
    assert.equal(roles('abstract').claimOption, 'checkAbstract');
    assert.equal(roles('patient-perspective').claimOption, 'checkPatientPerspective');
    assert.deepEqual(
      PROFILES.care.items.filter((i) => i.claimMode === 'case').map((i) => i.id),
      ['patient-information', 'clinical-findings', 'timeline', 'diagnostic-assessment', 'therapeutic-intervention', 'follow-up', 'patient-perspective'],
    );
    assert.deepEqual(PROFILES.care.items.filter((i) => i.claimMode === 'skip').map((i) => i.id), ['title', 'keywords', 'consent', 'references']);
    assert.deepEqual(
      PROFILES.care.items.filter((i) => i.evidence).map((i) => [i.id, i.evidence]),
      [['title', 'title'], ['keywords', 'keywords'], ['abstract', 'abstract'], ['timeline', 'timeline'], ['patient-perspective', 'patient-perspective'], ['consent', 'consent']],
    );
  });

  describe('custom required sections from config', () => {
    it('take the roles of the item of that id, else are read like discussion prose', () => {
      assert.deepEqual(itemRoles('no-such-item'), { claimMode: 'discussion' });
      assert.equal(itemRoles('outcome').claimMode, 'case');
      assert.equal(itemRoles('timeline').evidence, 'timeline');
      assert.equal(itemRoles('consent').hint, ITEMS.consent.hint);
      assert.equal(itemRoles('toString').claimMode, 'discussion', 'no inherited property is an item');
      const items = profileItems(PROFILES.default, { requiredSections: [{ id: 'timeline', headings: ['Chronology'] }, { id: 'funding', headings: ['Funding'] }] });
      const timeline = items.find((i) => i.id === 'timeline')!;
      assert.equal(timeline.evidence, 'timeline');
      assert.equal(timeline.claimMode, 'case');
      assert.equal(timeline.required, true);
      assert.deepEqual(timeline.headings, ['Chronology']);
      const funding = items.find((i) => i.id === 'funding')!;
      assert.equal(funding.claimMode, 'discussion');
      assert.equal(funding.evidence, undefined);
    });

    it('a profile item named again keeps its roles and gains the headings', () => {
      const items = profileItems(PROFILES.default, { requiredSections: [{ id: 'consent', headings: ['Permission'] }] });
      const consent = items.find((i) => i.id === 'consent')!;
      assert.equal(consent.required, true);
      assert.equal(consent.claimMode, 'skip');
      assert.equal(consent.evidence, 'consent');
      assert.ok(consent.headings.includes('Permission') && consent.headings.includes('informed consent'));
    });

    it('a custom timeline is satisfied by a timeline table, as in the CARE profile', () => {
      const text = '# A case report\n\n## Abstract\n\nText.\n\n| Day | Event |\n|---|---|\n| 1 | Admitted |\n';
      const list = checklist(check(text, { config: { requiredSections: [{ id: 'timeline', headings: ['Chronology'] }] }, rules: [] }));
      assert.equal(list.items.find((i) => i.id === 'timeline')?.detail, 'a timeline table');
    });
  });
});
