// SPDX-License-Identifier: GPL-3.0-or-later
// A condition (problem, diagnosis) coded in SNOMED CT or ICD-10.
#pragma once

#include "core/Result.h"
#include "core/model/RowId.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace cc::model {

/// One condition. `id`, `patientId` and `encounterId` are plaintext columns, not in the document.
struct Condition
{
    static constexpr int kVersion = 1;

    RowId id{};
    access::PatientId patientId{};
    std::optional<RowId> encounterId;
    QString codeSystem; ///< codesystem::kSnomed, kIcd10 or kIcd10Cm
    QString code;
    QString display;
    QString onset;     ///< ISO 8601 date or date-time, required
    QString abatement; ///< ISO 8601 date or date-time, empty while active
    /// FHIR R4 condition-clinical: active, recurrence, relapse, inactive, remission, resolved;
    /// empty if not recorded (imported rows).
    QString clinicalStatus;
    QString sourceId;

    /// The canonical JSON document (sorted keys, "v").
    [[nodiscard]] QByteArray toJson() const;
    /// Strict decoder: MalformedInput naming "condition.<field>" (a system other than SNOMED CT or
    /// ICD-10, an invalid code, abatement before onset, an unknown clinical status ...); Unsupported for another "v".
    [[nodiscard]] static Result<Condition> fromJson(const QByteArray& json);

    bool operator==(const Condition&) const = default;
};

} // namespace cc::model
