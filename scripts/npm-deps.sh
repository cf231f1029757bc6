#!/usr/bin/env bash
# Installs the npm dependencies when node_modules is missing or older than the lockfile.
# The Electron binary is not downloaded here (electron's install script is not allowed in
# package.json): scripts/start.sh fetches it on first start where the internet allows.
set -euo pipefail
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
