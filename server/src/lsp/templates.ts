/**
 * Case report templates ("Caselint: Insert case report template", requests `caselint/profiles`
 * and `caselint/template`): the skeleton snippet of a profile, taken from the snippet files
 * (`snippets/*.json` through server/src/snippets, the single source of snippets), or built from
 * the profile's items when no snippet fits (plain text has no snippets). Pure.
 */
import { PROFILES, getProfile, type Format, type Profile } from '../checker';
import { getSnippets } from '../snippets';
import type { ProfileSummary } from './protocol';

/** What a template is chosen by: a snippet's name, prefixes and description. */
export interface SnippetDef {
  name: string;
  prefixes: string[];
  body: string;
  description: string;
}

/** The profiles of the pick list, in the order of PROFILES. */
export function profileSummaries(): ProfileSummary[] {
  return Object.values(PROFILES).map((p) => ({ id: p.id, label: p.label, description: p.description }));
}

function mentions(hay: string, word: string): boolean {
  const w = word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[^a-z0-9])${w}(?:$|[^a-z0-9])`).test(hay);
}

function isSkeleton(s: SnippetDef): boolean {
  const hay = `${s.name} ${s.prefixes.join(' ')} ${s.description}`.toLowerCase();
  return /skeleton|template|full case report|whole case report/.test(hay);
}

/**
 * The skeleton snippet of a profile: a snippet whose name, prefix or description says skeleton
 * or template and names the profile (id or label); for `default`, one that names no other profile.
 */
export function findTemplateSnippet(snippets: readonly SnippetDef[], profile: Pick<Profile, 'id' | 'label'>, allProfileIds: readonly string[]): SnippetDef | undefined {
  const skeletons = snippets.filter(isSkeleton);
  const hayOf = (s: SnippetDef) => `${s.name} ${s.prefixes.join(' ')} ${s.description}`.toLowerCase();
  const short = profile.label.replace(/\s+checklist$/i, '');
  const named = skeletons.find((s) => mentions(hayOf(s), profile.id) || mentions(hayOf(s), profile.label) || mentions(hayOf(s), short));
  if (named) return named;
  if (profile.id === 'default') {
    const others = allProfileIds.filter((id) => id !== 'default');
    return skeletons.find((s) => !others.some((id) => mentions(hayOf(s), id)));
  }
  return undefined;
}

/** Escapes text for use inside snippet syntax. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => '\\' + c);
}

/** A skeleton in snippet syntax built from the profile's items (used when no snippet fits). */
export function skeletonFromProfile(profile: Pick<Profile, 'items' | 'label'>, format: Format): string {
  let n = 1;
  const parts: string[] = [];
  const placeholder = (text: string) => `\${${n++}:${escapeSnippetText(text)}}`;
  const hasTitle = profile.items.some((i) => i.evidence === 'title');
  if (format === 'latex') {
    parts.push(`\\\\title{${placeholder('Title: a case report')}}`, '');
  } else if (format === 'text') {
    parts.push(placeholder('TITLE: A CASE REPORT'), '');
  } else {
    parts.push(`# ${placeholder('Title: a case report')}`, '');
  }
  for (const item of profile.items) {
    if (item.evidence === 'title' && hasTitle) continue;
    const label = escapeSnippetText(item.label);
    if (format === 'latex') parts.push(`\\\\section{${label}}`);
    else if (format === 'text') parts.push(label.toUpperCase());
    else parts.push(`## ${label}`);
    parts.push('', placeholder('TODO'), '');
  }
  parts.push('$0');
  return parts.join('\n');
}

/** The template of a profile in snippet syntax, or undefined for an unknown profile. */
export function templateSnippet(profileId: string, format: Format): string | undefined {
  const profile = getProfile(profileId);
  if (!profile) return undefined;
  const snippets = format === 'text' ? [] : getSnippets(format);
  return findTemplateSnippet(snippets, profile, Object.keys(PROFILES))?.body ?? skeletonFromProfile(profile, format);
}
