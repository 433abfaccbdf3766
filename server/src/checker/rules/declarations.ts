import { declarationGroup, findDeclarations } from '../analysis/declarations';
import { statementInsertionFix } from '../analysis/section-insertion';
import { DECLARATIONS, type DeclarationKind } from '../profiles';
import type { Rule } from '../analysis/rule';

const KINDS = Object.keys(DECLARATIONS) as DeclarationKind[];

/**
 * The statements the profile requires (consent for publication, ethics, competing interests,
 * funding, author contributions, data availability, the patient's perspective) are there, under
 * a heading, a run-in label or as a sentence that makes them. It owns the profile items with a
 * `declares` role (consent, patient perspective): `required-section` leaves those to it.
 */
export const declarations: Rule = {
  id: 'declarations',
  description: 'The statements the profile requires (consent for publication, competing interests, funding, …) are present.',
  howToFix: 'Add the statement under its own heading (the quick fix inserts it before the references, or in the "Declarations" section), or write it as a sentence.',
  defaultSeverity: 'error',
  optionsSchema: {
    type: 'object',
    properties: {
      require: {
        type: 'array',
        items: { enum: KINDS },
        uniqueItems: true,
        description: `Statements to require besides the profile's: ${KINDS.join(', ')}.`,
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { doc } = ctx;
    const wanted = new Set<DeclarationKind>(ctx.profile.declarations?.required ?? []);
    // A required item that is a statement (a custom required "consent" section too).
    for (const item of ctx.sections.items) if (item.required && item.declares) wanted.add(item.declares);
    for (const k of (ctx.options.require as DeclarationKind[] | undefined) ?? []) wanted.add(k);
    if (!wanted.size) return;
    const kinds = KINDS.filter((k) => wanted.has(k));
    const found = findDeclarations(doc, kinds);
    const missing = kinds.filter((k) => !found.has(k));
    if (!missing.length) return;
    const anchor = doc.title ?? doc.headings[0] ?? firstLine(doc.text);
    const group = declarationGroup(doc);
    for (const kind of missing) {
      const def = DECLARATIONS[kind];
      ctx.report({
        start: anchor.start,
        end: anchor.end,
        message: `No ${def.label} (profile "${ctx.profile.id}"): add a section "${def.heading}".`,
        data: { declaration: kind, profile: ctx.profile.id },
        fixes: [statementInsertionFix(doc, ctx.sections, def.heading, def.text, group, ctx.sections.items.find((i) => i.declares === kind))],
      });
    }
  },
};

function firstLine(text: string): { start: number; end: number } {
  const m = /\S[^\r\n]*/.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : { start: 0, end: 0 };
}
