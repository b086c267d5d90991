// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/Estimates.h"

#include <algorithm>
#include <optional>

namespace cc::reports {
namespace {

// The width of the non-empty bin that holds `value` (the first, if it sits on a shared edge).
std::optional<double> binWidthAt(const std::vector<HistogramBin>& bins, double value)
{
    for (const auto& b : bins)
        if (b.count > 0 && value >= b.from && value <= b.to)
            return b.to - b.from;
    return std::nullopt;
}

} // namespace

bool estimatesInformative(const CellFigures& f)
{
    if (f.suppressed || f.sd <= 0)
        return false;
    const auto nonEmpty =
        std::count_if(f.histogram.begin(), f.histogram.end(), [](const HistogramBin& b) { return b.count > 0; });
    if (nonEmpty < 2)
        return false;
    for (double estimate : {f.p25Estimate, f.medianEstimate, f.p75Estimate}) {
        const auto width = binWidthAt(f.histogram, estimate);
        if (!width || *width > kMaxEstimateBinSds * f.sd)
            return false;
    }
    return true;
}

} // namespace cc::reports
