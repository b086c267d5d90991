// SPDX-License-Identifier: GPL-3.0-or-later
// A Paillier public key with its Damgård–Jurik–Nielsen base: n, n², h_s and a key id.
#pragma once

#include "core/Result.h"

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace cc::paillier {

/// First 8 bytes of SHA-256 over the key's canonical encoding.
using KeyId = std::array<std::uint8_t, 8>;

/// The public half: modulus n (g = n + 1 implied), n², the DJN base h_s = h^n mod n² and the key id.
/// Cheap to copy (shared, immutable state; the per-key fixed-base table and Montgomery contexts
/// are built once on first use and shared by the copies).
class PublicKey
{
public:
    struct Impl;

    /// An empty key; isValid() is false and every operation refuses it.
    PublicKey();
    /// A key from big-endian n and, optionally, h_s (empty: derived from n, see deriveDjnBase).
    /// Errors: MalformedInput if n is even, too small (< 1024 bits), a perfect square, or h_s is out
    /// of range or not a unit.
    [[nodiscard]] static Result<PublicKey> fromModulus(std::span<const std::uint8_t> n,
                                                       std::span<const std::uint8_t> djnBase = {});

    /// True for a key made by fromModulus() or a key generator.
    [[nodiscard]] bool isValid() const noexcept { return m_impl != nullptr; }
    /// Bit length of n (2048 or 3072 for generated keys).
    [[nodiscard]] unsigned bits() const;
    /// The key id: the first 8 bytes of SHA-256(canonicalEncoding()).
    [[nodiscard]] const KeyId& keyId() const;
    /// The key id as 16 lowercase hex digits.
    [[nodiscard]] std::string keyIdHex() const;
    /// n, big-endian, no leading zeros.
    [[nodiscard]] std::vector<std::uint8_t> modulus() const;
    /// h_s, big-endian, no leading zeros.
    [[nodiscard]] std::vector<std::uint8_t> djnBase() const;
    /// Fixed width in bytes of a serialized ciphertext value (the byte length of n²).
    [[nodiscard]] std::size_t ciphertextValueBytes() const;
    /// "CCPK" ‖ version 1 ‖ u32 |n| ‖ n ‖ u32 |h_s| ‖ h_s (lengths big-endian, in bytes).
    [[nodiscard]] std::vector<std::uint8_t> canonicalEncoding() const;

    /// Same key id (and so the same n and h_s).
    friend bool operator==(const PublicKey& a, const PublicKey& b);

    /// Module-internal state (defined in KeyImpl.h, private to cc_core).
    [[nodiscard]] const Impl& impl() const { return *m_impl; }

private:
    explicit PublicKey(std::shared_ptr<Impl> impl);
    friend class PrivateKey;
    std::shared_ptr<Impl> m_impl;
};

} // namespace cc::paillier
