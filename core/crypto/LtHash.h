// SPDX-License-Identifier: GPL-3.0-or-later
// A homomorphic multiset hash: LtHash16 (Bellare–Micciancio 1997, "A new paradigm for
// collision-free hashing: incrementality at reduced cost"; parameters of Lewi, Kim, Maykov and
// Weis 2019, "Securing update propagation with homomorphic hashing": 1024 lanes of 16 bits), with
// SHAKE128 (FIPS 202) as the extendable-output function that maps an element to its lanes.
#pragma once

#include "core/Result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cc::crypto {

/// SHAKE128 (FIPS 202) of `data`, filling `out` (any length). A failure inside OpenSSL terminates
/// the process, as for sha256(): an integrity digest must never come back as garbage.
void shake128(std::span<const std::uint8_t> data, std::span<std::uint8_t> out);

/// The hash of a multiset of byte strings: the lane-wise sum modulo 2^16 of SHAKE128(element)
/// read as 1024 little-endian 16-bit lanes. Adding or removing one element costs one SHAKE128 of
/// 2048 bytes; the hash of a set is independent of the order its elements were added in, so a
/// writer keeps it current with each change and a verifier recomputes it in one pass. Finding two
/// different multisets with the same hash is as hard as a lattice problem (the papers above;
/// about 200-bit security at these parameters). Not a MAC: anyone can compute it, so it is only
/// worth as much as the signature over it.
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
