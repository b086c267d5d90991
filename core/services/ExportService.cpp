// SPDX-License-Identifier: GPL-3.0-or-later
// FHIR export of one patient's record, checked like a chart read and audited as an export.
#include "core/services/ExportService.h"

#include "core/crypto/Aead.h"
#include "core/interop/FhirWriter.h"
#include "core/services/AttachmentService.h"
#include "core/services/NoteService.h"
#include "core/services/PatientService.h"

namespace cc::services {

using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

namespace {

/// The notes shared with the patient: those sealed under the patient's clinical key (the others
/// are under the confidential key, which the export never opens).
Result<std::vector<model::ClinicalNote>> sharedNotes(ClinicService& clinic, const model::RowId& patient)
{
    auto key = PatientService::openChartKey(clinic, patient, access::ChartData::Clinical);
    CC_TRY(key);
    auto rows = clinic.backend().clinical().rowsOf(key->ref, ports::ClinicalKind::Note);
    CC_TRY(rows);
    std::vector<model::ClinicalNote> out;
    for (const auto& row : *rows) {
        auto keyId = crypto::Aead::keyIdOf(row.document);
        CC_TRY(keyId);
        if (*keyId != key->key.keyId)
            continue;
        auto note = NoteService::openNote(key->key, row.id, patient, row.document);
        CC_TRY(note);
        if (!note->sharedWithPatient)
            continue;
        note->encounterId = row.encounterId;
        out.push_back(std::move(*note));
    }
    return out;
}

} // namespace

Result<QByteArray> ExportService::exportFhir(const model::RowId& patient)
{
    auto exported = exportRecord(patient);
    CC_TRY(exported);
    return std::move(exported->bundle);
}

Result<ExportService::FhirExport> ExportService::exportRecord(const model::RowId& patient, qint64 attachmentLimit)
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
        auto notes = sharedNotes(m_clinic, patient);
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
