// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/AuditTableModel.h"

#include <QBrush>
#include <QColor>

namespace cc::ui {

namespace {

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

AuditTableModel::AuditTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void AuditTableModel::setEvents(std::vector<audit::AuditEvent> events)
{
    beginResetModel();
    m_events = std::move(events);
    endResetModel();
}

void AuditTableModel::clear()
{
    beginResetModel();
    m_events.clear();
    endResetModel();
}

const audit::AuditEvent* AuditTableModel::event(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_events.size())
        return nullptr;
    return &m_events[static_cast<std::size_t>(row)];
}

QString AuditTableModel::actionText(audit::AuditAction action)
{
    switch (action) {
    case audit::AuditAction::Create:
        return tr("Create");
    case audit::AuditAction::Read:
        return tr("Read");
    case audit::AuditAction::Update:
        return tr("Update");
    case audit::AuditAction::Delete:
        return tr("Delete");
    case audit::AuditAction::Execute:
        return tr("Execute");
    }
    return {};
}

QString AuditTableModel::outcomeText(audit::AuditOutcome outcome)
{
    switch (outcome) {
    case audit::AuditOutcome::Success:
        return tr("Success");
    case audit::AuditOutcome::MinorFailure:
        return tr("Minor failure");
    case audit::AuditOutcome::SeriousFailure:
        return tr("Serious failure");
    case audit::AuditOutcome::MajorFailure:
        return tr("Major failure");
    }
    return {};
}

int AuditTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int AuditTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto& e = m_events[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return QString::fromStdString(audit::formatUtcMillis(e.timeMs));
        case UserColumn:
            return QString::fromStdString(e.userName);
        case RoleColumn:
            return QString::fromStdString(e.role);
        case ActionColumn:
            return actionText(e.action);
        case OutcomeColumn:
            return outcomeText(e.outcome);
        case EventColumn: {
            QString text = fromView(audit::eventIdName(e.eventId));
            if (e.eventType != audit::AuditEventType::None)
                text += QStringLiteral(" / ") + fromView(audit::eventTypeName(e.eventType));
            return text;
        }
        case PatientColumn:
            return QString::fromStdString(e.patientId);
        case ObjectColumn:
            if (e.objectType.empty())
                return QString();
            return QString::fromStdString(e.objectType + " " + e.objectId);
        case ReasonColumn:
            return QString::fromStdString(e.reason.empty() ? e.detail : e.reason);
        case FlaggedColumn:
            return e.flagged ? tr("flagged") : QString();
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == OutcomeColumn && e.outcome != audit::AuditOutcome::Success)
        return QBrush(QColor(0xb0, 0x00, 0x20));
    if (role == Qt::ToolTipRole && index.column() == ReasonColumn && !e.detail.empty())
        return QString::fromStdString(e.detail);
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time (UTC)");
    case UserColumn:
        return tr("User");
    case RoleColumn:
        return tr("Role");
    case ActionColumn:
        return tr("Action");
    case OutcomeColumn:
        return tr("Outcome");
    case EventColumn:
        return tr("Event");
    case PatientColumn:
        return tr("Patient id");
    case ObjectColumn:
        return tr("Object");
    case ReasonColumn:
        return tr("Reason / detail");
    case FlaggedColumn:
        return tr("Review");
    default:
        return {};
    }
}

} // namespace cc::ui
