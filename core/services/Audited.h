// SPDX-License-Identifier: GPL-3.0-or-later
// The one audit frame of a use case: authorize, do the work, record exactly one outcome.
#pragma once

#include "core/Result.h"
#include "core/access/Permission.h"
#include "core/services/ClinicService.h"

namespace cc::services {

/// Records `outcome` for `subject` after the work that produced `result`. If recording fails, a
/// failed work's own error is what the caller sees (it is the cause; found by the disk-fault tests,
/// where a full disk failed the work and then its failure event), with the recording failure
/// appended; after a successful work the recording error itself is returned.
template <typename R>
[[nodiscard]] Status recordOutcome(ClinicService& clinic, const AuditSubject& subject, audit::AuditOutcome outcome,
                                   const R& result)
{
    Status recorded = clinic.record(subject, outcome);
    if (recorded.ok() || result.ok())
        return recorded;
    Error cause = result.error();
    cause.message += " (recording this failure in the audit trail failed too: " + recorded.error().message + ")";
    return cause;
}

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
    CC_TRY(recordOutcome(clinic, subject, outcome, result));
    return result;
}

/// The frame of a one-time computation at a doctor's login (patient references, condition tokens,
/// chart manifests, value layouts): `work` records its own success event inside its transaction,
/// so the event commits with what it did; a failure is recorded here as a minor failure with its
/// reason appended to the subject's detail (the computation is retried at the next login).
/// Returns what `work` returned, or the error of recording.
template <typename F>
[[nodiscard]] auto oneTimeComputation(ClinicService& clinic, AuditSubject& subject, F&& work) -> decltype(work())
{
    auto result = work();
    if (!result.ok()) {
        subject.detail += ": " + result.error().message;
        CC_TRY(recordOutcome(clinic, subject, audit::AuditOutcome::MinorFailure, result));
    }
    return result;
}

} // namespace cc::services
