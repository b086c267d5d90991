// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/BackgroundTask.h"

#include <QCoreApplication>
#include <QThread>

#include <atomic>
#include <memory>

namespace cc::ui {

namespace {
std::atomic<int> g_running{0};
}

void runInBackground(QObject* context, std::function<Status()> work, std::function<void(Status)> done)
{
    auto result = std::make_shared<Status>();
    QThread* thread = QThread::create([result, work = std::move(work)]() { *result = work(); });
    ++g_running;
    // Exactly one of the two slots below finishes the task: the first if the context is alive,
    // the second (on the thread itself) otherwise.
    auto finished = std::make_shared<bool>(false);
    QObject::connect(thread, &QThread::finished, context, [thread, result, finished, done = std::move(done)]() {
        *finished = true;
        thread->deleteLater();
        --g_running;
        done(std::move(*result));
    });
    QObject::connect(thread, &QThread::finished, thread, [thread, finished]() {
        if (!*finished) {
            *finished = true;
            --g_running;
            thread->deleteLater();
        }
    });
    thread->start();
}

void waitForBackgroundTasks()
{
    while (g_running.load() > 0) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
}

} // namespace cc::ui
