// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/Aead.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <climits>
#include <memory>

namespace cc::crypto {

namespace {

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX* p) const noexcept { EVP_CIPHER_CTX_free(p); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

// EVP update functions take int lengths: feed long inputs in pieces well below INT_MAX.
constexpr std::size_t kChunk = std::size_t{1} << 30;

using Header = std::array<std::uint8_t, Aead::kHeaderSize>;

Header makeHeader(std::uint32_t keyId) noexcept
{
    return {Aead::kVersion, static_cast<std::uint8_t>(keyId >> 24), static_cast<std::uint8_t>(keyId >> 16),
            static_cast<std::uint8_t>(keyId >> 8), static_cast<std::uint8_t>(keyId)};
}

bool feedAad(EVP_CIPHER_CTX* ctx, std::span<const std::uint8_t> aad, bool encrypt)
{
    for (std::size_t off = 0; off < aad.size(); off += kChunk) {
        const int len = static_cast<int>(std::min(kChunk, aad.size() - off));
        int outLen = 0;
        const int rc = encrypt ? EVP_EncryptUpdate(ctx, nullptr, &outLen, aad.data() + off, len)
                               : EVP_DecryptUpdate(ctx, nullptr, &outLen, aad.data() + off, len);
        if (rc != 1)
            return false;
    }
    return true;
}

bool feedData(EVP_CIPHER_CTX* ctx, std::span<const std::uint8_t> in, std::uint8_t* out, bool encrypt)
{
    // GCM is a stream mode: each update writes exactly as many bytes as it reads.
    for (std::size_t off = 0; off < in.size(); off += kChunk) {
        const int len = static_cast<int>(std::min(kChunk, in.size() - off));
        int outLen = 0;
        const int rc = encrypt ? EVP_EncryptUpdate(ctx, out + off, &outLen, in.data() + off, len)
                               : EVP_DecryptUpdate(ctx, out + off, &outLen, in.data() + off, len);
        if (rc != 1 || outLen != len)
            return false;
    }
    return true;
}

// Encrypts into `out` (plaintext.size() + tag bytes). The AAD is the concatenation of `aadParts`.
Status gcmEncrypt(std::span<const std::uint8_t> key, std::span<const std::uint8_t> nonce,
                  std::span<const std::uint8_t> plaintext, std::span<const std::span<const std::uint8_t>> aadParts,
                  std::uint8_t* out)
{
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()), nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), nonce.data()) != 1)
        return makeError(ErrorCode::CryptoFailure, "AES-256-GCM initialisation failed");
    for (const auto part : aadParts) {
        if (!feedAad(ctx.get(), part, true))
            return makeError(ErrorCode::CryptoFailure, "AES-256-GCM AAD processing failed");
    }
    if (!feedData(ctx.get(), plaintext, out, true))
        return makeError(ErrorCode::CryptoFailure, "AES-256-GCM encryption failed");
    int finalLen = 0;
    std::uint8_t* tag = out + plaintext.size();
    if (EVP_EncryptFinal_ex(ctx.get(), tag, &finalLen) != 1 || finalLen != 0 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(Aead::kTagSize), tag) != 1)
        return makeError(ErrorCode::CryptoFailure, "AES-256-GCM finalisation failed");
    return {};
}

// Decrypts ciphertext || tag. On any failure the partial plaintext is wiped and not returned:
// GCM releases plaintext before the tag is checked, so nothing may escape until EVP_DecryptFinal_ex.
Result<SecureBytes> gcmDecrypt(std::span<const std::uint8_t> key, std::span<const std::uint8_t> nonce,
                               std::span<const std::uint8_t> ciphertextAndTag,
                               std::span<const std::span<const std::uint8_t>> aadParts)
{
    if (ciphertextAndTag.size() < Aead::kTagSize)
        return malformed("ciphertext is shorter than its authentication tag");
    const auto ciphertext = ciphertextAndTag.first(ciphertextAndTag.size() - Aead::kTagSize);
    std::array<std::uint8_t, Aead::kTagSize> tag{};
    std::copy_n(ciphertextAndTag.end() - static_cast<std::ptrdiff_t>(Aead::kTagSize), Aead::kTagSize, tag.begin());

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()), nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), nonce.data()) != 1)
        return makeError(ErrorCode::CryptoFailure, "AES-256-GCM initialisation failed");
    for (const auto part : aadParts) {
        if (!feedAad(ctx.get(), part, false))
            return makeError(ErrorCode::CryptoFailure, "AES-256-GCM AAD processing failed");
    }
    SecureBytes plain(ciphertext.size());
    if (!feedData(ctx.get(), ciphertext, plain.data(), false)) {
        plain.clear();
        return makeError(ErrorCode::CryptoFailure, "AES-256-GCM decryption failed");
    }
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(tag.size()), tag.data()) != 1) {
        plain.clear();
        return makeError(ErrorCode::CryptoFailure, "AES-256-GCM tag setup failed");
    }
    std::uint8_t sink[16] = {};
    int finalLen = 0;
    // EVP_DecryptFinal_ex compares the tag in constant time (CRYPTO_memcmp).
    if (EVP_DecryptFinal_ex(ctx.get(), sink, &finalLen) != 1) {
        plain.clear();
        return makeError(ErrorCode::IntegrityFailure, "the data failed its integrity check (wrong key or tampered)");
    }
    return plain;
}

Status checkRawSizes(std::span<const std::uint8_t> key, std::span<const std::uint8_t> nonce)
{
    if (key.size() != Aead::kKeySize)
        return makeError(ErrorCode::InvalidArgument, "AES-256-GCM needs a 32-byte key");
    if (nonce.size() != Aead::kNonceSize)
        return makeError(ErrorCode::InvalidArgument, "AES-256-GCM needs a 12-byte nonce");
    return {};
}

} // namespace

Result<std::vector<std::uint8_t>> Aead::seal(const SecureBytes& key, std::uint32_t keyId,
                                             std::span<const std::uint8_t> plaintext, std::span<const std::uint8_t> aad,
                                             Rng& rng)
{
    if (key.size() != kKeySize)
        return makeError(ErrorCode::InvalidArgument, "AES-256-GCM needs a 32-byte key");
    const Header header = makeHeader(keyId);
    std::vector<std::uint8_t> blob(kOverhead + plaintext.size());
    std::copy(header.begin(), header.end(), blob.begin());
    const std::span<std::uint8_t> nonce(blob.data() + kHeaderSize, kNonceSize);
    rng.fill(nonce);
    const std::span<const std::uint8_t> parts[] = {header, aad};
    CC_TRY(gcmEncrypt(key.span(), nonce, plaintext, parts, blob.data() + kHeaderSize + kNonceSize));
    return blob;
}

Result<SecureBytes> Aead::open(const SecureBytes& key, std::uint32_t expectedKeyId, std::span<const std::uint8_t> blob,
                               std::span<const std::uint8_t> aad)
{
    auto keyId = keyIdOf(blob);
    if (!keyId)
        return std::move(keyId).error();
    if (*keyId != expectedKeyId)
        return makeError(ErrorCode::KeyMismatch, "the data is sealed under a different key");
    if (key.size() != kKeySize)
        return makeError(ErrorCode::InvalidArgument, "AES-256-GCM needs a 32-byte key");
    const auto header = blob.first(kHeaderSize);
    const auto nonce = blob.subspan(kHeaderSize, kNonceSize);
    const std::span<const std::uint8_t> parts[] = {header, aad};
    return gcmDecrypt(key.span(), nonce, blob.subspan(kHeaderSize + kNonceSize), parts);
}

Result<std::uint32_t> Aead::keyIdOf(std::span<const std::uint8_t> blob)
{
    if (blob.empty())
        return malformed("the encrypted data is empty");
    if (blob[0] != kVersion)
        return makeError(ErrorCode::Unsupported, "unknown encrypted data format version");
    if (blob.size() < kOverhead)
        return malformed("the encrypted data is truncated");
    return (std::uint32_t{blob[1]} << 24) | (std::uint32_t{blob[2]} << 16) | (std::uint32_t{blob[3]} << 8) |
           std::uint32_t{blob[4]};
}

Result<std::vector<std::uint8_t>> Aead::encryptRaw(std::span<const std::uint8_t> key,
                                                   std::span<const std::uint8_t> nonce,
                                                   std::span<const std::uint8_t> plaintext,
                                                   std::span<const std::uint8_t> aad)
{
    CC_TRY(checkRawSizes(key, nonce));
    std::vector<std::uint8_t> out(plaintext.size() + kTagSize);
    const std::span<const std::uint8_t> parts[] = {aad};
    CC_TRY(gcmEncrypt(key, nonce, plaintext, parts, out.data()));
    return out;
}

Result<SecureBytes> Aead::decryptRaw(std::span<const std::uint8_t> key, std::span<const std::uint8_t> nonce,
                                     std::span<const std::uint8_t> ciphertextAndTag, std::span<const std::uint8_t> aad)
{
    CC_TRY(checkRawSizes(key, nonce));
    const std::span<const std::uint8_t> parts[] = {aad};
    return gcmDecrypt(key, nonce, ciphertextAndTag, parts);
}

} // namespace cc::crypto
