import { isMap, isScalar, parseDocument as parseYamlDocument } from 'yaml';
import type { FrontMatter, Heading } from '../types';
import type { RawBlocks, RawParagraph } from './blocks';
import { yamlSource } from './frontmatter';
import { PlainBuilder, freshVersion, type TextVersion } from './text';

/**
 * Quarto and R Markdown (Pandoc Markdown) on top of the Markdown parser:
 * - fenced div lines (`::: {.callout-note}`, `:::`) and whole-line shortcodes
 *   (`{{< include _intro.qmd >}}`) are blanked before parsing, so they never become prose, and a
 *   heading that opens a callout (its title) is not a section;
 * - inline shortcodes (`{{< var dose >}}`) and inline code chunks (`` `r mean(k)` ``,
 *   `` `{r} n` ``, `` `{python} x` ``) are removed from the paragraphs' plain text;
 * - front matter `abstract:` counts as the Abstract: a heading "Abstract" is synthesised over the
 *   `abstract` key (at the level of the body's top headings, so the section ends where the body's
 *   first heading starts) and the abstract's text becomes its paragraphs, mapped to the YAML source.
 * Code chunks (```{r}) are fences, which the Markdown parser already turns into code blocks.
 */

const DIV_LINE = /^[ \t]*:{3,}.*$/;
const SHORTCODE_LINE = /^[ \t]*\{\{\{?<.*>\}\}\}?[ \t]*$/;
const HEADING_LINE = /^[ \t]{0,3}(#{1,6})(?=[ \t]|$)/;
const INLINE_SOURCE = /\{\{\{?<[\s\S]*?>\}\}\}?|`(?:r|\{r\}|\{python\}|\{julia\}|\{ojs\}|\{bash\})[ \t][^`\r\n]*`/g;

function spaces(s: string): string {
  return s.replace(/[^\r\n]/g, ' ');
}

/** Blanks Pandoc fenced-div lines and whole-line shortcodes; same length and line breaks. */
export function blankPandocLines(body: string, text: TextVersion = freshVersion(body)): string {
  // (`text`: the body's text, which holds whatever the body holds, with what is known of it.)
  if (!text.mayInclude(':::') && !text.mayInclude('{{<') && !text.mayInclude('$$')) return body;
  const lines = body.split(/(\r?\n|\r)/);
  let calloutTitle = false;
  let fence: string | null = null;
  let math = false;
  for (let k = 0; k < lines.length; k += 2) {
    const line = lines[k];
    // Display math ($$ … $$ starting a line, as Pandoc, Quarto and GitHub write it) is not prose.
    // It cannot hold a blank line, so an unclosed $$ ends at the next one.
    if (math) {
      const t = line.trim();
      if (!t) math = false;
      else {
        if (t.endsWith('$$')) math = false;
        lines[k] = spaces(line);
      }
      continue;
    }
    if (!fence && /^[ \t]{0,3}\$\$/.test(line)) {
      const t = line.trim();
      math = !(t.length > 4 && t.endsWith('$$')); // "$$x$$" opens and closes on one line
      lines[k] = spaces(line);
      continue;
    }
    const f = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && !line.slice(f[0].length).trim()) fence = null;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    if (DIV_LINE.test(line)) {
      calloutTitle = /\.callout\b|\.callout-/.test(line);
      lines[k] = spaces(line);
      continue;
    }
    if (SHORTCODE_LINE.test(line)) {
      lines[k] = spaces(line);
      continue;
    }
    if (calloutTitle && line.trim()) {
      // "## Title" right after ::: {.callout-tip} is the callout's title, not a section.
      if (HEADING_LINE.test(line)) lines[k] = spaces(line);
      calloutTitle = false;
    }
  }
  return lines.join('');
}

/**
 * Removes source ranges from a paragraph's plain text, keeping the mapping exact.
 * Returns null when nothing visible is left.
 */
export function removeSourceRanges(rp: RawParagraph, ranges: [number, number][]): RawParagraph | null {
  const b = new PlainBuilder();
  for (const seg of rp.segments) {
    const piece = rp.plain.slice(seg.plainStart, seg.plainStart + seg.length);
    if (seg.sourceLength !== undefined) {
      const inside = ranges.some(([s, e]) => seg.sourceStart >= s && seg.sourceStart + seg.sourceLength! <= e && e > s);
      if (!inside) b.replace(piece, seg.sourceStart, seg.sourceLength);
      continue;
    }
    let pos = seg.sourceStart;
    const end = seg.sourceStart + seg.length;
    for (const [s, e] of ranges) {
      if (e <= pos || s >= end) continue;
      if (s > pos) b.copy(piece.slice(pos - seg.sourceStart, s - seg.sourceStart), pos);
      pos = Math.max(pos, Math.min(e, end));
    }
    if (pos < end) b.copy(piece.slice(pos - seg.sourceStart), pos);
  }
  // Collapse the double space a removed word leaves behind? No: keep every character mapped.
  if (!b.plain.trim()) return null;
  const lead = b.plain.length - b.plain.trimStart().length;
  let start = rp.start;
  for (const seg of b.segments) {
    if (seg.plainStart + seg.length > lead) {
      start = seg.sourceStart + (seg.sourceLength === undefined ? Math.max(0, lead - seg.plainStart) : 0);
      break;
    }
  }
  // (Another plain text: not the chunk's paragraph any more.)
  const { chunkParagraph: _, chunkOffset: __, ...rest } = rp;
  return { ...rest, start: Math.max(rp.start, start), plain: b.plain, segments: b.segments };
}

/** Drops inline shortcodes and inline code chunks from the paragraphs (see the top of this file). */
function stripInline(raw: RawBlocks, text: string, version: TextVersion): void {
  if (!version.mayInclude('{{<') && !version.mayInclude('`r ') && !version.mayInclude('`{')) return;
  const ranges: [number, number][] = [];
  INLINE_SOURCE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INLINE_SOURCE.exec(text))) ranges.push([m.index, m.index + m[0].length]);
  if (!ranges.length) return;
  const out: RawParagraph[] = [];
  let r = 0;
  for (const p of raw.paragraphs) {
    while (r < ranges.length && ranges[r][1] <= p.start) r++;
    const mine: [number, number][] = [];
    for (let k = r; k < ranges.length && ranges[k][0] < p.end; k++) mine.push(ranges[k]);
    if (!mine.length) {
      out.push(p);
      continue;
    }
    const q = removeSourceRanges(p, mine);
    if (q) out.push(q);
  }
  raw.paragraphs = out;
}

/**
 * Where the `abstract` key and its value are in a front matter's YAML (null: none), read once per
 * front matter (the incremental checker's parses share the object while it is unchanged:
 * frontmatter.ts, readFrontMatterOnce).
 */
const abstractRanges = new WeakMap<FrontMatter, { key: [number, number]; value: [number, number] } | null>();

function abstractRangesOf(yaml: string): { key: [number, number]; value: [number, number] } | null {
  let doc;
  try {
    doc = parseYamlDocument(yamlSource(yaml), { keepSourceTokens: false, logLevel: 'error' });
  } catch {
    return null;
  }
  if (!isMap(doc.contents)) return null;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'abstract');
  if (!pair || !isScalar(pair.key) || !isScalar(pair.value) || !pair.key.range || !pair.value.range) return null;
  return { key: [pair.key.range[0], pair.key.range[1]], value: [pair.value.range[0], pair.value.range[1]] };
}

/** Front matter `abstract:` → a synthesised "Abstract" heading and its paragraphs. */
function frontMatterAbstract(raw: RawBlocks, text: string, fm: FrontMatter): void {
  const value = fm.data?.abstract;
  if (typeof value !== 'string' || !value.trim()) return;
  const base = text.indexOf(fm.raw);
  if (base < 0) return;
  let ranges = abstractRanges.get(fm);
  if (ranges === undefined) {
    ranges = abstractRangesOf(fm.raw);
    abstractRanges.set(fm, ranges);
  }
  if (!ranges) return;
  const keyStart = base + ranges.key[0];
  const keyEnd = base + ranges.key[1];
  const vStart = base + ranges.value[0];
  const vEnd = Math.min(base + ranges.value[1], fm.end);

  // (A loop, not Math.min(...levels): spreading throws past ~125,000 headings.)
  const level = raw.headings.length ? raw.headings.reduce((m, h) => Math.min(m, h.level), Infinity) : 1;
  const heading: Heading = { start: keyStart, end: keyEnd, level, text: 'Abstract', textStart: keyStart, textEnd: keyEnd };
  raw.headings.unshift(heading);

  // The value's source, line by line: block indicator dropped, indentation and quotes skipped.
  const paras: RawParagraph[] = [];
  let b: PlainBuilder | null = null;
  let pStart = 0;
  let pEnd = 0;
  const flush = () => {
    if (b && b.plain.trim()) paras.push({ start: pStart, end: pEnd, kind: 'prose', plain: b.plain, segments: b.segments });
    b = null;
  };
  const quote = text[vStart] === '"' || text[vStart] === "'" ? text[vStart] : '';
  let pos = vStart;
  let first = true;
  let lastEol = vStart;
  while (pos < vEnd) {
    let eol = pos;
    while (eol < vEnd && text[eol] !== '\n' && text[eol] !== '\r') eol++;
    let s = pos;
    let e = eol;
    const line = text.slice(s, e);
    if (first && /^[|>][-+0-9]*[ \t]*(#.*)?$/.test(line)) {
      s = e; // block scalar indicator
    }
    first = false;
    while (s < e && (text[s] === ' ' || text[s] === '\t')) s++;
    if (quote && s === vStart) s++;
    while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
    if (quote && e === vEnd && text[e - 1] === quote) e--;
    if (s < e) {
      if (!b) {
        b = new PlainBuilder();
        pStart = s;
      } else {
        (b as PlainBuilder).replace(' ', lastEol, 1);
      }
      (b as PlainBuilder).copy(text.slice(s, e), s);
      pEnd = e;
    } else if (pos !== vStart) {
      flush();
    }
    pos = eol;
    lastEol = eol;
    if (text[pos] === '\r' && text[pos + 1] === '\n') pos += 2;
    else if (pos < vEnd) pos++;
  }
  flush();
  raw.paragraphs = [...paras, ...raw.paragraphs];
}

/** Quarto / R Markdown additions to the Markdown blocks (see the top of this file). */
export function finishPandocBlocks(raw: RawBlocks, text: string, frontMatter: FrontMatter | undefined, version: TextVersion = freshVersion(text)): RawBlocks {
  stripInline(raw, text, version);
  if (frontMatter?.data) frontMatterAbstract(raw, text, frontMatter);
  return raw;
}
