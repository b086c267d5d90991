// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/KeyImpl.h"

#include <initializer_list>

namespace cc::paillier {
namespace {

using detail::BnPtr;

// Every BIGNUM that holds a secret is marked BN_FLG_CONSTTIME. A failed allocation gives nullptr,
// which every caller checks (through allocated()).
BnPtr secureBn()
{
    BnPtr b(BN_secure_new());
    if (b)
        BN_set_flags(b.get(), BN_FLG_CONSTTIME);
    return b;
}

BnPtr bnFromBytes(const crypto::SecureBytes& bytes)
{
    BnPtr b = secureBn();
    if (b && BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), b.get()) == nullptr)
        return nullptr;
    return b;
}

bool allocated(std::initializer_list<const BnPtr*> values)
{
    for (const BnPtr* v : values)
        if (!*v)
            return false;
    return true;
}

crypto::SecureBytes bnToSecure(const BIGNUM* b)
{
    // BN_bn2bin of a valid BIGNUM into a buffer of BN_num_bytes cannot fail; an empty result says it did.
    crypto::SecureBytes out(static_cast<std::size_t>(BN_num_bytes(b)));
    if (BN_bn2bin(b, out.data()) != static_cast<int>(out.size()))
        return crypto::SecureBytes{};
    return out;
}

// h_p = L_p(g^(p−1) mod p²)⁻¹ mod p with g = n + 1 (Paillier 1999, section 7, decryption with CRT).
bool crtConstant(BIGNUM* out, const BIGNUM* p, const BIGNUM* p2, const BIGNUM* pm1, const BIGNUM* n, BN_CTX* ctx)
{
    BnPtr g = secureBn(), t = secureBn();
    return g && t && BN_add(g.get(), n, BN_value_one()) && BN_mod_exp(t.get(), g.get(), pm1, p2, ctx) &&
           BN_sub_word(t.get(), 1) && BN_div(t.get(), nullptr, t.get(), p, ctx) &&
           BN_mod_inverse(out, t.get(), p, ctx) != nullptr;
}

} // namespace

PrivateKey::PrivateKey(PublicKey pub, std::unique_ptr<Impl> impl) : m_public(std::move(pub)), m_impl(std::move(impl)) {}
PrivateKey::PrivateKey(PrivateKey&&) noexcept = default;
PrivateKey& PrivateKey::operator=(PrivateKey&&) noexcept = default;
PrivateKey::~PrivateKey() = default;

Result<PrivateKey> PrivateKey::fromPrimes(const crypto::SecureBytes& pBytes, const crypto::SecureBytes& qBytes)
{
    auto impl = std::make_unique<Impl>();
    impl->p = bnFromBytes(pBytes);
    impl->q = bnFromBytes(qBytes);
    detail::BnCtxPtr ctx(BN_CTX_secure_new());
    BnPtr diff = secureBn(), n = secureBn();
    if (!ctx || !allocated({&impl->p, &impl->q, &diff, &n}))
        return makeError(ErrorCode::CryptoFailure, "OpenSSL could not allocate the key's numbers");
    const BIGNUM* p = impl->p.get();
    const BIGNUM* q = impl->q.get();
    const int bits = BN_num_bits(p);
    if (bits < 512 || BN_num_bits(q) != bits)
        return malformed("Paillier primes must have equal length of at least 512 bits", {}, 0, "p");
    // The primes must be exactly half of the key: n = p·q of exactly 2·|p| bits (a 2048-bit key needs
    // two 1024-bit primes; shorter ones would make n shorter than the size it claims).
    if (BN_mul(n.get(), p, q, ctx.get()) != 1)
        return makeError(ErrorCode::CryptoFailure, "OpenSSL failed while multiplying the primes");
    if (BN_num_bits(n.get()) != 2 * bits)
        return malformed("Paillier primes are too small for the key: n = p·q must have exactly twice their length", {},
                         0, "p");
    const int pPrime = BN_check_prime(p, ctx.get(), nullptr);
    const int qPrime = BN_check_prime(q, ctx.get(), nullptr);
    if (pPrime < 0 || qPrime < 0)
        return makeError(ErrorCode::CryptoFailure, "OpenSSL failed while testing the primes");
    if (pPrime != 1 || qPrime != 1)
        return malformed("Paillier key factor is not prime", {}, 0, pPrime != 1 ? "p" : "q");
    if (BN_sub(diff.get(), p, q) != 1)
        return makeError(ErrorCode::CryptoFailure, "OpenSSL failed while comparing the primes");
    BN_set_negative(diff.get(), 0);
    // A small |p − q| lets Fermat's method factor n; require the top 100 bits to differ somewhere.
    if (BN_num_bits(diff.get()) < bits - 100)
        return malformed("Paillier primes are too close to each other", {}, 0, "q");

    impl->p2 = secureBn();
    impl->q2 = secureBn();
    impl->pMinus1 = secureBn();
    impl->qMinus1 = secureBn();
    impl->hp = secureBn();
    impl->hq = secureBn();
    impl->qInvP = secureBn();
    if (!allocated({&impl->p2, &impl->q2, &impl->pMinus1, &impl->qMinus1, &impl->hp, &impl->hq, &impl->qInvP}))
        return makeError(ErrorCode::CryptoFailure, "OpenSSL could not allocate the key's numbers");
    bool ok = BN_sqr(impl->p2.get(), p, ctx.get()) && BN_sqr(impl->q2.get(), q, ctx.get()) &&
              BN_copy(impl->pMinus1.get(), p) && BN_sub_word(impl->pMinus1.get(), 1) &&
              BN_copy(impl->qMinus1.get(), q) && BN_sub_word(impl->qMinus1.get(), 1) &&
              crtConstant(impl->hp.get(), p, impl->p2.get(), impl->pMinus1.get(), n.get(), ctx.get()) &&
              crtConstant(impl->hq.get(), q, impl->q2.get(), impl->qMinus1.get(), n.get(), ctx.get()) &&
              BN_mod_inverse(impl->qInvP.get(), q, p, ctx.get()) != nullptr;
    if (!ok)
        return malformed("Paillier key factors are inconsistent", {}, 0, "p");
    impl->montP2.reset(BN_MONT_CTX_new());
    impl->montQ2.reset(BN_MONT_CTX_new());
    if (!impl->montP2 || !impl->montQ2 || !BN_MONT_CTX_set(impl->montP2.get(), impl->p2.get(), ctx.get()) ||
        !BN_MONT_CTX_set(impl->montQ2.get(), impl->q2.get(), ctx.get()))
        return makeError(ErrorCode::CryptoFailure, "OpenSSL could not set up Montgomery contexts");

    std::vector<std::uint8_t> nBytes(static_cast<std::size_t>(BN_num_bytes(n.get())));
    if (BN_bn2bin(n.get(), nBytes.data()) != static_cast<int>(nBytes.size()))
        return makeError(ErrorCode::CryptoFailure, "OpenSSL could not export the modulus");
    auto pub = PublicKey::fromModulus(nBytes);
    if (!pub.ok())
        return std::move(pub).error();
    return PrivateKey(std::move(pub).value(), std::move(impl));
}

crypto::SecureBytes PrivateKey::primeP() const
{
    return bnToSecure(m_impl->p.get());
}

crypto::SecureBytes PrivateKey::primeQ() const
{
    return bnToSecure(m_impl->q.get());
}

} // namespace cc::paillier
