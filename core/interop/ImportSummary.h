// SPDX-License-Identifier: GPL-3.0-or-later
// What an import read: counts per record type and every skipped item with its reason.
#pragma once

#include <QString>

#include <map>
#include <string>
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

    /// The count for `type` (0 if none).
    [[nodiscard]] std::size_t count(const std::string& type) const
    {
        const auto it = counts.find(type);
        return it == counts.end() ? 0 : it->second;
    }
};

} // namespace cc::interop
