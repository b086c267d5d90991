// SPDX-License-Identifier: GPL-3.0-or-later
// An Ed25519 signing key (RFC 8032): the clinic signing key of DESIGN.md section 4.
#pragma once

#include "core/Result.h"
#include "core/crypto/Ed25519PublicKey.h"
#include "core/crypto/Rng.h"
#include "core/crypto/SecureBytes.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>

namespace cc::crypto {

inline constexpr std::size_t kEd25519SeedSize = 32;

/// An Ed25519 private key, held as its 32-byte seed (RFC 8032 section 5.1.5) in wiped memory. Move-only.
class Ed25519PrivateKey
{
public:
    /// A new key from a 32-byte seed drawn from `rng`. An OpenSSL failure here terminates the process
    /// (there is no safe way to continue without a key).
    [[nodiscard]] static Ed25519PrivateKey generate(Rng& rng);

    /// The key for a stored 32-byte seed. Errors: InvalidArgument (wrong length), CryptoFailure.
    [[nodiscard]] static Result<Ed25519PrivateKey> fromSeed(std::span<const std::uint8_t> seed);

    Ed25519PrivateKey(Ed25519PrivateKey&&) noexcept = default;
    Ed25519PrivateKey& operator=(Ed25519PrivateKey&&) noexcept = default;
    Ed25519PrivateKey(const Ed25519PrivateKey&) = delete;
    Ed25519PrivateKey& operator=(const Ed25519PrivateKey&) = delete;
    ~Ed25519PrivateKey() = default;

    /// The 32-byte seed (secret: store it only sealed).
    [[nodiscard]] const SecureBytes& seed() const noexcept { return m_seed; }

    /// The matching public key.
    [[nodiscard]] Ed25519PublicKey publicKey() const { return Ed25519PublicKey(m_public); }

    /// Signs `msg` with pure Ed25519 (deterministic, RFC 8032 section 5.1.6). Signing with a moved-from
    /// key or an OpenSSL failure terminates the process: both are bugs, and an unsigned export must not leave.
    [[nodiscard]] Ed25519Signature sign(std::span<const std::uint8_t> msg) const;

private:
    Ed25519PrivateKey(SecureBytes seed, const std::array<std::uint8_t, kEd25519PublicKeySize>& pub)
        : m_seed(std::move(seed)), m_public(pub)
    {}

    SecureBytes m_seed;
    std::array<std::uint8_t, kEd25519PublicKeySize> m_public{};
};

} // namespace cc::crypto
