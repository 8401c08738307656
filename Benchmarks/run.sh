#!/usr/bin/env bash
# Builds sharehouse and the harness in release mode, then measures them against raw
# SQLite in one run. Usage: Benchmarks/run.sh [--size small|medium|large|all] [--runs N]
# Prints a Markdown table (the one in BENCHMARKS.md comes from this command).
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd .. && pwd)"

"$root/Scripts/ensure-sqlite.sh"
(cd "$root" && swift build -c release --product sharehouse >&2)
# SwiftPM does not notice files added to a path dependency until the manifest changes.
touch Package.swift
swift build -c release >&2
bin="$(swift build -c release --show-bin-path)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin/sharehouse-bench" --sharehouse "$root/.build/release/sharehouse" --tools "$bin" --work "$work" \
    --fixtures "$root/Fixtures" "$@"
