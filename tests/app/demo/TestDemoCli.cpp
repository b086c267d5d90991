// SPDX-License-Identifier: GPL-3.0-or-later
// `cipherchart-cli demo init` and `demo generate` end to end: accounts, counts, reopening, bad options.
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

// The 2048-bit fixture key (tests/data/paillier/README.md) keeps the tests fast.
const QString kKeyFile = QStringLiteral(CC_TEST_DATA_DIR "/paillier/test-key-2048.json");

} // namespace

class TestDemoCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QStringList as(const QString& clinic, const QString& user)
    {
        return {"--clinic", clinic, "--as", user, "--password-stdin"};
    }

    static int patientCount(const QString& clinic, const QString& user, const QString& password)
    {
        const Run r = cli(QStringList{"--json", "patient", "list"} + as(clinic, user), password + "\n");
        if (r.exitCode != 0)
            return -1;
        return static_cast<int>(QJsonDocument::fromJson(r.out.toUtf8()).array().size());
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void demoInitCreatesAccountsAndTheSample()
    {
        const QString clinic = m_dir.path() + "/demo";
        const Run r = cli({"demo", "init", "--clinic", clinic, "--report-key-file", kKeyFile});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("Demo clinic created"));
        QVERIFY(r.out.contains("admin / demo-admin-pass"));
        QVERIFY(r.out.contains("doctor / demo-doctor-pass"));
        QVERIFY(r.out.contains("patients              27"));

        const Run admin = cli(QStringList{"login-check"} + as(clinic, "admin"), "demo-admin-pass\n");
        QCOMPARE(admin.exitCode, 0);
        QVERIFY(admin.out.contains("admin (administrator)"));
        const Run doctor = cli(QStringList{"login-check"} + as(clinic, "doctor"), "demo-doctor-pass\n");
        QCOMPARE(doctor.exitCode, 0);
        QVERIFY(doctor.out.contains("doctor (doctor)"));
        const Run wrong = cli(QStringList{"login-check"} + as(clinic, "doctor"), "demo-admin-pass\n");
        QCOMPARE(wrong.exitCode, 2);
        QCOMPARE(patientCount(clinic, "doctor", "demo-doctor-pass"), 27);
    }

    void demoInitAgainOpensWithoutImporting()
    {
        const QString clinic = m_dir.path() + "/demo";
        const Run r = cli({"--json", "demo", "init", "--clinic", clinic, "--report-key-file", kKeyFile});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value("created").toBool(true), false);
        QCOMPARE(o.value("accounts").toArray().size(), 2);
        QCOMPARE(patientCount(clinic, "doctor", "demo-doctor-pass"), 27);
    }

    void demoInitRefusesARealClinic()
    {
        const QString clinic = m_dir.path() + "/real";
        const Run init =
            cli({"init", "--clinic", clinic, "--admin", "alice", "--report-key-file", kKeyFile, "--password-stdin"},
                "alice-password-1\n");
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const Run r = cli({"demo", "init", "--clinic", clinic, "--report-key-file", kKeyFile});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("not a demo clinic"));
    }

    void demoGenerateGivesTheRequestedCounts()
    {
        const QString clinic = m_dir.path() + "/generated";
        const Run r = cli({"--json", "demo", "generate", "--clinic", clinic, "--patients", "20",
                           "--observations-per-patient", "5", "--report-key-file", kKeyFile});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject counts = QJsonDocument::fromJson(r.out.toUtf8()).object().value("counts").toObject();
        QCOMPARE(counts.value("patients").toInt(), 20);
        QCOMPARE(counts.value("observations").toInt(), 100);
        QCOMPARE(counts.value("numeric observations").toInt(), 100);
        QCOMPARE(patientCount(clinic, "doctor", "demo-doctor-pass"), 20);

        // Every generated patient has exactly M observations, readable by the doctor.
        const Run list =
            cli(QStringList{"--json", "patient", "list", "--search", "GEN-00000007"} + as(clinic, "doctor"),
                "demo-doctor-pass\n");
        const QJsonArray found = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(found.size(), 1);
        const Run obs =
            cli(QStringList{"--json", "observation", "list", "--patient", "GEN-00000007"} + as(clinic, "doctor"),
                "demo-doctor-pass\n");
        QVERIFY2(obs.exitCode == 0, qPrintable(obs.err));
        QCOMPARE(QJsonDocument::fromJson(obs.out.toUtf8()).array().size(), 5);

        // A second generate into the same folder is refused and changes nothing.
        const Run again = cli({"demo", "generate", "--clinic", clinic, "--patients", "3", "--observations-per-patient",
                               "1", "--report-key-file", kKeyFile});
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(patientCount(clinic, "doctor", "demo-doctor-pass"), 20);
    }

    /// More than one import batch (at least 1,000 patients each): every requested patient is a new
    /// one. A shared source id once made later batches overwrite earlier patients born the same day.
    void demoGenerateAcrossBatchesKeepsEveryPatient()
    {
        const QString clinic = m_dir.path() + "/batches";
        const Run r = cli({"--json", "demo", "generate", "--clinic", clinic, "--patients", "1200",
                           "--observations-per-patient", "5", "--report-key-file", kKeyFile});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject counts = QJsonDocument::fromJson(r.out.toUtf8()).object().value("counts").toObject();
        QCOMPARE(counts.value("patients").toInt(), 1200);
        QCOMPARE(counts.value("updated").toInt(), 0);
        QCOMPARE(patientCount(clinic, "doctor", "demo-doctor-pass"), 1200);
    }

    void demoGenerateRejectsBadCounts()
    {
        for (const QString& n : {QStringLiteral("0"), QStringLiteral("-3"), QStringLiteral("ten")}) {
            const Run r = cli({"demo", "generate", "--clinic", m_dir.path() + "/bad", "--patients", n,
                               "--observations-per-patient", "5", "--report-key-file", kKeyFile});
            QCOMPARE(r.exitCode, 1);
            QVERIFY(r.err.contains("--patients"));
        }
        QVERIFY(!QFile::exists(m_dir.path() + "/bad/clinic.json"));
    }

    /// --code: one measure for every observation (the report benchmark's clinic); a code that is
    /// not a numeric LOINC code of the catalogue is refused by name before anything is created.
    void demoGenerateWithOneCode()
    {
        for (const QString& code : {QStringLiteral("1234-5"), QStringLiteral("44054006"), QString()}) {
            const Run r = cli({"demo", "generate", "--clinic", m_dir.path() + "/badcode", "--patients", "3",
                               "--observations-per-patient", "2", "--code", code, "--report-key-file", kKeyFile});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("--code"), qPrintable(r.err));
        }
        QVERIFY(!QFile::exists(m_dir.path() + "/badcode/clinic.json"));

        const QString clinic = m_dir.path() + "/cd4";
        const Run r = cli({"--json", "demo", "generate", "--clinic", clinic, "--patients", "4",
                           "--observations-per-patient", "3", "--code", "24467-3", "--report-key-file", kKeyFile});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Run obs =
            cli(QStringList{"--json", "observation", "list", "--patient", "GEN-00000002"} + as(clinic, "doctor"),
                "demo-doctor-pass\n");
        QVERIFY2(obs.exitCode == 0, qPrintable(obs.err));
        const QJsonArray rows = QJsonDocument::fromJson(obs.out.toUtf8()).array();
        QCOMPARE(rows.size(), 3);
        for (const auto& row : rows)
            QCOMPARE(row.toObject().value("code").toString(), QStringLiteral("24467-3"));
    }
};

QTEST_GUILESS_MAIN(TestDemoCli)
#include "TestDemoCli.moc"
