/**
 * The syntax of suppression comments, for reading and for writing them: the directive inside
 * a comment (`caselint-disable-next-line rule-a, rule-b`) and the comment around it in each
 * format (`<!-- … -->` in Markdown, `% …` in LaTeX; plain text has no comments, so nothing can
 * be silenced there but through the config's `rules`).
 */
import { SUPPRESSION_KINDS, type Format, type SuppressionKind } from '../types';

const DIRECTIVE_RE = new RegExp(String.raw`^caselint-(${SUPPRESSION_KINDS.join('|')})(?![\w-])\s*([\s\S]*)$`);

/** A reason after the rule ids, as in ESLint: two or more dashes between spaces ("… -- reviewer agreed"). */
const REASON_RE = /(?:^|\s)-{2,}(?:\s|$)/;

/**
 * The directive a comment's inner text holds (rule ids split on spaces and commas, up to a
 * reason after " -- "), or undefined.
 */
export function parseSuppressionDirective(commentText: string): { kind: SuppressionKind; ruleIds: string[]; reason?: string } | undefined {
  const m = DIRECTIVE_RE.exec(commentText);
  if (!m) return undefined;
  const reasonAt = m[2].search(REASON_RE);
  const ids = reasonAt < 0 ? m[2] : m[2].slice(0, reasonAt);
  const reason = reasonAt < 0 ? '' : m[2].slice(reasonAt).replace(/^\s*-+\s*/, '').trim();
  return { kind: m[1] as SuppressionKind, ruleIds: ids.split(/[\s,]+/).filter(Boolean), ...(reason ? { reason } : {}) };
}

/** The text a suppression comment has in a format, or undefined when the format has none. */
export function suppressionComment(format: Format, kind: SuppressionKind, ruleId: string): string | undefined {
  const body = `caselint-${kind} ${ruleId}`;
  if (format === 'markdown') return `<!-- ${body} -->`;
  if (format === 'latex') return `% ${body}`;
  return undefined;
}
