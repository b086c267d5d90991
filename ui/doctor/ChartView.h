// SPDX-License-Identifier: GPL-3.0-or-later
// One patient's chart: summary, problems, medications, allergies, observations, notes, attachments.
#pragma once

#include "core/Result.h"
#include "core/model/ClinicalNote.h"
#include "core/model/Patient.h"
#include "core/model/RowId.h"
#include "core/services/ChartSummary.h"
#include "core/services/PatientService.h"

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
class ChartProxyModel;
class ChartTableModel;
class PatientBanner;
class NotesPage;
class ObservationsPage;

/// The tabs of a chart, filled from PatientService::chart (which checks the access, decrypts and
/// audits). A chart opened under break-glass shows the emergency banner. Read-only mode (the
/// patient's own window) hides the entry form and every note not shared with the patient.
class ChartView : public QWidget
{
    Q_OBJECT

public:
    enum class Tab { Summary, Problems, Medications, Allergies, Observations, Notes, Attachments, Encounters };

    /// `clinic` must outlive the view.
    explicit ChartView(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~ChartView() override;

    /// Loads the chart of `patient`. On error the view is cleared and the error returned
    /// (AccessDenied for a patient outside the care team without a grant: the caller may offer
    /// break-glass). Errors: as PatientService::chart.
    [[nodiscard]] Status load(const access::PatientId& patient);
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
    [[nodiscard]] const access::PatientId& patientId() const { return m_patient; }
    /// The identity of the loaded patient (empty fields when none).
    [[nodiscard]] const model::Patient& patient() const { return m_identity; }
    /// "Doe, Jane — MRN 12345", what every write dialog of the chart shows; empty when none.
    [[nodiscard]] QString patientLine() const;
    /// Marks the chart as outside the doctor's list (emergency access) in the banner.
    void setOutsideList(bool outside);
    [[nodiscard]] bool emergencyAccess() const;
    /// True if a form of the chart holds typed input not saved yet (the observation form).
    [[nodiscard]] bool hasUnsavedInput() const;
    [[nodiscard]] PatientBanner* banner() const;
    /// The summary's tables: active problems, current medications, allergies, last encounters
    /// (the latest vital signs and labs are vitalsModel()).
    [[nodiscard]] ChartTableModel* problemsSummaryModel() const { return m_problemsSummary; }
    [[nodiscard]] ChartTableModel* medicationsSummaryModel() const { return m_medicationsSummary; }
    [[nodiscard]] ChartTableModel* allergiesSummaryModel() const { return m_allergiesSummary; }
    [[nodiscard]] ChartTableModel* encountersSummaryModel() const { return m_encountersSummary; }
    [[nodiscard]] ChartTableModel* encountersModel() const { return m_encounters; }
    [[nodiscard]] ChartTableModel* linkedModel() const { return m_linked; }
    /// The sorting and filtering models over the Problems, Medications and Allergies tables.
    [[nodiscard]] ChartProxyModel* problemsProxy() const { return m_problemsProxy; }
    [[nodiscard]] ChartProxyModel* medicationsProxy() const { return m_medicationsProxy; }
    [[nodiscard]] ChartProxyModel* allergiesProxy() const { return m_allergiesProxy; }
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

signals:
    /// A chart was loaded for a patient (another one, or the same one again).
    void patientLoaded(const access::PatientId& patient);

private:
    void fillSummary(const services::ChartSummary& summary);
    void fillTables(const services::PatientChart& chart);
    void showEncounter(const QString& key);
    /// Puts a committed observation into the chart in memory (`stored`; replacing the one with the
    /// same id) or takes it out (nullptr), then recomputes the summary and the Observations tab.
    void applyObservation(const model::RowId& id, const model::Observation* stored);
    void clearTables();

    std::unique_ptr<Ui::ChartView> m_ui;
    services::ClinicService& m_clinic;
    ObservationsPage* m_observations;
    ChartTableModel* m_vitals;
    ChartTableModel* m_problems;
    ChartTableModel* m_medications;
    ChartTableModel* m_allergies;
    ChartTableModel* m_notes;
    services::PatientChart m_chart; ///< the rows shown, for the encounters' linked records
    model::Patient m_identity;
    NotesPage* m_notesPage;
    AttachmentsPage* m_attachmentsPage;
    ChartEntryBar* m_problemsBar;
    ChartEntryBar* m_medicationsBar;
    ChartEntryBar* m_allergiesBar;
    ChartTableModel* m_problemsSummary;
    ChartTableModel* m_medicationsSummary;
    ChartTableModel* m_allergiesSummary;
    ChartTableModel* m_encountersSummary;
    ChartTableModel* m_encounters;
    ChartTableModel* m_linked;
    ChartProxyModel* m_problemsProxy;
    ChartProxyModel* m_medicationsProxy;
    ChartProxyModel* m_allergiesProxy;
    bool m_researchOptOut = false;
    access::PatientId m_patient{};
    bool m_hasPatient = false;
    bool m_readOnly = false;
};

} // namespace cc::ui
