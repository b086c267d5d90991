// SPDX-License-Identifier: GPL-3.0-or-later
// An encounter (visit, admission, call) of a patient with the clinic.
#pragma once

#include "core/Result.h"
#include "core/model/RowId.h"

#include <QByteArray>
#include <QString>

namespace cc::model {

/// One encounter. `id` and `patientId` are plaintext columns, not part of the document.
struct Encounter
{
    static constexpr int kVersion = 1;

    RowId id{};
    access::PatientId patientId{};
    QString start;          ///< ISO 8601 date-time, required
    QString end;            ///< ISO 8601 date-time, empty if open
    QString encounterClass; ///< ambulatory, wellness, emergency, inpatient, ... (<= 64 bytes)
    QString codeSystem;     ///< FHIR system URI of `code` (SNOMED CT in Synthea)
    QString code;           ///< required
    QString display;        ///< required
    QString reasonCode;     ///< SNOMED CT, optional
    QString reasonDisplay;
    QString sourceId;

    /// The canonical JSON document (sorted keys, "v").
    [[nodiscard]] QByteArray toJson() const;
    /// Strict decoder: MalformedInput naming "encounter.<field>" (including an end before the
    /// start or an invalid code); Unsupported for another "v".
    [[nodiscard]] static Result<Encounter> fromJson(const QByteArray& json);

    bool operator==(const Encounter&) const = default;
};

} // namespace cc::model
