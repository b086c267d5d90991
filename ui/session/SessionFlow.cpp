// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/SessionFlow.h"

#include "core/services/ClinicService.h"
#include "ui/admin/AdminWindow.h"
#include "ui/common/BackgroundTask.h"
#include "ui/common/ErrorText.h"
#include "ui/common/MessageBox.h"
#include "ui/common/OffThread.h"
#include "ui/common/PasswordBytes.h"
#include "ui/common/RoleText.h"
#include "ui/doctor/DoctorWindow.h"
#include "ui/login/LoginWindow.h"
#include "ui/patient/PatientWindow.h"
#include "ui/session/ChangePasswordDialog.h"
#include "ui/session/IdleWatcher.h"
#include "ui/session/LockScreen.h"
#include "ui/session/SessionWindow.h"

#include <utility>

namespace cc::ui {

SessionFlow::SessionFlow(services::ClinicService& clinic, const QString& clinicName, bool demo, QObject* parent)
    : QObject(parent)
    , m_clinic(clinic)
    , m_watcher(std::make_unique<IdleWatcher>(clinic))
    , m_login(std::make_unique<LoginWindow>())
    , m_lockScreen(std::make_unique<LockScreen>())
{
    m_login->setClinic(clinicName, demo);
    connect(m_login.get(), &LoginWindow::loginRequested, this, &SessionFlow::login);
    connect(m_login.get(), &LoginWindow::recoveryRequested, this, [this]() {
        // Only from the login window: nobody is logged in, the database is closed.
        if (m_recovery && m_clinic.session() == nullptr)
            m_recovery(m_login.get());
    });
    connect(m_watcher.get(), &IdleWatcher::locked, this, &SessionFlow::onLocked);
    connect(m_watcher.get(), &IdleWatcher::expired, this,
            [this]() { logout(tr("The session has ended after 12 hours. Please log in again.")); });
    connect(m_lockScreen.get(), &LockScreen::unlockRequested, this, &SessionFlow::unlock);
    connect(m_lockScreen.get(), &LockScreen::logoutRequested, this, [this]() { logout(); });
    // Work on a worker thread (runOffGuiThread) pauses the watcher, which polls the session from
    // the GUI thread, and restarts it only if it was watching a session.
    setOffThreadPause([this](bool busy) {
        if (busy) {
            m_watcherPaused = m_watcher->running();
            m_watcher->stop();
        } else if (std::exchange(m_watcherPaused, false)) {
            m_watcher->start();
        }
    });
}

SessionFlow::~SessionFlow()
{
    setOffThreadPause({});
    waitForBackgroundTasks();
    m_watcher->stop();
    m_clinic.logout();
}

void SessionFlow::setRecovery(std::function<void(QWidget* parent)> open)
{
    m_recovery = std::move(open);
    m_login->setRecoveryAvailable(static_cast<bool>(m_recovery));
}

void SessionFlow::start()
{
    m_login->show();
}

QWidget* SessionFlow::workWindow() const
{
    if (m_admin)
        return m_admin.get();
    if (m_doctor)
        return m_doctor.get();
    if (m_patient)
        return m_patient.get();
    return m_sessionWindow.get();
}

template <typename Window> void SessionFlow::connectWorkWindow(Window* window)
{
    connect(window, &Window::lockRequested, this, &SessionFlow::lockNow);
    connect(window, &Window::logoutRequested, this, [this]() { logout(); });
}

void SessionFlow::clearSensitiveData()
{
    // Every model that holds PHI or account data: nothing read from the clinic stays in memory
    // while the key ring is wiped (DESIGN.md section 8).
    if (m_admin)
        m_admin->clearSensitiveData();
    if (m_doctor)
        m_doctor->clearSensitiveData();
    if (m_patient)
        m_patient->clearSensitiveData();
}

void SessionFlow::login(const QString& userName, const QString& password)
{
    m_watcher->stop();
    auto secret = std::make_shared<crypto::SecureBytes>(passwordBytes(password));
    auto name = std::make_shared<std::string>(userName.toStdString());
    services::ClinicService* clinic = &m_clinic;
    runInBackground(
        this, [clinic, secret, name]() { return clinic->login(*name, secret->span()); },
        [this](const Status& status) {
            if (!status) {
                m_login->showError(ErrorText::forError(status.error()));
                return;
            }
            loggedIn();
        });
}

void SessionFlow::loggedIn()
{
    m_login->hide();
    m_login->setBusy(false);
    if (!m_clinic.mustChangePassword()) {
        openWorkWindow();
        return;
    }
    m_changePassword = std::make_unique<ChangePasswordDialog>(m_clinic);
    connect(m_changePassword.get(), &QDialog::finished, this, [this](int result) {
        // Destroyed later: this runs inside the dialog's own signal.
        m_changePassword.release()->deleteLater();
        if (result == QDialog::Accepted)
            openWorkWindow();
        else
            logout();
    });
    m_changePassword->open();
}

void SessionFlow::openWorkWindow()
{
    const auto* session = m_clinic.session();
    if (session == nullptr) {
        logout();
        return;
    }
    switch (session->role()) {
    case access::Role::Administrator:
        m_admin = std::make_unique<AdminWindow>(m_clinic);
        m_admin->setReportsAccess(m_reports);
        connectWorkWindow(m_admin.get());
        m_admin->show();
        m_admin->showPage(AdminWindow::Page::Home);
        // The tamper check of every administrator login, once the window is on screen.
        QMetaObject::invokeMethod(
            this,
            [this]() {
                if (m_admin && m_clinic.session() != nullptr)
                    (void)m_admin->checkClinic();
            },
            Qt::QueuedConnection);
        if (!m_fileToOpen.isEmpty()) {
            // After this function has started the idle watcher: opening verifies through the services.
            const QString file = std::exchange(m_fileToOpen, QString());
            QMetaObject::invokeMethod(
                this,
                [this, file]() {
                    if (m_admin)
                        m_admin->openFile(file);
                },
                Qt::QueuedConnection);
        }
        break;
    case access::Role::Doctor:
        m_doctor = std::make_unique<DoctorWindow>(m_clinic);
        connectWorkWindow(m_doctor.get());
        m_doctor->show();
        m_doctor->refreshInBackground();
        break;
    case access::Role::Patient:
        m_patient = std::make_unique<PatientWindow>(m_clinic);
        connectWorkWindow(m_patient.get());
        m_patient->show();
        m_patient->refresh();
        break;
    default:
        m_sessionWindow = std::make_unique<SessionWindow>();
        m_sessionWindow->setUser(QString::fromStdString(session->userName()), RoleText::name(session->role()));
        connectWorkWindow(m_sessionWindow.get());
        m_sessionWindow->show();
        break;
    }
    m_watcher->start();
    if (!m_fileToOpen.isEmpty() && session->role() != access::Role::Administrator) {
        MessageBox::warning(workWindow(), tr("Open file"),
                            tr("%1 was not opened: report files and backups are opened by an administrator, after "
                               "the administrator's login.")
                                .arg(std::exchange(m_fileToOpen, QString())));
    }
}

void SessionFlow::setReportsAccess(ReportsAccess access)
{
    m_reports = std::move(access);
}

void SessionFlow::lockNow()
{
    // The Session calls its lock callback, which reaches onLocked through the watcher: one path
    // for the button and the idle timer.
    m_clinic.lock();
}

void SessionFlow::onLocked()
{
    const auto* session = m_clinic.session();
    if (session == nullptr)
        return;
    // The idle timer locked the session: close the database now too (the DBK and page cache leave
    // memory; ClinicService::lock is idempotent and resume reopens it).
    m_clinic.lock();
    QWidget* work = workWindow();
    clearSensitiveData();
    if (work != nullptr) {
        m_lockScreen->resize(work->size());
        work->hide();
    }
    m_lockScreen->reset(QString::fromStdString(session->userName()));
    m_lockScreen->show();
}

void SessionFlow::unlock(const QString& password)
{
    m_watcher->stop();
    auto secret = std::make_shared<crypto::SecureBytes>(passwordBytes(password));
    services::ClinicService* clinic = &m_clinic;
    runInBackground(
        this, [clinic, secret]() { return clinic->resume(secret->span()); },
        [this](const Status& status) {
            if (!status) {
                if (status.error().code == ErrorCode::SessionExpired ||
                    status.error().code == ErrorCode::AccessDenied) {
                    logout(ErrorText::forError(status.error()));
                    return;
                }
                m_watcher->start();
                m_lockScreen->showError(ErrorText::forError(status.error()));
                return;
            }
            m_lockScreen->hide();
            m_watcher->start();
            if (QWidget* work = workWindow())
                work->show();
            if (m_admin)
                m_admin->reload();
            if (m_doctor)
                m_doctor->reload();
            if (m_patient)
                m_patient->refresh();
        });
}

void SessionFlow::logout(const QString& message)
{
    m_watcher->stop();
    m_clinic.logout();
    m_lockScreen->hide();
    clearSensitiveData();
    if (m_doctor) {
        m_doctor->hide();
        m_doctor.release()->deleteLater(); // may be inside one of its own signals
    }
    if (m_patient) {
        m_patient->hide();
        m_patient.release()->deleteLater();
    }
    if (m_admin) {
        m_admin->hide();
        m_admin.release()->deleteLater(); // may be inside one of its own signals
    }
    if (m_sessionWindow) {
        m_sessionWindow->hide();
        m_sessionWindow.release()->deleteLater();
    }
    m_login->setBusy(false);
    m_login->show();
    if (!message.isEmpty())
        m_login->showError(message);
}

} // namespace cc::ui
