// SPDX-License-Identifier: GPL-3.0-or-later
// Start-up known-answer tests of every primitive in core/crypto (DESIGN.md section 8).
#pragma once

#include "core/SelfTest.h"

#include <vector>

namespace cc::crypto {

/// Runs the known-answer checks "sha-256", "hmac-sha-256", "hkdf-sha-256", "aes-256-gcm", "argon2id",
/// "ed25519", "x25519-sealed-box", "shamir" and "rng", in that order, one result each. Each result's
/// detail says what was checked (or what differed). If `options.breakCheck` names a check, that check's
/// expected value is corrupted so that it fails (a test hook). Never throws; takes well under a second.
[[nodiscard]] std::vector<cc::SelfTestResult> cryptoSelfTest(const cc::SelfTestOptions& options);

} // namespace cc::crypto
