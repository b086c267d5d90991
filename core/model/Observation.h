// SPDX-License-Identifier: GPL-3.0-or-later
// An observation (vital sign, laboratory result, score, survey answer) with optional components.
#pragma once

#include "core/Result.h"
#include "core/model/RowId.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace cc::model {

/// One observation: a numeric value with a UCUM unit, a text value, or components only (a blood
/// pressure panel holds systolic and diastolic components). Numeric values are stored in the
/// catalogue's canonical unit (interop::UnitsCatalogue); `id`, `patientId`, `encounterId` are
/// plaintext columns, not in the document.
struct Observation
{
    static constexpr int kVersion = 1;

    /// One component (FHIR Observation.component): a code with a numeric or text value.
    struct Component
    {
        QString codeSystem;
        QString code;
        QString display;
        std::optional<double> value;
        QString unit; ///< UCUM code, required with a value
        QString text;
        bool operator==(const Component&) const = default;
    };

    RowId id{};
    access::PatientId patientId{};
    std::optional<RowId> encounterId;
    QString codeSystem; ///< codesystem::kLoinc, or kSynthea for QALY, DALY, QOLS
    QString code;
    QString display;
    QString category;                         ///< vital-signs, laboratory, survey ... (optional)
    QString effective;                        ///< ISO 8601 date-time, required
    QString status = QStringLiteral("final"); ///< FHIR ObservationStatus
    std::optional<double> value;              ///< numeric value in `unit`
    QString unit;                             ///< UCUM code, required with a value
    QString text;                             ///< text value (a coded answer's display, a free text)
    std::vector<Component> components;
    QString sourceId;

    /// True if the observation carries a numeric value.
    [[nodiscard]] bool isNumeric() const { return value.has_value(); }

    /// The canonical JSON document (sorted keys, "v"; components in their order).
    [[nodiscard]] QByteArray toJson() const;
    /// Strict decoder: MalformedInput naming "observation.<field>" or
    /// "observation.components[i].<field>" (invalid code, both or neither of value and text
    /// without components, a value without unit, a bad status ...); Unsupported for another "v".
    [[nodiscard]] static Result<Observation> fromJson(const QByteArray& json);

    bool operator==(const Observation&) const = default;
};

} // namespace cc::model
