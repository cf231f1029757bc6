#!/usr/bin/env bash
# The README's start command: installs what is missing, builds, and starts the wizard.
# Electron where it can run; otherwise browser mode, saying why in one line.
set -uo pipefail
cd "$(dirname "$0")/.."
# keytar builds from source during `npm ci` on Linux and needs libsecret's headers; install only
# what that build needs (not the test-only packages such as Chromium), as `npm test` does.
if [ "$(uname)" = "Linux" ]; then
  bash scripts/system-deps.sh build || exit 1
fi
bash scripts/npm-deps.sh || { echo "ise-smtp-oauth: installing the npm packages failed: see the npm output above"; exit 1; }
npm run --silent build >/dev/null || { echo "ise-smtp-oauth: the build failed: run 'npm run build' to see why"; exit 1; }

electron_reason=""
if ! node -e "require('fs').accessSync(require('electron'))" 2>/dev/null; then
  # The binary is fetched lazily on first start; machines without general internet cannot.
  timeout 180 node node_modules/electron/install.js >/dev/null 2>&1 || electron_reason="the Electron binary could not be downloaded on this machine"
fi
if [ -z "$electron_reason" ] && [ "$(uname)" = "Linux" ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  electron_reason="no graphical display here"
fi

if [ -z "$electron_reason" ]; then
  npx electron . "$@"
  code=$?
  [ $code -eq 0 ] && exit 0
  electron_reason="Electron exited with code $code"
fi
echo "ise-smtp-oauth: $electron_reason: starting browser mode instead"
exec node bin/ise-smtp-oauth.js serve "$@"
