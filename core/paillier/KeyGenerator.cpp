// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/KeyGenerator.h"

#include "core/paillier/KeyImpl.h"

namespace cc::paillier {
namespace {

struct CallbackState
{
    const KeyGenProgressCallback* callback = nullptr;
    int prime = 0;
    bool cancelled = false;
};

int onProgress(int event, int count, BN_GENCB* cb)
{
    auto* state = static_cast<CallbackState*>(BN_GENCB_get_arg(cb));
    if (state->callback != nullptr && *state->callback &&
        !(*state->callback)(KeyGenProgress{state->prime, event, count})) {
        state->cancelled = true;
        return 0;
    }
    return 1;
}

Result<crypto::SecureBytes> toSecure(const BIGNUM* b)
{
    crypto::SecureBytes out(static_cast<std::size_t>(BN_num_bytes(b)));
    if (BN_bn2bin(b, out.data()) != static_cast<int>(out.size()))
        return makeError(ErrorCode::CryptoFailure, "OpenSSL could not export a prime");
    return out;
}

Error primeFailure(const CallbackState& state)
{
    if (state.cancelled)
        return makeError(ErrorCode::Cancelled, "key generation cancelled");
    return makeError(ErrorCode::CryptoFailure, "OpenSSL could not generate a safe prime");
}

} // namespace

Result<PrivateKey> generateKeyPair(unsigned bits, const KeyGenProgressCallback& progress)
{
    if (bits != 2048 && bits != 3072 && bits != 4096)
        return makeError(ErrorCode::InvalidArgument, "Paillier keys are 3072 or 4096 bits (or 2048 for tests)");
    CallbackState state{&progress, 0, false};
    std::unique_ptr<BN_GENCB, decltype(&BN_GENCB_free)> cb(BN_GENCB_new(), &BN_GENCB_free);
    detail::BnCtxPtr ctx(BN_CTX_secure_new());
    if (!cb || !ctx)
        return makeError(ErrorCode::CryptoFailure, "OpenSSL could not allocate key generation state");
    BN_GENCB_set(cb.get(), &onProgress, &state);
    for (int attempt = 0; attempt < 16; ++attempt) {
        detail::BnPtr p(BN_secure_new()), q(BN_secure_new()), n(BN_new()), diff(BN_secure_new());
        if (!p || !q || !n || !diff)
            return makeError(ErrorCode::CryptoFailure, "OpenSSL could not allocate key generation state");
        for (BIGNUM* b : {p.get(), q.get(), diff.get()})
            BN_set_flags(b, BN_FLG_CONSTTIME);
        state.prime = 0;
        const int half = static_cast<int>(bits / 2);
        // safe = 1: p = 2p' + 1 with p' prime, as Shoup's threshold scheme and DESIGN.md section 6 need.
        if (BN_generate_prime_ex2(p.get(), half, 1, nullptr, nullptr, cb.get(), ctx.get()) != 1)
            return primeFailure(state);
        state.prime = 1;
        if (BN_generate_prime_ex2(q.get(), half, 1, nullptr, nullptr, cb.get(), ctx.get()) != 1)
            return primeFailure(state);
        if (BN_mul(n.get(), p.get(), q.get(), ctx.get()) != 1 || BN_sub(diff.get(), p.get(), q.get()) != 1)
            return makeError(ErrorCode::CryptoFailure, "OpenSSL failed while multiplying the primes");
        // Exact length, and |p − q| ≥ 2^(|p| − 100) against Fermat factoring (also checked in fromPrimes).
        if (BN_num_bits(n.get()) != static_cast<int>(bits) || BN_num_bits(diff.get()) < half - 100)
            continue;
        auto ps = toSecure(p.get());
        auto qs = toSecure(q.get());
        if (!ps)
            return std::move(ps).error();
        if (!qs)
            return std::move(qs).error();
        return PrivateKey::fromPrimes(*ps, *qs);
    }
    return makeError(ErrorCode::CryptoFailure, "could not generate a Paillier key of the exact length");
}

} // namespace cc::paillier
