import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { formatForFile, InvalidReportError, lintFileAsync, mergeConfigs, UnknownProfileError, type CaselintConfig, type Rule, type TextEncodingName } from '../checker';
import { bibliographyFiles } from '../config/bibliographies';
import { ConfigError, discoverConfig, loadConfigFile, type LoadedConfig } from '../config/discover';
import pkg from '../../../package.json';
import { HELP, parseCliArgs, REPORT_HELP, UsageError, WALKED_EXTENSIONS, type CliOptions } from './args';
import { explainCommand } from './explain';
import { collectTargets, decodeBytes, discoveryRoot, errCode, IoError, MAX_FILE_BYTES, readTarget } from './files';
import { FORMATTERS } from './formatters';
import { reportPage } from './formatters/report';
import { useColor } from './formatters/stylish';
import { totalCounts, type FileReport } from './report';

export const VERSION: string = pkg.version;

/** Where the CLI reads and writes: the real process in bin.ts, buffers in tests. */
export interface CliIO {
  argv: string[];
  /**
   * Where the report goes. `write` may return a promise (bin.ts: settled when the data is
   * written); a rejection or a throw is a write error (a full disk, a closed pipe): exit 2.
   */
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown };
  cwd: string;
  /** Standard input for --stdin: a stream (process.stdin) or, in tests, a string. */
  stdin?: AsyncIterable<string | Uint8Array> | string;
  env?: Record<string, string | undefined>;
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
  /** Told the length of each text before it is checked (bin.ts: V8's tiering of a long run, v8-flags.ts). */
  willCheck?: (chars: number) => void;
  /** Told when a file has been checked as a case report (bin.ts: the code cache is kept only after such a run, checked.ts). */
  checked?: () => void;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_ERROR = 2;

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function displayPathOf(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  if (!rel) return abs.split(sep).join('/');
  if (rel.startsWith('..') || isAbsolute(rel)) return abs;
  return rel.split(sep).join('/');
}

async function readStdin(stdin: CliIO['stdin']): Promise<Buffer> {
  if (stdin === undefined) return Buffer.alloc(0);
  if (typeof stdin === 'string') return Buffer.from(stdin, 'utf8');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    size += b.length;
    if (size > MAX_FILE_BYTES) throw new IoError('standard input is too large (the limit is 10 MB)');
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/**
 * What a rule's or the checker's error may say on stderr: never document text (which may hold a
 * patient's name). Our own errors and the stack overflow say what happened; others only their kind.
 */
function describeError(e: unknown): string {
  if (e instanceof InvalidReportError) return e.message;
  if (e instanceof RangeError && e.message === 'Maximum call stack size exceeded') return e.message;
  return e instanceof Error ? e.name : typeof e;
}

/** Writes to stdout and waits for the write when it says when it is done (bin.ts). */
async function writeOut(stdout: CliIO['stdout'], chunk: string): Promise<void> {
  try {
    const r = stdout.write(chunk);
    if (r && typeof (r as Promise<unknown>).then === 'function') await r;
  } catch (e) {
    throw new IoError(`cannot write the report to standard output (${errCode(e)})`);
  }
}

/**
 * The caselint command line. Returns the exit code: 0 clean (or within --max-warnings, or
 * --exit-zero), 1 errors or too many warnings, 2 usage, config or I/O error (one line on stderr),
 * or a file that could not be read or checked while the others were (one line each; the report
 * of the others is still written). Never throws.
 */
export async function main(io: CliIO): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`caselint: ${oneLine(message)}\n`);
    return EXIT_ERROR;
  };
  try {
    return await run(io);
  } catch (e) {
    // A config problem names the file relative to the current directory when it is below it.
    if (e instanceof ConfigError) return fail(`${displayPathOf(resolve(io.cwd), resolve(io.cwd, e.file))}: ${e.problem}`);
    if (e instanceof UsageError || e instanceof IoError || e instanceof UnknownProfileError) {
      return fail(e.message);
    }
    return fail(`internal error (${describeError(e)})`);
  }
}

async function run(io: CliIO): Promise<number> {
  // `caselint explain FILE:LINE`: why the findings on one line were made (cli/explain.ts).
  if (io.argv[0] === 'explain') return explainCommand(io, io.argv.slice(1));
  // `caselint report FILE`: the same check, written as one page (formatters/report.ts).
  const reporting = io.argv[0] === 'report';
  const opts: CliOptions = reporting ? parseCliArgs(io.argv.slice(1), 'report') : parseCliArgs(io.argv);
  if (opts.help) {
    io.stdout.write(reporting ? REPORT_HELP : HELP);
    return EXIT_OK;
  }
  if (opts.version) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  const cwd = resolve(io.cwd);
  const env = io.env ?? {};
  const note = (message: string) => io.stderr.write(`caselint: ${oneLine(message)}\n`);

  const cliConfig: CaselintConfig = {};
  if (opts.profile) cliConfig.profile = opts.profile;
  if (Object.keys(opts.rules).length) cliConfig.rules = { ...opts.rules };

  // Config: one explicit file, none, or discovered per folder (cached).
  const root = discoveryRoot(cwd);
  let explicit: LoadedConfig | undefined;
  if (opts.config) {
    const file = resolve(cwd, opts.config);
    explicit = { config: loadConfigFile(file), file };
  } else if (opts.noConfig) {
    explicit = { config: {} };
  }
  const byDir = new Map<string, LoadedConfig>();
  const configFor = (filePath: string): LoadedConfig => {
    if (explicit) return explicit;
    const dir = dirname(filePath);
    let loaded = byDir.get(dir);
    if (!loaded) {
      loaded = discoverConfig(filePath, root);
      byDir.set(dir, loaded);
    }
    return loaded;
  };

  const reports: FileReport[] = [];
  let looked = 0;
  // A file that could not be read or checked while the others were: reported, exit 2 at the end.
  let incomplete = false;
  const problem = (message: string) => {
    note(message);
    incomplete = true;
  };
  const checkText = async (text: string, filePath: string | undefined, display: string, always: boolean, encoding?: TextEncodingName) => {
    io.willCheck?.(text.length);
    const abs = filePath ?? resolve(cwd, 'stdin.md');
    const loaded = configFor(abs);
    const config = mergeConfigs(loaded.config, cliConfig);
    let result;
    try {
      result = (await lintFileAsync(text, {
        format: formatForFile(filePath ?? 'stdin.md'),
        config,
        path: abs,
        configDir: loaded.file ? dirname(loaded.file) : root,
        force: always,
        encoding,
        // Bibliography files the manuscript names, relative to it (the config's to the config file).
        readBibliography: bibliographyFiles(filePath, loaded.file, cwd).read,
        rules: io.rules,
        onRuleError: (ruleId, error) =>
          problem(`rule ${ruleId} failed on ${display} (${describeError(error)}); the report lacks its findings for this file`),
      })).result;
    } catch (e) {
      if (e instanceof UnknownProfileError) throw e;
      problem(`checking ${display} failed (${describeError(e)}); it is missing from the report`);
      return;
    }
    looked++;
    if (!result) return;
    const findings = opts.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
    reports.push({ filePath: filePath ?? '<stdin>', displayPath: display, result, findings, config });
    io.checked?.();
  };

  if (opts.stdin) {
    const decoded = decodeBytes(await readStdin(io.stdin), 'standard input');
    if (decoded.kind === 'refused') throw new IoError(decoded.message);
    const filePath = opts.stdinFilename ? resolve(cwd, opts.stdinFilename) : undefined;
    await checkText(decoded.text, filePath, filePath ? displayPathOf(cwd, filePath) : '<stdin>', !opts.detect, decoded.encoding);
  } else {
    const unreadableFolders: string[] = [];
    const targets = await collectTargets(opts.patterns, cwd, unreadableFolders);
    for (const message of unreadableFolders) problem(message);
    for (const target of targets) {
      const display = displayPathOf(cwd, target.path);
      const read = readTarget(target, display);
      if (read.kind === 'skip') {
        note(`skipped ${display} (${read.why})`);
        continue;
      }
      if (read.kind === 'unreadable') {
        problem(read.message);
        continue;
      }
      await checkText(read.text, target.path, display, target.explicit && !opts.detect, read.encoding);
    }
    if (!reports.length && looked > 0) {
      note(`no case reports found among ${looked} file${looked === 1 ? '' : 's'} (name a file to check it anyway, or list it in the config's "files")`);
    } else if (!reports.length && !targets.length) {
      // A folder with no manuscript file (by extension) at all: say so rather than print nothing.
      const where = opts.patterns.length ? opts.patterns.join(', ') : '.';
      note(`no manuscript files (${WALKED_EXTENSIONS}) found in ${where}`);
    }
  }

  const color = useColor(env, !!io.stdout.isTTY, !!opts.outputFile);
  const formatContext = { cwd, color, version: VERSION };
  const output = opts.reportFormat ? reportPage(opts.reportFormat, reports, formatContext) : FORMATTERS[opts.format](reports, formatContext);
  if (opts.outputFile) {
    writeOutputFile(resolve(cwd, opts.outputFile), opts.outputFile, output);
  } else if (output) {
    await writeOut(io.stdout, output);
  }

  if (incomplete) return EXIT_ERROR;
  const total = totalCounts(reports);
  if (opts.exitZero) return EXIT_OK;
  if (total.errors > 0) return EXIT_PROBLEMS;
  if (opts.maxWarnings >= 0 && total.warnings > opts.maxWarnings) {
    note(`too many warnings (${total.warnings}; --max-warnings is ${opts.maxWarnings})`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

/**
 * Writes the report to a temporary file next to the output file, then renames it over the output
 * file: a reader (or another caselint run writing the same file) sees the old report or the new
 * one, never a part of one. Through a symbolic link, the file linked to is replaced.
 */
function writeOutputFile(out: string, named: string, output: string): void {
  let target = out;
  let temp: string | undefined;
  try {
    makeFolders(dirname(out));
    try {
      target = realpathSync(out);
    } catch {
      // Not there yet: written where named.
    }
    temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    writeFileSync(temp, output, { flag: 'wx' });
    renameSync(temp, target);
    temp = undefined;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new IoError(`cannot write the output file ${named} (${err.code ?? err.message})`);
  } finally {
    if (temp) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // Nothing more to do: the error above is what is reported.
      }
    }
  }
}

/**
 * Creates a folder and its missing parents one level at a time. (Node 20's recursive mkdirSync
 * never returns for some paths, e.g. under /proc; creating level by level fails cleanly there.)
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    if (dirname(d) === d) break;
    missing.push(d);
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      // Another run (caselint in parallel) may have just made it.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw e;
    }
  }
}
