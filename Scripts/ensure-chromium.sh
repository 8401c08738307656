#!/usr/bin/env bash
# Installs Chromium (Debian's package) when it is missing, for the tests that measure the
# HTML report in a real browser; they skip, saying so, where no browser can be had. Never
# fails: a machine without apt-get, or without the package, just runs those tests skipped.
set -uo pipefail

if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
    exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
    echo "Installing chromium with apt-get (for the browser checks of the HTML report)..." >&2
    apt-get update -qq >/dev/null 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 \
        || echo "chromium could not be installed: the browser checks will be skipped" >&2
fi
exit 0
