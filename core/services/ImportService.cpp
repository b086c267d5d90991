// SPDX-License-Identifier: GPL-3.0-or-later
// Import: seal every record, tokenise and Paillier-encrypt numeric observations, store in one transaction.
#include "core/services/ImportService.h"
#include "core/services/AuditBinding.h"
#include "core/services/CareTeamBinding.h"

#include "core/interop/Actg315Reader.h"
#include "core/interop/MappedTableReader.h"
#include "core/interop/SyntheaReader.h"
#include "core/records/ObservationIndexer.h"
#include "core/records/PatientKeys.h"
#include "core/records/SealedRow.h"
#include "core/services/ConditionIndex.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <set>

namespace cc::services {

using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

namespace {

/// Encryption uses both cores of the reference machine (DESIGN.md section 10).
constexpr unsigned kThreads = 2;

struct PatientKeysInMemory
{
    const model::Patient* patient = nullptr;
    records::PatientKey identity;
    records::PatientKey clinical;
    access::PatientRef ref; ///< the patient's reference in clinical rows
};

/// The audit detail of an import (at most 200 bytes: counts only, no PHI).
std::string countsText(const interop::ImportSummary& summary)
{
    std::string text = "patients " + std::to_string(summary.count("patients")) + ", observations " +
                       std::to_string(summary.count("observations"));
    for (const char* outcome : {"new", "updated", "unchanged"})
        text += std::string(", ") + outcome + " " + std::to_string(summary.count(outcome));
    return text + ", skipped " + std::to_string(summary.skipped.size()) + ", uncatalogued " +
           std::to_string(summary.uncatalogued.size());
}

} // namespace

Result<interop::ImportSummary> ImportService::importRead(const std::string& source,
                                                         const std::function<Result<interop::ClinicalImport>()>& read,
                                                         const ImportProgress& progress)
{
    // Authorise before reading anything: a denied user learns nothing about the input.
    AuditSubject probe = makeSubject(AuditEventId::Import, AuditEventType::None, AuditAction::Create, "ClinicalImport",
                                     source, "import refused");
    access::Session* session = m_clinic.session();
    if (session == nullptr || session->role() != access::Role::Doctor) {
        CC_TRY(m_clinic.authorize(Permission::ImportRecords, probe));
    }
    auto data = read();
    if (!data) {
        probe.detail = source + " input rejected: " + std::string(errorCodeName(data.error().code));
        CC_TRY(m_clinic.authorize(Permission::ImportRecords, probe));
        CC_TRY(m_clinic.record(probe, AuditOutcome::MinorFailure));
        return std::move(data).error();
    }
    return importRecords(std::move(*data), source, progress);
}

Result<interop::ImportSummary> ImportService::importSynthea(const QString& folder, const ImportProgress& progress)
{
    return importRead(
        "synthea", [&] { return interop::SyntheaReader(m_catalogue, m_clinic.rng()).readFolder(folder); }, progress);
}

Result<interop::ImportSummary> ImportService::importActg315(const QString& file, const ImportProgress& progress)
{
    return importRead(
        "actg315", [&] { return interop::Actg315Reader(m_catalogue, m_clinic.rng()).readFile(file); }, progress);
}

Result<interop::ImportSummary> ImportService::importTable(const QString& file, const QString& mappingFile,
                                                          const ImportProgress& progress)
{
    return importRead(
        "table",
        [&]() -> Result<interop::ClinicalImport> {
            auto mapping = interop::TableMapping::readFile(mappingFile, m_catalogue);
            CC_TRY(mapping);
            return interop::MappedTableReader(m_catalogue, m_clinic.rng()).readFile(file, *mapping);
        },
        progress);
}

Result<interop::ClinicalImport> ImportService::previewTable(const QString& file, const QString& mappingFile,
                                                            std::size_t maxRows)
{
    AuditSubject probe = makeSubject(AuditEventId::Import, AuditEventType::None, AuditAction::Create, "ClinicalImport",
                                     "table", "preview refused");
    CC_TRY(m_clinic.authorize(Permission::ImportRecords, probe));
    auto mapping = interop::TableMapping::readFile(mappingFile, m_catalogue);
    CC_TRY(mapping);
    return interop::MappedTableReader(m_catalogue, m_clinic.rng())
        .readFile(file, *mapping, std::max<std::size_t>(maxRows, 1));
}

Result<interop::ImportSummary> ImportService::importRecords(interop::ClinicalImport data, const std::string& source,
                                                            const ImportProgress& progress)
{
    AuditSubject subject =
        makeSubject(AuditEventId::Import, AuditEventType::None, AuditAction::Create, "ClinicalImport", source, {});
    CC_TRY(m_clinic.authorize(Permission::ImportRecords, subject));
    auto result = store(data, progress, subject);
    if (!result) {
        subject.detail = "import rejected: " + std::string(errorCodeName(result.error().code));
        CC_TRY(m_clinic.record(subject, AuditOutcome::MinorFailure));
    }
    return result;
}

Result<interop::ImportSummary> ImportService::store(interop::ClinicalImport& data, const ImportProgress& progress,
                                                    AuditSubject& subject, std::vector<ExistingPatient>* existing)
{
    auto ring = m_clinic.keys();
    CC_TRY(ring);
    const access::KeyEntry* indexEntry = (*ring)->find(access::KeyKind::Index);
    if (indexEntry == nullptr)
        return makeError(ErrorCode::AccessDenied, "this account holds no index key");
    const crypto::SecureBytes& indexKey = indexEntry->secret;
    auto publicKey = ObservationService::reportKey(m_clinic);
    CC_TRY(publicKey);
    crypto::Rng& rng = m_clinic.rng();
    const records::ObservationIndexer indexer(indexKey, *publicKey, m_catalogue);

    // Counts of what was read, then re-import matching: records imported before are dropped when
    // unchanged and stored over their rows when changed, so importing twice adds nothing.
    interop::ImportSummary summary = data.summary;
    summary.counts["patients"] = data.patients.size();
    summary.counts["encounters"] = data.encounters.size();
    summary.counts["conditions"] = data.conditions.size();
    summary.counts["observations"] = data.observations.size();
    summary.counts["medications"] = data.medications.size();
    summary.counts["allergies"] = data.allergies.size();
    std::size_t numericRead = 0;
    for (const auto& o : data.observations)
        numericRead += o.value ? 1 : 0;
    summary.counts["numeric observations"] = numericRead;
    std::vector<ExistingPatient> none;
    auto matched = match(data, indexKey, existing != nullptr ? *existing : none);
    CC_TRY(matched);
    summary.counts["new"] = matched->fresh;
    summary.counts["updated"] = matched->updated;
    summary.counts["unchanged"] = matched->unchanged;

    // The Paillier encryptions — nearly all of an import's work — start at once on a worker and
    // keep both cores busy while this thread seals the documents and writes them (DESIGN.md
    // section 10: import >= 500 observations/s).
    std::size_t numericTotal = 0;
    for (const auto& o : data.observations)
        numericTotal += o.value ? 1 : 0;
    const std::size_t total = numericTotal + 1;
    if (progress && !progress(0, total))
        return makeError(ErrorCode::Cancelled, "the import was cancelled");
    std::atomic<std::size_t> encrypted{0};
    std::atomic<bool> stop{false};
    auto worker = std::async(std::launch::async, [&] {
        return indexer.encryptAll(data.observations, rng, kThreads, [&](std::size_t done) {
            encrypted = done;
            return !stop.load();
        });
    });
    // The future waits for the worker when it goes out of scope; the guard (destroyed first) tells
    // the worker to stop at its next batch when this thread leaves early with an error.
    struct StopWorker
    {
        std::atomic<bool>& stop;
        ~StopWorker() { stop = true; }
    } stopOnExit{stop};

    // MRNs must be unique across the clinic and within the file; compared on decrypted documents.
    auto mrns = PatientService::mrnsInUse(m_clinic);
    CC_TRY(mrns);
    std::map<access::PatientId, PatientKeysInMemory> keys;
    std::vector<ports::PatientRow> patientRows;
    for (const auto& p : data.patients) {
        if (!mrns->insert(p.mrn).second)
            return makeError(ErrorCode::AlreadyExists, "an imported patient's MRN is already in use");
        PatientKeysInMemory k;
        k.patient = &p;
        auto wrapped = records::PatientKeys::createFor(**ring, p.id, rng, &k.identity, &k.clinical);
        CC_TRY(wrapped);
        auto doc = PatientService::sealIdentity(p, p.id, k.identity, rng);
        CC_TRY(doc);
        patientRows.push_back({p.id, wrapped->identityKeyId, std::move(wrapped->identityWrapped),
                               wrapped->clinicalKeyId, std::move(wrapped->clinicalWrapped), std::move(*doc)});
        auto ref = PatientService::patientRef(m_clinic, p.id, k.clinical);
        CC_TRY(ref);
        k.ref = *ref;
        keys.emplace(p.id, std::move(k));
    }

    // Patients already in the clinic (FHIR references, re-imported patients): their opened
    // clinical keys seal the rows.
    std::set<access::PatientId> existingIds;
    auto addExisting = [&](std::vector<ExistingPatient>& list) {
        for (auto& e : list) {
            PatientKeysInMemory k;
            k.patient = &e.patient;
            k.clinical = records::PatientKey{e.clinical.keyId, e.clinical.secret.clone()};
            k.ref = e.ref;
            keys.emplace(e.patient.id, std::move(k));
            existingIds.insert(e.patient.id);
        }
    };
    if (existing != nullptr)
        addExisting(*existing);
    addExisting(matched->matchedPatients);
    std::vector<std::pair<access::PatientId, std::vector<std::uint8_t>>> patientDocs;
    for (const auto& u : matched->patientUpdates) {
        auto doc = PatientService::sealIdentity(u.patient, u.patient.id, u.identity, rng);
        CC_TRY(doc);
        patientDocs.emplace_back(u.patient.id, std::move(*doc));
    }

    std::vector<ports::ClinicalRow> rows;
    auto seal = [&](const auto& record, ports::ClinicalKind kind, std::optional<model::RowId> encounter) -> Status {
        const auto it = keys.find(record.patientId);
        if (it == keys.end())
            return makeError(ErrorCode::Internal, "an imported record refers to a patient outside the import");
        auto doc = ObservationService::sealClinical(it->second.clinical, record.id, record.toJson(), rng);
        CC_TRY(doc);
        rows.push_back({record.id, it->second.ref, encounter, kind, std::move(*doc)});
        return {};
    };
    for (const auto& e : data.encounters)
        CC_TRY(seal(e, ports::ClinicalKind::Encounter, std::nullopt));
    for (const auto& c : data.conditions)
        CC_TRY(seal(c, ports::ClinicalKind::Condition, c.encounterId));
    for (const auto& m : data.medications)
        CC_TRY(seal(m, ports::ClinicalKind::Medication, m.encounterId));
    for (const auto& a : data.allergies)
        CC_TRY(seal(a, ports::ClinicalKind::Allergy, a.encounterId));

    // Observations: tokens for all (the Paillier values come from the worker).
    std::vector<ports::ObservationIndexRow> index;
    std::map<std::pair<access::PatientId, QString>, std::size_t> latestByPatientCode;
    for (std::size_t i = 0; i < data.observations.size(); ++i) {
        const auto& o = data.observations[i];
        CC_TRY(seal(o, ports::ClinicalKind::Observation, o.encounterId));
        const auto& owner = keys.at(o.patientId);
        auto row = indexer.tokens(*owner.patient, owner.ref, o);
        CC_TRY(row);
        index.push_back(std::move(*row));
        const auto key = std::make_pair(o.patientId, o.code);
        const auto found = latestByPatientCode.find(key);
        if (found == latestByPatientCode.end() || ObservationService::laterThan(o, data.observations[found->second]))
            latestByPatientCode[key] = i;
    }
    for (const auto& [key, i] : latestByPatientCode)
        index[i].latest = true;

    // One transaction: rows, care teams and the audit event commit together or not at all. The
    // sealed rows are written while the worker still encrypts; the index rows wait for it.
    auto tx = m_clinic.backend().transactions().begin();
    CC_TRY(tx);
    // The import's event first: the patients it creates and the importing doctor's care-team rows
    // name it, and it names the set of patients it created (services::CareTeamBinding), so a
    // care-team row written by SQL cannot pass as this import's. A failure below rolls it back.
    const access::UserId doctor = m_clinic.session()->userId();
    std::vector<access::PatientId> created;
    created.reserve(patientRows.size());
    for (const auto& row : patientRows)
        created.push_back(row.id);
    subject.detail =
        audit::fitDetail("imported: " + CareTeamBinding::createdSetText(created) + "; " + countsText(summary));
    auto importSeq = recordForBinding(m_clinic, subject);
    CC_TRY(importSeq);
    for (auto& row : patientRows) {
        row.createdSeq = *importSeq;
        CC_TRY(m_clinic.backend().patients().insert(row));
        CC_TRY(m_clinic.backend().careTeams().add(row.id, doctor, *importSeq));
    }
    for (const auto& [id, doc] : patientDocs)
        CC_TRY(m_clinic.backend().patients().updateDocument(id, doc));
    auto& clinical = m_clinic.backend().clinical();
    for (const auto& row : rows)
        CC_TRY(matched->updates.count(row.id) != 0 ? clinical.updateRow(row.id, row.document)
                                                   : clinical.insertRow(row));
    // Each condition row's blind token (schema 8), new or replacing the one of an updated row.
    for (const auto& c : data.conditions)
        CC_TRY(ConditionIndex::writeToken(m_clinic, indexKey, c));
    if (progress) {
        std::size_t reported = 0;
        while (worker.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
            const std::size_t now = encrypted.load();
            if (now != reported && !progress(now, total)) {
                stop = true;
                worker.wait();
                return makeError(ErrorCode::Cancelled, "the import was cancelled");
            }
            reported = now;
        }
    }
    auto blobs = worker.get();
    CC_TRY(blobs);
    if (progress && !progress(numericTotal, total))
        return makeError(ErrorCode::Cancelled, "the import was cancelled");
    for (std::size_t i = 0; i < index.size(); ++i)
        if (!(*blobs)[i].empty())
            CC_TRY(indexer.attach(index[i], std::move((*blobs)[i])));
    for (const auto& row : index)
        CC_TRY(matched->updates.count(row.rowId) != 0 ? clinical.updateIndex(row) : clinical.insertIndex(row));
    for (const auto& entry : matched->entries)
        CC_TRY(m_clinic.backend().sourceIndex().put(entry));
    // An existing patient may already have a latest observation of an imported code, and an
    // updated observation may have left its old code: every code of such a patient is redone.
    std::set<std::pair<access::PatientId, std::vector<std::uint8_t>>> touched;
    std::set<access::PatientId> touchedPatients;
    for (const auto& o : data.observations)
        if (existingIds.count(o.patientId) != 0)
            touchedPatients.insert(o.patientId);
    for (const auto& patient : touchedPatients) {
        auto stored = clinical.indexOf(keys.at(patient).ref, {});
        CC_TRY(stored);
        for (const auto& row : *stored)
            touched.insert({patient, row.codeToken});
    }
    for (const auto& [patient, token] : touched) {
        const auto& owner = keys.at(patient);
        CC_TRY(ObservationService::refreshLatest(m_clinic, patient, owner.ref, token, owner.clinical));
    }
    CC_TRY((*tx)->commit());
    PatientService::noteStored(m_clinic, data.patients); // the session's directory shows them at once
    if (progress)
        progress(total, total);
    return summary;
}

} // namespace cc::services
