// SPDX-License-Identifier: GPL-3.0-or-later
// FHIR R4 import: one transaction per file, references to patients already in the clinic resolved.
#include "core/interop/FhirReader.h"
#include "core/services/ImportService.h"
#include "core/services/PatientService.h"

#include <QFileInfo>

#include <map>

namespace cc::services {

using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

namespace {

/// Every patient of the clinic by source id, from identity documents decrypted in memory.
Result<std::multimap<QString, model::Patient>> patientsBySourceId(ClinicService& clinic)
{
    auto ring = clinic.keys();
    CC_TRY(ring);
    auto rows = clinic.backend().patients().list();
    CC_TRY(rows);
    std::multimap<QString, model::Patient> out;
    for (const auto& row : *rows) {
        auto key = records::PatientKeys::unwrap(**ring, records::PatientKeyKind::Identity, row.id, row.identityKeyId,
                                                row.identityKeyWrapped);
        CC_TRY(key);
        auto patient = PatientService::openIdentity(row, *key);
        CC_TRY(patient);
        if (!patient->sourceId.isEmpty())
            out.emplace(patient->sourceId, std::move(*patient));
    }
    return out;
}

/// Points every record of a placeholder patient at the patient found in the clinic.
template <typename List> void relink(List& records, const access::PatientId& from, const access::PatientId& to)
{
    for (auto& r : records)
        if (r.patientId == from)
            r.patientId = to;
}

} // namespace

Result<interop::ImportSummary> ImportService::importFhir(const QStringList& files, const ImportProgress& progress)
{
    interop::ImportSummary total;
    total.counts["files"] = 0;
    for (qsizetype i = 0; i < files.size(); ++i) {
        // Progress over all files: each file is one share of the bar.
        const ImportProgress fileProgress = [&](std::size_t done, std::size_t all) {
            if (!progress)
                return true;
            const std::size_t scale = 1000;
            const std::size_t within = all == 0 ? 0 : done * scale / all;
            return progress(static_cast<std::size_t>(i) * scale + within,
                            static_cast<std::size_t>(files.size()) * scale);
        };
        auto one = importFhirFile(files[i], fileProgress);
        if (!one) {
            Error error = std::move(one).error();
            if (error.file.empty()) // a store-level refusal (an MRN in use): name the file it came from
                error.file = QFileInfo(files[i]).fileName().toStdString();
            if (i > 0)
                error.message += " (the " + std::to_string(i) + " file" + (i == 1 ? "" : "s") +
                                 " before it were imported and are kept)";
            return error;
        }
        total.add(*one);
        ++total.counts["files"];
    }
    return total;
}

Result<interop::ImportSummary> ImportService::importFhirFile(const QString& file, const ImportProgress& progress)
{
    AuditSubject probe = makeSubject(AuditEventId::Import, AuditEventType::None, AuditAction::Create, "ClinicalImport",
                                     "fhir", "import refused");
    // Authorise before reading anything: a denied user learns nothing about the file.
    access::Session* session = m_clinic.session();
    if (session == nullptr || session->role() != access::Role::Doctor) {
        CC_TRY(m_clinic.authorize(Permission::ImportRecords, probe));
    }
    auto rejected = [&](Error error) -> Result<interop::ImportSummary> {
        probe.detail = "fhir file rejected: " + std::string(errorCodeName(error.code));
        CC_TRY(m_clinic.authorize(Permission::ImportRecords, probe));
        CC_TRY(m_clinic.record(probe, AuditOutcome::MinorFailure));
        return error;
    };
    auto data = interop::FhirReader(m_catalogue, m_clinic.rng()).readFile(file);
    if (!data)
        return rejected(std::move(data).error());

    std::vector<ExistingPatient> existing;
    if (!data->external.empty()) {
        auto known = patientsBySourceId(m_clinic);
        if (!known)
            return rejected(std::move(known).error());
        const std::string name = QFileInfo(file).fileName().toStdString();
        for (const auto& ref : data->external) {
            const auto count = known->count(ref.sourceId);
            if (count != 1)
                return rejected(malformed(count == 0
                                              ? "the patient reference names no patient in the file or the clinic"
                                              : "the patient reference names more than one patient of the clinic",
                                          name, 0, ref.field));
            model::Patient patient = known->find(ref.sourceId)->second;
            // Adding to a chart needs the same access as writing it: care team or break-glass.
            auto key = PatientService::openChartKey(m_clinic, patient.id, access::ChartData::Clinical);
            if (!key)
                return rejected(std::move(key).error());
            auto& records = data->records;
            relink(records.encounters, ref.placeholder, patient.id);
            relink(records.conditions, ref.placeholder, patient.id);
            relink(records.observations, ref.placeholder, patient.id);
            relink(records.medications, ref.placeholder, patient.id);
            relink(records.allergies, ref.placeholder, patient.id);
            existing.push_back({std::move(patient), std::move(key->key), key->ref});
        }
    }

    AuditSubject subject =
        makeSubject(AuditEventId::Import, AuditEventType::None, AuditAction::Create, "ClinicalImport", "fhir", {});
    CC_TRY(m_clinic.authorize(Permission::ImportRecords, subject));
    auto result = store(data->records, progress, subject, &existing);
    if (!result) {
        subject.detail = "import rejected: " + std::string(errorCodeName(result.error().code));
        CC_TRY(m_clinic.record(subject, AuditOutcome::MinorFailure));
    }
    return result;
}

} // namespace cc::services
