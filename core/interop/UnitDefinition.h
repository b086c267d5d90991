// SPDX-License-Identifier: GPL-3.0-or-later
// One entry of the units catalogue: a numeric observation code, its unit, encoding and range.
#pragma once

#include "core/Result.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace cc::interop {

/// An accepted alternative unit: canonical = value * factor + addend.
struct UnitConversion
{
    QString unit; ///< UCUM code of the alternative unit
    double factor = 1.0;
    double addend = 0.0;
};

/// How one numeric code is shown, converted, range-checked, fixed-point encoded and binned.
struct UnitDefinition
{
    QString code;          ///< LOINC code (or a Synthea code for QALY, DALY, QOLS)
    QString codeSystem;    ///< model::codesystem URI
    QString display;       ///< short display name
    QString unit;          ///< canonical UCUM unit
    int decimals = 1;      ///< fixed-point scale is 10^decimals
    double minValue = 0.0; ///< plausible range in the canonical unit; outside it a value is refused
    double maxValue = 0.0;
    std::vector<double> binEdges; ///< ascending histogram edges within [minValue, maxValue]
    std::vector<UnitConversion> conversions;
    QString note; ///< why a range or unit is unusual (documented source quirks)
    /// The Paillier layout id of this code (1..0x7FFF), fixed for good once values are stored
    /// under it; 0 in catalogues that number their codes by position (tests).
    std::uint16_t layoutId = 0;
    /// Earlier layout ids of this code, never given to another code: values stored under one are
    /// re-encrypted under layoutId by a doctor's session (services::ValueLayouts).
    std::vector<std::uint16_t> retiredLayoutIds;

    /// 10^decimals.
    [[nodiscard]] std::int64_t scale() const;
    /// Added after scaling so that the encoded integer of minValue is >= 0:
    /// max(0, -round(minValue * scale)).
    [[nodiscard]] std::int64_t offset() const;
    /// The value in the canonical unit, or nullopt if `unit` is neither canonical nor accepted.
    [[nodiscard]] std::optional<double> toCanonical(double value, const QString& fromUnit) const;
    /// The value rounded to `decimals` places (what encode/decode keeps).
    [[nodiscard]] double rounded(double canonicalValue) const;
    /// The fixed-point integer round(value * scale) + offset. MalformedInput (field "value")
    /// naming the code and the value if it is not finite or outside [minValue, maxValue].
    [[nodiscard]] Result<std::uint64_t> encode(double canonicalValue) const;
    /// The canonical value of an encoded integer (inverse of encode up to rounding).
    [[nodiscard]] double decode(std::uint64_t encoded) const;
    /// The largest integer encode can return.
    [[nodiscard]] std::uint64_t maxEncoded() const;
    /// The histogram bin of a value: i such that edges[i] <= value < edges[i+1]; values below
    /// the first edge go to bin 0, at or above the last to the last bin.
    [[nodiscard]] std::size_t binIndex(double canonicalValue) const;
};

} // namespace cc::interop
