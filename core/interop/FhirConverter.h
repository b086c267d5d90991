// SPDX-License-Identifier: GPL-3.0-or-later
// Converts the FHIR resources of one file into clinical records (mapping in docs/FHIR.md).
#pragma once

#include "core/interop/ClinicalImport.h"
#include "core/interop/FhirIndex.h"

#include <QString>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace cc::crypto {
class Rng;
}

namespace cc::interop {

class UnitsCatalogue;

/// One coding chosen from a CodeableConcept.
struct FhirCoding
{
    QString system;
    QString code;
    QString display;
};

/// Converts entries; a resource that cannot be stored is skipped into `out.summary` with its
/// path and reason, a malformed one records an error in the file's FhirErrors.
class FhirConverter
{
public:
    FhirConverter(const UnitsCatalogue& catalogue, crypto::Rng& rng, FhirIndex& index, ClinicalImport& out)
        : m_catalogue(catalogue), m_rng(rng), m_index(index), m_out(out)
    {}

    /// Converts `entry` by its type, or skips it (types this application does not store,
    /// resources with a modifierExtension).
    void convert(FhirEntry& entry);
    /// Lists `entry` as skipped.
    void skip(FhirEntry& entry, const std::string& field, std::string reason);

private:
    void patient(FhirEntry& e);
    void encounter(FhirEntry& e);
    void condition(FhirEntry& e);
    void observation(FhirEntry& e);
    void medication(FhirEntry& e);
    void allergy(FhirEntry& e);
    void component(FhirEntry& e, const FhirObject& c, model::Observation& o);
    /// Reads valueQuantity `q` of `code` into value and unit (UnitsCatalogue::accept: normalised
    /// when catalogued, else kept as given in a well-formed UCUM unit), or into text for a
    /// comparator; returns a skip reason or "". An `indexed` value (an observation's own, not a
    /// component's) outside the catalogue is counted in the summary.
    std::string quantity(const FhirObject& q, const QString& code, bool indexed, std::optional<double>& value,
                         QString& unit, QString& text);
    /// The first coding of `codeable` in one of `systems` (in the coding order); an invalid code
    /// in such a system records an error. nullopt if there is none.
    std::optional<FhirCoding> coding(const FhirObject& codeable, std::initializer_list<const char*> systems);
    /// `key` as a FHIR date (`dateOnly`) or dateTime: "" if absent, or if partial (then `partial`
    /// is set); records an error for anything else that is not a valid date.
    QString date(const FhirObject& o, const char* key, bool dateOnly, bool& partial);
    /// Decodes the record's own document as a last check; an error names the resource path.
    template <typename T> bool valid(const FhirEntry& e, const T& record)
    {
        auto decoded = T::fromJson(record.toJson());
        if (!decoded)
            e.resource.failHere("cannot be stored: " + decoded.error().field + " " + decoded.error().message);
        return decoded.ok();
    }
    /// The source id "Type/id" (empty if the resource has no id or it is too long).
    QString sourceIdOf(const FhirEntry& e) const;
    /// A new record for the patient the reference `key` names, with its encounter link when the
    /// record type has one; nullopt when the patient does not resolve (the entry is then skipped with
    /// the reason, or the file failed).
    template <typename T> std::optional<T> linkedRecord(FhirEntry& e, const char* key)
    {
        const PatientLink link = m_index.patient(e, e.resource, key);
        if (!e.resource.ok())
            return std::nullopt;
        if (!link.patientId) {
            skip(e, link.skipField, link.skipReason);
            return std::nullopt;
        }
        T record;
        record.patientId = *link.patientId;
        if constexpr (requires { record.encounterId; })
            record.encounterId = m_index.encounter(e, e.resource, "encounter", record.patientId);
        return record;
    }
    /// Sets the source id, checks the record (valid()), gives it a fresh row id and keeps it in
    /// `into`, marking the entry imported; a record that does not decode is not kept.
    template <typename T> void keep(FhirEntry& e, T record, std::vector<T>& into)
    {
        record.sourceId = sourceIdOf(e);
        if (!valid(e, record))
            return;
        record.id = model::newRowId<decltype(record.id)>(m_rng);
        e.state = FhirEntry::State::Imported;
        e.rowId = record.id;
        into.push_back(std::move(record));
    }

    const UnitsCatalogue& m_catalogue;
    crypto::Rng& m_rng;
    FhirIndex& m_index;
    ClinicalImport& m_out;
};

/// Given name stored when a FHIR name has none (a name given as text only): the model requires one.
inline constexpr const char* kNoGivenName = "\u2014";

} // namespace cc::interop
