// SPDX-License-Identifier: GPL-3.0-or-later
// runOffGuiThread / runBusy (ui/common/OffThread.h): the call runs on a worker thread while the
// window keeps processing events, the idle watcher's pause brackets it, a second call while one
// runs is refused, and GUI-thread readers can tell that a worker is in the services.
#include "ui/common/OffThread.h"

#include <QApplication>
#include <QProgressDialog>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <vector>

using namespace cc;
using cc::ui::runBusy;
using cc::ui::runOffGuiThread;

class TestOffThread : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { ui::setOffThreadPause({}); }

    void runsOnAWorkerWhileTheWindowPaints()
    {
        QWidget window;
        window.show();
        std::vector<bool> pauses;
        ui::setOffThreadPause([&pauses](bool busy) { pauses.push_back(busy); });
        std::atomic<bool> release{false};
        bool timerFired = false;
        bool busyDuringTimer = false;
        bool dialogShown = false;
        // The GUI thread keeps running timers while the worker waits: without the worker, this
        // timer could not fire before the call returned.
        QTimer::singleShot(50, &window, [&]() {
            timerFired = true;
            busyDuringTimer = ui::offThreadWorkRunning();
            for (auto* d : window.findChildren<QProgressDialog*>("busyProgressDialog"))
                dialogShown |= d->isVisible();
            release = true;
        });
        QThread* worker = nullptr;
        auto result = runBusy(&window, QStringLiteral("Working…"), [&]() -> Result<int> {
            worker = QThread::currentThread();
            while (!release.load())
                QThread::msleep(5);
            return 42;
        });
        QVERIFY(result.ok());
        QCOMPARE(*result, 42);
        QVERIFY(timerFired);
        QVERIFY(busyDuringTimer);
        QVERIFY(dialogShown);
        QVERIFY(worker != nullptr && worker != QThread::currentThread());
        QCOMPARE(pauses, (std::vector<bool>{true, false}));
        QVERIFY(!ui::offThreadWorkRunning());
    }

    void errorsAndStatusComeBack()
    {
        QWidget window;
        const Status failed = runBusy(&window, QStringLiteral("Failing…"),
                                      []() -> Status { return makeError(ErrorCode::StorageFull, "disk full"); });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, ErrorCode::StorageFull);
        auto refused = runBusy(&window, QStringLiteral("Refusing…"),
                               []() -> Result<QString> { return makeError(ErrorCode::AccessDenied, "no"); });
        QCOMPARE(refused.error().code, ErrorCode::AccessDenied);
    }

    void aSecondCallWhileOneRunsIsRefused()
    {
        QWidget window;
        std::atomic<bool> release{false};
        bool innerRan = false;
        Status inner;
        QTimer::singleShot(30, &window, [&]() {
            inner = runBusy(&window, QStringLiteral("Inner…"), [&]() -> Status {
                innerRan = true;
                return {};
            });
            release = true;
        });
        const Status outer = runBusy(&window, QStringLiteral("Outer…"), [&]() -> Status {
            while (!release.load())
                QThread::msleep(5);
            return {};
        });
        QVERIFY(outer.ok());
        QVERIFY(!inner.ok());
        QVERIFY(!innerRan);
        QVERIFY(QString::fromStdString(inner.error().message).contains("still running"));
    }
};

QTEST_MAIN(TestOffThread)
#include "TestOffThread.moc"
