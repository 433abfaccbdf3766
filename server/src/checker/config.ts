import type { Severity, SeveritySetting } from './types';

/** A rule's setting: a severity, or [severity, options]. */
export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

/** The configuration users write (`.caselint.json`, editor settings, CLI flags). */
export interface CaselintConfig {
  /** Profile id: `default`, `care`, or a journal profile. */
  profile?: string;
  rules?: Record<string, RuleSetting>;
  /** What a citation covers: its own sentence (default) or its whole paragraph. */
  citationScope?: 'sentence' | 'paragraph';
  /** Numbered references: cited in order of first mention (Vancouver, ICMJE; default), or in any order. */
  citationOrder?: 'first-mention' | 'none';
  /**
   * Bibliography files (BibTeX, CSL JSON, CSL YAML) for documents that name none themselves,
   * relative to the config file.
   */
  bibliography?: string | string[];
  /** Extra accepted headings, by profile item id: `{ "case": ["Patient story"] }`. */
  headings?: Record<string, string[]>;
  /** Further required sections, beyond the profile's. */
  requiredSections?: { id: string; label?: string; headings: string[] }[];
  /** Claim checking in sections where citations are not expected. */
  claims?: { checkAbstract?: boolean; checkPatientPerspective?: boolean };
  /**
   * What the patient-identifier rule leaves alone: kinds of identifier (`"institution"` for a
   * journal that prints the institution) and names, places or numbers that may stay.
   */
  identifiers?: { allow?: string[]; allowNames?: string[] };
  /**
   * Word and count limits, overriding the profile's (`length-limit`, the checklist, the report):
   * a number is a maximum, `{min, max}` a range, `null` removes the profile's limit;
   * `titleCaseReport`: "require" or "avoid" the words "case report" in the title, or "any".
   */
  limits?: LimitsConfig;
  /** Globs of manuscripts to check, and to leave alone (CLI and workspace checks). */
  files?: string[];
  ignore?: string[];
}

/** The config's `limits`: by count id (profiles.ts COUNT_IDS), a maximum, a range or null (no limit). */
export interface LimitsConfig {
  abstractWords?: LimitSetting;
  mainTextWords?: LimitSetting;
  references?: LimitSetting;
  figures?: LimitSetting;
  tables?: LimitSetting;
  keywords?: LimitSetting;
  titleCaseReport?: 'require' | 'avoid' | 'any';
}
export type LimitSetting = number | { min?: number; max?: number } | null;

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

export interface ResolvedRuleSetting {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

export function resolveRuleSetting(setting: RuleSetting | undefined, defaultSeverity: Severity): ResolvedRuleSetting {
  if (setting === undefined) return { severity: defaultSeverity, options: {} };
  if (Array.isArray(setting)) return { severity: setting[0], options: setting[1] ?? {} };
  return { severity: setting, options: {} };
}

/**
 * Merges configurations: later ones win key by key; `rules` and `headings` merge by id.
 * Used for defaults < config file < editor settings < command-line flags.
 */
export function mergeConfigs(...configs: (CaselintConfig | undefined)[]): CaselintConfig {
  const out: CaselintConfig = {};
  for (const c of configs) {
    if (!c) continue;
    const { rules, headings, claims, identifiers, limits, ...rest } = c;
    Object.assign(out, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
    if (rules) out.rules = { ...out.rules, ...rules };
    if (headings) out.headings = { ...out.headings, ...headings };
    if (claims) out.claims = { ...out.claims, ...claims };
    if (identifiers) out.identifiers = { ...out.identifiers, ...identifiers };
    if (limits) out.limits = { ...out.limits, ...limits };
  }
  return out;
}
