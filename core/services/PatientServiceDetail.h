// SPDX-License-Identifier: GPL-3.0-or-later
// Private to the PatientService*.cpp files: helpers of the patient use cases.
#pragma once

#include "core/services/PatientService.h"

#include "core/audit/AuditEvent.h"

namespace cc::services::patient_detail {

/// The outcome of an audited read: a denial is serious (someone tried to see what they may not).
inline audit::AuditOutcome readOutcome(const Error* error)
{
    if (error == nullptr)
        return audit::AuditOutcome::Success;
    return error->code == ErrorCode::AccessDenied ? audit::AuditOutcome::SeriousFailure
                                                  : audit::AuditOutcome::MinorFailure;
}

/// The patient's row. Errors: NotFound, storage errors.
inline Result<ports::PatientRow> findRow(ClinicService& clinic, const access::PatientId& patient)
{
    auto row = clinic.backend().patients().find(patient);
    CC_TRY(row);
    if (!row->has_value())
        return makeError(ErrorCode::NotFound, "no patient with this row id");
    return std::move(**row);
}

} // namespace cc::services::patient_detail
