// SPDX-License-Identifier: GPL-3.0-or-later
// Qt Charts of a published report: one cell's histogram, and one measure's mean per group.
#pragma once

#include "core/reports/ReportFile.h"

#include <QCoreApplication>

class QChart;

namespace cc::ui {

class ReportCharts
{
    Q_DECLARE_TR_FUNCTIONS(cc::ui::ReportCharts)

public:
    /// Fills `chart` (cleared first) with the histogram of `cell`: one bar per published bin (bins
    /// merged for disclosure control), labelled with its range. A suppressed cell gives an empty
    /// chart whose title says why.
    static void histogram(QChart* chart, const reports::ReportFile& file, const reports::ReportCell& cell);
    /// Fills `chart` with the mean of `measure` in each group (cells of that measure); a suppressed
    /// group is shown by its label "(suppressed)" and no bar.
    static void groupMeans(QChart* chart, const reports::ReportFile& file, const QString& measure);
    /// Removes every series and axis.
    static void clear(QChart* chart);
};

} // namespace cc::ui
