// SPDX-License-Identifier: GPL-3.0-or-later
// cipherchart-cli note and attachment commands end to end: add, list (--json), get, refusals.
#include <QFile>
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

QByteArray pngBytes(int size)
{
    QByteArray data = QByteArray::fromHex("89504e470d0a1a0a");
    while (data.size() < size)
        data.append(static_cast<char>(data.size() & 0xFF));
    return data;
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestNoteCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_clinic;
    QString m_mrn;

    QStringList as(const QString& user) const { return {"--clinic", m_clinic, "--as", user, "--password-stdin"}; }
    QStringList doctor(const QStringList& args) const { return args + as("drbob"); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clinic = m_dir.path() + "/clinic";
        Run r = cli({"init", "--clinic", m_clinic, "--admin", "alice", "--doctor", "drbob", "--report-key-file",
                     kData + "/paillier/test-key-2048.json", "--password-stdin"},
                    kAdminPassword + kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // The ACTG 315 file (46 patients) is the smallest fixture that makes patients.
        r = cli(doctor({"import", "actg315", kData + "/actg315/ACTG315.csv"}), kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli(doctor({"--json", "patient", "list"}), kDoctorPassword);
        QCOMPARE(r.exitCode, 0);
        m_mrn = QJsonDocument::fromJson(r.out.toUtf8()).array().at(0).toObject().value("mrn").toString();
        QVERIFY(!m_mrn.isEmpty());
    }

    void notesAddAndList()
    {
        Run r =
            cli(doctor({"note", "add", "--patient", m_mrn, "--title", "Visit", "--text", "Shared text.", "--shared"}),
                kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("shared with the patient"));
        const QString file = m_dir.filePath("note.txt");
        QVERIFY(writeFile(file, "Private line one.\nPrivate line two.\n"));
        r = cli(doctor({"note", "add", "--patient", m_mrn, "--text-file", file}), kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli(doctor({"--json", "note", "list", "--patient", m_mrn}), kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray notes = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(notes.size(), 2);
        int shared = 0;
        for (const auto& v : notes) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o.value("author").toString(), QStringLiteral("drbob"));
            QCOMPARE(o.value("id").toString().size(), 32);
            shared += o.value("sharedWithPatient").toBool() ? 1 : 0;
        }
        QCOMPARE(shared, 1);
        r = cli(doctor({"note", "list", "--patient", m_mrn}), kDoctorPassword);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Private line two."));
        QVERIFY(r.out.contains("2 notes"));
    }

    void noteRefusals()
    {
        // Neither or both text options: usage error. Empty text: bad input naming the field.
        QCOMPARE(cli(doctor({"note", "add", "--patient", m_mrn}), kDoctorPassword).exitCode, 1);
        QCOMPARE(cli(doctor({"note", "add", "--patient", m_mrn, "--text", "a", "--text-file", "b"}), kDoctorPassword)
                     .exitCode,
                 1);
        const Run empty = cli(doctor({"note", "add", "--patient", m_mrn, "--text", ""}), kDoctorPassword);
        QCOMPARE(empty.exitCode, 1);
        QVERIFY(empty.err.contains("note.text"));
        const QString bad = m_dir.filePath("bad.txt");
        QVERIFY(writeFile(bad, QByteArray("\xff\xfe broken")));
        const Run notUtf8 = cli(doctor({"note", "add", "--patient", m_mrn, "--text-file", bad}), kDoctorPassword);
        QCOMPARE(notUtf8.exitCode, 1);
        QVERIFY(notUtf8.err.contains("UTF-8"));
        // The administrator reads no clinical content.
        QCOMPARE(cli(QStringList{"note", "list", "--patient", m_mrn} + as("alice"), kAdminPassword).exitCode, 2);
    }

    void attachmentsAddListGet()
    {
        const QString png = m_dir.filePath("scan.png");
        const QByteArray content = pngBytes(300'000);
        QVERIFY(writeFile(png, content));
        Run r = cli(doctor({"--json", "attachment", "add", "--patient", m_mrn, png, "--description", "scan"}),
                    kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString id = QJsonDocument::fromJson(r.out.toUtf8()).object().value("id").toString();
        QCOMPARE(id.size(), 32);
        r = cli(doctor({"--json", "attachment", "list", "--patient", m_mrn}), kDoctorPassword);
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value("mediaType").toString(), QStringLiteral("image/png"));
        QCOMPARE(list.at(0).toObject().value("size").toInt(), 300'000);
        QCOMPARE(list.at(0).toObject().value("chunkCount").toInt(), 2);
        const QString out = m_dir.filePath("out.png");
        r = cli(doctor({"attachment", "get", "--patient", m_mrn, "--id", id, "--out", out}), kDoctorPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content);
        // An existing output file is never replaced; a bad id or an unknown type is bad input.
        QCOMPARE(
            cli(doctor({"attachment", "get", "--patient", m_mrn, "--id", id, "--out", out}), kDoctorPassword).exitCode,
            1);
        QCOMPARE(
            cli(doctor({"attachment", "get", "--patient", m_mrn, "--id", "xyz", "--out", out + "2"}), kDoctorPassword)
                .exitCode,
            1);
        QCOMPARE(cli(doctor({"attachment", "get", "--patient", m_mrn, "--id", QString(32, u'0'), "--out", out + "3"}),
                     kDoctorPassword)
                     .exitCode,
                 1);
        QVERIFY(!QFile::exists(out + "3"));
        const QString txt = m_dir.filePath("plain.txt");
        QVERIFY(writeFile(txt, "just text"));
        const Run refused = cli(doctor({"attachment", "add", "--patient", m_mrn, txt}), kDoctorPassword);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains("PNG"));
    }
};

QTEST_GUILESS_MAIN(TestNoteCli)
#include "TestNoteCli.moc"
