// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/OffThread.h"

#include "ui/common/BackgroundTask.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProgressDialog>
#include <QTimer>

namespace cc::ui {

namespace {

std::function<void(bool)>& pauseHook()
{
    static std::function<void(bool)> hook;
    return hook;
}

bool g_running = false; // GUI thread only

} // namespace

void setOffThreadPause(std::function<void(bool busy)> pause)
{
    pauseHook() = std::move(pause);
}

bool offThreadWorkRunning()
{
    return g_running;
}

Status runOffGuiThread(QWidget* parent, const QString& label, std::function<Status()> work)
{
    if (g_running)
        return makeError(ErrorCode::Internal, "another action is still running: try again when it has finished");
    g_running = true;
    QProgressDialog progress(label, QString(), 0, 0, parent);
    progress.setObjectName(QStringLiteral("busyProgressDialog"));
    progress.setWindowTitle(QApplication::translate("cc::ui::OffThread", "CipherChart — working"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setCancelButton(nullptr);
    progress.setMinimumWidth(460);
    progress.setValue(0);
    QElapsedTimer elapsed;
    elapsed.start();
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &progress, [&]() {
        progress.setLabelText(QApplication::translate("cc::ui::OffThread", "%1\n\n%2 s elapsed")
                                  .arg(label)
                                  .arg(elapsed.elapsed() / 1000));
    });
    tick.start(500);
    progress.show();

    const std::function<void(bool)> pause = pauseHook(); // a copy: the flow may go while this runs
    if (pause)
        pause(true);
    std::optional<Status> outcome;
    QEventLoop loop;
    runInBackground(&loop, std::move(work), [&outcome, &loop](Status status) {
        outcome = std::move(status);
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    if (pause)
        pause(false);
    tick.stop();
    progress.close();
    g_running = false;
    return outcome ? std::move(*outcome) : makeError(ErrorCode::Internal, "the background task did not finish");
}

} // namespace cc::ui
