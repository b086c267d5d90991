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

void AuditTableModel::setPatientNames(std::map<std::string, QString> names)
{
    beginResetModel();
    m_patientNames = std::move(names);
    endResetModel();
}

QString AuditTableModel::patientText(const audit::AuditEvent& event) const
{
    if (event.patientId.empty())
        return {};
    const auto name = m_patientNames.find(event.patientId);
    return name != m_patientNames.end() ? name->second : QString::fromStdString(event.patientId);
}

void AuditTableModel::clear()
{
    beginResetModel();
    m_events.clear();
    m_patientNames.clear(); // names are identity data: they go with the rows (lock, logout)
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

AuditTableModel::Category AuditTableModel::category(const audit::AuditEvent& e)
{
    using audit::AuditEventId;
    using audit::AuditEventType;
    if (e.eventType == AuditEventType::EmergencyOverrideStarted ||
        e.eventType == AuditEventType::EmergencyOverrideStopped)
        return Category::EmergencyAccess;
    if (e.eventType == AuditEventType::Login || e.eventType == AuditEventType::Logout)
        return Category::Login;
    if (e.objectType == "User" || e.eventType == AuditEventType::SecurityRolesChanged ||
        e.eventType == AuditEventType::UserSecurityAttributesChanged)
        return Category::Accounts;
    if (e.objectType == "Key" || e.objectType == "Setting")
        return Category::Keys;
    if (e.objectType == "Backup" || e.eventId == AuditEventId::Export || e.eventId == AuditEventId::Import)
        return Category::BackupExport;
    if (e.eventId == AuditEventId::AuditLogUsed || e.objectType == "AuditLog" || e.objectType == "AuditEvent")
        return Category::AuditTrail;
    if (e.eventId == AuditEventId::PatientRecord || e.eventId == AuditEventId::Query || !e.patientId.empty())
        return Category::PatientRecord;
    return Category::Other;
}

QString AuditTableModel::categoryText(Category c)
{
    switch (c) {
    case Category::Login:
        return tr("Logins and logouts");
    case Category::PatientRecord:
        return tr("Patient records");
    case Category::EmergencyAccess:
        return tr("Emergency access");
    case Category::Accounts:
        return tr("Accounts");
    case Category::Keys:
        return tr("Keys and settings");
    case Category::AuditTrail:
        return tr("Audit trail");
    case Category::BackupExport:
        return tr("Backups, imports, exports");
    case Category::Other:
        return tr("Other");
    }
    return {};
}

QString AuditTableModel::eventText(const audit::AuditEvent& e)
{
    using audit::AuditAction;
    const bool failed = e.outcome != audit::AuditOutcome::Success;
    switch (category(e)) {
    case Category::EmergencyAccess:
        return tr("Emergency access");
    case Category::Login:
        return e.eventType == audit::AuditEventType::Logout ? tr("Logout") : failed ? tr("Login failed") : tr("Login");
    case Category::Keys:
        if (e.action == AuditAction::Read)
            return tr("Key status viewed");
        return e.objectType == "Setting" ? tr("Setting changed") : tr("Key changed");
    case Category::Accounts:
        return e.action == AuditAction::Read ? tr("Accounts listed") : tr("Account changed");
    case Category::AuditTrail:
        return e.objectType == "AuditEvent" ? tr("Event reviewed") : tr("Audit trail used");
    case Category::BackupExport:
        return e.eventId == audit::AuditEventId::Import ? tr("Import or restore") : tr("Export or backup");
    case Category::PatientRecord:
        return e.action == AuditAction::Read ? tr("Patient record read")
                                             : tr("Patient record: %1").arg(actionText(e.action).toLower());
    case Category::Other:
        break;
    }
    return e.eventId == audit::AuditEventId::SecurityAlert ? tr("Security alert")
                                                           : fromView(audit::eventIdName(e.eventId));
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
        case EventColumn:
            return eventText(e);
        case PatientColumn:
            return patientText(e);
        case ObjectColumn:
            if (e.objectType.empty())
                return QString();
            return QString::fromStdString(e.objectType + " " + e.objectId);
        case ReasonColumn: {
            // The detail names the attempted action; a failed one must not read like it happened.
            const QString text = QString::fromStdString(e.reason.empty() ? e.detail : e.reason);
            return e.outcome == audit::AuditOutcome::Success ? text : tr("Not done — %1").arg(text);
        }
        case FlaggedColumn:
            return e.flagged ? tr("flagged") : QString();
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == OutcomeColumn && e.outcome != audit::AuditOutcome::Success)
        return QBrush(QColor(0xb0, 0x00, 0x20));
    if (role == Qt::ToolTipRole && index.column() == EventColumn) {
        QString code = fromView(audit::eventIdName(e.eventId));
        if (e.eventType != audit::AuditEventType::None)
            code += QStringLiteral(" / ") + fromView(audit::eventTypeName(e.eventType));
        return code;
    }
    if (role == Qt::ToolTipRole && index.column() == PatientColumn && !e.patientId.empty())
        return tr("Patient id %1").arg(QString::fromStdString(e.patientId));
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
        return tr("Patient");
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
