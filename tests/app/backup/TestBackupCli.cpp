// SPDX-License-Identifier: GPL-3.0-or-later
// `cipherchart-cli backup create|inspect|restore` end to end: output, JSON and exit codes 0, 2, 3.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr const char* kAdminPassword = "cli-admin-password-1";
constexpr const char* kDoctorPassword = "cli-doctor-password-1";

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args, const QByteArray& input = {})
{
    QProcess p;
    p.start(QStringLiteral(CC_CLI_PATH), args);
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestBackupCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_clinic;

    QString path(const char* name) const { return m_tmp.path() + "/" + name; }
    QStringList asAdmin(const QStringList& words) const
    {
        return words + QStringList{"--clinic", m_clinic, "--as", "admin", "--password-stdin"};
    }
    static QByteArray admin() { return QByteArray(kAdminPassword) + "\n"; }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_clinic = path("clinic");
        const Run r = runCli({"init", "--clinic", m_clinic, "--admin", "admin", "--name", "CLI backup clinic",
                              "--doctor", "doc", "--report-key-file", CC_TEST_DATA_DIR "/paillier/test-key-2048.json",
                              "--recovery-out", m_tmp.path(), "--recovery-shares", "2", "--password-stdin"},
                             admin() + kDoctorPassword + "\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void createInspectRestore()
    {
        Run r = runCli(asAdmin({"--json", "backup", "create", "--out", path("b1.ccbk")}), admin());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject made = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(made.value("backupId").toString().size(), 32);

        r = runCli({"--json", "backup", "inspect", path("b1.ccbk")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value("backupId"), made.value("backupId"));
        r = runCli(asAdmin({"backup", "inspect", path("b1.ccbk")}), admin());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("signed by this clinic"));

        // Refuses to overwrite.
        r = runCli(asAdmin({"backup", "create", "--out", path("b1.ccbk")}), admin());
        QVERIFY(r.exitCode != 0);

        r = runCli(asAdmin({"backup", "restore", path("b1.ccbk")}), admin());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli(asAdmin({"audit", "verify"}), admin());
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    }

    void doctorIsDenied()
    {
        const Run r = runCli({"backup", "create", "--clinic", m_clinic, "--as", "doc", "--password-stdin", "--out",
                              path("by-doctor.ccbk")},
                             QByteArray(kDoctorPassword) + "\n");
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!QFile::exists(path("by-doctor.ccbk")));
    }

    void tamperedBackupExitsWithIntegrity_data()
    {
        QTest::addColumn<int>("offsetFromEnd");
        QTest::addColumn<QString>("named");
        QTest::newRow("payload tag") << 1 << "payload";
        QTest::newRow("payload body") << 5000 << "payload";
    }

    void tamperedBackupExitsWithIntegrity()
    {
        QFETCH(int, offsetFromEnd);
        QFETCH(QString, named);
        const QString good = path("tamper-src.ccbk");
        if (!QFile::exists(good))
            QCOMPARE(runCli(asAdmin({"backup", "create", "--out", good}), admin()).exitCode, 0);
        QFile in(good);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        bytes[bytes.size() - offsetFromEnd] = static_cast<char>(bytes[bytes.size() - offsetFromEnd] ^ 0x01);
        const QString bad = path("tampered.ccbk");
        QFile::remove(bad);
        QFile out(bad);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();

        QFile slotFile(m_clinic + "/keyslots.ccks");
        QVERIFY(slotFile.open(QIODevice::ReadOnly));
        const QByteArray slotsBefore = slotFile.readAll();
        slotFile.close();
        Run r = runCli(asAdmin({"backup", "restore", bad}), admin());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(named), qPrintable(r.err));
        QVERIFY(slotFile.open(QIODevice::ReadOnly));
        QCOMPARE(slotFile.readAll(), slotsBefore);
        // The manifest is intact and its signature verifies, but inspect checks the members' signed hashes too.
        r = runCli({"backup", "inspect", bad});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(named), qPrintable(r.err));
        bytes[20] = static_cast<char>(bytes[20] ^ 0x01); // inside the manifest
        out.open(QIODevice::WriteOnly | QIODevice::Truncate);
        out.write(bytes);
        out.close();
        r = runCli({"backup", "inspect", bad});
        QVERIFY2(r.exitCode == 3 || r.exitCode == 1, qPrintable(r.err));
        QVERIFY(r.err.contains("signature") || r.err.contains("manifest"));
    }
};

QTEST_GUILESS_MAIN(TestBackupCli)
#include "TestBackupCli.moc"
