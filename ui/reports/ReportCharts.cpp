// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/ReportCharts.h"

#include "ui/common/DisplayText.h"
#include "ui/reports/ReportText.h"

#include "core/interop/UnitsCatalogue.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QValueAxis>

#include <algorithm>

namespace cc::ui {

namespace {

QString unitOf(const QString& code)
{
    const auto* def = interop::UnitsCatalogue::builtIn().find(code);
    return def != nullptr ? DisplayText::unit(def->unit) : QString();
}

void addBars(QChart* chart, QBarSet* set, const QStringList& categories, const QString& valueTitle, double maximum)
{
    auto* series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    x->setLabelsAngle(categories.size() > 6 ? -45 : 0);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto* y = new QValueAxis;
    y->setTitleText(valueTitle);
    y->setRange(0, maximum > 0 ? maximum * 1.15 : 1);
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
}

} // namespace

void ReportCharts::clear(QChart* chart)
{
    chart->removeAllSeries();
    for (auto* axis : chart->axes())
        chart->removeAxis(axis);
    chart->setTitle({});
}

void ReportCharts::histogram(QChart* chart, const reports::ReportFile& file, const reports::ReportCell& cell)
{
    clear(chart);
    const QString name = DisplayText::observationName(cell.key.measure, cell.key.measure);
    const QString group = ReportText::group(file.spec, cell.key);
    if (file.kind != reports::ReportFile::Kind::Published) {
        chart->setTitle(tr("%1 — %2: encrypted, no figures yet").arg(name, group));
        return;
    }
    if (cell.figures.suppressed) {
        chart->setTitle(tr("%1 — %2: suppressed (%3)").arg(name, group, ReportText::suppression(cell.figures.reason)));
        return;
    }
    auto* set = new QBarSet(tr("Observations"));
    QStringList categories;
    double maximum = 0;
    for (const auto& bin : cell.figures.histogram) {
        categories << tr("%1–%2").arg(ReportText::edge(bin.from), ReportText::edge(bin.to));
        *set << static_cast<double>(bin.count);
        maximum = std::max(maximum, static_cast<double>(bin.count));
    }
    chart->setTitle(tr("Histogram of %1 (%2) — %3").arg(name, unitOf(cell.key.measure), group));
    addBars(chart, set, categories, tr("observations"), maximum);
}

void ReportCharts::groupMeans(QChart* chart, const reports::ReportFile& file, const QString& measure)
{
    clear(chart);
    const QString name = DisplayText::observationName(measure, measure);
    if (file.kind != reports::ReportFile::Kind::Published)
        return;
    auto* set = new QBarSet(tr("Mean"));
    QStringList categories;
    double maximum = 0;
    for (const auto& cell : file.cells) {
        if (cell.key.measure != measure)
            continue;
        const QString label = ReportText::group(file.spec, cell.key);
        if (cell.figures.suppressed) {
            categories << tr("%1 (suppressed)").arg(label);
            *set << 0.0;
            continue;
        }
        categories << label;
        *set << cell.figures.mean;
        maximum = std::max(maximum, cell.figures.mean);
    }
    chart->setTitle(tr("Mean %1 (%2) per group").arg(name, unitOf(measure)));
    addBars(chart, set, categories, unitOf(measure), maximum);
}

} // namespace cc::ui
