// SPDX-License-Identifier: GPL-3.0-or-later
// The one audit frame of a use case: authorize, do the work, record exactly one outcome.
#pragma once

#include "core/Result.h"
#include "core/access/Permission.h"
#include "core/services/ClinicService.h"

namespace cc::services {

/// Checks `permission` (a denial is audited by ClinicService::authorize), runs `work` and records
/// exactly one event for `subject` with its outcome: success; AccessDenied from the work (e.g. a
/// disclosure-control refusal) as a serious failure; any other error as a minor failure. `work` may
/// complete the subject (object id, detail with the reason of a refusal) before it returns.
/// Returns what `work` returned, or the error of the check or of recording.
template <typename F>
[[nodiscard]] auto audited(ClinicService& clinic, access::Permission permission, AuditSubject& subject, F&& work)
    -> decltype(work())
{
    CC_TRY(clinic.authorize(permission, subject));
    auto result = work();
    audit::AuditOutcome outcome = audit::AuditOutcome::Success;
    if (!result.ok())
        outcome = result.error().code == ErrorCode::AccessDenied ? audit::AuditOutcome::SeriousFailure
                                                                 : audit::AuditOutcome::MinorFailure;
    CC_TRY(clinic.record(subject, outcome));
    return result;
}

} // namespace cc::services
