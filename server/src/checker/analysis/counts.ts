/**
 * Word and count limits: what a journal's editorial office counts before review, and the
 * profile's (or the config's) limit for each. One module for the `length-limit` rule, the
 * checklist (status bar, view) and the report. Pure queries over the model.
 *
 * - **Words** are runs of non-space characters holding a letter or a digit ("T2-weighted" and
 *   "12.5" are one word each), as word processors count them; citation markers ("[3]",
 *   "\cite{x}", "[@key]") are not words.
 * - **Abstract words**: the prose and list items under the abstract's heading (a LaTeX abstract
 *   environment is one), else the front matter's `abstract`, else the paragraph of an
 *   "Abstract:" line.
 * - **Main-text words**: prose and list items outside the abstract, the reference list, tables,
 *   captions, the front matter and what comes before the first section (title, authors,
 *   affiliations, keywords), and back matter (consent and declarations, acknowledgements,
 *   contributions, competing interests, funding, data availability, abbreviations).
 * - **References**: the entries of the reference list; without one, the distinct keys cited.
 * - **Figures** and **tables**: the most of the numbered captions ("Figure 2."), the labelled
 *   floats (LaTeX `figure`/`table`, Quarto `#fig-`/`#tbl-`) and, for tables, the tables.
 * - **Keywords**: the entries of the keywords (front matter, a "Keywords:" line, LaTeX
 *   `\keywords{}`, a Keywords section), split at commas, semicolons, `\sep` and line breaks.
 */
import type { CaselintConfig, LimitSetting } from '../config';
import { COUNT_IDS, headingMatches, type CountId, type Profile, type ProfileItem, type TitleCaseReportRule } from '../profiles';
import { memoised } from '../model/memo';
import type { DocumentModel, Memo, Paragraph, Section, Span } from '../types';
import { contentEvidence } from './evidence';
import { figureCaptions } from './figures';
import { referenceList } from './references';
import type { SectionAnalysis } from './sections';

/** What was counted, with where each count belongs (for findings and the checklist). */
export interface DocumentCounts {
  /** Undefined when the document has no abstract. */
  abstractWords?: number;
  mainTextWords: number;
  references: number;
  figures: number;
  tables: number;
  /** Undefined when the document gives no keywords, or gives them without separators. */
  keywords?: number;
  /** A list given without separators (the keywords): it cannot be counted. */
  unseparated?: CountId;
  /** Where each count is reported (the abstract's heading, the keywords line, …). */
  places: Partial<Record<CountId, Span>>;
  title?: { text: string; hasCaseReport: boolean } & Span;
}

/** One count against its limit, as the checklist and the report show it. */
export interface CountCheck {
  id: CountId;
  /** "Abstract", "Main text", "References", "Figures", "Tables", "Keywords". */
  label: string;
  /** "words" or "" (a number of things). */
  unit: 'words' | '';
  /** Undefined when there is nothing to count (no abstract, no keywords). */
  count?: number;
  min?: number;
  max?: number;
  /** Where the limit comes from (the profile's source), or "project config". */
  source?: string;
  /** over: above max; under: below min; ok: within; none: no limit (or nothing counted). */
  status: 'ok' | 'over' | 'under' | 'none';
  /** "Abstract 162/150 words", "Keywords 6 (2–5)", "Figures 3". */
  text: string;
  start?: number;
  end?: number;
}

/** The title rule ("case report" required or to be left out) and whether the title keeps it. */
export interface TitleCheck {
  rule: TitleCaseReportRule;
  source: string;
  /** Undefined when the document has no title. */
  ok?: boolean;
  text: string;
  start?: number;
  end?: number;
}

export interface LimitReport {
  counts: CountCheck[];
  title?: TitleCheck;
}

const LABELS: Record<CountId, { label: string; unit: 'words' | '' }> = {
  abstractWords: { label: 'Abstract', unit: 'words' },
  mainTextWords: { label: 'Main text', unit: 'words' },
  references: { label: 'References', unit: '' },
  figures: { label: 'Figures', unit: '' },
  tables: { label: 'Tables', unit: '' },
  keywords: { label: 'Keywords', unit: '' },
};

const CONFIG_SOURCE = 'project config ("limits")';
const CASE_REPORT_RE = /\bcase[\s\u00a0-]+reports?\b/i;

/** Back matter by heading: not main text. */
const BACK_MATTER: ProfileItem = {
  id: 'back-matter', label: 'Back matter', required: false, claimMode: 'skip',
  headings: [
    'acknowledgements', 'acknowledgments', 'acknowledgement', 'acknowledgment', 'declarations', 'statements and declarations',
    'competing interests', 'conflict of interest', 'conflicts of interest', 'conflict of interest statement', 'disclosure', 'disclosures',
    'funding', 'funding statement', 'sources of funding', 'financial support', 'author contributions', "authors' contributions",
    'authors contributions', 'contributors', 'data availability', 'data availability statement', 'availability of data and materials',
    'availability of data and material', 'ethics', 'ethics statement', 'ethics approval', 'ethical approval', 'ethics approval and consent to participate',
    'consent', 'consent for publication', 'patient consent', 'patient consent for publication', 'informed consent', 'consent to publish',
    'abbreviations', 'list of abbreviations', 'supplementary material', 'supplementary materials', 'footnotes', 'provenance and peer review',
    'authors information', "authors' information", 'author information', 'orcid', 'keywords', 'key words',
  ],
};

/** Words in a text: runs of non-space characters with a letter or a digit (not a LaTeX command). One pass. */
export function countWords(text: string): number {
  let n = 0;
  let inToken = false;
  let counted = false;
  let command = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xa0 || (c > 127 && WHITE_RE.test(text[i]))) {
      inToken = false;
      continue;
    }
    if (!inToken) {
      inToken = true;
      counted = false;
      command = c === 92; // "\cite{…}" left in LaTeX plain text
    }
    if (counted || command) continue;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && WORD_RE.test(text[i]))) {
      counted = true;
      n++;
    }
  }
  return n;
}
const WORD_RE = /[\p{L}\p{N}]/u;
const WHITE_RE = /\s/u;

/** A paragraph's words, its citation markers left out. */
/** A paragraph's words without its citation markers; memoised by its text and markers (a re-check counts only the edited paragraphs). */
function paragraphWords(p: Paragraph, memo: Memo | undefined): number {
  if (!memo) return wordsOf(p);
  const key = p.citations.length ? p.citations.map((c) => c.raw).join('\u0001') + '\0' + p.plain : '\0' + p.plain;
  return memoised(memo, 'counts/words', key, () => wordsOf(p));
}

function wordsOf(p: Paragraph): number {
  if (!p.citations.length) return countWords(p.plain);
  // The markers in order, each looked for after the previous one (one pass over the text).
  const parts: string[] = [];
  let from = 0;
  for (const c of p.citations) {
    const at = p.plain.indexOf(c.raw, from);
    if (at < 0) continue;
    parts.push(p.plain.slice(from, at));
    from = at + c.raw.length;
  }
  parts.push(p.plain.slice(from));
  return countWords(parts.join(' '));
}

/** Is the section, or one of its ancestors, one that `test` accepts? Memoised per section in `memo`. */
function under(section: Section | null, test: (s: Section) => boolean, memo: Map<Section, boolean>): boolean {
  if (!section) return false;
  let v = memo.get(section);
  if (v === undefined) {
    v = test(section) || under(section.parent, test, memo);
    memo.set(section, v);
  }
  return v;
}

const cache = new WeakMap<DocumentModel, WeakMap<SectionAnalysis, DocumentCounts>>();
/** Counts without the main text's words (`mainTextWords` 0): what a check without a main-text limit needs. */
const cacheWithoutMainText = new WeakMap<DocumentModel, WeakMap<SectionAnalysis, DocumentCounts>>();

/**
 * The document's counts, once per model and section analysis. With `mainText` false the main
 * text's words (most of the document) are not counted and `mainTextWords` is 0.
 */
export function documentCounts(model: DocumentModel, sections: SectionAnalysis, mainText = true): DocumentCounts {
  const full = cache.get(model)?.get(sections);
  if (full) return full;
  const store = mainText ? cache : cacheWithoutMainText;
  let byAnalysis = store.get(model);
  if (!byAnalysis) store.set(model, (byAnalysis = new WeakMap()));
  let counts = byAnalysis.get(sections);
  if (!counts) byAnalysis.set(sections, (counts = computeCounts(model, sections, mainText)));
  return counts;
}

function computeCounts(model: DocumentModel, sections: SectionAnalysis, mainText: boolean): DocumentCounts {
  const places: Partial<Record<CountId, Span>> = {};
  const itemOf = (s: Section) => sections.itemOf.get(s);
  const abstractMemo = new Map<Section, boolean>();
  const inAbstract = (p: Paragraph) => under(p.section, (s) => !!itemOf(s)?.abstract, abstractMemo);
  const backMatterMemo = new Map<Section, boolean>();
  const inBackMatter = (p: Paragraph) =>
    under(p.section, (s) => !!itemOf(s)?.referenceList || !!itemOf(s)?.declaration || (!!s.heading && headingMatches(BACK_MATTER, s.heading.text)), backMatterMemo);
  const textual = (p: Paragraph) => p.kind === 'prose' || p.kind === 'list-item';

  // The abstract.
  let abstractWords: number | undefined;
  const abstractItem = sections.items.find((i) => i.abstract);
  const abstractSections = abstractItem ? sections.byItem.get(abstractItem.id) : undefined;
  const abstractParagraphs = new Set<Paragraph>();
  // Keywords (a "Keywords:" line is often written inside the abstract).
  const keywords = keywordCount(model, sections);
  if (keywords) places.keywords = keywords.place;
  const inKeywords = (p: Paragraph) => !!keywords && p.start <= keywords.place.start && keywords.place.start < p.end;

  if (abstractSections?.length) {
    for (const p of model.paragraphs) if (textual(p) && inAbstract(p) && !inKeywords(p)) abstractParagraphs.add(p);
    abstractWords = [...abstractParagraphs].reduce((n, p) => n + paragraphWords(p, model.memo), 0);
    const h = abstractSections[0].heading!;
    places.abstractWords = { start: h.textStart, end: h.textEnd };
  } else {
    const fm = model.frontMatter?.data?.abstract;
    const evidence = contentEvidence(model, 'abstract');
    if (typeof fm === 'string' && fm.trim()) {
      abstractWords = countWords(fm);
      if (evidence) places.abstractWords = { start: evidence.start, end: evidence.end };
    } else if (evidence && evidence.status === 'present') {
      const p = model.paragraphs.find((x) => x.start <= evidence.start && evidence.start < x.end);
      if (p) {
        abstractParagraphs.add(p);
        // "Abstract:" itself is a label, not a word of the abstract.
        abstractWords = Math.max(0, paragraphWords(p, model.memo) - 1);
      }
      places.abstractWords = { start: evidence.start, end: evidence.end };
    }
  }

  // The main text: after the first section that is a profile item (or any heading).
  const firstBody = model.sections.find((s) => {
    const item = s.heading ? itemOf(s) : undefined;
    return item && !item.abstract && item.evidence !== 'title' && item.evidence !== 'keywords';
  });
  const bodyStart = firstBody ? firstBody.start : (model.headings.find((h) => !model.title || h.textStart !== model.title.start)?.start ?? 0);
  let mainTextWords = 0;
  if (mainText) for (const p of model.paragraphs) {
    if (!textual(p) || abstractParagraphs.has(p)) continue;
    if (p.start < bodyStart) continue;
    if (model.frontMatter && p.start < model.frontMatter.end) continue;
    if (inAbstract(p) || inKeywords(p)) continue;
    // A Pandoc table caption (": Nerve conduction studies {#tbl-ncs}", "Table: …").
    if (/^(?::|Table:)\s/.test(p.plain)) continue;
    if (inBackMatter(p)) continue;
    mainTextWords += paragraphWords(p, model.memo);
  }
  if (firstBody?.heading) places.mainTextWords = { start: firstBody.heading.textStart, end: firstBody.heading.textEnd };

  // References.
  const list = referenceList(model);
  let references = list.length;
  if (!references) {
    const keys = new Set<string>();
    for (const c of model.citations) if (c.kind === 'pandoc' || c.kind === 'latex') for (const k of c.keys) keys.add(k);
    references = keys.size;
  }
  const refItem = sections.items.find((i) => i.referenceList);
  const refSection = refItem ? sections.byItem.get(refItem.id)?.[0] : undefined;
  if (refSection?.heading) places.references = { start: refSection.heading.textStart, end: refSection.heading.textEnd };

  // Figures and tables.
  const captions = figureCaptions(model);
  const numbers = (kind: 'figure' | 'table') => new Set(captions.filter((c) => c.kind === kind).map((c) => c.number)).size;
  const floats = floatCounts(model);
  const figures = Math.max(numbers('figure'), floats.figure);
  const tables = Math.max(numbers('table'), floats.table, model.tables.length);
  const firstCaption = (kind: 'figure' | 'table') => captions.find((c) => c.kind === kind);
  const fc = firstCaption('figure') ?? floats.first.figure;
  if (fc) places.figures = { start: fc.start, end: fc.end };
  const tc = firstCaption('table') ?? floats.first.table;
  if (tc) places.tables = { start: tc.start, end: tc.end };
  else if (model.tables[0]) places.tables = { start: model.tables[0].start, end: model.tables[0].start };

  const title = model.title ? { text: model.title.text, start: model.title.start, end: model.title.end, hasCaseReport: CASE_REPORT_RE.test(model.title.text) } : undefined;
  return {
    abstractWords, mainTextWords, references, figures, tables, keywords: keywords?.count,
    ...(keywords && keywords.count === undefined ? { unseparated: 'keywords' as const } : {}),
    places, title,
  };
}

/** LaTeX `figure`/`table` floats and Quarto `#fig-`/`#tbl-` labels, outside comments and code. */
function floatCounts(model: DocumentModel): { figure: number; table: number; first: Partial<Record<'figure' | 'table', Span>> } {
  const out = { figure: 0, table: 0, first: {} as Partial<Record<'figure' | 'table', Span>> };
  // Comments (and LaTeX verbatim code; Quarto's `#| label:` lines are in code chunks) in document
  // order; matches come in order too, so one cursor walks both.
  const skip = [...model.comments, ...(model.format === 'latex' ? model.codeBlocks : [])].sort((a, b) => a.start - b.start);
  let k = 0;
  let reach = -1;
  const outside = (i: number) => {
    while (k < skip.length && skip[k].start <= i) reach = Math.max(reach, skip[k++].end);
    return i >= reach;
  };
  if (model.format === 'latex') {
    for (const m of model.text.matchAll(/\\begin\s*\{(?:sideways|wrap)?(figure|table)\*?\}/g)) {
      if (!outside(m.index!)) continue;
      const kind = m[1] as 'figure' | 'table';
      out[kind]++;
      out.first[kind] ??= { start: m.index!, end: m.index! + m[0].length };
    }
  } else {
    const labels = { figure: new Set<string>(), table: new Set<string>() };
    for (const m of model.text.matchAll(/\{#((fig|tbl)-[\w-]*\w)[^}\n]*\}|^[ \t]*#\|[ \t]*label:[ \t]*["']?((fig|tbl)-[\w-]*\w)/gm)) {
      if (!outside(m.index!)) continue;
      const kind = (m[2] ?? m[4]) === 'fig' ? 'figure' : 'table';
      labels[kind].add(m[1] ?? m[3]);
      out.first[kind] ??= { start: m.index!, end: m.index! + m[0].length };
    }
    out.figure = labels.figure.size;
    out.table = labels.table.size;
  }
  return out;
}

const KEYWORDS_LINE = /^[ \t>]*[*_]{0,2}(?:key[\s-]?words|mesh(?:\s+(?:key[\s-]?words|terms|headings))?|index\s+terms)[*_]{0,2}[ \t]*[:\u2013\u2014][*_]{0,2}(.*)$/im;

/**
 * The number of keywords in a list, or undefined when it cannot be told: one entry of more than
 * four words has lost its separators ("Vasculitis Eosinophilia Asthma Fluticasone Salmeterol").
 */
function splitKeywords(text: string): number | undefined {
  const entries = text
    .replace(/\\sep\b/g, ';')
    .split(/[,;\n\u00b7\u2022|]+/)
    .map((k) => k.replace(/[*_.]+/g, '').trim())
    .filter((k) => WORD_RE.test(k));
  if (entries.length === 1 && countWords(entries[0]) > 4) return undefined;
  return entries.length;
}

function keywordCount(model: DocumentModel, sections: SectionAnalysis): { count: number | undefined; place: Span } | undefined {
  const fm = model.frontMatter?.data;
  const evidence = contentEvidence(model, 'keywords');
  if (fm && ('keywords' in fm || 'keyword' in fm)) {
    const value = fm.keywords ?? fm.keyword;
    const count = Array.isArray(value) ? value.filter((v) => String(v ?? '').trim()).length : typeof value === 'string' ? splitKeywords(value) : 0;
    return { count, place: evidence ? { start: evidence.start, end: evidence.end } : { start: model.frontMatter!.start, end: model.frontMatter!.start } };
  }
  // A Keywords section: its paragraphs.
  const item = sections.items.find((i) => i.evidence === 'keywords');
  const section = item ? sections.byItem.get(item.id)?.[0] : undefined;
  if (section?.heading) {
    const text = model.paragraphs.filter((p) => p.section === section).map((p) => p.plain).join('\n');
    return { count: splitKeywords(text), place: { start: section.heading.textStart, end: section.heading.textEnd } };
  }
  if (!evidence) return undefined;
  const from = model.text.slice(evidence.start);
  if (model.format === 'latex') {
    const m = /^\\keywords\s*\{([^}]*)\}|^\\begin\s*\{keywords?\}([\s\S]*?)\\end\s*\{keywords?\}/.exec(from);
    if (m) return { count: splitKeywords(m[1] ?? m[2] ?? ''), place: { start: evidence.start, end: evidence.end } };
  }
  const m = KEYWORDS_LINE.exec(from);
  // Without the comments written on the line ("<!-- … -->", LaTeX "% …").
  const line = m ? m[1].replace(/<!--[\s\S]*?-->/g, '').replace(model.format === 'latex' ? /(^|[^\\])%.*$/ : /$^/, '$1') : '';
  return { count: m ? splitKeywords(line) : 0, place: { start: evidence.start, end: evidence.end } };
}

/** The limits that apply: the profile's, overridden key by key by the config's `limits`. */
export function effectiveLimits(profile: Profile, config: CaselintConfig): { [K in CountId]?: { min?: number; max?: number; source: string } } & { titleCaseReport?: { rule: TitleCaseReportRule; source: string } } {
  const out: ReturnType<typeof effectiveLimits> = {};
  const own = config.limits ?? {};
  for (const id of COUNT_IDS) {
    const setting: LimitSetting | undefined = own[id];
    if (setting === undefined) {
      const p = profile.limits?.[id];
      if (p) out[id] = { ...p };
    } else if (setting === null) {
      continue;
    } else if (typeof setting === 'number') {
      out[id] = { max: setting, source: CONFIG_SOURCE };
    } else {
      out[id] = { ...(setting.min !== undefined ? { min: setting.min } : {}), ...(setting.max !== undefined ? { max: setting.max } : {}), source: CONFIG_SOURCE };
    }
  }
  const title = own.titleCaseReport;
  if (title === undefined) {
    if (profile.limits?.titleCaseReport) out.titleCaseReport = { ...profile.limits.titleCaseReport };
  } else if (title !== 'any') {
    out.titleCaseReport = { rule: title, source: CONFIG_SOURCE };
  }
  return out;
}

/**
 * Each count against its limit, and the title rule, for one check. With `limitedOnly` (the
 * `length-limit` rule) the main text's words are counted only when they have a limit.
 */
export function limitReport(model: DocumentModel, sections: SectionAnalysis, profile: Profile, config: CaselintConfig, limitedOnly = false): LimitReport {
  const limits = effectiveLimits(profile, config);
  const counts = documentCounts(model, sections, !limitedOnly || limits.mainTextWords !== undefined);
  const checks: CountCheck[] = COUNT_IDS.map((id) => {
    const { label, unit } = LABELS[id];
    const count = counts[id];
    const limit = limits[id];
    const place = counts.places[id];
    let status: CountCheck['status'] = 'none';
    if (count !== undefined && limit) {
      status = limit.max !== undefined && count > limit.max ? 'over' : limit.min !== undefined && count < limit.min ? 'under' : 'ok';
    }
    return {
      id,
      label,
      unit,
      ...(count !== undefined ? { count } : {}),
      ...(limit?.min !== undefined ? { min: limit.min } : {}),
      ...(limit?.max !== undefined ? { max: limit.max } : {}),
      ...(limit ? { source: limit.source } : {}),
      status,
      text: count === undefined && counts.unseparated === id ? `${label}: not separated by commas or semicolons` : countText(label, unit, count, limit),
      ...(place ? { start: place.start, end: place.end } : {}),
    };
  });
  const rule = limits.titleCaseReport;
  let title: TitleCheck | undefined;
  if (rule) {
    const t = counts.title;
    const ok = t ? (rule.rule === 'require' ? t.hasCaseReport : !t.hasCaseReport) : undefined;
    const text = !t ? 'Title: none found' : rule.rule === 'require' ? `Title ${t.hasCaseReport ? 'contains' : 'lacks'} "case report"` : `Title ${t.hasCaseReport ? 'contains' : 'leaves out'} "case report"`;
    title = { rule: rule.rule, source: rule.source, ...(ok !== undefined ? { ok } : {}), text, ...(t ? { start: t.start, end: t.end } : {}) };
  }
  return { counts: checks, ...(title ? { title } : {}) };
}

/** "Abstract 162/150 words", "Keywords 6 (2–5)", "Main text 1830 words", "Abstract: none". */
function countText(label: string, unit: string, count: number | undefined, limit: { min?: number; max?: number } | undefined): string {
  const u = unit ? ` ${unit}` : '';
  if (count === undefined) return `${label}: none`;
  if (!limit) return `${label} ${count}${u}`;
  if (limit.min !== undefined && limit.max !== undefined) return `${label} ${count}${u} (${limit.min}\u2013${limit.max})`;
  if (limit.max !== undefined) return `${label} ${count}/${limit.max}${u}`;
  return `${label} ${count}${u} (at least ${limit.min})`;
}
