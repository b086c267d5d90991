// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/KeyStatusModel.h"

#include "ui/admin/AdminFormat.h"

#include <QStringList>

namespace cc::ui {

KeyStatusModel::KeyStatusModel(QObject* parent) : QAbstractTableModel(parent) {}

void KeyStatusModel::setKeys(std::vector<services::KeyStatus> keys)
{
    beginResetModel();
    m_keys = std::move(keys);
    endResetModel();
}

void KeyStatusModel::clear()
{
    beginResetModel();
    m_keys.clear();
    endResetModel();
}

QString KeyStatusModel::keyName(const std::string& serviceName)
{
    if (serviceName == "DatabaseKey")
        return tr("Database key (encrypts the database file)");
    if (serviceName == "IdentityCategory")
        return tr("Identity category key (patients' identity keys)");
    if (serviceName == "ClinicalCategory")
        return tr("Clinical category key (patients' clinical keys)");
    if (serviceName == "Index")
        return tr("Index key (report cohort tokens)");
    if (serviceName == "AuditRoot")
        return tr("Audit root key (verifies the audit trail)");
    if (serviceName == "ClinicSigning")
        return tr("Clinic signing key (reports, backups, anchors)");
    if (serviceName == "ReportKey")
        return tr("Report key (encrypted statistics)");
    if (serviceName == "RecoveryKey")
        return tr("Recovery key (printed shares)");
    return QString::fromStdString(serviceName);
}

int KeyStatusModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_keys.size());
}

int KeyStatusModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyStatusModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto& key = m_keys[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return keyName(key.name);
        case IdColumn:
            return keyIdText(key.id);
        case VersionColumn:
            return key.version;
        case AgeColumn:
            return static_cast<qlonglong>(key.ageDays);
        case HoldersColumn: {
            QStringList holders;
            for (const auto& h : key.holders)
                holders << QString::fromStdString(h);
            return holders.join(QStringLiteral(", "));
        }
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return QString::fromStdString(key.name);
    if (role == Qt::TextAlignmentRole && (index.column() == VersionColumn || index.column() == AgeColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant KeyStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Key");
    case IdColumn:
        return tr("Key id");
    case VersionColumn:
        return tr("Version");
    case AgeColumn:
        return tr("Age (days)");
    case HoldersColumn:
        return tr("Held by");
    default:
        return {};
    }
}

} // namespace cc::ui
