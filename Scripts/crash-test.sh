#!/usr/bin/env bash
# Kills `sharehouse import` and `sharehouse migrate up` with SIGKILL at random moments,
# many times, and checks the file after each kill (Tests/SharehouseCLITests/CrashTests.swift):
# integrity_check is ok, the interrupted import or migration is wholly present or wholly
# absent, what was there before is untouched, and the next run succeeds.
# Usage: Scripts/crash-test.sh [--kills N]   (default 100 of each; CI runs 4)
set -euo pipefail
cd "$(dirname "$0")/.."
kills=100
while [ $# -gt 0 ]; do
    case "$1" in
        --kills) kills="$2"; shift 2 ;;
        *) echo "usage: Scripts/crash-test.sh [--kills N]" >&2; exit 64 ;;
    esac
done
Scripts/ensure-sqlite.sh
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
SHAREHOUSE_KILLS="$kills" swift test --filter CrashTests 2>&1 | tee "$log" | grep -E "crash test:|✘" || true
grep -q "Test run with .* passed" "$log" || status=1
echo
grep "crash test:" "$log" | sed 's/^/  /'
[ "$status" -eq 0 ] && echo "every kill survived" || echo "FAILED: see the output above"
exit "$status"
