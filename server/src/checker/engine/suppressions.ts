import { positionAt } from '../model';
import type { DocumentModel, Finding } from '../types';

/** Drops findings silenced by caselint-disable / -enable / -disable-next-line / -disable-line comments. */
export function applySuppressions(model: DocumentModel, findings: Finding[]): Finding[] {
  if (!model.suppressions.length) return findings;
  const lineOf = (offset: number) => positionAt(model.lineStarts, offset).line;
  // ids: the rules silenced (none: all of them, but those in `except`, re-enabled by name).
  const names = (ids: string[], ruleId: string, except?: string[]) => (ids.length === 0 ? !except?.includes(ruleId) : ids.includes(ruleId));
  const lineSuppressions: { line: number; ids: string[] }[] = [];
  const ranges: { start: number; end: number; ids: string[]; except?: string[] }[] = [];
  const open: { start: number; ids: string[]; except?: string[] }[] = [];
  for (const s of model.suppressions) {
    if (s.kind === 'disable-line') lineSuppressions.push({ line: s.line, ids: s.ruleIds });
    else if (s.kind === 'disable-next-line') {
      // The next line with text after the comment.
      let line = lineOf(s.end) + 1;
      while (line < model.lineStarts.length - 1 && !lineText(model, line).trim()) line++;
      lineSuppressions.push({ line, ids: s.ruleIds });
    } else if (s.kind === 'disable') {
      // A file-level disable right after the front matter covers the front matter too
      // (findings anchored at a front-matter title).
      const fm = model.frontMatter;
      const atTop = fm !== undefined && !model.text.slice(fm.end, s.start).trim();
      open.push({ start: atTop ? 0 : s.end, ids: s.ruleIds });
    }
    else {
      // enable: closes the matching disables (all of them when no ids are given). Enabling some
      // rules of a disable leaves the others disabled ("disable a b" … "enable a": b stays off).
      for (let i = open.length - 1; i >= 0; i--) {
        const o = open[i];
        if (s.ruleIds.length === 0) {
          ranges.push({ start: o.start, end: s.start, ids: o.ids, except: o.except });
          open.splice(i, 1);
        } else if (o.ids.length === 0) {
          ranges.push({ start: o.start, end: s.start, ids: o.ids, except: o.except });
          open[i] = { start: s.end, ids: [], except: [...(o.except ?? []), ...s.ruleIds] };
        } else if (o.ids.some((id) => s.ruleIds.includes(id))) {
          ranges.push({ start: o.start, end: s.start, ids: o.ids });
          const rest = o.ids.filter((id) => !s.ruleIds.includes(id));
          if (rest.length) open[i] = { start: s.end, ids: rest };
          else open.splice(i, 1);
        }
      }
    }
  }
  for (const o of open) ranges.push({ start: o.start, end: model.text.length, ids: o.ids, except: o.except });

  // Per rule id: the lines and the merged ranges that silence it, so that each finding costs a
  // look-up and a binary search (not a scan of every comment: many findings and many comments).
  const perRule = new Map<string, { lines: Set<number>; starts: number[]; ends: number[] }>();
  const silencing = (ruleId: string) => {
    let s = perRule.get(ruleId);
    if (s) return s;
    const lines = new Set(lineSuppressions.filter((l) => names(l.ids, ruleId)).map((l) => l.line));
    const own = ranges.filter((r) => names(r.ids, ruleId, r.except)).sort((a, b) => a.start - b.start);
    const starts: number[] = [];
    const ends: number[] = [];
    for (const r of own) {
      // Closed ranges: a finding at r.end is silenced too, so touching ranges merge.
      if (ends.length && r.start <= ends[ends.length - 1]) ends[ends.length - 1] = Math.max(ends[ends.length - 1], r.end);
      else {
        starts.push(r.start);
        ends.push(r.end);
      }
    }
    s = { lines, starts, ends };
    perRule.set(ruleId, s);
    return s;
  };
  return findings.filter((f) => {
    const s = silencing(f.ruleId);
    // The last merged range starting at or before the finding.
    let lo = 0;
    let hi = s.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s.starts[mid] <= f.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && f.start <= s.ends[lo - 1]) return false;
    return !(s.lines.size && s.lines.has(lineOf(f.start)));
  });
}

function lineText(model: DocumentModel, line: number): string {
  const start = model.lineStarts[line];
  const end = line + 1 < model.lineStarts.length ? model.lineStarts[line + 1] : model.text.length;
  return model.text.slice(start, end);
}
