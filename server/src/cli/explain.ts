import { dirname, resolve } from 'node:path';
import { claimDecisions, computeLineStarts, explain, explanationText, formatForFile, lintFile, positionAt, type Finding } from '../checker';
import { discoverConfig, loadConfigFile } from '../config/discover';
import { discoveryRoot, IoError, readTarget } from './files';
import { UsageError } from './args';

export const EXPLAIN_HELP = `Usage: caselint explain FILE:LINE [-c F | --no-config]

Prints why caselint reports what it reports on one line of a manuscript: each finding's
message, the reasoning behind it (for uncited claims: the words that made it a claim, the tense,
the subject, the citations around it), what the rule checks, how to fix it, how to silence it
and the rule's page. On a line without an uncited-claim finding, it says for each sentence why
it is not one. The file is checked as a case report whether or not it looks like one.
`;

/**
 * `caselint explain FILE:LINE`: the explanation of the findings on one line (what the editor's
 * hover shows), as plain text on stdout. Exit 0 (also when the line has no finding), 2 for a
 * usage or I/O error (thrown, reported by main as one line on stderr).
 */
export async function explainCommand(io: { stdout: { write(chunk: string): unknown }; cwd: string }, argv: string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout.write(EXPLAIN_HELP);
    return 0;
  }
  let config: string | undefined;
  let noConfig = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-c' || a === '--config') {
      config = argv[++i];
      if (!config) throw new UsageError(`${a} needs a file`);
    } else if (a === '--no-config') noConfig = true;
    else if (a.startsWith('-')) throw new UsageError(`unknown option for explain: ${a}`);
    else rest.push(a);
  }
  if (rest.length !== 1) throw new UsageError('explain takes one FILE:LINE (see caselint explain --help)');
  const m = /^(.+):(\d+)$/.exec(rest[0]);
  if (!m || Number(m[2]) < 1) throw new UsageError(`explain needs FILE:LINE with a line number from 1, not "${rest[0]}"`);
  const display = m[1];
  const line = Number(m[2]);
  const cwd = resolve(io.cwd);
  const path = resolve(cwd, display);
  const read = readTarget({ path, explicit: true }, display);
  if (read.kind === 'skip') throw new IoError(`cannot explain ${display} (${read.why})`);
  if (read.kind === 'unreadable') throw new IoError(read.message);
  const text = read.text;

  const loaded = noConfig ? { config: {} } : config ? { config: loadConfigFile(resolve(cwd, config)), file: resolve(cwd, config) } : discoverConfig(path, discoveryRoot(cwd));
  const format = formatForFile(path);
  const { result } = lintFile(text, { format, config: loaded.config, path, configDir: loaded.file ? dirname(loaded.file) : discoveryRoot(cwd), force: true });
  const starts = computeLineStarts(text);
  if (line > starts.length) throw new UsageError(`${display} has ${starts.length} line${starts.length === 1 ? '' : 's'}, not ${line}`);
  const onLine = (result?.findings ?? []).filter((f) => positionAt(starts, f.start).line + 1 === line);
  const parts: string[] = [];
  if (!onLine.length) parts.push(`${display}:${line}: no finding`);
  const byRule = new Map<string, Finding[]>();
  for (const f of onLine) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  for (const group of byRule.values()) {
    const col = positionAt(starts, group[0].start).character + 1;
    parts.push(`${display}:${line}:${col}  ${explanationText(explain(group, format))}`);
  }
  // Why each sentence on the line that unsupported-claim did not flag is not an uncited claim.
  if (result) {
    const from = starts[line - 1];
    const to = line < starts.length ? starts[line] : text.length;
    const flagged = result.findings.filter((f) => f.ruleId === 'unsupported-claim');
    const decisions = claimDecisions(result, from, to).filter((d) => !flagged.some((f) => f.start < d.end && d.start < f.end));
    if (decisions.length) {
      const lines = decisions.map((d) => {
        const at = positionAt(starts, Math.max(d.start, from));
        return `  ${display}:${at.line + 1}:${at.character + 1}  ${d.why}${d.why.startsWith('claim') ? ' (not reported here: silenced by a comment)' : ''}`;
      });
      parts.push(`unsupported-claim, sentences not flagged:\n${lines.join('\n')}\n`);
    }
  }
  io.stdout.write(parts.join('\n'));
  return 0;
}
