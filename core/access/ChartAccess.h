// SPDX-License-Identifier: GPL-3.0-or-later
// Who may open which patient's chart, and on what basis (DESIGN.md sections 1 and 8).
#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/access/BreakGlassGrant.h"
#include "core/access/CareTeam.h"
#include "core/access/Ids.h"
#include "core/access/Session.h"

#include <span>
#include <string_view>

namespace cc::access {

/// Which part of a patient's record is asked for.
enum class ChartData {
    Identity, ///< demographics (under the patient's identity key)
    Clinical  ///< problems, medications, allergies, observations, notes, attachments
};

/// Why access was allowed; the service writes it into the audit event.
enum class AccessBasis {
    OwnRecord,     ///< a patient reading their own record
    CareTeam,      ///< a doctor on the patient's care team
    BreakGlass,    ///< a doctor under an active break-glass grant (flagged for review)
    Administration ///< an administrator reading identity data to manage accounts and care teams
};

/// Stable name of a basis ("BreakGlass") for audit events.
[[nodiscard]] std::string_view accessBasisName(AccessBasis basis) noexcept;

/// Decides whether the session's user may open `data` of `patient`:
/// - patient: only their own patient id (either kind of data);
/// - doctor: if on `careTeam`, else with an active grant in `grants` for this doctor and patient;
/// - administrator: identity data of any patient, clinical data never.
/// `careTeam` must be the team of `patient` (a mismatch is a caller bug: InvalidArgument).
/// Errors: SessionLocked, SessionExpired (the session is checked first), AccessDenied, InvalidArgument.
[[nodiscard]] Result<AccessBasis> canOpenChart(Session& session, const PatientId& patient, ChartData data,
                                               const CareTeam& careTeam, std::span<const BreakGlassGrant> grants,
                                               const Clock& clock);

} // namespace cc::access
