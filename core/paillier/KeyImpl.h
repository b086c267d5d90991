// SPDX-License-Identifier: GPL-3.0-or-later
// Private to cc_core: the state behind PublicKey and PrivateKey (GMP and OpenSSL types stay here).
#pragma once

#include "core/paillier/DjnTable.h"
#include "core/paillier/Montgomery.h"
#include "core/paillier/Mpz.h"
#include "core/paillier/PrivateKey.h"
#include "core/paillier/PublicKey.h"

#include <openssl/bn.h>

#include <array>
#include <memory>
#include <mutex>
#include <span>

namespace cc::paillier {

namespace detail {
/// SHA-256 of `data` (the module's one hash; key ids and Fiat–Shamir challenges).
std::array<std::uint8_t, 32> sha256(std::span<const std::uint8_t> data);
/// A BIGNUM that is cleared on release.
struct BnDeleter
{
    void operator()(BIGNUM* b) const noexcept { BN_clear_free(b); }
};
using BnPtr = std::unique_ptr<BIGNUM, BnDeleter>;
struct BnCtxDeleter
{
    void operator()(BN_CTX* c) const noexcept { BN_CTX_free(c); }
};
using BnCtxPtr = std::unique_ptr<BN_CTX, BnCtxDeleter>;
struct MontCtxDeleter
{
    void operator()(BN_MONT_CTX* c) const noexcept { BN_MONT_CTX_free(c); }
};
using MontCtxPtr = std::unique_ptr<BN_MONT_CTX, MontCtxDeleter>;
/// A BIGNUM (secure heap where available, BN_FLG_CONSTTIME set) holding the value of an mpz;
/// nullptr if OpenSSL could not allocate it.
BnPtr toBn(mpz_srcptr v);
/// Sets `out` to the value of a BIGNUM. False (out unchanged) if `v` is null or OpenSSL fails.
bool fromBn(mpz_ptr out, const BIGNUM* v);
/// h_s = (−x²)^n mod n² with x drawn from SHA-256(label ‖ n ‖ counter) by rejection (x < n, gcd(x, n) = 1).
void deriveDjnBase(mpz_ptr hs, mpz_srcptr n);
} // namespace detail

struct PublicKey::Impl
{
    explicit Impl(mpz_srcptr modulus, mpz_srcptr base);

    detail::Mpz n, n2, hs, maxInt; // maxInt = ⌊n/3⌋, the edge of the signed band
    unsigned bits = 0;
    unsigned alphaBits = 0; // ⌈|n|/2⌉ (DJN 2010, section 2.2: exponents of half the modulus length)
    std::size_t valueBytes = 0;
    KeyId id{};
    std::unique_ptr<detail::Montgomery> mont; // modulo n²

    /// The fixed-base table for h_s, built on first use (thread-safe).
    const detail::DjnTable& table() const;
    /// OpenSSL's Montgomery context for n², built on first use (thread-safe; read-only afterwards);
    /// nullptr if OpenSSL failed to build it (BN_mod_exp_mont_consttime accepts nullptr).
    BN_MONT_CTX* opensslMont() const;

private:
    mutable std::once_flag m_tableOnce;
    mutable std::unique_ptr<detail::DjnTable> m_table;
    mutable std::once_flag m_montOnce;
    mutable detail::MontCtxPtr m_opensslMont;
};

struct PrivateKey::Impl
{
    detail::BnPtr p, q, p2, q2, pMinus1, qMinus1, hp, hq, qInvP;
    detail::MontCtxPtr montP2, montQ2; // cached per key (BN_mod_exp_mont_consttime)
};

} // namespace cc::paillier
