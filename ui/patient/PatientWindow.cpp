// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/patient/PatientWindow.h"

#include "core/services/AuditService.h"
#include "ui/common/ErrorText.h"
#include "ui/doctor/ChartView.h"
#include "ui/patient/AccessHistoryModel.h"

#include "ui_PatientWindow.h"

#include <QHeaderView>

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
    connect(m_ui->lockPushButton, &QPushButton::clicked, this, &PatientWindow::lockRequested);
    connect(m_ui->logoutPushButton, &QPushButton::clicked, this, &PatientWindow::logoutRequested);
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
        if (auto loaded = m_chart->load(*own); !loaded)
            errors << ErrorText::forError(loaded.error());
    } else {
        m_chart->clear();
        errors << tr("This account is not linked to a patient record.");
    }
    services::AuditService audit(m_clinic);
    auto history = audit.ownAccessHistory();
    if (history)
        m_access->setEntries(std::move(*history));
    else {
        m_access->clear();
        errors << ErrorText::forError(history.error());
    }
    m_ui->errorLabel->setText(errors.join(QLatin1Char('\n')));
    m_ui->errorLabel->setVisible(!errors.isEmpty());
}

void PatientWindow::clearSensitiveData()
{
    m_chart->clear();
    m_access->clear();
    m_ui->errorLabel->hide();
}

} // namespace cc::ui
