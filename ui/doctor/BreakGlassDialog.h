// SPDX-License-Identifier: GPL-3.0-or-later
// Asks a doctor for the reason of an emergency access to a patient outside the care team.
#pragma once

#include "core/model/RowId.h"

#include <QDialog>

#include <memory>

namespace Ui {
class BreakGlassDialog;
}

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

/// Collects the reason and asks PatientService::breakGlass for the 60-minute grant. The rule
/// (reason length, permission, the flagged audit event) is the service's: its refusal is shown
/// and the dialog stays open. Accepted only once the grant is recorded.
class BreakGlassDialog : public QDialog
{
    Q_OBJECT

public:
    /// `clinic` must outlive the dialog.
    explicit BreakGlassDialog(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~BreakGlassDialog() override;

    /// Fills in (and locks) the patient's record id, when the doctor came from a chart refused.
    void setPatient(const model::RowId& patient);
    /// The patient the grant was given for (valid after accept).
    [[nodiscard]] const model::RowId& patient() const { return m_patient; }

    void accept() override;

private:
    void showError(const QString& text);

    std::unique_ptr<Ui::BreakGlassDialog> m_ui;
    services::ClinicService& m_clinic;
    model::RowId m_patient{};
};

} // namespace cc::ui
