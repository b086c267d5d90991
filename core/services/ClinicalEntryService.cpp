// SPDX-License-Identifier: GPL-3.0-or-later
// Condition, medication and allergy entry over sealed clinical rows; one template serves the three kinds.
#include "core/services/ClinicalEntryService.h"
#include "core/services/ChartManifests.h"

#include "core/records/SealedRow.h"
#include "core/services/ConditionIndex.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"

#include <algorithm>
#include <string>
#include <type_traits>

namespace cc::services {

using access::ChartData;
using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

namespace {

/// What differs between the three kinds: the stored kind, the audit object type and the date a
/// list is sorted by.
template <typename T> struct EntryTraits;

template <> struct EntryTraits<model::Condition>
{
    static constexpr ports::ClinicalKind kKind = ports::ClinicalKind::Condition;
    static constexpr const char* kObject = "Condition";
    static constexpr const char* kNoun = "condition";
    static const QString& date(const model::Condition& c) { return c.onset; }
};

template <> struct EntryTraits<model::Medication>
{
    static constexpr ports::ClinicalKind kKind = ports::ClinicalKind::Medication;
    static constexpr const char* kObject = "Medication";
    static constexpr const char* kNoun = "medication";
    static const QString& date(const model::Medication& m) { return m.start; }
};

template <> struct EntryTraits<model::Allergy>
{
    static constexpr ports::ClinicalKind kKind = ports::ClinicalKind::Allergy;
    static constexpr const char* kObject = "Allergy";
    static constexpr const char* kNoun = "allergy";
    static const QString& date(const model::Allergy& a) { return a.start; }
};

AuditOutcome outcomeOf(const Error& error)
{
    return error.code == ErrorCode::AccessDenied ? AuditOutcome::SeriousFailure : AuditOutcome::MinorFailure;
}

/// The model's strict decoder applied to the document a form produced: the one rule book for
/// codes, dates, tokens and limits, with errors naming "<type>.<field>".
template <typename T> Status validate(const T& entry)
{
    auto checked = T::fromJson(entry.toJson());
    CC_TRY(checked);
    return {};
}

/// A condition row's blind token (schema 8), written in the row's transaction after the row; the
/// other kinds have none.
template <typename T> Status writeTokens(ClinicService& clinic, const T& entry)
{
    if constexpr (std::is_same_v<T, model::Condition>) {
        auto key = ConditionIndex::indexKey(clinic);
        CC_TRY(key);
        return ConditionIndex::writeToken(clinic, **key, entry);
    } else {
        static_cast<void>(clinic);
        static_cast<void>(entry);
        return {};
    }
}

template <typename T>
Result<T> openEntry(const records::PatientKey& key, const ports::ClinicalRow& row, const access::PatientId& patient)
{
    auto plain = records::SealedRow::open(key.secret, key.keyId, ObservationService::kTable,
                                          ObservationService::kColumn, row.id, row.document);
    CC_TRY(plain);
    auto entry =
        T::fromJson(QByteArray(reinterpret_cast<const char*>(plain->data()), static_cast<qsizetype>(plain->size())));
    CC_TRY(entry);
    entry->id = row.id;
    entry->patientId = patient;
    entry->encounterId = row.encounterId;
    return std::move(*entry);
}

} // namespace

template <typename T> Result<model::RowId> ClinicalEntryService::add(const access::PatientId& patient, T entry)
{
    using Traits = EntryTraits<T>;
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Create,
                                       Traits::kObject, {}, std::string(Traits::kNoun) + " added");
    subject.patientId = idHex(patient);
    CC_TRY(m_clinic.authorize(Permission::WriteChart, subject));
    auto run = [&]() -> Result<model::RowId> {
        CC_TRY(validate(entry));
        auto key = PatientService::openChartKey(m_clinic, patient, ChartData::Clinical);
        CC_TRY(key);
        subject.flagged = key->basis == access::AccessBasis::BreakGlass;
        entry.id = model::newRowId(m_clinic.rng());
        entry.patientId = patient;
        subject.objectId = idHex(entry.id);
        auto doc = ObservationService::sealClinical(key->key, entry.id, entry.toJson(), m_clinic.rng());
        CC_TRY(doc);
        auto tx = m_clinic.backend().transactions().begin();
        CC_TRY(tx);
        CC_TRY(m_clinic.backend().clinical().insertRow(
            {entry.id, key->ref, entry.encounterId, Traits::kKind, std::move(*doc)}));
        CC_TRY(writeTokens(m_clinic, entry));
        CC_TRY(m_clinic.record(subject, AuditOutcome::Success));
        CC_TRY((*tx)->commit());
        return entry.id;
    };
    auto result = run();
    if (!result)
        CC_TRY(m_clinic.record(subject, outcomeOf(result.error())));
    return result;
}

template <typename T> Status ClinicalEntryService::update(T entry)
{
    using Traits = EntryTraits<T>;
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Update,
                                       Traits::kObject, idHex(entry.id), std::string(Traits::kNoun) + " edited");
    CC_TRY(m_clinic.authorize(Permission::WriteChart, subject));
    auto run = [&]() -> Status {
        auto& store = m_clinic.backend().clinical();
        auto row = store.findRow(entry.id);
        CC_TRY(row);
        if (!row->has_value() || (*row)->kind != Traits::kKind)
            return makeError(ErrorCode::NotFound, "no " + std::string(Traits::kNoun) + " with this row id");
        const access::PatientId patient = entry.patientId;
        subject.patientId = idHex(patient);
        auto key = PatientService::openChartKey(m_clinic, patient, ChartData::Clinical);
        CC_TRY(key);
        if ((*row)->patientRef != key->ref)
            return makeError(ErrorCode::NotFound,
                             "no " + std::string(Traits::kNoun) + " with this row id in this patient's chart");
        subject.flagged = key->basis == access::AccessBasis::BreakGlass;
        // The stored row must open under this patient's key before it is replaced: an edit never
        // papers over a tampered row.
        auto current = openEntry<T>(key->key, **row, patient);
        CC_TRY(current);
        CC_TRY(validate(entry));
        entry.encounterId = (*row)->encounterId;
        auto doc = ObservationService::sealClinical(key->key, entry.id, entry.toJson(), m_clinic.rng());
        CC_TRY(doc);
        auto tx = m_clinic.backend().transactions().begin();
        CC_TRY(tx);
        CC_TRY(store.updateRow(entry.id, *doc));
        CC_TRY(writeTokens(m_clinic, entry));
        CC_TRY(m_clinic.record(subject, AuditOutcome::Success));
        return (*tx)->commit();
    };
    auto result = run();
    if (!result)
        CC_TRY(m_clinic.record(subject, outcomeOf(result.error())));
    return result;
}

template <typename T> Status ClinicalEntryService::remove(const access::PatientId& patient, const model::RowId& id)
{
    using Traits = EntryTraits<T>;
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Delete,
                                       Traits::kObject, idHex(id), std::string(Traits::kNoun) + " deleted");
    subject.patientId = idHex(patient);
    CC_TRY(m_clinic.authorize(Permission::WriteChart, subject));
    auto run = [&]() -> Status {
        auto& store = m_clinic.backend().clinical();
        auto row = store.findRow(id);
        CC_TRY(row);
        if (!row->has_value() || (*row)->kind != Traits::kKind)
            return makeError(ErrorCode::NotFound, "no " + std::string(Traits::kNoun) + " with this row id");
        auto key = PatientService::openChartKey(m_clinic, patient, ChartData::Clinical);
        CC_TRY(key);
        if ((*row)->patientRef != key->ref)
            return makeError(ErrorCode::NotFound,
                             "no " + std::string(Traits::kNoun) + " with this row id in this patient's chart");
        subject.flagged = key->basis == access::AccessBasis::BreakGlass;
        auto tx = m_clinic.backend().transactions().begin();
        CC_TRY(tx);
        CC_TRY(store.deleteRow(id));
        CC_TRY(m_clinic.record(subject, AuditOutcome::Success));
        return (*tx)->commit();
    };
    auto result = run();
    if (!result)
        CC_TRY(m_clinic.record(subject, outcomeOf(result.error())));
    return result;
}

template <typename T> Result<std::vector<T>> ClinicalEntryService::list(const access::PatientId& patient)
{
    using Traits = EntryTraits<T>;
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Read,
                                       Traits::kObject, {}, std::string(Traits::kNoun) + " list");
    subject.patientId = idHex(patient);
    CC_TRY(m_clinic.authorize(Permission::ReadChart, subject));
    auto run = [&]() -> Result<std::vector<T>> {
        auto key = PatientService::openChartKey(m_clinic, patient, ChartData::Clinical);
        CC_TRY(key);
        subject.flagged = key->basis == access::AccessBasis::BreakGlass;
        auto rows = ChartManifests::rowsOf(m_clinic, *key, Traits::kKind);
        CC_TRY(rows);
        std::vector<T> out;
        for (const auto& row : *rows) {
            auto entry = openEntry<T>(key->key, row, patient);
            CC_TRY(entry);
            out.push_back(std::move(*entry));
        }
        // ISO 8601 dates of one form compare as strings; a date sorts before date-times of that day.
        std::stable_sort(out.begin(), out.end(),
                         [](const T& a, const T& b) { return Traits::date(a) > Traits::date(b); });
        subject.detail += ", " + std::to_string(out.size()) + " rows";
        return out;
    };
    auto result = run();
    CC_TRY(m_clinic.record(subject, result ? AuditOutcome::Success : outcomeOf(result.error())));
    return result;
}

Result<model::RowId> ClinicalEntryService::addCondition(const access::PatientId& patient, model::Condition condition)
{
    return add(patient, std::move(condition));
}

Status ClinicalEntryService::updateCondition(model::Condition condition)
{
    return update(std::move(condition));
}

Status ClinicalEntryService::removeCondition(const access::PatientId& patient, const model::RowId& condition)
{
    return remove<model::Condition>(patient, condition);
}

Result<std::vector<model::Condition>> ClinicalEntryService::conditions(const access::PatientId& patient)
{
    return list<model::Condition>(patient);
}

Result<model::RowId> ClinicalEntryService::addMedication(const access::PatientId& patient, model::Medication medication)
{
    return add(patient, std::move(medication));
}

Status ClinicalEntryService::updateMedication(model::Medication medication)
{
    return update(std::move(medication));
}

Status ClinicalEntryService::removeMedication(const access::PatientId& patient, const model::RowId& medication)
{
    return remove<model::Medication>(patient, medication);
}

Result<std::vector<model::Medication>> ClinicalEntryService::medications(const access::PatientId& patient)
{
    return list<model::Medication>(patient);
}

Result<model::RowId> ClinicalEntryService::addAllergy(const access::PatientId& patient, model::Allergy allergy)
{
    return add(patient, std::move(allergy));
}

Status ClinicalEntryService::updateAllergy(model::Allergy allergy)
{
    return update(std::move(allergy));
}

Status ClinicalEntryService::removeAllergy(const access::PatientId& patient, const model::RowId& allergy)
{
    return remove<model::Allergy>(patient, allergy);
}

Result<std::vector<model::Allergy>> ClinicalEntryService::allergies(const access::PatientId& patient)
{
    return list<model::Allergy>(patient);
}

} // namespace cc::services
