#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and under ThreadSanitizer, each in a
# build folder of its own (.build/asan, .build/tsan), so the normal build is untouched.
# Usage: Scripts/sanitizers.sh [address|thread]...   (default: both)
#        SANITIZER_FILTER=REGEX Scripts/sanitizers.sh ...   (only the tests that match)
# The whole output of each run stays in .build/asan/test.log and .build/tsan/test.log.
# A first run builds everything twice more: about 10 minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/ensure-sqlite.sh
sanitizers=("$@")
[ ${#sanitizers[@]} -eq 0 ] && sanitizers=(address thread)
status=0
for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in
        address) folder=.build/asan ;;
        thread) folder=.build/tsan ;;
        *) echo "usage: Scripts/sanitizers.sh [address|thread]..." >&2; exit 64 ;;
    esac
    echo "== swift test --sanitize=$sanitizer"
    mkdir -p "$folder"
    log="$folder/test.log"
    filter=()
    [ -n "${SANITIZER_FILTER:-}" ] && filter=(--filter "$SANITIZER_FILTER")
    # halt_on_error: the first report fails the run; the crash tests kill child processes
    # on purpose, which the sanitizers do not mind.
    if ASAN_OPTIONS="halt_on_error=1:detect_leaks=0" TSAN_OPTIONS="halt_on_error=1" \
        swift test --sanitize="$sanitizer" --build-path "$folder" "${filter[@]}" 2>&1 | tee "$log" | grep -E "Test run with|SUMMARY:|WARNING: ThreadSanitizer|ERROR: AddressSanitizer"; then :; fi
    if grep -q "Test run with .* passed" "$log" && ! grep -qE "SUMMARY: (Address|Thread)Sanitizer" "$log"; then
        echo "   $sanitizer: passed, no reports"
    else
        echo "   $sanitizer: FAILED (see above, and the whole output in $log)"
        status=1
    fi
done
exit "$status"
