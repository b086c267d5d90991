// SPDX-License-Identifier: GPL-3.0-or-later
// Opens a patient by MRN, and asks for the reason of an emergency access only when one is needed.
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

/// From the toolbar: the doctor types the MRN and presses Check (PatientService::findByMrn, which
/// looks only at the care team). A patient on the care team is named and opens normally, without
/// emergency access; otherwise the dialog says emergency access is needed and asks for the reason,
/// and PatientService::breakGlassByMrn (which checks the reason before looking the MRN up among
/// all patients) records the 60-minute grant. From a refused chart (setPatient), the record is
/// known and the reason is asked at once. The rules (reason, permission, the flagged audit event)
/// are the service's: a refusal is shown and the dialog stays open. Accepted only once the chart
/// may be opened.
class BreakGlassDialog : public QDialog
{
    Q_OBJECT

public:
    /// `clinic` must outlive the dialog.
    explicit BreakGlassDialog(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~BreakGlassDialog() override;

    /// Fills in (and locks) the patient's record id, when the doctor came from a chart refused.
    void setPatient(const access::PatientId& patient);
    /// The patient whose chart may be opened (valid after accept).
    [[nodiscard]] const access::PatientId& patient() const { return m_patient; }
    /// True if the chart is opened under an emergency-access grant (false: on the care team).
    [[nodiscard]] bool emergencyAccess() const { return m_emergency; }
    /// Looks the typed MRN up on the care team and says whether emergency access is needed.
    void check();

    void accept() override;

private:
    enum class State { Unchecked, OnCareTeam, NeedsEmergencyAccess };
    void setState(State state);
    void showError(const QString& text);

    std::unique_ptr<Ui::BreakGlassDialog> m_ui;
    services::ClinicService& m_clinic;
    State m_state = State::Unchecked;
    bool m_fromChart = false;
    bool m_emergency = false;
    access::PatientId m_patient{};
};

} // namespace cc::ui
