#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The stricter half of CI (issue 13; docs/FUZZING.md), run by .ci/run after the README's test
# command and the formatter: clang-tidy with the checked-in .clang-tidy, then the clang-14
# ASan+UBSan libFuzzer tree (preset `fuzz`, the `fuzzers` target: cc_core and one small binary per
# target, no GUI), a short run of every fuzz target from its seeds, and the core and db unit tests
# built and run in that tree (the sanitizer suite).
# Environment: CC_FUZZ_SECONDS (per target, default 20), CC_STRICT_JOBS (default: nproc).
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS="${CC_STRICT_JOBS:-$(nproc)}"
export CC_STRICT_JOBS="$JOBS"
FUZZ_SECONDS="${CC_FUZZ_SECONDS:-20}"
section() { printf '\n== strict: %s (%s)\n' "$1" "$(date +%T)"; }

# Every file listed in .ci/tidy-clean.txt passes every enabled check (warnings are errors). The
# list covers every .cpp of core/ and db/ (docs/FUZZING.md): a new file missing from it fails here.
unlisted="$(git ls-files 'core/*.cpp' 'db/*.cpp' | LC_ALL=C sort | LC_ALL=C comm -23 - <(LC_ALL=C sort .ci/tidy-clean.txt))"
if [ -n "$unlisted" ]; then
    printf 'not in .ci/tidy-clean.txt (run clang-tidy on them, fix, add):\n%s\n' "$unlisted" >&2
    exit 1
fi
section "clang-tidy ($(grep -c . .ci/tidy-clean.txt) files of core/ and db/, dev build's compile_commands.json)"
sed "s|^|$PWD/|" .ci/tidy-clean.txt | xargs -P "$JOBS" -n 4 clang-tidy -p build/dev --quiet > build/clang-tidy.log 2>&1 || {
    grep -E 'error:' build/clang-tidy.log | sort -u | head -50
    echo "clang-tidy failed: full log in build/clang-tidy.log" >&2
    exit 1
}

section "libFuzzer targets: configure and build (clang-14, ASan+UBSan)"
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz -j "$JOBS"

section "fuzz smoke: every target for ${FUZZ_SECONDS}s from its seeds"
bash tests/fuzz/run.sh build/fuzz "$FUZZ_SECONDS" build/fuzz-smoke

# The sanitizer suite (issue 13 item 5): the unit tests of core/ and db/ (labels core and db:
# crypto, Paillier, key slots, audit, parsers, reports, SQLCipher stores) built in the same
# ASan+UBSan tree, which already holds cc_core, and run there. The compile-fail probes of the id
# types are not programs: they stay with the dev build.
section "sanitizer suite: core and db unit tests under ASan+UBSan"
mapfile -t sanitized < <(ctest --test-dir build/fuzz -N -L '^(core|db)$' -E '_probe_' | sed -n 's/^ *Test *#[0-9]*: //p')
cmake --build --preset fuzz -j "$JOBS" --target "${sanitized[@]}"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build/fuzz -L '^(core|db)$' -E '_probe_' -j "$JOBS" --output-on-failure
section "done"
