// SPDX-License-Identifier: GPL-3.0-or-later
// The events waiting for an administrator's review, and the reviews made.
#pragma once

#include "core/services/AuditReviewService.h"

#include <QAbstractTableModel>

#include <vector>

namespace cc::ui {

/// Read-only table over AuditReviewService::items(): when, who, what, outcome, why, review.
class ReviewTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, UserColumn, EventColumn, OutcomeColumn, DetailColumn, ReviewColumn, ColumnCount };

    explicit ReviewTableModel(QObject* parent = nullptr);

    /// Replaces the rows.
    void setItems(std::vector<services::ReviewItem> items);
    /// Removes every row.
    void clear();
    /// The row's item (row must be valid).
    [[nodiscard]] const services::ReviewItem& item(int row) const { return m_items.at(static_cast<std::size_t>(row)); }
    /// Rows not reviewed yet.
    [[nodiscard]] int unreviewedCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<services::ReviewItem> m_items;
};

} // namespace cc::ui
