// SPDX-License-Identifier: GPL-3.0-or-later
// FHIR export of one patient's record, checked like a chart read and audited as an export.
#include "core/services/ExportService.h"

#include "core/crypto/Aead.h"
#include "core/interop/FhirWriter.h"
#include "core/services/AttachmentService.h"
#include "core/services/NoteService.h"
#include "core/services/PatientService.h"
#include "core/services/PortalService.h"

namespace cc::services {

using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

Result<ExportService::FhirExport> ExportService::fromPortal(const access::PatientId& patient, qint64 attachmentLimit,
                                                            AuditSubject& subject)
{
    auto portal = PortalService(m_clinic).ownFor(patient);
    CC_TRY(portal);
    const PortalRecord& p = **portal;
    interop::PatientRecord record{p.chart.patient,
                                  p.chart.encounters,
                                  p.chart.conditions,
                                  p.chart.observations,
                                  p.chart.medications,
                                  p.chart.allergies,
                                  p.notes,
                                  {}};
    FhirExport out;
    out.attachmentLimit = attachmentLimit;
    for (const auto& a : p.attachments) {
        interop::ExportedAttachment item = a;
        if (item.content && item.info.size > attachmentLimit)
            item.content.reset();
        if (!item.content)
            out.notInlined.push_back(item.info);
        record.attachments.push_back(std::move(item));
    }
    auto bundle = interop::FhirWriter::write(record);
    CC_TRY(bundle);
    out.bundle = std::move(*bundle);
    subject.detail += ", from the portal copy of " + audit::formatUtcMillis(p.builtAtMs) + ", " +
                      std::to_string(record.notes.size()) + " notes, " + std::to_string(record.attachments.size()) +
                      " attachments (" + std::to_string(out.notInlined.size()) + " not inline)";
    return out;
}

Result<QByteArray> ExportService::exportFhir(const access::PatientId& patient)
{
    auto exported = exportRecord(patient);
    CC_TRY(exported);
    return std::move(exported->bundle);
}

Result<ExportService::FhirExport> ExportService::exportRecord(const access::PatientId& patient, qint64 attachmentLimit)
{
    AuditSubject subject = makeSubject(AuditEventId::Export, AuditEventType::None, AuditAction::Read, "PatientRecord",
                                       idHex(patient), "fhir export");
    subject.patientId = idHex(patient);
    const access::Session* session = m_clinic.session();
    const bool patientAccount = session != nullptr && session->role() == access::Role::Patient;
    CC_TRY(m_clinic.authorize(patientAccount ? Permission::ExportOwnFhir : Permission::ReadChart, subject));
    auto run = [&]() -> Result<FhirExport> {
        if (attachmentLimit < 0)
            return makeError(ErrorCode::InvalidArgument, "the attachment size limit must not be negative");
        // A patient account exports its own record only (ChartAccess checks it again).
        if (patientAccount && (!session->patientId() || *session->patientId() != patient))
            return makeError(ErrorCode::AccessDenied, "a patient account may export only its own record");
        if (m_clinic.portalMode())
            return fromPortal(patient, attachmentLimit, subject);
        auto chart = PatientService::readChart(m_clinic, patient);
        CC_TRY(chart);
        subject.detail += ", basis " + std::string(access::accessBasisName(chart->basis));
        subject.flagged = chart->basis == access::AccessBasis::BreakGlass;
        interop::PatientRecord record{std::move(chart->patient),
                                      std::move(chart->encounters),
                                      std::move(chart->conditions),
                                      std::move(chart->observations),
                                      std::move(chart->medications),
                                      std::move(chart->allergies),
                                      {},
                                      {}};
        auto clinicalKey = PatientService::openChartKey(m_clinic, patient, access::ChartData::Clinical);
        CC_TRY(clinicalKey);
        auto notes = NoteService::sharedNotes(m_clinic, patient, *clinicalKey);
        CC_TRY(notes);
        record.notes = std::move(*notes);
        auto attachments = AttachmentService::contentsForExport(m_clinic, patient, attachmentLimit);
        CC_TRY(attachments);
        FhirExport out;
        out.attachmentLimit = attachmentLimit;
        for (const auto& a : *attachments)
            if (!a.content)
                out.notInlined.push_back(a.info);
        record.attachments = std::move(*attachments);
        auto bundle = interop::FhirWriter::write(record);
        CC_TRY(bundle);
        out.bundle = std::move(*bundle);
        subject.detail += ", " + std::to_string(record.notes.size()) + " notes, " +
                          std::to_string(record.attachments.size()) + " attachments (" +
                          std::to_string(out.notInlined.size()) + " not inline)";
        return out;
    };
    auto result = run();
    const bool denied = !result && result.error().code == ErrorCode::AccessDenied;
    CC_TRY(m_clinic.record(subject, result ? AuditOutcome::Success
                                           : (denied ? AuditOutcome::SeriousFailure : AuditOutcome::MinorFailure)));
    return result;
}

} // namespace cc::services
