// SPDX-License-Identifier: GPL-3.0-or-later
// The doctor's patient list: the care-team patients PatientService::list returned.
#pragma once

#include "core/model/Patient.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace cc::ui {

/// Read-only table of patient identities (name, MRN, birth date, sex), decrypted by the service
/// once per load; the search field filters these rows in memory (a QSortFilterProxyModel), so a
/// keystroke decrypts nothing. Cleared on lock and logout.
class PatientListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, MrnColumn, BirthDateColumn, SexColumn, ColumnCount };
    /// Every name of the patient (given, family, maiden) and the MRN in one string, for the filter.
    static constexpr int SearchRole = Qt::UserRole + 1;
    /// What a column sorts by (the ISO birth date behind the locale's date).
    static constexpr int SortRole = Qt::UserRole + 2;

    explicit PatientListModel(QObject* parent = nullptr);

    /// Replaces the rows.
    void setPatients(std::vector<model::Patient> patients);
    /// Removes every row.
    void clear();
    /// The patient on `row`, or nullptr.
    [[nodiscard]] const model::Patient* patient(int row) const;
    /// The row of the patient with this id, or -1.
    [[nodiscard]] int rowOf(const access::PatientId& id) const;
    /// Marks the patient whose chart is open (shown in bold with a marker), or none.
    void setOpenPatient(const std::optional<access::PatientId>& id);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<model::Patient> m_patients;
    std::optional<access::PatientId> m_open;
};

} // namespace cc::ui
