// SPDX-License-Identifier: GPL-3.0-or-later
// SHA-256, HMAC-SHA-256 and HKDF-SHA-256 through OpenSSL 3 (EVP_MD, EVP_MAC "HMAC", EVP_KDF "HKDF").
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace cc::crypto {

inline constexpr std::size_t kSha256Size = 32;
using Digest256 = std::array<std::uint8_t, 32>;

/// SHA-256 (FIPS 180-4) of `data`. A failure inside OpenSSL terminates the process: a digest
/// is used for integrity checks, and returning garbage would be worse than stopping.
[[nodiscard]] Digest256 sha256(std::span<const std::uint8_t> data);

/// HMAC-SHA-256 (RFC 2104, FIPS 198-1) of `data` under `key` (any length, including empty).
/// Errors: CryptoFailure if OpenSSL fails.
[[nodiscard]] Result<Digest256> hmacSha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data);

/// HKDF-SHA-256 (RFC 5869), extract-then-expand; length <= 255*32. An empty salt means the
/// RFC's default (HashLen zero bytes). Errors: InvalidArgument (empty ikm, length 0 or above
/// 255*32), CryptoFailure.
[[nodiscard]] Result<SecureBytes> hkdfSha256(std::span<const std::uint8_t> ikm, std::span<const std::uint8_t> salt,
                                             std::span<const std::uint8_t> info, std::size_t length);

} // namespace cc::crypto
