#!/usr/bin/env bash
# The README's test command: installs the test prerequisites, builds, and runs every test
# (typecheck, lint, vitest unit + integration, Playwright in real Chromium), inside a private
# D-Bus session with a real, unlocked gnome-keyring and a fresh HOME. Closes with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
bash scripts/system-deps.sh || { echo "could not install the Debian packages"; echo "0 passed, 1 failed"; exit 1; }
bash scripts/npm-deps.sh || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
export ELECTRON_OVERRIDE_DIST_PATH=/nonexistent-electron-dist
mkdir -p test-results
rm -f test-results/vitest-report.json test-results/e2e-report.json

failed_steps=0
run_step() {
  local name=$1; shift
  echo "== $name"
  if "$@"; then echo "== $name: ok"; else echo "== $name: FAILED"; failed_steps=$((failed_steps + 1)); fi
}
run_step build npm run --silent build
run_step typecheck npm run --silent typecheck
run_step lint npm run --silent lint

TEST_HOME=$(mktemp -d)
export ROOT TEST_HOME
env -u DISPLAY -u WAYLAND_DISPLAY HOME="$TEST_HOME" XDG_DATA_HOME="$TEST_HOME/.local/share" \
  XDG_CONFIG_HOME="$TEST_HOME/.config" npm_config_cache="${npm_config_cache:-$HOME/.npm}" \
  ISE_SMTP_OAUTH_REQUIRE_KEYCHAIN=1 \
  dbus-run-session -- bash -c '
    printf %s ci-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
    cd "$ROOT"
    echo "== vitest"
    npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest-report.json
    echo "== playwright"
    npx playwright test
  ' 2> >(grep -v "Failed to set fd limit" >&2)
rm -rf "$TEST_HOME"

node scripts/test-summary.mjs "$failed_steps"
