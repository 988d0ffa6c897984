#!/usr/bin/env bash
# Install Debian's chromium for the browser tests when it is missing.
# Playwright drives /usr/bin/chromium; it never downloads its own browser.
set -euo pipefail
# axe-core (pinned in package.json / package-lock.json) for the accessibility tests.
if command -v npm >/dev/null 2>&1 && [ ! -f "$(dirname "$0")/../node_modules/axe-core/axe.min.js" ]; then
    (cd "$(dirname "$0")/.." && npm ci --no-audit --no-fund --silent) \
        || echo "npm ci failed; the axe-core checks will be skipped." >&2
fi
if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "chromium is missing and this user cannot apt-get install it; browser tests will be skipped." >&2
    exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing Debian's chromium for the browser tests…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
