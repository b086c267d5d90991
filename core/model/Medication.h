// SPDX-License-Identifier: GPL-3.0-or-later
// A medication order or statement coded in RxNorm.
#pragma once

#include "core/Result.h"
#include "core/model/RowId.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace cc::model {

/// One medication. `id`, `patientId` and `encounterId` are plaintext columns, not in the document.
struct Medication
{
    static constexpr int kVersion = 1;

    RowId id{};
    access::PatientId patientId{};
    std::optional<RowId> encounterId;
    QString code;       ///< RxNorm concept id (RXCUI), required
    QString display;    ///< required
    QString start;      ///< ISO 8601 date or date-time, required
    QString stop;       ///< empty while current
    QString reasonCode; ///< SNOMED CT, optional
    QString reasonDisplay;
    std::optional<qint64> dispenses; ///< number of dispenses, if known
    QString dosage;                  ///< free-text dosage instruction ("500 mg twice a day"), optional
    /// FHIR R4 medicationrequest-status: active, on-hold, completed, stopped, cancelled,
    /// entered-in-error; empty if not recorded (imported rows).
    QString status;
    QString sourceId;

    /// The canonical JSON document (sorted keys, "v").
    [[nodiscard]] QByteArray toJson() const;
    /// Strict decoder: MalformedInput naming "medication.<field>"; Unsupported for another "v".
    [[nodiscard]] static Result<Medication> fromJson(const QByteArray& json);

    bool operator==(const Medication&) const = default;
};

} // namespace cc::model
