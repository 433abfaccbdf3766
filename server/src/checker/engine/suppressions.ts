import { positionAt } from '../model';
import type { DocumentModel, Finding } from '../types';
import { lowerBound } from '../model/text';

/**
 * Drops findings silenced by caselint-disable / -enable / -disable-next-line / -disable-line
 * comments. Linear in the number of comments for each rule that has findings: many comments and
 * many findings cost a pass per rule and a binary search per finding.
 *
 * For one rule, every disable that silences it (`disable` of all rules, or one naming it) ends at
 * the same comment: the next `enable` of all rules or one naming it (an `enable` naming other
 * rules leaves it silenced: "disable a b" … "enable a" leaves b off; after "disable" … "enable a",
 * a is back on and the others stay off). A file-level disable right after the front matter covers
 * the front matter too (findings anchored at a front-matter title).
 */
export function applySuppressions(model: DocumentModel, findings: Finding[]): Finding[] {
  if (!model.suppressions.length) return findings;
  const lineOf = (offset: number) => positionAt(model.lineStarts, offset).line;
  const lineSuppressions: { line: number; ids: string[] }[] = [];
  const blocks: { kind: 'disable' | 'enable'; start: number; end: number; ids: string[] }[] = [];
  // The next line with text at or after a line, cached: many comments before one long run of blank lines.
  const nextTextLine = new Map<number, number>();
  const textLineFrom = (from: number) => {
    let line = from;
    const seen: number[] = [];
    while (line < model.lineStarts.length - 1 && !lineText(model, line).trim()) {
      const known = nextTextLine.get(line);
      if (known !== undefined) {
        line = known;
        break;
      }
      seen.push(line);
      line++;
    }
    for (const l of seen) nextTextLine.set(l, line);
    return line;
  };
  for (const s of model.suppressions) {
    if (s.kind === 'disable-line') lineSuppressions.push({ line: s.line, ids: s.ruleIds });
    else if (s.kind === 'disable-next-line') lineSuppressions.push({ line: textLineFrom(lineOf(s.end) + 1), ids: s.ruleIds });
    else if (s.kind === 'disable') {
      const fm = model.frontMatter;
      const atTop = fm !== undefined && !model.text.slice(fm.end, s.start).trim();
      blocks.push({ kind: 'disable', start: atTop ? 0 : s.end, end: s.end, ids: s.ruleIds });
    } else blocks.push({ kind: 'enable', start: s.start, end: s.end, ids: s.ruleIds });
  }

  // Per rule id: the lines and the ranges (closed, merged, in order) that silence it.
  const perRule = new Map<string, { lines: Set<number>; starts: number[]; ends: number[] }>();
  const silencing = (ruleId: string) => {
    let s = perRule.get(ruleId);
    if (s) return s;
    const lines = new Set<number>();
    for (const l of lineSuppressions) if (l.ids.length === 0 || l.ids.includes(ruleId)) lines.add(l.line);
    const starts: number[] = [];
    const ends: number[] = [];
    const add = (start: number, end: number) => {
      // Closed ranges: a finding at the end is silenced too, so touching ranges merge.
      if (ends.length && start <= ends[ends.length - 1]) ends[ends.length - 1] = Math.max(ends[ends.length - 1], end);
      else {
        starts.push(start);
        ends.push(end);
      }
    };
    // Whether some disable silences the rule now, and since where.
    let from = -1;
    for (const b of blocks) {
      const names = b.ids.length === 0 || b.ids.includes(ruleId);
      if (!names) continue;
      if (b.kind === 'disable') from = from < 0 ? b.start : Math.min(from, b.start);
      else if (from >= 0) {
        add(from, b.start);
        from = -1;
      }
    }
    if (from >= 0) add(from, model.text.length);
    s = { lines, starts, ends };
    perRule.set(ruleId, s);
    return s;
  };
  return findings.filter((f) => {
    const s = silencing(f.ruleId);
    // The last merged range starting at or before the finding.
    const lo = lowerBound(s.starts.length, (k) => s.starts[k] <= f.start);
    if (lo > 0 && f.start <= s.ends[lo - 1]) return false;
    return !(s.lines.size && s.lines.has(lineOf(f.start)));
  });
}

function lineText(model: DocumentModel, line: number): string {
  const start = model.lineStarts[line];
  const end = line + 1 < model.lineStarts.length ? model.lineStarts[line + 1] : model.text.length;
  return model.text.slice(start, end);
}
