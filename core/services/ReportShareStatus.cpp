// SPDX-License-Identifier: GPL-3.0-or-later
// ReportService::shareStatus, kept apart from the report use cases: bookkeeping the GUI lists.
#include "core/reports/DecryptionShare.h"
#include "core/services/ReportKeyCodec.h"
#include "core/services/ReportKeyPin.h"
#include "core/services/ReportService.h"

#include <algorithm>

namespace cc::services {

Result<ShareStatus> ReportService::shareStatus(const reports::ReportId& reportId)
{
    const AuditSubject subject =
        makeSubject(audit::AuditEventId::Query, audit::AuditEventType::None, audit::AuditAction::Read, "Report",
                    reports::reportIdHex(reportId), "report decryption status");
    CC_TRY(m_clinic.authorize(access::Permission::RunReports, subject));
    auto pinned = ReportKeyPin::load(m_clinic);
    CC_TRY(pinned);
    ShareStatus status;
    status.threshold = pinned->parameters.threshold;
    status.parties = pinned->parameters.parties;
    auto ring = m_clinic.keys();
    CC_TRY(ring);
    if (const auto* entry = (*ring)->find(access::KeyKind::PaillierShare)) {
        auto share = decodeThresholdShare(entry->secret.span());
        if (share && share->keyId == pinned->publicKey.keyId())
            status.ownIndex = share->index;
    }
    auto stored = m_reports.sharesOf(reportId);
    CC_TRY(stored);
    for (const auto& bytes : *stored) {
        auto share = reports::DecryptionShare::decode(bytes, "stored share");
        if (share && share->reportId == reportId)
            status.custodians.push_back(share->custodian);
    }
    std::sort(status.custodians.begin(), status.custodians.end());
    status.custodians.erase(std::unique(status.custodians.begin(), status.custodians.end()), status.custodians.end());
    return status;
}

} // namespace cc::services
