#!/usr/bin/env bash
# Installs the Debian packages a task needs, only when missing.
#   system-deps.sh build   only what `npm ci` needs to build keytar from source (npm start)
#   system-deps.sh [test]  everything the tests need (npm test, CI)
#     chromium + fonts   real Chromium for Playwright (never `npx playwright install`); Noto CJK
#                        so the zh-TW screenshots show characters, not boxes
#     tinyproxy-bin      a real HTTP CONNECT proxy for the proxy tests
#     gnome-keyring dbus a real Secret Service for keytar
#     libsecret-1-dev pkg-config  to build keytar from source
# Where it cannot install (no apt-get, no root and no sudo), it says in one line what to install
# and why, and exits 1.
set -euo pipefail
BUILD_PACKAGES=(libsecret-1-dev pkg-config)
case "${1:-test}" in
  build) PACKAGES=("${BUILD_PACKAGES[@]}") ;;
  test) PACKAGES=(chromium fonts-liberation fonts-noto-cjk tinyproxy-bin gnome-keyring dbus "${BUILD_PACKAGES[@]}") ;;
  *) echo "usage: system-deps.sh [build|test]" >&2; exit 2 ;;
esac

explain() {
  echo "ise-smtp-oauth: keytar (the OS keychain access) is built from source and needs libsecret's headers: install ${missing[*]} (e.g. 'sudo apt-get install ${missing[*]}') and run the command again" >&2
  exit 1
}

missing=()
if ! command -v dpkg-query >/dev/null 2>&1; then
  # Not Debian: we cannot tell what is installed; say what the build needs and let npm try.
  missing=("${PACKAGES[@]}")
  echo "ise-smtp-oauth: not a Debian system: make sure ${missing[*]} (or your distribution's equivalents) are installed" >&2
  exit 0
fi
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
command -v apt-get >/dev/null 2>&1 || explain
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || explain
  SUDO="sudo"
fi
echo "installing Debian packages: ${missing[*]}"
# apt's own chatter (e.g. debconf's "apt-utils is not installed" on a minimal Debian) is kept out of
# the one-line output; it is shown only when the install fails, so the cause is not lost.
apt_log=$(mktemp)
if ! { $SUDO apt-get update -qq &&
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$apt_log" 2>&1; then
  tail -n 20 "$apt_log" >&2
  rm -f "$apt_log"
  explain
fi
rm -f "$apt_log"
