// SPDX-License-Identifier: GPL-3.0-or-later
// cipherchart-cli entry commands end to end: condition, medication, allergy add/list and consent set.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

class TestEntryCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_clinic;
    QString m_mrn;

    QStringList as(const QString& user) const { return {"--clinic", m_clinic, "--as", user, "--password-stdin"}; }
    QStringList doctor(const QStringList& command) const { return command + as("drbob"); }

    QJsonArray listJson(const QString& kind)
    {
        const Run r = cli(doctor({"--json", kind, "list", "--patient", m_mrn}), kDoctorPassword);
        if (r.exitCode != 0)
            return {};
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clinic = m_dir.path() + "/clinic";
        Run r = cli({"init", "--clinic", m_clinic, "--admin", "alice", "--doctor", "drbob", "--report-key-file",
                     kData + "/paillier/test-key-2048.json", "--password-stdin"},
                    kAdminPassword + kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli(doctor({"import", "actg315", kData + "/actg315/ACTG315.csv"}), kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli(doctor({"--json", "patient", "list"}), kDoctorPassword);
        const QJsonArray patients = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(!patients.isEmpty());
        m_mrn = patients.first().toObject().value("mrn").toString();
    }

    void conditionAddAndList()
    {
        const Run r = cli(doctor({"condition", "add", "--patient", m_mrn, "--system", "icd10", "--code", "B20",
                                  "--display", "HIV disease", "--onset", "1996-02-01", "--status", "active"}),
                          kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("condition added"));
        const QJsonArray rows = listJson("condition");
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].toObject().value("code").toString(), QStringLiteral("B20"));
        QCOMPARE(rows[0].toObject().value("clinicalStatus").toString(), QStringLiteral("active"));
        QCOMPARE(rows[0].toObject().value("id").toString().size(), 32);
        const Run text = cli(doctor({"condition", "list", "--patient", m_mrn}), kDoctorPassword);
        QVERIFY(text.out.contains("1 condition"));
    }

    void medicationAddAndList()
    {
        const Run r = cli(doctor({"--json", "medication", "add", "--patient", m_mrn, "--code", "1546356", "--display",
                                  "Zidovudine 300 MG Oral Tablet", "--start", "1996-02-01", "--dosage",
                                  "300 mg twice a day", "--status", "active"}),
                          kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value("id").toString().size(), 32);
        const QJsonArray rows = listJson("medication");
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].toObject().value("dosage").toString(), QStringLiteral("300 mg twice a day"));
    }

    void allergyAddAndList()
    {
        const Run r = cli(doctor({"allergy", "add", "--patient", m_mrn, "--code", "91936005", "--display",
                                  "Allergy to penicillin", "--start", "1990-01-01", "--criticality", "high",
                                  "--reaction-code", "271807003", "--reaction", "Skin rash", "--severity", "mild"}),
                          kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray rows = listJson("allergy");
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].toObject().value("criticality").toString(), QStringLiteral("high"));
        QCOMPARE(rows[0].toObject().value("reactions").toArray().size(), 1);
    }

    void badInputNamesTheFieldAndStoresNothing()
    {
        Run r = cli(doctor({"condition", "add", "--patient", m_mrn, "--code", "B20", "--display", "HIV disease",
                            "--onset", "1996-02-30"}),
                    kDoctorPassword);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("condition.onset"), qPrintable(r.err));
        r = cli(doctor({"medication", "add", "--patient", m_mrn, "--code", "ABC", "--display", "x", "--start",
                        "1996-02-01"}),
                kDoctorPassword);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("medication.code"), qPrintable(r.err));
        r = cli(doctor({"allergy", "add", "--patient", m_mrn, "--system", "loinc", "--code", "1", "--display", "x",
                        "--start", "1996-02-01"}),
                kDoctorPassword);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("--system"));
        QCOMPARE(listJson("condition").size(), 1);
        QCOMPARE(listJson("medication").size(), 1);
    }

    void administratorIsDenied()
    {
        const Run r = cli(QStringList{"condition", "list", "--patient", m_mrn} + as("alice"), kAdminPassword);
        QCOMPARE(r.exitCode, 2);
    }

    void consentByDoctorAndByPatient()
    {
        Run r = cli(doctor({"consent", "set", "--patient", m_mrn, "--research", "no"}), kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("opted out"));
        r = cli(doctor({"consent", "set", "--patient", m_mrn, "--research", "maybe"}), kDoctorPassword);
        QCOMPARE(r.exitCode, 1);

        r = cli(QStringList{"user", "add", "pat", "--role", "patient", "--patient", m_mrn, "--sponsor", "drbob"} +
                    as("alice"),
                kAdminPassword + "pat-temporary-1\n" + kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli(QStringList{"passwd"} + as("pat"), "pat-temporary-1\npat-own-password-1\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli(QStringList{"--json", "consent", "set", "--research", "yes"} + as("pat"), "pat-own-password-1\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value("research").toString(), QStringLiteral("yes"));
        // A patient cannot name another record (no MRN lookup for patients).
        r = cli(QStringList{"consent", "set", "--patient", m_mrn, "--research", "no"} + as("pat"),
                "pat-own-password-1\n");
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestEntryCli)
#include "TestEntryCli.moc"
