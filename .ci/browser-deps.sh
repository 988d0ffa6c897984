#!/usr/bin/env bash
# Debian packages and npm modules the test suite drives for real:
#   chromium   the browser tests (Playwright uses /usr/bin/chromium; it never downloads one)
#   nginx      the production web-server config is started on loopback and checked
#   axe-core   accessibility checks (pinned in package.json / package-lock.json)
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v npm >/dev/null 2>&1 && [ ! -f node_modules/axe-core/axe.min.js ]; then
    npm ci --no-audit --no-fund --silent \
        || echo "npm ci failed; the axe-core checks will be skipped." >&2
fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "Missing ${missing[*]} and this user cannot apt-get install; those tests will be skipped." >&2
    exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing ${missing[*]} for the tests…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts nginx on install; the tests run their own instance on loopback.
if [[ " ${missing[*]} " == *" nginx-light "* ]]; then
    $SUDO systemctl stop nginx 2>/dev/null || $SUDO service nginx stop 2>/dev/null || $SUDO nginx -s stop 2>/dev/null || true
fi
