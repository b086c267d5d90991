// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/ChartTableModel.h"

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

} // namespace cc::ui
