// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/Ed25519PublicKey.h"

#include <openssl/evp.h>

#include <algorithm>
#include <memory>

namespace cc::crypto {

namespace {

struct EvpDeleter
{
    void operator()(EVP_PKEY* p) const noexcept { EVP_PKEY_free(p); }
    void operator()(EVP_MD_CTX* p) const noexcept { EVP_MD_CTX_free(p); }
};

} // namespace

Result<Ed25519PublicKey> Ed25519PublicKey::fromBytes(std::span<const std::uint8_t> bytes)
{
    if (bytes.size() != kEd25519PublicKeySize)
        return malformed("an Ed25519 public key must be 32 bytes");
    std::array<std::uint8_t, kEd25519PublicKeySize> a{};
    std::copy(bytes.begin(), bytes.end(), a.begin());
    return Ed25519PublicKey(a);
}

Status Ed25519PublicKey::verify(std::span<const std::uint8_t> msg, std::span<const std::uint8_t> sig) const
{
    if (sig.size() != kEd25519SignatureSize)
        return malformed("an Ed25519 signature must be 64 bytes");
    std::unique_ptr<EVP_PKEY, EvpDeleter> key(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, m_bytes.data(), m_bytes.size()));
    std::unique_ptr<EVP_MD_CTX, EvpDeleter> ctx(EVP_MD_CTX_new());
    if (!key || !ctx)
        return makeError(ErrorCode::CryptoFailure, "cannot set up Ed25519 verification");
    // Ed25519 is used without a separate digest: EVP_DigestVerify with a NULL md (one-shot only).
    if (EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1)
        return makeError(ErrorCode::CryptoFailure, "cannot set up Ed25519 verification");
    static const std::uint8_t empty = 0;
    const std::uint8_t* m = msg.empty() ? &empty : msg.data();
    if (EVP_DigestVerify(ctx.get(), sig.data(), sig.size(), m, msg.size()) != 1)
        return makeError(ErrorCode::IntegrityFailure, "the signature does not verify");
    return {};
}

} // namespace cc::crypto
