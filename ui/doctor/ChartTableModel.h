// SPDX-License-Identifier: GPL-3.0-or-later
// A read-only table of decrypted chart rows (problems, medications, allergies, observations, notes).
#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace cc::ui {

/// One row of a chart table: the texts of its cells and a key (a code, a row id) for the view.
struct ChartRow
{
    QStringList cells;
    QString key;
};

/// Plain text table over rows built by the chart views from what the services returned. It holds
/// PHI in memory only and is cleared on lock and logout like every model of the session. The key
/// of a row is given by data(index, KeyRole) in every column.
class ChartTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int KeyRole = Qt::UserRole + 1;

    /// A table with these column headers (translated by the caller).
    explicit ChartTableModel(QStringList headers, QObject* parent = nullptr);

    /// Replaces the rows (a row with fewer cells than headers shows empty cells).
    void setRows(std::vector<ChartRow> rows);
    /// Removes every row.
    void clear();
    /// The key of `row`, or an empty string.
    [[nodiscard]] QString key(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    std::vector<ChartRow> m_rows;
};

} // namespace cc::ui
