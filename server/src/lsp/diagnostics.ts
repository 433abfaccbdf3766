/**
 * Findings → LSP diagnostics. A diagnostic says where, what and which rule (its `code`), and
 * nothing more: no `data`, since the code actions, hover and explain find the finding a diagnostic
 * shows (its fixes, its suppression fixes, its data) in the document's current check by rule,
 * range and message (findingOf). So a re-check after a keystroke that moves no diagnostic gives
 * equal diagnostics, and the pull answers `unchanged` (lsp/documents.ts); and a full report is
 * what the client shows and no more (a `data` that repeated the rule id was a tenth of its
 * bytes: ~36 of 361 KB on the bench's manuscript).
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hintedPositions, lowerBound, ruleDocsUrl, type DocumentModel, type Finding, type Severity } from '../checker';


export const SOURCE = 'caselint';
/** Diagnostic.code of configuration problems (malformed config file, unknown profile setting). */
export const CONFIG_CODE = 'config';
/** Diagnostic.code of files the server did not check (too large, binary). */
export const SKIPPED_CODE = 'skipped';

/** What a caselint finding's diagnostic says of its finding: the rule, from its `code` (diagnosticData). */
export interface DiagnosticData {
  ruleId: string;
}

export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    case 'hint':
    default:
      return DiagnosticSeverity.Hint;
  }
}

/** Where the text's lines start: the model's (made by the parse) or the document's. */
export type Positions = (offset: number) => { line: number; character: number };

/**
 * Offset → LSP position for the text of a check: through the model's line starts (made by the
 * parse) when the model is of the document's text, so that the document's own line index (a
 * pass over the whole text) is not built at each version; else the document's.
 */
export function positionsOf(document: TextDocument, model?: DocumentModel): Positions {
  if (model && model.text === document.getText()) return hintedPositions(model.lineStarts);
  return (offset) => document.positionAt(offset);
}

/** The rules' documentation links, made once per rule and shared by their diagnostics (never changed). */
const docsUrls = new Map<string, { href: string }>();
function codeDescription(ruleId: string): { href: string } {
  let d = docsUrls.get(ruleId);
  if (!d) docsUrls.set(ruleId, (d = { href: ruleDocsUrl(ruleId) }));
  return d;
}

export function findingToDiagnostic(finding: Finding, document: TextDocument, model?: DocumentModel, positions: Positions = positionsOf(document, model)): Diagnostic {
  return diagnosticAt(finding, positions(finding.start), positions(finding.end), true);
}

/**
 * A finding's diagnostic; with `links`, its rule's documentation link (codeDescription), else
 * none: the client makes it from the code (RuleLinks of lsp/protocol.ts).
 */
function diagnosticAt(finding: Finding, start: Diagnostic['range']['start'], end: Diagnostic['range']['end'], links: boolean): Diagnostic {
  if (!links) return { range: { start, end }, severity: toLspSeverity(finding.severity), code: finding.ruleId, source: SOURCE, message: finding.message };
  return {
    range: { start, end },
    severity: toLspSeverity(finding.severity),
    code: finding.ruleId,
    codeDescription: codeDescription(finding.ruleId),
    source: SOURCE,
    message: finding.message,
  };
}

/** Is `d` (one of ours) what `finding` at these positions gives? */
function shows(d: Diagnostic | undefined, finding: Finding, start: Diagnostic['range']['start'], end: Diagnostic['range']['end']): d is Diagnostic {
  return (
    d !== undefined &&
    d.code === finding.ruleId &&
    d.message === finding.message &&
    d.severity === toLspSeverity(finding.severity) &&
    d.source === SOURCE &&
    d.range.start.line === start.line &&
    d.range.start.character === start.character &&
    d.range.end.line === end.line &&
    d.range.end.character === end.character
  );
}

/**
 * Makes the diagnostics of findings in order, reusing a diagnostic of `previous` (the document's
 * last list) where it says the same: a keystroke moves few diagnostics, so most of the list is
 * the last one's objects (nothing new made for them), and a list that is entirely the previous
 * one's, in order, is equal to it (sameList). The previous list is followed with an offset that a
 * finding more or less moves by one.
 */
class DiagnosticMaker {
  private at = 0;
  constructor(
    private readonly positions: Positions,
    private readonly previous: readonly Diagnostic[] = [],
    /** Whether diagnostics carry their rule's link (`previous` was made the same way). */
    private readonly links = true,
  ) {}

  make(finding: Finding): Diagnostic {
    const start = this.positions(finding.start);
    const end = this.positions(finding.end);
    const previous = this.previous;
    // Where the last list is now (`at`), or one on (a finding less before), or one back (one more).
    let i = this.at;
    if (!shows(previous[i], finding, start, end) && !shows(previous[++i], finding, start, end) && !shows(previous[(i -= 2)], finding, start, end)) {
      this.at++;
      return diagnosticAt(finding, start, end, this.links);
    }
    this.at = i + 1;
    return previous[i];
  }
}

/** Are two lists the same diagnostics, object for object (findingsToDiagnostics with `previous`)? */
export function sameList(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The finding of `findings` (a check of the document's current text, sorted by start) that a
 * diagnostic shows: same rule, same message, and its range is where the diagnostic is in the
 * current text. Undefined for a diagnostic of an older version that no longer fits (or not ours).
 */
export function findingOf(findings: readonly Finding[], document: TextDocument, d: Diagnostic): Finding | undefined {
  const data = diagnosticData(d);
  if (!data) return undefined;
  const length = document.getText().length;
  const start = document.offsetAt(d.range.start);
  const end = document.offsetAt(d.range.end);
  // offsetAt clamps: a position past the text (or past its line) is not where a finding is.
  const s = document.positionAt(start);
  const e = document.positionAt(end);
  if (s.line !== d.range.start.line || s.character !== d.range.start.character || e.line !== d.range.end.line || e.character !== d.range.end.character) return undefined;
  if (end > length) return undefined;
  for (let i = lowerBound(findings.length, (k) => findings[k].start < start); i < findings.length && findings[i].start === start; i++) {
    const f = findings[i];
    if (f.end === end && f.ruleId === data.ruleId && f.message === d.message) return f;
  }
  return undefined;
}

/** Do two lists of diagnostics say the same (then a pull answers `unchanged`)? */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (
      x.range.start.line !== y.range.start.line ||
      x.range.start.character !== y.range.start.character ||
      x.range.end.line !== y.range.end.line ||
      x.range.end.character !== y.range.end.character ||
      x.severity !== y.severity ||
      x.code !== y.code ||
      x.message !== y.message ||
      x.source !== y.source ||
      x.codeDescription?.href !== y.codeDescription?.href
    ) {
      return false;
    }
  }
  return true;
}

/** Diagnostics sent per document at most (the rest are counted in one summary diagnostic). */
export const DEFAULT_MAX_DIAGNOSTICS = 1000;
/** Diagnostic.code of the summary diagnostic of a document with more findings than are shown. */
export const MORE_CODE = 'more-findings';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * The diagnostics of a document's findings, at most `max` of them: with more findings, the most
 * severe `max` (in document order within a severity) are shown, in document order, followed by
 * one summary diagnostic at the first line that says how many more there are. Only the shown
 * findings are converted, so a document with 100,000 findings costs what one with `max` does.
 */
export function findingsToDiagnostics(
  findings: readonly Finding[],
  document: TextDocument,
  model?: DocumentModel,
  max = DEFAULT_MAX_DIAGNOSTICS,
  previous?: readonly Diagnostic[],
  /** Whether each diagnostic carries its rule's documentation link (false: the client makes it, RuleLinks). */
  links = true,
): Diagnostic[] {
  const maker = new DiagnosticMaker(positionsOf(document, model), previous, links);
  if (findings.length <= max) return findings.map((f) => maker.make(f));
  // The most severe first: every finding more severe than the last severity that fits, and of
  // that one the first in document order (one pass, no sort).
  const limit = Math.max(0, max);
  const bySeverity = [0, 0, 0, 0];
  for (const f of findings) bySeverity[SEVERITY_RANK[f.severity]]++;
  let cut = 0;
  let before = 0;
  while (cut < 3 && before + bySeverity[cut] < limit) before += bySeverity[cut++];
  let atCut = limit - before;
  const shown: Diagnostic[] = [];
  for (const f of findings) {
    const rank = SEVERITY_RANK[f.severity];
    if (rank < cut || (rank === cut && atCut-- > 0)) shown.push(maker.make(f));
  }
  const more = moreDiagnostic(findings.length - shown.length, shown.length, document);
  const last = previous?.[previous.length - 1];
  shown.push(last && sameDiagnostics([last], [more]) ? last : more);
  return shown;
}

/** The summary of the findings not sent: one Information at the first line. */
export function moreDiagnostic(hidden: number, shown: number, document: TextDocument): Diagnostic {
  // Thousands separated by commas, as toLocaleString('en-US') would, without it: it maps ~4.5 MB of
  // ICU's locale data into the server's memory (measured on the bench's 300 KB manuscript).
  const n = (x: number) => String(x).replace(/\B(?=(\d{3})+$)/g, ',');
  return {
    range: firstLineRange(document),
    severity: DiagnosticSeverity.Information,
    code: MORE_CODE,
    source: SOURCE,
    message: `${n(hidden)} more findings not shown (${n(shown)} of ${n(hidden + shown)} shown, the most severe first); the caselint CLI lists them all.`,
  };
}

/** The range of the document's first line (where file-level messages go). */
export function firstLineRange(document: TextDocument): Diagnostic['range'] {
  // Not through the document's line index: that would be built (the whole text read) for one line.
  const text = document.getText();
  const m = /[\r\n]/.exec(text);
  const length = m ? m.index : text.length;
  return { start: { line: 0, character: 0 }, end: { line: 0, character: length } };
}

/** A configuration problem: one Error at the first line; the message names the file and the problem. */
export function configDiagnostic(message: string, document: TextDocument): Diagnostic {
  return { range: firstLineRange(document), severity: DiagnosticSeverity.Error, code: CONFIG_CODE, source: SOURCE, message };
}

/** The document was not checked (too large, binary): one Information at the first line. */
export function skippedDiagnostic(message: string, document: TextDocument): Diagnostic {
  return { range: firstLineRange(document), severity: DiagnosticSeverity.Information, code: SKIPPED_CODE, source: SOURCE, message };
}

/** Codes of our diagnostics that show no finding (and have no rule link). */
export const NOT_RULE_CODES: ReadonlySet<string> = new Set([CONFIG_CODE, SKIPPED_CODE, MORE_CODE]);

/**
 * Is this one of ours, showing a finding: which rule's? From its `code` (a client sends back the
 * diagnostics it was given; one of an older server, with `data: {ruleId}`, has the same code).
 */
export function diagnosticData(d: Diagnostic): DiagnosticData | undefined {
  if (d.source !== SOURCE || typeof d.code !== 'string' || !d.code || NOT_RULE_CODES.has(d.code)) return undefined;
  return { ruleId: d.code };
}
