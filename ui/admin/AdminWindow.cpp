// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/AdminWindow.h"

#include "core/services/ClinicService.h"
#include "core/services/VerifyService.h"
#include "ui/admin/AccountsView.h"
#include "ui/admin/AdminHomeView.h"
#include "ui/admin/AuditView.h"
#include "ui/admin/BackupView.h"
#include "ui/admin/KeyStatusView.h"
#include "ui/common/MessageBox.h"
#include "ui/common/OffThread.h"
#include "ui/common/RoleText.h"
#include "ui/common/WitnessIndicator.h"
#include "ui/reports/ReportsPage.h"

#include "ui_AdminWindow.h"

#include <QActionGroup>
#include <QLabel>

namespace cc::ui {

AdminWindow::AdminWindow(services::ClinicService& clinic, QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::AdminWindow>())
    , m_accountsView(new AccountsView(clinic))
    , m_keyStatusView(new KeyStatusView(clinic))
    , m_auditView(new AuditView(clinic))
    , m_homeView(new AdminHomeView(clinic))
    , m_backupView(new BackupView(clinic))
    , m_reportsPage(new ReportsPage(clinic))
    , m_clinic(clinic)
    , m_dailyCheck(new QTimer(this))
{
    m_dailyCheck->setObjectName(QStringLiteral("dailyCheckTimer"));
    m_dailyCheck->setInterval(std::chrono::hours(24));
    connect(m_dailyCheck, &QTimer::timeout, this, [this]() { (void)checkClinic(); });
    m_dailyCheck->start();
    m_ui->setupUi(this);
    m_ui->pagesStackedWidget->addWidget(m_homeView);
    m_ui->pagesStackedWidget->addWidget(m_accountsView);
    m_ui->pagesStackedWidget->addWidget(m_keyStatusView);
    m_ui->pagesStackedWidget->addWidget(m_backupView);
    m_ui->pagesStackedWidget->addWidget(m_auditView);
    m_ui->pagesStackedWidget->addWidget(m_reportsPage);

    auto* pages = new QActionGroup(this);
    pages->addAction(m_ui->actionHome);
    pages->addAction(m_ui->actionAccounts);
    pages->addAction(m_ui->actionKeys);
    pages->addAction(m_ui->actionBackups);
    pages->addAction(m_ui->actionAudit);
    pages->addAction(m_ui->actionReports);
    connect(m_ui->actionHome, &QAction::triggered, this, [this]() { showPage(Page::Home); });
    connect(m_ui->actionBackups, &QAction::triggered, this, [this]() { showPage(Page::Backups); });
    connect(m_homeView, &AdminHomeView::backupRequested, this, [this]() {
        showPage(Page::Backups);
        m_backupView->createBackup();
    });
    // A key rotation or a restore ends the session inside the service: leave like a logout.
    connect(m_backupView, &BackupView::sessionEnded, this, &AdminWindow::logoutRequested);
    connect(m_keyStatusView, &KeyStatusView::sessionEnded, this, &AdminWindow::logoutRequested);
    connect(m_ui->actionAccounts, &QAction::triggered, this, [this]() { showPage(Page::Accounts); });
    connect(m_ui->actionKeys, &QAction::triggered, this, [this]() { showPage(Page::Keys); });
    connect(m_ui->actionAudit, &QAction::triggered, this, [this]() { showPage(Page::Audit); });
    connect(m_ui->actionReports, &QAction::triggered, this, [this]() { showPage(Page::Reports); });
    connect(m_reportsPage, &ReportsPage::reportsChanged, m_homeView, &AdminHomeView::refresh);
    connect(m_homeView, &AdminHomeView::reportsRequested, this, [this]() { showPage(Page::Reports); });
    connect(m_homeView, &AdminHomeView::verifyRequested, this, [this]() {
        // A finding raises the tamper alarm (shown on Home); either way Home shows the new "last verified".
        (void)checkClinic();
        m_homeView->refresh();
    });
    connect(m_ui->actionLock, &QAction::triggered, this, &AdminWindow::lockRequested);
    connect(m_ui->actionLogout, &QAction::triggered, this, &AdminWindow::logoutRequested);

    if (const auto* session = clinic.session()) {
        const QString user = QString::fromStdString(session->userName());
        auto* userLabel = new QLabel(tr("Logged in: %1 (%2)").arg(user, RoleText::name(session->role())));
        userLabel->setObjectName(QStringLiteral("userLabel"));
        m_ui->statusBar->addPermanentWidget(new WitnessIndicator(clinic, this));
        m_ui->statusBar->addPermanentWidget(userLabel);
        setWindowTitle(tr("CipherChart — %1 — Administration — %2")
                           .arg(QString::fromStdString(clinic.backend().descriptor().name), user));
    }
}

AdminWindow::~AdminWindow() = default;

void AdminWindow::showPage(Page page)
{
    switch (page) {
    case Page::Home:
        m_ui->actionHome->setChecked(true);
        m_ui->pagesStackedWidget->setCurrentWidget(m_homeView);
        m_homeView->refresh();
        break;
    case Page::Backups:
        m_ui->actionBackups->setChecked(true);
        m_ui->pagesStackedWidget->setCurrentWidget(m_backupView);
        break;
    case Page::Accounts:
        m_ui->actionAccounts->setChecked(true);
        m_ui->pagesStackedWidget->setCurrentWidget(m_accountsView);
        m_accountsView->refresh();
        break;
    case Page::Keys:
        m_ui->actionKeys->setChecked(true);
        m_ui->pagesStackedWidget->setCurrentWidget(m_keyStatusView);
        m_keyStatusView->refresh();
        break;
    case Page::Audit:
        m_ui->actionAudit->setChecked(true);
        m_ui->pagesStackedWidget->setCurrentWidget(m_auditView);
        m_auditView->refresh();
        break;
    case Page::Reports:
        m_ui->actionReports->setChecked(true);
        m_ui->pagesStackedWidget->setCurrentWidget(m_reportsPage);
        m_reportsPage->refresh();
        break;
    }
}

void AdminWindow::reload()
{
    QWidget* current = m_ui->pagesStackedWidget->currentWidget();
    showPage(current == m_keyStatusView ? Page::Keys
             : current == m_auditView   ? Page::Audit
             : current == m_homeView    ? Page::Home
             : current == m_backupView  ? Page::Backups
             : current == m_reportsPage ? Page::Reports
                                        : Page::Accounts);
}

void AdminWindow::clearSensitiveData()
{
    m_accountsView->clear();
    m_keyStatusView->clear();
    m_auditView->clear();
    m_homeView->clear();
    m_backupView->clear();
    m_reportsPage->clear();
}

QString AdminWindow::checkClinic()
{
    if (offThreadWorkRunning()) {
        // The daily timer fired inside another action's progress loop (a backup, a report run):
        // the services are busy on that worker, so the check waits for it.
        QTimer::singleShot(std::chrono::minutes(1), this, [this]() { (void)checkClinic(); });
        return {};
    }
    // The services are not thread-safe: the progress dialog is window-modal and the idle watcher
    // paused while the worker walks the clinic.
    auto report = runOffGuiThread<services::ClinicVerifyReport>(
        this,
        tr("Checking the clinic: every database page, the key slots, the audit trail and every identity document…"),
        [this]() { return services::VerifyService(m_clinic).verifyClinic(); });
    QString problem;
    if (!report) {
        // A locked or ended session is not a finding; anything that stopped the walk is.
        const ErrorCode code = report.error().code;
        if (code == ErrorCode::SessionLocked || code == ErrorCode::SessionExpired || code == ErrorCode::AccessDenied)
            return {};
        problem = QString::fromStdString("the check itself failed: " + report.error().describe());
    } else if (!report->ok) {
        problem = QString::fromStdString(report->problem);
    }
    if (problem.isEmpty())
        return {};
    // Audited and kept in the clinic; if the damaged clinic refuses the write, Home still shows it
    // for this session.
    if (!services::VerifyService(m_clinic).raiseAlarm(problem.toStdString()))
        m_homeView->setUnstoredAlarm(problem);
    showPage(Page::Home);
    return problem;
}

void AdminWindow::setReportsAccess(const ReportsAccess& access)
{
    m_access = access;
    m_reportsPage->setAccess(access);
    m_homeView->setReportsAccess(access);
}

bool AdminWindow::openFile(const QString& path)
{
    if (path.endsWith(QStringLiteral(".ccbk"), Qt::CaseInsensitive)) {
        showPage(Page::Backups);
        return m_backupView->inspectFile(path);
    }
    if (path.endsWith(QStringLiteral(".ccrep"), Qt::CaseInsensitive)) {
        m_ui->actionReports->setChecked(true);
        m_ui->pagesStackedWidget->setCurrentWidget(m_reportsPage);
        m_reportsPage->refresh();
        return m_reportsPage->openReportFile(path);
    }
    MessageBox::warning(this, tr("Open file"),
                        tr("CipherChart opens report files (.ccrep) and backups (.ccbk); %1 is neither.").arg(path));
    return false;
}

} // namespace cc::ui
