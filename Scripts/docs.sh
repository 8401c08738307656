#!/usr/bin/env bash
# Builds the API documentation of SharehouseDB, Sharehouse and SharehouseReports as one
# static site (swift-docc-plugin's combined archive, so each module links to the ones it
# builds on), and fails on any documentation warning (a broken link, a parameter left
# undocumented...) and on a public symbol without a summary that is not in the backlog
# docs/undocumented-symbols.txt (Scripts/undocumented-symbols.py).
#
#   Scripts/docs.sh [--output DIR] [--hosting-base-path PATH]
#
# DIR (default .build/docs-site) is a static site: serve it as it is
# (python3 -m http.server -d DIR) and open /documentation/sharehouse. --hosting-base-path
# is the path it will be served under, if not the root (a repository's pages: its name).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
output="$root/.build/docs-site"
base=()
while [ $# -gt 0 ]; do
    case "$1" in
        --output) output="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
        --hosting-base-path) base=(--hosting-base-path "$2"); shift 2 ;;
        -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "docs.sh: unknown argument '$1'" >&2; exit 64 ;;
    esac
done

cd "$root"
rm -rf "$output"
mkdir -p "$output"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# --warnings-as-errors: docc fails on the first warning of any module; the log keeps them.
if ! swift package --allow-writing-to-directory "$output" generate-documentation \
    --target SharehouseDB --target Sharehouse --target SharehouseReports --target SharehouseHub \
    --enable-experimental-combined-documentation --disable-indexing \
    --transform-for-static-hosting "${base[@]}" --output-path "$output" --warnings-as-errors > "$log" 2>&1; then
    grep -E -A8 '^(warning|error):' "$log" >&2 || cat "$log" >&2
    echo "docs.sh: the documentation has warnings or errors (above)" >&2
    exit 1
fi
for module in sharehousedb sharehouse sharehousereports sharehousehub; do
    [ -d "$output/data/documentation/$module" ] || { echo "docs.sh: no pages for $module in $output" >&2; exit 1; }
done
python3 "$root/Scripts/undocumented-symbols.py"
pages=$(find "$output/data/documentation" -name '*.json' | wc -l)
echo "docs.sh: $pages pages, no warnings, in $output (python3 -m http.server -d $output, then /documentation/sharehouse)" >&2
