// SPDX-License-Identifier: GPL-3.0-or-later
// The patient's own window: their record (read-only) and who opened it.
#pragma once

#include "core/Result.h"

#include <QMainWindow>

#include <memory>

namespace Ui {
class PatientWindow;
}

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

class AccessHistoryModel;
class ChartView;

/// For patient sessions: the chart tabs read-only (notes not shared with the patient left out),
/// and "Who opened my record" from AuditService::ownAccessHistory. The services decide what a
/// patient may read; this window only shows it. The "Research use" tab records the patient's
/// research opt-out through ConsentService after a confirmation. "Download my record" saves the
/// patient's own record as a FHIR R4 Bundle (ExportService: the patient's right of access).
class PatientWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// `clinic` must outlive the window.
    explicit PatientWindow(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~PatientWindow() override;

    /// Loads the record and the access history of the logged-in patient; errors are shown.
    void refresh();
    /// Saves the patient's own record as FHIR (asks where; audited by the service).
    Status downloadRecord();
    /// Asks where to save, then prints the patient's own summary in plain words to PDF (audited).
    Result<QString> printSummary();
    /// Clears every PHI model (idle lock, logout).
    void clearSensitiveData();

    [[nodiscard]] ChartView* chartView() const { return m_chart; }
    [[nodiscard]] AccessHistoryModel* accessModel() const { return m_access; }

signals:
    void lockRequested();
    void logoutRequested();

private:
    void researchConsentClicked(bool consents);
    void showPendingConsent();
    void showConsent(bool optedOut);
    /// Reloads "Who opened my record" (after every action of the window); the error text, if any.
    QString refreshAccessHistory();

    std::unique_ptr<Ui::PatientWindow> m_ui;
    services::ClinicService& m_clinic;
    ChartView* m_chart;
    AccessHistoryModel* m_access;
};

} // namespace cc::ui
