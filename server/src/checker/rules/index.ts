import type { Rule } from '../analysis/rule';
import { abbreviation } from './abbreviation';
import { abstractConsistency } from './abstract-consistency';
import { citationOrder } from './citation-order';
import { citationReference } from './citation-reference';
import { declarations } from './declarations';
import { emgTable } from './emg-table';
import { emptySection } from './empty-section';
import { encoding } from './encoding';
import { examGrade } from './exam-grade';
import { figureTableReference } from './figure-table-reference';
import { frontMatter } from './front-matter';
import { lengthLimit } from './length-limit';
import { overstatedClaim } from './overstated-claim';
import { patientIdentifier } from './patient-identifier';
import { placeholder } from './placeholder';
import { referenceEntry } from './reference-entry';
import { requiredSection } from './required-section';
import { suppressionComment } from './suppression-comment';
import { unsupportedClaim } from './unsupported-claim';

/** The one registry of rules. Order is the order findings of equal position are listed in. */
export const RULES: readonly Rule[] = [requiredSection, emptySection, examGrade, emgTable, placeholder, unsupportedClaim, overstatedClaim, patientIdentifier, figureTableReference, citationReference, citationOrder, referenceEntry, frontMatter, abbreviation, lengthLimit, declarations, abstractConsistency, encoding, suppressionComment];

export function getRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
