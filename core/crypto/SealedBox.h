// SPDX-License-Identifier: GPL-3.0-or-later
// Anonymous public-key encryption to an X25519 key (libsodium sealed boxes), e.g. key shares to a custodian.
#pragma once

#include "core/Result.h"
#include "core/crypto/Rng.h"
#include "core/crypto/SecureBytes.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cc::crypto {

inline constexpr std::size_t kBoxPublicKeySize = 32;
inline constexpr std::size_t kBoxSecretKeySize = 32;
/// Bytes a sealed box adds to its plaintext: ephemeral public key (32) and Poly1305 tag (16).
inline constexpr std::size_t kSealedBoxOverhead = 48;

/// An X25519 key pair for sealed boxes. The secret key lives in wiped memory; the struct is move-only.
struct BoxKeyPair
{
    std::array<std::uint8_t, kBoxPublicKeySize> publicKey{};
    SecureBytes secretKey;

    /// A new key pair from a 32-byte seed drawn from `rng` (crypto_box_seed_keypair), so tests can fix it.
    /// A libsodium failure terminates the process.
    [[nodiscard]] static BoxKeyPair generate(Rng& rng);

    /// Rebuilds the pair from a stored 32-byte secret key (public key = X25519 base-point multiple).
    /// Errors: InvalidArgument (wrong length), CryptoFailure.
    [[nodiscard]] static Result<BoxKeyPair> fromSecretKey(std::span<const std::uint8_t> secretKey);
};

/// Encrypts `plaintext` to `publicKey` (crypto_box_seal: X25519 + XSalsa20-Poly1305). Only the holder of the
/// secret key can open it; the sender is anonymous. Note: crypto_box_seal draws its ephemeral key from
/// libsodium's own randombytes (the OS CSPRNG), not from an injected Rng, so the output is never reproducible.
/// Errors: InvalidArgument (public key not 32 bytes), CryptoFailure.
[[nodiscard]] Result<std::vector<std::uint8_t>> sealTo(std::span<const std::uint8_t> publicKey,
                                                       std::span<const std::uint8_t> plaintext);

/// Opens a sealed box. Errors: MalformedInput (shorter than the overhead), InvalidArgument (key pair sizes),
/// IntegrityFailure (wrong key or tampered). On failure no plaintext is returned and the buffer is wiped.
[[nodiscard]] Result<SecureBytes> openSealed(const BoxKeyPair& keyPair, std::span<const std::uint8_t> ciphertext);

} // namespace cc::crypto
