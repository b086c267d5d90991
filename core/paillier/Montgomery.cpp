// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/Montgomery.h"

#include <algorithm>

namespace cc::paillier::detail {

Montgomery::Montgomery(mpz_srcptr modulus) : m_k(mpz_size(modulus))
{
    mpz_set(m_mod, modulus);
    m_n = toLimbs(modulus, m_k);
    // Newton iteration for N⁻¹ mod 2^64: each step doubles the number of correct low bits.
    std::uint64_t inv = m_n[0]; // correct to 3 bits for odd N
    for (int i = 0; i < 6; ++i)
        inv *= 2 - m_n[0] * inv;
    m_ninv = ~inv + 1;
    mpz_set_ui(m_r, 1);
    mpz_mul_2exp(m_r, m_r, 64 * m_k);
    mpz_mod(m_r, m_r, m_mod);
    m_one = toLimbs(m_r, m_k);
}

std::size_t Montgomery::scratchLimbs() const noexcept
{
    const auto k = static_cast<mp_size_t>(m_k);
    const auto h = static_cast<mp_size_t>(m_k / 2);
    const auto itch = std::max({mpn_sec_mul_itch(k, k), mpn_sec_sqr_itch(k), mpn_sec_mul_itch(h, h) + 5 * h});
    // product (2k) + deferred carries (k) + subtraction result (k) + the product's scratch (GMP's,
    // or the Karatsuba half sums, middle product and GMP's for the halves)
    return 4 * m_k + static_cast<std::size_t>(itch) + 1;
}

void Montgomery::secretMul(std::uint64_t* t, const std::uint64_t* a, const std::uint64_t* b,
                           std::uint64_t* scratch) const noexcept
{
    const auto k = static_cast<mp_size_t>(m_k);
    if (m_k % 2 != 0 || m_k < 16) {
        mpn_sec_mul(t, a, k, b, k, scratch);
        return;
    }
    // One level of Karatsuba (1962) over mpn_sec_mul: a·b = z2·B² + z1·B + z0 with B = 2^(64h),
    // z1 = (a0 + a1)(b0 + b1) − z0 − z2. The additive form avoids |a0 − a1| and its sign (which
    // GMP's own Toom-2 branches on): the carries ca, cb of the half sums are folded in with
    // mpn_cnd_add_n and plain limb arithmetic, and every other step is a fixed-length mpn_add_n /
    // mpn_sub_n, so the operations and memory accesses depend only on k. Three h×h products
    // instead of one k×k product: about 3/4 of the multiplication work.
    const mp_size_t h = k / 2;
    std::uint64_t* sa = scratch; // h limbs
    std::uint64_t* sb = sa + h;  // h limbs
    std::uint64_t* mid = sb + h; // 3h limbs: (a0 + a1)(b0 + b1), then z1, zero-padded
    std::uint64_t* gmp = mid + 3 * h;
    const mp_limb_t ca = mpn_add_n(sa, a, a + h, h);
    const mp_limb_t cb = mpn_add_n(sb, b, b + h, h);
    mpn_sec_mul(t, a, h, b, h, gmp);                 // z0 in t[0, 2h)
    mpn_sec_mul(t + 2 * h, a + h, h, b + h, h, gmp); // z2 in t[2h, 4h)
    mpn_sec_mul(mid, sa, h, sb, h, gmp);
    std::fill(mid + 2 * h, mid + 3 * h, mp_limb_t{0});
    // (sa + ca·B)(sb + cb·B) = sa·sb + (ca·sb + cb·sa)·B + ca·cb·B²
    mid[2 * h] = ca & cb;
    mid[2 * h] += mpn_cnd_add_n(ca, mid + h, mid + h, sb, h);
    mid[2 * h] += mpn_cnd_add_n(cb, mid + h, mid + h, sa, h);
    // z1 = mid − z0 − z2 ≥ 0 (at most 2h + 1 limbs, so the borrows stop at limb 2h).
    mid[2 * h] -= mpn_sub_n(mid, mid, t, 2 * h);
    mid[2 * h] -= mpn_sub_n(mid, mid, t + 2 * h, 2 * h);
    // t += z1·B over the remaining 3h limbs; a·b < B⁴, so nothing carries out.
    mpn_add_n(t + h, t + h, mid, 3 * h);
}

void Montgomery::redc(std::uint64_t* out, std::uint64_t* t, std::uint64_t* carries) const noexcept
{
    const auto k = static_cast<mp_size_t>(m_k);
    // REDC (Montgomery 1985), one limb per step: t += u·N·2^(64i) clears limb i. The carry out of
    // each step belongs at limb i+k, which no later u reads, so it is added once at the end.
    for (std::size_t i = 0; i < m_k; ++i)
        carries[i] = mpn_addmul_1(t + i, m_n.data(), k, t[i] * m_ninv);
    const mp_limb_t top = mpn_add_n(out, t + m_k, carries, k);
    // out + top·R < 2N: subtract N when out ≥ N or the addition carried, without branching.
    std::uint64_t* diff = carries; // reuse as scratch
    const mp_limb_t borrow = mpn_sub_n(diff, out, m_n.data(), k);
    const mp_limb_t subtract = top | (borrow ^ 1);
    mpn_cnd_sub_n(subtract, out, out, m_n.data(), k);
}

void Montgomery::mul(std::uint64_t* out, const std::uint64_t* a, const std::uint64_t* b, std::uint64_t* scratch,
                     bool secret) const noexcept
{
    const auto k = static_cast<mp_size_t>(m_k);
    std::uint64_t* t = scratch;
    std::uint64_t* carries = scratch + 2 * m_k;
    std::uint64_t* gmpScratch = scratch + 4 * m_k;
    if (secret) {
        if (a == b)
            mpn_sec_sqr(t, a, k, gmpScratch);
        else
            secretMul(t, a, b, gmpScratch);
    } else if (a == b) {
        mpn_sqr(t, a, k);
    } else {
        mpn_mul_n(t, a, b, k);
    }
    redc(out, t, carries);
}

void Montgomery::toMont(std::uint64_t* out, mpz_srcptr a) const
{
    Mpz t;
    mpz_mul_2exp(t, a, 64 * m_k);
    mpz_mod(t, t, m_mod);
    const auto limbs = toLimbs(t, m_k);
    std::copy(limbs.begin(), limbs.end(), out);
}

void Montgomery::fromMont(mpz_ptr v, const std::uint64_t* a, std::uint64_t* scratch) const
{
    std::uint64_t* t = scratch;
    std::fill(t, t + 2 * m_k, 0);
    std::copy(a, a + m_k, t);
    std::vector<std::uint64_t> out(m_k);
    redc(out.data(), t, scratch + 2 * m_k);
    fromLimbs(v, out);
}

void Montgomery::rPower(mpz_ptr out, std::uint64_t e) const
{
    Mpz exponent;
    mpz_import(exponent, 1, 1, sizeof e, 0, 0, &e);
    mpz_powm(out, m_r, exponent, m_mod);
}

} // namespace cc::paillier::detail
