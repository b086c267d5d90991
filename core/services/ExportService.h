// SPDX-License-Identifier: GPL-3.0-or-later
// A patient's whole record as a FHIR R4 Bundle: the patient's right of access (DESIGN.md section 9).
#pragma once

#include "core/Result.h"
#include "core/model/RowId.h"
#include "core/services/ClinicService.h"

#include "core/model/AttachmentInfo.h"

#include <QByteArray>

#include <vector>

namespace cc::services {

/// Export use cases. Each call checks a permission and writes exactly one audit event, DICOM
/// 110106 Export with the patient's row id and no PHI, denials included.
class ExportService
{
public:
    /// Attachments up to this size go into the Bundle inline (base64, a third larger); larger
    /// ones are exported as metadata only and listed in FhirExport::notInlined.
    static constexpr qint64 kDefaultAttachmentLimit = qint64(10) << 20;

    /// A Bundle and what it left out.
    struct FhirExport
    {
        QByteArray bundle;
        qint64 attachmentLimit = 0;                    ///< the limit applied, in bytes
        std::vector<model::AttachmentInfo> notInlined; ///< attachments over it: metadata only
    };

    explicit ExportService(ClinicService& clinic) : m_clinic(clinic) {}

    /// The record of `patient` (identity, encounters, conditions, observations, medications,
    /// allergies, notes shared with the patient, attachments) as a FHIR R4 Bundle of type
    /// collection (interop::FhirWriter). Attachments not larger than `attachmentLimit` bytes are
    /// inline; the others are listed in the result (never dropped silently). Notes not shared with
    /// the patient are not exported (they are sealed under a key the patient does not hold). Allowed
    /// to a doctor on the care team or under break-glass (ReadChart; flagged then) and to a patient
    /// account for its own record (ExportOwnFhir). Errors: AccessDenied, NotFound,
    /// InvalidArgument (a negative limit), IntegrityFailure, KeyMismatch, storage errors.
    [[nodiscard]] Result<FhirExport> exportRecord(const access::PatientId& patient,
                                                  qint64 attachmentLimit = kDefaultAttachmentLimit);
    /// exportRecord() with the default limit, the Bundle only. Errors: as exportRecord().
    [[nodiscard]] Result<QByteArray> exportFhir(const access::PatientId& patient);

private:
    /// A patient session's export, from its sealed portal file (no database is open).
    Result<FhirExport> fromPortal(const access::PatientId& patient, qint64 attachmentLimit, AuditSubject& subject);
    ClinicService& m_clinic;
};

} // namespace cc::services
