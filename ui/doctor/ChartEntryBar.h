// SPDX-License-Identifier: GPL-3.0-or-later
// Add / Edit / Remove buttons under one of the chart's problem, medication or allergy tables.
#pragma once

#include "core/model/RowId.h"

#include <QDialog>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class ChartEntryBar;
}

class QTableView;

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

class ChartTableModel;

/// The entry buttons of one chart table. Add and Edit open the kind's dialog (ConditionDialog,
/// MedicationDialog, AllergyDialog) window-modally; the dialog stores through
/// ClinicalEntryService, which checks the access, validates and audits. Remove asks for a
/// confirmation (MessageBox). After a change, changed() asks the chart to reload.
class ChartEntryBar : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { Problems, Medications, Allergies };

    /// `clinic` must outlive the bar; `table` shows `model`, whose row keys are row ids in hex.
    ChartEntryBar(services::ClinicService& clinic, Kind kind, QTableView* table, ChartTableModel* model,
                  QWidget* parent = nullptr);
    ~ChartEntryBar() override;

    /// The patient whose chart is shown and how the dialogs name them ("Doe, Jane — MRN 1").
    void setPatient(const access::PatientId& patient, const QString& patientLine);
    /// No patient: the buttons are disabled.
    void clear();
    /// The dialog opened by Add or Edit while it is open (tests drive it), else nullptr.
    [[nodiscard]] QDialog* currentDialog() const { return m_dialog; }

signals:
    /// A record was added, edited or removed.
    void changed();

private:
    void openDialog(bool edit);
    void remove();
    void showError(const QString& text);
    [[nodiscard]] std::optional<model::RowId> selectedId() const;

    std::unique_ptr<Ui::ChartEntryBar> m_ui;
    services::ClinicService& m_clinic;
    Kind m_kind;
    QTableView* m_table;
    ChartTableModel* m_model;
    access::PatientId m_patient{};
    QString m_patientLine;
    bool m_hasPatient = false;
    QPointer<QDialog> m_dialog;
};

} // namespace cc::ui
