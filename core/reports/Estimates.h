// SPDX-License-Identifier: GPL-3.0-or-later
// Whether a published cell's median and quartile estimates are worth showing.
#pragma once

#include "core/reports/ReportFile.h"

namespace cc::reports {

/// The widest histogram bin, in standard deviations, that an estimate may be interpolated in.
inline constexpr double kMaxEstimateBinSds = 4.0;

/// True when a published cell's median and quartile estimates say something about the values.
/// They are interpolated linearly inside histogram bins, and disclosure control merges bins until
/// each holds enough patients, so in a small cell one bin may span the whole range (a demo clinic's
/// 27 blood pressures: one bin [30, 300), "median ~165" beside a mean of 116). Informative when the
/// histogram has at least two non-empty bins and each estimate lies in a bin no wider than
/// kMaxEstimateBinSds standard deviations; otherwise every output (text, JSON, CSV, PDF, the GUI)
/// says "not estimable" instead of a number. A suppressed cell has no estimates.
[[nodiscard]] bool estimatesInformative(const CellFigures& figures);

} // namespace cc::reports
