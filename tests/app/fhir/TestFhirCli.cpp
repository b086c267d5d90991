// SPDX-License-Identifier: GPL-3.0-or-later
// cipherchart-cli `import fhir` and `export fhir` end to end: summary, --json, refusals, export file.
#include <QFile>
#include <QFileInfo>
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
const QString kExamples = kData + QStringLiteral("/fhir/examples/");
const QString kDoctorPassword = QStringLiteral("drbob-password-1\n");
const QString kAdminPassword = QStringLiteral("alice-password-1\n");

} // namespace

class TestFhirCli : public QObject
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
        const Run r = cli({"init", "--clinic", m_clinic, "--admin", "alice", "--doctor", "drbob", "--report-key-file",
                           kData + "/paillier/test-key-2048.json", "--password-stdin"},
                          kAdminPassword + kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void importsFilesInOrder()
    {
        const Run r = cli(QStringList{"--json", "import", "fhir", kExamples + "patient-example.json",
                                      kExamples + "observation-example.json", kExamples + "bundle-transaction.json"} +
                              as("drbob"),
                          kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject counts = summary.value("counts").toObject();
        QCOMPARE(counts.value("files").toInt(), 3);
        QCOMPARE(counts.value("patients").toInt(), 3);
        QCOMPARE(counts.value("observations").toInt(), 1);
        QVERIFY(summary.value("skipped").toArray().size() >= 8);
        QVERIFY(!r.err.contains('%')); // no progress bar without a terminal

        const Run text = cli(QStringList{"import", "fhir", kExamples + "observation-example-bmi.json"} + as("drbob"),
                             kDoctorPassword);
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY(text.out.contains("observations"));
        QVERIFY(text.out.contains("Skipped: 0"));
    }

    /// A refusal that comes from the store, not from the reader (an MRN already in use, here by
    /// the same person under another FHIR id), names the file it came from too.
    void storeRefusalNamesTheFile()
    {
        QFile original(kExamples + "patient-example-f001-pieter.json");
        QVERIFY(original.open(QIODevice::ReadOnly));
        QByteArray copy = original.readAll();
        copy.replace("\"id\": \"f001\"", "\"id\": \"f001-copy\"");
        const QString path = m_dir.filePath("pieter-again.json");
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(copy) == copy.size());
        out.close();
        const Run r =
            cli(QStringList{"import", "fhir", kExamples + "patient-example-f001-pieter.json", path} + as("drbob"),
                kDoctorPassword);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("pieter-again.json: an imported patient's MRN is already in use"), qPrintable(r.err));
    }

    void rejectedFileNamesPathAndKeepsEarlierFiles()
    {
        const Run r = cli(QStringList{"import", "fhir", kExamples + "patient-example-f001-pieter.json",
                                      kExamples + "bundle-references.json"} +
                              as("drbob"),
                          kDoctorPassword);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("bundle-references.json: Bundle.entry[5].resource(Observation/14).subject.reference"),
                 qPrintable(r.err));
        QVERIFY(r.err.contains("the 1 file before it were imported and are kept"));
        const Run missing =
            cli(QStringList{"import", "fhir", m_dir.path() + "/none.json"} + as("drbob"), kDoctorPassword);
        QVERIFY(missing.exitCode != 0);
    }

    void exportsAtomicallyAndRefusesAdministrators()
    {
        const QString out = m_dir.path() + "/export.json";
        const Run r = cli(QStringList{"--json", "export", "fhir", "--patient", "12345", "--out", out} + as("drbob"),
                          kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject bundle = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(bundle.value("resourceType").toString(), QStringLiteral("Bundle"));
        QCOMPARE(bundle.value("type").toString(), QStringLiteral("collection"));
        QCOMPARE(bundle.value("entry").toArray().size(), 3); // patient, weight, BMI
        QCOMPARE(QFileInfo(out).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions{});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value("file").toString(), out);

        const Run admin =
            cli(QStringList{"export", "fhir", "--patient", "12345", "--out", m_dir.path() + "/a.json"} + as("alice"),
                kAdminPassword);
        QCOMPARE(admin.exitCode, 2);
        QVERIFY(!QFile::exists(m_dir.path() + "/a.json"));
        const Run noPatient =
            cli(QStringList{"export", "fhir", "--out", m_dir.path() + "/b.json"} + as("drbob"), kDoctorPassword);
        QCOMPARE(noPatient.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestFhirCli)
#include "TestFhirCli.moc"
