import { generalises } from '../analysis/claims/classify';
import { alternativeFor, findOverstatements, QUICK } from '../analysis/claims/overstatements';
import { memoised } from '../model/memo';
import { plainSpanToSource } from '../model/text';
import type { Rule } from '../analysis/rule';
import { PARAGRAPHS_PER_STEP } from '../steps';

/**
 * Certainty a case report cannot carry ("proves", "always", "the first case ever",
 * "pathognomonic"), with a hedged alternative and a quick fix. Checked everywhere prose is,
 * the abstract included (overstatement there is worse, not better); not in captions or the
 * reference list.
 */
export const overstatedClaim: Rule = {
  id: 'overstated-claim',
  description: 'No certainty a single case cannot carry ("proves", "always", "the first case ever").',
  howToFix: 'Hedge the wording ("suggests", "may", "was associated with"), or support it with stronger evidence.',
  defaultSeverity: 'warning',
  *check(ctx) {
    // A paragraph's findings are a function of the paragraph alone (ctx.block). (One work for
    // every paragraph, reading the one ctx.block runs it for: not a closure per paragraph.)
    let para = ctx.doc.paragraphs[0];
    const work = () => {
      if (!QUICK.test(para.plain)) return;
      for (const sentence of para.sentences) {
        const hits = memoised(ctx.doc.memo, 'overstatements', sentence.text, () => findOverstatements(sentence.text, () => generalises(sentence.text)));
        for (const h of hits) {
          const { start, end } = plainSpanToSource(para, sentence.plainStart + h.start, sentence.plainStart + h.end);
          const alt = keepCase(h.text, alternativeFor(h.overstatement, h.text));
          ctx.report({
            start,
            end,
            message: `Overstated: "${h.text}" claims more certainty than a case report can carry. Hedge it, e.g. "${alt}".`,
            fixes: [{ title: `Replace with "${alt}"`, kind: 'fix', edits: [{ start, end, newText: alt }], safe: false }],
            data: { phrase: h.overstatement.name, alternative: alt },
          });
        }
      }
    };
    let walked = 0;
    for (const p of ctx.doc.paragraphs) {
      if (++walked % PARAGRAPHS_PER_STEP === 0) yield; // a step per few paragraphs (steps.ts)
      if (p.kind === 'reference' || p.kind === 'caption') continue;
      const item = ctx.itemAt(p.section);
      if (item && (item.referenceList || item.declaration)) continue;
      para = p;
      ctx.block(p, '', work);
    }
  },
};

function keepCase(original: string, replacement: string): string {
  return /^\p{Lu}/u.test(original) ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
}
