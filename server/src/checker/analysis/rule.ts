import type { LoadedBibliography } from './bibliography';
import type { SectionAnalysis } from './sections';
import type { CaselintConfig } from '../config';
import type { TextEncodingName } from '../encoding';
import type { Profile, ProfileItem } from '../profiles';
import type { DocumentModel, Finding, Fix, Paragraph, Section, Severity, Table } from '../types';
import type { Steps } from '../steps';

export interface Report {
  start: number;
  end: number;
  message: string;
  /** Overrides the rule's configured severity (e.g. `info` for a weaker category). */
  severity?: Severity;
  fixes?: Fix[];
  data?: Record<string, unknown>;
}

export interface RuleContext {
  doc: DocumentModel;
  profile: Profile;
  config: CaselintConfig;
  /** This rule's options from config (`["warning", {...}]`). */
  options: Record<string, unknown>;
  sections: SectionAnalysis;
  /** Every rule id users may name (the registry's, and any rules passed to check()). */
  ruleIds: readonly string[];
  /**
   * The bibliography files the document names, as the host read them; undefined when the host
   * read none (a plain check() of a text).
   */
  bibliographies?: readonly LoadedBibliography[];
  /** The profile item a section (or its nearest ancestor) satisfies. */
  itemAt(section: Section | null): ProfileItem | undefined;
  /** How the host decoded the file's bytes (encoding.ts); undefined for text from an editor. */
  encoding?: TextEncodingName;
  report(r: Report): void;
  /**
   * Reports the findings of one paragraph or table: `work` reports them (ctx.report) from what
   * it reads of that block alone (its text, markup, sentences and citations, a table's cells and
   * its caption's text, the document's text on the block's lines and the line before them) and
   * from `key`, which must hold everything else it reads (the section's mode, a fact of the whole
   * document). The config, the profile and the format are part of every key already. With the
   * incremental checker's memo, a block seen before with the same key gets its findings again,
   * moved to where it is now, and `work` does not run; without one, `work` runs. The findings
   * are the same either way, in the same order. Returns the block's findings.
   */
  block(block: Paragraph | Table, key: string, work: () => void): readonly Finding[];
}

export interface Rule {
  /** What users write in config and suppression comments; Diagnostic.code; docs/rules/<id>.md. */
  id: string;
  /** One line, shown in rule lists and SARIF. */
  description: string;
  /** How a writer fixes a finding (hover, reports); one or two sentences. */
  howToFix?: string;
  defaultSeverity: Severity;
  /**
   * JSON schema of the rule's options (`["warning", {...}]`), checked when a config file is
   * loaded. A rule without one takes no options.
   */
  optionsSchema?: Record<string, unknown>;
  /**
   * Reports the rule's findings through `ctx.report`. A rule whose work grows with the document
   * may be a generator (`*check(ctx)`) that yields between slices of it (a paragraph, a
   * sentence): a host that drives the check pauses there (steps.ts); the findings are the same.
   */
  check(ctx: RuleContext): void | Steps<void>;
  /**
   * What of the document the rule's findings depend on, when that is less than all of it; the
   * incremental checker then reuses the rule's last findings, moved, after an edit that leaves
   * all of that the same (engine/reuse.ts). `citations`: the findings are a function of the
   * format, front matter, headings and sections, the kind of each paragraph and its citations,
   * the text of the citations and of the paragraphs in a references section, the bibliographies
   * and the config, and of the text of no other paragraph. `figures`: the same, and of a
   * paragraph that is not a caption and holds no `@`, `{`, `#` or backslash only its numbered
   * figure and table mentions. `abbreviations`: the same, and of a
   * paragraph's text only its definitions, candidate uses and abbreviations list's entries
   * (analysis/abbreviations.ts, sameAbbreviations). `case-facts`: the same, and of a paragraph's
   * text only its facts (analysis/case-facts.ts, paragraphCaseFacts: none outside the abstract
   * and the case presentation) and the 12 characters before each. `identifiers`: the same, and
   * nothing read in a paragraph that holds no identifier (analysis/identifiers), but the 4
   * characters before one. `placeholders`: the same, nothing read in a paragraph that holds no
   * placeholder (analysis/placeholders, paragraphHoldsNoPlaceholder), and of the rest of a line
   * only where its backticks are. A scoped rule's findings
   * hold offsets only in their spans, their fixes' edits and data keys that end in `Start` and
   * `End` (`caseStart`, `caseEnd`): those are what is moved.
   */
  scope?: 'citations' | 'figures' | 'abbreviations' | 'case-facts' | 'identifiers' | 'placeholders';
}
