// SPDX-License-Identifier: GPL-3.0-or-later
// Observation use cases and the indexing shared with the import.
#include "core/services/ObservationService.h"
#include "core/services/ChartManifests.h"

#include "core/paillier/Ciphertext.h"
#include "core/paillier/KeyFile.h"
#include "core/records/BlindToken.h"
#include "core/records/ObservationIndexer.h"
#include "core/records/SealedRow.h"
#include "core/services/PatientService.h"
#include "core/services/ReportKeyPin.h"

#include <QDateTime>

#include <map>

namespace cc::services {

using access::ChartData;
using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

namespace {

std::vector<std::uint8_t> tokenBytes(const records::Token& t)
{
    return {t.begin(), t.end()};
}

Result<const crypto::SecureBytes*> indexKeyOf(ClinicService& clinic)
{
    auto ring = clinic.keys();
    CC_TRY(ring);
    const access::KeyEntry* entry = (*ring)->find(access::KeyKind::Index);
    if (entry == nullptr)
        return makeError(ErrorCode::AccessDenied, "this account holds no index key");
    return &entry->secret;
}

Result<model::Observation> openObservation(const records::PatientKey& key, const ports::ClinicalRow& row,
                                           const access::PatientId& patient)
{
    auto plain = records::SealedRow::open(key.secret, key.keyId, ObservationService::kTable,
                                          ObservationService::kColumn, row.id, row.document);
    CC_TRY(plain);
    auto obs = model::Observation::fromJson(
        QByteArray(reinterpret_cast<const char*>(plain->data()), static_cast<qsizetype>(plain->size())));
    CC_TRY(obs);
    obs->id = row.id;
    obs->patientId = patient;
    obs->encounterId = row.encounterId;
    return std::move(*obs);
}

AuditOutcome outcomeOf(const Error* error)
{
    if (error == nullptr)
        return AuditOutcome::Success;
    return error->code == ErrorCode::AccessDenied ? AuditOutcome::SeriousFailure : AuditOutcome::MinorFailure;
}

} // namespace

Result<paillier::PublicKey> ObservationService::reportKey(ClinicService& clinic)
{
    auto verified = ReportKeyPin::load(clinic); // pinned at the ceremony: checked before every encryption
    CC_TRY(verified);
    return verified->publicKey;
}

Result<std::vector<std::uint8_t>> ObservationService::consentToken(const crypto::SecureBytes& indexKey, bool consents)
{
    return records::ObservationIndexer::consentToken(indexKey, consents);
}

Result<crypto::Digest256> ObservationService::rowMac(const crypto::SecureBytes& indexKey, const model::RowId& rowId,
                                                     std::span<const std::uint8_t> ciphertext)
{
    return records::ObservationIndexer::rowMac(indexKey, rowId, ciphertext);
}

bool ObservationService::laterThan(const model::Observation& a, const model::Observation& b)
{
    const QDateTime ta = QDateTime::fromString(a.effective, Qt::ISODate);
    const QDateTime tb = QDateTime::fromString(b.effective, Qt::ISODate);
    if (ta.isValid() && tb.isValid() && ta != tb)
        return ta > tb;
    if (!(ta.isValid() && tb.isValid()) && a.effective != b.effective)
        return a.effective > b.effective;
    return a.id > b.id;
}

Result<std::vector<std::uint8_t>> ObservationService::sealClinical(const records::PatientKey& key,
                                                                   const model::RowId& rowId, const QByteArray& json,
                                                                   crypto::Rng& rng)
{
    return records::SealedRow::seal(
        key.secret, key.keyId, kTable, kColumn, rowId,
        {reinterpret_cast<const std::uint8_t*>(json.constData()), static_cast<std::size_t>(json.size())}, rng);
}

Status ObservationService::refreshLatest(ClinicService& clinic, const access::PatientId& patient,
                                         const access::PatientRef& ref, const std::vector<std::uint8_t>& codeToken,
                                         const records::PatientKey& clinicalKey)
{
    auto& store = clinic.backend().clinical();
    auto index = store.indexOf(ref, codeToken);
    CC_TRY(index);
    std::optional<model::Observation> best;
    for (const auto& entry : *index) {
        auto row = store.findRow(entry.rowId);
        CC_TRY(row);
        if (!row->has_value())
            return makeError(ErrorCode::IntegrityFailure, "an observation index row has no clinical row");
        auto obs = openObservation(clinicalKey, **row, patient);
        CC_TRY(obs);
        if (!best || laterThan(*obs, *best))
            best = std::move(*obs);
    }
    for (const auto& entry : *index) {
        const bool latest = best && entry.rowId == best->id;
        if (latest != entry.latest)
            CC_TRY(store.setLatest(entry.rowId, latest));
    }
    return {};
}

Result<ObservationService::Prepared> ObservationService::prepare(const access::PatientId& patient,
                                                                 model::Observation& observation)
{
    if (!observation.value)
        return malformed("a numeric observation needs a value", {}, 0, "value");
    // Typed entry is stricter than an import: a catalogued code must come in one of its units (a
    // clinician's "furlong" for a body weight is a typing error, refused naming the unit); only a
    // code outside the catalogue is kept as given, generic, as imports keep it.
    if (m_catalogue.find(observation.code) != nullptr) {
        auto normalised = m_catalogue.normalise(observation.code, *observation.value, observation.unit);
        CC_TRY(normalised);
    }
    auto accepted = m_catalogue.accept(observation.code, *observation.value, observation.unit);
    CC_TRY(accepted);
    observation.value = accepted->value;
    observation.unit = accepted->unit;
    observation.patientId = patient;
    // The model's strict decoder is the one rule book: a form's document must read back.
    auto checked = model::Observation::fromJson(observation.toJson());
    CC_TRY(checked);
    auto clinicalKey = PatientService::openChartKey(m_clinic, patient, ChartData::Clinical);
    CC_TRY(clinicalKey);
    auto identityKey = PatientService::openChartKey(m_clinic, patient, ChartData::Identity);
    CC_TRY(identityKey);
    auto patientRow = m_clinic.backend().patients().find(patient);
    CC_TRY(patientRow);
    if (!patientRow->has_value())
        return makeError(ErrorCode::NotFound, "no patient with this row id");
    auto identity = PatientService::openIdentity(**patientRow, identityKey->key);
    CC_TRY(identity);
    auto indexKey = indexKeyOf(m_clinic);
    CC_TRY(indexKey);
    auto publicKey = reportKey(m_clinic);
    CC_TRY(publicKey);
    const records::ObservationIndexer indexer(**indexKey, *publicKey, m_catalogue);
    auto index = indexer.index(*identity, clinicalKey->ref, observation, m_clinic.rng());
    CC_TRY(index);
    auto doc = sealClinical(clinicalKey->key, observation.id, observation.toJson(), m_clinic.rng());
    CC_TRY(doc);
    return Prepared{std::move(*clinicalKey), std::move(*index), std::move(*doc)};
}

Result<model::RowId> ObservationService::add(const access::PatientId& patient, model::Observation observation,
                                             model::Observation* stored)
{
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Create,
                                       "Observation", {}, "observation added");
    subject.patientId = idHex(patient);
    CC_TRY(m_clinic.authorize(Permission::WriteChart, subject));
    auto run = [&]() -> Result<model::RowId> {
        observation.id = model::newRowId(m_clinic.rng());
        subject.objectId = idHex(observation.id);
        auto prepared = prepare(patient, observation);
        CC_TRY(prepared);
        auto tx = m_clinic.backend().transactions().begin();
        CC_TRY(tx);
        CC_TRY(m_clinic.backend().clinical().insertRow({observation.id, prepared->key.ref, observation.encounterId,
                                                        ports::ClinicalKind::Observation, std::move(prepared->doc)}));
        CC_TRY(m_clinic.backend().clinical().insertIndex(prepared->index));
        CC_TRY(refreshLatest(m_clinic, patient, prepared->key.ref, prepared->index.codeToken, prepared->key.key));
        subject.flagged = prepared->key.basis == access::AccessBasis::BreakGlass;
        CC_TRY(m_clinic.record(subject, AuditOutcome::Success));
        CC_TRY((*tx)->commit());
        if (stored != nullptr)
            *stored = observation;
        return observation.id;
    };
    auto result = run();
    if (!result)
        CC_TRY(m_clinic.record(subject, outcomeOf(&result.error())));
    return result;
}

Status ObservationService::update(model::Observation observation, model::Observation* stored)
{
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Update,
                                       "Observation", idHex(observation.id), "observation edited");
    CC_TRY(m_clinic.authorize(Permission::WriteChart, subject));
    auto run = [&]() -> Status {
        auto& store = m_clinic.backend().clinical();
        auto row = store.findRow(observation.id);
        CC_TRY(row);
        if (!row->has_value() || (*row)->kind != ports::ClinicalKind::Observation)
            return makeError(ErrorCode::NotFound, "no observation with this row id");
        const access::PatientId patient = observation.patientId;
        subject.patientId = idHex(patient);
        // The row's links are plaintext columns an edit does not move.
        observation.encounterId = (*row)->encounterId;
        auto prepared = prepare(patient, observation);
        CC_TRY(prepared);
        if ((*row)->patientRef != prepared->key.ref)
            return makeError(ErrorCode::NotFound, "no observation with this row id in this patient's chart");
        auto index = store.indexOf(prepared->key.ref, {});
        CC_TRY(index);
        std::vector<std::uint8_t> oldCodeToken;
        for (const auto& entry : *index)
            if (entry.rowId == observation.id)
                oldCodeToken = entry.codeToken;
        auto tx = m_clinic.backend().transactions().begin();
        CC_TRY(tx);
        CC_TRY(store.updateRow(observation.id, prepared->doc));
        if (oldCodeToken.empty())
            CC_TRY(store.insertIndex(prepared->index));
        else
            CC_TRY(store.updateIndex(prepared->index));
        // The date or the code may have moved: both (patient, code) groups get their flag recomputed.
        CC_TRY(refreshLatest(m_clinic, patient, prepared->key.ref, prepared->index.codeToken, prepared->key.key));
        if (!oldCodeToken.empty() && oldCodeToken != prepared->index.codeToken)
            CC_TRY(refreshLatest(m_clinic, patient, prepared->key.ref, oldCodeToken, prepared->key.key));
        subject.flagged = prepared->key.basis == access::AccessBasis::BreakGlass;
        CC_TRY(m_clinic.record(subject, AuditOutcome::Success));
        CC_TRY((*tx)->commit());
        if (stored != nullptr)
            *stored = observation;
        return {};
    };
    auto result = run();
    if (!result)
        CC_TRY(m_clinic.record(subject, outcomeOf(&result.error())));
    return result;
}

Result<std::vector<ObservationEntry>> ObservationService::list(const access::PatientId& patient, const QString& code)
{
    AuditSubject subject =
        makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Read, "Observation", {},
                    code.isEmpty() ? "observation list" : "observation list by code");
    subject.patientId = idHex(patient);
    CC_TRY(m_clinic.authorize(Permission::ReadChart, subject));
    auto run = [&]() -> Result<std::vector<ObservationEntry>> {
        auto clinicalKey = PatientService::openChartKey(m_clinic, patient, ChartData::Clinical);
        CC_TRY(clinicalKey);
        subject.flagged = clinicalKey->basis == access::AccessBasis::BreakGlass;
        std::vector<std::uint8_t> codeToken;
        if (!code.isEmpty()) {
            auto indexKey = indexKeyOf(m_clinic);
            CC_TRY(indexKey);
            auto token =
                records::BlindToken::compute(**indexKey, records::TokenDimension::ObservationCode, code.toStdString());
            CC_TRY(token);
            codeToken = tokenBytes(*token);
        }
        auto& store = m_clinic.backend().clinical();
        auto index = store.indexOf(clinicalKey->ref, codeToken);
        CC_TRY(index);
        std::map<model::RowId, bool> latest;
        for (const auto& entry : *index)
            latest[entry.rowId] = entry.latest;
        std::vector<ObservationEntry> out;
        // Every observation row of the chart, checked against its manifest (a deleted or reverted
        // result is named even when only one code's series is shown).
        auto rows = ChartManifests::rowsOf(m_clinic, *clinicalKey, ports::ClinicalKind::Observation);
        CC_TRY(rows);
        if (code.isEmpty()) {
            for (const auto& row : *rows) {
                auto obs = openObservation(clinicalKey->key, row, patient);
                CC_TRY(obs);
                out.push_back({std::move(*obs), latest.count(row.id) != 0 && latest[row.id]});
            }
        } else {
            std::map<model::RowId, const ports::ClinicalRow*> byId;
            for (const auto& row : *rows)
                byId.emplace(row.id, &row);
            for (const auto& entry : *index) {
                const auto row = byId.find(entry.rowId);
                if (row == byId.end())
                    return makeError(ErrorCode::IntegrityFailure, "an observation index row has no clinical row");
                auto obs = openObservation(clinicalKey->key, *row->second, patient);
                CC_TRY(obs);
                out.push_back({std::move(*obs), entry.latest});
            }
        }
        std::sort(out.begin(), out.end(), [](const ObservationEntry& a, const ObservationEntry& b) {
            return laterThan(b.observation, a.observation);
        });
        subject.detail += ", " + std::to_string(out.size()) + " observations";
        return out;
    };
    auto result = run();
    CC_TRY(m_clinic.record(subject, result ? AuditOutcome::Success : outcomeOf(&result.error())));
    return result;
}

Status ObservationService::remove(const access::PatientId& patient, const model::RowId& observation)
{
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Delete,
                                       "Observation", idHex(observation), "observation deleted");
    subject.patientId = idHex(patient);
    CC_TRY(m_clinic.authorize(Permission::WriteChart, subject));
    auto run = [&]() -> Status {
        auto& store = m_clinic.backend().clinical();
        auto row = store.findRow(observation);
        CC_TRY(row);
        if (!row->has_value() || (*row)->kind != ports::ClinicalKind::Observation)
            return makeError(ErrorCode::NotFound, "no observation with this row id");
        auto clinicalKey = PatientService::openChartKey(m_clinic, patient, ChartData::Clinical);
        CC_TRY(clinicalKey);
        if ((*row)->patientRef != clinicalKey->ref)
            return makeError(ErrorCode::NotFound, "no observation with this row id in this patient's chart");
        auto index = store.indexOf(clinicalKey->ref, {});
        CC_TRY(index);
        std::vector<std::uint8_t> codeToken;
        for (const auto& entry : *index)
            if (entry.rowId == observation)
                codeToken = entry.codeToken;
        auto tx = m_clinic.backend().transactions().begin();
        CC_TRY(tx);
        CC_TRY(store.deleteRow(observation));
        if (!codeToken.empty())
            CC_TRY(refreshLatest(m_clinic, patient, clinicalKey->ref, codeToken, clinicalKey->key));
        CC_TRY(m_clinic.record(subject, AuditOutcome::Success));
        return (*tx)->commit();
    };
    auto result = run();
    if (!result)
        CC_TRY(m_clinic.record(subject, outcomeOf(&result.error())));
    return result;
}

} // namespace cc::services
