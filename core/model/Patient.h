// SPDX-License-Identifier: GPL-3.0-or-later
// A patient's identity record: the document sealed under the patient's identity key.
#pragma once

#include "core/Result.h"
#include "core/model/RowId.h"

#include <QByteArray>
#include <QString>

namespace cc::model {

/// Administrative sex as in FHIR R4 AdministrativeGender.
enum class Sex { Female, Male, Other, Unknown };

/// Identity and contact data of one patient. `id` is the plaintext row id and is not part of the
/// document; everything else is PHI and lives only in the sealed document.
struct Patient
{
    static constexpr int kVersion = 1;

    access::PatientId id{};
    QString mrn;        ///< medical record number (required, <= 64 bytes)
    QString givenName;  ///< required, <= 200 bytes
    QString familyName; ///< required, <= 200 bytes
    QString prefix;
    QString suffix;
    QString maidenName;
    QString birthDate; ///< ISO 8601 date, required
    QString deathDate; ///< ISO 8601 date, empty while alive
    Sex sex = Sex::Unknown;
    QString addressLine;
    QString city;
    QString state;
    QString postalCode;
    QString country;
    QString phone;
    QString email;
    QString sourceId; ///< the id in the system it was imported from (Synthea UUID), if any
    /// The patient opted out of research use (DESIGN.md section 1). Absent from the document
    /// unless true, so documents written before the field existed read as "not opted out".
    bool researchOptOut = false;

    /// The canonical JSON document (sorted keys, "v" = kVersion, empty optional fields omitted).
    [[nodiscard]] QByteArray toJson() const;
    /// Strict decoder: MalformedInput naming "patient.<field>" for a missing, mistyped, oversized
    /// or unknown field, an invalid date or a death before birth; Unsupported for another "v".
    /// The row id is not in the document: the caller sets it.
    [[nodiscard]] static Result<Patient> fromJson(const QByteArray& json);

    bool operator==(const Patient&) const = default;
};

/// The FHIR token of a sex ("female", "male", "other", "unknown").
[[nodiscard]] QString sexToken(Sex sex);

} // namespace cc::model
