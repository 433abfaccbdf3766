#!/usr/bin/env bash
# Neovim end-to-end suite: headless Debian neovim (0.7+) with caselint-language-server over stdio.
# Needs a built server (npm run build) and nvim (test/e2e/prepare.sh installs it).
# Prints one line per test and a summary line; exit code 0 only when every test passed.
set -uo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
log() { printf '[neovim e2e] %s\n' "$*"; }
t0=$(date +%s.%N)
elapsed() { awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }'; }

command -v nvim >/dev/null || { log "FAIL: nvim not found (run test/e2e/prepare.sh)"; exit 2; }
[[ -f "$REPO/server/out/server.js" ]] || { log "FAIL: server/out/server.js missing (run npm run build)"; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/caselint-nvim-XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp -r "$REPO/examples" "$work/workspace"
results="$work/results.json"
mkdir -p "$REPO/test-results"

log "$(nvim --version | head -1)"
# Bounded as a whole: the suite's own waits add up to well under this.
CASELINT_SERVER="$REPO/server/out/server.js" \
CASELINT_E2E_FILE="$work/workspace/als-cramps-case-report.md" \
CASELINT_E2E_RESULTS="$results" \
  timeout --kill-after=10 180 nvim --headless --clean -n -i NONE -u "$REPO/test/e2e/neovim/init.lua" </dev/null 2>&1 | sed -u 's/\r$//'
code=${PIPESTATUS[0]}

if [[ ! -s "$results" ]]; then
  [[ $code -eq 124 || $code -eq 137 ]] && log "FAIL: timed out after 180 s" || log "FAIL: nvim exited with $code and wrote no results"
  log "FAIL: 0 passed, 1 failed ($(elapsed))"
  exit 1
fi
cp "$results" "$REPO/test-results/neovim-e2e.json"
summary=$(node -e 'const r=require(process.argv[1]); console.log(`${r.passed} ${r.failed} ${r.nvim}`)' "$results")
read -r passed failed version <<<"$summary"
if [[ $code -eq 0 && $failed -eq 0 && $passed -gt 0 ]]; then
  log "PASS: $passed passed, $failed failed (nvim $version, $(elapsed))"
  exit 0
fi
log "FAIL: $passed passed, $failed failed (nvim $version, exit $code, $(elapsed))"
exit 1
