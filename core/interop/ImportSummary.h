// SPDX-License-Identifier: GPL-3.0-or-later
// What an import read: counts per record type and every skipped item with its reason.
#pragma once

#include <QString>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cc::interop {

/// A row that was valid CSV but not imported, and why. The reason names codes and values, never
/// names or identifiers of the patient.
struct SkippedItem
{
    QString file;
    long line = 0;
    std::string field;
    std::string reason;
};

/// Counts of imported records per type ("patients", "observations" ...) and the skipped rows.
struct ImportSummary
{
    std::map<std::string, std::size_t> counts;
    std::vector<SkippedItem> skipped;
    /// Numeric values stored without a catalogue entry (generic layout), per (code, unit).
    std::map<std::pair<QString, QString>, std::size_t> uncatalogued;
    /// Numeric values stored and tokenised but without a Paillier value (a generic value outside
    /// the generic range), each with where it was read and why.
    std::vector<SkippedItem> unindexed;

    /// Records a numeric value of `code` in `unit` that the catalogue does not hold; `indexed`
    /// false lists it under unindexed as well (`reason` says why).
    void noteUncatalogued(const QString& code, const QString& unit, bool indexed, SkippedItem where)
    {
        ++uncatalogued[{code, unit}];
        if (!indexed)
            unindexed.push_back(std::move(where));
    }

    /// Adds another summary's counts and lists to this one.
    void add(const ImportSummary& other)
    {
        for (const auto& [type, n] : other.counts)
            counts[type] += n;
        for (const auto& [key, n] : other.uncatalogued)
            uncatalogued[key] += n;
        skipped.insert(skipped.end(), other.skipped.begin(), other.skipped.end());
        unindexed.insert(unindexed.end(), other.unindexed.begin(), other.unindexed.end());
    }

    /// One line per uncatalogued (code, unit): "stored without catalogue entry: 91146-1 {score} × 14".
    [[nodiscard]] std::vector<std::string> uncataloguedLines() const
    {
        std::vector<std::string> lines;
        for (const auto& [key, n] : uncatalogued)
            lines.push_back("stored without catalogue entry: " + key.first.toStdString() + " " +
                            key.second.toStdString() + " \u00d7 " + std::to_string(n));
        return lines;
    }

    /// The count for `type` (0 if none).
    [[nodiscard]] std::size_t count(const std::string& type) const
    {
        const auto it = counts.find(type);
        return it == counts.end() ? 0 : it->second;
    }
};

} // namespace cc::interop
