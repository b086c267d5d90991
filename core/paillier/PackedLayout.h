// SPDX-License-Identifier: GPL-3.0-or-later
// Packed plaintexts: one ciphertext per observation carries [1, x, x², one-hot histogram bin].
#pragma once

#include "core/Result.h"
#include "core/crypto/Rng.h"
#include "core/paillier/Ciphertext.h"
#include "core/paillier/Plaintext.h"
#include "core/paillier/PublicKey.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cc::paillier {

/// Unsigned 128-bit integer: the Σx² of a wide-range code (GCC and Clang).
__extension__ using UInt128 = unsigned __int128;

/// One slot of a packed plaintext: a name and a width in bits (1 … 64; "sumsq" 1 … 128).
struct PackedSlot
{
    std::string name;
    unsigned width = 0;
    friend bool operator==(const PackedSlot&, const PackedSlot&) = default;
};

/// A decrypted packed sum.
struct PackedSum
{
    std::uint64_t count = 0;
    std::uint64_t sum = 0;                ///< Σx
    UInt128 sumSquares = 0;               ///< Σx² (above 2^64 for codes such as viral load in copies/mL)
    std::vector<std::uint64_t> histogram; ///< counts per bin
};

/// Slots, in order from the least significant bits: "count", "sum", "sumsq", then "bin0" … "binK"
/// (K = number of bin edges). x is a non-negative integer ≤ maxValue (the field's value after its
/// fixed-point scale and offset); bin i holds edge[i−1] ≤ x < edge[i]. Overflow rule: every slot must
/// hold maxCount times its largest per-record value (1, maxValue, maxValue², 1), so no slot can carry
/// into the next within maxCount records; sums over more records are refused. Every slot is at
/// most 64 bits wide but "sumsq", which may take 128 (values up to 2^32 summed 2^20 times need 84).
class PackedLayout
{
public:
    /// A layout with the given specs. Errors: InvalidArgument (id 0, slot names/order, width 0 or > 64
    /// (> 128 for "sumsq"),
    /// unsorted edges, maxCount 0) and Overflow (a slot too narrow for maxCount records).
    [[nodiscard]] static Result<PackedLayout> create(std::uint16_t id, std::vector<PackedSlot> specs,
                                                     std::uint64_t maxCount, std::uint64_t maxValue,
                                                     std::vector<std::uint64_t> binEdges);
    /// The same with the narrowest safe widths. Errors: as create().
    [[nodiscard]] static Result<PackedLayout> forValues(std::uint16_t id, std::uint64_t maxCount,
                                                        std::uint64_t maxValue, std::vector<std::uint64_t> binEdges);

    [[nodiscard]] std::uint16_t id() const noexcept { return m_id; }
    [[nodiscard]] const std::vector<PackedSlot>& slotSpecs() const noexcept { return m_slots; }
    [[nodiscard]] std::uint64_t maxCount() const noexcept { return m_maxCount; }
    [[nodiscard]] std::uint64_t maxValue() const noexcept { return m_maxValue; }
    [[nodiscard]] const std::vector<std::uint64_t>& binEdges() const noexcept { return m_edges; }
    /// Sum of the slot widths.
    [[nodiscard]] unsigned totalBits() const noexcept;

    /// Checks that the whole packed value stays in the positive band of `key` (totalBits ≤ |n| − 2).
    /// Errors: Overflow.
    [[nodiscard]] Status checkFits(const PublicKey& key) const;
    /// The packed plaintext of one record. Errors: Overflow (x > maxValue).
    [[nodiscard]] Result<Plaintext> encode(std::uint64_t x) const;
    /// encode() then DJN encryption, labelled with this layout's id. Errors: as encode(), checkFits().
    [[nodiscard]] Result<Ciphertext> encrypt(const PublicKey& key, std::uint64_t x, crypto::Rng& rng) const;
    /// The homomorphic sum of records of this layout. Errors: KeyMismatch (another layout or key),
    /// Overflow (more than maxCount records), InvalidArgument (none).
    [[nodiscard]] Result<Ciphertext> sum(const PublicKey& key, std::span<const Ciphertext> records,
                                         unsigned threads = 0) const;
    /// Splits a decrypted sum into its specs. Errors: Overflow (negative, bits above the last slot,
    /// count > maxCount), IntegrityFailure (histogram total ≠ count).
    [[nodiscard]] Result<PackedSum> decode(const Plaintext& packed) const;

private:
    PackedLayout() = default;
    std::uint16_t m_id = 0;
    std::vector<PackedSlot> m_slots;
    std::uint64_t m_maxCount = 0;
    std::uint64_t m_maxValue = 0;
    std::vector<std::uint64_t> m_edges;
};

} // namespace cc::paillier
