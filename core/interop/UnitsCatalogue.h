// SPDX-License-Identifier: GPL-3.0-or-later
// The units catalogue: every numeric observation code the application stores and reports on.
#pragma once

#include "core/Result.h"
#include "core/interop/UnitDefinition.h"

#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace cc::interop {

/// A numeric value after conversion: canonical unit, rounded to the catalogue's precision, and
/// its fixed-point integer (the plaintext of the Paillier ciphertext, DESIGN.md section 6).
struct NormalisedValue
{
    const UnitDefinition* definition = nullptr;
    double value = 0.0;
    std::uint64_t encoded = 0;
};

/// A numeric value ready to store and index: either normalised through a catalogue entry
/// (`definition` set, canonical unit) or, for a (code, unit) pair without one, kept as given and
/// encoded with the generic definition of that pair (UnitsCatalogue::generic). `encoded` is empty
/// for a generic value outside the generic range: it is stored, but without a Paillier value.
struct AcceptedValue
{
    const UnitDefinition* definition = nullptr; ///< nullptr: outside the catalogue
    double value = 0.0;
    QString unit;
    std::optional<std::uint64_t> encoded;
    [[nodiscard]] bool catalogued() const { return definition != nullptr; }
};

/// Maps codes to UnitDefinition (DESIGN.md section 9). The built-in table covers every numeric
/// code of the Synthea sample, ACTG 315 (HIV-1 RNA, CD4) and the FHIR R4 example Observations.
class UnitsCatalogue
{
public:
    /// A catalogue of `definitions`; Internal error if a definition is inconsistent (duplicate
    /// code, decimals outside 0..6, empty range, unsorted bins or bins outside the range, an
    /// encoded maximum over 2^40).
    [[nodiscard]] static Result<UnitsCatalogue> fromDefinitions(std::vector<UnitDefinition> definitions);

    /// The built-in catalogue (checked once; a broken built-in table aborts in debug builds and
    /// yields an empty catalogue otherwise, which the self-test reports).
    [[nodiscard]] static const UnitsCatalogue& builtIn();

    /// The definition of `code`, or nullptr.
    [[nodiscard]] const UnitDefinition* find(const QString& code) const;
    /// All definitions, sorted by code.
    [[nodiscard]] std::vector<const UnitDefinition*> definitions() const;
    /// Number of definitions.
    [[nodiscard]] std::size_t size() const { return m_byCode.size(); }

    /// Converts `value` in `unit` for `code`, rounds it to the catalogue's precision and encodes
    /// it. MalformedInput naming field "code" for an unknown code, "unit" for a unit that is
    /// neither canonical nor accepted, "value" for a value outside the plausible range (the
    /// message names code and value: it is refused, never stored wrapped).
    [[nodiscard]] Result<NormalisedValue> normalise(const QString& code, double value, const QString& unit) const;

    /// Fixed-point precision and value range of every value indexed without a catalogue entry:
    /// three decimals (scale 10^3) over [kGenericMin, kGenericMax], so that the encoded maximum
    /// (1.6 x 10^7 < 2^24) squared fits a 64-bit Σx² slot for 2^16 records.
    static constexpr int kGenericDecimals = 3;
    static constexpr double kGenericMin = -1000.0;
    static constexpr double kGenericMax = 15000.0;

    /// The generic definition of a (code, unit) pair outside the catalogue: the value as given in
    /// `unit`, kGenericDecimals, the generic range, no conversion and no histogram bins.
    [[nodiscard]] static UnitDefinition generic(const QString& code, const QString& unit);

    /// Accepts any numeric observation (the import and the chart form): a catalogued code in an
    /// accepted unit is normalised as normalise() does; any other (code, unit) pair is kept as
    /// given when `unit` is well-formed UCUM (checkUcumSyntax) and encoded by generic() if it lies
    /// in the generic range. MalformedInput naming field "unit" (empty or not UCUM) or "value"
    /// (not finite, or a catalogued value outside its plausible range).
    [[nodiscard]] Result<AcceptedValue> accept(const QString& code, double value, const QString& unit) const;

private:
    std::map<QString, UnitDefinition> m_byCode;
};

} // namespace cc::interop
