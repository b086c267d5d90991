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
    # CC_FUZZ_CPU=1: SECONDS is the fuzzer's own CPU time (user + system, read from /proc), not wall
    # time, so a run beside other work (or at nice 19) still gets its full budget; it is then ended
    # with SIGINT, which libFuzzer answers with its final stats and exit code 72 (libFuzzer 14 does not
    # apply -interrupted_exit_code to SIGINT), taken here as the end of the budget.
    # libFuzzer's -timeout and slow-unit report count wall time, so at nice 19 beside a build (or
    # paused with SIGSTOP) a 30 ms input would be reported as a hang: in this mode they are 15 minutes.
    local wall="$SECONDS_PER_TARGET" timeout=60 slow=10
    if [ -n "${CC_FUZZ_CPU:-}" ]; then
        wall=$((SECONDS_PER_TARGET * 50))
        timeout=900
        slow=900
    fi
    "$BUILD/tests/fuzz/fuzz_$name" -max_total_time="$wall" -print_final_stats=1 \
        -max_len="$(maxlen "$name")" -timeout="$timeout" -report_slow_units="$slow" -rss_limit_mb=2048 \
        -artifact_prefix="$dir/crashes/" \
        "${dict[@]}" "$dir/corpus" "${seeddirs[@]}" > "$dir/log" 2>&1 &
    local pid=$! tick cpu=0 interrupted=""
    tick=$(getconf CLK_TCK)
    while kill -0 "$pid" 2> /dev/null; do
        sleep 5
        cpu=$(awk -v t="$tick" '{print int(($14 + $15) / t)}' "/proc/$pid/stat" 2> /dev/null || echo "$cpu")
        if [ -n "${CC_FUZZ_CPU:-}" ] && [ "$cpu" -ge "$SECONDS_PER_TARGET" ]; then
            kill -INT "$pid" 2> /dev/null || true
            interrupted=1
            break
        fi
    done
    local rc=0
    wait "$pid" || rc=$?
    if [ -n "$interrupted" ] && [ "$rc" -eq 72 ] && grep -q "run interrupted" "$dir/log"; then
        rc=0
    fi
    local spent=""
    if [ -n "${CC_FUZZ_CPU:-}" ]; then
        echo "cpu seconds: $cpu" >> "$dir/log"
        spent="cpu ${cpu}s "
    fi
    # A crash, leak or timeout input fails the run; a slow-unit report (an input slower than
    # -report_slow_units) is kept for a look but is not a failure.
    if [ "$rc" -eq 0 ] && [ -z "$(ls -A "$dir/crashes" | grep -v '^slow-unit-' || true)" ]; then
        printf '%-20s ok   %s%s\n' "$name" "$spent" \
            "$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$dir/log" | tail -1 | sed 's/^#/runs /')"
    else
        printf '%-20s FAIL (log: %s)\n' "$name" "$dir/log"
        grep -E 'ERROR|SUMMARY|invariant|Test unit written' "$dir/log" | head -5
        return 1
    fi
}
export -f run_one seeds maxlen
export BUILD SECONDS_PER_TARGET WORK
printf '%s\n' "${TARGETS[@]}" | xargs -P "$JOBS" -I{} bash -c 'run_one {}'
