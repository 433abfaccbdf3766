/**
 * Content that satisfies a profile item without (or besides) its heading: a "Keywords:" line,
 * front matter, a LaTeX abstract environment, a timeline table, a consent statement, the
 * patient's perspective, a title with "case report". Pure queries over the model.
 */
import { SpanUnion } from '../model/text';
import { headingMatches, type EvidenceKind, type ProfileItem } from '../profiles';
import type { DocumentModel, Section, Span } from '../types';
import type { SectionAnalysis } from './sections';

/** Content that satisfies a profile item without (or besides) its heading. */
export interface ContentEvidence extends Span {
  status: 'present' | 'empty';
  detail: string;
}

/**
 * Content of one kind (a profile item's `evidence` role: keywords, abstract, timeline, consent,
 * patient-perspective, title), or undefined. Usable by rules that want to accept content in
 * place of a heading.
 */
export function contentEvidence(model: DocumentModel, kind: EvidenceKind | undefined): ContentEvidence | undefined {
  switch (kind) {
    case 'title':
      return titleEvidence(model, []);
    case 'keywords':
      return frontMatterEvidence(model, 'keywords') ?? labelLineEvidence(model, KEYWORDS_LINE, 'a "Keywords:" line') ?? latexCommandEvidence(model, /\\keywords\s*\{/, /\}/, 'a \\keywords command') ?? latexCommandEvidence(model, /\\begin\s*\{keywords?\}/, /\\end\s*\{keywords?\}/, 'a keywords environment');
    case 'abstract':
      return frontMatterEvidence(model, 'abstract') ?? labelLineEvidence(model, ABSTRACT_LINE, 'an "Abstract:" paragraph') ?? latexAbstract(model);
    case 'timeline':
      return timelineEvidence(model);
    case 'consent':
      return consentEvidence(model);
    case 'patient-perspective':
      return perspectiveEvidence(model);
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------
// Title
// ---------------------------------------------------------------------------

const CASE_REPORT_RE = /\bcase[\s\u00a0-]+reports?\b/i;

export function titleEvidence(model: DocumentModel, items: ProfileItem[]): ContentEvidence | undefined {
  const title = model.title;
  if (!title) return undefined;
  // A first-level heading that is a section ("# Abstract") is not a title.
  const fromHeading = model.headings.find((h) => h.textStart === title.start && h.textEnd === title.end);
  if (fromHeading && items.some((i) => i.evidence !== 'title' && headingMatches(i, fromHeading.text))) return undefined;
  if (CASE_REPORT_RE.test(title.text)) return { status: 'present', start: title.start, end: title.end, detail: 'title contains "case report"' };
  return { status: 'empty', start: title.start, end: title.end, detail: `title "${title.text}" does not contain "case report"` };
}

// ---------------------------------------------------------------------------
// Label lines ("Keywords: ...") and front matter
// ---------------------------------------------------------------------------

const KEYWORDS_LINE = /^[ \t>]*[*_]{0,2}(?:key[\s-]?words|mesh(?:\s+(?:key[\s-]?words|terms|headings))?|index\s+terms)[*_]{0,2}[ \t]*[:\u2013\u2014][*_]{0,2}(.*)$/gim;
const ABSTRACT_LINE = /^[ \t>]*[*_]{0,2}(?:abstract|summary)[*_]{0,2}[ \t]*[:\u2013\u2014][*_]{0,2}(.*)$/gim;

/** The code blocks and comments of a model, merged and sorted (made once per model). */
const IGNORED = new WeakMap<DocumentModel, SpanUnion>();

/** In the front matter, a code block or a comment? A binary search: many candidate lines and many comments stay linear. */
function inIgnoredBlock(model: DocumentModel, offset: number): boolean {
  if (model.frontMatter && offset < model.frontMatter.end) return true;
  let ignored = IGNORED.get(model);
  if (!ignored) IGNORED.set(model, (ignored = new SpanUnion([...model.codeBlocks, ...model.comments])));
  return ignored.contains(offset);
}

function labelLineEvidence(model: DocumentModel, re: RegExp, what: string): ContentEvidence | undefined {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let empty: ContentEvidence | undefined;
  while ((m = re.exec(model.text))) {
    const lead = m[0].length - m[0].trimStart().length;
    const start = m.index + lead;
    if (inIgnoredBlock(model, start)) continue;
    const end = m.index + m[0].trimEnd().length;
    const rest = m[1].replace(/[*_]/g, '').trim();
    if (rest) return { status: 'present', start, end, detail: what };
    empty ??= { status: 'empty', start, end, detail: `${what} without text` };
  }
  return empty;
}

function frontMatterEvidence(model: DocumentModel, key: string): ContentEvidence | undefined {
  const fm = model.frontMatter;
  if (!fm?.data || !(key in fm.data)) return undefined;
  const value = fm.data[key];
  const m = new RegExp(`^${key}[ \\t]*:`, 'm').exec(model.text.slice(fm.start, fm.end));
  const start = m ? fm.start + m.index : fm.start;
  const end = m ? start + key.length : fm.start;
  const filled = Array.isArray(value) ? value.some((v) => String(v ?? '').trim()) : typeof value === 'string' ? !!value.trim() : value != null;
  return { status: filled ? 'present' : 'empty', start, end, detail: filled ? `front matter "${key}"` : `front matter "${key}" is empty` };
}

/**
 * The first `open` … `close` of a LaTeX document, as the regular expression `open[\s\S]*?close`
 * would find it, in linear time: that search starts again at every later `open` when the first
 * has no `close` after it (quadratic with many unclosed `\keywords{`), although then none has.
 */
function firstEnclosed(text: string, open: RegExp, close: RegExp): { start: number; bodyStart: number; bodyEnd: number; end: number } | undefined {
  const o = new RegExp(open.source, 'g' + open.flags.replace(/[gy]/g, ''));
  const m = o.exec(text);
  if (!m) return undefined;
  const c = new RegExp(close.source, 'g' + close.flags.replace(/[gy]/g, ''));
  c.lastIndex = m.index + m[0].length;
  const e = c.exec(text);
  if (!e) return undefined;
  return { start: m.index, bodyStart: m.index + m[0].length, bodyEnd: e.index, end: e.index + e[0].length };
}

function latexCommandEvidence(model: DocumentModel, open: RegExp, close: RegExp, what: string): ContentEvidence | undefined {
  if (model.format !== 'latex') return undefined;
  const m = firstEnclosed(model.text, open, close);
  if (!m || inIgnoredBlock(model, m.start)) return undefined;
  return { status: model.text.slice(m.bodyStart, m.bodyEnd).trim() ? 'present' : 'empty', start: m.start, end: m.end, detail: what };
}

function latexAbstract(model: DocumentModel): ContentEvidence | undefined {
  if (model.format !== 'latex') return undefined;
  const m = firstEnclosed(model.text, /\\begin\s*\{abstract\}/, /\\end\s*\{abstract\}/);
  if (!m) return undefined;
  const body = model.text.slice(m.bodyStart, m.bodyEnd).replace(/(^|[^\\])%.*$/gm, '$1').trim();
  return { status: body ? 'present' : 'empty', start: m.start, end: m.bodyStart, detail: 'an abstract environment' };
}

// ---------------------------------------------------------------------------
// Timeline, consent, patient perspective
// ---------------------------------------------------------------------------

const TIME_HEADER_RE = /\b(?:time(?:line|\s*point)?|dates?|days?|weeks?|months?|years?|hours?|age|hospital\s+day|when|period)\b/i;

function timelineEvidence(model: DocumentModel): ContentEvidence | undefined {
  for (const t of model.tables) {
    if (t.header.some((c) => TIME_HEADER_RE.test(c.text)) || (t.caption && /\btime\s*line/i.test(t.caption.plain))) {
      const firstLineEnd = model.text.slice(t.start, t.end).search(/\r?\n|\r/);
      return { status: 'present', start: t.start, end: firstLineEnd >= 0 ? t.start + firstLineEnd : t.end, detail: 'a timeline table' };
    }
  }
  const caption = model.paragraphs.find((p) => p.kind === 'caption' && /\btime\s*line/i.test(p.plain));
  if (caption) {
    return { status: 'present', start: caption.start, end: caption.end, detail: 'a timeline figure or table' };
  }
  return undefined;
}

const CONSENT_RE = /\bconsent/i;
const CONSENT_GIVEN_RE = /\b(?:obtained|written|informed|signed|given|gave|provided|granted|received|waived)\b/i;

function consentEvidence(model: DocumentModel): ContentEvidence | undefined {
  for (const s of model.sentences) {
    if (s.paragraph.kind === 'reference') continue;
    if (CONSENT_RE.test(s.text) && CONSENT_GIVEN_RE.test(s.text)) {
      return { status: 'present', start: s.start, end: s.end, detail: 'a consent statement' };
    }
  }
  return undefined;
}

const PERSPECTIVE_RE = /\bpatient(?:['\u2019]s|s['\u2019]?)?\s+perspective\b|\bin\s+(?:the\s+patient['\u2019]s|his|her|their|my)\s+own\s+words\b|\bin\s+the\s+patient['\u2019]s\s+words\b/i;

function perspectiveEvidence(model: DocumentModel): ContentEvidence | undefined {
  for (const p of model.paragraphs) {
    if (p.kind === 'reference' || !PERSPECTIVE_RE.test(p.plain)) continue;
    const s = p.sentences.find((x) => PERSPECTIVE_RE.test(x.text)) ?? p;
    const hasMore = p.plain.replace(PERSPECTIVE_RE, '').replace(/[\s:.\-\u2013\u2014*_]/g, '').length > 0;
    return { status: hasMore ? 'present' : 'empty', start: s.start, end: s.end, detail: "the patient's perspective" };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Investigations inside the case presentation
// ---------------------------------------------------------------------------

/**
 * Names of investigations: laboratory tests, imaging, electrophysiology, pathology. A paragraph
 * counts as reporting investigations when it names one and gives a result (a value with a unit,
 * a reference range, or "showed/revealed/was normal…"); a table counts when its header or first
 * column names one.
 */
const TEST_RE = new RegExp(
  '\\b(?:' +
    [
      'laboratory', 'blood (?:tests?|count|cultures?)', 'full blood count', 'complete blood count', 'haemoglobin', 'hemoglobin',
      'white (?:blood )?cell count', 'leu[ck]ocytes?', 'platelets?', 'serum', 'plasma', 'urinalysis', 'urine', 'creatinine',
      'electrolytes', 'liver function', 'renal function', 'c-reactive protein', 'crp', 'esr', 'erythrocyte sedimentation',
      'antibod(?:y|ies)', 'serology', 'cultures?', 'pcr', 'biopsy', 'histolog(?:y|ical)', 'histopatholog(?:y|ical)',
      'cytology', 'immunohistochemi(?:stry|cal)', 'cerebrospinal fluid', 'csf', 'lumbar puncture', 'x-?rays?', 'radiographs?',
      'radiograph(?:y|ic)', 'ultrasound', 'ultrasonography', 'sonography', 'computed tomography', 'ct(?: scan)?', 'mri',
      'magnetic resonance', 'pet', 'scintigraphy', 'angiography', 'endoscopy', 'colonoscopy', 'gastroscopy', 'echocardiograph(?:y|ic)',
      'electrocardiogra(?:m|phy)', 'ecg', 'ekg', 'eeg', 'electroencephalogra(?:m|phy)', 'emg', 'electromyograph(?:y|ic)',
      'nerve conduction', 'evoked potentials?', 'genetic testing', 'sequencing', 'karyotype', 'imaging', 'scan',
    ].join('|') +
    ')\\b',
  'i',
);
const RESULT_RE = /\b(?:normal range|reference range|within (?:the )?normal (?:range|limits)|(?:was|were) (?:normal|abnormal|unremarkable|negative|positive|raised|elevated|low|high|reduced)|revealed|showed|shown|demonstrated|confirmed|disclosed|yielded|identified|detected)\b|\d\s*(?:mg|g|µg|ug|ng|pg|mmol|µmol|umol|nmol|mEq|IU|U|mU|mm|cm|ms|m\/s|mV|µV|uV|%|×\s*10|x\s*10|\/mm|\/µl|\/ul|\/l|\/L|\/dl|\/dL|mmHg)(?![a-z])/i;

/** Where the case presentation holds an item's content without its heading (`inCase` role). */
export interface InCaseEvidence extends Span {
  /** The case presentation's section the content is in. */
  section: Section;
  detail: string;
  /** The content starts inside a paragraph (at `start`, a sentence after the first). */
  inParagraph?: boolean;
}

/**
 * The first paragraph or table of the patient's story (sections of items read as the case,
 * not the abstract) that reports investigations, or undefined.
 */
export function inCaseEvidence(model: DocumentModel, sections: SectionAnalysis, kind: 'investigations'): InCaseEvidence | undefined {
  void kind;
  const caseItemOf = (section: Section | null): Section | undefined => {
    for (let s = section; s; s = s.parent) {
      const item = sections.itemOf.get(s);
      if (item) return item.claimMode === 'case' && !item.abstract && !item.inCase ? s : undefined;
    }
    return undefined;
  };
  let best: InCaseEvidence | undefined;
  for (const p of model.paragraphs) {
    if (p.kind !== 'prose' && p.kind !== 'list-item') continue;
    const section = caseItemOf(p.section);
    if (!section || !TEST_RE.test(p.plain) || !RESULT_RE.test(p.plain)) continue;
    // The first sentence naming a test with its result (a paragraph often opens with the history).
    const s = p.sentences.find((x) => TEST_RE.test(x.text) && RESULT_RE.test(x.text));
    if (!s) continue;
    const first = p.kind === 'list-item' || s === p.sentences[0];
    best = { start: first ? p.start : s.start, end: s.end, section, detail: 'investigations in the case presentation', inParagraph: !first };
    break;
  }
  for (const t of model.tables) {
    if (best && t.start > best.start) break;
    const section = caseItemOf(t.section);
    if (!section) continue;
    const names = [...t.header, ...t.rows.map((r) => r[0]).filter((c) => c)].map((c) => c.text).join(' ; ');
    if (TEST_RE.test(names)) {
      best = { start: t.caption && t.caption.start < t.start ? t.caption.start : t.start, end: t.end, section, detail: 'a table of investigations in the case presentation' };
      break;
    }
  }
  return best;
}
