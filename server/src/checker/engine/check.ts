import type { LoadedBibliography } from '../analysis/bibliography';
import { analyseSections, profileItems, type SectionAnalysis } from '../analysis/sections';
import { resolveRuleSetting, type CaselintConfig } from '../config';
import { blockTokens, parseDocument } from '../model';
import { heldBy, recordedSteps, touchUses, type MemoUse } from '../model/memo';
import { lowerBound } from '../model/text';
import { getProfile, PROFILES, type Profile, type ProfileItem } from '../profiles';
import { RULE_IDS, RULES } from '../rules';
import type { Rule, RuleContext } from '../analysis/rule';
import type { TextEncodingName } from '../encoding';
import type { DocumentModel, Finding, Format, Memo, Paragraph, Section, Table } from '../types';
import { blockIdentity, findingsOf, internedSpace, keepFindings, placedFindings, storedFindings, type BlockIdentity } from './blocks';
import { inScope, movedFindings, paragraphEdit, type EditMap } from './reuse';
import { applySuppressions } from './suppressions';
import { driveSteps, isSteps, runSteps, type Steps } from '../steps';

export interface CheckOptions {
  format?: Format;
  config?: CaselintConfig;
  /** Called when a rule throws or reports an invalid range; the rule's findings are dropped. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
  /**
   * The bibliography files the document names (bibliographyRequests), as the host read them
   * (loadBibliographies). Without them, citation keys are checked only against the document's
   * own `\bibitem`s and front-matter references, and not at all when it names files.
   */
  bibliographies?: readonly LoadedBibliography[];
  /** How the host decoded the file's bytes (decodeManuscript); the `encoding` rule reports Windows-1252. */
  encoding?: TextEncodingName;
  /** The incremental checker's memo (engine/incremental.ts): the findings are the same, sooner. */
  memo?: Memo;
}

/** A rule reported a range or proposed an edit outside the text (a bug in the rule; its findings are dropped). */
export class InvalidReportError extends RangeError {
  override name = 'InvalidReportError';
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

export class UnknownProfileError extends Error {
  constructor(readonly profile: string) {
    super(`unknown profile "${profile}" (known: ${Object.keys(PROFILES).join(', ')})`);
  }
}

/** The profile a config names (default: `default`); throws UnknownProfileError for an unknown one. */
export function profileOf(config: CaselintConfig): Profile {
  const profile = getProfile(config.profile ?? 'default');
  if (!profile) throw new UnknownProfileError(config.profile!);
  return profile;
}

/** Check a manuscript: parse once, run every enabled rule, validate and filter findings. */
export function check(text: string, options: CheckOptions = {}): CheckResult {
  const config = options.config ?? {};
  const profile = profileOf(config);
  return checkModel(parseDocument(text, options.format ?? 'markdown', { memo: options.memo }), profile, options);
}

/** The profile item a section belongs to (its own, or its nearest ancestor's). */
export function itemFinder(sections: SectionAnalysis): (section: Section | null) => ProfileItem | undefined {
  return (section) => {
    for (let s = section; s; s = s.parent) {
      const item = sections.itemOf.get(s);
      if (item) return item;
    }
    return undefined;
  };
}

/** Check a parsed manuscript (its model's text) with the profile of `options.config`. */
export function checkModel(model: DocumentModel, profile: Profile, options: Omit<CheckOptions, 'format'> = {}): CheckResult {
  const run = ruleRunner(model, profile, options);
  for (const rule of run.rules) run.one(rule);
  return run.finish();
}

/**
 * checkModel in slices: `pause()` is awaited before each rule and before the suppressions, and
 * inside a rule that works in steps (steps.ts) whenever SLICE_MS of work has passed, so that a
 * host (the language server) can answer other requests between them, and cancel the check by
 * throwing from `pause` (the error is the promise's rejection).
 */
export async function checkModelAsync(model: DocumentModel, profile: Profile, options: Omit<CheckOptions, 'format'> & { pause: () => Promise<void> }): Promise<CheckResult> {
  const run = ruleRunner(model, profile, options);
  for (const rule of run.rules) {
    await options.pause();
    await driveSteps(run.steps(rule), options.pause);
  }
  await options.pause();
  return run.finish();
}

/**
 * The last completed check through a memo, for the rules with a scope (Rule.scope,
 * engine/reuse.ts): its model, what else its findings depend on, and each such rule's findings.
 */
interface LastCheck {
  model: DocumentModel;
  key: string;
  bibliographies: CheckOptions['bibliographies'];
  encoding: CheckOptions['encoding'];
  findings: Map<Rule, ScopedFindings>;
  /** How many rules' runs were reused through this memo, in all (tests, bench). */
  reused: number;
}
/**
 * A scoped rule's findings, and what its last run looked up in the memo: a check that reuses the
 * findings keeps those values too (memo.ts, touch), so that the run after an edit in its scope
 * computes again only what that edit changed.
 */
interface ScopedFindings {
  findings: readonly Finding[];
  uses: readonly MemoUse[];
}
const lastChecks = new WeakMap<Memo, LastCheck>();

/** Forgets the last check made through a memo (the incremental checker cleared). */
export function forgetLastCheck(memo: Memo): void {
  lastChecks.delete(memo);
}

/** How many rules' runs the checks through a memo reused (Rule.scope) since it was last cleared. */
export function reusedRuns(memo: Memo): number {
  return lastChecks.get(memo)?.reused ?? 0;
}

/** The same bibliographies (the host reads them again for each check: the same requests, paths, errors and parsed files). */
function sameBibliographies(a: CheckOptions['bibliographies'], b: CheckOptions['bibliographies']): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.path !== y.path || x.error !== y.error || x.bibliography !== y.bibliography) return false;
    if (x.request.name !== y.request.name || x.request.from !== y.request.from || x.request.start !== y.request.start || x.request.end !== y.request.end) return false;
  }
  return true;
}

const ruleKeys = new WeakMap<Rule, string>();
let rulesKeyed = 0;
/** A rule's part of a memo key: its id and which rule object it is (tests pass rules of their own). */
function ruleKey(rule: Rule): string {
  let key = ruleKeys.get(rule);
  if (key === undefined) ruleKeys.set(rule, (key = `${rule.id}\0${rulesKeyed++}`));
  return key;
}

/** A rule's check as steps (its own, or one step for a rule that is not a generator). */
function* ruleSteps(rule: Rule, ctx: RuleContext): Steps<void> {
  const stepped = rule.check(ctx);
  if (isSteps(stepped)) yield* stepped;
}

/** The rules to run on a model, a step that runs one of them, and the step that ends the check. */
function ruleRunner(model: DocumentModel, profile: Profile, options: Omit<CheckOptions, 'format'>) {
  const config = options.config ?? {};
  const text = model.text;
  const items = profileItems(profile, config);
  const sections = analyseSections(model, items);
  const itemAt = itemFinder(sections);

  const findings: Finding[] = [];
  const ruleIds = options.rules ? [...new Set([...RULE_IDS, ...options.rules.map((r) => r.id)])] : RULE_IDS;

  // Block-local findings (RuleContext.block), with the memo: each block's identity is looked up
  // once per check, whichever rules ask; every key holds the config, the profile and the format.
  const memo = model.memo;
  const identities = new Map<Paragraph | Table, BlockIdentity | undefined>();
  // A paragraph's identity is kept by its index among the parse's (blockTokens), found from the
  // last one asked for (rules walk the paragraphs in order) or by its start: no hashing per block.
  const tokens = memo ? blockTokens(model) : undefined;
  const paragraphIdentities: (BlockIdentity | null | undefined)[] = tokens ? new Array(tokens.paragraphs.length).fill(undefined) : [];
  let cursor = 0;
  const indexOf = (block: Paragraph | Table): number => {
    const list = tokens!.paragraphs;
    if (list[cursor] === block) return cursor;
    if (list[cursor + 1] === block) return ++cursor;
    let k = lowerBound(list.length, (i) => list[i].start < block.start);
    while (k < list.length && list[k] !== block && list[k].start === block.start) k++;
    if (list[k] !== block) return -1;
    return (cursor = k);
  };
  const identityOf = (block: Paragraph | Table) => {
    const k = tokens && 'plain' in block ? indexOf(block) : -1;
    if (k >= 0) {
      let id = paragraphIdentities[k];
      if (id === undefined) paragraphIdentities[k] = id = blockIdentity(memo!, model, block, tokens!.tokens[k]) ?? null;
      return id ?? undefined;
    }
    let id = identities.get(block);
    if (id === undefined && !identities.has(block)) identities.set(block, (id = blockIdentity(memo!, model, block)));
    return id;
  };
  let configKey: string | undefined;
  try {
    configKey = memo && `${profile.id}\0${model.format}\0${JSON.stringify(config)}`;
  } catch {
    configKey = undefined; // a config that is not JSON (never from a file): no block is reused
  }
  // A rule with a scope reuses its last findings, moved, after an edit outside it (engine/reuse.ts).
  const last = memo && configKey !== undefined ? lastChecks.get(memo) : undefined;
  const reusable = !!last && last.key === configKey && sameBibliographies(last.bibliographies, options.bibliographies) && last.encoding === options.encoding;
  let edit: EditMap | null | undefined;
  const scopes = new Map<NonNullable<Rule['scope']>, boolean>();
  const scoped = new Map<Rule, ScopedFindings>();
  let reusedNow = 0;
  const reused = (rule: Rule): ScopedFindings | undefined => {
    const previous = reusable && rule.scope ? last!.findings.get(rule) : undefined;
    if (!previous) return undefined;
    if (edit === undefined) edit = paragraphEdit(last!.model, model) ?? null;
    if (!edit) return undefined;
    let same = scopes.get(rule.scope!);
    if (same === undefined) scopes.set(rule.scope!, (same = inScope(rule.scope!, edit, last!.model, model, sections, config)));
    const moved = same ? movedFindings(edit, previous.findings) : undefined;
    return moved && { findings: moved, uses: previous.uses };
  };
  /** One rule's run; a rule that works in steps yields between them. */
  function* steps(rule: Rule): Steps<void> {
    const setting = resolveRuleSetting(config.rules?.[rule.id], rule.defaultSeverity);
    if (setting.severity === 'off') return;
    const again = reused(rule);
    if (again) {
      reusedNow++;
      touchUses(memo, again.uses);
      for (const f of again.findings) findings.push(f);
      scoped.set(rule, again);
      return;
    }
    const severity = setting.severity;
    const own: Finding[] = [];
    const spaces = new Map<string, string>();
    let inBlock = false;
    /** The block's work, its findings those it reported. */
    const run = (work: () => void): Finding[] => {
      const from = own.length;
      inBlock = true;
      try {
        work();
      } finally {
        inBlock = false;
      }
      return own.slice(from);
    };
    const ctx: RuleContext = {
      doc: model,
      profile,
      config,
      options: setting.options,
      sections,
      ruleIds,
      ...(options.bibliographies ? { bibliographies: options.bibliographies } : {}),
      itemAt,
      encoding: options.encoding,
      report(r) {
        if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= text.length)) {
          throw new InvalidReportError(`rule ${rule.id} reported an invalid range [${r.start}, ${r.end}) in a text of length ${text.length}`);
        }
        for (const fix of r.fixes ?? []) {
          for (const e of fix.edits) {
            if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) {
              throw new InvalidReportError(`rule ${rule.id} proposed an edit with an invalid range [${e.start}, ${e.end})`);
            }
          }
        }
        // A configured severity wins; otherwise the rule may pick a weaker one per finding.
        const configured = config.rules?.[rule.id] !== undefined;
        // (Properties set, not spread from literals made for the purpose: a re-check reports
        // hundreds of document-level findings.)
        const f: Finding = { ruleId: rule.id, severity: configured ? severity : (r.severity ?? severity), message: r.message, start: r.start, end: r.end };
        if (r.fixes?.length) f.fixes = r.fixes;
        if (r.data) f.data = r.data;
        own.push(f);
      },
      block(block, key, work) {
        // (A block inside a block is part of it.)
        if (inBlock) return run(work);
        const identity = memo && configKey !== undefined ? identityOf(block) : undefined;
        if (!identity) return run(work);
        let space = spaces.get(key);
        if (space === undefined) spaces.set(key, (space = internedSpace(`${ruleKey(rule)}\0${configKey}\0${key}`)));
        const stored = findingsOf(identity, space);
        if (!stored) {
          // What the work looks up (a sentence's decision) stays in the memo while the block's
          // record lives: the checks that reuse its findings do not ask for it, and the first
          // edit of the block then decides again only the sentences it changed.
          const computed = heldBy(memo, identity, () => run(work));
          keepFindings(identity, space, storedFindings(memo!, computed, block.start, identity));
          return computed;
        }
        if (!stored.reusable) return run(work);
        const out = placedFindings(stored, block.start);
        for (const f of out) own.push(f);
        return out;
      },
    };
    try {
      if (memo && rule.scope && model.format === 'markdown') {
        // What it looks up is recorded, for the checks that reuse its findings.
        const { uses } = yield* recordedSteps(memo, ruleSteps(rule, ctx));
        scoped.set(rule, { findings: own, uses });
      } else {
        const stepped = rule.check(ctx);
        if (isSteps(stepped)) yield* stepped;
      }
      // One by one: push(...own) throws ("Maximum call stack size exceeded") past ~125,000 findings.
      for (const f of own) findings.push(f);
    } catch (error) {
      options.onRuleError?.(rule.id, error);
    }
  }
  const one = (rule: Rule) => runSteps(steps(rule));

  const finish = (): CheckResult => {
    if (memo && configKey !== undefined) lastChecks.set(memo, { model, key: configKey, bibliographies: options.bibliographies, encoding: options.encoding, findings: scoped, reused: (last?.reused ?? 0) + reusedNow });
    const kept = applySuppressions(model, findings);
    // Rule ids by code unit, not localeCompare: the same order for ids of lower-case letters,
    // digits and hyphens, without creating ICU's collator (~6 ms of a CLI run, more on a busy machine).
    kept.sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
    return { findings: kept, model, profile, config, sections };
  };
  return { rules: options.rules ?? RULES, one, steps, finish };
}
