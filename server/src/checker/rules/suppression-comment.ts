import { distance } from 'fastest-levenshtein';
import type { Rule } from '../analysis/rule';
import { SUPPRESSION_KINDS } from '../types';

/**
 * A suppression comment that does nothing because it is misspelt: an unknown directive
 * (`caselint-disable-nextline`) or an unknown rule id (`unsuported-claim`). Without this rule the
 * finding it was meant to silence stays, and the writer does not know why.
 */
const DIRECTIVES = SUPPRESSION_KINDS.map((kind) => `caselint-${kind}`);
/** Any case: "CASELINT-DISABLE" silences nothing (directives are lower case), so it is reported. */
const DIRECTIVE_RE = /^caselint-[\w-]*/i;

export const suppressionComment: Rule = {
  id: 'suppression-comment',
  description: 'Suppression comments name a known directive and known rule ids.',
  howToFix: 'Correct the spelling: directives are caselint-disable-next-line, caselint-disable-line, caselint-disable and caselint-enable, followed by rule ids such as unsupported-claim.',
  defaultSeverity: 'warning',
  check(ctx) {
    const { doc } = ctx;
    // A comment the model read as a suppression names a known directive.
    const known = new Set(doc.suppressions.map((s) => s.start));
    for (const c of doc.comments) {
      const directive = DIRECTIVE_RE.exec(c.text);
      if (!directive || known.has(c.start)) continue;
      const at = doc.text.indexOf(directive[0], c.start);
      if (at < 0 || at >= c.end) continue;
      const closest = nearest(directive[0].toLowerCase(), DIRECTIVES);
      const caseOnly = closest === directive[0].toLowerCase();
      ctx.report({
        start: at,
        end: at + directive[0].length,
        message: caseOnly
          ? `Directive "${directive[0]}" is not lower case: it silences nothing. Write "${closest}".`
          : `Unknown caselint directive "${directive[0]}": it silences nothing.${closest ? ` Did you mean "${closest}"?` : ''} Directives: ${DIRECTIVES.join(', ')}.`,
        ...(closest ? { fixes: [{ title: `Replace with "${closest}"`, kind: 'fix', edits: [{ start: at, end: at + directive[0].length, newText: closest }], safe: true }] } : {}),
        data: { directive: directive[0] },
      });
    }
    for (const s of doc.suppressions) {
      // Rule ids follow the directive (not the "--" of "<!--"); a reason after " -- " is not searched.
      const directiveAt = doc.text.indexOf(`caselint-${s.kind}`, s.start);
      let from = directiveAt >= 0 && directiveAt < s.end ? directiveAt + `caselint-${s.kind}`.length : s.start;
      for (const id of s.ruleIds) {
        const at = doc.text.indexOf(id, from);
        if (at < 0 || at >= s.end) continue;
        from = at + id.length;
        if (ctx.ruleIds.includes(id)) continue;
        const closest = nearest(id, ctx.ruleIds);
        ctx.report({
          start: at,
          end: at + id.length,
          message: `Unknown rule id "${id}" in a suppression comment: it silences nothing.${closest ? ` Did you mean "${closest}"?` : ''}`,
          ...(closest ? { fixes: [{ title: `Replace with "${closest}"`, kind: 'fix', edits: [{ start: at, end: at + id.length, newText: closest }], safe: true }] } : {}),
          data: { ruleId: id, ...(closest ? { suggestion: closest } : {}) },
        });
      }
    }
  },
};

/** The candidate within a small edit distance (a typo), or undefined. */
function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 4)) + 1;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
