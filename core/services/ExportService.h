// SPDX-License-Identifier: GPL-3.0-or-later
// A patient's whole record as a FHIR R4 Bundle: the patient's right of access (DESIGN.md section 9).
#pragma once

#include "core/Result.h"
#include "core/model/RowId.h"
#include "core/services/ClinicService.h"

#include <QByteArray>

namespace cc::services {

/// Export use cases. Each call checks a permission and writes exactly one audit event, DICOM
/// 110106 Export with the patient's row id and no PHI, denials included.
class ExportService
{
public:
    explicit ExportService(ClinicService& clinic) : m_clinic(clinic) {}

    /// The record of `patient` (identity, encounters, conditions, observations, medications,
    /// allergies) as a FHIR R4 Bundle of type collection (interop::FhirWriter). Allowed to a
    /// doctor on the care team or under break-glass (ReadChart; flagged then) and to a patient
    /// account for its own record (ExportOwnFhir). Errors: AccessDenied, NotFound,
    /// IntegrityFailure, KeyMismatch, storage errors.
    [[nodiscard]] Result<QByteArray> exportFhir(const model::RowId& patient);

private:
    ClinicService& m_clinic;
};

} // namespace cc::services
