/**
 * Facts a case report states about its patient, as the abstract and the case presentation write
 * them: the age and sex ("a 34-year-old man", "aged forty-three"), the duration of a complaint
 * ("a 3-week history of headache", "fever for the past three weeks") and measured figures
 * ("CA-125 of 450 U/mL"). What `abstract-consistency` compares. Pure, one pass per sentence with
 * bounded patterns (linear time).
 */
import { memoised } from '../model/memo';
import { plainSpanToSource, plainToSourceStart } from '../model/text';
import type { DocumentModel, Memo, Paragraph, Span } from '../types';
import type { SectionAnalysis } from './sections';

export type TimeUnit = 'hour' | 'day' | 'week' | 'month' | 'year';
export type Sex = 'male' | 'female';

interface FactBase extends Span {
  /** The words as written ("34-year-old", "three months"). */
  text: string;
}

export interface AgeFact extends FactBase {
  value: number;
  unit: TimeUnit;
  /** The noun that follows ("man", "girl"), when it says the sex. */
  sex?: Sex;
  noun?: string;
  /** The age of a relative ("her 70-year-old mother"), or a past age ("at the age of 30"). */
  other?: boolean;
}

export interface DurationFact extends FactBase {
  value: number;
  unit: TimeUnit;
  /** The complaint's content words, sorted and joined ("abdominal pain"); '' when none. */
  complaint: string;
}

export interface FigureFact extends FactBase {
  value: number;
  /** What was measured and its unit, normalised ("ca-125|u/ml"). */
  key: string;
  label: string;
  unit: string;
}

export interface CaseFacts {
  ages: AgeFact[];
  durations: DurationFact[];
  /** Every "number + time unit" written (any duration): a value the text states at all. */
  anyDurations: { value: number; unit: TimeUnit }[];
  figures: FigureFact[];
  /** Every "number + unit of a figure" written, as `unit|value` ("mg/dl|1.2"): a value the text states at all. */
  anyFigures: string[];
}

// ---------------------------------------------------------------------------
// Numbers, written as digits or words
// ---------------------------------------------------------------------------

const UNITS_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS_WORDS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const NUM = `(?:\\d+(?:\\.\\d+)?|(?:${TENS_WORDS.slice(2).join('|')})(?:[\\s-](?:${UNITS_WORDS.slice(1, 10).join('|')}))?|${UNITS_WORDS.join('|')})`;

/** "43", "forty-three", "forty three", "seven" → a number; undefined otherwise. */
export function parseNumber(text: string): number | undefined {
  const t = text.toLowerCase().trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  if (t === 'a' || t === 'an') return 1;
  const [tens, ones] = t.split(/[\s-]+/);
  const u = UNITS_WORDS.indexOf(tens);
  if (u >= 0 && ones === undefined) return u;
  const ti = TENS_WORDS.indexOf(tens);
  if (ti < 2) return undefined;
  if (ones === undefined) return ti * 10;
  const oi = UNITS_WORDS.indexOf(ones);
  return oi >= 1 && oi <= 9 ? ti * 10 + oi : undefined;
}

const UNIT = '(hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?)';
function unitOf(text: string): TimeUnit {
  const t = text.toLowerCase();
  if (t.startsWith('h')) return 'hour';
  if (t.startsWith('d')) return 'day';
  if (t.startsWith('w')) return 'week';
  if (t.startsWith('m')) return 'month';
  return 'year';
}
const DAYS: Record<TimeUnit, number> = { hour: 1 / 24, day: 1, week: 7, month: 30.44, year: 365.25 };

/** Two durations agree when within about 10 % of each other (4 weeks and a month do; 3 weeks and a month do not). */
export function sameDuration(a: { value: number; unit: TimeUnit }, b: { value: number; unit: TimeUnit }): boolean {
  if (a.unit === b.unit) return a.value === b.value;
  const x = a.value * DAYS[a.unit];
  const y = b.value * DAYS[b.unit];
  return Math.max(x, y) <= 1.1 * Math.min(x, y);
}

/** Buckets of 10 % in log scale: durations that may agree fall in the same or a neighbouring bucket. */
export function durationBucket(d: { value: number; unit: TimeUnit }): number {
  return Math.round(Math.log(Math.max(d.value * DAYS[d.unit], 1e-3)) / Math.log(1.1));
}

// ---------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------

const SEP = '(?:[\\s\\u00a0]*[-\\u2010\\u2011][\\s\\u00a0]*|[\\s\\u00a0]+)';
const MALE = ['man', 'male', 'gentleman', 'boy', 'guy'];
const FEMALE = ['woman', 'female', 'lady', 'girl'];
const NEUTRAL = ['patient', 'child', 'infant', 'person', 'individual', 'adolescent', 'teenager', 'baby', 'neonate', 'toddler', 'subject', 'adult'];
const RELATIVES = ['mother', 'father', 'sister', 'brother', 'son', 'daughter', 'wife', 'husband', 'sibling', 'twin', 'grandmother', 'grandfather', 'aunt', 'uncle', 'cousin', 'partner', 'friend', 'neighbour', 'neighbor'];
const NOUNS = [...MALE, ...FEMALE, ...NEUTRAL, ...RELATIVES];

/** "34-year-old", "34 year old", "34 years old", then up to five words before the noun. */
const AGE_RE = new RegExp(
  `\\b(${NUM})${SEP}${UNIT}(?:${SEP}|['\\u2019]?s?[\\s\\u00a0]+)old\\b((?:[\\s,]+[\\p{L}][\\p{L}'\\u2019-]*){0,5}?[\\s,]+(${NOUNS.join('|')})s?\\b)?`,
  'giu',
);
/** "aged 34", "aged 34 years", "34 years of age", "at the age of 34". */
const AGED_RE = new RegExp(`\\b(?:(at\\s+the\\s+age\\s+of|aged)\\s+(${NUM})(?:\\s+${UNIT})?|(${NUM})\\s+${UNIT}\\s+of\\s+age)\\b`, 'giu');
/** Words between the age and its noun that mean the noun is someone else's. */
const NOT_SAME_PERSON = /\b(?:with|and|who|whose|was|were|had|has|presented|of|in|her|his|their|to|from|by)\b/i;
const POSSESSIVE_BEFORE = /\b(?:her|his|their|the\s+patient['\u2019]s|whose)\s+$/i;

/** "a 3-week history of X", "three months' history of X", "a 3-week duration of X". */
const HISTORY_RE = new RegExp(`\\b(${NUM}|an?)${SEP}${UNIT}['\\u2019]?${SEP}(?:history|duration)\\s+of\\s+([^.,;:()\\[\\]]{1,80})`, 'giu');
/** "history of fever for (the past) three weeks", "vomiting for a duration of one day". */
const HISTORY_FOR_RE = new RegExp(`\\bhistory\\s+of\\s+([^.,;:()\\[\\]]{1,80}?)\\s+(?:for|of|over)\\s+(?:the\\s+(?:past|last|previous)\\s+|about\\s+|approximately\\s+)?(${NUM}|an?)\\s+${UNIT}\\b`, 'giu');
const DURATION_OF_RE = new RegExp(`\\b([\\p{L}][\\p{L}\\s'-]{0,60}?)\\s+for\\s+a\\s+(?:duration|period)\\s+of\\s+(${NUM}|an?)\\s+${UNIT}\\b`, 'giu');
/**
 * "fever for three weeks", "a cough for the past 2 months", "prednisolone for a week": the
 * complaint is the last phrase before "for" ("he had had a headache": headache).
 */
const FOR_RE = new RegExp(`\\b([\\p{L}][\\p{L}\\s'-]{0,60}?)\\s+for\\s+(?:the\\s+(?:past|last|previous|preceding)\\s+|about\\s+|approximately\\s+|around\\s+|nearly\\s+|almost\\s+)?(${NUM}|an?)\\s+${UNIT}\\b`, 'giu');
/** Where the phrase before "for" starts another one: its last part is the complaint. */
const FOR_SPLIT = /,|\b(?:and|or|with|of|had|has|have|having|been|was|were|is|are|presented|reported|complained|noticed|developed|experienced|from|to|on|in|by|after|since|then|who|which|that)\b/i;
/** Any "number + time unit". */
const ANY_DURATION_RE = new RegExp(`\\b(${NUM}|an?)${SEP}${UNIT}\\b`, 'giu');

/** A complaint stops at the first word that starts another clause or a place. */
const COMPLAINT_END = /\s(?:and|with|in|on|at|for|since|which|that|after|before|associated|who|but|accompanied|followed|without|while|when|prior|over|during|from|to|was|were|is|are|had|has|as)\b/i;
const MODIFIERS = new Set([
  'a', 'an', 'the', 'of', 'his', 'her', 'their', 'progressive', 'progressively', 'worsening', 'increasing', 'gradual', 'gradually', 'intermittent',
  'recurrent', 'recurring', 'severe', 'mild', 'moderate', 'acute', 'chronic', 'sudden', 'new', 'persistent', 'episodic', 'constant',
  'occasional', 'frequent', 'generalised', 'generalized', 'diffuse', 'vague', 'non', 'specific', 'symptoms', 'symptom', 'complaints',
]);

function complaintKey(raw: string): string {
  const cut = raw.search(COMPLAINT_END);
  const words = (cut >= 0 ? raw.slice(0, cut) : raw).toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 2 && !MODIFIERS.has(w));
  return [...new Set(words.map((w) => w.replace(/(?<=[^s])s$/, '')))].sort().join(' ');
}

/** "CA-125 of 450 U/mL", "haemoglobin was 7.2 g/dL", "ferritin: 900 ng/mL". */
const FIGURE_UNIT = '(mg\\/dl|mg\\/l|g\\/dl|g\\/l|mmol\\/l|\\u00b5mol\\/l|umol\\/l|nmol\\/l|pmol\\/l|u\\/l|iu\\/l|u\\/ml|iu\\/ml|ku\\/l|ng\\/ml|pg\\/ml|\\u00b5g\\/l|mmhg|bpm|kg|cm|mm|%|\\u00b0c|\\/mm3|\\/\\u00b5l)(?![\\p{L}\\d])';
/** What was measured, just before its value: "CA-125 of", "haemoglobin was", "ferritin:". */
const FIGURE_LABEL_RE = /\b([A-Za-z][A-Za-z0-9-]{1,20})(?:\s+(?:levels?|concentrations?|counts?|values?|titres?|titers?))?\s*(?:of|was|were|is|:|=|at|measuring|measured|reached|rose\s+to|fell\s+to)\s*$/;
/** Any "number + unit of a figure". */
const ANY_FIGURE_RE = new RegExp('(?<![\\d.,])(\\d+(?:[.,]\\d+)?)\\s*' + FIGURE_UNIT, 'giu');
const unitKey = (u: string) => u.toLowerCase().replace('umol', '\u00b5mol');
const GENERIC_LABELS = new Set([
  'a', 'an', 'the', 'of', 'was', 'were', 'is', 'and', 'to', 'with', 'her', 'his', 'their', 'its', 'this', 'that', 'which', 'level', 'levels',
  'value', 'values', 'count', 'total', 'serum', 'plasma', 'blood', 'urine', 'mean', 'median', 'range', 'maximum', 'minimum', 'peak', 'normal',
  'increase', 'decrease', 'reduction', 'rise', 'fall', 'weight', 'height', 'size', 'diameter', 'length', 'width', 'mass', 'lesion', 'tumour',
  'tumor', 'dose', 'doses', 'dosage', 'rate', 'ratio', 'about', 'approximately', 'around', 'nearly', 'almost', 'only', 'then', 'later',
  'initially', 'finally', 'subsequently', 'admission', 'discharge', 'baseline', 'time', 'up', 'down', 'over', 'under', 'above', 'below',
]);

/**
 * What was measured, farther from its value in the same clause: "CA-125 was elevated at
 * 450 U/mL", "a raised CRP (85 mg/L)", "Hb 7.2 g/dL", "a temperature that peaked at 39.5 \u00b0C",
 * "85 mg/L of CRP". Only a name that is clearly a measurement's counts: an abbreviation-like
 * token ("CRP", "HbA1c", "eGFR", "CA-125") or one of the common names below.
 */
const MEASURED = new Set([
  'haemoglobin', 'hemoglobin', 'hb', 'hgb', 'sodium', 'potassium', 'chloride', 'bicarbonate', 'calcium', 'magnesium', 'phosphate', 'phosphorus',
  'creatinine', 'urea', 'glucose', 'albumin', 'bilirubin', 'ferritin', 'lactate', 'troponin', 'temperature', 'platelets', 'leukocytes',
  'leucocytes', 'lymphocytes', 'neutrophils', 'eosinophils', 'protein', 'proteinuria', 'cholesterol', 'triglycerides', 'amylase', 'lipase',
  'fibrinogen', 'procalcitonin', 'iron', 'transferrin', 'cortisol', 'prolactin', 'testosterone', 'oestradiol', 'estradiol', 'insulin',
  'ammonia', 'urate', 'haematocrit', 'hematocrit', 'saturation', 'pressure', 'pulse',
]);
/** Words between a measurement's name and its value: "was markedly elevated at", "that peaked at". */
const LINKING = new Set([
  'was', 'were', 'is', 'are', 'of', 'at', 'to', 'had', 'has', 'level', 'levels', 'concentration', 'concentrations', 'count', 'counts', 'value',
  'values', 'titre', 'titer', 'serum', 'plasma', 'blood', 'elevated', 'raised', 'increased', 'high', 'low', 'decreased', 'reduced', 'markedly',
  'mildly', 'slightly', 'significantly', 'moderately', 'severely', 'very', 'rose', 'fell', 'peaked', 'measured', 'measuring', 'reached', 'that',
  'which', 'a', 'an', 'the', 'her', 'his', 'their', 'its', 'showed', 'revealed', 'total', 'initial', 'initially',
]);
/** A bound or a reference range near the value: not a value of this patient's to compare. */
const NOT_A_VALUE = /\b(?:over|above|below|under|exceed(?:ing|ed|s)?|than|up\s+to|least|most|normal|reference|range|cut[\s-]?off|limit|uln|between|from)\b|[<>\u2264\u2265]/i;
/** Where a clause ends, for the search of a name farther from the value. */
const CLAUSE_END = /[;,()\[\]]|\s(?:and|but|or|while|whereas|after|before|then|compared)\s/i;
const CLAUSE_END_G = new RegExp(CLAUSE_END.source, 'gi');

function measuredName(word: string): boolean {
  if (GENERIC_LABELS.has(word.toLowerCase())) return false;
  if (MEASURED.has(word.toLowerCase())) return true;
  // An abbreviation-like token: two capitals ("CRP", "HbA1c", "eGFR"), or letters and digits ("CA-125").
  return /^[A-Za-z][A-Za-z0-9-]{1,15}$/.test(word) && (/[A-Z].*[A-Z]/.test(word) || (/[A-Z]/.test(word) && /\d/.test(word)));
}

/**
 * The name of what was measured in the words around a value that has none just before it:
 * before it (past linking words, to the clause's start), or right after it ("of CRP"). Returns
 * the name and where it is in `t`, or undefined.
 */
function nameAround(t: string, start: number, end: number, from: number, to: number, percent: boolean): { label: string; at: number } | undefined {
  // The value itself is not part of a ratio or a range ("180/95", "10-20", "10 to 20").
  if (/[/\-\u2010-\u2014~]\s*$|\bto\s+$|\band\s+$/i.test(t.slice(Math.max(from, start - 5), start))) return undefined;
  if (/^\s*(?:[/\-\u2010-\u2014]|to\s+\d|and\s+\d)/i.test(t.slice(end, end + 6))) return undefined;
  // The clause: from the last clause end before the value (an opening parenthesis right before
  // the value is the value's own: "a raised CRP (85 mg/L)").
  let before = t.slice(from, start).replace(/\(\s*$/, '');
  let offset = from;
  let cut = -1;
  for (const c of before.matchAll(CLAUSE_END_G)) cut = c.index + c[0].length;
  if (cut >= 0) {
    offset += cut;
    before = before.slice(cut);
  }
  let after = t.slice(end, to);
  const stop = after.search(CLAUSE_END);
  if (stop >= 0) after = after.slice(0, stop);
  if (NOT_A_VALUE.test(before) || NOT_A_VALUE.test(after)) return undefined;
  // Before: the first word that is not a linking word, at most six words back.
  const words = [...before.matchAll(/[A-Za-z][A-Za-z0-9-]*/g)];
  for (let i = words.length - 1, n = 0; i >= 0 && n < 6; i--, n++) {
    const w = words[i][0];
    if (LINKING.has(w.toLowerCase())) continue;
    if (measuredName(w)) return { label: w, at: offset + words[i].index! };
    break;
  }
  // After: "85 mg/L of CRP", "7.2 g/dL haemoglobin" (not a share: "30% of GISTs").
  const m = percent ? null : /^\s+(?:of\s+)?(?:serum\s+|plasma\s+)?([A-Za-z][A-Za-z0-9-]*)/.exec(after);
  if (m && measuredName(m[1])) return { label: m[1], at: end + m[0].length - m[1].length };
  return undefined;
}

// ---------------------------------------------------------------------------
// Extraction
// ---------------------------------------------------------------------------

function sexOf(noun: string | undefined): Sex | undefined {
  if (!noun) return undefined;
  const n = noun.toLowerCase().replace(/s$/, '');
  if (MALE.includes(n)) return 'male';
  if (FEMALE.includes(n) || n === 'women') return 'female';
  return undefined;
}

/** Which kinds of fact to collect (the case presentation's only those the abstract states). */
interface Wanted {
  ages: boolean;
  durations: boolean;
  figures: boolean;
  /** Also every duration and figure written at all (`anyDurations`, `anyFigures`). */
  guards: boolean;
}

const TIME_WORD = /\b(?:hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?)\b/i;

/** An offset pair in a sentence's text: a fact's place, before it is mapped to the source. */
interface At {
  /** Start and end in the sentence's text. */
  s: number;
  e: number;
}
/**
 * A sentence's facts, with offsets in the sentence's text: a function of the text and `want`
 * alone, so that a re-check takes the facts of a paragraph it saw before from the memo
 * (paragraphFacts) and only maps the offsets through the paragraph (which may have moved, or its
 * markup changed).
 */
interface SentenceFacts {
  ages: (At & Omit<AgeFact, 'start' | 'end'>)[];
  /**
   * With the pattern that found each: a "… for three weeks" match (`for`) is dropped where a
   * "history of" match (`history`) took the same number.
   */
  durations: (At & Omit<DurationFact, 'start' | 'end'> & { pattern: 'history' | 'for' | 'other' })[];
  anyDurations: { value: number; unit: TimeUnit }[];
  figures: (At & Omit<FigureFact, 'start' | 'end'>)[];
  anyFigures: string[];
}

const EVERYTHING: Wanted = { ages: true, durations: true, figures: true, guards: true };

/** What most sentences state (kept by the memo once, not once a sentence). */
const NO_FACTS: SentenceFacts = Object.freeze({ ages: [], durations: [], anyDurations: [], figures: [], anyFigures: [] }) as unknown as SentenceFacts;

function sentenceFacts(t: string, want: Wanted): SentenceFacts {
  const facts: SentenceFacts = { ages: [], durations: [], anyDurations: [], figures: [], anyFigures: [] };
  // Cheap gates first: most sentences hold no time word, no "old", no "history", no unit.
  if (TIME_WORD.test(t)) {
    if (want.ages && /old\b/i.test(t)) {
      for (const m of t.matchAll(AGE_RE)) {
        const value = parseNumber(m[1]);
        if (value === undefined) continue;
        const between = m[3] ?? '';
        const noun = m[4] && !NOT_SAME_PERSON.test(between.slice(0, between.length - m[4].length - 1)) ? m[4].toLowerCase() : undefined;
        const relative = noun !== undefined && RELATIVES.some((r) => noun.startsWith(r));
        const possessive = POSSESSIVE_BEFORE.test(t.slice(Math.max(0, m.index - 20), m.index));
        const end = m.index + m[0].length - between.length;
        facts.ages.push({
          s: m.index, e: end, text: t.slice(m.index, end),
          value, unit: unitOf(m[2]), ...(noun && !relative ? { noun, sex: sexOf(noun) } : {}), ...(relative || possessive ? { other: true } : {}),
        });
      }
    }
    if (want.durations) {
      if (/\b(?:history|duration)\b/i.test(t)) {
        for (const m of t.matchAll(HISTORY_RE)) push(facts.durations, 'history', m.index, m.index + m[0].length - m[3].length, m[1], m[2], m[3], t);
        for (const m of t.matchAll(HISTORY_FOR_RE)) {
          const at = m.index + m[0].length - (m[2].length + 1 + m[3].length);
          push(facts.durations, 'history', at, m.index + m[0].length, m[2], m[3], m[1], t);
        }
      }
      if (/\bfor\b/i.test(t)) {
        for (const m of t.matchAll(FOR_RE)) {
          const at = m.index + m[0].length - (m[2].length + 1 + m[3].length);
          push(facts.durations, 'for', at, m.index + m[0].length, m[2], m[3], m[1].split(FOR_SPLIT).pop() ?? '', t);
        }
      }
      if (/\b(?:duration|period)\s+of\b/i.test(t)) {
        for (const m of t.matchAll(DURATION_OF_RE)) {
          const at = m.index + m[0].length - (m[2].length + 1 + m[3].length);
          // The complaint is the last of the words before ("pain and vomiting for a duration of one day": vomiting).
          push(facts.durations, 'other', at, m.index + m[0].length, m[2], m[3], m[1].split(/\s*,\s*|\s+(?:and|or|with|of|had|has|have|presented)\s+/i).pop() ?? '', t);
        }
      }
      if (want.guards) {
        for (const m of t.matchAll(ANY_DURATION_RE)) {
          const value = parseNumber(m[1]);
          if (value !== undefined) facts.anyDurations.push({ value, unit: unitOf(m[2]) });
        }
      }
    }
  }
  if (want.ages && /\baged?\b/i.test(t)) {
    for (const m of t.matchAll(AGED_RE)) {
      const value = parseNumber(m[2] ?? m[4]);
      if (value === undefined) continue;
      const unitText = m[3] ?? m[5];
      facts.ages.push({
        s: m.index, e: m.index + m[0].length, text: m[0],
        value, unit: unitText ? unitOf(unitText) : 'year', ...(m[1] && /^at/i.test(m[1]) ? { other: true } : {}),
      });
    }
  }
  if (want.figures && /\d/.test(t)) {
    // A number with a unit first, then what was measured, in the words just before it, else
    // farther in the same clause (nameAround).
    const found = [...t.matchAll(ANY_FIGURE_RE)];
    for (let i = 0; i < found.length; i++) {
      const m = found[i];
      const unit = unitKey(m[2]);
      const value = Number(m[1].replace(',', '.'));
      const end = m.index + m[0].length;
      facts.anyFigures.push(`${unit}|${value}`);
      let head = FIGURE_LABEL_RE.exec(t.slice(Math.max(0, m.index - 50), m.index));
      // "elevated at", "peaked at": a linking word, not the name; the name is farther.
      if (head && LINKING.has(head[1].toLowerCase())) head = null;
      let label: string | undefined;
      let start = m.index;
      let last = end;
      if (head) {
        // The verb stands right before the number: a bound ("over 400", "> 35") never matches.
        const l = head[1].toLowerCase();
        if (GENERIC_LABELS.has(l) || /^\d/.test(l)) continue;
        label = head[1];
        start = m.index - head[0].length;
      } else {
        const around = nameAround(t, m.index, end, i > 0 ? found[i - 1].index! + found[i - 1][0].length : 0, i + 1 < found.length ? found[i + 1].index! : t.length, unit === '%');
        if (!around) continue;
        label = around.label;
        start = Math.min(start, around.at);
        last = Math.max(end, around.at + around.label.length);
      }
      facts.figures.push({ s: start, e: last, text: m[0], value, key: `${label.toLowerCase().replace(/-/g, '')}|${unit}`, label, unit });
    }
  }
  const none = !facts.ages.length && !facts.durations.length && !facts.anyDurations.length && !facts.figures.length && !facts.anyFigures.length;
  return none ? NO_FACTS : facts;
}

function push(list: SentenceFacts['durations'], pattern: SentenceFacts['durations'][number]['pattern'], start: number, end: number, num: string, unit: string, complaint: string, t: string): void {
  const value = parseNumber(num);
  if (value === undefined) return;
  list.push({ s: start, e: end, text: t.slice(start, end).trim().replace(/\s+of$/i, ''), value, unit: unitOf(unit), complaint: complaintKey(complaint), pattern });
}

/**
 * A paragraph's sentences' facts, of every kind (what is kept must not depend on what this
 * check wants), kept by the memo under the paragraph's plain text with the sentence texts they
 * were read from: read again only when those differ (the same plain text split otherwise, or
 * two paragraphs of the same text taking turns, or an edited paragraph, whose plain text is a new
 * key). One lookup a paragraph, not one a sentence, but for a paragraph read again: each of its
 * sentences' facts is then looked up by the sentence's text, so that an edit reads again only the
 * sentence it changed (the paragraph's other sentences were looked up by the last reading).
 */
function paragraphFacts(p: Paragraph, memo: Memo): SentenceFacts[] {
  const kept = memoised(memo, 'case-facts', p.plain, (): { texts: string[]; facts: SentenceFacts[] } => ({ texts: [], facts: [] }));
  const ss = p.sentences;
  let same = kept.texts.length === ss.length;
  for (let i = 0; same && i < ss.length; i++) same = kept.texts[i] === ss[i].text;
  if (!same) {
    kept.texts = ss.map((s) => s.text);
    kept.facts = ss.map((s) => memoised(memo, 'case-facts\0sentence', s.text, () => sentenceFacts(s.text, EVERYTHING)));
  }
  return kept.facts;
}

/** A sentence's fact in the source (the sentence starts at `base` in the paragraph's plain text). */
function place<T extends At>(p: Paragraph, base: number, { s, e, ...rest }: T): Span & Omit<T, 's' | 'e'> {
  return { ...plainSpanToSource(p, base + s, base + e), ...rest };
}

/** A paragraph's facts of the kinds wanted, in the source. */
function collect(facts: CaseFacts, p: Paragraph, want: Wanted, memo: Memo | undefined): void {
  const all = memo ? paragraphFacts(p, memo) : undefined;
  for (let k = 0; k < p.sentences.length; k++) {
    const s = p.sentences[k];
    const found = all ? all[k] : sentenceFacts(s.text, want);
    const base = s.plainStart;
    if (want.ages) for (const a of found.ages) facts.ages.push(place(p, base, a));
    if (want.durations) {
      // A "… for three weeks" match is not a second time the number a "history of … for" match took.
      // (Compared in the source, as the facts are: two places in the plain text may be one in the source.)
      let taken: Set<number> | undefined;
      for (const d of found.durations) {
        const { pattern, ...fact } = place(p, base, d);
        if (pattern === 'for') {
          taken ??= new Set(found.durations.filter((x) => x.pattern === 'history').map((x) => plainToSourceStart(p.segments, base + x.s, p.start)));
          if (taken.has(fact.start)) continue;
        }
        facts.durations.push(fact);
      }
      if (want.guards) for (const d of found.anyDurations) facts.anyDurations.push(d);
    }
    if (want.figures) {
      for (const f of found.figures) facts.figures.push(place(p, base, f));
      for (const f of found.anyFigures) facts.anyFigures.push(f);
    }
  }
}

/**
 * A section's part in the facts: the abstract, the case presentation, or none (its own item's, or
 * its nearest ancestor's); remembered in `known` for each section on the way, when given.
 */
function sectionRole(sections: SectionAnalysis, section: Paragraph['section'], known?: Map<object, 'abstract' | 'case' | null>): 'abstract' | 'case' | null {
  if (!section) return null;
  const had = known?.get(section);
  if (had !== undefined) return had;
  const item = sections.itemOf.get(section);
  const r = item ? (item.abstract ? 'abstract' : item.claimMode === 'case' ? 'case' : null) : sectionRole(sections, section.parent, known);
  known?.set(section, r);
  return r;
}

const noFacts = (): CaseFacts => ({ ages: [], durations: [], anyDurations: [], figures: [], anyFigures: [] });

/** Every fact of a paragraph, as caseFacts collects them from it (in the source; for the incremental checker's comparisons, engine/reuse.ts). */
export function paragraphCaseFacts(p: Paragraph, memo: Memo | undefined): CaseFacts {
  const facts = noFacts();
  collect(facts, p, { ages: true, durations: true, figures: true, guards: true }, memo);
  return facts;
}

/** Does caseFacts read nothing of a paragraph (neither prose of the abstract nor of the case presentation)? */
export function factsReadNothingIn(p: Paragraph, sections: SectionAnalysis): boolean {
  return (p.kind !== 'prose' && p.kind !== 'list-item') || sectionRole(sections, p.section) === null;
}

/**
 * The facts of the abstract and of the case presentation (the sections of items read as the
 * patient's story, not the abstract), from prose and list items.
 */
export function caseFacts(doc: DocumentModel, sections: SectionAnalysis): { abstract: CaseFacts; caseText: CaseFacts } {
  const abstract = noFacts();
  const caseText = noFacts();
  const roleOf = new Map<object, 'abstract' | 'case' | null>();
  const role = (section: Paragraph['section']) => sectionRole(sections, section, roleOf);
  const prose = doc.paragraphs.filter((p) => p.kind === 'prose' || p.kind === 'list-item');
  const all: Wanted = { ages: true, durations: true, figures: true, guards: false };
  for (const p of prose) if (role(p.section) === 'abstract') collect(abstract, p, all, doc.memo);
  // The case presentation is read only for the kinds of fact the abstract states.
  // A duration is compared only by its complaint: the abstract's durations without one need nothing.
  const want: Wanted = { ages: abstract.ages.length > 0, durations: abstract.durations.some((d) => d.complaint), figures: abstract.figures.length > 0, guards: true };
  if (want.ages || want.durations || want.figures) for (const p of prose) if (role(p.section) === 'case') collect(caseText, p, want, doc.memo);
  return { abstract, caseText };
}
