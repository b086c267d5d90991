// SPDX-License-Identifier: GPL-3.0-or-later
// Private to the ReportService*.cpp files: the use cases' shared context and audit helpers.
#pragma once

#include "core/services/ReportService.h"

#include "core/crypto/Ed25519PrivateKey.h"
#include "core/paillier/PublicKey.h"
#include "core/paillier/Threshold.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace cc::services {

struct ReportService::Context
{
    const crypto::SecureBytes* indexKey = nullptr;
    std::optional<crypto::Ed25519PrivateKey> signer;
    std::vector<std::uint8_t> signingPublic;
    paillier::PublicKey key;
    paillier::ThresholdParameters params;
    access::ClinicId clinicId{};
    QString clinicName;
};

struct ReportService::Release
{
    std::vector<reports::ComputedCell> cells;
    std::uint32_t threshold = 0;
    std::vector<reports::CellRelease> plan;
    std::vector<paillier::Plaintext> plains; ///< per cell; set for the released ones
    std::set<std::uint32_t> used;            ///< custodians whose partials were combined
};

namespace report_detail {

/// The audit subject of a report use case (Query, object type "Report").
[[nodiscard]] AuditSubject reportSubject(audit::AuditAction action, const std::string& what);
/// Names the report in the subject: its id, spec hash and purpose.
void describeFile(AuditSubject& subject, const reports::ReportFile& file);
/// Cuts audit text to the event's limits (ASCII here: ids, hashes, counts, error messages).
void clip(std::string& text, std::size_t max);
/// The sorted, comma-separated LOINC codes of the spec's measures (the differencing check's key).
[[nodiscard]] std::string measuresKey(const reports::ReportSpec& spec);
/// |a \ b| for two sorted lists of 32-byte digests.
[[nodiscard]] std::size_t missingFrom(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b);
/// Distinct patients per cell.
[[nodiscard]] std::vector<std::uint64_t> patientCounts(const std::vector<reports::ComputedCell>& cells);

// Records the reason of a refusal in the audit event (messages never carry PHI) and keeps the
// detail within its limit.
template <typename T> Result<T> noting(AuditSubject& subject, Result<T> result)
{
    if (!result.ok())
        subject.reason = (subject.reason.empty() ? "" : subject.reason + "; ") + "refused: " + result.error().message;
    clip(subject.reason, audit::kMaxReasonSize);
    clip(subject.detail, audit::kMaxDetailSize);
    return result;
}

} // namespace report_detail
} // namespace cc::services
