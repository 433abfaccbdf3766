import { caseFacts, durationBucket, type AgeFact, type DurationFact, type FigureFact, type Sex } from '../analysis/case-facts';
import type { Rule } from '../analysis/rule';

/** An age the abstract gives the patient: "a 34-year-old man", "the 7-year-old", "our 62-year-old patient". */
const ARTICLE_BEFORE = /\b(?:an?|the|our|this)\s+$/i;

/**
 * The abstract agrees with the case presentation about the patient: age and sex, the duration of
 * the complaint, and the figures it quotes. Only contradictions are reported: the same kind of
 * fact with another value in the case presentation, and the abstract's value nowhere in it.
 */
export const abstractConsistency: Rule = {
  id: 'abstract-consistency',
  description: "The abstract agrees with the case presentation about the patient's age, sex, durations and figures.",
  howToFix: 'Check which value is right (the case presentation, the chart) and write the same in both places.',
  defaultSeverity: 'warning',
  scope: 'case-facts',
  check(ctx) {
    const { doc } = ctx;
    const { abstract, caseText } = caseFacts(doc, ctx.sections);
    const before = (f: { start: number }) => doc.text.slice(Math.max(0, f.start - 12), f.start);
    const say = (a: { start: number; end: number }, what: string, caseWhat: string, data: Record<string, unknown>) =>
      ctx.report({ start: a.start, end: a.end, message: `Abstract says ${what}, the case presentation says ${caseWhat}: make them agree.`, data });

    // Age and sex.
    if (abstract.ages.length && caseText.ages.length) {
      const stated = new Set<string>();
      const patientAge = new Map<string, AgeFact>();
      const sexesAt = new Map<string, Map<Sex, AgeFact>>();
      for (const c of caseText.ages) {
        const key = `${c.value}|${c.unit}`;
        stated.add(key);
        if (c.other) continue;
        if (!patientAge.has(c.unit) && ARTICLE_BEFORE.test(before(c))) patientAge.set(c.unit, c);
        if (c.sex) {
          const m = sexesAt.get(key) ?? new Map<Sex, AgeFact>();
          if (!m.has(c.sex)) m.set(c.sex, c);
          sexesAt.set(key, m);
        }
      }
      const done = new Set<string>();
      for (const a of abstract.ages) {
        if (a.other || !ARTICLE_BEFORE.test(before(a))) continue;
        const key = `${a.value}|${a.unit}${a.sex ?? ''}`;
        if (done.has(key)) continue;
        done.add(key);
        if (stated.has(`${a.value}|${a.unit}`)) {
          const sexes = sexesAt.get(`${a.value}|${a.unit}`);
          if (a.sex && sexes && !sexes.has(a.sex)) {
            const c = [...sexes.values()][0];
            say(a, `${a.text} ${a.noun}`, `${c.text} ${c.noun}`, { fact: 'sex', caseStart: c.start, caseEnd: c.end });
          }
          continue;
        }
        const c = patientAge.get(a.unit);
        if (c) say(a, a.text, c.text, { fact: 'age', caseStart: c.start, caseEnd: c.end });
      }
    }

    // Durations of the same complaint.
    if (abstract.durations.length && caseText.durations.length) {
      const buckets = new Map<string, Set<number>>();
      const first = new Map<string, DurationFact>();
      for (const c of caseText.durations) {
        if (!c.complaint) continue;
        if (!first.has(c.complaint)) first.set(c.complaint, c);
        const set = buckets.get(c.complaint) ?? new Set<number>();
        set.add(durationBucket(c));
        buckets.set(c.complaint, set);
      }
      const anywhere = new Set(caseText.anyDurations.map(durationBucket));
      const near = (set: Set<number>, b: number) => set.has(b) || set.has(b - 1) || set.has(b + 1);
      for (const a of abstract.durations) {
        const c = a.complaint ? first.get(a.complaint) : undefined;
        if (!c) continue;
        const b = durationBucket(a);
        if (near(buckets.get(a.complaint)!, b) || near(anywhere, b)) continue;
        say(a, a.text, c.text, { fact: 'duration', complaint: a.complaint, caseStart: c.start, caseEnd: c.end });
      }
    }

    // Figures: the same measurement with the same unit.
    if (abstract.figures.length && caseText.figures.length) {
      const first = new Map<string, FigureFact>();
      // The abstract's value written anywhere in the case presentation with the same unit agrees.
      const values = new Set<string>(caseText.anyFigures);
      for (const c of caseText.figures) if (!first.has(c.key)) first.set(c.key, c);
      for (const a of abstract.figures) {
        const c = first.get(a.key);
        if (!c || values.has(`${a.unit}|${a.value}`)) continue;
        say(a, `${a.label} ${a.text}`, c.text, { fact: 'figure', caseStart: c.start, caseEnd: c.end });
      }
    }
  },
};
