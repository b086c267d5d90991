// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/Threshold.h"

#include "core/paillier/KeyImpl.h"
#include "core/paillier/Paillier.h"
#include "core/paillier/Parallel.h"

#include <algorithm>
#include <set>

namespace cc::paillier {
namespace {

using detail::Mpz;

constexpr std::size_t CHALLENGE_BYTES = 16; // 128-bit challenges (Shoup 2000 uses L1 = 128)
constexpr std::uint32_t MAX_PARTIES = 64;

void factorial(mpz_ptr out, std::uint32_t l)
{
    mpz_fac_ui(out, l);
}

// Uniform in [0, bound) by rejection: draw |bound| bits, retry when ≥ bound.
void uniformBelow(mpz_ptr out, mpz_srcptr bound, crypto::Rng& rng)
{
    const std::size_t bits = mpz_sizeinbase(bound, 2);
    const std::size_t bytes = (bits + 7) / 8;
    for (;;) {
        auto raw = rng.secureBytes(bytes);
        raw[0] = static_cast<std::uint8_t>(raw[0] & (0xffu >> (8 * bytes - bits)));
        detail::fromBytes(out, raw.span());
        if (mpz_cmp(out, bound) < 0)
            return;
    }
}

// Bits of the proof's mask r: |n²| + |Δ| + 128 (challenge) + 128 (statistical hiding of e·Δ·s_i).
std::size_t maskBits(const PublicKey::Impl& k, mpz_srcptr delta)
{
    return mpz_sizeinbase(k.n2, 2) + mpz_sizeinbase(delta, 2) + 8 * CHALLENGE_BYTES + 128;
}

void appendPart(std::vector<std::uint8_t>& out, std::span<const std::uint8_t> part)
{
    const auto len = static_cast<std::uint32_t>(part.size());
    for (int s = 24; s >= 0; s -= 8)
        out.push_back(static_cast<std::uint8_t>(len >> s));
    out.insert(out.end(), part.begin(), part.end());
}

// Fiat–Shamir: e = first 128 bits of SHA-256(label ‖ key id ‖ index ‖ context ‖ c ‖ c_i ‖ v ‖ v_i ‖ a ‖ b),
// every variable-length item length-prefixed; 128 bits is the challenge length Shoup's proof needs, so
// truncation is exact. The context (report id ‖ cell index for reports) makes a partial valid for one
// purpose only.
std::vector<std::uint8_t> challenge(const PublicKey::Impl& k, std::uint32_t index,
                                    std::span<const std::uint8_t> context, mpz_srcptr c, mpz_srcptr ci, mpz_srcptr v,
                                    mpz_srcptr vi, mpz_srcptr a, mpz_srcptr b)
{
    static constexpr char label[] = "CipherChart Paillier partial decryption proof v2";
    std::vector<std::uint8_t> input(label, label + sizeof label - 1);
    input.insert(input.end(), k.id.begin(), k.id.end());
    for (int s = 24; s >= 0; s -= 8)
        input.push_back(static_cast<std::uint8_t>(index >> s));
    appendPart(input, context);
    for (mpz_srcptr x : {c, ci, v, vi, a, b})
        appendPart(input, detail::toBytes(x));
    const auto digest = detail::sha256(input);
    return {digest.begin(), digest.begin() + CHALLENGE_BYTES};
}

// True if 1 < x < n² and gcd(x, n) = 1: a unit mod n² that is not the identity.
bool isUsefulUnit(mpz_srcptr x, const PublicKey::Impl& k)
{
    Mpz g;
    mpz_gcd(g, x, k.n);
    return mpz_cmp_ui(x, 1) > 0 && mpz_cmp(x, k.n2) < 0 && mpz_cmp_ui(g, 1) == 0;
}

Status checkParams(const PublicKey& key, const ThresholdParameters& params)
{
    if (!key.isValid())
        return makeError(ErrorCode::InvalidArgument, "no Paillier key");
    if (params.keyId != key.keyId())
        return makeError(ErrorCode::KeyMismatch, "threshold parameters belong to another Paillier key");
    if (params.threshold == 0 || params.threshold > params.parties || params.parties > MAX_PARTIES ||
        params.verificationKeys.size() != params.parties)
        return malformed("threshold parameters are inconsistent", {}, 0, "threshold");
    const auto& k = key.impl();
    Mpz x;
    detail::fromBytes(x, params.verificationBase);
    if (!isUsefulUnit(x, k))
        return malformed("the threshold verification base is not a unit other than 1 mod n²", {}, 0, "v");
    for (std::size_t i = 0; i < params.verificationKeys.size(); ++i) {
        detail::fromBytes(x, params.verificationKeys[i]);
        if (!isUsefulUnit(x, k))
            return malformed("verification key of custodian " + std::to_string(i + 1) +
                                 " is not a unit other than 1 mod n²",
                             {}, 0, "vk[" + std::to_string(i) + "]");
    }
    return {};
}

// Constant-time base^e mod n² (e secret) with the key's cached OpenSSL Montgomery context.
bool powSecret(mpz_ptr out, mpz_srcptr base, const BIGNUM* e, const PublicKey::Impl& k, BN_CTX* ctx)
{
    auto b = detail::toBn(base);
    auto mod = detail::toBn(k.n2);
    detail::BnPtr r(BN_secure_new());
    if (!BN_mod_exp_mont_consttime(r.get(), b.get(), e, mod.get(), ctx, k.opensslMont()))
        return false;
    detail::fromBn(out, r.get());
    return true;
}

} // namespace

Status checkThresholdParameters(const PublicKey& key, const ThresholdParameters& params)
{
    return checkParams(key, params);
}

Result<ThresholdKeySet> dealThreshold(PrivateKey&& key, std::uint32_t threshold, std::uint32_t parties,
                                      crypto::Rng& rng)
{
    PrivateKey consumed = std::move(key); // destroyed (BN_clear_free) when the dealer returns
    if (threshold == 0 || threshold > parties || parties > MAX_PARTIES)
        return makeError(ErrorCode::InvalidArgument, "threshold must satisfy 1 ≤ t ≤ l ≤ 64");
    const auto& k = consumed.publicKey().impl();
    Mpz p, q, pp, qq, m, nm, d, inv, delta;
    {
        auto ps = consumed.primeP();
        auto qs = consumed.primeQ();
        detail::fromBytes(p, ps.span());
        detail::fromBytes(q, qs.span());
    }
    mpz_sub_ui(pp, p, 1);
    mpz_fdiv_q_2exp(pp, pp, 1);
    mpz_sub_ui(qq, q, 1);
    mpz_fdiv_q_2exp(qq, qq, 1);
    // Shoup's analysis needs safe primes: the squares mod n form a cyclic group of order m = p'q'.
    if (mpz_probab_prime_p(pp, 40) == 0 || mpz_probab_prime_p(qq, 40) == 0)
        return malformed("threshold decryption needs a key from safe primes", {}, 0, "p");
    mpz_mul(m, pp, qq);
    mpz_mul(nm, k.n, m);
    // d ≡ 0 mod m and d ≡ 1 mod n (Damgård–Jurik 2001, section 4.1).
    if (mpz_invert(inv, m, k.n) == 0)
        return malformed("gcd(m, n) ≠ 1", {}, 0, "p");
    mpz_mul(d, m, inv);
    factorial(delta, parties);

    std::vector<Mpz> coeff(threshold);
    mpz_set(coeff[0], d);
    for (std::uint32_t j = 1; j < threshold; ++j)
        uniformBelow(coeff[j], nm, rng);

    ThresholdKeySet out;
    out.publicKey = consumed.publicKey();
    out.parameters.keyId = k.id;
    out.parameters.threshold = threshold;
    out.parameters.parties = parties;
    Mpz r, v, g, s, e, vi;
    do {
        uniformBelow(r, k.n2, rng);
        mpz_gcd(g, r, k.n);
    } while (mpz_sgn(r) == 0 || mpz_cmp_ui(g, 1) != 0);
    mpz_powm_ui(v, r, 2, k.n2);
    out.parameters.verificationBase = detail::toBytes(v);
    for (std::uint32_t i = 1; i <= parties; ++i) {
        // Horner: s_i = f(i) mod n·m.
        mpz_set_ui(s, 0);
        for (std::uint32_t j = threshold; j-- > 0;) {
            mpz_mul_ui(s, s, i);
            mpz_add(s, s, coeff[j]);
            mpz_mod(s, s, nm);
        }
        mpz_mul(e, s, delta);
        mpz_powm_sec(vi, v, e, k.n2);
        out.parameters.verificationKeys.push_back(detail::toBytes(vi));
        const auto bytes = detail::toBytes(s);
        out.shares.push_back(ThresholdShare{k.id, i, threshold, parties, crypto::SecureBytes(bytes)});
        crypto::secureWipe(const_cast<std::uint8_t*>(bytes.data()), bytes.size());
        s.wipe();
        e.wipe();
    }
    for (auto* secret : {&p, &q, &pp, &qq, &m, &nm, &d, &inv, &r})
        secret->wipe();
    for (auto& c : coeff)
        c.wipe();
    return out;
}

Result<PartialDecryption> partialDecrypt(const PublicKey& key, const ThresholdParameters& params,
                                         const ThresholdShare& share, const Ciphertext& c, crypto::Rng& rng,
                                         std::span<const std::uint8_t> context)
{
    CC_TRY(checkParams(key, params));
    CC_TRY(checkBelongs(key, c));
    if (share.keyId != key.keyId())
        return makeError(ErrorCode::KeyMismatch, "decryption share belongs to another Paillier key");
    if (share.index == 0 || share.index > params.parties)
        return malformed("share index out of range", {}, 0, "index");
    const auto& k = key.impl();
    Mpz delta, cz, c4, ci, a, b, v, vi, rz, z, ez, w;
    factorial(delta, params.parties);
    detail::fromLimbs(cz, c.limbs());
    detail::fromBytes(v, params.verificationBase);
    detail::fromBytes(vi, params.verificationKeys[share.index - 1]);

    detail::BnCtxPtr ctx(BN_CTX_secure_new());
    auto deltaBn = detail::toBn(delta);
    detail::BnPtr wBn(BN_secure_new()), twoW(BN_secure_new()), rBn(BN_secure_new());
    BN_set_flags(wBn.get(), BN_FLG_CONSTTIME);
    BN_set_flags(twoW.get(), BN_FLG_CONSTTIME);
    BN_set_flags(rBn.get(), BN_FLG_CONSTTIME);
    detail::BnPtr sBn(BN_secure_new());
    BN_bin2bn(share.secret.data(), static_cast<int>(share.secret.size()), sBn.get());
    if (!BN_mul(wBn.get(), sBn.get(), deltaBn.get(), ctx.get()) || !BN_lshift1(twoW.get(), wBn.get()))
        return makeError(ErrorCode::CryptoFailure, "OpenSSL failed during partial decryption");
    // c_i = c^(2Δ·s_i) mod n² (Damgård–Jurik 2001, section 4.1), computed below beside the proof's
    // commitments.
    // Proof (Shoup 2000, section 2.3): a = (c⁴)^r, b = v^r, e = H(…), z = r + e·Δ·s_i.
    const std::size_t rBits = maskBits(k, delta);
    {
        auto raw = rng.secureBytes((rBits + 7) / 8);
        raw[0] = static_cast<std::uint8_t>(raw[0] & (0xffu >> (8 * raw.size() - rBits))); // exactly rBits bits
        BN_bin2bn(raw.data(), static_cast<int>(raw.size()), rBn.get());
    }
    mpz_powm_ui(c4, cz, 4, k.n2);
    // The three exponentiations are independent: b on a second core (its own BN_CTX; the key's
    // Montgomery context is only read), c_i and a on this one.
    bool sideOk = false;
    bool mainOk = false;
    detail::alongside(
        [&] {
            detail::BnCtxPtr sideCtx(BN_CTX_secure_new());
            sideOk = sideCtx && powSecret(b, v, rBn.get(), k, sideCtx.get());
        },
        [&] { mainOk = powSecret(ci, cz, twoW.get(), k, ctx.get()) && powSecret(a, c4, rBn.get(), k, ctx.get()); });
    if (!sideOk || !mainOk)
        return makeError(ErrorCode::CryptoFailure, "OpenSSL failed during partial decryption");
    PartialDecryption out;
    out.index = share.index;
    out.challenge = challenge(k, share.index, context, cz, ci, v, vi, a, b);
    out.value = detail::toBytes(ci);
    auto eBn = detail::toBn([&] {
        detail::fromBytes(ez, out.challenge);
        return ez.get();
    }());
    detail::BnPtr zBn(BN_secure_new());
    if (!BN_mul(zBn.get(), eBn.get(), wBn.get(), ctx.get()) || !BN_add(zBn.get(), zBn.get(), rBn.get()))
        return makeError(ErrorCode::CryptoFailure, "OpenSSL failed during partial decryption");
    detail::fromBn(z, zBn.get());
    out.response = detail::toBytes(z);
    return out;
}

Status verifyPartial(const PublicKey& key, const ThresholdParameters& params, const Ciphertext& c,
                     const PartialDecryption& partial, std::span<const std::uint8_t> context)
{
    CC_TRY(checkParams(key, params));
    CC_TRY(checkBelongs(key, c));
    const std::string who = "custodian " + std::to_string(partial.index);
    if (partial.index == 0 || partial.index > params.parties)
        return malformed("partial decryption names an unknown " + who, {}, 0, "index");
    const auto& k = key.impl();
    Mpz delta, cz, ci, v, vi, e, z, c4, ci2, a, b, t;
    factorial(delta, params.parties);
    detail::fromLimbs(cz, c.limbs());
    detail::fromBytes(ci, partial.value);
    detail::fromBytes(v, params.verificationBase);
    detail::fromBytes(vi, params.verificationKeys[partial.index - 1]);
    detail::fromBytes(e, partial.challenge);
    detail::fromBytes(z, partial.response);
    if (!isUsefulUnit(ci, k) || partial.challenge.size() != CHALLENGE_BYTES ||
        mpz_sizeinbase(z, 2) > maskBits(k, delta) + 1)
        return makeError(ErrorCode::IntegrityFailure, "partial decryption of " + who + " is malformed");
    // a = (c⁴)^z·(c_i²)^−e and b = v^z·v_i^−e must hash back to e.
    // The two halves are independent (public values only): b on a second core, a on this one.
    bool aUnit = false;
    bool bUnit = false;
    detail::alongside(
        [&] {
            Mpz u;
            mpz_powm(b, v, z, k.n2);
            mpz_powm(u, vi, e, k.n2);
            bUnit = mpz_invert(u, u, k.n2) != 0;
            mpz_mul(b, b, u);
            mpz_mod(b, b, k.n2);
        },
        [&] {
            mpz_powm_ui(c4, cz, 4, k.n2);
            mpz_powm_ui(ci2, ci, 2, k.n2);
            mpz_powm(a, c4, z, k.n2);
            mpz_powm(t, ci2, e, k.n2);
            aUnit = mpz_invert(t, t, k.n2) != 0;
            mpz_mul(a, a, t);
            mpz_mod(a, a, k.n2);
        });
    if (!aUnit)
        return makeError(ErrorCode::IntegrityFailure, "partial decryption of " + who + " is malformed");
    if (!bUnit)
        return makeError(ErrorCode::IntegrityFailure, "verification key of " + who + " is malformed");
    const auto expected = challenge(k, partial.index, context, cz, ci, v, vi, a, b);
    if (!crypto::constantTimeEqual(expected, partial.challenge))
        return makeError(ErrorCode::IntegrityFailure,
                         "partial decryption of " + who + " failed its proof of correctness");
    return {};
}

Result<Plaintext> combinePartials(const PublicKey& key, const ThresholdParameters& params, const Ciphertext& c,
                                  std::span<const PartialDecryption> partials, std::span<const std::uint8_t> context,
                                  CombineOutcome* outcome)
{
    CC_TRY(checkParams(key, params));
    CC_TRY(checkBelongs(key, c));
    CombineOutcome local;
    CombineOutcome& out = outcome != nullptr ? *outcome : local;
    out = {};
    std::set<std::uint32_t> seen;
    std::set<std::vector<std::uint8_t>> squares; // c_i² of every accepted partial: −c_i verifies as c_i does
    std::vector<PartialDecryption> valid;
    Mpz sq;
    for (const auto& p : partials) {
        const std::string who = "custodian " + std::to_string(p.index);
        if (auto ok = verifyPartial(key, params, c, p, context); !ok) {
            out.rejected.emplace_back(p.index, who + ": " + ok.error().message);
            continue;
        }
        detail::fromBytes(sq, p.value);
        mpz_powm_ui(sq, sq, 2, key.impl().n2);
        if (seen.count(p.index) != 0 || !squares.insert(detail::toBytes(sq)).second) {
            out.rejected.emplace_back(p.index, who + ": a second partial decryption of the same custodian or value");
            continue;
        }
        seen.insert(p.index);
        if (valid.size() < params.threshold)
            valid.push_back(p);
    }
    if (valid.size() < params.threshold) {
        std::string message = "need " + std::to_string(params.threshold) + " valid partial decryptions, got " +
                              std::to_string(valid.size());
        for (const auto& [index, why] : out.rejected)
            message += "; rejected " + why;
        return makeError(ErrorCode::InvalidArgument, message);
    }
    for (const auto& p : valid)
        out.used.push_back(p.index);
    const auto& k = key.impl();
    const std::span<const PartialDecryption> used(valid);
    Mpz delta, acc, num, den, lambda, ci, t;
    factorial(delta, params.parties);
    mpz_set_ui(acc, 1);
    for (const auto& pi : used) {
        // λ_i = Δ·Π_{j≠i} j/(j − i): an integer because Δ = l! (Shoup 2000, section 3).
        mpz_set(num, delta);
        mpz_set_ui(den, 1);
        for (const auto& pj : used) {
            if (pj.index == pi.index)
                continue;
            mpz_mul_ui(num, num, pj.index);
            mpz_mul_si(den, den, static_cast<long>(pj.index) - static_cast<long>(pi.index));
        }
        if (mpz_divisible_p(num, den) == 0)
            return makeError(ErrorCode::Internal, "a Lagrange coefficient is not an integer");
        mpz_divexact(lambda, num, den);
        mpz_mul_2exp(lambda, lambda, 1);
        detail::fromBytes(ci, pi.value);
        if (mpz_sgn(lambda) < 0) {
            if (mpz_invert(ci, ci, k.n2) == 0)
                return makeError(ErrorCode::IntegrityFailure,
                                 "partial decryption of custodian " + std::to_string(pi.index) + " is not a unit");
            mpz_neg(lambda, lambda);
        }
        mpz_powm(t, ci, lambda, k.n2);
        mpz_mul(acc, acc, t);
        mpz_mod(acc, acc, k.n2);
    }
    // acc = c^(4Δ²d) = (1 + n)^(4Δ²·M): M = L(acc)·(4Δ²)⁻¹ mod n.
    mpz_sub_ui(acc, acc, 1);
    // A wrong parameter or share would leave a value not ≡ 1 mod n: an error, never a plausible number.
    if (mpz_divisible_p(acc, k.n) == 0)
        return makeError(ErrorCode::IntegrityFailure,
                         "the combined partial decryptions are not of the form 1 + k·n (wrong parameters or shares)");
    mpz_divexact(acc, acc, k.n);
    mpz_mul(t, delta, delta);
    mpz_mul_ui(t, t, 4);
    if (mpz_invert(t, t, k.n) == 0)
        return makeError(ErrorCode::Internal, "4Δ² is not invertible modulo n");
    mpz_mul(acc, acc, t);
    mpz_mod(acc, acc, k.n);
    return decodeResidue(key, detail::toBytes(acc));
}

} // namespace cc::paillier
