#!/usr/bin/env bash
# pre-commit end-to-end suite: the real pre-commit (Debian's package; test/e2e/prepare.sh installs
# it) installs the hook of .pre-commit-hooks.yaml from this repository and runs it on fixtures,
# as a manuscript repository would:
#   1. the repository's files (tracked and untracked, not ignored: what a commit would hold) are
#      committed into a temporary git repository, the hook repository;
#   2. a temporary manuscript repository's .pre-commit-config.yaml names it as `repo:` (a local
#      path) at that commit; `pre-commit install-hooks` installs the hook (language: node with the
#      system node: npm install, npm pack, npm install -g of the tarball; only the npm registry);
#   3. the hook fails on a case report with an error, passes a README that is not a case report
#      (--detect) and a complete case report, and `git commit` is blocked by the installed hook.
# Prints one line per test and a summary line; writes test-results/pre-commit-e2e.json
# ({passed, failed}); exit code 0 only when every test passed.
set -uo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
log() { printf '[pre-commit e2e] %s\n' "$*"; }
t0=$(date +%s)
mkdir -p "$REPO/test-results"
results="$REPO/test-results/pre-commit-e2e.json"
rm -f "$results"
passed=0 failed=0
finish() {
  printf '{"passed": %d, "failed": %d}\n' "$passed" "$failed" >"$results"
  if ((failed == 0 && passed > 0)); then
    log "PASS: $passed passed, $failed failed ($(($(date +%s) - t0)) s)"
    exit 0
  fi
  log "FAIL: $passed passed, $failed failed ($(($(date +%s) - t0)) s)"
  exit 1
}
ok() { passed=$((passed + 1)); log "ok: $*"; }
fail() { failed=$((failed + 1)); log "FAIL: $*"; }

command -v pre-commit >/dev/null || { fail "pre-commit not found (run test/e2e/prepare.sh, or apt-get install pre-commit)"; finish; }
command -v git >/dev/null || { fail "git not found"; finish; }
log "$(pre-commit --version), node $(node --version), npm $(npm --version)"

work="$(mktemp -d "${TMPDIR:-/tmp}/caselint-pre-commit-XXXXXX")"
trap 'rm -rf "$work"' EXIT
# Whatever npm run set for this script (npm_config_*, NODE) is not the manuscript author's.
source "$REPO/test/e2e/clean-env.sh"
export PRE_COMMIT_HOME="$work/pre-commit-home"
export GIT_AUTHOR_NAME=caselint GIT_AUTHOR_EMAIL=e2e@caselint.invalid
export GIT_COMMITTER_NAME=caselint GIT_COMMITTER_EMAIL=e2e@caselint.invalid
# Neither the system's nor the user's git configuration (hooks paths, templates) applies.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$work/gitconfig"
git config --global init.defaultBranch main

# 1. The hook repository: this tree as a commit.
hook="$work/caselint"
mkdir -p "$hook"
(cd "$REPO" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [[ -e "$f" ]] && { mkdir -p "$hook/$(dirname "$f")"; cp -p "$f" "$hook/$f"; }
done)
(cd "$hook" && git init -q && git add -A && git commit -q -m "caselint under test") || { fail "cannot commit the hook repository"; finish; }
rev=$(git -C "$hook" rev-parse HEAD)

# 2. The manuscript repository.
ms="$work/manuscript"
mkdir -p "$ms"
cd "$ms" || exit 1
git init -q
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $hook
    rev: $rev
    hooks:
      - id: caselint
EOF
cp "$REPO/test/fixtures/cli/missing-section.md" case-report.md
cp "$REPO/test/fixtures/detect/readme.md" README.md
cp "$REPO/test/fixtures/cli/project/complete-case-report.md" complete.md
git add -A && git commit -q -m "manuscript" --no-verify

out="$work/out.txt"
if timeout 900 pre-commit install-hooks >"$out" 2>&1; then
  ok "pre-commit install-hooks installs the caselint hook (npm pack printed only the tarball name)"
else
  fail "pre-commit install-hooks failed:"
  sed 's/^/    /' "$out" | tail -40
  [[ -f "$PRE_COMMIT_HOME/pre-commit.log" ]] && sed 's/^/    /' "$PRE_COMMIT_HOME/pre-commit.log" | tail -40
  finish
fi

# 3. The hook on the fixtures.
pre-commit run caselint --files case-report.md >"$out" 2>&1
rc=$?
if ((rc == 1)) && grep -q 'required-section' "$out" && grep -q 'case-report.md' "$out"; then
  ok "the hook fails on a case report with a missing section, and names the file and the rule"
else
  fail "the hook on case-report.md: exit $rc, expected 1 with a required-section finding:"
  sed 's/^/    /' "$out" | tail -30
fi

pre-commit run caselint --files README.md complete.md >"$out" 2>&1
rc=$?
if ((rc == 0)) && ! grep -q 'README.md' "$out"; then
  ok "the hook passes a README that is not a case report (--detect) and a complete case report"
else
  fail "the hook on README.md and complete.md: exit $rc, expected 0 and nothing about README.md:"
  sed 's/^/    /' "$out" | tail -30
fi

pre-commit install >"$out" 2>&1 || { fail "pre-commit install failed"; sed 's/^/    /' "$out"; finish; }
printf '\nThe patient took XX tablets.\n' >>case-report.md
git add case-report.md
if git commit -q -m "more text" >"$out" 2>&1; then
  fail "git commit of a case report with errors was not blocked by the hook"
else
  if grep -q 'caselint' "$out" && grep -q 'placeholder' "$out"; then
    ok "git commit of a case report with errors is blocked by the installed hook"
  else
    fail "git commit failed, but not with caselint's findings:"
    sed 's/^/    /' "$out" | tail -30
  fi
fi

finish
