#!/usr/bin/env bash
# Installs SQLite's development files (sqlite3.h, libsqlite3) when they are missing:
# libsqlite3-dev with apt-get on Debian/Ubuntu, sqlite with Homebrew on macOS.
# Shared by Scripts/demo.sh and .ci/run; does nothing when SQLite is already there.
set -euo pipefail

if [ -f /usr/include/sqlite3.h ] || pkg-config --exists sqlite3 2>/dev/null; then
    exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing libsqlite3-dev and pkg-config with apt-get..." >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libsqlite3-dev pkg-config >/dev/null
elif command -v brew >/dev/null 2>&1; then
    echo "Installing sqlite with Homebrew..." >&2
    brew install sqlite
else
    echo "SQLite's development files are missing: install libsqlite3-dev (or your system's equivalent)." >&2
    exit 1
fi
