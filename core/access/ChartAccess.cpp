// SPDX-License-Identifier: GPL-3.0-or-later
// Chart access decisions.
#include "core/access/ChartAccess.h"

namespace cc::access {

std::string_view accessBasisName(AccessBasis basis) noexcept
{
    switch (basis) {
    case AccessBasis::OwnRecord:
        return "OwnRecord";
    case AccessBasis::CareTeam:
        return "CareTeam";
    case AccessBasis::BreakGlass:
        return "BreakGlass";
    case AccessBasis::Administration:
        return "Administration";
    }
    return "Unknown";
}

Result<AccessBasis> canOpenChart(Session& session, const PatientId& patient, ChartData data, const CareTeam& careTeam,
                                 std::span<const BreakGlassGrant> grants, const Clock& clock)
{
    CC_TRY(session.requireActive());
    if (careTeam.patientId() != patient)
        return makeError(ErrorCode::InvalidArgument, "the care team belongs to another patient");
    const Error denied = makeError(ErrorCode::AccessDenied, "you may not open this patient's record");
    switch (session.role()) {
    case Role::Patient:
        if (session.patientId() && *session.patientId() == patient)
            return AccessBasis::OwnRecord;
        return denied;
    case Role::Administrator:
        // Administrators hold no clinical category key (DESIGN.md section 4); refusing here as
        // well keeps the two gates independent.
        if (data == ChartData::Identity)
            return AccessBasis::Administration;
        return makeError(ErrorCode::AccessDenied, "administrators cannot read clinical content");
    case Role::Doctor: {
        if (careTeam.contains(session.userId()))
            return AccessBasis::CareTeam;
        const auto now = clock.now();
        for (const BreakGlassGrant& g : grants) {
            if (g.doctor() == session.userId() && g.patientId() == patient && g.activeAt(now))
                return AccessBasis::BreakGlass;
        }
        return makeError(ErrorCode::AccessDenied,
                         "the patient is not on your care team; use emergency access with a reason");
    }
    }
    return denied;
}

} // namespace cc::access
