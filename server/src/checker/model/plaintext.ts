import type { Heading } from '../types';
import { cleanHeadingText, type RawBlocks } from './blocks';
import { PlainBuilder, lineEnd } from './text';

/**
 * Plain-text drafts, typically pasted from a PDF or a word processor: paragraphs are
 * separated by blank lines and headings are short lines written in capitals
 * ("CASE REPORT", "2. DISCUSSION"). Line breaks inside a paragraph read as spaces.
 */
const MAX_HEADING_LENGTH = 80;

export function isCapitalsHeadingLine(line: string): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > MAX_HEADING_LENGTH) return false;
  const letters = t.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return false;
  if (letters !== letters.toUpperCase()) return false;
  // A heading does not end like a sentence with a comma or semicolon.
  return !/[,;]$/.test(t);
}

export function parsePlainTextBlocks(text: string, lineStarts: number[]): RawBlocks {
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
  for (let line = 0; line < lineStarts.length; line++) {
    const start = lineStarts[line];
    const end = lineEnd(text, lineStarts, line);
    const content = text.slice(start, end);
    if (!content.trim()) {
      flush();
      continue;
    }
    const prevBlank = line === 0 || !text.slice(lineStarts[line - 1], lineEnd(text, lineStarts, line - 1)).trim();
    if (prevBlank && isCapitalsHeadingLine(content)) {
      flush();
      const lead = content.length - content.trimStart().length;
      const { text: clean, number } = cleanHeadingText(content);
      const heading: Heading = {
        start,
        end,
        level: 1,
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
