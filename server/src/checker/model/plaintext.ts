import type { Heading } from '../types';
import { HEADINGS, headingMatches, type ProfileItem } from '../profiles';
import { cleanHeadingText, type RawBlocks } from './blocks';
import { PlainBuilder, lineEnd } from './text';
import { runSteps, type Steps } from '../steps';

/** Lines read between two steps of plainTextBlockSteps. */
const LINES_PER_STEP = 256;

/**
 * Plain-text drafts, typically pasted from a PDF or a word processor: paragraphs are
 * separated by blank lines. A heading is a short line that is
 *  - written in capitals after a blank line ("CASE REPORT", "2. DISCUSSION"), or
 *  - alone between blank lines (or the start or end of the file), without a final full stop,
 *    and either numbered ("2. Case presentation", "3.1 Imaging") or a known section heading
 *    in sentence case ("Abstract", "Case presentation", "References").
 * A one-line paragraph of prose is not a heading: it ends with a full stop, or has no number
 * and is not a section heading word. Line breaks inside a paragraph read as spaces.
 */
const MAX_HEADING_LENGTH = 80;
/** A numbered heading in sentence case: a few words, no digits, no sentence punctuation inside. */
const MAX_NUMBERED_WORDS = 8;

export function isCapitalsHeadingLine(line: string): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > MAX_HEADING_LENGTH) return false;
  const letters = t.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return false;
  if (letters !== letters.toUpperCase()) return false;
  // A heading does not end like a sentence with a comma or semicolon.
  return !/[,;]$/.test(t);
}

/** Every section heading the profiles know ("Abstract", "Case presentation", "Case 2" …). */
const KNOWN_HEADINGS: ProfileItem = {
  id: 'any-section',
  label: 'Any section',
  required: false,
  headings: [...new Set(Object.values(HEADINGS).flat())],
  patterns: [/^case\s+(?:\d+|[ivx]+|one|two|three|four|five|[a-e])$/],
} as ProfileItem;

const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?[ \t]+(?=\p{Lu})/u;

/** The numbers of a line's numbering ("3.1 Imaging" → [3, 1]), or undefined. */
function numbering(line: string): number[] | undefined {
  const m = NUMBERED.exec(line.trim());
  return m ? m[1].split('.').map(Number) : undefined;
}

/**
 * Is `other` the item next to `own` in a numbered list ("1. Stop the statin" then "2. Start …",
 * one paragraph each)? Same depth, the last number one apart.
 */
function listNeighbours(own: number[], other: string | undefined, step: 1 | -1): boolean {
  if (other === undefined) return false;
  const n = numbering(other);
  if (!n || n.length !== own.length) return false;
  for (let k = 0; k < n.length - 1; k++) if (n[k] !== own[k]) return false;
  return n[n.length - 1] === own[own.length - 1] + step;
}

/**
 * A line standing alone between blank lines that reads as a heading in sentence case:
 * "2. Case presentation", "3.1 Imaging", "Abstract", "Learning points:". Returns its level
 * (1 for "2.", 2 for "2.1") or 0.
 */
export function sentenceCaseHeadingLevel(line: string): number {
  const t = line.trim();
  if (t.length < 3 || t.length > MAX_HEADING_LENGTH) return 0;
  if (!/^[\p{Lu}\d]/u.test(t)) return 0;
  // A sentence ends with a full stop (or ? !), a clause with a comma or semicolon.
  if (/[.?!,;]$/u.test(t)) return 0;
  const numbered = NUMBERED.exec(t);
  const rest = numbered ? t.slice(numbered[0].length) : t;
  // "Keywords: cramps, ALS" is a run-in line, not a heading; "Learning points:" is one.
  if (/:\s*\S/.test(rest)) return 0;
  if (numbered) {
    const words = rest.split(/\s+/).length;
    if (words <= MAX_NUMBERED_WORDS && !/[\d,;.]/.test(rest)) return numbered[1].split('.').length;
  }
  return headingMatches(KNOWN_HEADINGS, rest) ? 1 : 0;
}

export function parsePlainTextBlocks(text: string, lineStarts: number[]): RawBlocks {
  return runSteps(plainTextBlockSteps(text, lineStarts));
}

/** parsePlainTextBlocks in steps (steps.ts) of LINES_PER_STEP lines. */
export function* plainTextBlockSteps(text: string, lineStarts: number[]): Steps<RawBlocks> {
  const out: RawBlocks = { headings: [], paragraphs: [], tables: [], codeBlocks: [], comments: [] };
  let para: PlainBuilder | null = null;
  let paraStart = 0;
  let paraEnd = 0;
  const flush = () => {
    if (para && para.plain.trim()) {
      out.paragraphs.push({ start: paraStart, end: paraEnd, kind: 'prose', plain: para.plain, segments: para.segments });
    }
    para = null;
  };
  const lineText = (line: number) => text.slice(lineStarts[line], lineEnd(text, lineStarts, line));
  const blankLine = (line: number) => line < 0 || line >= lineStarts.length || !lineText(line).trim();
  /** The next line that is not blank after `line` (scanned once per candidate heading: the blank lines between). */
  const nextContent = (line: number) => {
    let k = line + 1;
    while (k < lineStarts.length && blankLine(k)) k++;
    return k < lineStarts.length ? lineText(k) : undefined;
  };
  let previousContent: string | undefined;
  for (let line = 0; line < lineStarts.length; line++) {
    if (line % LINES_PER_STEP === LINES_PER_STEP - 1) yield;
    const start = lineStarts[line];
    const end = lineEnd(text, lineStarts, line);
    const content = text.slice(start, end);
    if (!content.trim()) {
      flush();
      continue;
    }
    const prevBlank = blankLine(line - 1);
    let level = 0;
    if (prevBlank && isCapitalsHeadingLine(content)) level = numbering(content)?.length ?? 1;
    else if (prevBlank && blankLine(line + 1)) {
      level = sentenceCaseHeadingLevel(content);
      // "1. Stop the statin", "2. Start a low dose", each a paragraph: a numbered list, not headings.
      const own = level ? numbering(content) : undefined;
      if (own && (listNeighbours(own, previousContent, -1) || listNeighbours(own, nextContent(line), 1))) level = 0;
    }
    previousContent = content;
    if (level) {
      flush();
      const lead = content.length - content.trimStart().length;
      const { text: clean, number } = cleanHeadingText(content);
      const heading: Heading = {
        start,
        end,
        level,
        text: clean,
        textStart: start + lead,
        textEnd: start + content.trimEnd().length,
        number,
      };
      out.headings.push(heading);
      continue;
    }
    const lead = content.length - content.trimStart().length;
    if (!para) {
      para = new PlainBuilder();
      paraStart = start + lead;
    } else {
      para.replace(' ', start - 1, 1);
    }
    para.copy(content.slice(lead), start + lead);
    paraEnd = end;
  }
  flush();
  return out;
}
