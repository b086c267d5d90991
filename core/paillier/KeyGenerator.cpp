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

crypto::SecureBytes toSecure(const BIGNUM* b)
{
    crypto::SecureBytes out(static_cast<std::size_t>(BN_num_bytes(b)));
    BN_bn2bin(b, out.data());
    return out;
}

} // namespace

Result<PrivateKey> generateKeyPair(unsigned bits, const KeyGenProgressCallback& progress)
{
    if (bits != 2048 && bits != 3072)
        return makeError(ErrorCode::InvalidArgument, "Paillier keys are 3072 bits (or 2048 for tests)");
    CallbackState state{&progress, 0, false};
    std::unique_ptr<BN_GENCB, decltype(&BN_GENCB_free)> cb(BN_GENCB_new(), &BN_GENCB_free);
    BN_GENCB_set(cb.get(), &onProgress, &state);
    detail::BnCtxPtr ctx(BN_CTX_secure_new());
    for (int attempt = 0; attempt < 16; ++attempt) {
        detail::BnPtr p(BN_secure_new()), q(BN_secure_new()), n(BN_new()), diff(BN_secure_new());
        state.prime = 0;
        const int half = static_cast<int>(bits / 2);
        // safe = 1: p = 2p' + 1 with p' prime, as Shoup's threshold scheme and DESIGN.md section 6 need.
        if (!BN_generate_prime_ex2(p.get(), half, 1, nullptr, nullptr, cb.get(), ctx.get())) {
            if (state.cancelled)
                return makeError(ErrorCode::Cancelled, "key generation cancelled");
            return makeError(ErrorCode::CryptoFailure, "OpenSSL could not generate a safe prime");
        }
        state.prime = 1;
        if (!BN_generate_prime_ex2(q.get(), half, 1, nullptr, nullptr, cb.get(), ctx.get())) {
            if (state.cancelled)
                return makeError(ErrorCode::Cancelled, "key generation cancelled");
            return makeError(ErrorCode::CryptoFailure, "OpenSSL could not generate a safe prime");
        }
        BN_mul(n.get(), p.get(), q.get(), ctx.get());
        BN_sub(diff.get(), p.get(), q.get());
        // Exact length, and |p − q| ≥ 2^(|p| − 100) against Fermat factoring (also checked in fromPrimes).
        if (BN_num_bits(n.get()) != static_cast<int>(bits) || BN_num_bits(diff.get()) < half - 100)
            continue;
        return PrivateKey::fromPrimes(toSecure(p.get()), toSecure(q.get()));
    }
    return makeError(ErrorCode::CryptoFailure, "could not generate a Paillier key of the exact length");
}

} // namespace cc::paillier
