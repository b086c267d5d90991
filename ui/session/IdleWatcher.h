// SPDX-License-Identifier: GPL-3.0-or-later
// Feeds user activity into the session and notices idle lock and expiry (DESIGN.md section 8).
#pragma once

#include "core/access/Session.h"

#include <QObject>
#include <QTimer>

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

/// Installed as an application-wide event filter while a session is open: every key press, mouse
/// press or wheel event counts as activity (Session::touch). A timer calls Session::poll() every
/// few seconds; the Session itself decides from its injected Clock when to lock or expire, so tests
/// drive the timeout with a ManualClock and pollNow(). The Session's lock callback only queues a
/// notification here, so that models are never cleared in the middle of a service call.
class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    /// `clinic` must outlive the watcher.
    explicit IdleWatcher(services::ClinicService& clinic, QObject* parent = nullptr);
    ~IdleWatcher() override;

    /// Starts watching the current session (installs the filter, timer and lock callback).
    void start();
    /// Stops watching (before logout, and while a background task uses the services).
    void stop();
    /// True between start() (with a session) and stop().
    [[nodiscard]] bool running() const { return m_running; }
    /// Polls the session now (the timer does this every pollInterval()).
    void pollNow();
    /// The poll period.
    [[nodiscard]] int pollIntervalMs() const { return m_timer.interval(); }

signals:
    /// The session was idle-locked (keys wiped): clear PHI, show the lock screen.
    void locked();
    /// The 12-hour limit passed: clear PHI, return to the login window.
    void expired();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reportState();

    services::ClinicService& m_clinic;
    QTimer m_timer;
    access::Session::State m_reported = access::Session::State::Active;
    bool m_running = false;
};

} // namespace cc::ui
