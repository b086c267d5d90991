// SPDX-License-Identifier: GPL-3.0-or-later
// One patient's chart: summary, problems, medications, allergies, observations, notes, attachments.
#pragma once

#include "core/Result.h"
#include "core/model/ClinicalNote.h"
#include "core/model/RowId.h"

#include <QWidget>

#include <memory>
#include <vector>

namespace Ui {
class ChartView;
}

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

class AttachmentsPage;
class ChartEntryBar;
class ChartTableModel;
class NotesPage;
class ObservationsPage;

/// The tabs of a chart, filled from PatientService::chart (which checks the access, decrypts and
/// audits). A chart opened under break-glass shows the emergency banner. Read-only mode (the
/// patient's own window) hides the entry form and every note not shared with the patient.
class ChartView : public QWidget
{
    Q_OBJECT

public:
    enum class Tab { Summary, Problems, Medications, Allergies, Observations, Notes, Attachments };

    /// `clinic` must outlive the view.
    explicit ChartView(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~ChartView() override;

    /// Loads the chart of `patient`. On error the view is cleared and the error returned
    /// (AccessDenied for a patient outside the care team without a grant: the caller may offer
    /// break-glass). Errors: as PatientService::chart.
    [[nodiscard]] Status load(const model::RowId& patient);
    /// Loads the current patient again (after an unlock or a new observation).
    [[nodiscard]] Status reload();
    /// Hides the entry form and unshared notes.
    void setReadOnly(bool readOnly);
    /// Shows these notes (those not shared with the patient are left out in read-only mode).
    void setNotes(const std::vector<model::ClinicalNote>& notes);
    /// Forgets everything shown (lock, logout).
    void clear();
    /// Brings a tab to the front.
    void showTab(Tab tab);

    [[nodiscard]] bool hasPatient() const { return m_hasPatient; }
    [[nodiscard]] const model::RowId& patientId() const { return m_patient; }
    [[nodiscard]] bool emergencyAccess() const;
    [[nodiscard]] ObservationsPage* observationsPage() const { return m_observations; }
    [[nodiscard]] ChartTableModel* vitalsModel() const { return m_vitals; }
    [[nodiscard]] ChartTableModel* problemsModel() const { return m_problems; }
    [[nodiscard]] ChartTableModel* medicationsModel() const { return m_medications; }
    [[nodiscard]] ChartTableModel* allergiesModel() const { return m_allergies; }
    [[nodiscard]] ChartTableModel* notesModel() const { return m_notes; }
    [[nodiscard]] NotesPage* notesPage() const { return m_notesPage; }
    [[nodiscard]] AttachmentsPage* attachmentsPage() const { return m_attachmentsPage; }
    /// The Add / Edit / Remove bar of the Problems, Medications or Allergies tab (else nullptr).
    [[nodiscard]] ChartEntryBar* entryBar(Tab tab) const;
    /// The loaded patient's research opt-out (the identity document's field).
    [[nodiscard]] bool researchOptOut() const { return m_researchOptOut; }

private:
    std::unique_ptr<Ui::ChartView> m_ui;
    services::ClinicService& m_clinic;
    ObservationsPage* m_observations;
    ChartTableModel* m_vitals;
    ChartTableModel* m_problems;
    ChartTableModel* m_medications;
    ChartTableModel* m_allergies;
    ChartTableModel* m_notes;
    NotesPage* m_notesPage;
    AttachmentsPage* m_attachmentsPage;
    ChartEntryBar* m_problemsBar;
    ChartEntryBar* m_medicationsBar;
    ChartEntryBar* m_allergiesBar;
    bool m_researchOptOut = false;
    model::RowId m_patient{};
    bool m_hasPatient = false;
    bool m_readOnly = false;
};

} // namespace cc::ui
