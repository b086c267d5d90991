// SPDX-License-Identifier: GPL-3.0-or-later
// Private to cc_core: an owning GMP integer and byte conversions for the Paillier module.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cc::paillier::detail {

/// An owning mpz_t. Its limbs are wiped on release by the wiping GMP allocator (installed at
/// start-up); wipe() also zeroes them explicitly for values that are secret.
class Mpz
{
public:
    Mpz() { mpz_init(m_v); }
    explicit Mpz(unsigned long v) { mpz_init_set_ui(m_v, v); }
    Mpz(const Mpz& o) { mpz_init_set(m_v, o.m_v); }
    Mpz(Mpz&& o) noexcept
    {
        mpz_init(m_v);
        mpz_swap(m_v, o.m_v);
    }
    Mpz& operator=(const Mpz& o)
    {
        if (this != &o)
            mpz_set(m_v, o.m_v);
        return *this;
    }
    Mpz& operator=(Mpz&& o) noexcept
    {
        mpz_swap(m_v, o.m_v);
        return *this;
    }
    ~Mpz() { mpz_clear(m_v); }

    mpz_ptr get() noexcept { return m_v; }
    mpz_srcptr get() const noexcept { return m_v; }
    operator mpz_ptr() noexcept { return m_v; }
    operator mpz_srcptr() const noexcept { return m_v; }
    // GMP's macros (mpz_sgn, mpz_even_p) dereference their argument.
    __mpz_struct* operator->() noexcept { return m_v; }
    const __mpz_struct* operator->() const noexcept { return m_v; }

    /// Zeroes every allocated limb and sets the value to 0 (for secrets before they go out of scope).
    void wipe() noexcept;

private:
    mpz_t m_v;
};

/// Big-endian unsigned bytes of |v| (no leading zeros; empty for 0).
std::vector<std::uint8_t> toBytes(mpz_srcptr v);
/// Big-endian unsigned bytes of v, left-padded with zeros to `width` (v must fit).
std::vector<std::uint8_t> toBytesFixed(mpz_srcptr v, std::size_t width);
/// v = the big-endian unsigned integer in `bytes`.
void fromBytes(mpz_ptr v, std::span<const std::uint8_t> bytes);
/// Decimal text of v.
std::string toDecimal(mpz_srcptr v);
/// Limbs of v, zero-padded to `limbs` (v must be non-negative and fit).
std::vector<std::uint64_t> toLimbs(mpz_srcptr v, std::size_t limbs);
/// v = the little-endian limb array.
void fromLimbs(mpz_ptr v, std::span<const std::uint64_t> limbs);

} // namespace cc::paillier::detail
