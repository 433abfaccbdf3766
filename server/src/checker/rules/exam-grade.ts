import { plainSpanToSource } from '../model/text';
import type { Rule } from '../analysis/rule';
import type { Table, TableCell } from '../types';

/**
 * Examination grades that cannot exist: MRC muscle power is graded 0–5 (with - / + modifiers,
 * "4-", "4+", "5-"), deep tendon reflexes 0–4+ (NINDS scale). "6/5", "4/6", "power was 7",
 * "biceps reflex was 7+" are slips. Fractions are only read as grades when the sentence talks
 * about power or reflexes, so "120/80", "2/3 of patients" and dates are left alone.
 */

const POWER_CONTEXT =
  /\b(?:power|strength|MRC|weak(?:ness)?|paresis|motor|abduct(?:ion|ors?)|adduct(?:ion|ors?)|flex(?:ion|ors?)|extens(?:ion|ors?)|dorsiflex(?:ion|ors?)|plantarflex(?:ion|ors?)|plantar flex(?:ion|ors?)|eversion|inversion|grip|deltoids?|biceps|triceps|iliopsoas|quadriceps|hamstrings?|gluteus|tibialis|gastrocnemius|interossei|interosseous|abductor|extensor|flexor)\b/i;
const REFLEX_CONTEXT = /\b(?:reflex(?:es)?|jerks?|DTRs?|hyperreflexi[ac]|hyporeflexi[ac]|tendon)\b/i;
/** Words right before a bare grade that make it a power grade: "power was 7", "MRC grade 6". */
const POWER_LEAD =
  /\b(?:(?:power|strength|MRC(?:\s+grade)?|muscle\s+grade)\s*(?:was|were|is|are|of|at|graded|:|=)?|(?:power|strength)\s+(?:of|in)(?:\s+[a-z]+){1,4}\s+(?:was|were|is|are|graded))\s*(?:grade\s*)?$/i;
/** What may follow a bare grade ("power was 7 in the right arm"); a unit ("strength of 7 kg") may not. */
const GRADE_TAIL = /^(?:\s*$|\s*[,.;:()\]]|\s+(?:in|on|at|and|or|bilaterally|throughout|distally|proximally|with|out|of\s+5|symmetric\w*|brisk|left|right|to)\b)/i;

const HAS_DIGIT = /\d/;
/**
 * A minus sign written as a sign (" -1/5", "(−2"), not in a range ("3-4/5", "3/5 - 4/5") or a
 * hyphenated word ("grade-2").
 */
const SIGN_BEFORE = '(?<![\\p{N}+\\-\u2212/]\\s*)(?<!\\p{L})([-\u2212])\\s*';
const SIGN = `(?:${SIGN_BEFORE})?`;
const FRACTION = new RegExp(`(?<![\\d/]|\\d[.,])${SIGN}(\\d{1,2})\\s*([+-])?\\s*\\/\\s*(\\d{1,2})(?![\\d/]|[.,]\\d|\\s*mm\\s*Hg)`, 'gu');
const REFLEX_PLUS = new RegExp(`(?<![\\d/]|\\d[.,])${SIGN}(\\d{1,2})\\s*\\+(?!\\s*\\/|\\d)`, 'gu');
const BARE_NUMBER = new RegExp(`(?<![\\d/+]|\\d[.,])(?:${SIGN_BEFORE}|(?<![-\u2212]))(\\d{1,2})([+-])?(?!\\d|[.,]\\d|\\s*\\/)`, 'gu');

export interface GradeProblem {
  start: number;
  end: number;
  message: string;
  kind: 'power' | 'reflex';
}

function powerGradeProblem(value: number, modifier: string | undefined, raw: string, negative = false): string | undefined {
  if (negative) return `MRC power grade "${raw}" is negative: muscle power is graded 0–5.`;
  if (value > 5) return `MRC power grade "${raw}" is out of range: muscle power is graded 0–5 (4-, 4+ and 5- allowed).`;
  if (value === 5 && modifier === '+') return `MRC power grade "${raw}" does not exist: 5 is normal power, there is no 5+.`;
  if (value === 0 && modifier === '-') return `MRC power grade "${raw}" does not exist: 0 is no contraction.`;
  return undefined;
}

function reflexGradeProblem(value: number, raw: string, negative = false): string | undefined {
  if (negative) return `Reflex grade "${raw}" is negative: deep tendon reflexes are graded 0–4+.`;
  if (value > 4) return `Reflex grade "${raw}" is out of range: deep tendon reflexes are graded 0–4+.`;
  return undefined;
}

/** Grade problems in one sentence (plain text), offsets relative to the text. */
export function findGradeProblems(text: string): GradeProblem[] {
  const out: GradeProblem[] = [];
  // Every grade has a digit: most sentences have none and need no context test.
  if (!HAS_DIGIT.test(text)) return out;
  const power = POWER_CONTEXT.test(text);
  // Reflex grades are fractions ("5/4") or pluses ("5+"): without either, no need to look.
  const reflex = (text.includes('/') || text.includes('+')) && REFLEX_CONTEXT.test(text);
  if (!power && !reflex) return out;
  const taken = (s: number, e: number) => out.some((p) => s < p.end && p.start < e);

  FRACTION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FRACTION.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    const negative = !!m[1];
    const value = Number(m[2]);
    const modifier = m[3];
    const denominator = Number(m[4]);
    const raw = m[0].replace(/\s+/g, '');
    // Dates and ratios: "on 6/5", "6/5/2021", "2/3 of patients".
    const before = text.slice(Math.max(0, start - 12), start);
    const after = text.slice(end, end + 20);
    if (/\b(?:on|since|from|until|dated?)\s*$/i.test(before) || /^\s*(?:of|patients?|cases?|days?|weeks?|months?|years?)\b/i.test(after)) continue;
    const lead = text.slice(Math.max(0, start - 40), start);
    if (denominator === 5 && power) {
      const problem = powerGradeProblem(value, modifier, raw, negative);
      if (problem) out.push({ start, end, message: problem, kind: 'power' });
      continue;
    }
    if (denominator === 4 && reflex) {
      const problem = reflexGradeProblem(value, raw, negative);
      if (problem) out.push({ start, end, message: problem, kind: 'reflex' });
      continue;
    }
    // "power 4/6", "MRC 3/10": a grade with the wrong scale right after a power word.
    if (power && denominator !== 5 && denominator <= 10 && value <= 10 && POWER_LEAD.test(lead)) {
      out.push({ start, end, kind: 'power', message: `MRC power grade "${raw}" uses a wrong scale: MRC grades are out of 5 (0–5).` });
    }
  }

  if (reflex) {
    REFLEX_PLUS.lastIndex = 0;
    while ((m = REFLEX_PLUS.exec(text))) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      // "a 5+ cm tendon": a quantity, not a grade.
      if (!GRADE_TAIL.test(text.slice(end, end + 30))) continue;
      const problem = reflexGradeProblem(Number(m[2]), m[0].replace(/\s+/g, ''), !!m[1]);
      if (problem) out.push({ start, end, message: problem, kind: 'reflex' });
    }
  }

  if (power) {
    BARE_NUMBER.lastIndex = 0;
    while ((m = BARE_NUMBER.exec(text))) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      if (!POWER_LEAD.test(text.slice(Math.max(0, start - 40), start))) continue;
      if (!GRADE_TAIL.test(text.slice(end, end + 30))) continue;
      const problem = powerGradeProblem(Number(m[2]), m[3], m[0].replace(/\s+/g, ''), !!m[1]);
      if (problem) out.push({ start, end, message: problem, kind: 'power' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const GRADE_CELL = /^([-\u2212])?\s*\+?\s*(\d{1,2})\s*([+-])?\s*(?:\/\s*(\d{1,2}))?$/;
const SIDE_HEADER = /^(?:l|r|lt|rt|left|right|grade|score|value|result|mrc(?: grade)?|power|strength|reflex(?:es)?|reflex grade)\b/i;
const NON_GRADE_ROW = /\b(?:clonus|beats|plantar|babinski|hoffmann?|jaw|sensation|vibration|time)\b/i;

type TableKind = 'power' | 'reflex' | undefined;

function tableKind(table: Table): TableKind {
  const head = table.header.map((c) => c.text).join(' | ');
  const caption = table.caption?.plain ?? '';
  if (/\breflex(?:es)?\b|\bDTRs?\b|\bjerks?\b/i.test(head) || /\breflex(?:es)?\b|\bDTRs?\b/i.test(caption)) return 'reflex';
  if (/\b(?:power|strength|MRC|muscles?|muscle groups?|myotomes?|movements?)\b/i.test(head) || /\b(?:power|strength|MRC)\b/i.test(caption)) return 'power';
  return undefined;
}

/** Problems in grade tables: cells under L/R/Left/Right/grade headers of power or reflex tables. */
function tableProblems(table: Table): { cell: TableCell; message: string }[] {
  const kind = tableKind(table);
  if (!kind) return [];
  const out: { cell: TableCell; message: string }[] = [];
  const gradeColumns = table.header.map((c, i) => i > 0 && SIDE_HEADER.test(c.text.trim()));
  for (const row of table.rows) {
    const label = row[0]?.text ?? '';
    if (NON_GRADE_ROW.test(label)) continue;
    // A row may be a reflex row inside a combined table: "Biceps reflex".
    const rowKind: TableKind = /\breflex|jerk\b/i.test(label) ? 'reflex' : kind;
    row.forEach((cell, i) => {
      if (!gradeColumns[i]) return;
      const m = GRADE_CELL.exec(cell.text.trim());
      if (!m) return;
      const negative = !!m[1];
      const value = Number(m[2]);
      const modifier = m[3];
      const denominator = m[4] !== undefined ? Number(m[4]) : undefined;
      const raw = cell.text.trim().replace(/\s+/g, '');
      let message: string | undefined;
      if (rowKind === 'power') {
        if (denominator !== undefined && denominator !== 5) message = `MRC power grade "${raw}" uses a wrong scale: MRC grades are out of 5 (0–5).`;
        else message = powerGradeProblem(value, modifier, raw, negative);
      } else {
        if (denominator !== undefined && denominator !== 4) return;
        if (modifier === '-' && !negative) return;
        // The Mayo Clinic scale grades reflexes -4 to +4 (0 normal): a bare "-1" may be one of
        // its grades. "-2+" (NINDS notation) or "-2/4" is below any scale.
        if (negative && modifier !== '+' && denominator === undefined) return;
        message = reflexGradeProblem(value, raw, negative);
      }
      if (message) out.push({ cell, message });
    });
  }
  return out;
}

export const examGrade: Rule = {
  id: 'exam-grade',
  description: 'Examination grades are possible: MRC power 0–5 (with - / +), reflexes 0–4+.',
  howToFix: 'Use an MRC grade from 0 to 5 (with - or + modifiers, e.g. 4+/5) or a reflex grade from 0 to 4+.',
  defaultSeverity: 'warning',
  check(ctx) {
    const { doc } = ctx;
    // A paragraph's findings and a table's are a function of the block alone (ctx.block).
    // (One work for every paragraph, reading the paragraph ctx.block runs it for: a closure per
    // paragraph at every re-check was made for the few whose work runs.)
    let para = doc.paragraphs[0];
    const work = () => {
      for (const s of para.sentences) {
        for (const p of findGradeProblems(s.text)) {
          const { start, end } = plainSpanToSource(para, s.plainStart + p.start, s.plainStart + p.end);
          ctx.report({ start, end, message: p.message, data: { kind: p.kind } });
        }
      }
    };
    for (const p of doc.paragraphs) {
      if (p.kind === 'reference') continue;
      para = p;
      ctx.block(p, '', work);
    }
    for (const t of doc.tables) {
      ctx.block(t, '', () => {
        for (const { cell, message } of tableProblems(t)) {
          ctx.report({ start: cell.start, end: cell.end, message, data: { kind: 'table' } });
        }
      });
    }
  },
};
