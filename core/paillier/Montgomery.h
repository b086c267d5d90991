// SPDX-License-Identifier: GPL-3.0-or-later
// Private to cc_core: Montgomery arithmetic on GMP mpn limbs modulo an odd N (here n²).
#pragma once

#include "core/paillier/Mpz.h"

#include <cstdint>
#include <span>
#include <vector>

namespace cc::paillier::detail {

/// Montgomery multiplication modulo an odd N of k limbs, R = 2^(64k).
/// mul(a, b) = a·b·R⁻¹ mod N for a, b < N. The REDC is written with mpn_addmul_1 and a deferred
/// carry row so its running time depends only on k; the final subtraction uses mpn_cnd_sub_n.
/// With `secret` the product uses mpn_sec_mul/mpn_sec_sqr (GMP's side-channel silent functions).
class Montgomery
{
public:
    explicit Montgomery(mpz_srcptr modulus);

    [[nodiscard]] std::size_t limbs() const noexcept { return m_k; }
    [[nodiscard]] const std::vector<std::uint64_t>& modulus() const noexcept { return m_n; }
    /// R mod N: the Montgomery form of 1.
    [[nodiscard]] const std::vector<std::uint64_t>& one() const noexcept { return m_one; }

    /// Scratch space a thread needs for mul() (limbs).
    [[nodiscard]] std::size_t scratchLimbs() const noexcept;
    /// out = a·b·R⁻¹ mod N. out may alias a or b. `scratch` has scratchLimbs() limbs.
    void mul(std::uint64_t* out, const std::uint64_t* a, const std::uint64_t* b, std::uint64_t* scratch,
             bool secret) const noexcept;
    /// out = a·R mod N (to Montgomery form), via mpz.
    void toMont(std::uint64_t* out, mpz_srcptr a) const;
    /// v = a·R⁻¹ mod N (from Montgomery form).
    void fromMont(mpz_ptr v, const std::uint64_t* a, std::uint64_t* scratch) const;
    /// R^e mod N as an mpz (for the one correction at the end of a product of many values).
    void rPower(mpz_ptr out, std::uint64_t e) const;

private:
    /// t = a·b (2k limbs) for secret operands: one Karatsuba level over mpn_sec_mul, fixed
    /// operation sequence (falls back to mpn_sec_mul for odd or small k).
    void secretMul(std::uint64_t* t, const std::uint64_t* a, const std::uint64_t* b,
                   std::uint64_t* scratch) const noexcept;
    void redc(std::uint64_t* out, std::uint64_t* t, std::uint64_t* carries) const noexcept;

    std::size_t m_k = 0;
    std::uint64_t m_ninv = 0; // −N⁻¹ mod 2^64
    std::vector<std::uint64_t> m_n;
    std::vector<std::uint64_t> m_one;
    Mpz m_mod;
    Mpz m_r; // R mod N
};

} // namespace cc::paillier::detail
