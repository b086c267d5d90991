// SPDX-License-Identifier: GPL-3.0-or-later
// Re-import: records already imported are found through the keyed source index, unchanged ones
// dropped, changed ones stored over their rows, the rest new (docs/RECORDS.md, "Re-import").
#include "core/records/SourceIndex.h"
#include "core/services/ImportService.h"
#include "core/services/PatientService.h"

#include <algorithm>
#include <map>
#include <set>

namespace cc::services {

namespace {

using model::RowId;

/// The source key of a patient: its source id and birth date, so that two sources that reuse an
/// id (FHIR examples all call themselves "example") for different people do not merge them.
QString patientKeyText(const model::Patient& p)
{
    if (p.sourceId.isEmpty())
        return {};
    return p.sourceId + QLatin1Char('\n') + p.birthDate;
}

template <typename List> void relinkPatient(List& records, const access::PatientId& from, const access::PatientId& to)
{
    for (auto& r : records)
        if (r.patientId == from)
            r.patientId = to;
}

template <typename List> void relinkEncounter(List& records, const RowId& from, const RowId& to)
{
    for (auto& r : records)
        if (r.encounterId && *r.encounterId == from)
            r.encounterId = to;
}

template <typename List, typename Id> void dropIds(List& records, const std::set<Id>& drop)
{
    records.erase(std::remove_if(records.begin(), records.end(), [&](const auto& r) { return drop.count(r.id) != 0; }),
                  records.end());
}

} // namespace

Result<ImportService::Match> ImportService::match(interop::ClinicalImport& data, const crypto::SecureBytes& indexKey,
                                                  const std::vector<ExistingPatient>& existing)
{
    const records::SourceIndex index(indexKey);
    auto& sources = m_clinic.backend().sourceIndex();
    Match out;
    std::map<access::PatientId, QString> patientKeys;     // final patient id -> source key text
    std::map<access::PatientId, access::PatientRef> refs; // stored patients -> their reference in clinical rows
    for (const auto& e : existing) {
        patientKeys[e.patient.id] = patientKeyText(e.patient);
        refs[e.patient.id] = e.ref;
    }

    // Two patients of one import with the same source key would share one source-index entry (the
    // second replacing the first, so a later re-import would add the first again): refused, naming
    // the source id, rather than merged or half-indexed.
    std::set<QString> seen;
    for (const auto& p : data.patients) {
        const QString text = patientKeyText(p);
        if (!text.isEmpty() && !seen.insert(text).second)
            return malformed("two patients of this import share the source id '" + p.sourceId.toStdString() +
                                 "' and the birth date " + p.birthDate.toStdString(),
                             {}, 0, "patient.sourceId");
    }

    // Patients.
    std::set<access::PatientId> dropPatients;
    for (auto& p : data.patients) {
        const QString text = patientKeyText(p);
        if (text.isEmpty()) {
            ++out.fresh;
            continue;
        }
        auto key = index.key("patient", text);
        CC_TRY(key);
        auto digest = index.digest("patient", p.toJson());
        CC_TRY(digest);
        auto found = sources.find(*key);
        CC_TRY(found);
        std::optional<ports::PatientRow> stored;
        if (*found) {
            auto row = m_clinic.backend().patients().find(access::PatientId{(*found)->rowId});
            CC_TRY(row);
            stored = std::move(*row);
        }
        if (!stored) {
            patientKeys[p.id] = text;
            out.entries.push_back({std::move(*key), p.id, std::move(*digest)});
            ++out.fresh;
            continue;
        }
        // Already in the clinic: the importing doctor must be able to write the chart. The stored
        // identity is read so that what the clinic recorded itself (the research opt-out) is
        // kept, both in an updated document and in the consent tokens of new observations.
        const access::PatientId storedId = stored->id;
        auto clinical = PatientService::openChartKey(m_clinic, storedId, access::ChartData::Clinical);
        CC_TRY(clinical);
        auto identity = PatientService::openChartKey(m_clinic, storedId, access::ChartData::Identity);
        CC_TRY(identity);
        auto current = PatientService::openIdentity(*stored, identity->key);
        CC_TRY(current);
        current->id = storedId;
        const access::PatientId placeholder = p.id;
        p.id = storedId;
        p.researchOptOut = current->researchOptOut;
        if (*digest != (*found)->digest) {
            out.patientUpdates.push_back({p, std::move(identity->key)});
            out.entries.push_back({std::move(*key), storedId, std::move(*digest)});
            ++out.updated;
        } else {
            p = std::move(*current);
            ++out.unchanged;
        }
        patientKeys[storedId] = text;
        relinkPatient(data.encounters, placeholder, storedId);
        relinkPatient(data.conditions, placeholder, storedId);
        relinkPatient(data.observations, placeholder, storedId);
        relinkPatient(data.medications, placeholder, storedId);
        relinkPatient(data.allergies, placeholder, storedId);
        refs[storedId] = clinical->ref;
        out.matchedPatients.push_back({p, std::move(clinical->key), clinical->ref});
        dropPatients.insert(storedId);
    }
    dropIds(data.patients, dropPatients);

    // Clinical records, keyed under their patient. `kind` names the record type in the key.
    auto matchRecords = [&](auto& records, std::string_view kind, auto onMatched) -> Status {
        std::set<RowId> drop;
        for (auto& r : records) {
            const auto pk = patientKeys.find(r.patientId);
            if (pk == patientKeys.end() || pk->second.isEmpty() || r.sourceId.isEmpty()) {
                ++out.fresh;
                continue;
            }
            auto key = index.key(kind, pk->second + QLatin1Char('\n') + r.sourceId);
            CC_TRY(key);
            auto digest = index.digest(kind, r.toJson());
            CC_TRY(digest);
            auto found = sources.find(*key);
            CC_TRY(found);
            std::optional<ports::ClinicalRow> stored;
            if (*found) {
                auto row = m_clinic.backend().clinical().findRow(RowId{(*found)->rowId});
                CC_TRY(row);
                // Only a row of the same chart: its reference must be this patient's.
                const auto ref = refs.find(r.patientId);
                if (*row && ref != refs.end() && (*row)->patientRef == ref->second)
                    stored = std::move(*row);
            }
            if (!stored) {
                out.entries.push_back({std::move(*key), r.id, std::move(*digest)});
                ++out.fresh;
                continue;
            }
            const RowId placeholder = r.id;
            onMatched(placeholder, stored->id);
            if (*digest == (*found)->digest) {
                drop.insert(placeholder);
                ++out.unchanged;
                continue;
            }
            r.id = stored->id;
            out.updates.insert(stored->id);
            out.entries.push_back({std::move(*key), stored->id, std::move(*digest)});
            ++out.updated;
        }
        dropIds(records, drop);
        return {};
    };
    // A matched encounter keeps its stored row id, so every record of it points there.
    CC_TRY(matchRecords(data.encounters, "encounter", [&](const RowId& from, const RowId& to) {
        relinkEncounter(data.conditions, from, to);
        relinkEncounter(data.observations, from, to);
        relinkEncounter(data.medications, from, to);
        relinkEncounter(data.allergies, from, to);
    }));
    const auto none = [](const RowId&, const RowId&) {};
    CC_TRY(matchRecords(data.conditions, "condition", none));
    CC_TRY(matchRecords(data.observations, "observation", none));
    CC_TRY(matchRecords(data.medications, "medication", none));
    CC_TRY(matchRecords(data.allergies, "allergy", none));
    return out;
}

} // namespace cc::services
