// SPDX-License-Identifier: GPL-3.0-or-later
// AES-256-GCM sealed blobs (NIST SP 800-38D) with a version and key id header (DESIGN.md section 5).
#pragma once

#include "core/Result.h"
#include "core/crypto/Rng.h"
#include "core/crypto/SecureBytes.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cc::crypto {

/// AES-256-GCM via OpenSSL EVP, 96-bit random nonce, 128-bit tag.
/// Blob layout: [1 byte format version = 1][4 bytes key id, big-endian][12 bytes nonce][ciphertext][16 bytes tag].
/// The 5-byte header is authenticated too (it is prepended to the caller's AAD inside seal/open).
/// Random 96-bit nonces keep the collision probability below 2^-32 for up to 2^32 messages per key
/// (SP 800-38D section 8.3); keys are per patient and per category, far below that bound.
class Aead
{
public:
    static constexpr std::uint8_t kVersion = 1;
    static constexpr std::size_t kKeySize = 32, kNonceSize = 12, kTagSize = 16, kHeaderSize = 5;
    static constexpr std::size_t kOverhead = kHeaderSize + kNonceSize + kTagSize;

    /// Seals plaintext under a 32-byte key. Errors: InvalidArgument (key size), CryptoFailure.
    [[nodiscard]] static Result<std::vector<std::uint8_t>> seal(const SecureBytes& key, std::uint32_t keyId,
                                                                std::span<const std::uint8_t> plaintext,
                                                                std::span<const std::uint8_t> aad, Rng& rng);

    /// Opens a blob. Errors: MalformedInput (too short), Unsupported (unknown version), KeyMismatch (key id
    /// differs from expectedKeyId), InvalidArgument (key size), IntegrityFailure (tag). On failure no
    /// plaintext is returned and any buffer is wiped.
    [[nodiscard]] static Result<SecureBytes> open(const SecureBytes& key, std::uint32_t expectedKeyId,
                                                  std::span<const std::uint8_t> blob,
                                                  std::span<const std::uint8_t> aad);

    /// Reads the key id from a blob header without decrypting. Errors: MalformedInput, Unsupported.
    [[nodiscard]] static Result<std::uint32_t> keyIdOf(std::span<const std::uint8_t> blob);

    /// Raw AES-256-GCM for known-answer tests (NIST SP 800-38D): ciphertext || tag. The nonce must
    /// be 12 bytes. Errors: InvalidArgument (key or nonce size), CryptoFailure.
    [[nodiscard]] static Result<std::vector<std::uint8_t>> encryptRaw(std::span<const std::uint8_t> key,
                                                                      std::span<const std::uint8_t> nonce,
                                                                      std::span<const std::uint8_t> plaintext,
                                                                      std::span<const std::uint8_t> aad);

    /// Raw AES-256-GCM decryption of ciphertext || tag. Errors: InvalidArgument (key or nonce size),
    /// MalformedInput (shorter than a tag), IntegrityFailure (tag), CryptoFailure.
    [[nodiscard]] static Result<SecureBytes> decryptRaw(std::span<const std::uint8_t> key,
                                                        std::span<const std::uint8_t> nonce,
                                                        std::span<const std::uint8_t> ciphertextAndTag,
                                                        std::span<const std::uint8_t> aad);
};

} // namespace cc::crypto
