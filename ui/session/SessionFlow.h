// SPDX-License-Identifier: GPL-3.0-or-later
// The life of a session on screen: login, forced password change, work window, idle lock, logout.
#pragma once

#include "ui/reports/ReportsAccess.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

class AdminWindow;
class ChangePasswordDialog;
class DoctorWindow;
class IdleWatcher;
class LockScreen;
class LoginWindow;
class PatientWindow;
class SessionWindow;

/// Owns the top-level windows of one open clinic and moves between them. Login and unlock run
/// Argon2id off the GUI thread (runInBackground) with the idle watcher stopped, so the services
/// are only ever used by one thread at a time. Administrators get the AdminWindow, doctors the
/// DoctorWindow, patients the PatientWindow. On idle lock, every model holding PHI or account data
/// is cleared and the work window hidden before the lock screen appears (DESIGN.md section 8); on
/// expiry or logout the work window is destroyed.
class SessionFlow : public QObject
{
    Q_OBJECT

public:
    /// `clinic` must outlive the flow.
    SessionFlow(services::ClinicService& clinic, const QString& clinicName, bool demo, QObject* parent = nullptr);
    /// Logs out (audited) and waits for a running login or unlock to finish.
    ~SessionFlow() override;

    /// Shows the login window.
    void start();
    /// The report store and folder for the administrator's Reports page (app/gui/main.cpp). Work
    /// on a worker thread (runOffGuiThread) pauses the flow's idle watcher.
    void setReportsAccess(ReportsAccess access);
    /// A report file or backup given on the command line: opened in the administrator's window
    /// after login (verified first by the services); other roles are told to log in as one.
    void setFileToOpen(const QString& path) { m_fileToOpen = path; }
    /// How the login window's "Passwords lost?" link opens the recovery dialog (app/gui/main.cpp:
    /// it needs the clinic's store and recovery.ccr, which the flow does not hold). Unset: no link.
    /// Called with the login window as parent; nobody is logged in while it runs.
    void setRecovery(std::function<void(QWidget* parent)> open);

    [[nodiscard]] LoginWindow* loginWindow() const { return m_login.get(); }
    /// The administrator's window while an administrator is logged in, else nullptr.
    [[nodiscard]] AdminWindow* adminWindow() const { return m_admin.get(); }
    /// The doctor's window while a doctor is logged in, else nullptr.
    [[nodiscard]] DoctorWindow* doctorWindow() const { return m_doctor.get(); }
    /// The patient's window while a patient is logged in, else nullptr.
    [[nodiscard]] PatientWindow* patientWindow() const { return m_patient.get(); }
    /// The placeholder window of a role that has no window of its own (none today: doctors and
    /// patients have theirs), else nullptr.
    [[nodiscard]] SessionWindow* sessionWindow() const { return m_sessionWindow.get(); }
    /// The forced password change, while it is open.
    [[nodiscard]] ChangePasswordDialog* changePasswordDialog() const { return m_changePassword.get(); }
    [[nodiscard]] LockScreen* lockScreen() const { return m_lockScreen.get(); }
    [[nodiscard]] IdleWatcher* idleWatcher() const { return m_watcher.get(); }

private:
    void login(const QString& userName, const QString& password);
    void loggedIn();
    void openWorkWindow();
    void lockNow();
    void onLocked();
    void unlock(const QString& password);
    void logout(const QString& message = {});
    void clearSensitiveData();
    template <typename Window> void connectWorkWindow(Window* window);
    [[nodiscard]] QWidget* workWindow() const;

    services::ClinicService& m_clinic;
    std::unique_ptr<IdleWatcher> m_watcher;
    std::unique_ptr<LoginWindow> m_login;
    std::unique_ptr<LockScreen> m_lockScreen;
    std::unique_ptr<AdminWindow> m_admin;
    std::unique_ptr<DoctorWindow> m_doctor;
    std::unique_ptr<PatientWindow> m_patient;
    std::unique_ptr<SessionWindow> m_sessionWindow;
    std::unique_ptr<ChangePasswordDialog> m_changePassword;
    ReportsAccess m_reports;
    QString m_fileToOpen;
    std::function<void(QWidget*)> m_recovery;
    bool m_watcherPaused = false;
};

} // namespace cc::ui
