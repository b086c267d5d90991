// SPDX-License-Identifier: GPL-3.0-or-later
// Saves one patient's record as a FHIR R4 Bundle file: the doctor's export and the patient's download.
#pragma once

#include "core/Result.h"
#include "core/model/RowId.h"

class QWidget;

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

/// Asks where to save (FileDialog seam), has services::ExportService build and audit the Bundle,
/// and writes it with QSaveFile (a temporary file renamed over the target: never half a record),
/// readable by the owner only. The suggested file name carries no PHI. A refusal or write error is
/// shown in a warning. Errors: Cancelled (no file chosen), the service's errors, StorageError.
Status saveFhirExport(QWidget* parent, services::ClinicService& clinic, const access::PatientId& patient);

} // namespace cc::ui
