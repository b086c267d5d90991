// SPDX-License-Identifier: GPL-3.0-or-later
// cipherchart-cli paillier: keygen/pubkey/encrypt/add/decrypt round trips, --raw, bad input, no overwrite.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& args, const QString& input = {},
        const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CC_CLI_PATH), args);
    p.write(input.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()).trimmed(),
            QString::fromUtf8(p.readAllStandardError()).trimmed()};
}

} // namespace

class TestCliPaillier : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_key;   // a copy of the 2048-bit TEST key
    QString m_other; // a second TEST key

    QString copyFixture(const char* name)
    {
        const QString to = m_dir.filePath(QLatin1String(name));
        QFile::copy(QStringLiteral(CC_TEST_DATA_DIR "/paillier/") + QLatin1String(name), to);
        return to;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_key = copyFixture("test-key-2048.json");
        m_other = copyFixture("test-key-2048-b.json");
    }

    void pubkeyPrintsJwk()
    {
        const auto r = cli({"paillier", "pubkey", m_key});
        QCOMPARE(r.code, 0);
        const auto jwk = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(jwk.value("kty").toString(), QStringLiteral("DAJ"));
        QCOMPARE(jwk.value("alg").toString(), QStringLiteral("PAI-GN1"));
        QCOMPARE(jwk.value("kid").toString(), QStringLiteral("95963b4f49c9d2d3"));
        QVERIFY(!jwk.contains("p") && !jwk.contains("q"));
        QVERIFY(jwk.contains("hs"));
        // The printed JWK is itself usable as --key for encryption.
        QFile f(m_dir.filePath("pub.jwk"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(r.out.toUtf8());
    }

    void encryptAddDecrypt_data()
    {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<bool>("raw");
        QTest::newRow("blobs") << QStringList{"41", "-1", "1000000"} << false;
        QTest::newRow("raw decimal") << QStringList{"-5", "-7"} << true;
        QTest::newRow("one value") << QStringList{"123456789012345678901234567890"} << false;
    }
    void encryptAddDecrypt()
    {
        QFETCH(QStringList, values);
        QFETCH(bool, raw);
        QStringList cts;
        qlonglong expected = 0;
        for (const auto& v : values) {
            QStringList args{"paillier", "encrypt", "--key", m_dir.filePath("pub.jwk"), "--value", v};
            if (raw)
                args << "--raw";
            const auto r = cli(args);
            QCOMPARE(r.code, 0);
            if (raw)
                QVERIFY(r.out.toStdString().find_first_not_of("0123456789") == std::string::npos);
            cts << r.out;
            expected += v.toLongLong();
            const auto d = cli({"paillier", "decrypt", "--key", m_key, r.out});
            QCOMPARE(d.code, 0);
            QCOMPARE(d.out, v);
        }
        const auto s = cli(QStringList{"paillier", "add", "--key", m_key} + cts);
        QCOMPARE(s.code, 0);
        const auto d = cli({"paillier", "decrypt", "--key", m_key, s.out});
        QCOMPARE(d.code, 0);
        if (values.size() > 1)
            QCOMPARE(d.out.toLongLong(), expected);
    }

    void badInputs()
    {
        const auto ct = cli({"paillier", "encrypt", "--key", m_key, "--value", "3"}).out;
        auto r = cli({"paillier", "encrypt", "--key", m_key, "--value", "12abc"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("decimal"));
        r = cli({"paillier", "decrypt", "--key", m_key, ct.left(ct.size() - 8)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("length") || r.err.contains("truncated"), qPrintable(r.err));
        r = cli({"paillier", "decrypt", "--key", m_key, "0"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("out of range"));
        r = cli({"paillier", "decrypt", "--key", m_key, "not*base64"});
        QCOMPARE(r.code, 1);
        r = cli({"paillier", "decrypt", "--key", m_dir.filePath("missing.json"), ct});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("cannot open"));
        // Another key's ciphertext: refused as a key mismatch (exit 3), not decrypted to garbage.
        r = cli({"paillier", "decrypt", "--key", m_other, ct});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains("another Paillier key"));
        // The public JWK cannot decrypt.
        r = cli({"paillier", "decrypt", "--key", m_dir.filePath("pub.jwk"), ct});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("p"));
        r = cli({"paillier", "keygen", "--bits", "1024", "--out", m_dir.filePath("k.json")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("2048, 3072 or 4096"));
    }

    void initRefusesPublishedTestKeysForRealClinics()
    {
        // Without the test environment's opt-in, a real clinic refuses a key whose private half is published.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("CIPHERCHART_ALLOW_TEST_KEYS");
        const QString passwords = "admin-password-1\n";
        auto r = cli({"init", "--clinic", m_dir.filePath("real"), "--admin", "alice", "--report-key-file", m_key,
                      "--password-stdin"},
                     passwords, env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("published TEST key"), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(m_dir.filePath("real/clinic.db")));
        // A demo clinic may use it; init prints the pinned report key's fingerprint.
        r = cli({"--json", "init", "--clinic", m_dir.filePath("demo"), "--admin", "alice", "--report-key-file", m_key,
                 "--demo", "--password-stdin"},
                passwords, env);
        QCOMPARE(r.code, 0);
        const QString fingerprint =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value("reportKeyFingerprint").toString();
        QCOMPARE(fingerprint.size(), 64);
        // report-key show verifies the administrator's pin against the clinic.
        r = cli({"report-key", "show", "--clinic", m_dir.filePath("demo"), "--as", "alice", "--password-stdin"},
                passwords);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(fingerprint) && r.out.contains("pinned and verified"), qPrintable(r.out));
        // The ring already pins it: trust refuses (audited), whatever fingerprint is typed.
        r = cli({"report-key", "trust", "--clinic", m_dir.filePath("demo"), "--as", "alice", "--fingerprint",
                 fingerprint, "--password-stdin"},
                passwords + passwords);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("already pins"), qPrintable(r.err));
    }

    void keygenRefusesToOverwrite()
    {
        QFile before(m_key);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray original = before.readAll();
        const auto r = cli({"paillier", "keygen", "--bits", "2048", "--out", m_key});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("refusing to overwrite"));
        QFile after(m_key);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), original);
    }

    void keygenWritesPrivateFile()
    {
        // One real 2048-bit generation (safe primes: a few seconds, more under load).
        const QString out = m_dir.filePath("fresh.json");
        const auto r = cli({"paillier", "keygen", "--bits", "2048", "--out", out});
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.contains("UNPROTECTED"));
        struct stat st
        {};
        QCOMPARE(::stat(out.toLocal8Bit().constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        const auto ct = cli({"paillier", "encrypt", "--key", out, "--value", "-99"});
        QCOMPARE(ct.code, 0);
        QCOMPARE(cli({"paillier", "decrypt", "--key", out, ct.out}).out, QStringLiteral("-99"));
        QVERIFY(QDir(m_dir.path()).entryList({"*.tmp-*"}, QDir::Files).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliPaillier)
#include "TestCliPaillier.moc"
