#!/usr/bin/env bash
# Editor end-to-end suites, for .ci/run (after the unit suites) and for developers:
#   1. prepares the cache (test/e2e/prepare.sh: Debian chromium/neovim/libkrb5-dev, Node 24,
#      code-server, playwright-core; idempotent);
#   2. builds the extension if client/out or server/out is missing;
#   3. runs the VS Code suite in code-server + chromium (test/e2e/vscode/run-code-server.ts), then
#      the same suite through test:vscode's mocha entry (run-code-server.ts --mocha);
#   4. runs the Neovim suite (test/e2e/neovim/run.sh);
#   5. runs the pre-commit suite (test/e2e/pre-commit/run.sh: Debian's pre-commit installs the hook
#      from this repository and runs it on fixtures);
#   6. runs the report page suite (test/e2e/report/run.ts: `caselint report --format html` opened in
#      chromium: it renders, makes no request; screenshot test-results/report-e2e.png).
# Prints a result line per suite with its time, then, last, one count line per suite in the form
# .ci/run adds up: "vscode: N passed, N failed", "vscode-mocha: …", "neovim: …", "pre-commit: …", "report: …" (a suite that wrote
# no results counts as 1 failed; a failed preparation or build prints "e2e-setup: 0 passed, 1 failed").
# Exit code 0 only when every suite passed.
#
# Usage: test/e2e/run-all.sh [vscode|neovim|pre-commit|report]   (default: all)
set -uo pipefail
# npm run test:e2e leaves npm's settings in the environment: clear them (see clean-env.sh).
source "$(dirname "${BASH_SOURCE[0]}")/clean-env.sh"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
ONLY="${1:-all}"
case "$ONLY" in all | vscode | neovim | pre-commit | report) ;; *) echo "usage: $0 [vscode|neovim|pre-commit|report]" >&2; exit 2 ;; esac
mkdir -p test-results

now() { date +%s; }
t_all=$(now)

prep_arg=
[[ $ONLY == vscode ]] && prep_arg=--vscode-only
[[ $ONLY == neovim ]] && prep_arg=--neovim-only
[[ $ONLY == pre-commit ]] && prep_arg=--pre-commit-only
[[ $ONLY == report ]] && prep_arg=--report-only
t=$(now)
if ! test/e2e/prepare.sh $prep_arg; then
  echo "e2e prepare: FAIL ($(($(now) - t)) s)"
  echo "e2e-setup: 0 passed, 1 failed"
  exit 1
fi
echo "e2e prepare: ok ($(($(now) - t)) s)"

if [[ ! -f client/out/extension.js || ! -f server/out/server.js ]]; then
  echo "e2e: building the extension (npm run build)"
  npm run build --silent || { echo "e2e: build failed"; echo "e2e-setup: 0 passed, 1 failed"; exit 1; }
fi

status=0 lines=() counts=()
# count <suite> <results.json>: the suite's count line (one failure if it wrote no results)
count() {
  local p f
  if [[ -s "$2" ]] && read -r p f < <(node -e 'const r=require(process.argv[1]); console.log(r.passed, r.failed)' "$2" 2>/dev/null); then
    counts+=("$1: $p passed, $f failed")
  else
    counts+=("$1: 0 passed, 1 failed")
  fi
}

if [[ $ONLY == all || $ONLY == vscode ]]; then
  rm -f test-results/vscode-e2e.json
  t=$(now)
  node --import tsx test/e2e/vscode/run-code-server.ts
  rc=$?
  count vscode "$REPO/test-results/vscode-e2e.json"
  ((rc == 0)) && r=PASS || { r=FAIL; status=1; }
  shot=
  [[ -f test-results/vscode-e2e.png ]] && shot="; screenshot test-results/vscode-e2e.png"
  lines+=("e2e vscode (code-server + chromium): $r in $(($(now) - t)) s$shot")
fi

if [[ $ONLY == all || $ONLY == vscode ]]; then
  # The same suite through the @vscode/test-electron entry (mocha-index.ts), offline.
  rm -f test-results/vscode-mocha-e2e.json
  t=$(now)
  node --import tsx test/e2e/vscode/run-code-server.ts --mocha
  rc=$?
  count vscode-mocha "$REPO/test-results/vscode-mocha-e2e.json"
  ((rc == 0)) && r=PASS || { r=FAIL; status=1; }
  lines+=("e2e vscode-mocha (test:vscode's mocha entry, in code-server): $r in $(($(now) - t)) s")
fi

if [[ $ONLY == all || $ONLY == neovim ]]; then
  rm -f test-results/neovim-e2e.json
  t=$(now)
  test/e2e/neovim/run.sh
  rc=$?
  count neovim "$REPO/test-results/neovim-e2e.json"
  ((rc == 0)) && r=PASS || { r=FAIL; status=1; }
  lines+=("e2e neovim (headless, stdio): $r in $(($(now) - t)) s")
fi

if [[ $ONLY == all || $ONLY == pre-commit ]]; then
  rm -f test-results/pre-commit-e2e.json
  t=$(now)
  test/e2e/pre-commit/run.sh
  rc=$?
  count pre-commit "$REPO/test-results/pre-commit-e2e.json"
  ((rc == 0)) && r=PASS || { r=FAIL; status=1; }
  lines+=("e2e pre-commit (Debian's pre-commit installs and runs the hook): $r in $(($(now) - t)) s")
fi

if [[ $ONLY == all || $ONLY == report ]]; then
  rm -f test-results/report-e2e.json
  t=$(now)
  node --import tsx test/e2e/report/run.ts
  rc=$?
  count report "$REPO/test-results/report-e2e.json"
  ((rc == 0)) && r=PASS || { r=FAIL; status=1; }
  shot=
  [[ -f test-results/report-e2e.png ]] && shot="; screenshot test-results/report-e2e.png"
  lines+=("e2e report (caselint report --format html in chromium): $r in $(($(now) - t)) s$shot")
fi

printf '%s\n' "${lines[@]}"
echo "e2e total: $(($(now) - t_all)) s"
printf '%s\n' "${counts[@]}"
exit $status
