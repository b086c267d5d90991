// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/Shamir.h"

// libgfshare.h has no extern "C" guard of its own.
extern "C" {
#include <libgfshare.h>
}

#include <array>
#include <climits>
#include <memory>
#include <mutex>

namespace cc::crypto {

namespace {

// libgfshare draws coefficients through one process-wide function pointer, gfshare_fill_rand, which is
// NULL in Debian's build and random()-based if one takes the library's suggestion. Neither is acceptable
// for key material, so every call into libgfshare holds this mutex, points the filler at the caller's Rng
// for the duration, and restores the previous filler afterwards. gfshare_ctx_free also calls the filler
// (to scrub its buffers), so the context is freed while the Rng is still installed.
std::mutex& gfshareMutex()
{
    static std::mutex m;
    return m;
}

Rng* g_currentRng = nullptr; // guarded by gfshareMutex()

void fillFromCurrentRng(unsigned char* buffer, unsigned int count)
{
    g_currentRng->fill({buffer, count});
}

class GfshareScope
{
public:
    explicit GfshareScope(Rng& rng) : m_lock(gfshareMutex()), m_previous(gfshare_fill_rand)
    {
        g_currentRng = &rng;
        gfshare_fill_rand = &fillFromCurrentRng;
    }
    ~GfshareScope()
    {
        gfshare_fill_rand = m_previous;
        g_currentRng = nullptr;
    }
    GfshareScope(const GfshareScope&) = delete;
    GfshareScope& operator=(const GfshareScope&) = delete;

private:
    std::lock_guard<std::mutex> m_lock;
    gfshare_rand_func_t m_previous;
};

struct CtxDeleter
{
    void operator()(gfshare_ctx* ctx) const noexcept { gfshare_ctx_free(ctx); }
};
using Ctx = std::unique_ptr<gfshare_ctx, CtxDeleter>;

Status checkThreshold(unsigned threshold)
{
    if (threshold < 2 || threshold > 255)
        return makeError(ErrorCode::InvalidArgument, "the share threshold must be between 2 and 255");
    return {};
}

// Lagrange interpolation at x = 0 over the given shares. Caller holds a GfshareScope.
Result<SecureBytes> interpolate(const std::vector<const ShamirShare*>& shares)
{
    const std::size_t size = shares.front()->data.size();
    std::array<unsigned char, 255> indexes{};
    for (std::size_t i = 0; i < shares.size(); ++i)
        indexes[i] = shares[i]->index;
    Ctx ctx(gfshare_ctx_init_dec(indexes.data(), static_cast<unsigned>(shares.size()), static_cast<unsigned>(size)));
    if (!ctx)
        return makeError(ErrorCode::CryptoFailure, "libgfshare could not start recombination");
    for (std::size_t i = 0; i < shares.size(); ++i)
        gfshare_ctx_dec_giveshare(ctx.get(), static_cast<unsigned char>(i),
                                  const_cast<unsigned char*>(shares[i]->data.data()));
    SecureBytes secret(size);
    gfshare_ctx_dec_extract(ctx.get(), secret.data());
    return secret;
}

} // namespace

Result<std::vector<ShamirShare>> shamirSplit(const SecureBytes& secret, unsigned threshold, unsigned count, Rng& rng)
{
    CC_TRY(checkThreshold(threshold));
    if (count < threshold || count > 255)
        return makeError(ErrorCode::InvalidArgument, "the share count must be between the threshold and 255");
    if (secret.empty() || secret.size() > UINT_MAX / 255)
        return makeError(ErrorCode::InvalidArgument, "the secret to share is empty or too large");

    std::array<unsigned char, 255> indexes{};
    for (unsigned i = 0; i < count; ++i)
        indexes[i] = static_cast<unsigned char>(i + 1);

    std::vector<ShamirShare> shares;
    shares.reserve(count);
    GfshareScope scope(rng);
    Ctx ctx(gfshare_ctx_init_enc(indexes.data(), count, static_cast<unsigned char>(threshold),
                                 static_cast<unsigned>(secret.size())));
    if (!ctx)
        return makeError(ErrorCode::CryptoFailure, "libgfshare could not start splitting");
    // setsecret copies the secret into the context and draws the k-1 other coefficients per byte.
    SecureBytes copy = secret.clone();
    gfshare_ctx_enc_setsecret(ctx.get(), copy.data());
    for (unsigned i = 0; i < count; ++i) {
        ShamirShare share{static_cast<std::uint8_t>(i + 1), SecureBytes(secret.size())};
        gfshare_ctx_enc_getshare(ctx.get(), static_cast<unsigned char>(i), share.data.data());
        shares.push_back(std::move(share));
    }
    return shares;
}

Result<SecureBytes> shamirCombine(const std::vector<ShamirShare>& shares, unsigned threshold)
{
    CC_TRY(checkThreshold(threshold));
    if (shares.size() < threshold)
        return makeError(ErrorCode::InvalidArgument, "not enough shares to rebuild the secret");
    if (shares.size() > 255)
        return malformed("more than 255 shares");
    std::array<bool, 256> seen{};
    const std::size_t size = shares.front().data.size();
    for (const auto& s : shares) {
        if (s.index == 0)
            return malformed("a share has index 0");
        if (seen[s.index])
            return malformed("two shares have the same index");
        seen[s.index] = true;
        if (s.data.empty() || s.data.size() != size)
            return malformed("the shares have different lengths");
    }

    std::vector<const ShamirShare*> chosen;
    for (unsigned i = 0; i < threshold; ++i)
        chosen.push_back(&shares[i]);

    GfshareScope scope(SystemRng::instance()); // only used by libgfshare to scrub its buffers
    auto secret = interpolate(chosen);
    if (!secret)
        return secret;
    // Extra shares: rebuilding with the last chosen share swapped for each extra one must give the same
    // secret, otherwise some share is corrupt (this cannot tell which).
    for (std::size_t extra = threshold; extra < shares.size(); ++extra) {
        chosen.back() = &shares[extra];
        auto other = interpolate(chosen);
        if (!other)
            return other;
        if (!(*other == *secret))
            return makeError(ErrorCode::IntegrityFailure, "the shares do not belong to the same secret");
    }
    return secret;
}

} // namespace cc::crypto
