#!/usr/bin/env node
// caselint (server/out/cli.js): runs the CLI's bundle, server/out/cli-main.js (cli/bin.ts), with V8's code cache (launch.ts).
import { join } from 'node:path';
import { restoreStartFlags } from '../cli/v8-flags';
import { launch } from '../launch';

// The code cache of a run that checked files (exit 0 or 1), not of --help or --version.
const INFO = new Set(['--help', '-h', '--version', '-v']);
launch(join(__dirname, 'cli-main.js'), {
  keep: () => {
    restoreStartFlags();
    return (process.exitCode === undefined || process.exitCode === 0 || process.exitCode === 1) && !process.argv.slice(2).some((a) => INFO.has(a));
  },
});
