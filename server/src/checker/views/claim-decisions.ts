/**
 * Why unsupported-claim did or did not flag each sentence of a range: what `caselint explain
 * FILE:LINE` prints for a line without a finding of the rule. Pure: a function of a check's
 * result (its model, config and matched sections).
 */
import { resolveRuleSetting } from '../config';
import { itemFinder, type CheckResult } from '../engine/check';
import { claimDecisionsIn, judgedSentences, unsupportedClaim } from '../rules/unsupported-claim';
import type { SectionMode } from '../analysis/claims/types';

export interface ClaimDecision {
  start: number;
  end: number;
  /** One line: the decision's trace ("not a claim: about this patient (...)") or why it was not judged. */
  why: string;
}

/** The decision on every sentence that overlaps [from, to); empty when the rule is off. */
export function claimDecisions(result: CheckResult, from: number, to: number): ClaimDecision[] {
  const setting = resolveRuleSetting(result.config.rules?.[unsupportedClaim.id], unsupportedClaim.defaultSeverity);
  if (setting.severity === 'off') return [];
  return claimDecisionsIn({ doc: result.model, config: result.config, options: setting.options, itemAt: itemFinder(result.sections) }, from, to);
}

/** Every sentence the rule judges in a check's result, with its text and mode (for `npm run train`); empty when the rule is off. */
export function claimSentences(result: CheckResult): { start: number; end: number; text: string; mode: SectionMode }[] {
  const setting = resolveRuleSetting(result.config.rules?.[unsupportedClaim.id], unsupportedClaim.defaultSeverity);
  if (setting.severity === 'off') return [];
  return judgedSentences({ doc: result.model, config: result.config, options: setting.options, itemAt: itemFinder(result.sections) });
}
