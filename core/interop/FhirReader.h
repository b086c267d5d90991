// SPDX-License-Identifier: GPL-3.0-or-later
// Reads one FHIR R4 JSON file (a Bundle or a single resource) into clinical records (docs/FHIR.md).
#pragma once

#include "core/Result.h"
#include "core/interop/ClinicalImport.h"
#include "core/model/RowId.h"

#include <QByteArray>
#include <QString>

#include <string>
#include <vector>

namespace cc::crypto {
class Rng;
}

namespace cc::interop {

class UnitsCatalogue;

/// A subject or patient reference ("Patient/example") that names no patient in the file: it may
/// name a patient already in the clinic, whose Patient.sourceId is `sourceId`. Records of that
/// patient carry `placeholder` as their patientId until the caller resolves it.
struct ExternalPatient
{
    access::PatientId placeholder{};
    QString sourceId;
    std::string field; ///< the resource path of the first reference, for the error if it resolves nowhere
};

/// What one file produced: records (patientId may be a placeholder of `external`) and summary.
struct FhirImport
{
    ClinicalImport records;
    std::vector<ExternalPatient> external;
};

/// Reads FHIR R4 JSON: Patient, Encounter, Condition, Observation, MedicationRequest and
/// AllergyIntolerance, alone or in a Bundle (collection, searchset, document, transaction, batch,
/// transaction-response, batch-response, history). What is mapped, skipped and refused is in
/// docs/FHIR.md.
///
/// All or nothing per file: a file that is too large, not UTF-8, not JSON, nested too deep, or
/// that has a field of the wrong type or size, an invalid code or date, or a reference that
/// resolves nowhere, is rejected with MalformedInput naming the file and the resource path and
/// field. Resources that are well formed but cannot be stored are skipped and listed in the
/// summary with their reason.
class FhirReader
{
public:
    /// Files larger than this are refused before parsing.
    static constexpr qsizetype kDefaultMaxFileBytes = 32 * 1024 * 1024;
    /// Deeper JSON nesting is refused before parsing (FHIR resources nest about 10 levels).
    static constexpr int kMaxDepth = 64;

    /// A reader converting numeric values through `catalogue`, drawing row ids from `rng`.
    FhirReader(const UnitsCatalogue& catalogue, crypto::Rng& rng, qsizetype maxFileBytes = kDefaultMaxFileBytes);

    /// Reads the file at `path` (errors name its file name). NotFound if it does not exist,
    /// StorageError if it cannot be read, MalformedInput as above.
    [[nodiscard]] Result<FhirImport> readFile(const QString& path) const;
    /// Reads `bytes` as the content of a file called `fileName`. MalformedInput as above.
    [[nodiscard]] Result<FhirImport> readBytes(const QByteArray& bytes, const QString& fileName) const;

private:
    const UnitsCatalogue& m_catalogue;
    crypto::Rng& m_rng;
    qsizetype m_maxFileBytes;
};

} // namespace cc::interop
