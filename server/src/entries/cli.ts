#!/usr/bin/env node
// caselint (server/out/cli.js): runs the CLI's bundle, server/out/cli-main.js (cli/bin.ts), with V8's code cache (launch.ts).
import { join } from 'node:path';
import { checkedAny } from '../cli/checked';
import { restoreStartFlags } from '../cli/v8-flags';
import { launch } from '../launch';

// The code cache of a run that checked a case report (cli/checked.ts), not of --help, --version
// or a run that found none.
launch(join(__dirname, 'cli-main.js'), {
  keep: () => {
    restoreStartFlags();
    return checkedAny();
  },
});
