// SPDX-License-Identifier: GPL-3.0-or-later
// Private to cc_core: the per-key fixed-base table for h_s^α in Montgomery form.
#pragma once

#include "core/paillier/Montgomery.h"

#include <cstdint>
#include <span>
#include <vector>

namespace cc::paillier::detail {

/// Rows of 2^w entries: row i holds (h_s^(j·2^(w·i)))·R mod n² for j = 0 … 2^w − 1. An exponent is
/// read w bits at a time and each digit's entry is picked with mpn_sec_tabselect, which reads every
/// entry of the row, so the memory access pattern is independent of α; a zero digit still costs
/// one multiplication by the entry for 0 (R, the Montgomery one): no digit is skipped.
/// w = 5: ⌈|α|/5⌉ multiplications instead of ⌈|α|/4⌉ (about 10% faster per encryption on the
/// reference machine) for a table of 7.6 MB at 3072 bits (4.7 MB with w = 4). w = 6 (12.6 MB) was
/// no faster there: selecting from 64 entries streams the row from beyond the L2 cache.
class DjnTable
{
public:
    static constexpr unsigned WINDOW_BITS = 5;

    DjnTable(const Montgomery& mont, mpz_srcptr base, unsigned exponentBits);

    [[nodiscard]] unsigned exponentBits() const noexcept { return m_exponentBits; }
    /// Bytes the table occupies (for the documentation and the benchmark).
    [[nodiscard]] std::size_t bytes() const noexcept { return m_table.size() * sizeof(std::uint64_t); }
    /// The w-bit digit of α starting at `bit` (bits beyond α are zero). The limbs read depend only
    /// on the position, never on α's value; a digit may straddle two limbs.
    [[nodiscard]] static std::uint64_t digitAt(std::span<const std::uint64_t> alpha, std::size_t bit) noexcept;
    /// out = base^α · R mod n² (Montgomery form); α is little-endian limbs of exponentBits() bits.
    /// `scratch` has mont.scratchLimbs() + 2·limbs limbs.
    void power(std::uint64_t* out, std::span<const std::uint64_t> alpha, std::uint64_t* scratch) const;

private:
    const Montgomery& m_mont;
    unsigned m_exponentBits;
    std::size_t m_rows;
    std::vector<std::uint64_t> m_table;
};

} // namespace cc::paillier::detail
