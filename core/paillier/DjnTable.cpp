// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/DjnTable.h"

#include <algorithm>

namespace cc::paillier::detail {

DjnTable::DjnTable(const Montgomery& mont, mpz_srcptr base, unsigned exponentBits)
    : m_mont(mont), m_exponentBits(exponentBits), m_rows((exponentBits + WINDOW_BITS - 1) / WINDOW_BITS)
{
    const std::size_t k = mont.limbs();
    constexpr std::size_t entries = std::size_t{1} << WINDOW_BITS;
    m_table.assign(m_rows * entries * k, 0);
    std::vector<std::uint64_t> scratch(mont.scratchLimbs());
    std::vector<std::uint64_t> rowBase(k);
    mont.toMont(rowBase.data(), base);
    for (std::size_t row = 0; row < m_rows; ++row) {
        std::uint64_t* entry = m_table.data() + row * entries * k;
        std::copy(mont.one().begin(), mont.one().end(), entry);
        for (std::size_t j = 1; j < entries; ++j)
            mont.mul(entry + j * k, entry + (j - 1) * k, rowBase.data(), scratch.data(), false);
        // Next row's base: rowBase^(2^w) = entry[2^w − 1] · rowBase.
        mont.mul(rowBase.data(), entry + (entries - 1) * k, rowBase.data(), scratch.data(), false);
    }
}

std::uint64_t DjnTable::digitAt(std::span<const std::uint64_t> alpha, std::size_t bit) noexcept
{
    constexpr std::uint64_t mask = (std::uint64_t{1} << WINDOW_BITS) - 1;
    const std::size_t limb = bit / 64;
    const auto shift = static_cast<unsigned>(bit % 64);
    std::uint64_t digit = limb < alpha.size() ? alpha[limb] >> shift : 0;
    // The upper part of a digit that crosses a limb boundary (a test on the position only).
    if (shift + WINDOW_BITS > 64 && limb + 1 < alpha.size())
        digit |= alpha[limb + 1] << (64 - shift);
    return digit & mask;
}

void DjnTable::power(std::uint64_t* out, std::span<const std::uint64_t> alpha, std::uint64_t* scratch) const
{
    const std::size_t k = m_mont.limbs();
    constexpr std::size_t entries = std::size_t{1} << WINDOW_BITS;
    std::uint64_t* selected = scratch;
    std::uint64_t* mulScratch = scratch + k;
    std::copy(m_mont.one().begin(), m_mont.one().end(), out);
    for (std::size_t row = 0; row < m_rows; ++row) {
        const std::uint64_t digit = digitAt(alpha, row * WINDOW_BITS);
        mpn_sec_tabselect(selected, m_table.data() + row * entries * k, static_cast<mp_size_t>(k),
                          static_cast<mp_size_t>(entries), static_cast<mp_size_t>(digit));
        m_mont.mul(out, out, selected, mulScratch, true);
    }
}

} // namespace cc::paillier::detail
