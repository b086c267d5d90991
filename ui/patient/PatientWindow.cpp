// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/patient/PatientWindow.h"

#include "core/services/AuditService.h"
#include "core/services/ConsentService.h"
#include "core/services/PortalService.h"
#include "ui/common/ChartPrint.h"
#include "ui/common/ErrorText.h"
#include "ui/common/FhirExport.h"
#include "ui/common/MessageBox.h"
#include "ui/doctor/ChartView.h"
#include "ui/patient/AccessHistoryModel.h"

#include "ui_PatientWindow.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>

namespace cc::ui {

PatientWindow::PatientWindow(services::ClinicService& clinic, QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::PatientWindow>())
    , m_clinic(clinic)
    , m_chart(new ChartView(clinic))
    , m_access(new AccessHistoryModel(this))
{
    m_ui->setupUi(this);
    m_chart->setObjectName(QStringLiteral("chartView"));
    m_chart->setReadOnly(true);
    m_ui->patientTabWidget->insertTab(0, m_chart, tr("&My record"));
    m_ui->patientTabWidget->setCurrentIndex(0);
    m_ui->accessTableView->setModel(m_access);
    m_ui->accessTableView->verticalHeader()->hide();
    m_ui->accessTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->accessTableView->horizontalHeader()->setStretchLastSection(true);
    connect(m_ui->fhirPushButton, &QPushButton::clicked, this, [this]() { (void)downloadRecord(); });
    auto* print = new QPushButton(tr("&Print my summary (PDF)…"), this);
    print->setObjectName(QStringLiteral("printPushButton"));
    print->setToolTip(tr("Save a readable summary of your record as a PDF you can print or keep"));
    m_ui->buttonLayout->insertWidget(m_ui->buttonLayout->indexOf(m_ui->fhirPushButton) + 1, print);
    connect(print, &QPushButton::clicked, this, [this]() { (void)printSummary(); });
    connect(m_ui->lockPushButton, &QPushButton::clicked, this, &PatientWindow::lockRequested);
    connect(m_ui->logoutPushButton, &QPushButton::clicked, this, &PatientWindow::logoutRequested);
    // clicked, not toggled: only the patient's own click asks and records; loading sets it silently.
    connect(m_ui->researchConsentCheckBox, &QCheckBox::clicked, this, &PatientWindow::researchConsentClicked);
    m_ui->researchConsentCheckBox->setEnabled(false);
    if (const auto* session = clinic.session()) {
        const QString user = QString::fromStdString(session->userName());
        m_ui->statusBar->showMessage(tr("Logged in: %1").arg(user));
        setWindowTitle(tr("CipherChart — My record — %1").arg(user));
    }
}

PatientWindow::~PatientWindow() = default;

void PatientWindow::refresh()
{
    QStringList errors;
    const auto* session = m_clinic.session();
    const auto& own = session != nullptr ? session->patientId() : std::nullopt;
    if (own) {
        if (auto loaded = m_chart->load(*own); !loaded) {
            errors << ErrorText::forError(loaded.error());
        } else {
            showConsent(m_chart->researchOptOut());
            showPendingConsent();
            if (auto portal = services::PortalService(m_clinic).ownFor(*own))
                m_ui->statusBar->showMessage(
                    tr("Your record as the clinic last brought it up to date: %1")
                        .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch((*portal)->builtAtMs).toLocalTime(),
                                                QLocale::ShortFormat)));
        }
    } else {
        m_chart->clear();
        errors << tr("This account is not linked to a patient record.");
    }
    if (const QString error = refreshAccessHistory(); !error.isEmpty())
        errors << error;
    m_ui->errorLabel->setText(errors.join(QLatin1Char('\n')));
    m_ui->errorLabel->setVisible(!errors.isEmpty());
}

QString PatientWindow::refreshAccessHistory()
{
    auto history = services::AuditService(m_clinic).ownAccessHistory();
    if (!history) {
        m_access->clear();
        return ErrorText::forError(history.error());
    }
    m_access->setEntries(std::move(*history));
    return {};
}

void PatientWindow::showConsent(bool optedOut)
{
    m_ui->researchConsentCheckBox->setEnabled(true);
    m_ui->researchConsentCheckBox->setChecked(!optedOut);
    m_ui->researchStatusLabel->setText(optedOut
                                           ? tr("You have opted out: your data is left out of research statistics.")
                                           : tr("Your coded data is included in anonymous research statistics."));
}

void PatientWindow::researchConsentClicked(bool consents)
{
    const QString question =
        consents ? tr("Include your coded data in the clinic's anonymous research statistics from now on?")
                 : tr("Take your data out of the clinic's research statistics? Every report run from now on leaves "
                      "it out.");
    if (!MessageBox::confirm(this, tr("Research use of my data"), question)) {
        showConsent(consents); // back to what is recorded
        return;
    }
    services::ConsentService consent(m_clinic);
    if (const Status recorded = consent.setResearchOptOut(!consents); !recorded) {
        showConsent(consents);
        m_ui->researchStatusLabel->setText(ErrorText::forError(recorded.error()));
        return;
    }
    showConsent(!consents);
    showPendingConsent();
    refreshAccessHistory(); // the consent change is in the history now
}

void PatientWindow::showPendingConsent()
{
    auto pending = services::ConsentService(m_clinic).pendingOwnChoice();
    if (!pending || !pending->has_value())
        return;
    showConsent(**pending);
    m_ui->researchStatusLabel->setText(
        **pending ? tr("You asked to opt out. It applies before the clinic's next report; your record shows it once "
                       "the clinic has brought your portal up to date.")
                  : tr("You asked to be included again. It applies before the clinic's next report; your record "
                       "shows it once the clinic has brought your portal up to date."));
}

void PatientWindow::clearSensitiveData()
{
    m_ui->researchConsentCheckBox->setChecked(false);
    m_ui->researchConsentCheckBox->setEnabled(false);
    m_ui->researchStatusLabel->clear();
    m_chart->clear();
    m_access->clear();
    m_ui->errorLabel->hide();
}

Result<QString> PatientWindow::printSummary()
{
    const auto* session = m_clinic.session();
    const auto own = session != nullptr ? session->patientId() : std::nullopt;
    if (!own)
        return makeError(ErrorCode::AccessDenied, "not a patient session");
    auto written = chartprint::saveSummaryPdf(this, m_clinic, *own, true);
    if (written)
        m_ui->statusBar->showMessage(tr("Your summary was saved to %1").arg(*written));
    // The print is in the access history: show it at once.
    refreshAccessHistory();
    return written;
}

Status PatientWindow::downloadRecord()
{
    const auto* session = m_clinic.session();
    const auto own = session != nullptr ? session->patientId() : std::nullopt;
    if (!own)
        return makeError(ErrorCode::AccessDenied, "not a patient session");
    const Status saved = saveFhirExport(this, m_clinic, *own);
    refreshAccessHistory(); // the download is in the history now
    CC_TRY(saved);
    m_ui->statusBar->showMessage(tr("Your record was saved as FHIR."));
    return {};
}

} // namespace cc::ui
