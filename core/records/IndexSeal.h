// SPDX-License-Identifier: GPL-3.0-or-later
// The index seal (issue 10 item 6; docs/RECORDS.md, "The index seal"): the byte strings whose
// multiset hash covers every column a report selects or sums by, the signed seal over that hash,
// and the index writer key that signs it, which only holders of the clinical category key derive.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/crypto/Ed25519.h"
#include "core/crypto/SecureBytes.h"
#include "core/ports/ClinicalStore.h"

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace cc::records {

/// The element of one observation_index row:
///   "CipherChart index element v1" ‖ 0x00 ‖ 0x01 ‖ for each column in table order (row id,
///   patient reference, code, sex, age band, year and consent tokens, Paillier ciphertext, its
///   MAC): length u32 ‖ bytes; then the latest flag (one byte 0 or 1).
/// Every column is covered: a changed token, ciphertext, MAC or flag is a different element.
[[nodiscard]] std::vector<std::uint8_t> indexElement(const ports::ObservationIndexRow& row);
/// The same bytes written into `out` (cleared first; its capacity reused: one buffer per thread
/// for every row of a report's pass).
void indexElementInto(const ports::ObservationIndexRow& row, std::vector<std::uint8_t>& out);

/// The element of one condition_tokens row: the same label ‖ 0x00 ‖ 0x02 ‖ row id, patient
/// reference and token, each length u32 ‖ bytes.
[[nodiscard]] std::vector<std::uint8_t> conditionElement(std::span<const std::uint8_t> rowId,
                                                         std::span<const std::uint8_t> patientRef,
                                                         std::span<const std::uint8_t> token);

/// The digest change of adding (`sign` = +1) or removing (-1) one element of either kind.
[[nodiscard]] ports::IndexDigest observationDelta(const ports::ObservationIndexRow& row, int sign);
[[nodiscard]] ports::IndexDigest conditionDelta(std::span<const std::uint8_t> rowId,
                                                std::span<const std::uint8_t> patientRef,
                                                std::span<const std::uint8_t> token, int sign);

/// The element of one chart_manifests row (records/ChartManifest.h): the same label ‖ 0x00 ‖ 0x03 ‖
/// patient reference and stored manifest, each length u32 ‖ bytes. Sealed with the index, so one
/// chart's rows and manifest put back together from an older copy of the database change the
/// index's hash (the manifest alone cannot tell an older consistent chart from the current one).
[[nodiscard]] std::vector<std::uint8_t> chartManifestElement(std::span<const std::uint8_t> patientRef,
                                                             std::span<const std::uint8_t> manifest);
/// The digest change of adding (+1) or removing (-1) one manifest: in the hash only (the seal's
/// counts are the index's and the condition tokens' rows).
[[nodiscard]] ports::IndexDigest chartManifestDelta(std::span<const std::uint8_t> patientRef,
                                                    std::span<const std::uint8_t> manifest, int sign);

/// What the writer key signs:
///   "CipherChart index seal v1" ‖ 0x00 ‖ clinic id (16) ‖ seq u64 ‖ observation rows u64 ‖
///   condition rows u64 ‖ LtHash16 bytes (2048).
[[nodiscard]] std::vector<std::uint8_t> sealMessage(const access::ClinicId& clinic, std::uint64_t seq,
                                                    const ports::IndexDigest& digest);

/// The clinic's index writer key for one version of the clinical category key:
///   Ed25519 seed = HKDF-SHA-256(ikm = clinical category key, salt = clinic id,
///                               info = "CipherChart index writer v1", 32 bytes).
/// Doctors (and the ceremony, and a recovery of the clinical key) derive it; administrators, who
/// never hold the clinical key, only verify with its public half. A rotation of the clinical key
/// gives a new writer key, so a doctor who left cannot sign the index after that rotation.
/// Errors: InvalidArgument (empty key), CryptoFailure.
[[nodiscard]] Result<crypto::Ed25519PrivateKey> indexWriterKey(const crypto::SecureBytes& clinicalCategory,
                                                               const access::ClinicId& clinic);

/// What the previous writer key signs to hand over to the next one (the writer chain):
///   "CipherChart index writer v1" ‖ 0x00 ‖ clinic id ‖ previous public key (32) ‖ next public
///   key (32) ‖ next clinical key id u32.
[[nodiscard]] std::vector<std::uint8_t> writerLinkMessage(const access::ClinicId& clinic,
                                                          std::span<const std::uint8_t> previous,
                                                          std::span<const std::uint8_t> next, std::uint32_t nextKeyId);

} // namespace cc::records
