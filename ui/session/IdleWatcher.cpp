// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/IdleWatcher.h"

#include "core/services/ClinicService.h"

#include <QCoreApplication>
#include <QEvent>

namespace cc::ui {

using access::Session;

IdleWatcher::IdleWatcher(services::ClinicService& clinic, QObject* parent) : QObject(parent), m_clinic(clinic)
{
    // A few seconds: the Session also checks lazily before every key use, so a late timer can only
    // delay hiding the screen, never let the keys be used.
    m_timer.setInterval(5000);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::pollNow);
}

IdleWatcher::~IdleWatcher()
{
    stop();
}

void IdleWatcher::start()
{
    Session* session = m_clinic.session();
    if (session == nullptr)
        return;
    m_reported = session->state();
    session->setLockCallback(
        [this]() { QMetaObject::invokeMethod(this, &IdleWatcher::reportState, Qt::QueuedConnection); });
    if (!m_running)
        QCoreApplication::instance()->installEventFilter(this);
    m_running = true;
    m_timer.start();
}

void IdleWatcher::stop()
{
    if (m_running)
        QCoreApplication::instance()->removeEventFilter(this);
    m_running = false;
    m_timer.stop();
    if (Session* session = m_clinic.session())
        session->setLockCallback({});
}

void IdleWatcher::pollNow()
{
    if (!m_running)
        return;
    if (Session* session = m_clinic.session()) {
        session->poll();
        reportState();
    }
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
        if (Session* session = m_clinic.session();
            m_running && session != nullptr && session->state() == Session::State::Active) {
            // Poll first: activity after the timeout must not revive a session the timer missed.
            if (session->poll() == Session::State::Active) [[maybe_unused]]
                auto touched = session->touch();
            else
                reportState();
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::reportState()
{
    Session* session = m_clinic.session();
    if (!m_running || session == nullptr)
        return;
    const Session::State state = session->state();
    if (state == m_reported)
        return;
    m_reported = state;
    if (state == Session::State::Locked)
        emit locked();
    else if (state == Session::State::Expired)
        emit expired();
}

} // namespace cc::ui
