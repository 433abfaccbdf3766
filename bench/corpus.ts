/**
 * Where the shared corpus is: beside the repository (`../shared/corpus`, as on a clean clone in
 * CI), or, from a git worktree elsewhere, beside the main checkout (found through the
 * repository's common git folder). Used by `npm run eval` and `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function defaultCorpus(): string {
  const beside = join(__dirname, '..', '..', 'shared', 'corpus', 'case-reports');
  if (existsSync(beside)) return beside;
  try {
    const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: __dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const main = join(common, '..', '..', 'shared', 'corpus', 'case-reports');
    if (existsSync(main)) return main;
  } catch {
    // not a git checkout: keep the path beside the repository (reported as not found)
  }
  return beside;
}
