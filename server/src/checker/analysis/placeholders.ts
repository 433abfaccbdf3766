/** Placeholders and writing markers in plain text (what the `placeholder` rule reports, and what other rules skip). */

/**
 * The fill-in texts that caselint's snippets (snippets/*.json) insert. One list, shared by the
 * `placeholder` rule and the snippet tests (every non-choice placeholder default of a snippet
 * must be here, so that an unfilled snippet never passes CI unnoticed).
 */
export const PLACEHOLDER_TEXTS: readonly string[] = [
  '[title]', '[keywords]', '[abstract]', '[introduction]', '[age]', '[presenting complaint]', '[duration]',
  '[investigations]', '[discussion]', '[references]', '[clinical findings]', '[timeline]', '[diagnostic assessment]',
  '[therapeutic intervention]', '[follow-up and outcomes]', "[patient's perspective]", '[speech and language]',
  '[cranial nerve findings]', '[power findings]', '[reflex findings]', '[sensory findings]', '[coordination findings]',
  '[gait findings]', '[stimulation site]', '[recording site]', '[muscle]', '[test]', '[unit]', '[reference range]',
  '[symptom onset]', '[first assessment]', '[event]', '[alternative diagnosis]', '[reasons for the final diagnosis]',
  '[upper and lower motor neuron signs by region]', '[clinical and electrophysiological signs by region]',
  '[progressive motor impairment]', '[investigations excluding other diseases]', '[reference values]',
  // What the patient-identifier rule's quick fixes write in place of an exact date or a name.
  '[date]', '[name]',
  // Number placeholder (also a writing marker below).
  'XX',
];

/** Citation keys that are obviously not real ones: `[@key]`, `\cite{citekey}`. */
const PLACEHOLDER_KEYS = new Set(['key', 'keys', 'citekey', 'cite', 'ref', 'refs', 'reference', 'citation', 'todo', 'xx', 'xxx', 'tbd', 'bibkey', 'author', 'authoryear', 'author2020', 'source']);

export type PlaceholderKind = 'marker' | 'snippet' | 'citation' | 'syntax';

export interface PlaceholderMatch {
  start: number;
  end: number;
  kind: PlaceholderKind;
  text: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SNIPPET_TEXTS = PLACEHOLDER_TEXTS.filter((t) => t.startsWith('['));

interface Pattern {
  kind: PlaceholderKind;
  /** Text that every match contains: without it the pattern is not run (a quick scan). */
  needs?: string;
  /** Or a cheap pattern every text with a match passes. */
  quick?: RegExp;
  re: RegExp;
  /** Return false to drop a match (context checks). */
  keep?: (plain: string, m: RegExpExecArray) => boolean;
}

const PATTERNS: Pattern[] = [
  {
    kind: 'snippet',
    needs: '[',
    re: new RegExp(SNIPPET_TEXTS.map((t) => escape(t).replace(/'/g, "['\u2019]")).join('|'), 'gi'),
  },
  {
    // "[insert dose]", "[describe findings]", "[add reference]".
    kind: 'snippet',
    needs: '[',
    re: /\[(?:insert|describe|add|enter|fill in|specify|complete|write)\b[^\[\]\n]{0,80}\]/gi,
  },
  {
    kind: 'marker',
    quick: /TODO|TBD|FIXME|XX/,
    re: /(?<![\p{L}\p{N}_])(?:TODO|TBD|FIXME|X{2,}(?:[.,]X+)?)(?![\p{L}\p{N}_])/gu,
    keep: (plain, m) => {
      if (!m[0].startsWith('XX')) return true;
      // Karyotypes and sex chromosomes: "46,XX", "XX/XY mosaicism", "XX male".
      const before = plain.slice(Math.max(0, m.index - 6), m.index);
      const after = plain.slice(m.index + m[0].length, m.index + m[0].length + 16);
      if (/\d\s*,\s*$/.test(before) || /[\/]$/.test(before) || /^\s*\//.test(after)) return false;
      if (/^\s*(?:karyotype|chromosomes?|males?|females?|DSD|sex reversal)\b/i.test(after)) return false;
      return true;
    },
  },
  {
    kind: 'citation',
    needs: '[',
    re: /\[(?:citations? needed|citation|ref(?:erence)?s?(?: needed)?|cite|source|\?)\]/gi,
  },
  {
    kind: 'citation',
    needs: '[@',
    re: /\[@([^\]\s;,]+)\]/g,
    keep: (_plain, m) => PLACEHOLDER_KEYS.has(m[1].toLowerCase()),
  },
  {
    kind: 'citation',
    needs: '\\',
    re: /\\(?:cite[pt]?|parencite|textcite|autocite|footcite)\*?(?:\[[^\]]*\])*\{\s*([^}]*)\}/g,
    keep: (_plain, m) => {
      const keys = m[1].split(',').map((k) => k.trim().toLowerCase());
      return keys.every((k) => k === '' || PLACEHOLDER_KEYS.has(k) || /^\?+$/.test(k));
    },
  },
  {
    // Snippet syntax that was pasted instead of expanded: ${1:…}, ${2|a,b|}, ${3}.
    kind: 'syntax',
    needs: '${',
    re: /\$\{\d+(?::[^{}\n]*|\|[^|\n]*\|)?\}/g,
  },
];

/** Placeholders and writing markers in a piece of plain text, in order, without overlaps. */
export function findPlaceholders(plain: string, extra: readonly string[] = [], ignore: readonly string[] = []): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  const patterns = extra.length
    ? [...PATTERNS, { kind: 'marker' as const, re: new RegExp(extra.map(escape).join('|'), 'g') }]
    : PATTERNS;
  const ignored = ignore.length ? new Set(ignore.map((s) => s.toLowerCase())) : undefined;
  for (const p of patterns) {
    if (p.needs !== undefined && !plain.includes(p.needs)) continue;
    if (p.quick && !p.quick.test(plain)) continue;
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(plain))) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      if (p.keep && !p.keep(plain, m)) continue;
      if (ignored?.has(m[0].toLowerCase())) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ start, end, kind: p.kind, text: m[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Is a table cell (or any short text) nothing but an unfilled placeholder or a writing marker? */
export function isPlaceholderText(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  const found = findPlaceholders(t);
  return found.length > 0 && /^[\s\-–—.,;:%()]*$/.test(stripRanges(t, found));
}

/** A value such as "XX", "XX.X", "XX beats" or "TODO" in a table cell. */
export function containsPlaceholder(text: string): boolean {
  return findPlaceholders(text).length > 0;
}

function stripRanges(t: string, ranges: { start: number; end: number }[]): string {
  let out = '';
  let cur = 0;
  for (const r of ranges) {
    out += t.slice(cur, r.start);
    cur = r.end;
  }
  return out + t.slice(cur);
}
