/**
 * Hover (issue 5 item 2): Markdown explanations from one cached check result.
 *
 * For the server wiring (server/src/lsp/server.ts), register:
 *
 *   connection.onHover((params) => {
 *     const a = <cached analysis of params.textDocument.uri>;   // status 'checked' only
 *     return a?.result ? caselintHover(a.result, a.document, params) : null;
 *   });
 *
 * and declare `hoverProvider: true`. `hoverWithBibliographies` first reads the document's
 * bibliography files (bibfiles.ts: named in the front matter or by `\bibliography{}` /
 * `\addbibresource{}`, else the *.bib files next to a file: document) when the cursor is on a
 * `@key` / `\cite{key}` marker.
 *
 * - On a finding: the rule's explanation (checker views/explain.ts): the message, why
 *   (category/cue from `finding.data`), how to fix it, how to silence it in this format, and a
 *   link to the rule page.
 * - On a citation marker: the matching reference-list entry or BibTeX entry.
 * - On a reference-list entry: the lines that cite it, or that nothing does.
 * - On a heading: the profile item it satisfies, or that it matches none.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentBibFiles, entrySummary, findBibEntry, type BibFile, type ReadBibFiles } from './bibfiles';
import { citationAt, citationsOfEntry, contentEvidence, escapeMarkdown, explain, explanationMarkdown, positionAt, referenceList, resolveCitation, sectionHasContent, type CheckResult, type DocumentModel, type Finding, type ReferenceEntry, type Section } from '../checker';

export interface HoverOptions {
  /**
   * The document's bibliography files, parsed (bibfiles.ts); undefined when none was found.
   * Only key-based markers (`@key`, `\cite{key}`) read them.
   */
  bibliographies?: readonly BibFile[];
}

interface Part {
  start: number;
  end: number;
  markdown: string;
}

/** The hover at a position, or null when there is nothing to say. */
export function caselintHover(
  result: CheckResult,
  document: TextDocument,
  params: { position: Position },
  options: HoverOptions = {},
): Hover | null {
  const { model } = result;
  if (document.getText() !== model.text) return null; // stale cache: say nothing rather than something wrong
  const offset = document.offsetAt(params.position);
  const parts: Part[] = [];

  const findings = result.findings.filter((f) => offset >= f.start && (offset < f.end || (f.start === f.end && offset === f.start)));
  // Findings of one rule at one place (several missing sections at the title) share one explanation.
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  for (const group of byRule.values()) {
    const narrowest = group.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
    parts.push({ start: narrowest.start, end: narrowest.end, markdown: explanationMarkdown(explain(group, model.format)) });
  }

  const citation = citationAt(model, offset);
  if (citation) {
    const needsBib = citation.kind === 'pandoc' || citation.kind === 'latex';
    const bibs = options.bibliographies?.length ? options.bibliographies : undefined;
    const formatOfEntry = new Map<ReferenceEntry, BibFile>();
    const lookupKey = (key: string): ReferenceEntry | undefined => {
      const found = bibs && findBibEntry(bibs, key);
      if (!found) return undefined;
      const entry: ReferenceEntry = { start: found.entry.start, end: found.entry.end, key, text: found.file.text.slice(found.entry.start, found.entry.end), source: 'bibtex' };
      formatOfEntry.set(entry, found.file);
      return entry;
    };
    const lookups = resolveCitation(model, citation, lookupKey);
    const lines = [`**Citation** \`${escapeCode(citation.raw)}\``];
    for (const l of lookups) {
      const file = l.entry && formatOfEntry.get(l.entry);
      if (file && file.format === 'bibtex') {
        lines.push(`\`@${escapeCode(l.key)}\`:\n\n\`\`\`bibtex\n${l.entry!.text.replace(/```/g, "'''")}\n\`\`\``);
      } else if (file) {
        const entry = findBibEntry([file], l.key)!.entry;
        lines.push(`\`@${escapeCode(l.key)}\`: ${escapeMarkdown(entrySummary(entry) || 'no author, year or title')}`);
      } else if (l.entry) {
        const label = citation.kind === 'author-year' ? escapeMarkdown(l.key) : `\\[${l.entry.number ?? escapeMarkdown(l.key)}\\]`;
        lines.push(`${label} ${escapeMarkdown(l.entry.text)}`);
      } else if (needsBib) {
        lines.push(bibs === undefined ? `\`${escapeCode(l.key)}\`: no bibliography file found next to the document` : `\`${escapeCode(l.key)}\`: not found in the bibliography`);
      } else {
        lines.push(`\`${escapeCode(l.key)}\`: no matching entry in the reference list`);
      }
    }
    parts.push({ start: citation.start, end: citation.end, markdown: lines.join('\n\n') });
  }

  const entry = citation ? undefined : referenceList(model).find((e) => offset >= e.start && offset < e.end);
  if (entry) parts.push({ start: entry.start, end: entry.end, markdown: entryMarkdown(model, entry) });

  const heading = model.headings.find((h) => offset >= h.start && offset < Math.max(h.end, h.start + 1));
  if (heading) {
    const section = model.sections.find((s) => s.heading === heading);
    if (section) parts.push({ start: heading.textStart, end: Math.max(heading.textEnd, heading.textStart), markdown: headingMarkdown(result, section) });
  }

  if (!parts.length) return null;
  // The narrowest span is the hover's range.
  const narrow = parts.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.map((p) => p.markdown).join('\n\n---\n\n') },
    range: { start: document.positionAt(narrow.start), end: document.positionAt(narrow.end) },
  };
}

/** On a reference-list entry: where it is cited (the other way of a citation's hover). */
function entryMarkdown(model: DocumentModel, entry: ReferenceEntry): string {
  const label = entry.number !== undefined ? `Reference \\[${entry.number}\\]` : 'This reference';
  const cites = citationsOfEntry(model, entry);
  if (!cites.length) return `**${label}** is not cited in the text.`;
  const lines = [...new Set(cites.map((c) => positionAt(model.lineStarts, c.start).line + 1))];
  const shown = lines.slice(0, 10).join(', ') + (lines.length > 10 ? `, and ${lines.length - 10} more` : '');
  return `**${label}** is cited ${cites.length === 1 ? 'once' : `${cites.length} times`}: line${lines.length === 1 ? '' : 's'} ${shown}.`;
}

function headingMarkdown(result: CheckResult, section: Section): string {
  const { model, profile, sections: analysis } = result;
  const item = analysis.itemOf.get(section);
  const text = escapeMarkdown(section.heading!.text);
  const h = section.heading!;
  if (!item && model.title && model.title.start === h.textStart && model.title.end === h.textEnd) {
    const titleItem = analysis.items.find((i) => i.evidence === 'title');
    if (!titleItem) return 'The document title.';
    const label = `${escapeMarkdown(profile.label)} item '${escapeMarkdown(titleItem.label)}'`;
    return contentEvidence(model, titleItem.evidence)?.status === 'present'
      ? `The document title: satisfies ${label} (it contains "case report").`
      : `The document title: ${label} wants the words "case report" in it.`;
  }
  if (item) {
    const lines = [`Satisfies ${escapeMarkdown(profile.label)} item '${escapeMarkdown(item.label)}' (\`${item.id}\`${item.required ? ', required' : ''}).`];
    const others = analysis.byItem.get(item.id) ?? [];
    if (others.length > 1 && others[0] !== section) lines.push(`"${escapeMarkdown(others[0].heading!.text)}" already satisfies it.`);
    if (!sectionHasContent(model, section)) lines.push('The section is empty.');
    return lines.join(' ');
  }
  for (let s = section.parent; s; s = s.parent) {
    const parentItem = analysis.itemOf.get(s);
    if (parentItem) {
      return `"${text}" matches no item of the ${escapeMarkdown(profile.label)} profile; it is part of "${escapeMarkdown(s.heading!.text)}" ('${escapeMarkdown(parentItem.label)}').`;
    }
  }
  return `"${text}" matches no item of the ${escapeMarkdown(profile.label)} profile. To count it as one, add it under \`headings\` in \`.caselint.json\`.`;
}

function escapeCode(s: string): string {
  return s.replace(/`/g, "'");
}

/** The hover, after reading the bibliography files when the cursor is on a key-based marker. */
export async function hoverWithBibliographies(result: CheckResult, document: TextDocument, params: { position: Position }, read: ReadBibFiles = documentBibFiles): Promise<Hover | null> {
  const { model } = result;
  if (document.getText() !== model.text) return null;
  const citation = citationAt(model, document.offsetAt(params.position));
  let bibliographies: BibFile[] | undefined;
  if (citation && (citation.kind === 'pandoc' || citation.kind === 'latex')) {
    try {
      bibliographies = await read(document.uri, model);
    } catch {
      bibliographies = undefined;
    }
  }
  return caselintHover(result, document, params, { bibliographies });
}
