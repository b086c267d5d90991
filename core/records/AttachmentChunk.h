// SPDX-License-Identifier: GPL-3.0-or-later
// One chunk of an attachment sealed under the attachment's own file key (DESIGN.md section 5).
#pragma once

#include "core/Result.h"
#include "core/crypto/Rng.h"
#include "core/crypto/SecureBytes.h"

#include <cstdint>
#include <span>
#include <vector>

namespace cc::records {

/// AES-256-GCM sealing of attachment chunks under a per-file key, with
/// AAD = "cc-chunk-v1" ‖ attachment id (16 bytes) ‖ chunk index (4 bytes, big-endian) ‖
/// final flag (1 byte, 0 or 1) ‖ file key id (4 bytes, big-endian). A chunk moved to another index
/// or attachment, a non-final chunk presented as the last one (truncation) and a dropped final
/// chunk all fail to open. Blob layout is crypto::Aead's (version, key id, nonce, ciphertext, tag).
class AttachmentChunk
{
public:
    /// Plaintext bytes per chunk (256 KiB; every chunk but the last is full; docs/RECORDS.md).
    static constexpr std::size_t kSize = 256 * 1024;

    /// The associated data of one chunk (exposed for tests and docs/RECORDS.md).
    [[nodiscard]] static std::vector<std::uint8_t> associatedData(std::span<const std::uint8_t> attachmentId,
                                                                  std::uint32_t index, bool final, std::uint32_t keyId);
    /// Seals chunk `index` of an attachment. Errors: InvalidArgument (key size, empty id, a chunk
    /// larger than kSize), CryptoFailure.
    [[nodiscard]] static Result<std::vector<std::uint8_t>> seal(const crypto::SecureBytes& fileKey, std::uint32_t keyId,
                                                                std::span<const std::uint8_t> attachmentId,
                                                                std::uint32_t index, bool final,
                                                                std::span<const std::uint8_t> plain, crypto::Rng& rng);
    /// Opens chunk `index`, expected final or not. Errors: IntegrityFailure (altered, moved,
    /// reordered, truncated, wrong key), KeyMismatch (another key id), MalformedInput, Unsupported.
    [[nodiscard]] static Result<crypto::SecureBytes> open(const crypto::SecureBytes& fileKey, std::uint32_t keyId,
                                                          std::span<const std::uint8_t> attachmentId,
                                                          std::uint32_t index, bool final,
                                                          std::span<const std::uint8_t> blob);
};

} // namespace cc::records
