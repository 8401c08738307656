#!/usr/bin/env bash
# Builds Examples/Embedding, a package that depends on this one by path as any program
# that embeds Sharehouse would, runs it in an empty folder (a new warehouse, the FT's
# bundled snapshot) and compares what it prints with Examples/Embedding/expected-output.txt.
# A change that breaks the public API the README shows, or what the example prints, fails
# here. CI runs it; --update rewrites the expected output after an intended change.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
example="$root/Examples/Embedding"
update=false
[ "${1:-}" = "--update" ] && update=true

swift build --package-path "$example"
binary="$(swift build --package-path "$example" --show-bin-path)/Embedding"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && "$binary" "$root/Fixtures/eoi-12m-ft-2025-11-26.json" shares.sqlite) > "$work/output.txt"
if $update; then
    cp "$work/output.txt" "$example/expected-output.txt"
    echo "Examples/Embedding/expected-output.txt updated" >&2
elif ! diff -u "$example/expected-output.txt" "$work/output.txt"; then
    echo "Examples/Embedding printed something else than expected-output.txt (above: - expected, + printed)" >&2
    exit 1
else
    echo "Examples/Embedding: built, ran, and printed what expected-output.txt says" >&2
fi
