// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/ReviewTableModel.h"

#include "ui/admin/AdminFormat.h"
#include "ui/admin/AuditTableModel.h"

#include <QBrush>
#include <QColor>

namespace cc::ui {

ReviewTableModel::ReviewTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ReviewTableModel::setItems(std::vector<services::ReviewItem> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

void ReviewTableModel::clear()
{
    setItems({});
}

int ReviewTableModel::unreviewedCount() const
{
    return static_cast<int>(std::count_if(m_items.begin(), m_items.end(), [](const auto& i) { return !i.reviewed; }));
}

int ReviewTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int ReviewTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto& item = m_items[static_cast<std::size_t>(index.row())];
    const auto& e = item.event;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return utcDateTime(e.timeMs);
        case UserColumn:
            return e.userName.empty() ? QString::fromStdString(e.role)
                                      : QStringLiteral("%1 (%2)").arg(QString::fromStdString(e.userName),
                                                                      QString::fromStdString(e.role));
        case EventColumn:
            return e.flagged ? (e.eventId == audit::AuditEventId::SecurityAlert ? tr("Security alert (flagged)")
                                                                                : tr("Emergency access (flagged)"))
                             : tr("Refused: %1").arg(AuditTableModel::actionText(e.action).toLower());
        case OutcomeColumn:
            return AuditTableModel::outcomeText(e.outcome);
        case DetailColumn:
            return QString::fromStdString(e.reason.empty() ? e.detail : e.reason + " — " + e.detail);
        case ReviewColumn:
            return item.reviewed ? tr("Reviewed by %1: %2")
                                       .arg(QString::fromStdString(item.reviewer), QString::fromStdString(item.comment))
                                 : tr("Waiting for review");
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == ReviewColumn && !item.reviewed)
        return QBrush(QColor(0xb0, 0x00, 0x20));
    if (role == Qt::ToolTipRole)
        return QString::fromStdString(e.detail);
    return {};
}

QVariant ReviewTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case UserColumn:
        return tr("User");
    case EventColumn:
        return tr("What");
    case OutcomeColumn:
        return tr("Outcome");
    case DetailColumn:
        return tr("Reason / detail");
    case ReviewColumn:
        return tr("Review");
    default:
        return {};
    }
}

} // namespace cc::ui
