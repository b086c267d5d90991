// SPDX-License-Identifier: GPL-3.0-or-later
// Conversion, range check, fixed-point encoding and binning of one catalogue entry.
#include "core/interop/UnitDefinition.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace cc::interop {

std::int64_t UnitDefinition::scale() const
{
    std::int64_t s = 1;
    for (int i = 0; i < decimals; ++i)
        s *= 10;
    return s;
}

std::int64_t UnitDefinition::offset() const
{
    const auto low = std::llround(minValue * static_cast<double>(scale()));
    return low < 0 ? -low : 0;
}

std::optional<double> UnitDefinition::toCanonical(double value, const QString& fromUnit) const
{
    if (fromUnit == unit)
        return value;
    for (const UnitConversion& c : conversions) {
        if (c.unit == fromUnit)
            return value * c.factor + c.addend;
    }
    return std::nullopt;
}

double UnitDefinition::rounded(double canonicalValue) const
{
    const double s = static_cast<double>(scale());
    return static_cast<double>(std::llround(canonicalValue * s)) / s;
}

Result<std::uint64_t> UnitDefinition::encode(double canonicalValue) const
{
    if (!std::isfinite(canonicalValue) || canonicalValue < minValue || canonicalValue > maxValue) {
        std::ostringstream message;
        message << code.toStdString() << ": value " << canonicalValue << " " << unit.toStdString()
                << " is outside the plausible range " << minValue << " to " << maxValue;
        return malformed(message.str(), {}, 0, "value");
    }
    const std::int64_t scaled = std::llround(canonicalValue * static_cast<double>(scale())) + offset();
    return static_cast<std::uint64_t>(std::max<std::int64_t>(scaled, 0));
}

double UnitDefinition::decode(std::uint64_t encoded) const
{
    const auto signedValue = static_cast<std::int64_t>(encoded) - offset();
    return static_cast<double>(signedValue) / static_cast<double>(scale());
}

std::uint64_t UnitDefinition::maxEncoded() const
{
    return static_cast<std::uint64_t>(std::llround(maxValue * static_cast<double>(scale())) + offset());
}

std::size_t UnitDefinition::binIndex(double canonicalValue) const
{
    if (binEdges.size() < 2)
        return 0;
    const auto it = std::upper_bound(binEdges.begin(), binEdges.end(), canonicalValue);
    const auto index = static_cast<std::size_t>(std::distance(binEdges.begin(), it));
    const std::size_t bins = binEdges.size() - 1;
    if (index == 0)
        return 0;
    return std::min(index - 1, bins - 1);
}

} // namespace cc::interop
