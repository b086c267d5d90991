// SPDX-License-Identifier: GPL-3.0-or-later
// The cells of a report file as a table: measure, group, n, observations, mean, SD, estimated
// median and the suppression mark (published), or the cells to be decrypted (encrypted).
#pragma once

#include "core/reports/ReportFile.h"

#include <QAbstractTableModel>

namespace cc::ui {

class ReportCellModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Measure, Group, Patients, Observations, Mean, Sd, Median, Status, ColumnCount };

    explicit ReportCellModel(QObject* parent = nullptr);

    /// Shows `file`'s cells (a copy is kept).
    void setReport(const reports::ReportFile& file);
    void clear();
    [[nodiscard]] const reports::ReportFile* report() const { return m_loaded ? &m_file : nullptr; }
    /// The cell of a row, or nullptr.
    [[nodiscard]] const reports::ReportCell* cellAt(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    reports::ReportFile m_file;
    bool m_loaded = false;
};

} // namespace cc::ui
