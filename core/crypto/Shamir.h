// SPDX-License-Identifier: GPL-3.0-or-later
// Shamir k-of-n secret sharing over GF(256) (libgfshare) for the recovery key (DESIGN.md section 4).
#pragma once

#include "core/Result.h"
#include "core/crypto/Rng.h"
#include "core/crypto/SecureBytes.h"

#include <cstdint>
#include <vector>

namespace cc::crypto {

/// One share: its x-coordinate (1..255) and one GF(256) polynomial value per secret byte.
struct ShamirShare
{
    std::uint8_t index = 0;
    SecureBytes data;
};

/// Splits `secret` into `count` shares, any `threshold` of which rebuild it (2 <= k <= n <= 255);
/// share indexes are 1..n. Polynomial coefficients come from `rng`. Errors: InvalidArgument (empty secret,
/// k or n out of range), CryptoFailure.
///
/// Shamir sharing has no integrity: combining a wrong or altered share silently yields a wrong secret.
/// Printed shares therefore carry a checksum (ShareEncoding.h) against typos, and callers must verify
/// the combined secret against a stored key-check value before using it.
[[nodiscard]] Result<std::vector<ShamirShare>> shamirSplit(const SecureBytes& secret, unsigned threshold,
                                                           unsigned count, Rng& rng);

/// Rebuilds the secret from at least `threshold` shares. The first `threshold` shares are interpolated;
/// each further share is checked to lie on the same polynomial. Errors: InvalidArgument (threshold out of
/// range or fewer than `threshold` shares), MalformedInput (index 0, duplicate index, shares of different
/// or zero length), IntegrityFailure (extra shares inconsistent with the others), CryptoFailure.
/// A wrong share among exactly `threshold` shares is NOT detected (see shamirSplit).
[[nodiscard]] Result<SecureBytes> shamirCombine(const std::vector<ShamirShare>& shares, unsigned threshold);

} // namespace cc::crypto
