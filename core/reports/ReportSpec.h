// SPDX-License-Identifier: GPL-3.0-or-later
// A report specification, version 1 (docs/REPORTS.md, resources/schemas/report-spec-v1.schema.json).
#pragma once

#include "core/Result.h"
#include "core/crypto/Kdf.h"
#include "core/interop/UnitsCatalogue.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cc::reports {

/// Why a report is run: research leaves out every patient who opted out; quality (the clinic's
/// own care) includes everyone and says so on every output.
enum class Purpose { Research, Quality };
/// Every observation of the measure, or only each patient's latest one (the index's latest flag).
enum class Selection { All, Latest };
/// A grouping dimension; each one is a blind-token column of the observation index.
enum class Dimension { Sex, AgeBand, Year };

[[nodiscard]] QString purposeName(Purpose purpose);
[[nodiscard]] QString selectionName(Selection selection);
/// "sex", "ageBand", "year" (the spec's spelling).
[[nodiscard]] QString dimensionName(Dimension dimension);

/// One cell of a report: a measure and, per grouping dimension (in the spec's order), one value.
struct ReportCellKey
{
    std::uint32_t index = 0;
    QString measure;
    std::vector<QString> group;
    friend bool operator==(const ReportCellKey&, const ReportCellKey&) = default;
};

/// A coded condition a report's patients must have (filters.conditions): a FHIR system URI
/// (SNOMED CT, ICD-10, ICD-10-CM: the systems a condition row may use) and a code.
struct ConditionCode
{
    QString system;
    QString code;
    friend bool operator==(const ConditionCode& a, const ConditionCode& b)
    {
        return a.system == b.system && a.code == b.code;
    }
    friend bool operator<(const ConditionCode& a, const ConditionCode& b)
    {
        return a.system != b.system ? a.system < b.system : a.code < b.code;
    }
};

/// A validated report specification. Build it with fromJson(); every field is checked there.
struct ReportSpec
{
    static constexpr int kVersion = 1;
    static constexpr std::size_t kMaxMeasures = 10;
    static constexpr std::size_t kMaxCells = 1000;
    static constexpr int kMaxYearSpan = 100;
    static constexpr std::size_t kMaxConditions = 50;

    QString title;
    Purpose purpose = Purpose::Quality;
    std::vector<QString> measures; ///< LOINC codes with a packed layout in the catalogue
    Selection selection = Selection::All;
    std::vector<QString> sexFilter;     ///< empty: every sex
    std::vector<QString> ageBandFilter; ///< empty: every age band
    std::optional<std::pair<int, int>> years;
    /// Empty: no condition filter; otherwise only patients with a condition row of any of these
    /// codes (by condition blind tokens), sorted by system then code.
    std::vector<ConditionCode> conditionFilter;
    std::vector<Dimension> groupBy; ///< 0, 1 or 2 distinct dimensions

    /// Parses and validates a spec. Unknown members, wrong types, unknown codes, duplicates and
    /// out-of-range values are refused with MalformedInput{file, 0, field} ("measures[1].code");
    /// Unsupported for another "version".
    [[nodiscard]] static Result<ReportSpec>
    fromJson(const QByteArray& json, const std::string& file = {},
             const interop::UnitsCatalogue& catalogue = interop::UnitsCatalogue::builtIn());
    /// The canonical form: compact JSON, members sorted, filters in a fixed order, defaults written.
    /// Equal specs have equal bytes; the report file carries these bytes and their SHA-256.
    [[nodiscard]] QByteArray canonicalJson() const;
    [[nodiscard]] crypto::Digest256 sha256() const;

    /// The values a dimension takes in this report: the filter's values if filtered, else all of them
    /// (sex: female, male, other, unknown; age bands 0-9 … 120-129; years: the year range).
    [[nodiscard]] std::vector<QString> valuesOf(Dimension dimension) const;
    /// Every cell in order: measures outermost, then the first grouping's values, then the second's.
    [[nodiscard]] std::vector<ReportCellKey> cells() const;
    /// The spec in words ("Research report: mean of 4548-4 (latest per patient) by sex; …").
    [[nodiscard]] QString describe() const;
};

/// The short name of a condition code system ("SNOMED CT", "ICD-10", "ICD-10-CM"), or the URI.
[[nodiscard]] QString conditionSystemName(const QString& system);

/// The sex values of the index ("female", "male", "other", "unknown").
[[nodiscard]] const std::vector<QString>& allSexes();
/// The age bands of the index ("0-9" … "120-129").
[[nodiscard]] const std::vector<QString>& allAgeBands();

} // namespace cc::reports
