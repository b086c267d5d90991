// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/OffThread.h"

#include "ui/common/BackgroundTask.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProgressDialog>
#include <QTimer>

namespace cc::ui {

Status runOffGuiThread(QWidget* parent, const QString& label, const ReportsAccess& access, std::function<Status()> work)
{
    QProgressDialog progress(label, QString(), 0, 0, parent);
    progress.setObjectName(QStringLiteral("reportProgressDialog"));
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

    if (access.pauseIdle)
        access.pauseIdle(true);
    std::optional<Status> outcome;
    QEventLoop loop;
    runInBackground(&loop, std::move(work), [&outcome, &loop](Status status) {
        outcome = std::move(status);
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    if (access.pauseIdle)
        access.pauseIdle(false);
    tick.stop();
    progress.close();
    return outcome ? std::move(*outcome) : makeError(ErrorCode::Internal, "the background task did not finish");
}

} // namespace cc::ui
