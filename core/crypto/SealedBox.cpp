// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/SealedBox.h"

#include "core/crypto/SodiumInit.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace cc::crypto {

static_assert(kBoxPublicKeySize == crypto_box_PUBLICKEYBYTES);
static_assert(kBoxSecretKeySize == crypto_box_SECRETKEYBYTES);
static_assert(kSealedBoxOverhead == crypto_box_SEALBYTES);

BoxKeyPair BoxKeyPair::generate(Rng& rng)
{
    BoxKeyPair pair;
    pair.secretKey = SecureBytes(kBoxSecretKeySize);
    const SecureBytes seed = rng.secureBytes(crypto_box_SEEDBYTES);
    if (!detail::ensureSodium() ||
        crypto_box_seed_keypair(pair.publicKey.data(), pair.secretKey.data(), seed.data()) != 0) {
        std::fputs("cipherchart: fatal: X25519 key generation failed\n", stderr);
        std::abort();
    }
    return pair;
}

Result<BoxKeyPair> BoxKeyPair::fromSecretKey(std::span<const std::uint8_t> secretKey)
{
    if (secretKey.size() != kBoxSecretKeySize)
        return makeError(ErrorCode::InvalidArgument, "an X25519 secret key must be 32 bytes");
    if (!detail::ensureSodium())
        return makeError(ErrorCode::CryptoFailure, "libsodium could not initialise");
    BoxKeyPair pair;
    pair.secretKey = SecureBytes(secretKey);
    if (crypto_scalarmult_base(pair.publicKey.data(), pair.secretKey.data()) != 0)
        return makeError(ErrorCode::CryptoFailure, "cannot derive the X25519 public key");
    return pair;
}

Result<std::vector<std::uint8_t>> sealTo(std::span<const std::uint8_t> publicKey,
                                         std::span<const std::uint8_t> plaintext)
{
    if (publicKey.size() != kBoxPublicKeySize)
        return makeError(ErrorCode::InvalidArgument, "an X25519 public key must be 32 bytes");
    if (!detail::ensureSodium())
        return makeError(ErrorCode::CryptoFailure, "libsodium could not initialise");
    std::vector<std::uint8_t> out(plaintext.size() + kSealedBoxOverhead);
    static const std::uint8_t empty = 0;
    const std::uint8_t* in = plaintext.empty() ? &empty : plaintext.data();
    // crypto_box_seal fails for a public key that is a low-order point (the shared secret would be zero).
    if (crypto_box_seal(out.data(), in, plaintext.size(), publicKey.data()) != 0)
        return makeError(ErrorCode::CryptoFailure, "sealing to the public key failed");
    return out;
}

Result<SecureBytes> openSealed(const BoxKeyPair& keyPair, std::span<const std::uint8_t> ciphertext)
{
    if (ciphertext.size() < kSealedBoxOverhead)
        return malformed("the sealed box is truncated");
    if (keyPair.secretKey.size() != kBoxSecretKeySize)
        return makeError(ErrorCode::InvalidArgument, "an X25519 secret key must be 32 bytes");
    if (!detail::ensureSodium())
        return makeError(ErrorCode::CryptoFailure, "libsodium could not initialise");
    SecureBytes plain(ciphertext.size() - kSealedBoxOverhead);
    std::uint8_t sink = 0;
    std::uint8_t* out = plain.empty() ? &sink : plain.data();
    if (crypto_box_seal_open(out, ciphertext.data(), ciphertext.size(), keyPair.publicKey.data(),
                             keyPair.secretKey.data()) != 0) {
        plain.clear();
        return makeError(ErrorCode::IntegrityFailure, "the sealed box does not open with this key (or was altered)");
    }
    return plain;
}

} // namespace cc::crypto
