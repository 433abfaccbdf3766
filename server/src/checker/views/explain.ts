/**
 * What a writer is told about a rule or a finding: what was found and why, what the rule
 * checks, how to fix it, how to silence it in this format, and where the rule's page is.
 * Pure: a function of the findings (or a rule id) and the format. The editor's hover shows it;
 * a command-line `explain` can print the same.
 */
import { suppressionComment } from '../model';
import { getRule } from '../rules';
import type { Finding, Format, Severity } from '../types';

/** Where each rule's documentation lives (codeDescription.href, SARIF helpUri, hover). */
export const DOCS_BASE_URL = 'https://github.com/caselint/caselint/blob/main/docs/rules/';
export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

/** Why a finding was made, from what its rule put in `finding.data`. */
export interface FindingReason {
  category?: string;
  cue?: string;
  reason?: string;
  /** The decision in words, when the rule traced it (unsupported-claim): shown instead of the rest. */
  trace?: string;
}

/** How to silence a rule: a comment on the line above, or (plain text has no comments) the config. */
export type Silencing = { comment: string } | { configRules: string };

export interface Explanation {
  ruleId: string;
  /** The findings' severity; a rule explained without findings has its default severity. */
  severity?: Severity;
  /** What was found, one entry per finding (none for a rule explained on its own). */
  findings: { message: string; why?: FindingReason }[];
  /** The rule's description, for a rule in the registry. */
  whatItChecks?: string;
  howToFix: string;
  /** Titles of the quick fixes the findings carry, once each. */
  quickFixes: string[];
  silence: Silencing;
  docsUrl: string;
}

/**
 * The explanation of one rule's findings at one place (several missing sections at the title
 * share one), or of a rule by id.
 */
export function explain(findingsOrRuleId: readonly Finding[] | string, format: Format): Explanation {
  const findings = typeof findingsOrRuleId === 'string' ? [] : findingsOrRuleId;
  const ruleId = typeof findingsOrRuleId === 'string' ? findingsOrRuleId : findingsOrRuleId[0].ruleId;
  const rule = getRule(ruleId);
  const comment = suppressionComment(format, 'disable-next-line', ruleId);
  const severity = findings[0]?.severity ?? rule?.defaultSeverity;
  return {
    ruleId,
    ...(severity ? { severity } : {}),
    findings: findings.map((f) => {
      const why = reasonFromData(f.data);
      return why ? { message: f.message, why } : { message: f.message };
    }),
    ...(rule ? { whatItChecks: rule.description } : {}),
    howToFix: rule?.howToFix ?? 'See the rule page for how to fix it.',
    quickFixes: [...new Set(findings.flatMap((f) => (f.fixes ?? []).map((x) => x.title)))],
    silence: comment ? { comment } : { configRules: `"rules": { "${ruleId}": "off" }` },
    docsUrl: ruleDocsUrl(ruleId),
  };
}

const MAX_FIX_TITLES = 6;

/** The explanation as Markdown (the hover). */
export function explanationMarkdown(e: Explanation): string {
  const out: string[] = [];
  out.push(`**caselint** \`${e.ruleId}\`${e.severity ? ` (${e.severity})` : ''}`);
  if (e.findings.length === 1) {
    const [f] = e.findings;
    out.push(escapeMarkdown(f.message));
    const why = reasonMarkdown(f.why);
    if (why) out.push(`*Why:* ${why}`);
  } else if (e.findings.length > 1) {
    out.push(e.findings.map((f) => `- ${escapeMarkdown(f.message)}${f.why ? ` (${reasonMarkdown(f.why)})` : ''}`).join('\n'));
  }
  if (e.whatItChecks) out.push(`*What it checks:* ${escapeMarkdown(e.whatItChecks)}`);
  const shown = e.quickFixes.slice(0, MAX_FIX_TITLES).map((t) => `"${escapeMarkdown(t)}"`);
  const more = e.quickFixes.length > MAX_FIX_TITLES ? ', …' : '';
  out.push(`*How to fix:* ${e.howToFix}${shown.length ? ` Quick fix${shown.length > 1 ? 'es' : ''}: ${shown.join(', ')}${more}.` : ''}`);
  out.push(
    'comment' in e.silence
      ? `*To silence it:* \`${e.silence.comment}\` on the line above.`
      : `*To silence it:* plain text has no comments; turn the rule off in the config's \`rules\` (\`${e.silence.configRules}\` in \`.caselint.json\`).`,
  );
  out.push(`[Rule documentation: ${e.ruleId}](${e.docsUrl})`);
  return out.join('\n\n');
}

/**
 * The explanation as plain text for a terminal (`caselint explain FILE:LINE`): the same parts as
 * the hover, one per line, indented under the finding's message.
 */
export function explanationText(e: Explanation): string {
  const out: string[] = [];
  for (const f of e.findings) {
    out.push(`${e.severity ?? ''}  ${f.message}  ${e.ruleId}`.trim());
    const why = reasonText(f.why);
    if (why) out.push(`  why: ${why}`);
  }
  if (!e.findings.length) out.push(e.ruleId);
  if (e.whatItChecks) out.push(`  what it checks: ${e.whatItChecks}`);
  out.push(`  how to fix: ${e.howToFix.replace(/`/g, '')}${e.quickFixes.length ? ` (quick fix: ${e.quickFixes.map((t) => `"${t}"`).join(', ')})` : ''}`);
  out.push('comment' in e.silence ? `  to silence it: ${e.silence.comment} on the line above` : `  to silence it: ${e.silence.configRules} in .caselint.json (plain text has no comments)`);
  out.push(`  rule page: ${e.docsUrl}`);
  return `${out.join('\n')}\n`;
}

function reasonText(why: FindingReason | undefined): string {
  if (!why) return '';
  if (why.trace) return why.trace;
  return [why.category && `category ${why.category}`, why.cue && `cue "${why.cue}"`, why.reason].filter(Boolean).join(', ');
}

/** category, cue and reason from a finding's data, when the rule put them there. */
function reasonFromData(data: Record<string, unknown> | undefined): FindingReason | undefined {
  if (!data) return undefined;
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(', ') : '');
  const why: FindingReason = {};
  const category = str(data.category);
  if (category) why.category = category;
  const cue = str(data.cue ?? data.cues);
  if (cue) why.cue = cue;
  const reason = str(data.reason ?? data.why);
  if (reason) why.reason = reason;
  const trace = str(data.trace);
  if (trace) why.trace = trace;
  return Object.keys(why).length ? why : undefined;
}

/** "category **efficacy**, cue "increases"." */
function reasonMarkdown(why: FindingReason | undefined): string {
  if (!why) return '';
  if (why.trace) return /[.!?]$/.test(why.trace) ? escapeMarkdown(why.trace) : `${escapeMarkdown(why.trace)}.`;
  const bits: string[] = [];
  if (why.category) bits.push(`category **${escapeMarkdown(why.category)}**`);
  if (why.cue) bits.push(`cue "${escapeMarkdown(why.cue)}"`);
  if (why.reason) bits.push(escapeMarkdown(why.reason));
  if (!bits.length) return '';
  const joined = bits.join(', ');
  return /[.!?]$/.test(joined) ? joined : `${joined}.`;
}

/** Text shown literally in Markdown (messages, headings, labels). */
export function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
