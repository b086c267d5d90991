// SPDX-License-Identifier: GPL-3.0-or-later
// One PHI document sealed for one (table, column, row id) under a patient key (DESIGN.md section 5).
#pragma once

#include "core/Result.h"
#include "core/crypto/Rng.h"
#include "core/crypto/SecureBytes.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace cc::records {

/// AES-256-GCM sealing of a row's document, with AAD = "cc-row-v1" ‖ table ‖ column ‖ row id ‖ key id
/// (each length-prefixed, 4 bytes big-endian), so a ciphertext moved to another row, column or
/// table, or re-labelled with another key id, does not open. Blob layout is crypto::Aead's.
class SealedRow
{
public:
    /// The associated data bound into a row's blob (exposed for tests and docs/RECORDS.md).
    [[nodiscard]] static std::vector<std::uint8_t> associatedData(std::string_view table, std::string_view column,
                                                                  std::span<const std::uint8_t> rowId,
                                                                  std::uint32_t keyId);
    /// Seals `document` for the row under `key` (32 bytes) with id `keyId`.
    /// Errors: InvalidArgument (key size, empty row id), CryptoFailure.
    [[nodiscard]] static Result<std::vector<std::uint8_t>>
    seal(const crypto::SecureBytes& key, std::uint32_t keyId, std::string_view table, std::string_view column,
         std::span<const std::uint8_t> rowId, std::span<const std::uint8_t> document, crypto::Rng& rng);
    /// Opens a row's blob. Errors: IntegrityFailure (wrong key, or the blob belongs to another
    /// row, column or table, or was altered), KeyMismatch (the blob names another key id),
    /// MalformedInput (too short), Unsupported (format version).
    [[nodiscard]] static Result<crypto::SecureBytes> open(const crypto::SecureBytes& key, std::uint32_t keyId,
                                                          std::string_view table, std::string_view column,
                                                          std::span<const std::uint8_t> rowId,
                                                          std::span<const std::uint8_t> blob);
};

} // namespace cc::records
