// SPDX-License-Identifier: GPL-3.0-or-later
// Import: seal every record, tokenise and Paillier-encrypt numeric observations, store in one transaction.
#include "core/services/ImportService.h"

#include "core/interop/Actg315Reader.h"
#include "core/interop/SyntheaReader.h"
#include "core/paillier/Paillier.h"
#include "core/records/ObservationLayout.h"
#include "core/records/PatientKeys.h"
#include "core/records/SealedRow.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"

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
};

struct PendingObservation
{
    std::size_t index = 0; ///< into data.observations
    std::uint64_t encoded = 0;
};

std::string countsText(const interop::ImportSummary& summary)
{
    std::string text;
    for (const auto& [type, n] : summary.counts)
        text += (text.empty() ? "" : ", ") + type + " " + std::to_string(n);
    return text + ", skipped " + std::to_string(summary.skipped.size());
}

} // namespace

Result<interop::ImportSummary> ImportService::importSynthea(const QString& folder, const ImportProgress& progress)
{
    // Authorise before reading anything: a denied user learns nothing about the folder.
    AuditSubject probe = makeSubject(AuditEventId::Import, AuditEventType::None, AuditAction::Create, "ClinicalImport",
                                     "synthea", "import refused");
    access::Session* session = m_clinic.session();
    if (session == nullptr || session->role() != access::Role::Doctor) {
        CC_TRY(m_clinic.authorize(Permission::ImportRecords, probe));
    }
    auto data = interop::SyntheaReader(m_catalogue, m_clinic.rng()).readFolder(folder);
    if (!data) {
        probe.detail = "synthea folder rejected: " + std::string(errorCodeName(data.error().code));
        CC_TRY(m_clinic.authorize(Permission::ImportRecords, probe));
        CC_TRY(m_clinic.record(probe, AuditOutcome::MinorFailure));
        return std::move(data).error();
    }
    return importRecords(std::move(*data), "synthea", progress);
}

Result<interop::ImportSummary> ImportService::importActg315(const QString& file, const ImportProgress& progress)
{
    AuditSubject probe = makeSubject(AuditEventId::Import, AuditEventType::None, AuditAction::Create, "ClinicalImport",
                                     "actg315", "import refused");
    access::Session* session = m_clinic.session();
    if (session == nullptr || session->role() != access::Role::Doctor) {
        CC_TRY(m_clinic.authorize(Permission::ImportRecords, probe));
    }
    auto data = interop::Actg315Reader(m_catalogue, m_clinic.rng()).readFile(file);
    if (!data) {
        probe.detail = "actg315 file rejected: " + std::string(errorCodeName(data.error().code));
        CC_TRY(m_clinic.authorize(Permission::ImportRecords, probe));
        CC_TRY(m_clinic.record(probe, AuditOutcome::MinorFailure));
        return std::move(data).error();
    }
    return importRecords(std::move(*data), "actg315", progress);
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

    // Numeric values first (no randomness needed), so the Paillier encryptions — nearly all of an
    // import's work — start at once on a worker and keep both cores busy while this thread seals
    // the documents and writes them (DESIGN.md section 10: import ≥ 500 observations/s).
    std::map<QString, std::vector<PendingObservation>> numericByCode;
    for (std::size_t i = 0; i < data.observations.size(); ++i) {
        const auto& o = data.observations[i];
        if (!o.value)
            continue;
        auto normalised = m_catalogue.normalise(o.code, *o.value, o.unit);
        CC_TRY(normalised);
        numericByCode[o.code].push_back({i, normalised->encoded});
    }
    std::size_t numericTotal = 0;
    for (const auto& [code, pending] : numericByCode)
        numericTotal += pending.size();
    const std::size_t total = numericTotal + 1;
    if (progress && !progress(0, total))
        return makeError(ErrorCode::Cancelled, "the import was cancelled");

    std::vector<std::vector<std::uint8_t>> paillierBlobs(data.observations.size()); // each slot written once
    std::atomic<std::size_t> encrypted{0};
    std::atomic<bool> stop{false};
    auto encryptAll = [&]() -> Status {
        for (const auto& [code, pending] : numericByCode) {
            auto layout = records::ObservationLayout::forCode(m_catalogue, code);
            if (!layout && layout.error().code == ErrorCode::Unsupported) {
                encrypted += pending.size(); // stored sealed and tokenised, without a Paillier value
                continue;
            }
            CC_TRY(layout);
            CC_TRY(layout->checkFits(*publicKey));
            for (std::size_t start = 0; start < pending.size(); start += kBatchSize) {
                if (stop)
                    return makeError(ErrorCode::Cancelled, "the import was cancelled");
                const std::size_t end = std::min(pending.size(), start + kBatchSize);
                std::vector<paillier::Plaintext> plaintexts;
                plaintexts.reserve(end - start);
                for (std::size_t j = start; j < end; ++j) {
                    auto packed = layout->encode(pending[j].encoded);
                    CC_TRY(packed);
                    plaintexts.push_back(std::move(*packed));
                }
                auto ciphertexts = paillier::encryptBatch(*publicKey, plaintexts, rng, kThreads, layout->id());
                CC_TRY(ciphertexts);
                for (std::size_t j = start; j < end; ++j)
                    paillierBlobs[pending[j].index] = (*ciphertexts)[j - start].toBytes();
                encrypted += end - start;
            }
        }
        return {};
    };
    // The future waits for the worker when it goes out of scope; the guard (destroyed first) tells
    // the worker to stop at its next batch when this thread leaves early with an error.
    auto worker = std::async(std::launch::async, encryptAll);
    struct StopWorker
    {
        std::atomic<bool>& stop;
        ~StopWorker() { stop = true; }
    } stopOnExit{stop};

    // MRNs must be unique across the clinic and within the file; compared on decrypted documents.
    auto mrns = PatientService::mrnsInUse(m_clinic);
    CC_TRY(mrns);
    std::map<model::RowId, PatientKeysInMemory> keys;
    std::vector<ports::PatientRow> patientRows;
    for (const auto& p : data.patients) {
        if (!mrns->insert(p.mrn).second)
            return makeError(ErrorCode::AlreadyExists, "an imported patient's MRN is already in use");
        PatientKeysInMemory k;
        k.patient = &p;
        auto wrapped = records::PatientKeys::createFor(**ring, p.id, rng, &k.identity, &k.clinical);
        CC_TRY(wrapped);
        const QByteArray json = p.toJson();
        auto doc = records::SealedRow::seal(
            k.identity.secret, k.identity.keyId, PatientService::kTable, PatientService::kColumn, p.id,
            {reinterpret_cast<const std::uint8_t*>(json.constData()), static_cast<std::size_t>(json.size())}, rng);
        CC_TRY(doc);
        patientRows.push_back({p.id, wrapped->identityKeyId, std::move(wrapped->identityWrapped),
                               wrapped->clinicalKeyId, std::move(wrapped->clinicalWrapped), std::move(*doc)});
        keys.emplace(p.id, std::move(k));
    }

    // Patients already in the clinic (FHIR references): their opened clinical keys seal the rows.
    std::set<model::RowId> existingIds;
    if (existing != nullptr) {
        for (auto& e : *existing) {
            PatientKeysInMemory k;
            k.patient = &e.patient;
            k.clinical = records::PatientKey{e.clinical.keyId, e.clinical.secret.clone()};
            keys.emplace(e.patient.id, std::move(k));
            existingIds.insert(e.patient.id);
        }
    }

    std::vector<ports::ClinicalRow> rows;
    auto seal = [&](const auto& record, ports::ClinicalKind kind, std::optional<model::RowId> encounter) -> Status {
        const auto it = keys.find(record.patientId);
        if (it == keys.end())
            return makeError(ErrorCode::Internal, "an imported record refers to a patient outside the import");
        auto doc = ObservationService::sealClinical(it->second.clinical, record.id, record.toJson(), rng);
        CC_TRY(doc);
        rows.push_back({record.id, record.patientId, encounter, kind, std::move(*doc)});
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
    std::map<std::pair<model::RowId, QString>, std::size_t> latestByPatientCode;
    for (std::size_t i = 0; i < data.observations.size(); ++i) {
        const auto& o = data.observations[i];
        CC_TRY(seal(o, ports::ClinicalKind::Observation, o.encounterId));
        auto row = ObservationService::tokensFor(indexKey, *keys.at(o.patientId).patient, o);
        CC_TRY(row);
        index.push_back(std::move(*row));
        const auto key = std::make_pair(o.patientId, o.code);
        const auto found = latestByPatientCode.find(key);
        if (found == latestByPatientCode.end() || ObservationService::laterThan(o, data.observations[found->second]))
            latestByPatientCode[key] = i;
    }
    for (const auto& [key, i] : latestByPatientCode)
        index[i].latest = true;

    interop::ImportSummary summary = data.summary;
    summary.counts["patients"] = data.patients.size();
    summary.counts["encounters"] = data.encounters.size();
    summary.counts["conditions"] = data.conditions.size();
    summary.counts["observations"] = data.observations.size();
    summary.counts["medications"] = data.medications.size();
    summary.counts["allergies"] = data.allergies.size();
    summary.counts["numeric observations"] = numericTotal;

    // One transaction: rows, care teams and the audit event commit together or not at all. The
    // sealed rows are written while the worker still encrypts; the index rows wait for it.
    auto tx = m_clinic.backend().transactions().begin();
    CC_TRY(tx);
    const access::UserId doctor = m_clinic.session()->userId();
    for (const auto& row : patientRows) {
        CC_TRY(m_clinic.backend().patients().insert(row));
        CC_TRY(m_clinic.backend().careTeams().add(row.id, doctor));
    }
    for (const auto& row : rows)
        CC_TRY(m_clinic.backend().clinical().insertRow(row));
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
    CC_TRY(worker.get());
    if (progress && !progress(numericTotal, total))
        return makeError(ErrorCode::Cancelled, "the import was cancelled");
    for (std::size_t i = 0; i < index.size(); ++i) {
        if (paillierBlobs[i].empty())
            continue;
        auto& row = index[i];
        row.paillier = std::move(paillierBlobs[i]);
        auto mac = ObservationService::rowMac(indexKey, row.rowId, row.paillier);
        CC_TRY(mac);
        row.paillierMac.assign(mac->begin(), mac->end());
    }
    for (const auto& row : index)
        CC_TRY(m_clinic.backend().clinical().insertIndex(row));
    // An existing patient may already have a latest observation of an imported code.
    std::set<std::pair<model::RowId, std::vector<std::uint8_t>>> touched;
    for (const auto& row : index)
        if (existingIds.count(row.patientId) != 0)
            touched.insert({row.patientId, row.codeToken});
    for (const auto& [patient, token] : touched)
        CC_TRY(ObservationService::refreshLatest(m_clinic, patient, token, keys.at(patient).clinical));
    subject.detail = "imported: " + countsText(summary);
    CC_TRY(m_clinic.record(subject, AuditOutcome::Success));
    CC_TRY((*tx)->commit());
    PatientService::noteStored(m_clinic, data.patients); // the session's directory shows them at once
    if (progress)
        progress(total, total);
    return summary;
}

} // namespace cc::services
