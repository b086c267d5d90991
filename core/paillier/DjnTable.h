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
class DjnTable
{
public:
    static constexpr unsigned WINDOW_BITS = 4;

    DjnTable(const Montgomery& mont, mpz_srcptr base, unsigned exponentBits);

    [[nodiscard]] unsigned exponentBits() const noexcept { return m_exponentBits; }
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
