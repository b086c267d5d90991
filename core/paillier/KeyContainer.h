// SPDX-License-Identifier: GPL-3.0-or-later
// Private keys and decryption shares only ever leave memory AEAD-wrapped (AES-256-GCM, crypto::Aead).
#pragma once

#include "core/Result.h"
#include "core/crypto/Rng.h"
#include "core/crypto/SecureBytes.h"
#include "core/paillier/PrivateKey.h"
#include "core/paillier/Threshold.h"

#include <cstdint>
#include <span>
#include <vector>

namespace cc::paillier {

/// Sealed containers for the key slots of issue 4. Inner encodings (never stored in clear):
/// private key "CCPQ" ‖ 1 ‖ u16 |p| ‖ p ‖ u16 |q| ‖ q (big-endian); share: the one share format of
/// ShareCodec.h (version 2; version-1 containers, with a u16 secret length, still open). The AAD binds a purpose label,
/// the Paillier key id and (for a share) the custodian index, so a container cannot be replayed as another key's or
/// custodian's.
class KeyContainer
{
public:
    /// Seals `key` under the 32-byte wrapping key. Errors: InvalidArgument (wrap key size), CryptoFailure.
    [[nodiscard]] static Result<std::vector<std::uint8_t>> sealPrivateKey(const PrivateKey& key,
                                                                          const crypto::SecureBytes& wrapKey,
                                                                          std::uint32_t wrapKeyId, crypto::Rng& rng);
    /// Opens a sealed private key that must belong to `expected`. Errors: IntegrityFailure (wrong wrapping
    /// key, tampering, another key id), KeyMismatch (wrapping key id), MalformedInput (inner encoding,
    /// or not a report key size: PublicKey::checkReportKeySize).
    [[nodiscard]] static Result<PrivateKey> openPrivateKey(const crypto::SecureBytes& wrapKey, std::uint32_t wrapKeyId,
                                                           std::span<const std::uint8_t> blob, const KeyId& expected);
    /// Seals one custodian's share. Errors: as sealPrivateKey().
    [[nodiscard]] static Result<std::vector<std::uint8_t>> sealShare(const ThresholdShare& share,
                                                                     const crypto::SecureBytes& wrapKey,
                                                                     std::uint32_t wrapKeyId, crypto::Rng& rng);
    /// Opens custodian `index`'s share of key `expected`. Errors: as openPrivateKey().
    [[nodiscard]] static Result<ThresholdShare> openShare(const crypto::SecureBytes& wrapKey, std::uint32_t wrapKeyId,
                                                          std::span<const std::uint8_t> blob, const KeyId& expected,
                                                          std::uint32_t index);
};

} // namespace cc::paillier
