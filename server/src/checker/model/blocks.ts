import type { CodeBlock, Comment, Heading, ParagraphKind, TableCell, TextSegment } from '../types';

/** What a format parser hands to the common model builder. */
export interface RawParagraph {
  start: number;
  end: number;
  kind: ParagraphKind;
  plain: string;
  segments: TextSegment[];
  quoted?: boolean;
  /**
   * A paragraph of the chunked Markdown parse: its chunk's own paragraph (offsets relative to the
   * chunk, the same object while the chunk is unchanged) and the chunk's offset. The model builder
   * keeps its work on a paragraph with the chunk's paragraph, and shifts it to where the chunk is
   * (model/index.ts, paragraphParts).
   */
  chunkParagraph?: RawParagraph;
  chunkOffset?: number;
}

export interface RawTable {
  start: number;
  end: number;
  header: TableCell[];
  rows: TableCell[][];
  /** Index in RawBlocks.paragraphs of this table's caption, when the format knows it (LaTeX floats). */
  captionIndex?: number;
}

export interface RawBlocks {
  headings: Heading[];
  paragraphs: RawParagraph[];
  tables: RawTable[];
  codeBlocks: CodeBlock[];
  comments: Comment[];
  /** The title, when the format marks it in the body (LaTeX \title{}); front matter `title` wins. */
  title?: { text: string; start: number; end: number };
  /** Citation spans found by the format parser itself (LaTeX \cite), as plain offsets per paragraph. */
}

const NUMBERING = /^\s*((?:\d+(?:\.\d+)*\.?)|(?:[IVXLC]+\.))\s+(?=\S)/;

/** Splits "2. Case Report:" into its number and its clean text ("Case Report"). */
export function cleanHeadingText(plain: string): { text: string; number?: string } {
  let text = plain.trim();
  let number: string | undefined;
  const m = NUMBERING.exec(text);
  if (m) {
    number = m[1];
    text = text.slice(m[0].length);
  }
  text = text.replace(/[\s:.\u2014\u2013-]+$/u, '').replace(/\s+/g, ' ');
  return { text, number };
}

