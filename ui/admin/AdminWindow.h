// SPDX-License-Identifier: GPL-3.0-or-later
// The administrator's main window: home, accounts, keys, backups and audit pages, Lock and Log out.
#pragma once

#include "ui/reports/ReportsAccess.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>

namespace Ui {
class AdminWindow;
}

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

class AccountsView;
class AdminHomeView;
class AuditView;
class BackupView;
class KeyStatusView;
class ReportsPage;

/// Six pages over the services (no rule lives here: the services check the permission and write
/// the audit event) and the user and role in the status bar. Lock and Log out are signals: the
/// session flow does them, so the lock path is the same for the button and the idle timer.
class AdminWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page { Home, Accounts, Keys, Backups, Audit, Reports };

    /// `clinic` must outlive the window and have an active administrator session.
    explicit AdminWindow(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~AdminWindow() override;

    /// Shows a page and reloads it from its service.
    void showPage(Page page);
    /// Reloads the page on screen (after an unlock).
    void reload();
    /// Clears every model (idle lock, logout): nothing read from the clinic stays on screen.
    void clearSensitiveData();
    /// Gives the reports page its store and folder (app/gui/main.cpp; tests).
    void setReportsAccess(const ReportsAccess& access);
    /// Opens a file given on the command line or by the file manager: a report file (.ccrep) is
    /// verified by ReportService and shown on the Reports page; a backup (.ccbk) is inspected on the
    /// Backups page. Returns false (with the reason on screen) if it was refused.
    bool openFile(const QString& path);
    /// The automatic tamper check (issue 11): the whole-clinic verify (VerifyService, audited) on a
    /// worker thread behind a progress dialog; a problem raises the clinic's tamper alarm, shown on
    /// Home until an administrator marks it examined. Run after each administrator login and then
    /// every 24 hours while the window is open. Returns the problem found, empty if none.
    QString checkClinic();

    [[nodiscard]] AccountsView* accountsView() const { return m_accountsView; }
    [[nodiscard]] KeyStatusView* keyStatusView() const { return m_keyStatusView; }
    [[nodiscard]] AuditView* auditView() const { return m_auditView; }
    [[nodiscard]] AdminHomeView* homeView() const { return m_homeView; }
    [[nodiscard]] BackupView* backupView() const { return m_backupView; }
    [[nodiscard]] ReportsPage* reportsPage() const { return m_reportsPage; }

signals:
    void lockRequested();
    /// Log out, or the session already ended (a key rotation or a restore): back to the login window.
    void logoutRequested();

private:
    std::unique_ptr<Ui::AdminWindow> m_ui;
    AccountsView* m_accountsView;
    KeyStatusView* m_keyStatusView;
    AuditView* m_auditView;
    AdminHomeView* m_homeView;
    BackupView* m_backupView;
    ReportsPage* m_reportsPage;
    services::ClinicService& m_clinic;
    ReportsAccess m_access; // for pausing the idle watcher during the check
    QTimer* m_dailyCheck;
};

} // namespace cc::ui
