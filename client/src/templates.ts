/**
 * Case report templates for "Caselint: Insert case report template": the skeleton snippet of a
 * profile, taken from the extension's own snippet files (snippets/*.code-snippets, the single
 * source of snippets), or built from the profile's items when no snippet fits. Pure: the caller
 * reads the file.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Profile } from '../../server/src/checker';
import type { HeadingFormat } from './checklistModel';

export interface SnippetDef {
  name: string;
  prefixes: string[];
  body: string;
  description: string;
}

/** Parses a VS Code snippet file (JSON with comments). Throws an Error with a one-line message. */
export function parseSnippetFile(text: string, fileName = 'snippet file'): SnippetDef[] {
  const errors: ParseError[] = [];
  const data: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length) throw new Error(`${fileName}: ${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset}`);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${fileName}: expected an object of snippets`);
  const out: SnippetDef[] = [];
  for (const [name, raw] of Object.entries(data as Record<string, unknown>)) {
    if (!raw || typeof raw !== 'object') continue;
    const s = raw as { prefix?: unknown; body?: unknown; description?: unknown };
    const body = Array.isArray(s.body) ? s.body.filter((x) => typeof x === 'string').join('\n') : typeof s.body === 'string' ? s.body : undefined;
    if (body === undefined) continue;
    const prefixes = Array.isArray(s.prefix) ? s.prefix.filter((x): x is string => typeof x === 'string') : typeof s.prefix === 'string' ? [s.prefix] : [];
    out.push({ name, prefixes, body, description: typeof s.description === 'string' ? s.description : '' });
  }
  return out;
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
export function skeletonFromProfile(profile: Pick<Profile, 'items' | 'label'>, format: HeadingFormat): string {
  let n = 1;
  const parts: string[] = [];
  const placeholder = (text: string) => `\${${n++}:${escapeSnippetText(text)}}`;
  const hasTitle = profile.items.some((i) => i.id === 'title');
  if (format === 'latex') {
    parts.push(`\\\\title{${placeholder('Title: a case report')}}`, '');
  } else if (format === 'plaintext') {
    parts.push(placeholder('TITLE: A CASE REPORT'), '');
  } else {
    parts.push(`# ${placeholder('Title: a case report')}`, '');
  }
  for (const item of profile.items) {
    if (item.id === 'title' && hasTitle) continue;
    const label = escapeSnippetText(item.label);
    if (format === 'latex') parts.push(`\\\\section{${label}}`);
    else if (format === 'plaintext') parts.push(label.toUpperCase());
    else parts.push(`## ${label}`);
    parts.push('', placeholder('TODO'), '');
  }
  parts.push('$0');
  return parts.join('\n');
}

/** Which snippet files may hold the templates for a heading format (the first that exists is used). */
export function snippetFilesFor(format: HeadingFormat): string[] {
  const base = format === 'latex' ? 'snippets/latex' : 'snippets/markdown';
  return [`${base}.code-snippets`, `${base}.json`];
}
