#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The stricter half of CI (issue 13, docs/FUZZING.md, docs/RELIABILITY.md), run by .ci/run after the
# README's test command and the formatter: clang-tidy over core/ and db/, one clang-14 ASan+UBSan
# tree (preset `fuzz`) that builds the libFuzzer targets and the core unit tests, the core tests
# under the sanitizers, and a short fuzz run of every target. Budget on 2 cores: about 25 minutes.
# Environment: CC_FUZZ_SECONDS (per target, default 20), CC_STRICT_JOBS (default: nproc).
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS="${CC_STRICT_JOBS:-$(nproc)}"
FUZZ_SECONDS="${CC_FUZZ_SECONDS:-20}"
section() { printf '\n== strict: %s (%s)\n' "$1" "$(date +%T)"; }

section "clang-tidy over core/ and db/ (.clang-tidy; the dev build's compile_commands.json)"
run-clang-tidy -p build/dev -j "$JOBS" -quiet "^$PWD/(core|db)/.*\.cpp\$" > build/clang-tidy.log 2>&1 || {
    grep -E 'error:|warning:' build/clang-tidy.log | sort -u | head -50
    echo "clang-tidy failed: full log in build/clang-tidy.log" >&2
    exit 1
}

section "configure and build the sanitizer/fuzz tree (clang-14, ASan+UBSan, libFuzzer coverage)"
cmake --preset fuzz > /dev/null
# Only what is needed: the fuzz targets and the core unit tests (no GUI, no db, no app).
CORE_TESTS=$(ctest --test-dir build/dev -N -L '^core$|core ' 2>/dev/null | sed -n 's/^ *Test *#[0-9]*: //p')
cmake --build build/fuzz -j "$JOBS" --target fuzzers $CORE_TESTS

section "core unit tests under ASan+UBSan"
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build/fuzz -L '^core$' -j "$JOBS" --output-on-failure --timeout 900

section "fuzz smoke: every target for ${FUZZ_SECONDS}s from its seeds"
bash tests/fuzz/run.sh build/fuzz "$FUZZ_SECONDS" build/fuzz-smoke
