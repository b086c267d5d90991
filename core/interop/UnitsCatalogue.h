// SPDX-License-Identifier: GPL-3.0-or-later
// The units catalogue: every numeric observation code the application stores and reports on.
#pragma once

#include "core/Result.h"
#include "core/interop/UnitDefinition.h"

#include <QString>

#include <cstdint>
#include <map>
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

private:
    std::map<QString, UnitDefinition> m_byCode;
};

} // namespace cc::interop
