// SPDX-License-Identifier: GPL-3.0-or-later
// One instance per clinic: a second lock fails with StorageBusy until the first is released.
#include "db/ClinicLock.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

using namespace cc;
using namespace cc::db;

class TestClinicLock : public QObject
{
    Q_OBJECT

private slots:
    void secondLockFailsUntilReleased();
    void destructorAndMoveRelease();
    void otherProcessIsRefused();
    void missingFolderIsNotFound();
};

void TestClinicLock::secondLockFailsUntilReleased()
{
    QTemporaryDir dir;
    const std::string clinic = dir.path().toStdString();
    auto first = ClinicLock::acquire(clinic);
    QVERIFY(first.ok());
    QVERIFY(first->held());
    QCOMPARE(first->path(), clinic + "/clinic.lock");

    auto second = ClinicLock::acquire(clinic);
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, ErrorCode::StorageBusy);
    // The message names the clinic and who holds it (this process, this user), so a second
    // instance can tell the user where to close CipherChart.
    const std::string expected =
        "the clinic " + clinic + " is in use by process " + std::to_string(::getpid()) + " of ";
    QVERIFY2(second.error().message.starts_with(expected), second.error().message.c_str());
    QVERIFY2(second.error().message.ends_with(": close CipherChart there first"), second.error().message.c_str());

    first->release();
    QVERIFY(!first->held());
    first->release(); // idempotent
    auto third = ClinicLock::acquire(clinic);
    QVERIFY(third.ok());
    QVERIFY(QFile::exists(dir.filePath("clinic.lock"))); // the file stays; only the lock goes
}

void TestClinicLock::destructorAndMoveRelease()
{
    QTemporaryDir dir;
    const std::string clinic = dir.path().toStdString();
    {
        auto lock = ClinicLock::acquire(clinic);
        QVERIFY(lock.ok());
        ClinicLock moved = std::move(lock).value();
        QVERIFY(moved.held());
        QCOMPARE(ClinicLock::acquire(clinic).error().code, ErrorCode::StorageBusy);
    }
    QVERIFY(ClinicLock::acquire(clinic).ok());
}

void TestClinicLock::otherProcessIsRefused()
{
    QTemporaryDir dir;
    const std::string clinic = dir.path().toStdString();
    auto lock = ClinicLock::acquire(clinic);
    QVERIFY(lock.ok());
    const std::string holder = "is in use by process " + std::to_string(::getpid()) + " of ";
    auto tryInChild = [&clinic, &holder]() {
        const pid_t pid = fork();
        if (pid == 0) {
            // The child inherits the parent's descriptor; close-on-exec does not matter without exec,
            // so the child's own open() is a separate open file description, as in a second instance.
            // The second process is told which process holds the clinic (exit 5 if not).
            auto attempt = ClinicLock::acquire(clinic);
            if (attempt.ok())
                _exit(0);
            if (attempt.error().message.find(holder) == std::string::npos)
                _exit(5);
            _exit(attempt.error().code == ErrorCode::StorageBusy ? 3 : 4);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    };
    QCOMPARE(tryInChild(), 3);
    lock->release();
    QCOMPARE(tryInChild(), 0);
}

void TestClinicLock::missingFolderIsNotFound()
{
    QTemporaryDir dir;
    QCOMPARE(ClinicLock::acquire(dir.filePath("nope").toStdString()).error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestClinicLock)
#include "TestClinicLock.moc"
