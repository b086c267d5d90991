// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/BreakGlassGrants.h"

#include "core/Clock.h"
#include "core/audit/AuditEvent.h"
#include "core/crypto/Hex.h"
#include "core/services/AuditBinding.h"
#include "core/services/ClinicService.h"

#include <chrono>
#include <string>

namespace cc::services {

namespace {

/// Stands in for the reason of a grant read back from `break_glass`: the real reason lives only in
/// the flagged audit event (DESIGN.md section 7), and the grant object is used for the time check.
constexpr const char* kStoredGrantReason = "grant recorded in the break glass table";

/// A stored grant counts only with the flagged event it names (issue 10 item 6): that event must be
/// in the trail's hash chain (its stored hash recomputed, linked to its neighbours) and say that
/// this doctor started emergency access to this patient at the grant's start (within a minute: the
/// event is recorded after the grant row, in the same transaction). A grant row written
/// by SQL (a doctor with the database key opening a chart without the event an administrator
/// reviews) is refused; forging the event too means appending one, which the trail, its review
/// and the witness show.
Status checkGrantEvent(ClinicService& clinic, const access::Session& session, const access::PatientId& patient,
                       const ports::BreakGlassRow& row)
{
    const std::string grant = "break-glass grant " + crypto::hexEncode(row.id);
    const auto refuse = [&](const std::string& why) {
        return makeError(ErrorCode::IntegrityFailure, grant + " " + why +
                                                          ": it was not written by CipherChart, and "
                                                          "gives no access");
    };
    auto event = chainedEvent(clinic, row.auditSeq);
    if (!event) {
        if (event.error().code != ErrorCode::IntegrityFailure)
            return std::move(event).error();
        return refuse(event.error().message);
    }
    const auto seq = static_cast<std::uint64_t>(row.auditSeq);
    const bool matches = event->eventType == audit::AuditEventType::EmergencyOverrideStarted &&
                         event->outcome == audit::AuditOutcome::Success && event->flagged &&
                         event->patientId == idHex(patient) && event->userId == idHex(session.userId()) &&
                         event->timeMs / 1000 >= row.startsAt - 1 && event->timeMs / 1000 <= row.startsAt + 60;
    if (!matches)
        return refuse("names audit event " + std::to_string(seq) +
                      ", which is not this doctor's emergency access to this patient at its start");
    return {};
}

} // namespace

Result<std::vector<access::BreakGlassGrant>> storedGrants(ClinicService& clinic, const access::Session& session,
                                                          const access::PatientId& patient)
{
    std::vector<access::BreakGlassGrant> grants;
    if (session.role() != access::Role::Doctor)
        return grants;
    auto rows = clinic.backend().patients().activeBreakGlass(session.userId(), patient, clinic.clock().nowSeconds());
    CC_TRY(rows);
    for (const auto& row : *rows) {
        CC_TRY(checkGrantEvent(clinic, session, patient, row));
        // Rebuild the grant at its recorded start so BreakGlassGrant decides expiry by its own rule.
        ManualClock at{Clock::TimePoint{std::chrono::seconds{row.startsAt}}};
        auto grant = access::BreakGlassGrant::create(session.userId(), session.role(), patient, kStoredGrantReason, at);
        CC_TRY(grant);
        grants.push_back(std::move(*grant));
    }
    return grants;
}

} // namespace cc::services
