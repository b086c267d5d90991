// SPDX-License-Identifier: GPL-3.0-or-later
// Units catalogue: consistency checks and normalisation of numeric values.
#include "core/interop/UnitsCatalogue.h"

#include "core/interop/Ucum.h"
#include "core/interop/UnitsTable.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <cassert>

namespace cc::interop {
namespace {

// 2^40 leaves room for packing several sums of 2^20 values into one Paillier plaintext
// (DESIGN.md section 6); the reports module owns the packing and checks it again.
constexpr std::uint64_t kMaxEncoded = std::uint64_t(1) << 40;

Error inconsistent(const UnitDefinition& d, const char* what)
{
    return makeError(ErrorCode::Internal, "units catalogue entry " + d.code.toStdString() + ": " + what);
}

} // namespace

Result<UnitsCatalogue> UnitsCatalogue::fromDefinitions(std::vector<UnitDefinition> definitions)
{
    UnitsCatalogue catalogue;
    // Layout ids are either all given (the built-in table) or all positional.
    const bool stableIds =
        std::any_of(definitions.begin(), definitions.end(), [](const UnitDefinition& d) { return d.layoutId != 0; });
    std::set<std::uint16_t> layoutIds;
    for (UnitDefinition& d : definitions) {
        if (stableIds && (d.layoutId == 0 || d.layoutId >= 0x8000 || !layoutIds.insert(d.layoutId).second))
            return inconsistent(d, "missing, duplicate or out-of-range layout id");
        for (std::uint16_t retired : d.retiredLayoutIds)
            if (!stableIds || retired == 0 || retired >= 0x8000 || !layoutIds.insert(retired).second)
                return inconsistent(d, "missing, duplicate or out-of-range retired layout id");
        if (d.code.isEmpty() || d.unit.isEmpty())
            return inconsistent(d, "empty code or unit");
        if (d.decimals < 0 || d.decimals > 6)
            return inconsistent(d, "decimals outside 0..6");
        if (!(d.minValue < d.maxValue))
            return inconsistent(d, "empty range");
        if (d.maxEncoded() > kMaxEncoded)
            return inconsistent(d, "encoded maximum above 2^40");
        for (std::size_t i = 0; i < d.binEdges.size(); ++i) {
            if (d.binEdges[i] < d.minValue || d.binEdges[i] > d.maxValue)
                return inconsistent(d, "bin edge outside the range");
            if (i > 0 && !(d.binEdges[i - 1] < d.binEdges[i]))
                return inconsistent(d, "bin edges not ascending");
        }
        if (d.binEdges.size() == 1)
            return inconsistent(d, "a single bin edge");
        for (const UnitConversion& c : d.conversions) {
            if (c.unit == d.unit || c.unit.isEmpty() || c.factor == 0.0)
                return inconsistent(d, "bad conversion");
        }
        const QString code = d.code;
        if (!catalogue.m_byCode.emplace(code, std::move(d)).second)
            return inconsistent(catalogue.m_byCode.at(code), "duplicate code");
    }
    return catalogue;
}

const UnitsCatalogue& UnitsCatalogue::builtIn()
{
    static const UnitsCatalogue instance = [] {
        auto built = fromDefinitions(builtInUnitDefinitions());
        assert(built.ok());
        return built.ok() ? std::move(built).value() : UnitsCatalogue{};
    }();
    return instance;
}

const UnitDefinition* UnitsCatalogue::find(const QString& code) const
{
    const auto it = m_byCode.find(code);
    return it == m_byCode.end() ? nullptr : &it->second;
}

std::vector<const UnitDefinition*> UnitsCatalogue::definitions() const
{
    std::vector<const UnitDefinition*> all;
    all.reserve(m_byCode.size());
    for (const auto& [code, d] : m_byCode)
        all.push_back(&d);
    return all;
}

Result<NormalisedValue> UnitsCatalogue::normalise(const QString& code, double value, const QString& unit) const
{
    const UnitDefinition* d = find(code);
    if (d == nullptr)
        return malformed("code " + code.toStdString() + " is not in the units catalogue", {}, 0, "code");
    const std::optional<double> canonical = d->toCanonical(value, unit);
    if (!canonical)
        return malformed("unit " + unit.toStdString() + " is not accepted for " + code.toStdString() + " (expected " +
                             d->unit.toStdString() + ")",
                         {}, 0, "unit");
    NormalisedValue out;
    out.definition = d;
    out.value = d->rounded(*canonical);
    auto encoded = d->encode(out.value);
    if (!encoded)
        return std::move(encoded).error();
    out.encoded = encoded.value();
    return out;
}

UnitDefinition UnitsCatalogue::generic(const QString& code, const QString& unit)
{
    UnitDefinition d;
    d.code = code;
    d.unit = unit;
    d.display = code;
    d.decimals = kGenericDecimals;
    d.minValue = kGenericMin;
    d.maxValue = kGenericMax;
    d.note = QStringLiteral("no catalogue entry: value kept as given, count, sum and sum of squares only");
    return d;
}

Result<AcceptedValue> UnitsCatalogue::accept(const QString& code, double value, const QString& unit) const
{
    if (!std::isfinite(value))
        return malformed("the value of " + code.toStdString() + " is not a finite number", {}, 0, "value");
    if (unit.isEmpty())
        return malformed("the numeric value of " + code.toStdString() + " has no unit", {}, 0, "unit");
    const UnitDefinition* d = find(code);
    if (d != nullptr && d->toCanonical(value, unit)) {
        auto normalised = normalise(code, value, unit);
        CC_TRY(normalised);
        return AcceptedValue{d, normalised->value, d->unit, normalised->encoded};
    }
    CC_TRY(checkUcumSyntax(unit));
    AcceptedValue out;
    out.value = value;
    out.unit = unit;
    const UnitDefinition g = generic(code, unit);
    if (auto encoded = g.encode(g.rounded(value)))
        out.encoded = *encoded;
    return out;
}

} // namespace cc::interop
