#!/usr/bin/env bash
# Installs the Debian packages the tests need (and keytar's build needs), only when missing.
#   chromium + fonts   real Chromium for Playwright (never `npx playwright install`); Noto CJK
#                      so the zh-TW screenshots show characters, not boxes
#   tinyproxy-bin      a real HTTP CONNECT proxy for the proxy tests
#   gnome-keyring dbus a real Secret Service for keytar
#   libsecret-1-dev pkg-config  to build keytar from source
set -euo pipefail
PACKAGES=(chromium fonts-liberation fonts-noto-cjk tinyproxy-bin gnome-keyring dbus libsecret-1-dev pkg-config)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
