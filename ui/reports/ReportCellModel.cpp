// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/ReportCellModel.h"

#include "ui/reports/ReportText.h"

#include "core/reports/Estimates.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

namespace cc::ui {

ReportCellModel::ReportCellModel(QObject* parent) : QAbstractTableModel(parent) {}

void ReportCellModel::setReport(const reports::ReportFile& file)
{
    beginResetModel();
    m_file = file;
    m_loaded = true;
    endResetModel();
}

void ReportCellModel::clear()
{
    beginResetModel();
    m_file = {};
    m_loaded = false;
    endResetModel();
}

const reports::ReportCell* ReportCellModel::cellAt(int row) const
{
    if (!m_loaded || row < 0 || row >= static_cast<int>(m_file.cells.size()))
        return nullptr;
    return &m_file.cells[static_cast<std::size_t>(row)];
}

int ReportCellModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_loaded ? 0 : static_cast<int>(m_file.cells.size());
}

int ReportCellModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReportCellModel::data(const QModelIndex& index, int role) const
{
    const auto* cell = index.isValid() ? cellAt(index.row()) : nullptr;
    if (cell == nullptr)
        return {};
    const bool published = m_file.kind == reports::ReportFile::Kind::Published;
    const auto& f = cell->figures;
    const bool figures = published && !f.suppressed;
    if (role == Qt::TextAlignmentRole && index.column() >= Patients && index.column() <= Median)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && published && f.suppressed)
        return QBrush(QColor(0x8a, 0x1c, 0x1c));
    if (role == Qt::ToolTipRole && index.column() == Median && figures)
        return tr("Estimate interpolated from the histogram; quartiles about %1 and %2")
            .arg(ReportText::value(cell->key.measure, f.p25Estimate),
                 ReportText::value(cell->key.measure, f.p75Estimate));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Measure:
        return ReportText::measure(cell->key.measure);
    case Group:
        return ReportText::group(m_file.spec, cell->key);
    case Patients:
        return figures ? QLocale().toString(static_cast<qulonglong>(f.patients)) : QStringLiteral("—");
    case Observations:
        return figures ? QLocale().toString(static_cast<qulonglong>(f.observations)) : QStringLiteral("—");
    case Mean:
        return figures ? ReportText::value(cell->key.measure, f.mean) : QStringLiteral("—");
    case Sd:
        return figures ? ReportText::value(cell->key.measure, f.sd) : QStringLiteral("—");
    case Median:
        if (!figures)
            return QStringLiteral("—");
        return reports::estimatesInformative(f)
                   ? tr("~%1 (estimate)").arg(ReportText::value(cell->key.measure, f.medianEstimate))
                   : tr("not estimable");
    case Status:
        if (!published)
            return tr("encrypted");
        return f.suppressed ? tr("suppressed: %1").arg(ReportText::suppression(f.reason)) : tr("published");
    default:
        return {};
    }
}

QVariant ReportCellModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Measure:
        return tr("Measure");
    case Group:
        return tr("Group");
    case Patients:
        return tr("n (patients)");
    case Observations:
        return tr("Observations");
    case Mean:
        return tr("Mean");
    case Sd:
        return tr("SD");
    case Median:
        return tr("Median");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace cc::ui
