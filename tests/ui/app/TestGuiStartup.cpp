// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/ui/support/ClinicFixture.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using cc::testing::ClinicFixture;

class TestGuiStartup : public QObject
{
    Q_OBJECT

    QTemporaryDir m_config; // the processes' QSettings (the clinic opened last) stay in here

    QProcessEnvironment headless() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
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

    void aFileThatDoesNotExistIsRefused()
    {
        QProcess p;
        p.setProcessEnvironment(headless());
        p.start(QStringLiteral(CC_GUI_BINARY), {QStringLiteral("/nonexistent/report.ccrep")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("does not exist"));
    }

    void aFileWithoutAnyClinicSaysHowToOpenIt()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("r.ccrep"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("CCRP");
        f.close();
        QProcess p;
        p.setProcessEnvironment(headless()); // a fresh configuration: no clinic opened before
        p.start(QStringLiteral(CC_GUI_BINARY), {file});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("--clinic DIR"));
    }

    void aFileOpensInTheClinicOpenedLast()
    {
        auto made = cc::test::TestClinic::create();
        QVERIFY2(made.ok(), made.ok() ? "" : made.error().describe().c_str());
        auto& t = **made;
        const QString clinic = QString::fromStdString(t.dir()) + QStringLiteral("/clinic");
        t.close(); // releases the clinic lock, as if no other window had it open
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("r.ccrep"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("CCRP");
        out.close();
        // Open the clinic once: it is remembered.
        QProcess first;
        first.setProcessEnvironment(headless());
        first.start(QStringLiteral(CC_GUI_BINARY), {QStringLiteral("--clinic"), clinic});
        QVERIFY(first.waitForStarted());
        QVERIFY(!first.waitForFinished(3000));
        first.kill();
        QVERIFY(first.waitForFinished());
        // `cipherchart FILE` (the file manager's Exec line) now opens that clinic's login window and
        // waits for an administrator to log in before the file is verified.
        QProcess second;
        second.setProcessEnvironment(headless());
        second.start(QStringLiteral(CC_GUI_BINARY), {file});
        QVERIFY(second.waitForStarted());
        QVERIFY(!second.waitForFinished(3000));
        second.kill();
        QVERIFY(second.waitForFinished());
    }
};

QTEST_GUILESS_MAIN(TestGuiStartup)
#include "TestGuiStartup.moc"
