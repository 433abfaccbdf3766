import { analyseAbbreviationSteps, type AbbreviationDefinition, type AbbreviationScope, type AbbreviationUse } from '../analysis/abbreviations';
import { positionAt } from '../model/text';
import { WELL_KNOWN_ABBREVIATIONS } from '../profiles';
import type { Fix } from '../types';
import type { Rule } from '../analysis/rule';

const WHERE: Record<AbbreviationScope, string> = { abstract: 'the abstract', main: 'the main text' };

/**
 * Abbreviations are defined at their first use, in the abstract and in the main text separately
 * (an "Abbreviations" list defines them for the main text), once, and are used again.
 */
export const abbreviation: Rule = {
  id: 'abbreviation',
  description: 'Abbreviations are defined at first use, once, in the abstract and in the main text.',
  howToFix: 'Write the long form followed by the abbreviation in parentheses at its first use ("amyotrophic lateral sclerosis (ALS)"); the quick fix does so when the document defines it elsewhere.',
  defaultSeverity: 'warning',
  scope: 'abbreviations',
  optionsSchema: {
    type: 'object',
    properties: {
      known: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'More abbreviations that need no definition (besides DNA, HIV, CT, MRI, ECG, …).',
      },
    },
    additionalProperties: false,
  },
  *check(ctx) {
    const { doc } = ctx;
    const known = new Set<string>([...WELL_KNOWN_ABBREVIATIONS.terms, ...((ctx.options.known as string[] | undefined) ?? [])]);
    const { definitions, uses } = yield* analyseAbbreviationSteps(doc, ctx.sections);
    const line = (offset: number) => positionAt(doc.lineStarts, offset).line + 1;
    // The expansion known from anywhere in the document (first definition wins).
    const expansion = new Map<string, AbbreviationDefinition>();
    for (const d of definitions) if (!expansion.has(d.short)) expansion.set(d.short, d);

    for (const scope of ['abstract', 'main'] as const) {
      const defs = definitions.filter((d) => d.scope === scope);
      const inText = defs.filter((d) => !d.list);
      const listed = new Map(defs.filter((d) => d.list).map((d) => [d.short, d]));
      // Uses and definitions by short form, in document order (one pass each).
      const usesOf = new Map<string, AbbreviationUse[]>();
      for (const u of uses) if (u.scope === scope) push(usesOf, u.short, u);
      const defsOf = new Map<string, AbbreviationDefinition[]>();
      for (const d of inText) push(defsOf, d.short, d);
      const shorts = new Set([...usesOf.keys(), ...defsOf.keys()]);
      for (const short of shorts) {
        if (known.has(short)) continue;
        const own = defsOf.get(short) ?? [];
        const used = usesOf.get(short) ?? [];
        const first = own[0];
        const beforeDef = first ? used.filter((u) => u.start < first.start) : [];
        if (!first && !listed.has(short)) {
          // Never defined in this scope.
          const u = used[0];
          const exp = expansion.get(short);
          ctx.report({
            start: u.start,
            end: u.end,
            message: `"${short}" is not defined in ${WHERE[scope]}. Write it out at its first use${exp ? ` ("${exp.long} (${short})")` : ''}.`,
            data: { short, scope, kind: 'undefined' },
            fixes: exp ? [expandFix(short, exp.long, u.start, u.end)] : [],
          });
          continue;
        }
        if (first && beforeDef.length) {
          const u = beforeDef[0];
          // Expand at the first use, and leave the later definition as the abbreviation alone.
          const fix: Fix = {
            title: `Define "${short}" here`,
            kind: 'fix',
            edits: [
              { start: u.start, end: u.end, newText: `${first.long} (${short})` },
              { start: first.start, end: first.end, newText: short },
            ],
          };
          ctx.report({
            start: u.start,
            end: u.end,
            message: `"${short}" is used before its definition on line ${line(first.start)}. Define it at its first use.`,
            data: { short, scope, kind: 'before-definition' },
            fixes: [fix],
          });
        }
        for (const again of own.slice(1)) {
          const same = norm(again.long) === norm(first.long);
          ctx.report({
            start: again.start,
            end: again.end,
            message: same
              ? `"${short}" is already defined on line ${line(first.start)}. Use the abbreviation alone.`
              : `"${short}" is defined again with another expansion ("${first.long}" on line ${line(first.start)}). Use one expansion.`,
            data: { short, scope, kind: same ? 'defined-twice' : 'two-expansions' },
            fixes: same ? [{ title: `Use "${short}" alone`, kind: 'fix', edits: [{ start: again.start, end: again.end, newText: short }] }] : [],
          });
        }
        if (first && !listed.has(short) && !used.some((u) => u.start > first.end)) {
          ctx.report({
            start: first.start,
            end: first.end,
            severity: 'info',
            message: `"${short}" is defined but not used again in ${WHERE[scope]}. Write the long form alone.`,
            data: { short, scope, kind: 'unused' },
            fixes: [{ title: `Write "${first.long}" alone`, kind: 'fix', edits: [{ start: first.start, end: first.end, newText: first.long }] }],
          });
        }
      }
    }
  },
};

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[\s\-\u2010-\u2014]+/g, ' ').trim();
}

function expandFix(short: string, long: string, start: number, end: number): Fix {
  return { title: `Write "${long} (${short})"`, kind: 'fix', edits: [{ start, end, newText: `${long} (${short})` }] };
}
