#!/usr/bin/env bash
# What the tests need from the machine, installed from Debian's packages when it is missing:
# Chromium for the browser tests (driven by playwright-core at /usr/bin/chromium; nothing downloads a
# browser of its own) and a CJK font so the Chinese pages render. Runs as root, or through sudo
# without a password. Where neither is possible it stops with one line saying what to install.
set -euo pipefail

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
if ! { command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; }; then packages+=(fonts-wqy-microhei); fi
[ ${#packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "the tests need Debian's ${packages[*]}: install them with 'sudo apt-get install -y ${packages[*]}', then run npm test again" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "the tests need ${packages[*]} (Chromium at /usr/bin/chromium and a CJK font); this machine has no apt-get: install them, then run npm test again" >&2
  exit 1
fi

echo "installing ${packages[*]} for the browser tests (apt-get)…" >&2
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y --no-install-recommends "${packages[@]}" >/dev/null 2>&1; then
  "${as_root[@]}" apt-get update >/dev/null
  "${as_root[@]}" apt-get install -y --no-install-recommends "${packages[@]}" >/dev/null
fi
[ -x /usr/bin/chromium ] || { echo "apt-get installed chromium, but /usr/bin/chromium is missing" >&2; exit 1; }
