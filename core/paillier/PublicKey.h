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
    /// Largest modulus accepted, in bits (DESIGN.md section 6: 3072 by default, 4096 at most).
    static constexpr unsigned MAX_BITS = 4096;
    /// Smallest modulus accepted by fromModulus (the start-up self-test's 1024-bit TEST key).
    static constexpr unsigned MIN_BITS = 1024;

    /// A key from big-endian n. The DJN base h_s is always derived from n (deriveDjnBase): it is
    /// never taken from outside, so nobody can hand in a base whose discrete logarithm they know.
    /// Errors: MalformedInput (field "n") if n is even, shorter than MIN_BITS, longer than MAX_BITS
    /// or a perfect square.
    [[nodiscard]] static Result<PublicKey> fromModulus(std::span<const std::uint8_t> n);

    /// True for a key made by fromModulus() or a key generator.
    [[nodiscard]] bool isValid() const noexcept { return m_impl != nullptr; }
    /// Bit length of n (2048, 3072 or 4096 for generated keys).
    [[nodiscard]] unsigned bits() const;
    /// Checks that this is a report key size: exactly 2048 (tests), 3072 or 4096 bits. Every path
    /// that loads a report key (key files, key containers, the clinic's meta value, the key
    /// ceremony) calls it. Errors: InvalidArgument (no key), MalformedInput naming field "n".
    [[nodiscard]] Status checkReportKeySize() const;
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
