// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/ReportText.h"

#include "core/interop/UnitsCatalogue.h"
#include "ui/admin/BackupView.h"
#include "ui/common/DisplayText.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

namespace cc::ui {

using reports::Dimension;
using reports::Purpose;

QString ReportText::purpose(Purpose purpose)
{
    return purpose == Purpose::Research
               ? tr("Research: patients who opted out of research use are left out.")
               : tr("Quality of the clinic's own care: every patient is included, those who opted out of research "
                    "too. Not for research use.");
}

QString ReportText::purposeName(Purpose purpose)
{
    return purpose == Purpose::Research ? tr("Research") : tr("Quality of care");
}

QString ReportText::measure(const QString& code)
{
    const auto* def = interop::UnitsCatalogue::builtIn().find(code);
    if (def == nullptr)
        return code;
    return tr("%1 (%2, %3)").arg(DisplayText::observationName(code, code), code, DisplayText::unit(def->unit));
}

QString ReportText::dimension(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Sex:
        return tr("sex");
    case Dimension::AgeBand:
        return tr("age band");
    case Dimension::Year:
        return tr("year");
    }
    return {};
}

QString ReportText::groupValue(Dimension dimension, const QString& value)
{
    if (dimension == Dimension::Sex) {
        if (value == QLatin1String("female"))
            return tr("female");
        if (value == QLatin1String("male"))
            return tr("male");
        if (value == QLatin1String("other"))
            return tr("other sex");
        return tr("sex unknown");
    }
    if (dimension == Dimension::AgeBand) {
        QString band = value;
        band.replace(QLatin1Char('-'), QStringLiteral("–"));
        return tr("%1 years").arg(band);
    }
    return value;
}

QString ReportText::group(const reports::ReportSpec& spec, const reports::ReportCellKey& key)
{
    QStringList parts;
    for (std::size_t i = 0; i < key.group.size() && i < spec.groupBy.size(); ++i)
        parts << groupValue(spec.groupBy[i], key.group[i]);
    return parts.isEmpty() ? tr("everyone") : parts.join(QStringLiteral(", "));
}

QString ReportText::describe(const reports::ReportSpec& spec)
{
    QStringList lines;
    QStringList measures;
    for (const auto& m : spec.measures)
        measures << measure(m);
    lines << tr("Measures: %1.").arg(measures.join(QStringLiteral("; ")));
    lines << (spec.selection == reports::Selection::Latest ? tr("Each patient's latest value of each measure.")
                                                           : tr("Every observation of each measure."));
    QStringList who;
    if (!spec.sexFilter.empty()) {
        QStringList sexes;
        for (const auto& s : spec.sexFilter)
            sexes << groupValue(Dimension::Sex, s);
        who << tr("sex %1").arg(sexes.join(tr(" or ")));
    }
    if (!spec.ageBandFilter.empty()) {
        QStringList bands;
        for (const auto& b : spec.ageBandFilter)
            bands << groupValue(Dimension::AgeBand, b);
        who << tr("aged %1 at the observation").arg(bands.join(tr(" or ")));
    }
    if (spec.years)
        who << tr("observed in %1–%2").arg(spec.years->first).arg(spec.years->second);
    if (!spec.conditionFilter.empty()) {
        QStringList codes;
        for (const auto& c : spec.conditionFilter)
            codes << reports::conditionSystemName(c.system) + QLatin1Char(' ') + c.code;
        who << tr("with a condition coded %1").arg(codes.join(tr(" or ")));
    }
    lines << (who.isEmpty() ? tr("Patients: all patients with the measure.")
                            : tr("Patients: %1.").arg(who.join(QStringLiteral("; "))));
    if (spec.purpose == Purpose::Research)
        lines << tr("Patients who opted out of research use are left out.");
    else
        lines << tr("Everyone is included, patients who opted out of research too (quality of care).");
    if (spec.groupBy.empty()) {
        lines << tr("One cell per measure.");
    } else {
        QStringList dims;
        for (Dimension d : spec.groupBy)
            dims << dimension(d);
        lines << tr("One cell per measure and %1: %n cell(s).", nullptr, static_cast<int>(spec.cells().size()))
                     .arg(dims.join(tr(" and ")));
    }
    return lines.join(QLatin1Char('\n'));
}

QString ReportText::suppression(const QString& reason)
{
    static const QRegularExpression fewer(QStringLiteral("^fewer than (\\d+) patients$"));
    if (const auto m = fewer.match(reason); m.hasMatch())
        return tr("fewer than %1 patients").arg(m.captured(1));
    if (reason == QLatin1String("complementary suppression"))
        return tr("complementary suppression (protects another suppressed cell)");
    return reason;
}

QString ReportText::value(const QString& code, double value)
{
    const auto* def = interop::UnitsCatalogue::builtIn().find(code);
    return QLocale().toString(value, 'f', def != nullptr ? def->decimals : 2);
}

QString ReportText::edge(double value)
{
    return QLocale().toString(value, 'g', 12);
}

QString ReportText::grouped(const std::string& hex)
{
    return BackupView::groupedFingerprint(hex);
}

} // namespace cc::ui
