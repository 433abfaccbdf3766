import type PicomatchT from 'picomatch';

let loaded: typeof PicomatchT | undefined;
/** picomatch, loaded when a configuration's glob is first matched (most runs have none). */
const picomatch = (...args: Parameters<typeof PicomatchT>) => (loaded ??= require('picomatch') as typeof PicomatchT)(...args);
import type { CaselintConfig } from '../config';
import { headingMatches, normalizeHeading, PROFILES, type Profile, type ProfileItem } from '../profiles';
import type { DocumentModel } from '../types';

/**
 * Manuscript detection: should caselint check this document at all? Pure (no file system):
 * the caller passes the path and the config it already loaded.
 *
 * Paths and globs. `files` / `ignore` globs are picomatch globs written relative to the folder
 * of the config file that holds them (like .gitignore). Pass that folder as `configDir` and an
 * absolute `path`, and detection makes the path relative; or pass an already relative `path`
 * and no `configDir`. Backslashes are read as slashes, so Windows paths work. A glob without a
 * slash ("*.qmd") matches the file name in any folder. Dot files and folders match.
 *
 * Decision, first match wins:
 *  1. config `ignore` matches the path                     → not a manuscript
 *  2. front matter `caselint: false`                       → not a manuscript
 *  3. front matter `caselint: true`                        → manuscript
 *  4. config `files` matches the path                      → manuscript
 *  4a. the file is a repository's own file by its name (README, CHANGELOG, CONTRIBUTING,
 *     LICENSE, … with any extension and letter case: REPOSITORY_FILE_RE), whatever its title
 *     or headings say                                      → not a manuscript
 *  5. front matter article type is a case report
 *     (`article-type`, `articletype`, `type`, `category`, `categories`) → manuscript
 *  6. a heading names the case presentation (the `case` item of the default profile,
 *     plus the profile's and config's extra case headings; a bare "History" does not count)
 *                                                          → manuscript
 *  7. the title (front matter title, first heading, or a short first paragraph)
 *     mentions "case report", "case presentation" or "a case of"  → manuscript
 *  8. otherwise                                            → not a manuscript
 *
 * When `files` globs are configured and the path does not match them, steps 5–7 still apply:
 * `files` adds manuscripts, `ignore` removes them.
 */
export interface DetectOptions {
  /** The document's path: absolute (with `configDir`) or relative to the config's folder. */
  path?: string;
  /** Folder of the config file whose `files`/`ignore` globs apply; globs are relative to it. */
  configDir?: string;
  config?: CaselintConfig;
  /** The active profile; its case item's headings also count. Defaults to `default`. */
  profile?: Profile;
}

export interface DetectResult {
  manuscript: boolean;
  /** Why, in a few words, for logs and the "check this file" command. */
  reason: string;
}

const ARTICLE_TYPE_KEYS = ['article-type', 'articletype', 'article_type', 'articleType', 'type', 'category', 'categories'];
const TITLE_RE = /\bcase\s+reports?\b|\bcase\s+presentation\b|\ba\s+(?:rare\s+|unusual\s+|novel\s+)?case\s+of\b/i;
/**
 * A repository's own files, by name: a README titled "Case reports of night cramps" describes the
 * manuscripts next to it. A config `files` glob or `caselint: true` still makes one a manuscript.
 */
const REPOSITORY_FILE_RE = /^(?:readme|changelog|changes|contributing|code[_-]of[_-]conduct|licen[cs]e|security|support|authors|notice)(?:\.[^.]+)?$/i;
/** Case synonyms too generic to mark a document as a case report on their own. */
const GENERIC_CASE_HEADINGS = new Set(['history']);

/** Normalise a path for glob matching: slashes, no "./", no drive letter or leading slash. */
export function toGlobPath(path: string, configDir?: string): string {
  let p = path.replace(/\\/g, '/');
  if (configDir) {
    let dir = configDir.replace(/\\/g, '/').replace(/\/+$/, '');
    const caseInsensitive = /^[A-Za-z]:/.test(dir);
    const hay = caseInsensitive ? p.toLowerCase() : p;
    if (caseInsensitive) dir = dir.toLowerCase();
    if (dir && hay.startsWith(dir + '/')) p = p.slice(dir.length + 1);
  }
  return p.replace(/^[A-Za-z]:/, '').replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
}

const matcherCache = new Map<string, (p: string) => boolean>();

/** The first glob of `globs` that matches `path` (see toGlobPath), or undefined. Bad globs never throw. */
export function matchGlobs(path: string, globs: readonly string[] | undefined, configDir?: string): string | undefined {
  if (!globs?.length) return undefined;
  const p = toGlobPath(path, configDir);
  for (const glob of globs) {
    if (typeof glob !== 'string' || !glob) continue;
    let m = matcherCache.get(glob);
    if (!m) {
      try {
        m = picomatch(glob.replace(/^\.\//, ''), { dot: true, basename: !glob.includes('/') });
      } catch {
        m = () => false;
      }
      matcherCache.set(glob, m);
    }
    if (m(p)) return glob;
  }
  return undefined;
}

function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (['true', 'yes', 'on'].includes(v)) return true;
    if (['false', 'no', 'off'].includes(v)) return false;
  }
  return undefined;
}

/** "Case Report", "case-report", "case_reports", "Clinical case report" → true. */
export function isCaseReportType(value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => typeof v === 'string' && /\bcase reports?\b/.test(normalizeHeading(v)));
}

function caseItems(profile: Profile | undefined): ProfileItem[] {
  const items: ProfileItem[] = [];
  const def = PROFILES.default.items.find((i) => i.marksCaseReport);
  if (def) items.push(def);
  const own = profile?.items.find((i) => i.marksCaseReport);
  if (own && own !== def) items.push(own);
  return items;
}

/** Is this document a case report caselint should check? */
export function isManuscript(model: DocumentModel, opts: DetectOptions = {}): DetectResult {
  const config = opts.config ?? {};
  const path = opts.path;
  if (path) {
    const ignored = matchGlobs(path, config.ignore, opts.configDir);
    if (ignored) return { manuscript: false, reason: `ignored by the config glob "${ignored}"` };
  }

  const data = model.frontMatter?.data;
  if (data) {
    const own = flag(data.caselint);
    if (own === false) return { manuscript: false, reason: 'front matter says caselint: false' };
    if (own === true) return { manuscript: true, reason: 'front matter says caselint: true' };
  }

  if (path) {
    const listed = matchGlobs(path, config.files, opts.configDir);
    if (listed) return { manuscript: true, reason: `listed by the config glob "${listed}"` };
  }

  if (path) {
    const name = toGlobPath(path).split('/').pop() ?? '';
    if (REPOSITORY_FILE_RE.test(name)) return { manuscript: false, reason: `${name} is a repository file by its name, not a manuscript` };
  }

  if (data) {
    for (const key of ARTICLE_TYPE_KEYS) {
      if (key in data && isCaseReportType(data[key])) {
        return { manuscript: true, reason: `front matter ${key} is a case report` };
      }
    }
  }

  const items = caseItems(opts.profile);
  for (const h of model.headings) {
    const n = normalizeHeading(h.text);
    if (GENERIC_CASE_HEADINGS.has(n)) continue;
    if (items.some((item) => headingMatches(item, h.text, config.headings?.[item.id] ?? []))) {
      return { manuscript: true, reason: `heading "${h.text}" presents the case` };
    }
  }

  const titles: string[] = [];
  if (model.title) titles.push(model.title.text);
  if (model.headings[0]) titles.push(model.headings[0].text);
  // Plain text has no title markup: a short first line before any heading, not ending like a sentence.
  const first = model.paragraphs[0];
  if (first && first.plain.length <= 200 && !/[.!?:;,]\s*$/.test(first.plain) && (!model.headings[0] || first.start < model.headings[0].start)) {
    titles.push(first.plain);
  }
  for (const t of titles) {
    if (TITLE_RE.test(t)) return { manuscript: true, reason: `title "${t.trim().slice(0, 80)}" names a case report` };
  }

  return { manuscript: false, reason: 'no case report heading, title, front matter or config glob' };
}
