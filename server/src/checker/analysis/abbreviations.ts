/**
 * Abbreviations: their definitions ("amyotrophic lateral sclerosis (ALS)", "ALS (amyotrophic
 * lateral sclerosis)", an "Abbreviations" list) and their uses, per scope (the abstract, the
 * main text). Pure queries over the model.
 *
 * Pairing a short form with its long form follows the algorithm of Schwartz AS, Hearst MA. A
 * simple algorithm for identifying abbreviation definitions in biomedical text. Pac Symp
 * Biocomput 2003:451-62 (our own implementation from the paper's description): a short form in
 * parentheses after the words that may spell it (at most min(|SF| + 5, 2·|SF|) words), or, when
 * the parentheses hold several words, the word before them as the short form; the long form is
 * found by matching the short form's letters from the right, each one in the candidate from the
 * right, the first letter at the start of a word.
 *
 * What counts as an abbreviation when it is used (conservative, to avoid false alarms):
 * - 2 to 8 letters, all capitals (an "s" plural is the same abbreviation: "MRIs");
 * - not a roman numeral made of I, V and X ("II", "XIV");
 * - tokens with digits (gene and protein names such as "SOD1", "CD4", "HbA1c") and mixed case
 *   ("IgG", "mRNA", "NaCl") are tracked only when the document defines them;
 * - only prose and list items: headings, the title, captions, tables, code, the reference list
 *   and the "Abbreviations" list itself are neither uses nor (except that list) definitions;
 * - back matter that names authors by their initials (contributions, acknowledgements,
 *   competing interests, funding, consent and other declarations) is skipped;
 * - a one-letter prefix with a hyphen marks a gene or antibody name ("c-KIT", "p-ANCA"): skipped;
 * - a capitalised symbol followed by "gene", "mutation", "variant", "protein", "expression" and the
 *   like is a gene symbol ("KIT mutation", "FUS variants"): not reported unless the document
 *   defines it;
 * - a paragraph written mostly in capitals is skipped.
 */
import { headingMatches, type ProfileItem } from '../profiles';
import { memoised } from '../model/memo';
import { plainSpanToSource } from '../model/text';
import type { DocumentModel, Memo, Paragraph, Section } from '../types';
import type { SectionAnalysis } from './sections';
import { runSteps, type Steps } from '../steps';

export type AbbreviationScope = 'abstract' | 'main';

export interface AbbreviationDefinition {
  short: string;
  long: string;
  scope: AbbreviationScope;
  /** The whole definition ("amyotrophic lateral sclerosis (ALS)"), in the source. */
  start: number;
  end: number;
  /** From the "Abbreviations" list (no place in the text). */
  list?: boolean;
  /** The short form comes first: "ALS (amyotrophic lateral sclerosis)". */
  shortFirst?: boolean;
}

export interface AbbreviationUse {
  short: string;
  scope: AbbreviationScope;
  start: number;
  end: number;
}

export interface AbbreviationAnalysis {
  definitions: AbbreviationDefinition[];
  /** Uses outside definitions, in document order. */
  uses: AbbreviationUse[];
}

const LIST_HEADINGS: ProfileItem = {
  id: 'abbreviations', label: 'Abbreviations', required: false, claimMode: 'skip',
  headings: ['abbreviations', 'list of abbreviations', 'abbreviations used', 'abbreviations and acronyms', 'glossary of abbreviations'],
};

/**
 * A capital after a letter or digit: where a candidate token is ("ALS", "mRNA"; not "Ankle").
 * Found first, then widened to its word, which is far cheaper than matching every word.
 */
const INNER_CAPITAL_RE = /[A-Za-z0-9][A-Z]/g;

/** An ASCII word character (what `\b` separates). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * Words (runs of ASCII letters and digits that start with a letter: short forms are ASCII; a
 * non-ASCII letter next to one is checked by the caller) with a capital that is not just their
 * first letter ("Ankle" is not one), as plain-text spans in order.
 */
function candidateTokens(plain: string): { ps: number; pe: number }[] {
  const out: { ps: number; pe: number }[] = [];
  INNER_CAPITAL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INNER_CAPITAL_RE.exec(plain))) {
    let ps = m.index;
    while (ps > 0 && isWordChar(plain.charCodeAt(ps - 1))) ps--;
    let pe = m.index + 2;
    while (pe < plain.length && isWordChar(plain.charCodeAt(pe))) pe++;
    INNER_CAPITAL_RE.lastIndex = pe;
    const c0 = plain.charCodeAt(ps);
    if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122))) continue;
    // A word joined by "_" ("ABC_def") is not one.
    let joined = false;
    for (let i = ps; i < pe && !joined; i++) joined = plain.charCodeAt(i) === 95;
    if (!joined) out.push({ ps, pe });
  }
  return out;
}
const ALL_CAPS_RE = /^[A-Z]{2,8}s?$/;
const ROMAN_RE = /^[IVX]+$/;
/** The word after a gene symbol used as one ("KIT protein mutation", "LRRK2 variants"). */
const GENE_NOUN_RE = /^[ \t]+(?:genes?|proteins?|mutations?|mutants?|variants?|alleles?|exons?|expression|amplifications?|fusions?|rearrangements?|deletions?|duplications?|polymorphisms?|transcripts?|locus|loci|knockout|(?:gene|germline|somatic)[ \t]+(?:mutations?|variants?))\b/i;
/** Placeholders (the `placeholder` rule's) and words written in capitals for emphasis. */
const NOT_ABBREVIATIONS = new Set(['TODO', 'TBD', 'FIXME', 'XX', 'XXX', 'NB', 'OK', 'NOT', 'NO', 'AND', 'ALL', 'ONLY', 'NEVER', 'NOTE']);
/** Could be a short form inside a definition: ≥ 2 characters, a capital, at most 10, no spaces. */
const DEFINED_SHORT_RE = /^(?=.*[A-Z])[A-Za-z][A-Za-z0-9-]{1,9}$/;

/** The short form a token is a use of ("MRIs" → "MRI"), or undefined when it is not one. */
export function shortFormOf(token: string): string | undefined {
  if (!ALL_CAPS_RE.test(token) || NOT_ABBREVIATIONS.has(token)) return undefined;
  const sf = token.endsWith('s') ? token.slice(0, -1) : token;
  if (sf.length < 2 || ROMAN_RE.test(sf)) return undefined;
  return sf;
}

/** Scope of a section: the abstract (and its sub-sections) or the main text. */
function scopeOf(sections: SectionAnalysis, section: Section | null): AbbreviationScope {
  for (let s = section; s; s = s.parent) if (sections.itemOf.get(s)?.abstract) return 'abstract';
  return 'main';
}

/**
 * Back-matter statements that name the authors by their initials ("JA and AO wrote the
 * manuscript"): neither uses nor definitions.
 */
const BACK_MATTER_RE = /\b(?:contributions?|contributors?|acknowledge?ments?|competing|conflicts?|funding|disclosures?|declarations?|authors?|availability)\b/i;

function inBackMatter(sections: SectionAnalysis, section: Section | null, memo: Memo | undefined): boolean {
  for (let s = section; s; s = s.parent) {
    if (sections.itemOf.get(s)?.declaration || sections.itemOf.get(s)?.referenceList) return true;
    if (s.heading && headingKind(s.heading.text, memo).back) return true;
  }
  return false;
}

/** Whether a heading names a list of abbreviations, or back matter: memoised by its text. */
function headingKind(text: string, memo: Memo | undefined): { list: boolean; back: boolean } {
  return memoised(memo, 'abbreviations/heading', text, () => ({ list: headingMatches(LIST_HEADINGS, text), back: BACK_MATTER_RE.test(text) }));
}

/** A defined short form as its uses are counted: "NSAIDs" → "NSAID". */
function definedShort(short: string): string {
  return shortFormOf(short) ?? short;
}

function inList(section: Section | null, memo: Memo | undefined): boolean {
  for (let s = section; s; s = s.parent) if (s.heading && headingKind(s.heading.text, memo).list) return true;
  return false;
}

const CAPITAL = /[A-Z]/g;
const LOWER = /[a-z]/g;
/**
 * Are more than 60 % of a text's ASCII letters (20 or more) capitals? Counted with two native
 * searches, not a loop over every character, which a short run (the CLI) runs cold: the
 * capitals, then the lower-case letters only until there are too many for capitals to be 60 %
 * (3 × lower ≥ 2 × capitals), a few dozen in most paragraphs.
 */
export function mostlyCapitals(text: string): boolean {
  const capitals = text.match(CAPITAL)?.length ?? 0;
  if (capitals < 13) return false;
  let lower = 0;
  LOWER.lastIndex = 0;
  while (LOWER.test(text)) if (3 * ++lower >= 2 * capitals) return false;
  const letters = lower + capitals;
  return letters >= 20 && capitals / letters > 0.6;
}

/**
 * Schwartz & Hearst: the long form for `short` at the end of `text` (the words before the
 * parenthesis), or undefined. Returns the offset in `text` where the long form starts.
 */
export function bestLongForm(short: string, text: string): number | undefined {
  const sf = short.toLowerCase();
  const lf = text.toLowerCase();
  let s = sf.length - 1;
  let l = lf.length - 1;
  while (s >= 0) {
    const c = sf[s];
    if (!/[a-z0-9]/.test(c)) {
      s--;
      continue;
    }
    // Find c in the long form, from the right; the short form's first character must start a word.
    while (l >= 0 && (lf[l] !== c || (s === 0 && l > 0 && /[a-z0-9]/.test(lf[l - 1])))) l--;
    if (l < 0) return undefined;
    l--;
    s--;
  }
  return l + 1;
}

function words(text: string): number {
  return text.split(/[\s-]+/).filter((w) => w).length;
}

interface Found {
  short: string;
  long: string;
  /** Plain offsets of the whole definition. */
  start: number;
  end: number;
  shortFirst?: boolean;
  /** Plain span of the short form within it (not a use). */
  sfStart: number;
  sfEnd: number;
}

const PAREN_RE = /\(([^()]{1,120})\)/g;

/** Definitions in one paragraph's plain text, by the two Schwartz & Hearst patterns. */
function definitionsIn(plain: string): Found[] {
  const out: Found[] = [];
  PAREN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PAREN_RE.exec(plain))) {
    const inside = m[1].trim();
    const open = m.index;
    const close = m.index + m[0].length;
    // "(SF, long form)": both inside the parentheses.
    const both = /^([A-Za-z][A-Za-z0-9-]{1,9})[,;:]\s+(.+)$/.exec(inside);
    if (both && DEFINED_SHORT_RE.test(both[1]) && words(both[2]) >= 2 && bestLongForm(both[1], both[2]) === 0) {
      const sfStart = m[0].indexOf(both[1]);
      out.push({ short: both[1], long: both[2].trim(), start: open, end: close, shortFirst: true, sfStart: open + sfStart, sfEnd: open + sfStart + both[1].length });
      continue;
    }
    // "long form (SF)" or "long form (SF; …)" / "(SF, …)".
    const first = inside.split(/[;,]\s*/)[0].trim();
    if (DEFINED_SHORT_RE.test(first) && words(first) === 1) {
      // Only the text near the parenthesis matters: at most 2 × 10 words before it.
      const windowStart = Math.max(0, open - 300);
      const before = plain.slice(windowStart, open).replace(/\s+$/, '');
      // The candidate: at most min(|SF| + 5, 2|SF|) words before the parenthesis, in the same clause.
      const max = Math.min(first.length + 5, first.length * 2);
      let cut = before.length;
      while (cut > 0 && !'.;:()[]'.includes(before[cut - 1])) cut--;
      const clause = before.slice(cut);
      const ws = [...clause.matchAll(/\S+/g)];
      const from = ws.length > max ? ws[ws.length - max].index! : ws[0]?.index ?? clause.length;
      const candidate = clause.slice(from);
      const at = bestLongForm(first, candidate);
      if (at !== undefined) {
        const long = candidate.slice(at).trim();
        const sfStartInParen = m[0].indexOf(first);
        if (long.length > first.length && words(long) <= max && !long.toLowerCase().includes(first.toLowerCase())) {
          const start = windowStart + cut + from + at;
          out.push({ short: first, long, start, end: close, sfStart: open + sfStartInParen, sfEnd: open + sfStartInParen + first.length });
          continue;
        }
      }
    }
    // "SF (long form)": the word just before the parenthesis is the short form.
    const tailStart = Math.max(0, open - 20);
    const tail = /([A-Za-z][A-Za-z0-9-]{1,9})\s*$/.exec(plain.slice(tailStart, open));
    const sm = tail && (tail.index > 0 || tailStart === 0 || !/[A-Za-z0-9-]/.test(plain[tailStart - 1])) ? tail : null;
    // A short form here has two capitals or a digit, or is a short capitalised word ("Hb"): a
    // plain word before an aside ("no separate Conclusion (the conclusion is …)") is not one.
    if (sm && DEFINED_SHORT_RE.test(sm[1]) && (/[A-Z].*[A-Z]|\d/.test(sm[1]) || /^[A-Z][a-z]{1,4}$/.test(sm[1])) && words(inside) >= 2) {
      const long = inside.split(/[;]/)[0].trim();
      const at = bestLongForm(sm[1], long);
      if (at !== undefined && !long.toLowerCase().includes(sm[1].toLowerCase())) {
        const at0 = tailStart + sm.index;
        out.push({ short: sm[1], long, start: at0, end: close, shortFirst: true, sfStart: at0, sfEnd: at0 + sm[1].length });
      }
    }
  }
  return out;
}

/** "SF: long form" entries of an "Abbreviations" list, run together or one a line. */
function listEntries(plain: string): { short: string; long: string; start: number; end: number }[] {
  const out: { short: string; long: string; start: number; end: number }[] = [];
  const re = /(?<![\p{L}\p{N}])([A-Za-z][A-Za-z0-9-]{0,9})\s*[:=\u2013\u2014]\s+/gu;
  const heads = [...plain.matchAll(re)].filter((h) => /[A-Z]/.test(h[1]));
  for (let i = 0; i < heads.length; i++) {
    const h = heads[i];
    const next = heads[i + 1]?.index ?? plain.length;
    const long = plain.slice(h.index! + h[0].length, next).replace(/[\s.;,]+$/, '').trim();
    if (long) out.push({ short: h[1], long, start: h.index!, end: h.index! + h[0].length + long.length });
  }
  if (out.length) return out;
  // "SF, long form; SF, long form" (or one a line).
  let offset = 0;
  for (const chunk of plain.split(/[;\n]/)) {
    const mm = /^\s*([A-Za-z][A-Za-z0-9-]{0,9}),\s+(.+?)[\s.]*$/.exec(chunk);
    if (mm && /[A-Z]/.test(mm[1])) out.push({ short: mm[1], long: mm[2], start: offset + chunk.indexOf(mm[1]), end: offset + chunk.length });
    offset += chunk.length + 1;
  }
  return out;
}

/** What one paragraph's plain text holds: its definitions and the tokens that may be uses. */
interface ParagraphAbbreviations {
  found: Found[];
  tokens: Token[];
}

/**
 * A token that may be a use, with what the document step asks of it worked out once (functions
 * of the token and the paragraph's text): the short form it is a use of by itself, its stem
 * without a plural "s" and without a number ("IL6": "IL"), and whether a gene's noun follows.
 */
interface Token {
  token: string;
  ps: number;
  pe: number;
  short: string | undefined;
  singular: string | undefined;
  numbered: string | undefined;
  gene: boolean;
}

const NOTHING: ParagraphAbbreviations = Object.freeze({ found: [], tokens: [] }) as unknown as ParagraphAbbreviations;

/** A function of the plain text alone (memoised by it in the incremental checker). */
function paragraphAbbreviations(plain: string): ParagraphAbbreviations {
  // No parenthesis and nothing that could be a short form (a capital after a word's first
  // letter): no definitions, no uses.
  const candidates = candidateTokens(plain);
  if (!candidates.length && !plain.includes('(')) return NOTHING;
  if (mostlyCapitals(plain)) return NOTHING;
  const found = definitionsIn(plain);
  const tokens: ParagraphAbbreviations['tokens'] = [];
  for (const { ps, pe } of candidates) {
    if ((ps > 0 && plain.charCodeAt(ps - 1) > 127 && /\p{L}/u.test(plain[ps - 1])) || (pe < plain.length && plain.charCodeAt(pe) > 127 && /\p{L}/u.test(plain[pe]))) continue;
    // The short form of a definition is not a use.
    if (found.some((f) => ps >= f.sfStart && pe <= f.sfEnd)) continue;
    // "c-KIT", "p-ANCA": a gene or antibody name with a one-letter prefix.
    if (ps >= 2 && plain[ps - 1] === '-' && /[a-z]/.test(plain[ps - 2]) && (ps === 2 || !/[\p{L}\p{N}]/u.test(plain[ps - 3]))) continue;
    const token = plain.slice(ps, pe);
    tokens.push({
      token,
      ps,
      pe,
      short: shortFormOf(token),
      singular: token.endsWith('s') ? token.slice(0, -1) : undefined,
      numbered: /^([A-Z]{2,8})\d+[a-z]?$/.exec(token)?.[1],
      gene: GENE_NOUN_RE.test(plain.slice(pe, pe + 24)),
    });
  }
  return { found, tokens };
}

/**
 * Does the analysis read the same in two versions of a paragraph (the incremental checker's,
 * engine/reuse.ts): the same definitions, candidate uses and list entries, with the same
 * words, at source spans that `moved` maps from the first version to the second?
 */
export function sameAbbreviations(a: Paragraph, b: Paragraph, memo: Memo | undefined, moved: (span: { start: number; end: number }) => { start: number; end: number } | undefined): boolean {
  const kinds = (p: Paragraph) => p.kind === 'prose' || p.kind === 'list-item';
  if (kinds(a) !== kinds(b)) return false;
  if (!kinds(a)) return true;
  const same = (p: { start: number; end: number }, q: { start: number; end: number }) => {
    const m = moved(plainSpanToSource(a, p.start, p.end));
    const n = plainSpanToSource(b, q.start, q.end);
    return !!m && m.start === n.start && m.end === n.end;
  };
  const x = memoised(memo, 'abbreviations', a.plain, () => paragraphAbbreviations(a.plain));
  const y = memoised(memo, 'abbreviations', b.plain, () => paragraphAbbreviations(b.plain));
  if (x.found.length !== y.found.length || x.tokens.length !== y.tokens.length) return false;
  for (let i = 0; i < x.found.length; i++) {
    const f = x.found[i];
    const g = y.found[i];
    if (f.short !== g.short || f.long !== g.long || !f.shortFirst !== !g.shortFirst || !same(f, g)) return false;
  }
  for (let i = 0; i < x.tokens.length; i++) {
    const t = x.tokens[i];
    const u = y.tokens[i];
    if (t.token !== u.token || t.short !== u.short || t.singular !== u.singular || t.numbered !== u.numbered || t.gene !== u.gene || !same({ start: t.ps, end: t.pe }, { start: u.ps, end: u.pe })) return false;
  }
  const l = memoised(memo, 'abbreviations/list', a.plain, () => listEntries(a.plain));
  const k = memoised(memo, 'abbreviations/list', b.plain, () => listEntries(b.plain));
  if (l.length !== k.length) return false;
  for (let i = 0; i < l.length; i++) if (l[i].short !== k[i].short || l[i].long !== k[i].long || !same(l[i], k[i])) return false;
  return true;
}

/** Definitions and uses of abbreviations in the document, once per check. */
export function analyseAbbreviations(model: DocumentModel, sections: SectionAnalysis): AbbreviationAnalysis {
  return runSteps(analyseAbbreviationSteps(model, sections));
}

/** analyseAbbreviations in steps (steps.ts): a paragraph each, then the uses a few hundred at a time. */
export function* analyseAbbreviationSteps(model: DocumentModel, sections: SectionAnalysis): Steps<AbbreviationAnalysis> {
  const definitions: AbbreviationDefinition[] = [];
  const rawUses: { t: Token; scope: AbbreviationScope; p: Paragraph }[] = [];
  const definedTokens = new Set<string>();
  // What a paragraph's section says (scope, list, back matter), once per section.
  const bySection = new Map<Section | null, { scope: AbbreviationScope; list: boolean; back: boolean }>();
  const sectionFacts = (section: Section | null) => {
    let facts = bySection.get(section);
    if (!facts) bySection.set(section, (facts = { scope: scopeOf(sections, section), list: inList(section, model.memo), back: inBackMatter(sections, section, model.memo) }));
    return facts;
  };
  for (const p of model.paragraphs) {
    yield;
    if (p.kind !== 'prose' && p.kind !== 'list-item') continue;
    const facts = sectionFacts(p.section);
    const scope = facts.scope;
    if (facts.list) {
      for (const e of memoised(model.memo, 'abbreviations/list', p.plain, () => listEntries(p.plain))) {
        const span = plainSpanToSource(p, e.start, e.end);
        definitions.push({ short: definedShort(e.short), long: e.long, scope: 'main', ...span, list: true });
        definedTokens.add(definedShort(e.short));
      }
      continue;
    }
    if (facts.back) continue;
    const { found, tokens } = memoised(model.memo, 'abbreviations', p.plain, () => paragraphAbbreviations(p.plain));
    for (const f of found) {
      definitions.push({ short: definedShort(f.short), long: f.long, scope, ...plainSpanToSource(p, f.start, f.end), ...(f.shortFirst ? { shortFirst: true } : {}) });
      definedTokens.add(definedShort(f.short));
    }
    for (const t of tokens) rawUses.push({ t, scope, p });
  }
  const uses: AbbreviationUse[] = [];
  for (let k = 0; k < rawUses.length; k++) {
    if (k % 256 === 255) yield;
    const { t, scope, p } = rawUses[k];
    let short = t.short;
    if (!short && definedTokens.has(t.token)) short = t.token;
    if (!short && t.singular !== undefined && definedTokens.has(t.singular)) short = t.singular;
    // "IL2", "IL6" after "interleukin (IL)": numbered members of a defined abbreviation.
    if (!short && t.numbered !== undefined && definedTokens.has(t.numbered)) short = t.numbered;
    if (!short) continue;
    // "KIT mutation", "SOD1 gene": a gene symbol named as a gene, which journals do not ask to
    // spell out (HGNC symbols), unless the document defines it.
    if (!definedTokens.has(short) && t.gene) continue;
    uses.push({ short, scope, ...plainSpanToSource(p, t.ps, t.pe) });
  }
  return { definitions, uses };
}
