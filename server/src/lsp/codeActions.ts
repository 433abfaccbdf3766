/**
 * Code actions for the diagnostics of a request, from the document's current check: each
 * diagnostic is matched to the finding it shows (findingOf: rule, range, message; a diagnostic
 * of an older text that no longer fits gets none), so diagnostics carry no fixes and no offsets.
 * - each finding's fixes → quick fixes (the first one preferred);
 * - every finding → "Ignore <rule> on this line" / "Ignore <rule> in this file";
 * - `source.fixAll.caselint` → all `safe` fixes of the document together, without overlaps;
 * - `source.renumberCitations.caselint` → "Renumber citations in order of first mention" for the
 *   whole document (markers and reference list in one edit), offered whenever the numbering is out
 *   of order. Never part of fix-all: it rewrites every marker.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { suppressionFixes, type CheckResult, type Finding, type Fix, type OffsetEdit } from '../checker';
import { findingOf } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.caselint`;
export const RENUMBER_KIND = `${CodeActionKind.Source}.renumberCitations.caselint`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND, RENUMBER_KIND];

/** Does a requested kind (`only`) include a kind we offer? "source.fixAll" includes "source.fixAll.caselint". */
export function kindRequested(only: readonly string[] | undefined, kind: string): boolean {
  if (!only?.length) return true;
  return only.some((k) => kind === k || kind.startsWith(k + '.'));
}

export function toTextEdits(document: TextDocument, edits: readonly OffsetEdit[]): TextEdit[] {
  return [...edits]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.newText }));
}

export function workspaceEdit(document: TextDocument, edits: readonly OffsetEdit[]): WorkspaceEdit {
  return { changes: { [document.uri]: toTextEdits(document, edits) } };
}

function editsValid(document: TextDocument, edits: readonly OffsetEdit[]): boolean {
  const length = document.getText().length;
  return edits.every((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= length && typeof e.newText === 'string');
}

/**
 * Quick fixes and suppression actions for the diagnostics in the request's context. `result` is
 * the check of the document's current text (undefined: the document is not checked, no actions).
 */
export function quickFixes(document: TextDocument, diagnostics: readonly Diagnostic[], result: Pick<CheckResult, 'findings' | 'model'> | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  const ignores: CodeAction[] = [];
  const seenIgnore = new Set<string>();
  if (!result || result.model.text !== document.getText()) return [];
  for (const d of diagnostics) {
    const finding = findingOf(result.findings, document, d);
    if (!finding) continue;
    const data = { ruleId: finding.ruleId, fixes: finding.fixes, ignore: suppressionFixes(result.model, finding) };
    (data.fixes ?? []).forEach((fix, i) => {
      if (!fix || !Array.isArray(fix.edits) || !editsValid(document, fix.edits)) return;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: i === 0,
        edit: workspaceEdit(document, fix.edits),
      });
    });
    for (const fix of data.ignore ?? []) {
      if (!fix || !Array.isArray(fix.edits) || !editsValid(document, fix.edits)) continue;
      // One "ignore in this file" per rule, however many of its findings are in range.
      const key = fix.kind === 'ignore-file' ? `${fix.kind}:${data.ruleId}` : `${fix.kind}:${data.ruleId}@${fix.edits[0]?.start}`;
      if (seenIgnore.has(key)) continue;
      seenIgnore.add(key);
      ignores.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: workspaceEdit(document, fix.edits) });
    }
  }
  // Real fixes first, then the suppressions.
  return [...actions, ...ignores];
}

/**
 * The safe fixes of all findings, applied together: a fix is taken when none of its edits
 * overlaps an edit already taken (insertions at the same point keep the findings' order).
 */
export function safeFixEdits(findings: readonly Pick<Finding, 'fixes'>[]): OffsetEdit[] {
  const taken: OffsetEdit[] = [];
  const overlaps = (a: OffsetEdit, b: OffsetEdit) =>
    (a.start < b.end && b.start < a.end) ||
    // An insertion strictly inside a replaced span.
    (a.start === a.end && a.start > b.start && a.start < b.end) ||
    (b.start === b.end && b.start > a.start && b.start < a.end) ||
    // Two replacements of the same empty-or-not span.
    (a.start === b.start && a.end === b.end && a.start !== a.end);
  for (const f of findings) {
    for (const fix of (f.fixes ?? []) as Fix[]) {
      if (!fix?.safe || !Array.isArray(fix.edits) || !fix.edits.length) continue;
      if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
      // Fixes within one fix must not overlap each other either.
      const own = [...fix.edits].sort((a, b) => a.start - b.start);
      if (own.some((e, i) => i > 0 && overlaps(own[i - 1], e))) continue;
      taken.push(...fix.edits);
      break; // at most one fix per finding
    }
  }
  // Stable sort keeps same-point insertions in finding order.
  return taken.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i).map((x) => x.e);
}

/** The `source.fixAll.caselint` action, or undefined when no finding has a safe fix. */
export function fixAllAction(document: TextDocument, findings: readonly Finding[]): CodeAction | undefined {
  const edits = safeFixEdits(findings).filter((e) => editsValid(document, [e]));
  if (!edits.length) return undefined;
  return { title: 'Fix all safe caselint problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.newText })) } } };
}

/** The renumbering source action, from the first finding that carries one; undefined when none does. */
export function renumberAction(document: TextDocument, findings: readonly Finding[]): CodeAction | undefined {
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.kind === 'renumber-citations');
    if (fix && fix.edits.length && editsValid(document, fix.edits)) return { title: fix.title, kind: RENUMBER_KIND, edit: workspaceEdit(document, fix.edits) };
  }
  return undefined;
}

/** Does the request ask for a source action (so the document's findings are needed)? */
export function wantsSourceActions(only: readonly string[] | undefined): boolean {
  return !only?.length || [FIX_ALL_KIND, RENUMBER_KIND].some((kind) => kindRequested(only, kind));
}

/**
 * All code actions for a request. `result` is the check of the document's current text (for the
 * quick fixes and fixAll); pass undefined when the document is not checked.
 */
export function codeActions(document: TextDocument, params: CodeActionParams, result: Pick<CheckResult, 'findings' | 'model'> | undefined): CodeAction[] {
  const only = params.context.only;
  const out: CodeAction[] = [];
  const findings = result?.findings;
  if (kindRequested(only, CodeActionKind.QuickFix)) out.push(...quickFixes(document, params.context.diagnostics ?? [], result));
  if (findings && kindRequested(only, FIX_ALL_KIND)) {
    const all = fixAllAction(document, findings);
    if (all) out.push(all);
  }
  if (findings && kindRequested(only, RENUMBER_KIND)) {
    const renumber = renumberAction(document, findings);
    if (renumber) out.push(renumber);
  }
  return out;
}
