// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/Paillier.h"

#include "core/paillier/KeyImpl.h"
#include "core/paillier/Parallel.h"

namespace cc::paillier {
namespace {

using detail::Mpz;

Status checkKey(const PublicKey& key)
{
    if (!key.isValid())
        return makeError(ErrorCode::InvalidArgument, "no Paillier key");
    return {};
}

// v ≥ 0 ↦ v, v < 0 ↦ n − |v|, after the band check: |v| ≤ ⌊n/3⌋ for a packed layout (whose own
// overflow rule bounds its sums) and |v| ≤ ⌊⌊n/3⌋ / PLAIN_SUM_MAX_TERMS⌋ for a plain number, so a
// sum of at most PLAIN_SUM_MAX_TERMS plain numbers stays inside the band.
Status encode(const PublicKey& key, const Plaintext& m, mpz_ptr out, std::uint16_t layoutId)
{
    CC_TRY(layoutId == 0 ? m.checkFitsPlainSum(key) : m.checkFits(key));
    detail::fromBytes(out, m.magnitude());
    if (m.isNegative())
        mpz_sub(out, key.impl().n, out);
    return {};
}

Ciphertext make(const PublicKey::Impl& k, std::uint16_t layout, mpz_srcptr c)
{
    return Ciphertext(k.id, layout, k.valueBytes, detail::toLimbs(c, k.mont->limbs()));
}

// (1 + m·n)·h_s^α mod n² on limbs: the table gives h_s^α·R, and one Montgomery product with the
// plain value 1 + m·n (< n²) removes R.
std::vector<std::uint64_t> djnCore(const PublicKey::Impl& k, mpz_srcptr encoded, std::span<const std::uint64_t> alpha,
                                   std::vector<std::uint64_t>& scratch)
{
    const std::size_t limbs = k.mont->limbs();
    scratch.resize(limbs + k.mont->scratchLimbs());
    std::vector<std::uint64_t> acc(limbs);
    k.table().power(acc.data(), alpha, scratch.data());
    Mpz gm;
    mpz_mul(gm, encoded, k.n);
    mpz_add_ui(gm, gm, 1);
    const auto gmLimbs = detail::toLimbs(gm, limbs);
    k.mont->mul(acc.data(), acc.data(), gmLimbs.data(), scratch.data(), true);
    return acc;
}

// α uniform in [0, 2^⌈|n|/2⌉): whole bytes from the Rng with the excess top bits cleared (no bias).
std::vector<std::uint64_t> drawAlpha(const PublicKey::Impl& k, crypto::Rng& rng)
{
    const std::size_t bytes = (k.alphaBits + 7) / 8;
    auto raw = rng.secureBytes(bytes);
    raw[0] = static_cast<std::uint8_t>(raw[0] & (0xffu >> (8 * bytes - k.alphaBits)));
    Mpz a;
    detail::fromBytes(a, raw.span());
    auto limbs = detail::toLimbs(a, (k.alphaBits + 63) / 64);
    a.wipe();
    return limbs;
}

void wipeLimbs(std::vector<std::uint64_t>& v)
{
    crypto::secureWipe(v.data(), v.size() * sizeof(std::uint64_t));
}

Result<Ciphertext> binary(const PublicKey& key, const Ciphertext& a, const Ciphertext& b)
{
    CC_TRY(checkBelongs(key, a));
    CC_TRY(checkBelongs(key, b));
    if (a.layoutId() != b.layoutId())
        return makeError(ErrorCode::KeyMismatch, "ciphertexts have different packed layouts");
    Mpz x, y;
    detail::fromLimbs(x, a.limbs());
    detail::fromLimbs(y, b.limbs());
    mpz_mul(x, x, y);
    mpz_mod(x, x, key.impl().n2);
    return make(key.impl(), a.layoutId(), x);
}

} // namespace

Status checkBelongs(const PublicKey& key, const Ciphertext& c)
{
    CC_TRY(checkKey(key));
    if (!c.isValid())
        return makeError(ErrorCode::InvalidArgument, "empty ciphertext");
    if (c.keyId() != key.keyId() || c.limbs().size() != key.impl().mont->limbs())
        return makeError(ErrorCode::KeyMismatch, "ciphertext belongs to another Paillier key");
    return {};
}

Result<Ciphertext> encrypt(const PublicKey& key, const Plaintext& m, crypto::Rng& rng, std::uint16_t layoutId)
{
    CC_TRY(checkKey(key));
    Mpz encoded;
    CC_TRY(encode(key, m, encoded, layoutId));
    const auto& k = key.impl();
    auto alpha = drawAlpha(k, rng);
    std::vector<std::uint64_t> scratch;
    auto limbs = djnCore(k, encoded, alpha, scratch);
    wipeLimbs(alpha);
    wipeLimbs(scratch);
    return Ciphertext(k.id, layoutId, k.valueBytes, std::move(limbs));
}

Result<Ciphertext> encryptWithAlpha(const PublicKey& key, const Plaintext& m, std::span<const std::uint8_t> alphaBytes,
                                    std::uint16_t layoutId)
{
    CC_TRY(checkKey(key));
    const auto& k = key.impl();
    Mpz encoded, a;
    CC_TRY(encode(key, m, encoded, layoutId));
    detail::fromBytes(a, alphaBytes);
    if (mpz_sizeinbase(a, 2) > k.alphaBits)
        return makeError(ErrorCode::InvalidArgument, "α is longer than ⌈|n|/2⌉ bits");
    auto alpha = detail::toLimbs(a, (k.alphaBits + 63) / 64);
    std::vector<std::uint64_t> scratch;
    auto limbs = djnCore(k, encoded, alpha, scratch);
    wipeLimbs(alpha);
    return Ciphertext(k.id, layoutId, k.valueBytes, std::move(limbs));
}

Result<std::vector<Ciphertext>> encryptBatch(const PublicKey& key, std::span<const Plaintext> values, crypto::Rng& rng,
                                             unsigned threads, std::uint16_t layoutId)
{
    CC_TRY(checkKey(key));
    const auto& k = key.impl();
    std::vector<Mpz> encoded(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        CC_TRY(encode(key, values[i], encoded[i], layoutId));
    std::vector<std::vector<std::uint64_t>> alphas;
    alphas.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        alphas.push_back(drawAlpha(k, rng));
    (void)k.table(); // build the shared table once before the workers start
    std::vector<std::vector<std::uint64_t>> out(values.size());
    detail::parallelChunks(values.size(), detail::threadCount(threads), [&](std::size_t b, std::size_t e, unsigned) {
        std::vector<std::uint64_t> scratch;
        for (std::size_t i = b; i < e; ++i) {
            out[i] = djnCore(k, encoded[i], alphas[i], scratch);
            wipeLimbs(alphas[i]);
        }
        wipeLimbs(scratch);
    });
    std::vector<Ciphertext> result;
    result.reserve(values.size());
    for (auto& limbs : out)
        result.emplace_back(k.id, layoutId, k.valueBytes, std::move(limbs));
    return result;
}

Result<Ciphertext> encryptTextbookWithNonce(const PublicKey& key, const Plaintext& m,
                                            std::span<const std::uint8_t> rBytes)
{
    CC_TRY(checkKey(key));
    const auto& k = key.impl();
    Mpz encoded, r, g, c;
    CC_TRY(encode(key, m, encoded, 0));
    detail::fromBytes(r, rBytes);
    mpz_gcd(g, r, k.n);
    if (mpz_sgn(r) <= 0 || mpz_cmp(r, k.n) >= 0 || mpz_cmp_ui(g, 1) != 0)
        return makeError(ErrorCode::InvalidArgument, "r must be a unit modulo n");
    mpz_powm_sec(c, r, k.n, k.n2);
    mpz_mul(g, encoded, k.n);
    mpz_add_ui(g, g, 1);
    mpz_mul(c, c, g);
    mpz_mod(c, c, k.n2);
    r.wipe();
    return make(k, 0, c);
}

Result<Ciphertext> encryptTextbook(const PublicKey& key, const Plaintext& m, crypto::Rng& rng)
{
    CC_TRY(checkKey(key));
    const auto& k = key.impl();
    const std::size_t bytes = (k.bits + 7) / 8;
    Mpz r, g;
    // r uniform in Z*_n by rejection: draw |n| bits, retry when r = 0, r ≥ n or gcd(r, n) ≠ 1.
    for (;;) {
        auto raw = rng.secureBytes(bytes);
        raw[0] = static_cast<std::uint8_t>(raw[0] & (0xffu >> (8 * bytes - k.bits)));
        detail::fromBytes(r, raw.span());
        mpz_gcd(g, r, k.n);
        if (mpz_sgn(r) > 0 && mpz_cmp(r, k.n) < 0 && mpz_cmp_ui(g, 1) == 0)
            break;
    }
    auto rb = detail::toBytes(r);
    r.wipe();
    auto c = encryptTextbookWithNonce(key, m, rb);
    crypto::secureWipe(rb.data(), rb.size());
    return c;
}

Result<Plaintext> decodeResidue(const PublicKey& key, std::span<const std::uint8_t> residue)
{
    CC_TRY(checkKey(key));
    const auto& k = key.impl();
    Mpz m, neg;
    detail::fromBytes(m, residue);
    if (mpz_cmp(m, k.maxInt) <= 0)
        return Plaintext::fromMagnitude(detail::toBytes(m), false);
    mpz_sub(neg, k.n, m);
    if (mpz_cmp(neg, k.maxInt) <= 0)
        return Plaintext::fromMagnitude(detail::toBytes(neg), true);
    return makeError(ErrorCode::Overflow, "decrypted value overflowed the plaintext range (|v| ≤ n/3)");
}

Result<Plaintext> decrypt(const PrivateKey& key, const Ciphertext& c)
{
    CC_TRY(checkBelongs(key.publicKey(), c));
    const auto& s = key.impl();
    const auto& k = key.publicKey().impl();
    detail::BnCtxPtr ctx(BN_CTX_secure_new());
    if (!ctx)
        return makeError(ErrorCode::CryptoFailure, "OpenSSL could not allocate a context");
    BN_CTX* x = ctx.get();
    // Blinding: decrypt c' = c·(1 + β·n) mod n², an encryption of m + β, for β uniform in [0, n) from
    // OpenSSL's private DRBG, and subtract β at the end. Every value the CRT steps below handle
    // (m_p, m_q, h, h·q) is then uniform and independent of the ciphertext, so the variable-time
    // parts of BN_div, BN_mod_mul and BN_mul cannot tell a chosen ciphertext's caller anything about
    // p or q (such as whether m < q). The exponentiations are constant time in any case.
    Mpz cz, beta, blind;
    detail::fromLimbs(cz, c.limbs());
    auto nBn = detail::toBn(k.n);
    detail::BnPtr betaBn(BN_secure_new());
    if (!nBn || !betaBn || BN_priv_rand_range_ex(betaBn.get(), nBn.get(), 0, x) != 1 ||
        !detail::fromBn(beta, betaBn.get()))
        return makeError(ErrorCode::CryptoFailure, "OpenSSL could not draw the decryption blinding");
    mpz_mul(blind, beta, k.n);
    mpz_add_ui(blind, blind, 1);
    mpz_mul(cz, cz, blind);
    mpz_mod(cz, cz, k.n2);
    blind.wipe();
    auto cb = detail::toBn(cz);
    if (!cb)
        return makeError(ErrorCode::CryptoFailure, "OpenSSL could not allocate a number");
    // Paillier 1999, section 7: m_p = L_p(c^(p−1) mod p²)·h_p mod p, likewise for q, then CRT.
    auto half = [&](const BIGNUM* p, const BIGNUM* p2, const BIGNUM* pm1, const BIGNUM* hp, BN_MONT_CTX* mont,
                    BIGNUM* out) {
        detail::BnPtr t(BN_secure_new()), u(BN_secure_new());
        if (!t || !u)
            return false;
        BN_set_flags(t.get(), BN_FLG_CONSTTIME);
        BN_set_flags(u.get(), BN_FLG_CONSTTIME);
        return BN_nnmod(t.get(), cb.get(), p2, x) && BN_mod_exp_mont_consttime(u.get(), t.get(), pm1, p2, x, mont) &&
               BN_sub_word(u.get(), 1) && BN_div(u.get(), nullptr, u.get(), p, x) && BN_mod_mul(out, u.get(), hp, p, x);
    };
    detail::BnPtr mp(BN_secure_new()), mq(BN_secure_new()), h(BN_secure_new()), m(BN_secure_new());
    if (!mp || !mq || !h || !m)
        return makeError(ErrorCode::CryptoFailure, "OpenSSL could not allocate a number");
    for (BIGNUM* b : {mp.get(), mq.get(), h.get(), m.get()})
        BN_set_flags(b, BN_FLG_CONSTTIME);
    const bool ok = half(s.p.get(), s.p2.get(), s.pMinus1.get(), s.hp.get(), s.montP2.get(), mp.get()) &&
                    half(s.q.get(), s.q2.get(), s.qMinus1.get(), s.hq.get(), s.montQ2.get(), mq.get()) &&
                    BN_mod_sub(h.get(), mp.get(), mq.get(), s.p.get(), x) &&
                    BN_mod_mul(h.get(), h.get(), s.qInvP.get(), s.p.get(), x) &&
                    BN_mul(m.get(), h.get(), s.q.get(), x) && BN_add(m.get(), m.get(), mq.get());
    if (!ok)
        return makeError(ErrorCode::CryptoFailure, "OpenSSL failed during Paillier decryption");
    // Unblind: m = (m + β) − β mod n. These values are the plaintext the caller receives, not the key.
    Mpz plain;
    if (!detail::fromBn(plain, m.get()))
        return makeError(ErrorCode::CryptoFailure, "OpenSSL failed during Paillier decryption");
    mpz_sub(plain, plain, beta);
    mpz_mod(plain, plain, k.n);
    beta.wipe();
    auto residue = detail::toBytes(plain);
    plain.wipe();
    auto result = decodeResidue(key.publicKey(), residue);
    crypto::secureWipe(residue.data(), residue.size());
    return result;
}

Result<Ciphertext> add(const PublicKey& key, const Ciphertext& a, const Ciphertext& b)
{
    return binary(key, a, b);
}

Result<Ciphertext> addPlain(const PublicKey& key, const Ciphertext& a, const Plaintext& k)
{
    CC_TRY(checkBelongs(key, a));
    Mpz encoded, x;
    CC_TRY(encode(key, k, encoded, a.layoutId()));
    const auto& ki = key.impl();
    mpz_mul(encoded, encoded, ki.n);
    mpz_add_ui(encoded, encoded, 1);
    detail::fromLimbs(x, a.limbs());
    mpz_mul(x, x, encoded);
    mpz_mod(x, x, ki.n2);
    return make(ki, a.layoutId(), x);
}

Result<Ciphertext> multiplyScalar(const PublicKey& key, const Ciphertext& a, const Plaintext& k)
{
    CC_TRY(checkBelongs(key, a));
    CC_TRY(k.checkFits(key));
    const auto& ki = key.impl();
    Mpz x, e;
    detail::fromLimbs(x, a.limbs());
    detail::fromBytes(e, k.magnitude());
    if (k.isNegative() && mpz_invert(x, x, ki.n2) == 0)
        return malformed("ciphertext is not invertible modulo n²", {}, 0, "ciphertext");
    mpz_powm(x, x, e, ki.n2);
    return make(ki, a.layoutId(), x);
}

Result<Ciphertext> negate(const PublicKey& key, const Ciphertext& a)
{
    return multiplyScalar(key, a, Plaintext(-1));
}

Result<Ciphertext> rerandomise(const PublicKey& key, const Ciphertext& a, crypto::Rng& rng)
{
    CC_TRY(checkBelongs(key, a));
    auto zero = encrypt(key, Plaintext(0), rng, a.layoutId());
    if (!zero.ok())
        return std::move(zero).error();
    return binary(key, a, zero.value());
}

Status checkPlainSumTerms(std::uint64_t terms)
{
    if (terms > PLAIN_SUM_MAX_TERMS)
        return makeError(ErrorCode::Overflow, "a sum of " + std::to_string(terms) +
                                                  " plain numbers exceeds the maximum of " +
                                                  std::to_string(PLAIN_SUM_MAX_TERMS) + " terms");
    return {};
}

Result<Ciphertext> sum(const PublicKey& key, std::span<const Ciphertext> values, unsigned threads)
{
    CC_TRY(checkKey(key));
    if (values.empty())
        return makeError(ErrorCode::InvalidArgument, "nothing to sum");
    if (values[0].layoutId() == 0)
        CC_TRY(checkPlainSumTerms(values.size()));
    for (const auto& c : values) {
        CC_TRY(checkBelongs(key, c));
        if (c.layoutId() != values[0].layoutId())
            return makeError(ErrorCode::KeyMismatch, "ciphertexts have different packed layouts");
    }
    const auto& k = key.impl();
    const auto& mont = *k.mont;
    const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(detail::threadCount(threads), values.size()));
    std::vector<std::vector<std::uint64_t>> partial(workers);
    // Each Montgomery product contributes R⁻¹; a chunk of L values gives Π·R^−(L−1).
    detail::parallelChunks(values.size(), workers, [&](std::size_t b, std::size_t e, unsigned w) {
        std::vector<std::uint64_t> scratch(mont.scratchLimbs());
        auto& acc = partial[w];
        acc.assign(values[b].limbs().begin(), values[b].limbs().end());
        for (std::size_t i = b + 1; i < e; ++i)
            mont.mul(acc.data(), acc.data(), values[i].limbs().data(), scratch.data(), false);
    });
    std::vector<std::uint64_t> scratch(mont.scratchLimbs());
    auto& acc = partial[0];
    for (unsigned w = 1; w < workers; ++w)
        mont.mul(acc.data(), acc.data(), partial[w].data(), scratch.data(), false);
    // (N − workers) products in the chunks plus (workers − 1) to join them: Π·R^−(N−1). One correction.
    Mpz result, correction;
    detail::fromLimbs(result, acc);
    mont.rPower(correction, values.size() - 1);
    mpz_mul(result, result, correction);
    mpz_mod(result, result, k.n2);
    return make(k, values[0].layoutId(), result);
}

Result<Ciphertext> sumBaseline(const PublicKey& key, std::span<const Ciphertext> values)
{
    CC_TRY(checkKey(key));
    if (values.empty())
        return makeError(ErrorCode::InvalidArgument, "nothing to sum");
    if (values[0].layoutId() == 0)
        CC_TRY(checkPlainSumTerms(values.size()));
    const auto& k = key.impl();
    Mpz acc;
    for (const auto& c : values) {
        CC_TRY(checkBelongs(key, c));
        if (c.layoutId() != values[0].layoutId())
            return makeError(ErrorCode::KeyMismatch, "ciphertexts have different packed layouts");
    }
    detail::fromLimbs(acc, values[0].limbs());
    for (std::size_t i = 1; i < values.size(); ++i) {
        mpz_t view;
        const auto l = values[i].limbs();
        mpz_roinit_n(view, reinterpret_cast<const mp_limb_t*>(l.data()), static_cast<mp_size_t>(l.size()));
        mpz_mul(acc, acc, view);
        mpz_mod(acc, acc, k.n2);
    }
    return make(k, values[0].layoutId(), acc);
}

} // namespace cc::paillier
