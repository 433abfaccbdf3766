#!/usr/bin/env node
import '../startup';
import { willCheck } from './v8-flags';
import { markChecked } from './checked';
import { main } from './main';

// A write error on stdout (a full disk, `caselint … | head` closing the pipe early) reaches the
// write's callback, and main() reports it (exit 2); the streams' 'error' events, emitted as
// well, must not crash the process. Nothing can be reported about stderr itself.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

main({
  argv: process.argv.slice(2),
  stdout: {
    isTTY: process.stdout.isTTY,
    write: (chunk: string) =>
      new Promise<void>((resolve, reject) => {
        process.stdout.write(chunk, (e) => (e ? reject(e) : resolve()));
      }),
  },
  stderr: process.stderr,
  cwd: process.cwd(),
  // Read only for --stdin: making process.stdin loads Node's stream and socket modules (tens of ms).
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  willCheck,
  // Read by server/out/cli.js (entries/cli.ts) when it decides to keep the code cache.
  checked: markChecked,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`caselint: internal error: ${e instanceof Error ? e.name : String(e)}\n`);
    process.exitCode = 2;
  },
);
