// SPDX-License-Identifier: GPL-3.0-or-later
// cipherchart-cli report commands end to end: run, verify, show, decrypt-share, publish, csv, and the
// exit codes of refusals and tampered files.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include "../../support/ProcessRun.h"

namespace {

using Run = cc::test::ProcessRun;

Run cli(const QStringList& args, const QString& input = {})
{
    return cc::test::runProcess(QStringLiteral(CC_CLI_PATH), args, input, QProcessEnvironment::systemEnvironment(),
                                600000);
}

const QString kData = QStringLiteral(CC_TEST_DATA_DIR);
const QString kDoctorPassword = QStringLiteral("drbob-password-1\n");
const QString kAdminPassword = QStringLiteral("alice-password-1\n");

} // namespace

class TestReportCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_clinic;

    QStringList as(const QString& user) const { return {"--clinic", m_clinic, "--as", user, "--password-stdin"}; }
    QString path(const QString& name) const { return m_dir.path() + "/" + name; }

    void writeSpec(const QString& name, const QByteArray& json)
    {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(json);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clinic = path("clinic");
        const Run init = cli({"init", "--clinic", m_clinic, "--admin", "alice", "--doctor", "drbob",
                              "--report-key-file", kData + "/paillier/test-key-2048.json", "--password-stdin"},
                             kAdminPassword + kDoctorPassword);
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const Run import =
            cli(QStringList{"import", "actg315", kData + "/actg315/ACTG315.csv"} + as("drbob"), kDoctorPassword);
        QVERIFY2(import.exitCode == 0, qPrintable(import.err));
        writeSpec("cd4.json", R"({"version": 1, "title": "CD4 at the latest visit", "purpose": "quality",
                                 "measures": [{"code": "24467-3"}], "selection": "latest"})");
    }

    void runShareAndPublish()
    {
        const Run run =
            cli(QStringList{"report", "run", "--spec", path("cd4.json"), "--out", path("cd4.ccrep")} + as("alice"),
                kAdminPassword);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains("encrypted report"));
        QCOMPARE(QFile(path("cd4.ccrep")).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        // Never overwritten.
        const Run again =
            cli(QStringList{"report", "run", "--spec", path("cd4.json"), "--out", path("cd4.ccrep")} + as("alice"),
                kAdminPassword);
        QCOMPARE(again.exitCode, 1);

        const Run verify = cli(QStringList{"report", "verify", path("cd4.ccrep")} + as("alice"), kAdminPassword);
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err));
        const Run encrypted =
            cli(QStringList{"--json", "report", "show", path("cd4.ccrep")} + as("alice"), kAdminPassword);
        QCOMPARE(encrypted.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(encrypted.out.toUtf8()).object()["kind"].toString(),
                 QStringLiteral("encrypted"));

        const Run share =
            cli(QStringList{"report", "decrypt-share", path("cd4.ccrep"), "--out", path("alice.ccrs")} + as("alice"),
                kAdminPassword);
        QVERIFY2(share.exitCode == 0, qPrintable(share.err));
        QVERIFY(QFile::exists(path("alice.ccrs")));

        const Run publish =
            cli(QStringList{"report", "publish", path("cd4.ccrep"), "--out", path("cd4-published.ccrep")} + as("alice"),
                kAdminPassword);
        QVERIFY2(publish.exitCode == 0, qPrintable(publish.err));
        QVERIFY(publish.out.contains("QUALITY REPORT"));

        const Run shown =
            cli(QStringList{"--json", "report", "show", path("cd4-published.ccrep")} + as("alice"), kAdminPassword);
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
        const QJsonObject report = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        QCOMPARE(report["kind"].toString(), QStringLiteral("published"));
        const QJsonObject cell = report["cells"].toArray().at(0).toObject();
        QCOMPARE(cell["patients"].toInt(), 46);
        // README of tests/data/actg315: latest CD4 mean 285.665870.
        QVERIFY(std::abs(cell["mean"].toDouble() - 285.665870) <= 0.005);

        const Run csv =
            cli(QStringList{"report", "csv", path("cd4-published.ccrep"), "--out", path("cd4.csv")} + as("alice"),
                kAdminPassword);
        QVERIFY2(csv.exitCode == 0, qPrintable(csv.err));
        QFile f(path("cd4.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QVERIFY(lines.at(0).startsWith("report_id,purpose,cell,measure"));
        QVERIFY(lines.at(1).contains(",46,46,285.67,"));
    }

    void tamperedFileExitsThree()
    {
        QFile in(path("cd4.ccrep"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x20);
        QFile out(path("tampered.ccrep"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        const Run verify = cli(QStringList{"report", "verify", path("tampered.ccrep")} + as("alice"), kAdminPassword);
        QCOMPARE(verify.exitCode, 3);
        const Run share =
            cli(QStringList{"report", "decrypt-share", path("tampered.ccrep")} + as("alice"), kAdminPassword);
        QCOMPARE(share.exitCode, 3);
    }

    void refusalsHaveTheirExitCodes()
    {
        // A doctor does not run reports.
        const Run doctor =
            cli(QStringList{"report", "run", "--spec", path("cd4.json"), "--out", path("x.ccrep")} + as("drbob"),
                kDoctorPassword);
        QCOMPARE(doctor.exitCode, 2);
        // A spec naming a field that does not exist: exit 1 with the field in the message.
        writeSpec("bad.json", R"({"version": 1, "title": "t", "purpose": "quality",
                                  "measures": [{"code": "24467-3"}, {"code": "nope"}], "selection": "all"})");
        const Run bad =
            cli(QStringList{"report", "run", "--spec", path("bad.json"), "--out", path("y.ccrep")} + as("alice"),
                kAdminPassword);
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains("measures[1].code"), qPrintable(bad.err));
        const Run low = cli(QStringList{"report", "set-minimum-cell-size", "3"} + as("alice"), kAdminPassword);
        QCOMPARE(low.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestReportCli)
#include "TestReportCli.moc"
