// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/ui/support/ClinicFixture.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using cc::testing::ClinicFixture;

class TestGuiStartup : public QObject
{
    Q_OBJECT

    static QProcessEnvironment headless()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }

private slots:
    void missingClinicExitsWithStorageCode()
    {
        QTemporaryDir empty;
        QProcess p;
        p.setProcessEnvironment(headless());
        p.start(QStringLiteral(CC_GUI_BINARY), {QStringLiteral("--clinic"), empty.path()});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 4);
        QVERIFY(p.readAllStandardError().contains("not a clinic folder"));
    }

    void clinicOpenElsewhereIsRefused()
    {
        ClinicFixture f; // holds the clinic lock, as another CipherChart window would
        QVERIFY2(f.ok(), f.error());
        QProcess p;
        p.setProcessEnvironment(headless());
        p.start(QStringLiteral(CC_GUI_BINARY), {QStringLiteral("--clinic"), f.path() + QStringLiteral("/clinic")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 4);
    }

    void withoutClinicTheLoginWindowStays()
    {
        QProcess p;
        p.setProcessEnvironment(headless());
        p.start(QStringLiteral(CC_GUI_BINARY), {});
        QVERIFY(p.waitForStarted());
        // Still running after the self-test: the window waits for the user.
        QVERIFY(!p.waitForFinished(3000));
        p.kill();
        QVERIFY(p.waitForFinished());
    }
};

QTEST_GUILESS_MAIN(TestGuiStartup)
#include "TestGuiStartup.moc"
