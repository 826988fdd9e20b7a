#!/usr/bin/env bash
# What the browser tests need on a fresh machine: Debian's chromium, and the npm packages of
# e2e/ (playwright-core drives the browser; axe-core checks accessibility). Installs only what is
# missing, so repeated runs cost nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "installing Debian's chromium for the browser tests"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  # A package's setup script can fail half-way on a fresh machine; finish it and try once more.
  if ! DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null; then
    DEBIAN_FRONTEND=noninteractive $sudo_cmd dpkg --configure -a
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
  fi
fi
/usr/bin/chromium --version

if [ ! -d e2e/node_modules/playwright-core ] || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
  echo "installing the browser tests' npm packages"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
