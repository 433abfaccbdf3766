#!/usr/bin/env node
// caselint (server/out/cli.js): runs the CLI's bundle, server/out/cli-main.js (cli/bin.ts), with V8's code cache (launch.ts).
import { join } from 'node:path';
import { version } from '../../../package.json';
import { checkedAny } from '../cli/checked';
import { restoreStartFlags } from '../cli/v8-flags';
import { launch } from '../launch';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // What the CLI would print (main.ts), without loading its megabyte of code for it.
  process.stdout.write(`${version}\n`);
} else {
  // The code cache of a run that checked a case report (cli/checked.ts), not of --help, --version
  // or a run that found none.
  launch(join(__dirname, 'cli-main.js'), {
    keep: () => {
      restoreStartFlags();
      return checkedAny();
    },
  });
}
