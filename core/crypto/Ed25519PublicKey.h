// SPDX-License-Identifier: GPL-3.0-or-later
// An Ed25519 public key (RFC 8032) that verifies signatures of exported reports, manifests and anchors.
#pragma once

#include "core/Result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace cc::crypto {

inline constexpr std::size_t kEd25519PublicKeySize = 32;
inline constexpr std::size_t kEd25519SignatureSize = 64;
using Ed25519Signature = std::array<std::uint8_t, kEd25519SignatureSize>;

/// An Ed25519 public key: 32 bytes, RFC 8032 encoding.
class Ed25519PublicKey
{
public:
    /// Wraps a 32-byte encoded public key. Errors: MalformedInput (wrong length).
    [[nodiscard]] static Result<Ed25519PublicKey> fromBytes(std::span<const std::uint8_t> bytes);

    /// Verifies a 64-byte signature over `msg` (pure Ed25519, no pre-hash). Errors: MalformedInput (signature
    /// not 64 bytes), IntegrityFailure (signature does not verify, or the key is not a valid point).
    [[nodiscard]] Status verify(std::span<const std::uint8_t> msg, std::span<const std::uint8_t> sig) const;

    /// The 32-byte encoding.
    [[nodiscard]] const std::array<std::uint8_t, kEd25519PublicKeySize>& bytes() const noexcept { return m_bytes; }

    bool operator==(const Ed25519PublicKey&) const = default;

private:
    explicit Ed25519PublicKey(const std::array<std::uint8_t, kEd25519PublicKeySize>& bytes) : m_bytes(bytes) {}
    friend class Ed25519PrivateKey;

    std::array<std::uint8_t, kEd25519PublicKeySize> m_bytes{};
};

} // namespace cc::crypto
