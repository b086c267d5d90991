// SPDX-License-Identifier: GPL-3.0-or-later
// Whole-clinic verification: pages, key slots, anchor and audit chain, and every sealed row and
// index MAC the caller's keys can check (issue 10 item 10).
#pragma once

#include "core/Result.h"
#include "core/services/ClinicService.h"

#include <cstddef>
#include <string>
#include <vector>

namespace cc::services {

/// A raised tamper alarm (meta tamper_alarm).
struct TamperAlarm
{
    std::int64_t raisedAtMs = 0;
    std::string problem; ///< what the check found first: a file, row or seq, never PHI
};

/// What verifyClinic() checked and the first problem it found.
struct ClinicVerifyReport
{
    bool ok = false;
    std::string problem;                 ///< the first problem, naming the file, row or seq; empty if ok
    std::vector<std::string> checked;    ///< one line per check done, in order
    std::vector<std::string> notChecked; ///< what the caller's keys or role cannot check, and why
    std::size_t auditEvents = 0;         ///< events whose link (and MAC, with A0) verified
    std::size_t identityDocuments = 0;   ///< identity documents whose AEAD tag verified
    std::size_t clinicalRows = 0;        ///< clinical rows whose AEAD tag verified
    std::size_t indexMacs = 0;           ///< Paillier index rows whose MAC verified
    std::size_t chartManifests = 0;      ///< charts whose manifest verified against their rows
    std::size_t careTeamRows = 0;        ///< care-team rows bound to the audit event that made them
};

/// Runs every check the session's role and keys allow, in this order, stopping at the first
/// problem: (1) every database page read afresh (SQLCipher page HMACs) and the b-trees checked;
/// (2) the key-slot file MAC and generation; (3) the audit chain and anchor (with A0 every MAC,
/// without it the hash links and that the anchor is the stored head), and every care-team row
/// against the audit event it names (CareTeamBinding); (4) every identity document
/// the session may open; (5) a doctor: every clinical row of the care-team patients (AEAD tag,
/// under the clinical or confidential key) and every observation index MAC (index key). The run is
/// one audit event (administrators: Audit Log Used; doctors: Patient Record read of no patient).
class VerifyService
{
public:
    explicit VerifyService(ClinicService& clinic) : m_clinic(clinic) {}

    /// The report; a problem found is in the report (ok false), not an error. Errors: AccessDenied
    /// (a patient account), SessionLocked, storage errors that stop the walk itself.
    [[nodiscard]] Result<ClinicVerifyReport> verifyClinic();

    /// Raises the clinic's tamper alarm for `problem` (what verifyClinic found; VerifyAudit): one
    /// audit event, a security alert flagged for review. Kept in the database, so every
    /// administrator sees it at login until one marks it examined; a raised alarm keeps its first
    /// time and problem. Errors: AccessDenied, storage errors (a damaged database may refuse the
    /// write: the caller still shows the problem).
    [[nodiscard]] Status raiseAlarm(const std::string& problem);
    /// The raised alarm, if any. Errors: IntegrityFailure (a stored alarm that does not parse), storage.
    [[nodiscard]] Result<std::optional<TamperAlarm>> alarm();
    /// Marks the alarm examined (ReviewBreakGlass) with the administrator's comment (3 to 1000
    /// characters, AuditReviewService::checkComment) as the event's reason, and clears it.
    /// Errors: InvalidArgument, NotFound (no alarm raised), AccessDenied, storage errors.
    [[nodiscard]] Status markAlarmExamined(const std::string& comment);

private:
    [[nodiscard]] Status checkAudit(ClinicVerifyReport& report, const access::KeyRing& ring);
    [[nodiscard]] Status checkRecords(ClinicVerifyReport& report, const access::KeyRing& ring);

    ClinicService& m_clinic;
};

} // namespace cc::services
