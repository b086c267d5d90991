// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/AccountTableModel.h"

#include "ui/common/RoleText.h"

namespace cc::ui {

AccountTableModel::AccountTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void AccountTableModel::setAccounts(std::vector<services::AccountSummary> accounts, std::int64_t nowSeconds)
{
    beginResetModel();
    m_accounts = std::move(accounts);
    m_now = nowSeconds;
    endResetModel();
}

void AccountTableModel::clear()
{
    beginResetModel();
    m_accounts.clear();
    endResetModel();
}

const services::AccountSummary* AccountTableModel::account(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_accounts.size())
        return nullptr;
    return &m_accounts[static_cast<std::size_t>(row)];
}

int AccountTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_accounts.size());
}

int AccountTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AccountTableModel::statusText(const services::AccountSummary& account) const
{
    const auto& info = account.info;
    if (!account.enabled)
        return tr("disabled");
    if (info.suspended)
        return tr("suspended");
    if (info.lockedUntil > m_now)
        return tr("locked");
    if (info.mustChangePassword)
        return tr("must change password");
    return tr("enabled");
}

QVariant AccountTableModel::data(const QModelIndex& index, int role) const
{
    const auto* account = index.isValid() ? this->account(index.row()) : nullptr;
    if (account == nullptr)
        return {};
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return QString::fromStdString(account->info.userName);
        case RoleColumn:
            return RoleText::name(account->info.role);
        case StatusColumn:
            return statusText(*account);
        case CustodianColumn:
            return account->custodian ? tr("report-key share") : QString();
        case FailedColumn:
            return static_cast<qulonglong>(account->info.failedAttempts);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == FailedColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant AccountTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Account");
    case RoleColumn:
        return tr("Role");
    case StatusColumn:
        return tr("Status");
    case CustodianColumn:
        return tr("Custodian");
    case FailedColumn:
        return tr("Failed logins");
    default:
        return {};
    }
}

} // namespace cc::ui
