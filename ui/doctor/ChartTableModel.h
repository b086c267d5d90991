// SPDX-License-Identifier: GPL-3.0-or-later
// A read-only table of decrypted chart rows (problems, medications, allergies, observations, notes).
#pragma once

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <vector>

namespace cc::ui {

/// One row of a chart table: the texts of its cells and a key (a code, a row id) for the view.
struct ChartRow
{
    QStringList cells;
    QString key;
    /// What a column sorts by where the shown text does not sort right (ISO dates behind
    /// locale dates, numbers); a missing entry sorts by the text.
    QVariantList sortKeys = {};
    /// Shown in dark red and bold (an abnormal value, an allergy).
    bool alert = false;
    /// Left out by the "active only" filter (a resolved problem, a stopped medication).
    bool inactive = false;
    /// The row's group for the category filter (a problem's category), or empty.
    QString category = {};
};

/// Plain text table over rows built by the chart views from what the services returned. It holds
/// PHI in memory only and is cleared on lock and logout like every model of the session. The key
/// of a row is given by data(index, KeyRole) in every column.
class ChartTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int KeyRole = Qt::UserRole + 1;
    /// The value a column sorts by (ChartRow::sortKeys, else the text).
    static constexpr int SortRole = Qt::UserRole + 2;
    /// True if the row is inactive (ChartRow::inactive).
    static constexpr int InactiveRole = Qt::UserRole + 3;
    /// The row's category (ChartRow::category).
    static constexpr int CategoryRole = Qt::UserRole + 4;

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

/// Sorts a ChartTableModel by ChartTableModel::SortRole in every column (locale-aware for
/// text) and filters it by "active only" and by category. It starts unsorted: the rows keep the
/// order the chart built until a header is clicked.
class ChartProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ChartProxyModel(ChartTableModel* source, QObject* parent = nullptr);

    /// Shows only rows not marked inactive.
    void setActiveOnly(bool activeOnly);
    /// Shows only rows of this category (empty: every category).
    void setCategory(const QString& category);
    [[nodiscard]] bool activeOnly() const { return m_activeOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    bool m_activeOnly = false;
    QString m_category;
};

} // namespace cc::ui
