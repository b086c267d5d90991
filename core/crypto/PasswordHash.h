// SPDX-License-Identifier: GPL-3.0-or-later
// Argon2id password hashing (RFC 9106) through libsodium crypto_pwhash (DESIGN.md section 4).
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"

#include <cstddef>
#include <cstdint>
#include <span>

namespace cc::crypto {

/// Argon2id cost parameters, stored per key slot so they can be raised later.
struct Argon2Params
{
    std::uint32_t memoryKiB = 65536;
    std::uint32_t iterations = 3;
    std::uint32_t parallelism = 1;

    /// The production parameters of DESIGN.md section 4: m = 64 MiB, t = 3, p = 1.
    static Argon2Params defaults();
    /// Small parameters for fast tests: m = 8 MiB, t = 1, p = 1. Never for real passwords.
    static Argon2Params forTests();

    bool operator==(const Argon2Params&) const = default;
};

/// Argon2id (version 1.3) salt length in bytes.
inline constexpr std::size_t kArgon2SaltSize = 16;

/// Derives `length` bytes from password and 16-byte salt. libsodium only supports parallelism 1: others ->
/// Unsupported. Errors: InvalidArgument (salt size, length below 16, parameters below libsodium minimums:
/// t >= 1, m >= 8 KiB, or above its maximums), CryptoFailure (out of memory).
[[nodiscard]] Result<SecureBytes> argon2id(std::span<const std::uint8_t> password, std::span<const std::uint8_t> salt,
                                           const Argon2Params& params, std::size_t length = 32);

} // namespace cc::crypto
