/**
 * Public types of the checker core. The core is a pure library: text, format and
 * config go in, findings come out. All positions are UTF-16 code-unit offsets into
 * the original text (what JavaScript string indices are), half-open: [start, end).
 */
import type { Format } from './formats';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** The checker's parsers (formats.ts: which files and language ids each reads). */
export type { Format };

export interface Span {
  start: number;
  end: number;
}

/** Replace [start, end) of the original text with newText. */
export interface OffsetEdit extends Span {
  newText: string;
}

/**
 * What a fix does, so that hosts tell fixes apart without reading their titles:
 * - `fix`: corrects the finding (replace a word, insert a citation placeholder);
 * - `insert-section`: inserts a missing section's heading and template;
 * - `renumber-citations`: rewrites every numbered citation and reorders the reference list (one
 *   edit for the whole document: a host may offer it as a source action);
 * - `remove-reference`: deletes a reference entry (and renumbers the rest): an explicit action,
 *   never safe, never part of "fix all";
 * - `ignore-line` / `ignore-file`: a suppression comment for the finding's line or the whole file.
 */
export type FixKind = 'fix' | 'insert-section' | 'renumber-citations' | 'remove-reference' | 'ignore-line' | 'ignore-file';

export interface Fix {
  /** What the editor shows (`Insert section "Abstract"`, `Ignore placeholder on this line`). */
  title: string;
  kind: FixKind;
  edits: OffsetEdit[];
  /** Safe to apply together with other safe fixes without review (source.fixAll). */
  safe?: boolean;
}

export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  fixes?: Fix[];
  /** Rule-specific payload (for example the claim category), JSON-serialisable. */
  data?: Record<string, unknown>;
}

// ---------------------------------------------------------------------------
// Document model
// ---------------------------------------------------------------------------

export interface Heading extends Span {
  /** 1..6 for Markdown; 1 for plain-text capitals headings; LaTeX: 1 = \section. */
  level: number;
  /** Heading text without markup, numbering or trailing punctuation: "Case Report". */
  text: string;
  /** Offsets of the heading's visible text in the source (after '#', numbering included). */
  textStart: number;
  textEnd: number;
  /** Numbering as written ("2.", "II.", "3.1"), if any. */
  number?: string;
}

export interface Section extends Span {
  /** null for the text before the first heading (the preamble). */
  heading: Heading | null;
  /** Where the body starts (just after the heading line). */
  bodyStart: number;
  /** Paragraphs directly inside this section (not in sub-sections). */
  paragraphs: Paragraph[];
  parent: Section | null;
  children: Section[];
}

export type ParagraphKind =
  /** Running prose. */
  | 'prose'
  /** Figure or table caption ("Figure 1. ...", "Table 2: ..."). */
  | 'caption'
  /** An entry of the reference list. */
  | 'reference'
  /** A list item's text. */
  | 'list-item';

/**
 * A piecewise mapping from plain-text positions to source positions. The plain text is
 * what rules read (markup removed); each segment says that plain[p .. p+length) equals
 * source[s .. s+length) (or, for replaced text such as entities, maps onto a source span).
 */
export interface TextSegment {
  plainStart: number;
  sourceStart: number;
  length: number;
  /** For replacements (entities, escapes): the source span length when it differs. */
  sourceLength?: number;
}

export interface Paragraph extends Span {
  kind: ParagraphKind;
  /** The paragraph's text without markup. */
  plain: string;
  segments: TextSegment[];
  section: Section | null;
  sentences: Sentence[];
  citations: Citation[];
  /** Inside a blockquote. */
  quoted?: boolean;
}

export type CitationKind =
  | 'numeric'
  | 'superscript'
  | 'pandoc'
  | 'author-year'
  | 'latex';

export interface Citation extends Span {
  kind: CitationKind;
  /** Numbers ("1", "3-6" expanded to 3,4,5,6) or keys ("smith2019"). */
  keys: string[];
  /** The marker as written in the source. */
  raw: string;
  /** Names an author and cites nothing (`\citeauthor{x}`): its sentence is not cited by it. */
  nameOnly?: boolean;
}

export interface Sentence extends Span {
  /** Sentence text without markup (and with citation markers kept). */
  text: string;
  /** Offset of this sentence's text within its paragraph's plain text. */
  plainStart: number;
  paragraph: Paragraph;
  citations: Citation[];
}

export interface TableCell extends Span {
  text: string;
}

export interface Table extends Span {
  header: TableCell[];
  rows: TableCell[][];
  section: Section | null;
  /** A caption paragraph just before or after the table, if any. */
  caption?: Paragraph;
}

export interface CodeBlock extends Span {
  /** Fence info ("r", "python", "{r}") or '' for indented code. */
  info: string;
}

export interface Comment extends Span {
  /** The comment's inner text ("caselint-disable-next-line unsupported-claim"). */
  text: string;
}

/** The suppression directives, after `caselint-` (longest first, for matching). */
export const SUPPRESSION_KINDS = ['disable-next-line', 'disable-line', 'disable', 'enable'] as const;
export type SuppressionKind = (typeof SUPPRESSION_KINDS)[number];

export interface Suppression extends Span {
  kind: SuppressionKind;
  /** Rule ids named; empty means all rules. */
  ruleIds: string[];
  /** The writer's reason, after ` -- ` (as in ESLint); not a rule id. */
  reason?: string;
  /** 0-based line of the comment. */
  line: number;
}

export interface FrontMatter extends Span {
  raw: string;
  /** Parsed YAML, or undefined when it could not be parsed. */
  data: Record<string, unknown> | undefined;
  error?: string;
  /** The YAML library's warnings (an unresolved tag, an unknown directive): the data is read anyway. */
  warnings?: ({ message: string } & Span)[];
}

export interface DocumentModel {
  text: string;
  format: Format;
  frontMatter?: FrontMatter;
  /** The document title: front matter `title`, or the first level-1 heading. */
  title?: { text: string } & Span;
  headings: Heading[];
  /** All sections in document order (flattened tree), preamble first if present. */
  sections: Section[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  citations: Citation[];
  tables: Table[];
  codeBlocks: CodeBlock[];
  comments: Comment[];
  suppressions: Suppression[];
  /** Offsets at which each line starts (lineStarts[0] === 0). */
  lineStarts: number[];
  /** Problems met while parsing (malformed front matter, ...); never thrown. */
  parseWarnings: { message: string; start: number; end: number }[];
  /**
   * The incremental checker's memo (engine/incremental.ts), when the model was parsed by one:
   * per-text work (a paragraph's sentences, a sentence's claim decision) is looked up there.
   * Absent in a plain check, which computes everything.
   */
  memo?: Memo;
}

/**
 * Memoises pure work across the checks of one document (the incremental checker): `compute` must
 * be a function of `space` and `key` alone (the key holds every input the work reads), and its
 * result is never mutated. A value is kept while the checks keep asking for it.
 */
export interface Memo {
  get<T>(space: string, key: string, compute: () => T): T;
}
