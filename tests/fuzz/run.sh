#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer target (or those named) for a fixed time from its seeds (docs/FUZZING.md):
#   tests/fuzz/run.sh BUILD_DIR SECONDS WORK_DIR [target...]
# Seeds: tests/fuzz/corpus/<target>/ plus the samples in tests/data the CMake file names; the
# growing corpus, crash inputs and each run's log go to WORK_DIR/<target>/. Fails on any crash.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD="$1"
SECONDS_PER_TARGET="$2"
WORK="$3"
shift 3
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    # Every target in tests/fuzz/targets (the same list as CC_FUZZ_TARGETS in tests/fuzz/CMakeLists.txt).
    TARGETS=($(ls tests/fuzz/targets/*.cpp | xargs -n1 basename | sed 's/\.cpp$//'))
fi
JOBS="${CC_STRICT_JOBS:-$(nproc)}"

seeds() {
    case "$1" in
        csv) echo tests/data/synthea tests/data/actg315 ;;
        fhir) echo tests/data/fhir/examples ;;
        actg315) echo tests/data/actg315 ;;
    esac
}
# Inputs far beyond the formats' sizes only slow the search down.
maxlen() {
    case "$1" in
        fhir) echo 65536 ;;
        synthea | csv | backup | key_slot_file | actg315 | mapped_table | report_network) echo 16384 ;;
        *) echo 4096 ;;
    esac
}

run_one() {
    local name="$1" dir="$WORK/$1"
    mkdir -p "$dir/corpus" "$dir/crashes"
    local seeddirs=($(seeds "$name"))
    [ -d "tests/fuzz/corpus/$name" ] && seeddirs+=("tests/fuzz/corpus/$name")
    local dict=()
    [ -f "tests/fuzz/dict/$name.dict" ] && dict=(-dict="tests/fuzz/dict/$name.dict")
    # -rss_limit_mb: the readers refuse oversized input themselves; -timeout: no input may hang (60 s:
    # generous, so a loaded CI machine does not report a slow input as a hang).
    if "$BUILD/tests/fuzz/fuzz_$name" -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 \
        -max_len="$(maxlen "$name")" -timeout=60 -rss_limit_mb=2048 -artifact_prefix="$dir/crashes/" \
        "${dict[@]}" "$dir/corpus" "${seeddirs[@]}" > "$dir/log" 2>&1; then
        printf '%-20s ok   %s\n' "$name" "$(grep -E '^#[0-9]+.*DONE' "$dir/log" | tail -1 | sed 's/^#/runs /')"
    else
        printf '%-20s FAIL (log: %s)\n' "$name" "$dir/log"
        grep -E 'ERROR|SUMMARY|invariant|Test unit written' "$dir/log" | head -5
        return 1
    fi
}
export -f run_one seeds maxlen
export BUILD SECONDS_PER_TARGET WORK
printf '%s\n' "${TARGETS[@]}" | xargs -P "$JOBS" -I{} bash -c 'run_one {}'
