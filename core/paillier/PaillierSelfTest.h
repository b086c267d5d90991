// SPDX-License-Identifier: GPL-3.0-or-later
// Known-answer self-test of the Paillier engine, run at start-up (DESIGN.md section 8).
#pragma once

#include "core/SelfTest.h"

#include <vector>

namespace cc::paillier {

/// Fast (< 200 ms) known-answer checks with a fixed 1024-bit TEST key:
/// "paillier-djn": DJN encryption of a fixed value with α from DeterministicRng(1) must hash
/// (SHA-256 of the wire blob) to a hard-coded value and decrypt back (CRT);
/// "paillier-threshold": a fixed 2-of-3 dealing must verify and combine partials {1, 3} to the value
/// and refuse a tampered partial. `options.breakCheck` equal to a check's name corrupts its
/// expected value (test hook).
[[nodiscard]] std::vector<SelfTestResult> paillierSelfTest(const SelfTestOptions& options);

} // namespace cc::paillier
