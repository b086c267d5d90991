// SPDX-License-Identifier: GPL-3.0-or-later
// A homomorphic multiset hash: LtHash16 (Bellare–Micciancio 1997, "A new paradigm for
// collision-free hashing: incrementality at reduced cost"; parameters of Lewi, Kim, Maykov and
// Weis 2019, "Securing update propagation with homomorphic hashing": 1024 lanes of 16 bits). The
// function that maps an element to its lanes is hash-then-expand, the shape of BLAKE2X (the XOF of
// Lewi et al.'s implementation): SHA-256 of the element as a 256-bit seed, expanded by the ChaCha20
// keystream (RFC 8439) under that seed. About five times faster than SHAKE128 for 2 KB of output,
// which is what lets a report's seal check stay inside its budget (tests/bench/reports).
#pragma once

#include "core/Result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cc::crypto {

/// The ChaCha20 keystream (RFC 8439, section 2.4: 32-byte key, 96-bit nonce 0, block counter from
/// 0) filling `out` (at most 256 GiB), through OpenSSL. The key here is public (a hash of public
/// data): this is an expansion, not encryption. A failure inside OpenSSL terminates the process,
/// as for sha256(): an integrity digest must never come back as garbage.
void chacha20Keystream(std::span<const std::uint8_t, 32> key, std::span<std::uint8_t> out);

/// The hash of a multiset of byte strings: the lane-wise sum modulo 2^16 of
/// ChaCha20Keystream(SHA-256(element)) read as 1024 little-endian 16-bit lanes. Adding or removing
/// one element costs one SHA-256 of the element and 2048 bytes of keystream (about 1 µs per KB); the hash of a set is
/// independent of the order its elements were added in, so a writer keeps it current with each change and a verifier
/// recomputes it in one pass. Finding two different multisets with the same hash is as hard as a lattice problem (the
/// papers above; about 200-bit security at these parameters, modelling the element map as a random oracle), or as
/// finding a SHA-256 collision (128-bit security, the same as SHAKE128's collision resistance). Not a MAC: anyone can
/// compute it, so it is only worth as much as the signature over it.
class LtHash16
{
public:
    static constexpr std::size_t kLanes = 1024;
    static constexpr std::size_t kBytes = kLanes * 2;

    /// The hash of the empty multiset (every lane 0).
    LtHash16() = default;

    /// The hash of the multiset holding `element` once.
    [[nodiscard]] static LtHash16 of(std::span<const std::uint8_t> element);
    /// Reads kBytes little-endian lanes. Errors: MalformedInput (not kBytes long).
    [[nodiscard]] static Result<LtHash16> fromBytes(std::span<const std::uint8_t> bytes);

    /// Adds the hash of one element in place (the same as add(of(element)), without a temporary).
    LtHash16& addElement(std::span<const std::uint8_t> element);
    /// Removes the hash of one element in place (the same as subtract(of(element))).
    LtHash16& subtractElement(std::span<const std::uint8_t> element);
    /// Multiset union (lane-wise addition modulo 2^16).
    LtHash16& add(const LtHash16& other) noexcept;
    /// Multiset difference (lane-wise subtraction modulo 2^16): removes what add() put in.
    LtHash16& subtract(const LtHash16& other) noexcept;

    /// The kBytes little-endian lanes.
    [[nodiscard]] std::vector<std::uint8_t> bytes() const;
    [[nodiscard]] bool isZero() const noexcept;
    [[nodiscard]] bool operator==(const LtHash16& other) const noexcept = default;

private:
    std::array<std::uint16_t, kLanes> m_lanes{};
};

} // namespace cc::crypto
