import { lowerBound, plainSpanToSource, positionAt } from '../model/text';
import { placeholderFinder, type PlaceholderMatch } from '../analysis/placeholders';
import type { Rule } from '../analysis/rule';
import { PARAGRAPHS_PER_STEP } from '../steps';
import type { DocumentModel } from '../types';

/**
 * Is the source offset inside `inline code` on its line (an odd number of backticks before it on
 * the line)? The backticks of each line are found once per check (`cache`), so a very long line
 * with many placeholders costs a binary search per finding, not a scan of the line.
 */
function inInlineCode(text: string, lineStarts: number[], offset: number, cache: Map<number, number[]>): boolean {
  const line = positionAt(lineStarts, offset).line;
  let ticks = cache.get(line);
  if (!ticks) {
    ticks = [];
    const end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
    for (let i = text.indexOf('`', lineStarts[line]); i >= 0 && i < end; i = text.indexOf('`', i + 1)) ticks.push(i);
    cache.set(line, ticks);
  }
  const t = ticks;
  return (lowerBound(t.length, (k) => t[k] < offset) & 1) === 1;
}

function message(m: PlaceholderMatch): string {
  switch (m.kind) {
    case 'marker':
      if (/^X/.test(m.text)) return `Placeholder "${m.text}" left in the text: write the real value.`;
      return `Writing marker "${m.text}" left in the text: finish this part, then remove the marker.`;
    case 'snippet':
      return `Unfilled placeholder "${m.text}": replace it with the real text.`;
    case 'citation':
      return `Citation placeholder "${m.text}": cite the real source.`;
    case 'syntax':
      return `Snippet field "${m.text}" was inserted as text: replace it with the real text.`;
    case 'blank':
      return `Blank "${m.text}" left in the text: write the real value.`;
    case 'value':
      return `Placeholder "${m.text}" left in the text: write the real value.`;
    case 'filler':
      return `Filler text "${m.text}" left in the text: replace it with the real text.`;
    case 'instruction':
      return `Writing instruction "${m.text}" left in the text: carry it out, then delete it.`;
  }
}

/**
 * Unfilled template placeholders and writing markers (TODO, XX, [citation needed], snippet fields,
 * bracketed field names, blanks, X for digits, ???, lorem ipsum, instructions such as "Add image here.").
 */
export const placeholder: Rule = {
  id: 'placeholder',
  description: 'No unfilled placeholders or writing markers (TODO, XX, [citation needed], snippet fields).',
  howToFix: 'Fill in or remove the placeholder before submission.',
  defaultSeverity: 'warning',
  scope: 'placeholders',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      markers: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Further texts to flag, matched exactly (case-sensitive), e.g. ["@@@"].' },
      ignore: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Texts not to flag (case-insensitive), e.g. ["TBD"].' },
    },
  },
  *check(ctx) {
    const { doc } = ctx;
    // A text's matches depend on the text, the options and whether it is a reference entry.
    const find = placeholderFinder(doc, ctx.options);
    const reported = new Set<number>();
    const ticks = new Map<number, number[]>();
    const report = (start: number, end: number, m: PlaceholderMatch) => {
      if (reported.has(start) || end <= start) return;
      if (doc.format === 'markdown' && inInlineCode(doc.text, doc.lineStarts, start, ticks)) return;
      reported.add(start);
      ctx.report({ start, end, message: message(m), data: { kind: m.kind, text: m.text } });
    };
    // Prose, captions, list items, references: the plain text, mapped back to the source.
    let walked = 0;
    for (const p of doc.paragraphs) {
      if (++walked % PARAGRAPHS_PER_STEP === 0) yield; // a step per few paragraphs (steps.ts)
      for (const m of find(p.plain, p.kind === 'reference')) {
        const { start, end } = plainSpanToSource(p, m.start, m.end);
        report(start, end, m);
      }
    }
    // Headings and table cells: their plain text is searched, each match found again in the source.
    for (const h of doc.headings) {
      if (++walked % PARAGRAPHS_PER_STEP === 0) yield;
      scanSpan(doc, h.text, h.textStart, h.textEnd, find, report);
    }
    for (const t of doc.tables) {
      for (const row of [t.header, ...t.rows]) {
        for (const c of row) scanSpan(doc, c.text, c.start, c.end, find, report);
        yield;
      }
    }
  },
};

function scanSpan(
  doc: DocumentModel,
  text: string,
  start: number,
  end: number,
  find: (text: string) => PlaceholderMatch[],
  report: (start: number, end: number, m: PlaceholderMatch) => void,
): void {
  const matches = find(text);
  if (!matches.length) return;
  const source = doc.text.slice(start, end);
  let from = 0;
  for (const m of matches) {
    const idx = source.indexOf(m.text, from);
    if (idx >= 0) {
      report(start + idx, start + idx + m.text.length, m);
      from = idx + m.text.length;
    } else {
      report(start, Math.max(start, end), m);
    }
  }
}
