// SPDX-License-Identifier: GPL-3.0-or-later
// "Who opened my record": the audit events about the logged-in patient's record.
#pragma once

#include "core/audit/AuditExport.h"

#include <QAbstractTableModel>

#include <vector>

namespace cc::ui {

/// Read-only table over AuditService::ownAccessHistory: when, who (account and role), what was
/// done, and the reason of an emergency access (flagged events are marked as reviewed by an
/// administrator). Newest first. Cleared on lock and logout.
class AccessHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, UserColumn, RoleColumn, ActionColumn, ReasonColumn, ColumnCount };

    explicit AccessHistoryModel(QObject* parent = nullptr);

    /// Replaces the rows (shown newest first).
    void setEntries(std::vector<audit::AuditEntry> entries);
    /// Removes every row.
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<audit::AuditEvent> m_events;
};

} // namespace cc::ui
