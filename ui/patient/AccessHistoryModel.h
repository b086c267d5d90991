// SPDX-License-Identifier: GPL-3.0-or-later
// "Who opened my record": the audit events about the logged-in patient's record.
#pragma once

#include "core/audit/AuditExport.h"

#include <QAbstractTableModel>

#include <vector>

namespace cc::ui {

/// Read-only table over AuditService::ownAccessHistory, grouped per visit: the events of one
/// account that follow each other within kVisitGapMs make one row ("when, who, what they did in
/// plain words, why"), not one technical row per audit event. An emergency access shows its reason
/// and that it is reviewed by an administrator. Newest first. Cleared on lock and logout.
class AccessHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, UserColumn, RoleColumn, ActionColumn, ReasonColumn, ColumnCount };

    /// Events of one account further apart than this start a new visit (30 minutes).
    static constexpr qint64 kVisitGapMs = 30LL * 60 * 1000;

    explicit AccessHistoryModel(QObject* parent = nullptr);

    /// Replaces the rows (shown newest first).
    void setEntries(std::vector<audit::AuditEntry> entries);
    /// Removes every row.
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// What one event did, in the patient's words ("read your notes", "added a result").
    [[nodiscard]] static QString plainAction(const audit::AuditEvent& event);

private:
    struct Visit
    {
        std::string userName;
        std::string role;
        std::int64_t firstMs = 0;
        std::int64_t lastMs = 0;
        QStringList actions; ///< plain-language, each once, in order
        bool emergency = false;
        QStringList reasons;
    };
    std::vector<Visit> m_visits;
};

} // namespace cc::ui
