// SPDX-License-Identifier: GPL-3.0-or-later
// The break-glass grants stored in `break_glass`, read back for an access check, each counted only
// with the flagged audit event it names (issue 10 item 6; docs/SECURITY-REVIEW.md section 4).
#pragma once

#include "core/Result.h"
#include "core/access/BreakGlassGrant.h"
#include "core/access/Session.h"
#include "core/model/RowId.h"

#include <vector>

namespace cc::services {

class ClinicService;

/// The session's active grants for `patient` (none unless the session is a doctor's). Errors:
/// IntegrityFailure naming a grant whose audit event is missing, outside the hash chain or not this
/// doctor's emergency access to this patient at its start ("gives no access"); storage errors.
[[nodiscard]] Result<std::vector<access::BreakGlassGrant>>
storedGrants(ClinicService& clinic, const access::Session& session, const access::PatientId& patient);

} // namespace cc::services
