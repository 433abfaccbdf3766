#!/usr/bin/env node
/**
 * caselint-language-server: the caselint language server over stdio (`--stdio`) or Node IPC
 * (`--node-ipc`; also `--socket=PORT`, `--pipe=NAME` as vscode-languageserver understands them).
 */
import './startup';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { format } from 'node:util';
import { createServer } from './lsp/server';
import { FramingGuard } from './lsp/framing';
import { wireEncoder } from './lsp/wire';
import { IDLE_COLLECT_AFTER_MS, YOUNG_GENERATION_CAP_MB } from './lsp/heap';
import { endPhases, phase, phasesOn } from './lsp/phases';
import pkg from '../../package.json';

const USAGE = `Usage: caselint-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The caselint language server (Language Server Protocol): checks clinical case reports
(Markdown, Quarto, R Markdown, LaTeX, plain text) in any LSP editor.
`;

function main(argv: string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${pkg.version}\n`);
    return;
  }
  if (!argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'))) {
    process.stderr.write(`caselint-language-server: choose a transport.\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const connection = argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
  // Never die on one bad document: log and keep serving.
  process.on('uncaughtException', (error) => {
    try {
      connection.console.error(`caselint: uncaught exception: ${error?.stack ?? String(error)}`);
    } catch {
      process.stderr.write(`caselint: uncaught exception: ${error?.stack ?? String(error)}\n`);
    }
  });
  process.on('unhandledRejection', (reason) => {
    try {
      connection.console.error(`caselint: unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
    } catch {
      process.stderr.write(`caselint: unhandled rejection: ${String(reason)}\n`);
    }
  });
  createServer(connection, { youngGenerationCapMB: YOUNG_GENERATION_CAP_MB, idleCollectMs: IDLE_COLLECT_AFTER_MS });
  connection.listen();
}

/**
 * Standard input and output, with the framing of every message checked on the way in
 * (lsp/framing.ts): a message with a wrong Content-Length is dropped, told on standard error, and
 * the server reads on from the next header instead of waiting forever. On the way out, each
 * diagnostic's JSON is made once (lsp/wire.ts), not at every report that sends it again.
 */
function stdioConnection(): Connection {
  const input = process.stdin.pipe(new FramingGuard((message) => void process.stderr.write(message + '\n')));
  const output = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: wireEncoder() });
  if (phasesOn) {
    // bench/lsp-keystrokes.ts --phases: a diagnostics report's record ends when it is written.
    const write = output.write.bind(output);
    output.write = async (message) => {
      await write(message);
      const result = (message as { result?: { kind?: unknown } }).result;
      if (result?.kind === 'full' || result?.kind === 'unchanged') {
        phase('written');
        endPhases();
      }
    };
  }
  // The input as a stream (not a reader): vscode-languageserver then exits when it ends, as it
  // does for --stdio; a writer in place of the output stream is taken as it is.
  const connection = createConnection(ProposedFeatures.all, input, output as unknown as NodeJS.WritableStream);
  // What vscode-languageserver does for --stdio: standard output carries the protocol, so the
  // console writes to the client's log instead.
  const log = (...args: unknown[]) => connection.console.log(format(...args));
  console.log = console.info = console.debug = log;
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  return connection;
}

main(process.argv.slice(2));
