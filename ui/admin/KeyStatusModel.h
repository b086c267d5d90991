// SPDX-License-Identifier: GPL-3.0-or-later
// The key status table: public facts about each clinic key, never a key.
#pragma once

#include "core/services/KeyService.h"

#include <QAbstractTableModel>

#include <vector>

namespace cc::ui {

/// Read-only table of KeyService::status rows: name in words (the service's name as tool tip),
/// id in one format (lower-case hex, AdminFormat keyIdText), version, age in days, holders.
class KeyStatusModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, IdColumn, VersionColumn, AgeColumn, HoldersColumn, ColumnCount };

    explicit KeyStatusModel(QObject* parent = nullptr);

    /// Replaces the rows.
    void setKeys(std::vector<services::KeyStatus> keys);
    /// Removes every row.
    void clear();
    /// The rows as the service gave them.
    [[nodiscard]] const std::vector<services::KeyStatus>& keys() const { return m_keys; }
    /// A key's name in words ("Database key") for the service's name ("DatabaseKey").
    [[nodiscard]] static QString keyName(const std::string& serviceName);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<services::KeyStatus> m_keys;
};

} // namespace cc::ui
