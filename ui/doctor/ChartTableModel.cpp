// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/ChartTableModel.h"

#include <QColor>
#include <QFont>

namespace cc::ui {

ChartTableModel::ChartTableModel(QStringList headers, QObject* parent)
    : QAbstractTableModel(parent), m_headers(std::move(headers))
{}

void ChartTableModel::setRows(std::vector<ChartRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void ChartTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

QString ChartTableModel::key(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_rows.size())
        return {};
    return m_rows[static_cast<std::size_t>(row)].key;
}

int ChartTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ChartTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_headers.size());
}

QVariant ChartTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const ChartRow& row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == KeyRole)
        return row.key;
    if (role == InactiveRole)
        return row.inactive;
    if (role == CategoryRole)
        return row.category;
    if (role == SortRole) {
        if (index.column() < row.sortKeys.size() && row.sortKeys.at(index.column()).isValid())
            return row.sortKeys.at(index.column());
        return index.column() < row.cells.size() ? row.cells.at(index.column()) : QString();
    }
    if (role == Qt::ForegroundRole && row.alert)
        return QColor(0xb0, 0x00, 0x20);
    if (role == Qt::FontRole && row.alert) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return index.column() < row.cells.size() ? row.cells.at(index.column()) : QString();
    return {};
}

QVariant ChartTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 || section >= m_headers.size())
        return {};
    return m_headers.at(section);
}

ChartProxyModel::ChartProxyModel(ChartTableModel* source, QObject* parent) : QSortFilterProxyModel(parent)
{
    setSourceModel(source);
    setSortRole(ChartTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void ChartProxyModel::setActiveOnly(bool activeOnly)
{
    m_activeOnly = activeOnly;
    invalidateFilter();
}

void ChartProxyModel::setCategory(const QString& category)
{
    m_category = category;
    invalidateFilter();
}

bool ChartProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_activeOnly && index.data(ChartTableModel::InactiveRole).toBool())
        return false;
    return m_category.isEmpty() || index.data(ChartTableModel::CategoryRole).toString() == m_category;
}

bool ChartProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const QVariant a = left.data(ChartTableModel::SortRole);
    const QVariant b = right.data(ChartTableModel::SortRole);
    if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString)
        return a.toString().localeAwareCompare(b.toString()) < 0;
    return QVariant::compare(a, b) == QPartialOrdering::Less;
}

} // namespace cc::ui
