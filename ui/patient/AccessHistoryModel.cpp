// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/patient/AccessHistoryModel.h"

#include "ui/admin/AuditTableModel.h"
#include "ui/common/DisplayText.h"

#include <algorithm>

namespace cc::ui {

namespace {

QString roleText(const std::string& role)
{
    if (role == "doctor")
        return AccessHistoryModel::tr("doctor");
    if (role == "administrator")
        return AccessHistoryModel::tr("administrator");
    if (role == "patient")
        return AccessHistoryModel::tr("you");
    return AccessHistoryModel::tr("system");
}

} // namespace

AccessHistoryModel::AccessHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void AccessHistoryModel::setEntries(std::vector<audit::AuditEntry> entries)
{
    beginResetModel();
    m_events.clear();
    for (auto& entry : entries)
        m_events.push_back(std::move(entry.event));
    std::sort(m_events.begin(), m_events.end(),
              [](const audit::AuditEvent& a, const audit::AuditEvent& b) { return a.seq > b.seq; });
    endResetModel();
}

void AccessHistoryModel::clear()
{
    beginResetModel();
    m_events.clear();
    endResetModel();
}

int AccessHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int AccessHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccessHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const audit::AuditEvent& e = m_events[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case TimeColumn:
        return role == Qt::ToolTipRole ? QString::fromStdString(audit::formatUtcMillis(e.timeMs))
                                       : DisplayText::dateTime(static_cast<qint64>(e.timeMs));
    case UserColumn:
        return QString::fromStdString(e.userName);
    case RoleColumn:
        return roleText(e.role);
    case ActionColumn:
        return AuditTableModel::actionText(e.action) + QStringLiteral(" — ") +
               QString::fromUtf8(audit::eventIdName(e.eventId).data(),
                                 static_cast<qsizetype>(audit::eventIdName(e.eventId).size()));
    case ReasonColumn:
        if (e.flagged)
            return tr("Emergency access, reviewed by an administrator: %1").arg(QString::fromStdString(e.reason));
        return QString::fromStdString(e.reason);
    default:
        return {};
    }
}

QVariant AccessHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("When");
    case UserColumn:
        return tr("Who");
    case RoleColumn:
        return tr("Role");
    case ActionColumn:
        return tr("What");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace cc::ui
