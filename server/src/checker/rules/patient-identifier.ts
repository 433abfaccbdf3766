import { identifierOptions, manuscriptIdentifierSteps, STRUCTURED_KINDS, type DocumentIdentifier } from '../analysis/identifiers';
import type { Fix } from '../types';
import type { Rule } from '../analysis/rule';

/** Long identifiers are shortened in messages (a message is one line). */
function quote(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return `"${one.length > 60 ? `${one.slice(0, 57)}…` : one}"`;
}

const DATE_OF: Record<string, string> = {
  birth: 'Date of birth',
  admission: 'Date of admission',
  discharge: 'Date of discharge',
  death: 'Date of death',
};

function message(m: DocumentIdentifier): string {
  const q = quote(m.text);
  switch (m.kind) {
    case 'date':
      if (m.role === 'birth') return `Date of birth ${q} can identify the patient: give the age instead.`;
      if (m.role && DATE_OF[m.role]) return `${DATE_OF[m.role]} ${q} can identify the patient: give a relative time ("on day 3") or the year.`;
      return `Exact date ${q} can identify the patient: give a relative time ("on day 3") or the year.`;
    case 'age':
      return `Age ${q} over 89 can identify the patient: write "over 89".`;
    case 'phone':
      return `Telephone number ${q} identifies a person: remove it.`;
    case 'email':
      return `E-mail address ${q} identifies a person: remove it.`;
    case 'url':
      return `Web address ${q} can identify the patient: remove it, or cite it as a reference.`;
    case 'ip-address':
      return `IP address ${q} can identify the patient: remove it.`;
    case 'record-number':
      return `Record number ${q} identifies the patient: remove it.`;
    case 'national-id':
      return `Identity number ${q} identifies the patient: remove it.`;
    case 'serial-number':
      return `Serial or licence number ${q} can identify the patient: remove it, or name only the device type.`;
    case 'postal-code':
      return `Postal code ${q} can identify the patient: give the country or state instead.`;
    case 'street-address':
      return `Street address ${q} identifies the patient: remove it.`;
    case 'person':
      if (m.role === 'initials') return `Initials ${q} can identify the patient: write "the patient".`;
      if (m.role === 'clinician') return `Name ${q} can identify the patient: name the role ("the treating neurologist") instead.`;
      if (m.role === 'relative') return `Name ${q} of a relative can identify the patient: write the relationship only ("her daughter").`;
      return `Name ${q} can identify the patient: write "the patient" or a role instead.`;
    case 'institution':
      return `Institution ${q} can identify the patient: write "a tertiary hospital" or similar.`;
    case 'place':
      if (m.role === 'street') return `Street ${q} can identify the patient: remove it.`;
      return `Place ${q} can identify the patient: give the country or state instead.`;
  }
}

/** "a " before an age. */
const ARTICLE_BEFORE = /(?:^|[^\p{L}])([Aa])\s+$/u;

function fixes(m: DocumentIdentifier, text: string): Fix[] | undefined {
  switch (m.kind) {
    case 'age': {
      if (!m.number) return undefined;
      const hyphenated = /^\d+[\u2010\u2011-]/.test(text.slice(m.number.start, m.end));
      const edits = [{ start: m.number.start, end: m.number.end, newText: hyphenated ? 'over-89' : 'over 89' }];
      // "a 91-year-old" → "an over-89-year-old"
      const article = ARTICLE_BEFORE.exec(text.slice(Math.max(0, m.start - 3), m.start));
      if (article && m.number.start === m.start) {
        const at = m.start - article[0].length + article[0].indexOf(article[1]);
        edits.unshift({ start: at, end: at + 1, newText: article[1] === 'A' ? 'An' : 'an' });
      }
      return [{ title: 'Replace with "over 89"', kind: 'fix', edits, safe: true }];
    }
    case 'date':
      return [{ title: 'Replace the date with the placeholder [date]', kind: 'fix', edits: [{ start: m.start, end: m.end, newText: '[date]' }] }];
    case 'person': {
      const out: Fix[] = [];
      if (m.role !== 'clinician' && m.role !== 'relative') {
        out.push({ title: 'Replace the name with "the patient"', kind: 'fix', edits: [{ start: m.start, end: m.end, newText: startsSentence(text, m.start) ? 'The patient' : 'the patient' }] });
      }
      out.push({ title: 'Replace the name with the placeholder [name]', kind: 'fix', edits: [{ start: m.start, end: m.end, newText: '[name]' }] });
      return out;
    }
    default:
      return undefined;
  }
}

function startsSentence(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 4), at);
  return at === 0 || /(?:^|[.!?]\s+|\n\s*)$/.test(before);
}

/** Patient identifiers that must not reach a journal: dates, ages over 89, contacts, numbers, names, places. */
export const patientIdentifier: Rule = {
  id: 'patient-identifier',
  description: 'No patient identifiers: exact dates, ages over 89, contact details, record and identity numbers, names, institutions and places.',
  howToFix: 'Remove the identifier, or write it the way journals accept: a relative time or the year, "over 89", "the patient", "a tertiary hospital", the country.',
  defaultSeverity: 'warning',
  scope: 'identifiers',
  *check(ctx) {
    const { doc } = ctx;
    // A configured severity applies to every kind; by default structured identifiers are errors.
    const configured = ctx.config.rules?.['patient-identifier'] !== undefined;
    // In steps (a paragraph or a heading or cell each: steps.ts).
    for (const m of yield* manuscriptIdentifierSteps(doc, identifierOptions(ctx.config))) {
      const fx = fixes(m, doc.text);
      ctx.report({
        start: m.start,
        end: m.end,
        message: message(m),
        ...(!configured && STRUCTURED_KINDS.has(m.kind) ? { severity: 'error' as const } : {}),
        ...(fx ? { fixes: fx } : {}),
        data: { kind: m.kind, ...(m.role ? { role: m.role } : {}) },
      });
    }
  },
};
