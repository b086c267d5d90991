// SPDX-License-Identifier: GPL-3.0-or-later
// The doctor's main window: care-team patient list with search, the open chart, Lock and Log out.
#pragma once

#include "core/Result.h"
#include "core/model/RowId.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Ui {
class DoctorWindow;
}

class QAction;
class QMenu;
class QSortFilterProxyModel;

namespace cc::services {
class ClinicService;
class DirectoryBuild;
} // namespace cc::services

namespace cc::ui {

class BreakGlassDialog;
class ImportDialog;
class NewPatientDialog;
class ChartView;
class PatientListModel;

/// Lists the care-team patients (PatientService::list, decrypted once per load) and filters them
/// as the doctor types, in memory: no keystroke decrypts or queries anything. Opening a patient
/// shows the chart; a patient outside the care team leads to the break-glass dialog. Lock and Log
/// out are signals for the session flow, so the lock path is the same for the button and the timer.
class DoctorWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// `clinic` must outlive the window and have an active doctor session.
    explicit DoctorWindow(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~DoctorWindow() override;

    /// Loads the patient list from the service (shows its error under the list).
    void refresh();
    /// The same, but when the session's patient directory is not built yet (right after login or
    /// an unlock) its expensive part, opening every identity document, runs on a worker thread
    /// while the window stays responsive (services::DirectoryBuild); the list fills when it is
    /// done. With a directory already built it is refresh(). `then` runs after the list is filled.
    void refreshInBackground(std::function<void()> then = {});
    /// True while refreshInBackground() waits for its worker.
    [[nodiscard]] bool loadingDirectory() const noexcept { return m_loadingDirectory; }
    /// Opens a patient's chart. AccessDenied (outside the care team, no grant) opens the
    /// break-glass dialog; other errors are shown. Returns what the chart load returned.
    Status openPatient(const access::PatientId& patient);
    /// Opens the break-glass dialog (non-modal in tests: it is open()ed), for `patient` if given.
    void openBreakGlass(const access::PatientId* patient = nullptr);
    /// Opens the "New patient" form; a registered patient joins the list and their chart opens.
    void openNewPatient();
    /// Shows the import dialog (modal); the list reloads after an import that kept records.
    void openImport();
    /// Asks where to save, then writes the open patient's record as a FHIR R4 Bundle
    /// (ExportService, audited) atomically, readable by the owner only.
    Status exportOpenPatient();
    /// Asks where to save, then prints the open chart's summary to PDF (chartprint, audited).
    /// Returns the path written; Cancelled when no file was chosen.
    Result<QString> printSummary();
    /// The same for the trend of the observation shown on the Observations tab.
    Result<QString> printTrend();
    /// Fills the Recent patients menu (before it shows; tests call it).
    void fillRecentMenu();
    /// The charts opened in this session, newest first (row ids only).
    [[nodiscard]] const std::vector<access::PatientId>& recentPatients() const { return m_recent; }
    static constexpr std::size_t kRecentPatients = 8;
    /// Reloads the list and the open chart (after an unlock).
    void reload();
    /// Clears every PHI model and the search text (idle lock, logout).
    void clearSensitiveData();
    /// The patient whose chart is on screen, if any.
    [[nodiscard]] const std::optional<access::PatientId>& openPatientId() const { return m_openPatient; }
    /// The patient selected in the list (through the filter), if any.
    [[nodiscard]] std::optional<access::PatientId> selectedPatientId() const;
    /// True while the chart is on screen (not hidden because another row is selected).
    [[nodiscard]] bool chartShown() const;

    [[nodiscard]] PatientListModel* patientModel() const { return m_patients; }
    [[nodiscard]] QSortFilterProxyModel* patientProxyModel() const { return m_proxy; }
    [[nodiscard]] ChartView* chartView() const { return m_chart; }
    /// The break-glass dialog while it is open, else nullptr.
    [[nodiscard]] BreakGlassDialog* breakGlassDialog() const { return m_breakGlass; }
    /// The open "New patient" form, or nullptr (tests).
    [[nodiscard]] NewPatientDialog* newPatientDialog() const { return m_newPatient; }
    /// The open import dialog, or nullptr (tests).
    [[nodiscard]] ImportDialog* importDialog() const { return m_import; }

signals:
    void lockRequested();
    void logoutRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void readDirectoryPage(std::shared_ptr<services::DirectoryBuild> build);
    void endDirectoryLoad(const Error& error);
    void restartDirectoryLoad();
    void finishDirectoryLoad();
    void openRow(const QModelIndex& proxyIndex);
    void showListError(const QString& text);
    void openSearchResult();
    /// Selects the open patient's row (clearing a search that hides it), or clears the selection
    /// and marks the chart as outside the list; updates the title.
    void syncListToChart();
    /// Shows the chart only while the list's selection is its patient (or nothing is selected).
    void selectionChanged();
    void updateTitle();
    void saveWindowState() const;
    void restoreWindowState();

    std::unique_ptr<Ui::DoctorWindow> m_ui;
    services::ClinicService& m_clinic;
    PatientListModel* m_patients;
    QSortFilterProxyModel* m_proxy;
    ChartView* m_chart;
    BreakGlassDialog* m_breakGlass = nullptr;
    ImportDialog* m_import = nullptr;
    QAction* m_printSummary = nullptr;
    QAction* m_printTrend = nullptr;
    QMenu* m_recentMenu = nullptr;
    std::vector<access::PatientId> m_recent;
    NewPatientDialog* m_newPatient = nullptr;
    /// The chart on screen, kept over a lock (a row id is not PHI) so the unlock reopens it.
    std::optional<access::PatientId> m_openPatient;
    QString m_user;
    bool m_loadingDirectory = false;
    std::vector<std::function<void()>> m_afterLoad; // continuations waiting for the directory
};

} // namespace cc::ui
