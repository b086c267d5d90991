// SPDX-License-Identifier: GPL-3.0-or-later
// An allergy or intolerance, with the reactions it caused.
#pragma once

#include "core/Result.h"
#include "core/model/RowId.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace cc::model {

/// One allergy or intolerance. `id`, `patientId`, `encounterId` are plaintext columns.
struct Allergy
{
    static constexpr int kVersion = 1;

    /// One reaction (SNOMED CT finding) and its severity (mild, moderate, severe, or empty).
    struct Reaction
    {
        QString code;
        QString display;
        QString severity;
        bool operator==(const Reaction&) const = default;
    };

    RowId id{};
    access::PatientId patientId{};
    std::optional<RowId> encounterId;
    QString codeSystem; ///< SNOMED CT (substances) or RxNorm (drugs)
    QString code;
    QString display;
    QString type;     ///< "allergy" or "intolerance", optional
    QString category; ///< "food", "medication", "environment", "biologic", optional
    QString start;    ///< ISO 8601 date or date-time, required
    QString stop;
    QString criticality;             ///< FHIR R4 allergy-intolerance-criticality: low, high, unable-to-assess; optional
    QString clinicalStatus;          ///< FHIR R4 allergyintolerance-clinical: active, inactive, resolved; optional
    std::vector<Reaction> reactions; ///< at most limits::kReactions
    QString sourceId;

    /// The canonical JSON document (sorted keys, "v"; reactions in their order).
    [[nodiscard]] QByteArray toJson() const;
    /// Strict decoder: MalformedInput naming "allergy.<field>" or
    /// "allergy.reactions[i].<field>"; Unsupported for another "v".
    [[nodiscard]] static Result<Allergy> fromJson(const QByteArray& json);

    bool operator==(const Allergy&) const = default;
};

} // namespace cc::model
