// SPDX-License-Identifier: GPL-3.0-or-later
// cipherchart-cli record commands end to end: import, patient list/show, observation list, refusals.
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

const QString kData = QStringLiteral(CC_TEST_DATA_DIR);
const QString kDoctorPassword = QStringLiteral("drbob-password-1\n");
const QString kAdminPassword = QStringLiteral("alice-password-1\n");

} // namespace

class TestRecordCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_clinic;

    QStringList as(const QString& user) const { return {"--clinic", m_clinic, "--as", user, "--password-stdin"}; }

    int patientCount(const QString& user, const QString& password)
    {
        const Run r = cli(QStringList{"--json", "patient", "list"} + as(user), password);
        if (r.exitCode != 0)
            return -1;
        return static_cast<int>(QJsonDocument::fromJson(r.out.toUtf8()).array().size());
    }

    /// The MRN of the Synthea patient with this source id (tests/data/synthea/patients.csv).
    QString mrnOf(const QString& sourceId)
    {
        const Run r = cli(QStringList{"--json", "patient", "list"} + as("drbob"), kDoctorPassword);
        for (const auto& v : QJsonDocument::fromJson(r.out.toUtf8()).array())
            if (v.toObject().value("sourceId").toString() == sourceId)
                return v.toObject().value("mrn").toString();
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clinic = m_dir.path() + "/clinic";
        const Run r = cli({"init", "--clinic", m_clinic, "--admin", "alice", "--doctor", "drbob", "--report-key-file",
                           kData + "/paillier/test-key-2048.json", "--password-stdin"},
                          kAdminPassword + kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void importsTheSyntheaSample()
    {
        const Run r =
            cli(QStringList{"--json", "import", "synthea", kData + "/synthea"} + as("drbob"), kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
        // Counts of tests/data/synthea/README.md ("Files copied").
        QCOMPARE(summary.value("counts").toObject().value("patients").toInt(), 27);
        QCOMPARE(summary.value("counts").toObject().value("encounters").toInt(), 604);
        QCOMPARE(summary.value("counts").toObject().value("observations").toInt(), 990);
        QVERIFY(summary.value("skipped").isArray());
        // No progress bar when standard error is not a terminal.
        QVERIFY(!r.err.contains('%'));
        QCOMPARE(patientCount("drbob", kDoctorPassword), 27);
    }

    void importingTheSameFolderAgainAddsNothing()
    {
        // Re-import (docs/RECORDS.md): every record is found unchanged through the source index.
        const Run r = cli(QStringList{"import", "synthea", kData + "/synthea"} + as("drbob"), kDoctorPassword);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Stored: 0 new, 0 updated, "), qPrintable(r.out));
        QCOMPARE(patientCount("drbob", kDoctorPassword), 27);
    }

    void uncataloguedCodesArePrintedPerCodeAndUnit()
    {
        const Run r = cli(QStringList{"import", "synthea", kData + "/synthea_generic"} + as("drbob"), kDoctorPassword);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QString::fromUtf8("stored without catalogue entry: 91146-1 {score} \u00d7 14")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("stored without a Paillier value")));
    }

    void listSearchAndShow()
    {
        // patients.csv line 2: Maynard46 Mosciski958, born 2014-10-06.
        const Run search =
            cli(QStringList{"--json", "patient", "list", "--search", "mosciski"} + as("drbob"), kDoctorPassword);
        QCOMPARE(search.exitCode, 0);
        const QJsonArray found = QJsonDocument::fromJson(search.out.toUtf8()).array();
        QCOMPARE(found.size(), 1);
        const QString mrn = found.at(0).toObject().value("mrn").toString();
        QVERIFY(!mrn.isEmpty());
        QCOMPARE(mrn, mrnOf("3edac2e3-d223-6fae-d515-daf96ef6bc76"));
        const Run show = cli(QStringList{"patient", "show", mrn} + as("drbob"), kDoctorPassword);
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.out.contains("Mosciski958, Maynard46"));
        QVERIFY(show.out.contains("2014-10-06"));
        const Run none = cli(QStringList{"patient", "show", "NO-SUCH-MRN"} + as("drbob"), kDoctorPassword);
        QCOMPARE(none.exitCode, 1);
        QVERIFY(!none.err.isEmpty());
    }

    void observationsByCode()
    {
        const QString mrn = mrnOf("3edac2e3-d223-6fae-d515-daf96ef6bc76");
        // observations.csv line 4: this patient's body weight 27.8 kg on 2023-10-10.
        const Run r =
            cli(QStringList{"--json", "observation", "list", "--patient", mrn, "--code", "29463-7"} + as("drbob"),
                kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(!rows.isEmpty());
        bool sawWeight = false;
        int latest = 0;
        for (const auto& v : rows) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o.value("code").toString(), QStringLiteral("29463-7"));
            sawWeight |= qFuzzyCompare(o.value("value").toDouble(), 27.8);
            latest += o.value("latest").toBool() ? 1 : 0;
        }
        QVERIFY(sawWeight);
        QCOMPARE(latest, 1);
        const Run all =
            cli(QStringList{"--json", "observation", "list", "--patient", mrn} + as("drbob"), kDoctorPassword);
        QVERIFY(QJsonDocument::fromJson(all.out.toUtf8()).array().size() > rows.size());
    }

    void administratorSeesIdentityButNoObservations()
    {
        QCOMPARE(patientCount("alice", kAdminPassword), 27);
        const QString mrn = mrnOf("3edac2e3-d223-6fae-d515-daf96ef6bc76");
        const Run show = cli(QStringList{"patient", "show", mrn} + as("alice"), kAdminPassword);
        QCOMPARE(show.exitCode, 0);
        const Run obs = cli(QStringList{"observation", "list", "--patient", mrn} + as("alice"), kAdminPassword);
        QCOMPARE(obs.exitCode, 2);
        QVERIFY(obs.out.isEmpty());
        // Nor may an administrator import (ImportRecords is a doctor's permission).
        const Run import =
            cli(QStringList{"import", "actg315", kData + "/actg315/ACTG315.csv"} + as("alice"), kAdminPassword);
        QCOMPARE(import.exitCode, 2);
    }

    void malformedFolderIsRejectedWithFileAndLine()
    {
        // A copy of the sample with an invalid date on observations.csv line 4.
        const QString bad = m_dir.path() + "/bad-synthea";
        QVERIFY(QDir().mkpath(bad));
        for (const QString& name : QDir(kData + "/synthea").entryList({"*.csv"}, QDir::Files))
            QVERIFY(QFile::copy(kData + "/synthea/" + name, bad + "/" + name));
        QFile obs(bad + "/observations.csv");
        QVERIFY(obs.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(obs.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = obs.readAll().split('\n');
        obs.close();
        QVERIFY(lines.size() > 4);
        QVERIFY(lines[3].startsWith("2023-10-10T04:17:47Z,"));
        lines[3].replace(0, 20, "2023-13-45T99:17:47Z");
        QVERIFY(obs.open(QIODevice::WriteOnly | QIODevice::Truncate));
        obs.write(lines.join('\n'));
        obs.close();

        const Run r = cli(QStringList{"import", "synthea", bad} + as("drbob"), kDoctorPassword);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("observations.csv:4"), qPrintable(r.err));
        QVERIFY2(r.err.contains("DATE"), qPrintable(r.err));
        QCOMPARE(patientCount("drbob", kDoctorPassword), 27);
    }

    void importsActg315()
    {
        // tests/data/actg315/README.md: 46 patients, 361 visits.
        const Run r =
            cli(QStringList{"import", "actg315", kData + "/actg315/ACTG315.csv"} + as("drbob"), kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("patients"));
        QCOMPARE(patientCount("drbob", kDoctorPassword), 27 + 46);
    }

    void importsAMappedTable()
    {
        const QStringList args{"import", "table", kData + "/mapped/lab_long.csv", "--mapping",
                               kData + "/mapped/lab_long.mapping.json"};
        const Run r = cli(args + as("drbob"), kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // tests/data/mapped/README.md: 3 patients, 6 observations, every bad cell with file:line column.
        QVERIFY2(r.out.contains("Stored: 9 new, 0 updated, 0 unchanged"), qPrintable(r.out));
        QVERIFY(r.out.contains("Skipped: 7"));
        QVERIFY(r.out.contains("lab_long.csv:8 collected: "));
        QVERIFY(r.out.contains("lab_long.csv:11 units: "));
        QVERIFY(r.out.contains(QString::fromUtf8("stored without catalogue entry: 1783-0 U/L \u00d7 1")));
        const Run again = cli(args + as("drbob"), kDoctorPassword);
        QVERIFY2(again.out.contains("Stored: 0 new, 0 updated, 9 unchanged"), qPrintable(again.out));
        // Without --mapping: a usage error; a bad mapping: rejected naming its field.
        QCOMPARE(
            cli(QStringList{"import", "table", kData + "/mapped/lab_long.csv"} + as("drbob"), kDoctorPassword).exitCode,
            1);
        const Run bad = cli(QStringList{"import", "table", kData + "/mapped/lab_long.csv", "--mapping",
                                        kData + "/mapped/lab_long.csv"} +
                                as("drbob"),
                            kDoctorPassword);
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains("lab_long.csv"), qPrintable(bad.err));
    }
};

QTEST_GUILESS_MAIN(TestRecordCli)
#include "TestRecordCli.moc"
