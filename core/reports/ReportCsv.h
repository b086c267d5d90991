// SPDX-License-Identifier: GPL-3.0-or-later
// The CSV form of a published report (docs/REPORTS.md section 6): one line per cell, shared by the
// CLI's `report csv` and the GUI's export so the two files are the same.
#pragma once

#include "core/reports/ReportFile.h"

#include <QString>

#include <string>

namespace cc::reports {

/// "sex=female, ageBand=40-49", or "all" for a report without grouping.
[[nodiscard]] QString cellGroupText(const ReportSpec& spec, const ReportCell& cell);

/// The published figures as CSV (RFC 4180 quoting, UTF-8): a header line, then per cell report id,
/// purpose, cell index, measure, unit, group, suppressed (yes/no), reason, patients, observations,
/// mean, SD, median, p25 and p75 estimates, rounded to the catalogue's decimals. The figures of a
/// suppressed cell are empty. An encrypted report gives the header and its cells without figures.
[[nodiscard]] std::string reportCsv(const ReportFile& file,
                                    const interop::UnitsCatalogue& catalogue = interop::UnitsCatalogue::builtIn());

} // namespace cc::reports
