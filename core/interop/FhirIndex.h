// SPDX-License-Identifier: GPL-3.0-or-later
// The resources of one FHIR file and how references between them resolve (FHIR R4 section 2.36.4).
#pragma once

#include "core/interop/FhirJson.h"
#include "core/interop/FhirReader.h"
#include "core/model/RowId.h"

#include <QString>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cc::interop {

/// One resource of the file (a Bundle entry's resource, or the file's single resource).
struct FhirEntry
{
    enum class State { Pending, Imported, Skipped };

    FhirObject resource;
    std::string type;
    QString id;
    QString fullUrl;
    QString base; ///< "http://server/fhir/" when fullUrl is a RESTful URL, else empty
    State state = State::Pending;
    IdBytes rowId{};               ///< the record's row id (a patient's id for a Patient) once Imported
    access::PatientId patientId{}; ///< for an imported Encounter: its patient
    QString fallbackEffective;     ///< for an Observation: the time of a DiagnosticReport that lists it
};

/// A reference's target: an entry of the file, a patient outside it, or the reason it is unusable.
struct PatientLink
{
    std::optional<access::PatientId> patientId; ///< set if usable
    std::string skipField;                      ///< otherwise: why the resource is skipped
    std::string skipReason;
};

/// Owns the entries and resolves references. References that resolve nowhere record an error.
class FhirIndex
{
public:
    FhirIndex(crypto::Rng& rng, std::vector<ExternalPatient>& external) : m_rng(rng), m_external(external) {}

    /// Adds an entry (its path names it in errors). Duplicate fullUrls are allowed only for
    /// versions of one resource (FHIR history bundles); the last one wins.
    void add(FhirEntry entry);
    /// All entries in file order.
    [[nodiscard]] std::vector<FhirEntry>& entries() { return m_entries; }

    /// Resolves `holder.key` (a Reference) as the record's patient: an imported Patient of the
    /// file, a placeholder for "Patient/<id>" outside it, or a skip reason (no reference, a
    /// subject that is not a patient, a contained or skipped patient). Records an error for a
    /// reference that resolves nowhere.
    PatientLink patient(const FhirEntry& from, const FhirObject& holder, const char* key);
    /// Resolves an optional encounter reference to an imported Encounter of `patientId`; nullopt
    /// if absent, if that encounter was skipped, or if a relative "Encounter/x" is not in the file
    /// (listed in skippedLinks()). Records an error for any other reference that resolves nowhere
    /// (a urn:uuid, an absolute URL) or for another patient's encounter.
    std::optional<model::RowId> encounter(const FhirEntry& from, const FhirObject& holder, const char* key,
                                          const access::PatientId& patientId);
    /// The entry a reference string names, or nullptr. `type`/`id` are set from the reference's
    /// "Type/id" tail when it has one.
    FhirEntry* find(const FhirEntry& from, const QString& reference, QString* type = nullptr, QString* id = nullptr);

    /// Encounter links left out so far: (field, reason).
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& skippedLinks() const { return m_skipped; }

private:
    crypto::Rng& m_rng;
    std::vector<ExternalPatient>& m_external;
    std::vector<FhirEntry> m_entries;
    std::map<QString, std::size_t> m_byFullUrl;
    std::map<QString, std::size_t> m_byTypeId; ///< "Patient/example" for entries without a RESTful base
    std::vector<std::pair<std::string, std::string>> m_skipped;
};

} // namespace cc::interop
