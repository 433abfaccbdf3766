import { resolveRuleSetting, type CaselintConfig } from './config';
import { parseDocument, positionAt } from './model';
import { getProfile, PROFILES, type Profile } from './profiles';
import type { Rule, RuleContext, SectionAnalysis } from './rule';
import { RULE_IDS, RULES } from './rules';
import { analyseSections, profileItems } from './sections';
import type { DocumentModel, Finding, Format, Section } from './types';

export interface CheckOptions {
  format?: Format;
  config?: CaselintConfig;
  /** Called when a rule throws or reports an invalid range; the rule's findings are dropped. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
}

export interface CheckResult {
  findings: Finding[];
  model: DocumentModel;
  profile: Profile;
  /** The config the check ran with. */
  config: CaselintConfig;
  /** Headings matched to the profile's items, computed once and shared with the checklist. */
  sections: SectionAnalysis;
}

/** Which format a file name implies. */
export function formatForFile(fileName: string): Format {
  const lower = fileName.toLowerCase();
  if (/\.(tex|latex|ltx)$/.test(lower)) return 'latex';
  if (/\.(txt|text)$/.test(lower)) return 'text';
  return 'markdown';
}

export class UnknownProfileError extends Error {
  constructor(readonly profile: string) {
    super(`unknown profile "${profile}" (known: ${Object.keys(PROFILES).join(', ')})`);
  }
}

/** Check a manuscript: parse once, run every enabled rule, validate and filter findings. */
export function check(text: string, options: CheckOptions = {}): CheckResult {
  const config = options.config ?? {};
  const profile = getProfile(config.profile ?? 'default');
  if (!profile) throw new UnknownProfileError(config.profile!);
  const model = parseDocument(text, options.format ?? 'markdown');
  const items = profileItems(profile, config);
  const sections = analyseSections(model, items);
  const itemAt = (section: Section | null) => {
    for (let s = section; s; s = s.parent) {
      const item = sections.itemOf.get(s);
      if (item) return item;
    }
    return undefined;
  };

  const findings: Finding[] = [];
  const ruleIds = options.rules ? [...new Set([...RULE_IDS, ...options.rules.map((r) => r.id)])] : RULE_IDS;
  for (const rule of options.rules ?? RULES) {
    const setting = resolveRuleSetting(config.rules?.[rule.id], rule.defaultSeverity);
    if (setting.severity === 'off') continue;
    const severity = setting.severity;
    const own: Finding[] = [];
    const ctx: RuleContext = {
      doc: model,
      profile,
      config,
      options: setting.options,
      sections,
      ruleIds,
      itemAt,
      report(r) {
        if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= text.length)) {
          throw new RangeError(`rule ${rule.id} reported an invalid range [${r.start}, ${r.end}) in a text of length ${text.length}`);
        }
        for (const fix of r.fixes ?? []) {
          for (const e of fix.edits) {
            if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) {
              throw new RangeError(`rule ${rule.id} proposed an edit with an invalid range [${e.start}, ${e.end})`);
            }
          }
        }
        // A configured severity wins; otherwise the rule may pick a weaker one per finding.
        const configured = config.rules?.[rule.id] !== undefined;
        own.push({
          ruleId: rule.id,
          severity: configured ? severity : (r.severity ?? severity),
          message: r.message,
          start: r.start,
          end: r.end,
          ...(r.fixes?.length ? { fixes: r.fixes } : {}),
          ...(r.data ? { data: r.data } : {}),
        });
      },
    };
    try {
      rule.check(ctx);
      findings.push(...own);
    } catch (error) {
      options.onRuleError?.(rule.id, error);
    }
  }

  const kept = applySuppressions(model, findings);
  kept.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { findings: kept, model, profile, config, sections };
}

/** Drops findings silenced by caselint-disable / -enable / -disable-next-line / -disable-line comments. */
function applySuppressions(model: DocumentModel, findings: Finding[]): Finding[] {
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
  return findings.filter((f) => {
    if (ranges.some((r) => f.start >= r.start && f.start <= r.end && names(r.ids, f.ruleId, r.except))) return false;
    const line = lineOf(f.start);
    return !lineSuppressions.some((l) => l.line === line && names(l.ids, f.ruleId));
  });
}

function lineText(model: DocumentModel, line: number): string {
  const start = model.lineStarts[line];
  const end = line + 1 < model.lineStarts.length ? model.lineStarts[line + 1] : model.text.length;
  return model.text.slice(start, end);
}
