// SPDX-License-Identifier: GPL-3.0-or-later
// SHA-256, HMAC-SHA-256 and HKDF-SHA-256 through OpenSSL 3 (EVP_MD, EVP_MAC "HMAC", EVP_KDF "HKDF").
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

struct evp_mac_ctx_st; // OpenSSL's EVP_MAC_CTX

namespace cc::crypto {

inline constexpr std::size_t kSha256Size = 32;
using Digest256 = std::array<std::uint8_t, 32>;

/// SHA-256 (FIPS 180-4) of `data`. A failure inside OpenSSL terminates the process: a digest
/// is used for integrity checks, and returning garbage would be worse than stopping.
[[nodiscard]] Digest256 sha256(std::span<const std::uint8_t> data);

/// HMAC-SHA-256 (RFC 2104, FIPS 198-1) of `data` under `key` (any length, including empty).
/// Errors: CryptoFailure if OpenSSL fails.
[[nodiscard]] Result<Digest256> hmacSha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data);

/// HMAC-SHA-256 under one key, prepared once: mac() of many messages (a report's row MACs) skips
/// OpenSSL's algorithm lookups and the key's pad blocks, copying one prepared context per
/// message. mac() may run on several threads at once (each copies the shared, unchanging context).
/// The prepared context holds key-derived state: it lives only as long as this object.
class HmacSha256
{
public:
    /// Errors: CryptoFailure if OpenSSL fails.
    [[nodiscard]] static Result<HmacSha256> create(std::span<const std::uint8_t> key);
    HmacSha256(HmacSha256&& other) noexcept;
    HmacSha256& operator=(HmacSha256&& other) noexcept;
    HmacSha256(const HmacSha256&) = delete;
    HmacSha256& operator=(const HmacSha256&) = delete;
    ~HmacSha256();

    /// The same value as hmacSha256(key, data). Errors: CryptoFailure.
    [[nodiscard]] Result<Digest256> mac(std::span<const std::uint8_t> data) const;

private:
    explicit HmacSha256(evp_mac_ctx_st* ctx) noexcept : m_ctx(ctx) {}
    evp_mac_ctx_st* m_ctx = nullptr;
};

/// HKDF-SHA-256 (RFC 5869), extract-then-expand; length <= 255*32. An empty salt means the
/// RFC's default (HashLen zero bytes). Errors: InvalidArgument (empty ikm, length 0 or above
/// 255*32), CryptoFailure.
[[nodiscard]] Result<SecureBytes> hkdfSha256(std::span<const std::uint8_t> ikm, std::span<const std::uint8_t> salt,
                                             std::span<const std::uint8_t> info, std::size_t length);

} // namespace cc::crypto
