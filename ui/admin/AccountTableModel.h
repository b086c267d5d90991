// SPDX-License-Identifier: GPL-3.0-or-later
// The accounts table: what AccountService::list returns, one row per account.
#pragma once

#include "core/services/AccountService.h"

#include <QAbstractTableModel>

#include <vector>

namespace cc::ui {

/// Read-only table of account summaries (name, role, status, custodian, failed attempts). Holds no
/// key or password; cleared on lock like every model of the session.
class AccountTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, RoleColumn, StatusColumn, CustodianColumn, FailedColumn, ColumnCount };

    explicit AccountTableModel(QObject* parent = nullptr);

    /// Replaces the rows; `nowSeconds` decides whether a back-off is still running.
    void setAccounts(std::vector<services::AccountSummary> accounts, std::int64_t nowSeconds);
    /// Removes every row.
    void clear();
    /// The account on `row`, or nullptr.
    [[nodiscard]] const services::AccountSummary* account(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString statusText(const services::AccountSummary& account) const;

    std::vector<services::AccountSummary> m_accounts;
    std::int64_t m_now = 0;
};

} // namespace cc::ui
