// SPDX-License-Identifier: GPL-3.0-or-later
// cipherchart-cli end to end on a real clinic: init, login-check, exit codes, accounts, audit.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "../../support/ProcessRun.h"

namespace {

using Run = cc::test::ProcessRun;

Run cli(const QStringList& args, const QString& input = {})
{
    return cc::test::runProcess(QStringLiteral(CC_CLI_PATH), args, input);
}

const QString kKeyFile = QStringLiteral(CC_TEST_DATA_DIR "/paillier/test-key-2048.json");

} // namespace

class TestCliClinic : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_clinic;

    QStringList as(const QString& user) const { return {"--clinic", m_clinic, "--as", user, "--password-stdin"}; }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clinic = m_dir.path() + "/clinic";
        QDir().mkpath(m_dir.path() + "/shares");
        const Run r =
            cli({"init", "--clinic", m_clinic, "--admin", "alice", "--doctor", "drbob", "--name", "Riverside Clinic",
                 "--report-key-file", kKeyFile, "--recovery-out", m_dir.path() + "/shares", "--recovery-shares", "3",
                 "--recovery-threshold", "2", "--password-stdin"},
                "alice-password-1\ndrbob-password-1\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("Riverside Clinic"));
        for (int i = 1; i <= 3; ++i) {
            QFile share(m_dir.path() + QString("/shares/recovery-share-%1.txt").arg(i));
            QVERIFY(share.open(QIODevice::ReadOnly));
            QVERIFY(share.readAll().startsWith("CC1-2-"));
            QCOMPARE(share.permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        }
        // The shares are never kept in the clinic.
        QVERIFY(!QFile::exists(m_clinic + "/recovery-share-1.txt"));
        QVERIFY(QFile::exists(m_clinic + "/recovery.ccr"));
    }

    void initRefusesAnExistingClinicAndBadInput()
    {
        Run again =
            cli({"init", "--clinic", m_clinic, "--admin", "zed", "--report-key-file", kKeyFile, "--password-stdin"},
                "zed-password-123\n");
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains("clinic"));
        Run shortPassword = cli({"init", "--clinic", m_dir.path() + "/other", "--admin", "zed", "--report-key-file",
                                 kKeyFile, "--password-stdin"},
                                "short\n");
        QCOMPARE(shortPassword.exitCode, 1);
        QVERIFY(shortPassword.err.contains("12 characters"));
        QVERIFY(!QFile::exists(m_dir.path() + "/other/clinic.db"));
        Run badThreshold = cli({"init", "--clinic", m_dir.path() + "/other2", "--admin", "zed", "--threshold", "2",
                                "--report-key-file", kKeyFile, "--password-stdin"},
                               "zed-password-123\n");
        QCOMPARE(badThreshold.exitCode, 1);
        QVERIFY(!QFile::exists(m_dir.path() + "/other2/clinic.db"));
    }

    void loginCheckAndExitCodes()
    {
        Run ok = cli(QStringList{"login-check"} + as("alice"), "alice-password-1\n");
        QCOMPARE(ok.exitCode, 0);
        QVERIFY(ok.out.contains("alice (administrator)"));
        Run wrong = cli(QStringList{"login-check"} + as("alice"), "wrong-password\n");
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY(wrong.err.contains("wrong user name or password"));
        // An unknown name answers the same (issue 10 item 8: no account enumeration).
        Run unknown = cli(QStringList{"login-check"} + as("mallory"), "wrong-password\n");
        QCOMPARE(unknown.exitCode, wrong.exitCode);
        QCOMPARE(unknown.err, wrong.err);
        Run missing = cli({"login-check", "--clinic", m_dir.path() + "/nothing", "--as", "alice", "--password-stdin"},
                          "alice-password-1\n");
        QCOMPARE(missing.exitCode, 1);
        Run noAs = cli({"login-check", "--clinic", m_clinic, "--password-stdin"}, "x\n");
        QCOMPARE(noAs.exitCode, 1);
        QVERIFY(noAs.err.contains("--as"));
    }

    void doctorAccountNeedsASponsor()
    {
        Run noSponsor = cli(QStringList{"user", "add", "carol", "--role", "doctor"} + as("alice"),
                            "alice-password-1\ncarol-temporary-1\n");
        QCOMPARE(noSponsor.exitCode, 1);
        QVERIFY(noSponsor.err.contains("sponsor"));
        Run sponsored = cli(QStringList{"user", "add", "carol", "--role", "doctor", "--sponsor", "drbob"} + as("alice"),
                            "alice-password-1\ncarol-temporary-1\ndrbob-password-1\n");
        QVERIFY2(sponsored.exitCode == 0, qPrintable(sponsored.err));
        Run list = cli(QStringList{"--json", "user", "list"} + as("alice"), "alice-password-1\n");
        QCOMPARE(list.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(rows.size(), 3);
        bool carolMustChange = false;
        for (const auto& r : rows)
            if (r.toObject().value("user").toString() == "carol")
                carolMustChange = r.toObject().value("status").toString() == "must-change-password";
        QVERIFY(carolMustChange);
        // A doctor may not list accounts: exit 2.
        Run denied = cli(QStringList{"user", "list"} + as("drbob"), "drbob-password-1\n");
        QCOMPARE(denied.exitCode, 2);
    }

    void passwdChangesTheOwnPassword()
    {
        Run add = cli(QStringList{"user", "add", "dave", "--role", "admin"} + as("alice"),
                      "alice-password-1\ndave-temporary-1\n");
        QCOMPARE(add.exitCode, 0);
        Run blocked = cli(QStringList{"user", "list"} + as("dave"), "dave-temporary-1\n");
        QCOMPARE(blocked.exitCode, 2);
        QVERIFY(blocked.err.contains("temporary password"));
        Run passwd = cli(QStringList{"passwd"} + as("dave"), "dave-temporary-1\ndave-own-password-1\n");
        QVERIFY2(passwd.exitCode == 0, qPrintable(passwd.err));
        Run works = cli(QStringList{"user", "list"} + as("dave"), "dave-own-password-1\n");
        QCOMPARE(works.exitCode, 0);
    }

    void auditVerifyListExport()
    {
        Run verify = cli(QStringList{"--json", "audit", "verify"} + as("alice"), "alice-password-1\n");
        QCOMPARE(verify.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(verify.out.toUtf8()).object().value("ok").toBool());
        Run flagged = cli(QStringList{"--json", "audit", "list", "--action", "C"} + as("alice"), "alice-password-1\n");
        QCOMPARE(flagged.exitCode, 0);
        for (const auto& r : QJsonDocument::fromJson(flagged.out.toUtf8()).array())
            QCOMPARE(r.toObject().value("action").toString(), QString("C"));
        const QString csv = m_dir.path() + "/audit.csv";
        Run exported =
            cli(QStringList{"audit", "export", "--format", "csv", "--out", csv} + as("alice"), "alice-password-1\n");
        QCOMPARE(exported.exitCode, 0);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readLine().startsWith("seq,"));
        // Private from creation: patients' row ids and break-glass reasons are in it.
        QCOMPARE(f.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        QVERIFY(QDir(m_dir.path()).entryList({"audit.csv.tmp-*"}, QDir::Files | QDir::Hidden).isEmpty());
        Run again = cli(QStringList{"audit", "export", "--out", csv} + as("alice"), "alice-password-1\n");
        QCOMPARE(again.exitCode, 1); // never overwrites
        Run badAction = cli(QStringList{"audit", "list", "--action", "X"} + as("alice"), "alice-password-1\n");
        QCOMPARE(badAction.exitCode, 1);
    }

    void keyStatusNeverShowsAKey()
    {
        Run status = cli(QStringList{"--json", "keys", "status"} + as("alice"), "alice-password-1\n");
        QCOMPARE(status.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(status.out.toUtf8()).array();
        QVERIFY(rows.size() >= 7);
        for (const auto& r : rows)
            for (const QString& key : r.toObject().keys())
                QVERIFY(key != "secret" && key != "key");
    }

    void verifyChecksTheWholeClinic()
    {
        Run admin = cli(QStringList{"--json", "verify"} + as("alice"), "alice-password-1\n");
        QVERIFY2(admin.exitCode == 0, qPrintable(admin.err + admin.out));
        const QJsonObject report = QJsonDocument::fromJson(admin.out.toUtf8()).object();
        QVERIFY(report.value("ok").toBool());
        QVERIFY(report.value("auditEvents").toInteger() > 0);
        Run doctor = cli(QStringList{"verify"} + as("drbob"), "drbob-password-1\n");
        QVERIFY2(doctor.exitCode == 0, qPrintable(doctor.err + doctor.out));
        QVERIFY(doctor.out.contains("clinic verified"));
        QVERIFY(doctor.out.contains("not checked: audit MACs"));
    }

    void unreachableWitnessWarnsButDoesNotBlock()
    {
        Run bad = cli(QStringList{"audit", "witness", "--set", "127.0.0.1"} + as("alice"), "alice-password-1\n");
        QCOMPARE(bad.exitCode, 1);
        // Port 1 on the loopback: nothing listens, the connection is refused at once.
        Run set = cli(QStringList{"audit", "witness", "--set", "127.0.0.1:1"} + as("alice"), "alice-password-1\n");
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        Run work = cli(QStringList{"login-check"} + as("drbob"), "drbob-password-1\n");
        QCOMPARE(work.exitCode, 0);
        QVERIFY2(work.err.contains("warning: audit witness"), qPrintable(work.err));
        const QString empty = m_dir.path() + "/collector.log";
        QFile log(empty);
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.write("Dec  4 20:00:00 host something else entirely\n");
        log.close();
        Run verify = cli(QStringList{"audit", "verify", "--witness", empty} + as("alice"), "alice-password-1\n");
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err + verify.out));
        QVERIFY(verify.out.contains("witness agrees: 0 witnessed head(s)"));
        Run missing = cli(QStringList{"audit", "verify", "--witness", m_dir.path() + "/nope.log"} + as("alice"),
                          "alice-password-1\n");
        QVERIFY(missing.exitCode != 0);
        Run off = cli(QStringList{"audit", "witness", "--off"} + as("alice"), "alice-password-1\n");
        QVERIFY2(off.exitCode == 0, qPrintable(off.err));
        Run quiet = cli(QStringList{"login-check"} + as("drbob"), "drbob-password-1\n");
        QVERIFY(!quiet.err.contains("warning: audit witness"));
    }

    void tamperedAnchorIsReportedAndNamed()
    {
        // Roll the anchor back: copy it, write events, put the old copy back.
        QFile anchor(m_clinic + "/audit.anchor");
        QVERIFY(anchor.open(QIODevice::ReadOnly));
        const QByteArray old = anchor.readAll();
        anchor.close();
        for (int i = 0; i < 2; ++i)
            QCOMPARE(cli(QStringList{"login-check"} + as("alice"), "alice-password-1\n").exitCode, 0);
        QVERIFY(anchor.open(QIODevice::WriteOnly | QIODevice::Truncate));
        anchor.write(old);
        anchor.close();
        // Doctors cannot log in while the trail refuses events; administrators can, to verify.
        Run doctor = cli(QStringList{"login-check"} + as("drbob"), "drbob-password-1\n");
        QCOMPARE(doctor.exitCode, 3);
        Run verify = cli(QStringList{"--json", "audit", "verify"} + as("alice"), "alice-password-1\n");
        QCOMPARE(verify.exitCode, 3);
        const QJsonObject report = QJsonDocument::fromJson(verify.out.toUtf8()).object();
        QVERIFY(!report.value("ok").toBool());
        QCOMPARE(report.value("problem").toString(), QString("AnchorRolledBack"));
        Run reanchor =
            cli(QStringList{"audit", "reanchor", "--reason", "anchor restored from an old copy by test"} + as("alice"),
                "alice-password-1\n");
        QVERIFY2(reanchor.exitCode == 0, qPrintable(reanchor.err));
        QCOMPARE(cli(QStringList{"login-check"} + as("drbob"), "drbob-password-1\n").exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliClinic)
#include "TestCliClinic.moc"
