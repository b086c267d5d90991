// SPDX-License-Identifier: GPL-3.0-or-later
// The per-patient chart manifest (issue 10 item 6; docs/RECORDS.md, "Chart manifests"): which
// clinical rows a patient's chart holds and a digest of each as last written, MACed under a key
// only holders of that patient's clinical key derive, so a row deleted, reverted to an older
// version, or planted by someone holding only the database key is named when the chart opens.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/crypto/Kdf.h"
#include "core/ports/AttachmentStore.h"
#include "core/ports/ClinicalStore.h"
#include "core/records/PatientKeys.h"

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <vector>

namespace cc::records {

/// One listed row: its id, kind and rowDigest(), or an attachment (`attachment` set, `kind`
/// unused) with its attachmentDigest().
struct ChartManifestEntry
{
    RowId rowId{};
    ports::ClinicalKind kind = ports::ClinicalKind::Observation;
    bool attachment = false;
    crypto::Digest256 digest{};
};

/// The manifest of one chart.
///
///   digest of a row = SHA-256("CipherChart chart row v1" ‖ 0x00 ‖ row id (16) ‖ kind name
///                     (u32 length ‖ bytes) ‖ encounter flag (1 byte) ‖ encounter id (16, if the
///                     flag is 1) ‖ sealed document (u32 length ‖ bytes))
///   digest of an    = SHA-256("CipherChart chart attachment v1" ‖ 0x00 ‖ attachment id (16) ‖
///   attachment        encounter flag (1 byte) ‖ encounter id (16, if the flag is 1) ‖ file-key
///                     id (u32) ‖ sealed file key (u32 length ‖ bytes) ‖ sealed metadata
///                     document (u32 length ‖ bytes)); its chunks are bound to it by their AEAD
///   body            = version 0x01 ‖ count u32 ‖ count × (row id (16) ‖ kind code (1) ‖ digest
///                     (32)), sorted by row id; kind code 1–6 for the clinical kinds in the
///                     order of ports::kAllClinicalKinds, 0x80 for an attachment
///   stored bytes    = body ‖ HMAC-SHA-256(K, "CipherChart chart manifest v1" ‖ 0x00 ‖ patient
///                     reference (16) ‖ body)
///   K               = HKDF-SHA-256(ikm = the patient's clinical key, salt = empty,
///                     info = "CipherChart chart manifest v1", 32 bytes)
///
/// The patient's clinical key is re-wrapped, never replaced, by a category-key rotation, so a
/// manifest survives rotations (as patient references do). Row ids, kinds and counts are already
/// visible in `clinical_rows`; a digest of a sealed blob says nothing about its content.
class ChartManifest
{
public:
    /// The manifest of exactly `rows` (any order; one patient's, with reference `ref`).
    /// Errors: InvalidArgument (empty key, a row id twice), CryptoFailure.
    [[nodiscard]] static Result<std::vector<std::uint8_t>>
    build(const PatientKey& clinicalKey, const access::PatientRef& ref, const std::vector<ports::ClinicalRow>& rows,
          const std::vector<ports::AttachmentRow>& attachments = {});

    /// Checks `rows` (the chart's rows as read, all of them, or only those of `kind`) against a
    /// stored manifest. Errors: IntegrityFailure naming what differs: a manifest that does not
    /// verify under this patient's key (altered, moved from another chart, or not written by
    /// CipherChart), a listed row missing (deleted outside CipherChart), a row whose digest differs
    /// (reverted to an older version or altered), a row not listed (planted); MalformedInput (a
    /// manifest that does not parse); CryptoFailure.
    /// With `exempt`, rows with those ids are left out on both sides (the rows a unit of work is
    /// changing: the rest of the chart must still be as the stored manifest says before the new
    /// one is written, so an earlier change behind the services' back is not blessed).
    [[nodiscard]] static Status check(const PatientKey& clinicalKey, const access::PatientRef& ref,
                                      std::span<const std::uint8_t> manifest,
                                      const std::vector<ports::ClinicalRow>& rows,
                                      std::optional<ports::ClinicalKind> kind, const std::set<RowId>& exempt = {});

    /// Checks a chart's attachments against a stored manifest, as check() does its clinical rows
    /// (the clinical entries are left out). With `onlyThese`, just the given attachments are
    /// checked (each must be listed, as stored), not that every listed one is there.
    /// Errors: as check(), naming the attachment.
    [[nodiscard]] static Status checkAttachments(const PatientKey& clinicalKey, const access::PatientRef& ref,
                                                 std::span<const std::uint8_t> manifest,
                                                 const std::vector<ports::AttachmentRow>& attachments,
                                                 const std::set<RowId>& exempt = {}, bool onlyThese = false);

    /// The entries of a manifest whose MAC verifies. Errors: as check() for the MAC and the parse.
    [[nodiscard]] static Result<std::vector<ChartManifestEntry>>
    open(const PatientKey& clinicalKey, const access::PatientRef& ref, std::span<const std::uint8_t> manifest);

    /// The digest of one row as listed.
    [[nodiscard]] static crypto::Digest256 rowDigest(const ports::ClinicalRow& row);
    /// The digest of one attachment as listed.
    [[nodiscard]] static crypto::Digest256 attachmentDigest(const ports::AttachmentRow& row);
};

} // namespace cc::records
