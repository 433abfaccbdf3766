/** Placeholders and writing markers in plain text (what the `placeholder` rule reports, and what other rules skip). */
import { memoised } from '../model/memo';
import { DisjointSpans } from '../model/text';
import { resolveRuleSetting, type CaselintConfig } from '../config';
import type { DocumentModel, Paragraph } from '../types';

/**
 * The fill-in texts that caselint's snippets (snippets/*.json) insert. One list, shared by the
 * `placeholder` rule and the snippet tests (every non-choice placeholder default of a snippet
 * must be here, so that an unfilled snippet never passes CI unnoticed).
 */
export const PLACEHOLDER_TEXTS: readonly string[] = [
  '[title]', '[keywords]', '[abstract]', '[introduction]', '[age]', '[presenting complaint]', '[duration]',
  '[investigations]', '[discussion]', '[references]', '[clinical findings]', '[timeline]', '[diagnostic assessment]',
  '[therapeutic intervention]', '[follow-up and outcomes]', "[patient's perspective]", '[speech and language]',
  '[cranial nerve findings]', '[power findings]', '[reflex findings]', '[sensory findings]', '[coordination findings]',
  '[gait findings]', '[stimulation site]', '[recording site]', '[muscle]', '[test]', '[unit]', '[reference range]',
  '[symptom onset]', '[first assessment]', '[event]', '[alternative diagnosis]', '[reasons for the final diagnosis]',
  '[upper and lower motor neuron signs by region]', '[clinical and electrophysiological signs by region]',
  '[upper and lower motor neuron signs in one region, or lower motor neuron signs in two]',
  '[progressive motor impairment]', '[investigations excluding other diseases]', '[reference values]',
  // What the patient-identifier rule's quick fixes write in place of an exact date or a name.
  '[date]', '[name]',
  // Number placeholder (also a writing marker below).
  'XX',
];

/** Citation keys that are obviously not real ones: `[@key]`, `\cite{citekey}`. */
const PLACEHOLDER_KEYS = new Set(['key', 'keys', 'citekey', 'cite', 'ref', 'refs', 'reference', 'citation', 'todo', 'xx', 'xxx', 'tbd', 'bibkey', 'author', 'authoryear', 'author2020', 'source']);

/** Is a citation key an obvious placeholder (`@key`, `\cite{TODO}`), reported by the placeholder rule? */
export function isPlaceholderKey(key: string): boolean {
  return PLACEHOLDER_KEYS.has(key.toLowerCase()) || /^\?+$/.test(key);
}

/**
 * marker: TODO, XX; snippet: a snippet's fill-in text or a bracketed field name ("[surname]");
 * citation: "[citation needed]", "(Author, Year)"; syntax: "${1:dose}"; blank: "__ mg";
 * value: a number with X for digits ("1X.5"), "X mg", "???"; filler: lorem ipsum;
 * instruction: "Add image here.".
 */
export type PlaceholderKind = 'marker' | 'snippet' | 'citation' | 'syntax' | 'blank' | 'value' | 'filler' | 'instruction';

export interface PlaceholderMatch {
  start: number;
  end: number;
  kind: PlaceholderKind;
  text: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SNIPPET_TEXTS = PLACEHOLDER_TEXTS.filter((t) => t.startsWith('['));

interface Pattern {
  kind: PlaceholderKind;
  /** Text that every match contains: without it the pattern is not run (a quick scan). */
  needs?: string;
  /** Or a cheap pattern every text with a match passes. */
  quick?: RegExp;
  re: RegExp;
  /**
   * Matches begin only at the text's start or right after a match of this (`re` is sticky): what
   * `(?:^|(?<=starts))re` finds, tried at those positions only instead of at every character.
   */
  starts?: RegExp;
  /** Return false to drop a match (context checks). */
  keep?: (plain: string, m: RegExpExecArray) => boolean;
  /** Not run on reference lists, whose entries carry "[dissertation]", "[serial on the internet]". */
  proseOnly?: boolean;
}

/**
 * A bracketed field name: lower-case words ("[surname]", "[sodium value]", "[date of admission]").
 * Not a citation ("[3]", "[Okafor 2021]"), an abbreviation ("[CSF]"), a task box ("[ ]", "[x]"),
 * link text ("[text](url)", "[text][ref]"), a Pandoc span ("[text]{.c}"), a wiki link, a LaTeX
 * optional argument ("\\[2pt]", "]{…}") or an editor's insertion in a quotation ("[the cramp]",
 * "[sic]", "[redacted]"): see keepFieldName.
 */
const FIELD_NAME_RE = /(?<![\p{L}\p{N}_\\\]\[^])\[([A-Za-z][a-z'\u2019-]*(?: [A-Za-z][a-z'\u2019-]*){0,4})\](?![(\[{:\]])/gu;
/** A capitalised field name is one only when it names a field ("[Patient Name]", "[Date]"; not "[Internet]"). */
const FIELD_WORDS = new Set([
  'name', 'surname', 'initials', 'date', 'hospital', 'institution', 'department', 'address', 'city', 'country',
  'age', 'sex', 'gender', 'value', 'number', 'dose', 'result', 'unit', 'units',
]);
/** First words of an editor's insertion in a quotation ("it [the cramp] woke me", "[her] doctor"). */
const INSERTION_START = new Set([
  'the', 'a', 'an', 'his', 'her', 'hers', 'him', 'their', 'them', 'this', 'that', 'these', 'those', 'it', 'its', 'he',
  'she', 'they', 'we', 'our', 'my', 'me', 'i', 'you', 'your', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for',
  'with', 'by', 'from', 'as', 'is', 'was', 'were', 'are', 'be', 'been', 'not', 'no', 'who', 'which', 'what', 'when',
]);
/** Editorial words, transcription notes and units in brackets. */
const NOT_FIELD_WORDS = new Set([
  'sic', 'redacted', 'removed', 'withheld', 'omitted', 'anonymised', 'anonymized', 'deidentified', 'de-identified',
  'illegible', 'inaudible', 'unintelligible', 'translated', 'translation', 'emphasis', 'laughs', 'laughing', 'pause',
  'pauses', 'sighs', 'cries', 'crying', 'math', 'sec', 'min', 'hrs', 'hours', 'days', 'weeks', 'months', 'years',
  'minutes', 'seconds', 'percent', 'mmhg', 'mmol', 'umol', 'kpa', 'bpm',
  // Pointers in figure legends and flags in pasted laboratory reports.
  'arrow', 'arrows', 'arrowhead', 'arrowheads', 'asterisk', 'asterisks', 'star', 'above', 'below', 'magnification',
  'normal', 'abnormal', 'high', 'low', 'elevated', 'raised', 'positive', 'negative', 'borderline', 'critical',
]);
function keepFieldName(_plain: string, m: RegExpExecArray): boolean {
  if (/[A-Z]/.test(m[1]) && !(/^(?:[A-Z][a-z'\u2019-]*\s?)+$/.test(m[1]) && FIELD_WORDS.has(m[1].split(' ').pop()!.toLowerCase()))) return false;
  const words = m[1].toLowerCase().split(' ');
  // A single short word is a unit or an abbreviation ("[mg]", "[ms]"); the snippets' "[age]" is matched on its own.
  if (words.length === 1 && words[0].length <= 3) return false;
  if (INSERTION_START.has(words[0])) return false;
  return !words.some((w) => NOT_FIELD_WORDS.has(w));
}

/**
 * A number with X in place of digits: "1X.5", "X.5", "13X mmol/L", "1XX". Not a magnification or an
 * ISSN check digit ("400X", "2.5X", "567X": one X at the end, no unit after it), a karyotype ("46,XX"), a
 * dimension ("3X2") or a name ("X1").
 */
// (The first look-ahead, which the rest implies, lets the engine skip to a digit or an X instead of
// trying the look-behind at every character: ~7× faster.)
const X_NUMBER_RE = /(?=[\dX])(?<![\p{L}\p{N}_]|\d[.,])(?=[\dX]*\d|X[.,]\d)(?=[\d.,]*X)[\dX]+(?:[.,][\dX]+)?(?![\p{L}\p{N}_]|[.,]\d)/gu;
function keepXNumber(plain: string, m: RegExpExecArray): boolean {
  const t = m[0];
  if (!/X/.test(t) || !/\d/.test(t)) return false;
  // One X at the end is a magnification ("400X") unless a unit follows: "13X mmol/L" is a value.
  if (/^\d+(?:[.,]\d+)?X$/.test(t)) return UNIT_AFTER.test(plain.slice(m.index + t.length, m.index + t.length + 12));
  return !/^\d+,X+$/.test(t) && !/^\d+X\d+$/.test(t) && !/^X\d+$/.test(t);
}
const UNITS = String.raw`(?:mg|g|kg|mcg|µg|μg|ng|ml|mL|L|dL|mmol|µmol|μmol|mEq|mmHg|cm|mm|ms|mV|µV|μV|m\/s|Hz|U|IU|%|years?|months?|weeks?|days?|hours?|minutes?)`;
const UNIT_AFTER = new RegExp(String.raw`^\s?${UNITS}(?![\p{L}\p{N}])`, 'u');

/**
 * Sentence starts: the text's start, or after a sentence end or a line break (the white space
 * after them matched to its end: a match that begins there begins with a non-space).
 */
const SENTENCE_STARTS = /[.!?:]\s+(?=\S)|\n\s*(?=\S)/gu;
const INSTRUCTION_VERBS = String.raw`(?:add|insert|place|put|paste|include|describe|write|enter|type|fill in|attach|upload|update|summari[sz]e|list|provide|explain|cite|copy)`;
/** "Type 2 diabetes was diagnosed here." is a sentence, not an instruction: no number after the verb, no finite verb. */
function keepInstruction(_plain: string, m: RegExpExecArray): boolean {
  return !/^\s*type\s+\d|\b(?:was|were|is|are|has|have|had|been|being|did|does|do|will|would|can|could|may|might)\b/i.test(m[0]);
}

const PATTERNS: Pattern[] = [
  {
    kind: 'snippet',
    needs: '[',
    re: new RegExp(SNIPPET_TEXTS.map((t) => escape(t).replace(/'/g, "['\u2019]")).join('|'), 'gi'),
  },
  {
    // "[insert dose]", "[describe findings]", "[add reference]".
    kind: 'snippet',
    needs: '[',
    re: /\[(?:insert|describe|add|enter|fill in|specify|complete|write)\b[^\[\]\n]{0,80}\]/gi,
  },
  {
    kind: 'marker',
    quick: /TODO|TBD|FIXME|XX/,
    re: /(?<![\p{L}\p{N}_])(?:TODO|TBD|FIXME|X{2,}(?:[.,]X+)?)(?![\p{L}\p{N}_])/gu,
    keep: (plain, m) => {
      if (!m[0].startsWith('XX')) return true;
      // Karyotypes and sex chromosomes: "46,XX", "XX/XY mosaicism", "XX male".
      const before = plain.slice(Math.max(0, m.index - 6), m.index);
      const after = plain.slice(m.index + m[0].length, m.index + m[0].length + 16);
      if (/\d\s*,\s*$/.test(before) || /\b4[5-9] $/.test(before) || /[\/]$/.test(before) || /^\s*\//.test(after)) return false;
      if (/^\s*(?:karyotype|chromosomes?|males?|females?|DSD|sex reversal)\b/i.test(after)) return false;
      return true;
    },
  },
  {
    kind: 'citation',
    needs: '[',
    re: /\[(?:citations? needed|citation|ref(?:erence)?s?(?: needed)?|cite|source|\?)\]/gi,
  },
  {
    kind: 'citation',
    needs: '[@',
    re: /\[@([^\]\s;,]+)\]/g,
    keep: (_plain, m) => PLACEHOLDER_KEYS.has(m[1].toLowerCase()),
  },
  {
    kind: 'citation',
    needs: '\\',
    // Options hold no bracket and keys no brace (as in model/citations.ts): linear however many are unclosed.
    re: /\\(?:cite[pt]?|parencite|textcite|autocite|footcite)\*?(?:\[[^\][]*\])*\{\s*([^{}]*)\}/g,
    keep: (_plain, m) => {
      const keys = m[1].split(',').map((k) => k.trim().toLowerCase());
      return keys.every((k) => k === '' || PLACEHOLDER_KEYS.has(k) || /^\?+$/.test(k));
    },
  },
  {
    // Citation templates: "(Author, Year)", "(Author et al., 2020)", "[Surname Year]", "(Name, YYYY)".
    kind: 'citation',
    // ("surname" holds "name": two words to look for, not three.)
    quick: /author|name/i,
    re: /[(\[](?:(?:first |last )?author|authors|surname|last ?name|name)(?: et al\.?)?,? (?:year|yyyy|\d{4}|(?:19|20)xx)[a-z]?(?:[;,] [^()[\]\n]{1,40})?[)\]]/gi,
  },
  {
    // "(ref)", "(citation needed)": the square-bracket forms are matched above.
    kind: 'citation',
    needs: '(',
    re: /\((?:citations? needed|citation|refs?\.?|cite)\)/gi,
  },
  {
    kind: 'snippet',
    needs: '[',
    re: FIELD_NAME_RE,
    keep: keepFieldName,
    proseOnly: true,
  },
  {
    // A blank to fill in: "__ mg", "on ____". Not "__init__", not a line of five or more underscores (a rule).
    kind: 'blank',
    needs: '__',
    re: /(?<![\p{L}\p{N}_])_{2,}(?![\p{L}\p{N}_])/gu,
    keep: (plain, m) => {
      const lineStart = plain.lastIndexOf('\n', m.index) + 1;
      const lineEnd = plain.indexOf('\n', m.index);
      return m[0].length < 5 || plain.slice(lineStart, lineEnd < 0 ? plain.length : lineEnd).trim() !== m[0];
    },
  },
  { kind: 'value', needs: 'X', re: X_NUMBER_RE, keep: keepXNumber },
  {
    // "X mg", "X.X mmol/L", "X years": one X for a value, with its unit. Not "Patient X", "factor X".
    kind: 'value',
    needs: 'X',
    re: new RegExp(String.raw`(?<![\p{L}\p{N}_.,])X(?:[.,]X+)?(?:\s?${UNITS}(?![\p{L}\p{N}_])|(?![\p{L}\p{N}_])(?<=X[.,]X+))`, 'gu'),
  },
  {
    // "???", and "??" standing alone ("peaked at ?? U/L"): a value nobody has looked up yet.
    kind: 'value',
    needs: '??',
    re: /\?{3,}|(?<![\p{L}\p{N}])\?\?(?![\p{L}\p{N}])/gu,
  },
  {
    kind: 'filler',
    quick: /lorem/i,
    re: /\blorem ipsum\b/gi,
  },
  {
    // A template's or a co-author's instruction: "Add image here.", "Insert table 2 here.", "Text goes here.",
    // Word's "Click or tap here to enter text.". Only as a sentence of its own ("We describe here a man" is prose).
    kind: 'instruction',
    quick: /here/i,
    starts: SENTENCE_STARTS,
    re: new RegExp(
      String.raw`(?:(?:please\s+)?${INSTRUCTION_VERBS}\b(?:\s+[^\s.!?]+){0,6}?\s+(?:about\s+)?here|(?:\S+\s+){0,3}?(?:goes|go) here|click(?: or tap)? here to enter text)(?=[.!:]?(?:\s|$|[)\]]))[.!:]?`,
      'iuy',
    ),
    keep: keepInstruction,
  },
  {
    // Snippet syntax that was pasted instead of expanded: ${1:…}, ${2|a,b|}, ${3}.
    kind: 'syntax',
    needs: '${',
    re: /\$\{\d+(?::[^{}\n]*|\|[^|\n]*\|)?\}/g,
  },
];

/** Placeholders and writing markers in a piece of plain text, in order, without overlaps. */
export function findPlaceholders(
  plain: string,
  extra: readonly string[] = [],
  ignore: readonly string[] = [],
  inReferences = false,
): PlaceholderMatch[] {
  const patterns = extra.length
    ? [...PATTERNS, { kind: 'marker' as const, re: new RegExp(extra.map(escape).join('|'), 'g') }]
    : PATTERNS;
  const ignored = ignore.length ? new Set(ignore.map((s) => s.toLowerCase())) : undefined;
  // A match of a later pattern that overlaps one of an earlier pattern is dropped.
  const found = new DisjointSpans<PlaceholderMatch>();
  const holds = new Map<string, boolean>();
  for (const p of patterns) {
    if (inReferences && 'proseOnly' in p && p.proseOnly) continue;
    if (p.needs !== undefined) {
      // (Several patterns need "[": each string is searched for once.)
      let has = holds.get(p.needs);
      if (has === undefined) holds.set(p.needs, (has = plain.includes(p.needs)));
      if (!has) continue;
    }
    if (p.quick && !p.quick.test(plain)) continue;
    p.re.lastIndex = 0;
    if (p.starts) p.starts.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.starts ? nextAtStart(p.re, p.starts, plain) : p.re.exec(plain))) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      if (p.keep && !p.keep(plain, m)) continue;
      if (ignored?.has(m[0].toLowerCase())) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (!found.free(start, end)) continue;
      found.add({ start, end, kind: p.kind, text: m[0] });
    }
    found.endRound();
  }
  return found.spans();
}

/**
 * The next match of the sticky `re` from its lastIndex on that begins at the text's start or where
 * a match of `starts` ends (`starts.lastIndex`: where the last search of it stopped). A match of
 * `re` ends with a non-space and a match of `starts` with white space after its first character,
 * so the search for the next start goes on from the match's last character.
 */
function nextAtStart(re: RegExp, starts: RegExp, plain: string): RegExpExecArray | null {
  const from = re.lastIndex;
  if (from === 0) {
    const m = re.exec(plain);
    if (m) return (starts.lastIndex = Math.max(0, re.lastIndex - 1)), m;
  }
  starts.lastIndex = Math.max(starts.lastIndex, from - 1);
  for (let s: RegExpExecArray | null; (s = starts.exec(plain)); ) {
    const at = s.index + s[0].length;
    if (at < from) continue;
    re.lastIndex = at;
    const m = re.exec(plain);
    if (m) return (starts.lastIndex = Math.max(starts.lastIndex, re.lastIndex - 1)), m;
  }
  return null;
}

/** Is a table cell (or any short text) nothing but an unfilled placeholder or a writing marker? */
export function isPlaceholderText(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  const found = findPlaceholders(t);
  return found.length > 0 && /^[\s\-–—.,;:%()]*$/.test(stripRanges(t, found));
}

/** A value such as "XX", "XX.X", "XX beats" or "TODO" in a table cell. */
export function containsPlaceholder(text: string): boolean {
  return findPlaceholders(text).length > 0;
}

function stripRanges(t: string, ranges: { start: number; end: number }[]): string {
  let out = '';
  let cur = 0;
  for (const r of ranges) {
    out += t.slice(cur, r.start);
    cur = r.end;
  }
  return out + t.slice(cur);
}

/** The `placeholder` rule's options (RuleContext.options, or a config's `rules.placeholder`): more markers, texts not to flag. */
export interface PlaceholderOptions {
  markers?: unknown;
  ignore?: unknown;
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
}

/**
 * The `placeholder` rule's search of a text: a function of the text, the options and whether it
 * is a reference entry, memoised by all three (the text is the key, the rest the space: a
 * model's text is hashed once, memo.ts). The rule and the incremental checker's test of an edit
 * (engine/reuse.ts, paragraphHoldsNoPlaceholder) look up the same values.
 */
export function placeholderFinder(doc: DocumentModel, options: PlaceholderOptions): (text: string, inReferences?: boolean) => PlaceholderMatch[] {
  const extra = stringList(options.markers);
  const ignore = stringList(options.ignore);
  const optionsKey = JSON.stringify([extra, ignore]);
  const spaces = ['placeholders\0p' + optionsKey, 'placeholders\0r' + optionsKey];
  return (text, inReferences = false) => memoised(doc.memo, spaces[inReferences ? 1 : 0], text, () => findPlaceholders(text, extra, ignore, inReferences));
}

/** The `placeholder` rule's options in a config (`rules.placeholder`), as the rule reads them (RuleContext.options). */
export function placeholderOptions(config: CaselintConfig): PlaceholderOptions {
  // (Only the options are read: the severity given is none of the rule's business here.)
  return resolveRuleSetting(config.rules?.placeholder, 'warning').options;
}

/** Does the `placeholder` rule find nothing in a paragraph's plain text? */
export function paragraphHoldsNoPlaceholder(doc: DocumentModel, p: Paragraph, options: PlaceholderOptions): boolean {
  return placeholderFinder(doc, options)(p.plain, p.kind === 'reference').length === 0;
}
