// SPDX-License-Identifier: GPL-3.0-or-later
// Process start-up for both executables, in the order DESIGN.md section 8 requires.
#pragma once

#include "core/Result.h"
#include "core/SelfTest.h"

#include <vector>

namespace cc::app {

/// Disables core dumps (RLIMIT_CORE = 0, PR_SET_DUMPABLE = 0) so secrets never reach a dump file.
[[nodiscard]] Status disableCoreDumps();

/// Hardening, then libsodium initialisation, then the wiping GMP allocator (before any GMP object).
/// Fails if any step fails; the caller must exit non-zero.
[[nodiscard]] Status prepareProcess();

/// Every known-answer check the process relies on: crypto primitives, Paillier, SQLCipher.
/// `options.breakCheck` (test hook, from CIPHERCHART_SELFTEST_BREAK) corrupts one expected value.
[[nodiscard]] std::vector<SelfTestResult> runSelfTest(const SelfTestOptions& options);

/// Options for runSelfTest() read from the environment (the test hook only).
[[nodiscard]] SelfTestOptions selfTestOptionsFromEnvironment();

} // namespace cc::app
