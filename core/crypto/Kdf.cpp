// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/Kdf.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <utility>

namespace cc::crypto {

namespace {

struct MacDeleter
{
    void operator()(EVP_MAC* p) const noexcept { EVP_MAC_free(p); }
    void operator()(EVP_MAC_CTX* p) const noexcept { EVP_MAC_CTX_free(p); }
    void operator()(EVP_KDF* p) const noexcept { EVP_KDF_free(p); }
    void operator()(EVP_KDF_CTX* p) const noexcept { EVP_KDF_CTX_free(p); }
};

char kSha256Name[] = "SHA256";

// OpenSSL's octet-string parameters take `void*`; the data is only read.
void* mutableBytes(std::span<const std::uint8_t> s) noexcept
{
    return const_cast<std::uint8_t*>(s.data());
}

// SHA-256 fetched from the default provider once (EVP_sha256() would be looked up on every call).
struct MdContextDeleter
{
    void operator()(EVP_MD_CTX* p) const noexcept { EVP_MD_CTX_free(p); }
};

const EVP_MD* sha256Md()
{
    static EVP_MD* const fetched = EVP_MD_fetch(nullptr, kSha256Name, nullptr);
    return fetched != nullptr ? fetched : EVP_sha256();
}

} // namespace

Digest256 sha256(std::span<const std::uint8_t> data)
{
    Digest256 out{};
    unsigned int len = 0;
    static const std::uint8_t empty = 0;
    const void* in = data.empty() ? &empty : data.data();
    // One context per thread, reinitialised for each digest: EVP_Digest would allocate and free
    // one per call (the index seal hashes every row of a report's pass: tests/bench/reports).
    thread_local const std::unique_ptr<EVP_MD_CTX, MdContextDeleter> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestInit_ex2(ctx.get(), sha256Md(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), in, data.size()) != 1 || EVP_DigestFinal_ex(ctx.get(), out.data(), &len) != 1 ||
        len != out.size()) {
        std::fputs("cipherchart: fatal: SHA-256 failed\n", stderr);
        std::abort();
    }
    return out;
}

Result<Digest256> hmacSha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data)
{
    auto prepared = HmacSha256::create(key);
    CC_TRY(prepared);
    return prepared->mac(data);
}

Result<HmacSha256> HmacSha256::create(std::span<const std::uint8_t> key)
{
    std::unique_ptr<EVP_MAC, MacDeleter> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    if (!mac)
        return makeError(ErrorCode::CryptoFailure, "HMAC is not available in OpenSSL");
    std::unique_ptr<EVP_MAC_CTX, MacDeleter> ctx(EVP_MAC_CTX_new(mac.get()));
    if (!ctx)
        return makeError(ErrorCode::CryptoFailure, "cannot create an HMAC context");
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, kSha256Name, 0),
                           OSSL_PARAM_construct_end()};
    // EVP_MAC_init treats a null key as "no key given"; an empty HMAC key is legal (RFC 2104 pads
    // it with zeros), so pass a valid pointer with length 0.
    static const std::uint8_t emptyKey = 0;
    if (EVP_MAC_init(ctx.get(), key.empty() ? &emptyKey : key.data(), key.size(), params) != 1)
        return makeError(ErrorCode::CryptoFailure, "HMAC initialisation failed");
    return HmacSha256(ctx.release());
}

HmacSha256::HmacSha256(HmacSha256&& other) noexcept : m_ctx(std::exchange(other.m_ctx, nullptr)) {}

HmacSha256& HmacSha256::operator=(HmacSha256&& other) noexcept
{
    if (this != &other) {
        EVP_MAC_CTX_free(m_ctx);
        m_ctx = std::exchange(other.m_ctx, nullptr);
    }
    return *this;
}

HmacSha256::~HmacSha256()
{
    EVP_MAC_CTX_free(m_ctx);
}

Result<Digest256> HmacSha256::mac(std::span<const std::uint8_t> data) const
{
    if (m_ctx == nullptr)
        return makeError(ErrorCode::CryptoFailure, "HMAC context was moved away");
    std::unique_ptr<EVP_MAC_CTX, MacDeleter> ctx(EVP_MAC_CTX_dup(m_ctx));
    if (!ctx)
        return makeError(ErrorCode::CryptoFailure, "cannot copy an HMAC context");
    if (!data.empty() && EVP_MAC_update(ctx.get(), data.data(), data.size()) != 1)
        return makeError(ErrorCode::CryptoFailure, "HMAC update failed");
    Digest256 out{};
    std::size_t outLen = 0;
    if (EVP_MAC_final(ctx.get(), out.data(), &outLen, out.size()) != 1 || outLen != out.size())
        return makeError(ErrorCode::CryptoFailure, "HMAC finalisation failed");
    return out;
}

Result<SecureBytes> hkdfSha256(std::span<const std::uint8_t> ikm, std::span<const std::uint8_t> salt,
                               std::span<const std::uint8_t> info, std::size_t length)
{
    // RFC 5869 section 2.3: L <= 255*HashLen.
    if (length == 0 || length > 255 * kSha256Size)
        return makeError(ErrorCode::InvalidArgument, "HKDF output length must be between 1 and 8160 bytes");
    if (ikm.empty())
        return makeError(ErrorCode::InvalidArgument, "HKDF input key material is empty");

    std::unique_ptr<EVP_KDF, MacDeleter> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
    if (!kdf)
        return makeError(ErrorCode::CryptoFailure, "HKDF is not available in OpenSSL");
    std::unique_ptr<EVP_KDF_CTX, MacDeleter> ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx)
        return makeError(ErrorCode::CryptoFailure, "cannot create an HKDF context");

    // Empty salt and info are left out: OpenSSL then uses HashLen zero bytes as the salt and an
    // empty info, which is exactly RFC 5869's default (section 2.2).
    OSSL_PARAM params[5];
    std::size_t n = 0;
    params[n++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, kSha256Name, 0);
    params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, mutableBytes(ikm), ikm.size());
    if (!salt.empty())
        params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, mutableBytes(salt), salt.size());
    if (!info.empty())
        params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, mutableBytes(info), info.size());
    params[n] = OSSL_PARAM_construct_end();

    SecureBytes out(length);
    if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1) {
        out.clear();
        return makeError(ErrorCode::CryptoFailure, "HKDF derivation failed");
    }
    return out;
}

} // namespace cc::crypto
