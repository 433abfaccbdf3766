import { parseArgs } from 'node:util';
import { FILE_FORMATS, getProfile, MANUSCRIPT_EXTENSIONS, PROFILES, RULE_IDS, SEVERITY_SETTINGS, type SeveritySetting } from '../checker';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown'] as const;
export type FormatName = (typeof FORMATS)[number];
/** `caselint report`'s formats (formatters/report.ts). */
export const REPORT_FORMATS = ['markdown', 'html'] as const;
export type ReportFormatName = (typeof REPORT_FORMATS)[number];

/** What the command line asked for, validated. */
export interface CliOptions {
  patterns: string[];
  format: FormatName;
  /** `caselint report`: the page's format (default markdown). */
  reportFormat?: ReportFormatName;
  outputFile?: string;
  profile?: string;
  rules: Record<string, SeveritySetting>;
  /** -1: no limit. */
  maxWarnings: number;
  quiet: boolean;
  stdin: boolean;
  stdinFilename?: string;
  config?: string;
  noConfig: boolean;
  exitZero: boolean;
  /** Apply manuscript detection to named files and stdin too (pre-commit, lint-staged). */
  detect: boolean;
  help: boolean;
  version: boolean;
}

/** A bad command line: exit 2 with this one-line message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The extensions walked in folders, for messages: ".md .markdown .qmd .Rmd …". */
export const WALKED_EXTENSIONS = MANUSCRIPT_EXTENSIONS.join(' ');

export const HELP = `Usage: caselint [options] [files|dirs|globs...]
       caselint explain FILE:LINE   (why the findings on that line were made)
       caselint report [--format markdown|html] [options] FILE...   (a page to hand in)

Checks clinical case reports (${FILE_FORMATS.map((f) => f.name).join(', ')}) for required
sections, uncited medical claims and more. With no arguments, checks the current directory.

Files named on the command line are always checked, whatever their extension. Directories
are walked for ${WALKED_EXTENSIONS} files, in any letter case
(skipping node_modules, .git and dot-folders); globs ("docs/**/*.md", quoted) are expanded.
Files found by walking or globbing are checked only when they look like case reports (a
case-report heading or title, front matter "caselint: true" or a case-report article type,
or the config's "files" globs) and are not matched by the config's "ignore" globs.

Options:
  -f, --format NAME        stylish (default), json, sarif, github, junit or markdown
  -o, --output-file F      write the report to F (folders are created); stdout stays quiet
      --profile NAME       profile: ${Object.keys(PROFILES).join(', ')}
      --rule ID:SEVERITY   set a rule's severity (off, hint, info, warning, error); repeatable
      --max-warnings N     exit 1 when there are more than N warnings (default: no limit)
      --quiet              report errors only (warnings, info and hints are left out)
      --stdin              check the text on standard input
      --stdin-filename F   the file name to report (and to pick the format and config) for --stdin
  -c, --config F           use this config file instead of looking for .caselint.json/.jsonc/.yaml
      --no-config          use no config file at all
      --exit-zero          exit 0 even when problems are found (2 still means a usage/config/I/O error)
      --detect             check named files only when they look like case reports, as walked
                           files are (for pre-commit and lint-staged, which pass every staged file)
  -h, --help               show this help
  -v, --version            show the version

Config: for each file, the nearest .caselint.json, .caselint.jsonc or .caselint.yaml (.yml)
from the file's folder up to the git root (or the current directory) applies; --profile and
--rule override it.

Output (--format json): an ESLint-style array of {filePath, messages: [{ruleId, severity
(2 error, 1 warning; info and hint are 1 with "caselintSeverity"), message, line, column,
endLine, endColumn}], errorCount, warningCount}; lines and columns are 1-based, columns
count UTF-16 code units.

Exit codes:
  0  no errors, and no more warnings than --max-warnings (or --exit-zero)
  1  errors found, or more warnings than --max-warnings
  2  usage, config or I/O error (one line on stderr: "caselint: <what is wrong>")
`;

export const REPORT_HELP = `Usage: caselint report [--format markdown|html] [-o FILE] [options] FILE|DIR...

Writes one self-contained page about the manuscripts: the profile's checklist (each item
present, empty or missing, with the text that satisfies it), the word and count limits
(abstract and main-text words, references, figures, tables, keywords, the title rule), the
findings grouped by rule with their lines, and the abbreviation table. The page a writer
attaches to a submission, or CI publishes as an artifact.

  -f, --format NAME        markdown (default) or html (one file: inline CSS, no script,
                           nothing loaded from the network)
  -o, --output-file F      write the page to F instead of standard output

The other options are the check's (--profile, --rule, --config, --no-config, --quiet,
--stdin, --stdin-filename, --max-warnings, --exit-zero, --detect); so are the exit codes.
`;

function firstSentence(message: string): string {
  return message.split(/\.\s/)[0].replace(/\.$/, '');
}

export function parseCliArgs(argv: string[], mode: 'check' | 'report' = 'check'): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        profile: { type: 'string' },
        rule: { type: 'string', multiple: true },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        'exit-zero': { type: 'boolean' },
        detect: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const message = String(err.message ?? e);
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const m = /Unknown option '([^']+)'/.exec(message);
      throw new UsageError(`unknown option ${m ? m[1] : ''} (see caselint --help)`.replace('  ', ' '));
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const m = /Option '([^']+)'/.exec(message);
      // "-o, --output-file <value>" → "--output-file"
      const name = m ? (m[1].split(/,\s*/).pop() ?? m[1]).replace(/ <value>$/, '') : '';
      if (m && / argument missing/.test(message)) throw new UsageError(`option ${name} needs a value`);
      // "--max-warnings -1", "-o -out.json": a value starting with a dash must be attached with "=".
      if (m && / argument is ambiguous/.test(message)) {
        const long = /use '(--[\w-]+)=/.exec(message)?.[1] ?? name;
        throw new UsageError(`option ${name} needs a value (for a value starting with "-", write ${long}=VALUE)`);
      }
      if (m) throw new UsageError(`option ${name} does not take a value`);
    }
    throw new UsageError(firstSentence(message));
  }
  const v = parsed.values;

  let format: FormatName = 'stylish';
  let reportFormat: ReportFormatName | undefined;
  if (mode === 'report') {
    reportFormat = (v.format ?? 'markdown') as ReportFormatName;
    if (!REPORT_FORMATS.includes(reportFormat)) {
      throw new UsageError(`unknown report format "${v.format}" (known: ${REPORT_FORMATS.join(', ')})`);
    }
  } else {
    format = (v.format ?? 'stylish') as FormatName;
    if (!FORMATS.includes(format)) {
      throw new UsageError(`unknown format "${v.format}" (known: ${FORMATS.join(', ')})`);
    }
  }

  if (v.profile !== undefined && !getProfile(v.profile)) {
    throw new UsageError(`unknown profile "${v.profile}" (known: ${Object.keys(PROFILES).join(', ')})`);
  }

  const rules: Record<string, SeveritySetting> = {};
  for (const spec of v.rule ?? []) {
    const m = /^\s*([a-z0-9-]+)\s*[:=]\s*([a-z]+)\s*$/i.exec(spec);
    if (!m) throw new UsageError(`--rule expects ID:SEVERITY, e.g. --rule empty-section:off (got "${spec}")`);
    const [, id, severity] = m;
    if (!RULE_IDS.includes(id)) throw new UsageError(`unknown rule "${id}" in --rule (known: ${RULE_IDS.join(', ')})`);
    const sev = severity.toLowerCase() as SeveritySetting;
    if (!SEVERITY_SETTINGS.includes(sev)) {
      throw new UsageError(`unknown severity "${severity}" in --rule (known: ${SEVERITY_SETTINGS.join(', ')})`);
    }
    rules[id] = sev;
  }

  let maxWarnings = -1;
  if (v['max-warnings'] !== undefined) {
    const raw = v['max-warnings'].trim();
    if (!/^-?\d+$/.test(raw) || Number(raw) < -1 || !Number.isSafeInteger(Number(raw))) {
      throw new UsageError(`--max-warnings expects a whole number of 0 or more (got "${v['max-warnings']}")`);
    }
    maxWarnings = Number(raw);
  }

  if (v.config !== undefined && v['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  if (v['stdin-filename'] !== undefined && !v.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (v.stdin && parsed.positionals.length) {
    throw new UsageError('--stdin cannot be combined with file arguments');
  }
  for (const [name, value] of [['--output-file', v['output-file']], ['--config', v.config], ['--stdin-filename', v['stdin-filename']]] as const) {
    if (value !== undefined && !value.trim()) throw new UsageError(`${name} needs a file name`);
  }

  return {
    patterns: parsed.positionals,
    format,
    ...(reportFormat ? { reportFormat } : {}),
    outputFile: v['output-file'],
    profile: v.profile,
    rules,
    maxWarnings,
    quiet: v.quiet ?? false,
    stdin: v.stdin ?? false,
    stdinFilename: v['stdin-filename'],
    config: v.config,
    noConfig: v['no-config'] ?? false,
    exitZero: v['exit-zero'] ?? false,
    detect: v.detect ?? false,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}
