#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for N seconds (default 60), one after
# another, in one process each (one core). Usage:
#
#   Scripts/fuzz.sh [--seconds N] [--build-only] [TARGET...]
#
# Targets (default: all): csv-import json-import ndjson-import csv-reader json-parser
# period-parse value-parse name-normalize. Prints, per target, the executions, the
# coverage libFuzzer reached (cov: edges, ft: features) and the crashes, and exits 1 if
# any target crashed, printing the path of the input that did it. Replay one with
# `SWIFT_BACKTRACE=enable=no Fuzz/.build/release/TARGET PATH`.
#
# How it is built: the Fuzz package (a package of its own, like Benchmarks/, so `swift
# test` never builds it) in release mode with `-Xswiftc -sanitize=fuzzer,address` (coverage
# for libFuzzer and AddressSanitizer on every Swift module, the library included; libFuzzer
# supplies `main`) and `-Xswiftc -enable-testing`, so that the targets can
# `@testable import Sharehouse` to reach the internal parsers (CSVReader, JSONParser,
# NameNormalizer.fastPath...). Release mode keeps -enable-testing from renaming the
# targets' entry points, which debug builds do for testable executables.
#
# Inputs the fuzzer finds go to Fuzz/.build/corpus/TARGET (kept between runs; the seeds in
# Fuzz/corpus/TARGET are only read); crashing inputs go to Fuzz/artifacts/. Neither is
# committed.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/Fuzz"
all=(csv-import json-import ndjson-import csv-reader json-parser period-parse value-parse name-normalize)

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }

seconds=60
build_only=0
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) [ $# -ge 2 ] || { usage >&2; exit 64; }; seconds="$2"; shift 2 ;;
        --seconds=*) seconds="${1#*=}"; shift ;;
        --build-only) build_only=1; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "fuzz.sh: unknown option $1" >&2; usage >&2; exit 64 ;;
        *) targets+=("$1"); shift ;;
    esac
done
case "$seconds" in ''|*[!0-9]*) echo "fuzz.sh: --seconds takes a whole number, not '$seconds'" >&2; exit 64 ;; esac
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
for target in "${targets[@]}"; do
    case " ${all[*]} " in
        *" $target "*) ;;
        *) echo "fuzz.sh: no target '$target'; the targets are: ${all[*]}" >&2; exit 64 ;;
    esac
done

# The longest input each target is given: imports take whole (small) files, the value,
# period and name parsers take one field.
max_len() {
    case "$1" in
        period-parse|value-parse) echo 64 ;;
        name-normalize) echo 128 ;;
        *) echo 4096 ;;
    esac
}

# A failed invariant traps: let libFuzzer's handler save the input, without the Swift
# runtime's backtracer, which reads the stack in ways AddressSanitizer reports (and can hang).
export SWIFT_BACKTRACE=enable=no

"$root/Scripts/ensure-sqlite.sh"
cd "$fuzz"
flags=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing)
# SwiftPM does not notice files added to a path dependency until the manifest changes.
touch Package.swift
products=()
if [ ${#targets[@]} -lt ${#all[@]} ]; then
    for target in "${targets[@]}"; do products+=(--product "$target"); done
fi
echo "Building the fuzz targets (release, -sanitize=fuzzer,address)..." >&2
# ld.gold warns "Cannot export local symbol __asan_..." for every module: harmless.
if [ ${#products[@]} -eq 0 ]; then
    swift build "${flags[@]}" 2>&1 | { grep -v "Cannot export local symbol" || true; } >&2
else
    for ((i = 0; i < ${#products[@]}; i += 2)); do
        swift build "${flags[@]}" "${products[i]}" "${products[i + 1]}" 2>&1 | { grep -v "Cannot export local symbol" || true; } >&2
    done
fi
bin="$(swift build "${flags[@]}" --show-bin-path)"
[ "$build_only" -eq 0 ] || exit 0

mkdir -p "$fuzz/artifacts"
logs="$fuzz/.build/fuzz-logs"
mkdir -p "$logs"
summary=()
crashed=0
for target in "${targets[@]}"; do
    corpus="$fuzz/.build/corpus/$target"
    mkdir -p "$corpus"
    log="$logs/$target.log"
    dict=()
    [ -f "$fuzz/dict/$target.dict" ] && dict=(-dict="$fuzz/dict/$target.dict")
    echo "Fuzzing $target for ${seconds}s (log: $log)..." >&2
    status=0
    # One process, no -jobs/-workers: one core. ASan's leak check stays on.
    "$bin/$target" "$corpus" "$fuzz/corpus/$target" "${dict[@]}" \
        -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$fuzz/artifacts/$target-" -print_final_stats=1 >"$log" 2>&1 || status=$?
    executions="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
    coverage="$(grep -E '^#[0-9]+' "$log" | grep -o 'cov: [0-9]* ft: [0-9]*' | tail -1)"
    artifact="$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)"
    line="$target: ${seconds}s, ${executions:-?} executions (${rate:-?}/s), ${coverage:-cov: ? ft: ?}"
    if [ "$status" -ne 0 ] || [ -n "$artifact" ]; then
        crashed=1
        line="$line, CRASH (exit $status): ${artifact:-see $log}"
        grep -m1 -E "invariant broken|Fatal error|ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer)" "$log" >&2 || true
    else
        line="$line, no crash"
    fi
    echo "$line" >&2
    summary+=("$line")
done

echo
printf '%s\n' "${summary[@]}"
exit "$crashed"
