// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/Ed25519PrivateKey.h"

#include <openssl/evp.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace cc::crypto {

namespace {

struct EvpDeleter
{
    void operator()(EVP_PKEY* p) const noexcept { EVP_PKEY_free(p); }
    void operator()(EVP_MD_CTX* p) const noexcept { EVP_MD_CTX_free(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, EvpDeleter>;

// OpenSSL copies the seed into its own key object and clears it when the object is freed.
PKey keyFromSeed(std::span<const std::uint8_t> seed)
{
    return PKey(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()));
}

[[noreturn]] void fatal(const char* what)
{
    std::fprintf(stderr, "cipherchart: fatal: %s\n", what);
    std::abort();
}

} // namespace

Ed25519PrivateKey Ed25519PrivateKey::generate(Rng& rng)
{
    SecureBytes seed = rng.secureBytes(kEd25519SeedSize);
    auto key = fromSeed(seed.span());
    if (!key)
        fatal("Ed25519 key generation failed");
    return std::move(key).value();
}

Result<Ed25519PrivateKey> Ed25519PrivateKey::fromSeed(std::span<const std::uint8_t> seed)
{
    if (seed.size() != kEd25519SeedSize)
        return makeError(ErrorCode::InvalidArgument, "an Ed25519 seed must be 32 bytes");
    const PKey key = keyFromSeed(seed);
    std::array<std::uint8_t, kEd25519PublicKeySize> pub{};
    std::size_t len = pub.size();
    if (!key || EVP_PKEY_get_raw_public_key(key.get(), pub.data(), &len) != 1 || len != pub.size())
        return makeError(ErrorCode::CryptoFailure, "cannot derive the Ed25519 public key");
    return Ed25519PrivateKey(SecureBytes(seed), pub);
}

Ed25519Signature Ed25519PrivateKey::sign(std::span<const std::uint8_t> msg) const
{
    if (m_seed.size() != kEd25519SeedSize)
        fatal("signing with an empty Ed25519 key");
    const PKey key = keyFromSeed(m_seed.span());
    std::unique_ptr<EVP_MD_CTX, EvpDeleter> ctx(EVP_MD_CTX_new());
    Ed25519Signature sig{};
    std::size_t len = sig.size();
    static const std::uint8_t empty = 0;
    const std::uint8_t* m = msg.empty() ? &empty : msg.data();
    // Ed25519 hashes internally (SHA-512, RFC 8032 section 5.1.6): EVP_DigestSign takes a NULL md.
    if (!key || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), sig.data(), &len, m, msg.size()) != 1 || len != sig.size())
        fatal("Ed25519 signing failed");
    return sig;
}

} // namespace cc::crypto
