// SPDX-License-Identifier: GPL-3.0-or-later
// FHIR export of one patient's record, checked like a chart read and audited as an export.
#include "core/services/ExportService.h"

#include "core/interop/FhirWriter.h"
#include "core/services/PatientService.h"

namespace cc::services {

using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

Result<QByteArray> ExportService::exportFhir(const model::RowId& patient)
{
    AuditSubject subject = makeSubject(AuditEventId::Export, AuditEventType::None, AuditAction::Read, "PatientRecord",
                                       idHex(patient), "fhir export");
    subject.patientId = idHex(patient);
    const access::Session* session = m_clinic.session();
    const bool patientAccount = session != nullptr && session->role() == access::Role::Patient;
    CC_TRY(m_clinic.authorize(patientAccount ? Permission::ExportOwnFhir : Permission::ReadChart, subject));
    auto run = [&]() -> Result<QByteArray> {
        // A patient account exports its own record only (ChartAccess checks it again).
        if (patientAccount && (!session->patientId() || *session->patientId() != patient))
            return makeError(ErrorCode::AccessDenied, "a patient account may export only its own record");
        auto chart = PatientService::readChart(m_clinic, patient);
        CC_TRY(chart);
        subject.detail += ", basis " + std::string(access::accessBasisName(chart->basis));
        subject.flagged = chart->basis == access::AccessBasis::BreakGlass;
        interop::PatientRecord record{std::move(chart->patient),     std::move(chart->encounters),
                                      std::move(chart->conditions),  std::move(chart->observations),
                                      std::move(chart->medications), std::move(chart->allergies)};
        return interop::FhirWriter::write(record);
    };
    auto result = run();
    const bool denied = !result && result.error().code == ErrorCode::AccessDenied;
    CC_TRY(m_clinic.record(subject, result ? AuditOutcome::Success
                                           : (denied ? AuditOutcome::SeriousFailure : AuditOutcome::MinorFailure)));
    return result;
}

} // namespace cc::services
