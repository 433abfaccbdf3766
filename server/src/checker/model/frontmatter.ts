import { isCollection, parseDocument as parseYamlDocument, visit } from 'yaml';
import type { FrontMatter, Memo } from '../types';
import { detached } from './memo';
import { computeLineStarts, positionAt } from './text';

/** `---` (first line), the YAML, then `---` or `...`; line ends \n, \r\n or \r (old Mac). */
const FRONT_MATTER_RE = /^---[ \t]*(?:\r\n?|\n)([\s\S]*?)(?:\r\n?|\n)(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|$)/;

/**
 * The YAML of a front matter as the YAML library reads it: a lone \r (which it does not take for
 * a line end) becomes \n. Same length, so its offsets are those of the source.
 */
export function yamlSource(raw: string): string {
  return raw.includes('\r') ? raw.replace(/\r(?!\n)/g, '\n') : raw;
}

const firstLine = (message: string) => message.split('\n')[0];

/**
 * The YAML library counts lines and columns in the YAML block; the writer needs them in the file:
 * "… at line 1, column 8" becomes the file's line and column of the same place.
 */
function placedInFile(message: string, pos: unknown, rawStart: number, lineStarts: number[]): string {
  if (!Array.isArray(pos) || typeof pos[0] !== 'number') return message;
  const at = positionAt(lineStarts, rawStart + pos[0]);
  return message.replace(/ at line \d+, column \d+/, '').replace(/[:\s]+$/, '') + ` at line ${at.line + 1}, column ${at.character + 1}`;
}

/**
 * The front matter at the start of a Markdown text, read with the YAML library. Its errors and
 * warnings are kept in the model (the front-matter rule reports them); the library never prints
 * them (its warnings would go to stderr through process.emitWarning, quoting the front matter's
 * lines, which may hold a patient's name).
 */
export function readFrontMatter(text: string, lineStarts: number[]): FrontMatter | undefined {
  const m = FRONT_MATTER_RE.exec(text);
  if (!m) return undefined;
  const fm: FrontMatter = { start: 0, end: m[0].length, raw: m[1], data: undefined };
  // The YAML starts after the opening line ("---" and its line end).
  const rawStart = /^---[ \t]*(?:\r\n?|\n)/.exec(m[0])![0].length;
  try {
    const doc = parseYamlDocument(yamlSource(m[1]), { logLevel: 'error' });
    if (doc.errors.length) {
      fm.error = placedInFile(firstLine(doc.errors[0].message), doc.errors[0].pos, rawStart, lineStarts);
      return fm;
    }
    const data: unknown = doc.toJS();
    if (data && typeof data === 'object' && !Array.isArray(data)) fm.data = data as Record<string, unknown>;
    const warnings = doc.warnings.map((w) => ({
      message: placedInFile(firstLine(w.message), w.pos, rawStart, lineStarts),
      start: rawStart + (w.pos?.[0] ?? 0),
      end: rawStart + (w.pos?.[1] ?? 0),
    }));
    // What toJS() would have printed: a list or a map as a key, which becomes a string.
    visit(doc, {
      Pair(_, pair) {
        if (!isCollection(pair.key) || !pair.key.range) return;
        const [a, b] = pair.key.range;
        warnings.push({ message: placedInFile('A list or a map is used as a key; it is read as text', [a], rawStart, lineStarts), start: rawStart + a, end: rawStart + b });
      },
    });
    if (warnings.length) fm.warnings = warnings;
  } catch (e) {
    fm.error = e instanceof Error ? placedInFile(firstLine(e.message), (e as { pos?: unknown }).pos, rawStart, lineStarts) : String(e);
  }
  return fm;
}

/** The front matter of a memo's last parse and its source (a copy: memo.ts, detached). */
const lastFrontMatter = new WeakMap<Memo, { source: string; frontMatter: FrontMatter }>();

/**
 * readFrontMatter, read again only when the front matter's source changed since the memo's last
 * parse (a keystroke in the body does not parse the YAML again). The front matter starts the
 * text, so it reads the same alone as in the text: a copy of it is read, and the model holds no
 * slice of the text (its YAML values neither).
 */
export function readFrontMatterOnce(text: string, lineStarts: number[], memo: Memo | undefined): FrontMatter | undefined {
  if (!memo) return readFrontMatter(text, lineStarts);
  const m = FRONT_MATTER_RE.exec(text);
  if (!m) return undefined;
  const last = lastFrontMatter.get(memo);
  if (last && last.source.length === m[0].length && last.source === m[0]) return last.frontMatter;
  const source = detached(memo, m[0]);
  const frontMatter = readFrontMatter(source, computeLineStarts(source))!;
  lastFrontMatter.set(memo, { source, frontMatter });
  return frontMatter;
}
