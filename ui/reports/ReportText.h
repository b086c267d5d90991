// SPDX-License-Identifier: GPL-3.0-or-later
// A report in words for the screen and the PDF, translated (the core's ReportSpec::describe stays
// English for files and audit events).
#pragma once

#include "core/reports/ReportFile.h"

#include <QCoreApplication>
#include <QString>

namespace cc::ui {

class ReportText
{
    Q_DECLARE_TR_FUNCTIONS(cc::ui::ReportText)

public:
    /// "Research: patients who opted out of research are left out" / "Quality of care: …".
    [[nodiscard]] static QString purpose(reports::Purpose purpose);
    /// A short purpose name: "Research", "Quality of care".
    [[nodiscard]] static QString purposeName(reports::Purpose purpose);
    /// "Systolic blood pressure (8480-6, mmHg)".
    [[nodiscard]] static QString measure(const QString& code);
    /// "sex", "age band", "year".
    [[nodiscard]] static QString dimension(reports::Dimension dimension);
    /// A grouping value in words: "female", "40–49 years", "2015".
    [[nodiscard]] static QString groupValue(reports::Dimension dimension, const QString& value);
    /// "female, 40–49 years", or "everyone" for a report without grouping.
    [[nodiscard]] static QString group(const reports::ReportSpec& spec, const reports::ReportCellKey& key);
    /// The cohort definition in plain language, one sentence per line.
    [[nodiscard]] static QString describe(const reports::ReportSpec& spec);
    /// The reason of a suppressed cell, translated ("fewer than 11 patients").
    [[nodiscard]] static QString suppression(const QString& reason);
    /// A value rounded to the measure's decimals in the user's locale.
    [[nodiscard]] static QString value(const QString& code, double value);
    /// A histogram bin edge: no trailing zeros ("50", "3.5"), in the user's locale.
    [[nodiscard]] static QString edge(double value);
    /// "a1b2 c3d4 …": hex in groups of four.
    [[nodiscard]] static QString grouped(const std::string& hex);
};

} // namespace cc::ui
