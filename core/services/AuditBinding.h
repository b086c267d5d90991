// SPDX-License-Identifier: GPL-3.0-or-later
// Rows that give access are bound to the audit event that made them (issue 10 item 6;
// docs/SECURITY-REVIEW.md section 4): break-glass grants and care-team memberships. The event is
// read back from the trail and must be in its hash chain, so a row written by SQL opens nothing
// unless an event is forged too, which means appending one that the trail's review and the
// witness show.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/audit/AuditEvent.h"
#include "core/ports/CareTeamStore.h"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace cc::services {

class ClinicService;
struct AuditSubject;

/// A doctor's patients whose care-team rows checked (CareTeamBinding::patientsOf), in id order,
/// and the care-team generation they were read at: kept until a row may have changed.
struct CheckedCareTeam
{
    access::UserId doctor{};
    ports::CareTeamGeneration generation{};
    std::vector<access::PatientId> patients;
};

/// What a session has already checked (kept by ClinicService, wiped with its other caches): the
/// chained events read by seq, per import the patients it created (sorted), or nullopt when
/// that set no longer matches the one its event names, and the doctor's checked care team.
struct AuditBindingCache
{
    std::map<std::int64_t, audit::AuditEvent> events;
    std::map<std::int64_t, std::optional<std::vector<access::PatientId>>> importSets;
    std::optional<CheckedCareTeam> careTeam;
    void clear()
    {
        events.clear();
        importSets.clear();
        careTeam.reset();
    }
};

/// The audit event numbered `seq`, checked to be in the trail's hash chain: its stored hash
/// recomputed from its body and linked to its neighbours' hashes. Errors: IntegrityFailure
/// ("names audit event N, which the trail does not have", "… which is not in the trail's hash
/// chain", "… which does not decode", "names no audit event"), storage errors. Read once per
/// session (ClinicService::bindingCache).
[[nodiscard]] Result<audit::AuditEvent> chainedEvent(ClinicService& clinic, std::int64_t seq);

/// Records `subject` as a success inside the caller's transaction and returns its seq, for the
/// rows that name it (written after it in the same transaction, so a failure rolls back both).
/// Errors: AccessDenied (no audit trail open: not logged in), those of ClinicService::record.
[[nodiscard]] Result<std::int64_t> recordForBinding(ClinicService& clinic, const AuditSubject& subject);

} // namespace cc::services
