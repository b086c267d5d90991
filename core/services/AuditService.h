// SPDX-License-Identifier: GPL-3.0-or-later
// The audit trail for people: verify, list with filters, export (CSV, RFC 5424), own access history.
#pragma once

#include "core/Result.h"
#include "core/audit/AuditExport.h"
#include "core/audit/AuditFilter.h"
#include "core/audit/AuditVerifier.h"
#include "core/audit/WitnessCheck.h"
#include "core/services/ClinicService.h"

#include <vector>

class QIODevice;

namespace cc::services {

/// Every call is itself audited (DICOM 110101 Audit Log Used).
class AuditService
{
public:
    explicit AuditService(ClinicService& clinic) : m_clinic(clinic) {}

    /// Verifies the whole chain with the audit root key A0 (administrators) against the anchor.
    /// The report names the first broken link, truncation or rollback. Errors: AccessDenied,
    /// SessionLocked, KeyMismatch (no A0 in the ring), storage errors.
    [[nodiscard]] Result<audit::AuditReport> verify();
    /// Compares the trail with a syslog collector's log (the external witness; docs/AUDIT.md
    /// section 3): every witnessed head must authenticate under A0 and be in the trail unchanged.
    /// The report names each witnessed event the clinic no longer has. Audited. Errors as verify().
    [[nodiscard]] Result<audit::WitnessReport> verifyWitness(std::string_view collectorLog);
    /// Sets the syslog collector ("host:port") that receives each chain head after commit, or with
    /// an empty address stops sending (ManageKeys). The change is recorded, and sent to the previous
    /// collector, before it takes effect. Errors: AccessDenied, InvalidArgument, storage errors.
    [[nodiscard]] Status setWitness(const std::string& address);
    /// Accepts the database's audit head as it is and rewrites the anchor, after an administrator
    /// examined the verifier's findings (VerifyAudit). A Security Alert event records it, with
    /// the previous verdict. Errors: AccessDenied, storage errors.
    [[nodiscard]] Status reanchor(const std::string& reason);
    /// Events matching `filter`, oldest first (administrators). Errors as verify().
    [[nodiscard]] Result<std::vector<audit::AuditEntry>> list(const audit::AuditFilter& filter);
    /// Who opened the logged-in patient's record and why (patients).
    [[nodiscard]] Result<std::vector<audit::AuditEntry>> ownAccessHistory();
    /// Writes matching events as CSV (RFC 4180) to `out`. Errors: AccessDenied, storage errors.
    [[nodiscard]] Status exportCsv(const audit::AuditFilter& filter, QIODevice& out);
    /// Writes matching events as RFC 5424 syslog lines to `out`.
    [[nodiscard]] Status exportSyslog(const audit::AuditFilter& filter, QIODevice& out);

private:
    ClinicService& m_clinic;
};

} // namespace cc::services
