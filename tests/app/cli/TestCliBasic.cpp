// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI end to end: version, help, self-test and its failure hook, usage errors and exit codes.
#include <QProcess>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CC_CLI_PATH), args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestCliBasic : public QObject
{
    Q_OBJECT

private slots:
    void version()
    {
        const Run r = runCli({"--version"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("cipherchart-cli "));
    }

    void helpListsCommands()
    {
        const Run r = runCli({"--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("selftest"));
        QVERIFY(r.out.contains("Exit codes"));
    }

    void selfTestPasses()
    {
        const Run r = runCli({"selftest"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains("FAIL"), qPrintable(r.out));
        QVERIFY(r.out.contains("PASS sqlcipher"));
        QVERIFY(r.out.contains("self-test passed"));
    }

    void selfTestJson()
    {
        const Run r = runCli({"--json", "selftest"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("\"passed\": true"));
    }

    void brokenCheckFails_data()
    {
        QTest::addColumn<QString>("check");
        QTest::newRow("sqlcipher") << "sqlcipher";
        QTest::newRow("gmp-wiping-allocator") << "gmp-wiping-allocator";
    }

    void brokenCheckFails()
    {
        QFETCH(QString, check);
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("CIPHERCHART_SELFTEST_BREAK", check);
        const Run r = runCli({"selftest"}, env);
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.out.contains("FAIL " + check));
        QVERIFY(r.out.contains("self-test FAILED"));
    }

    void brokenCheckStopsOtherCommands()
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("CIPHERCHART_SELFTEST_BREAK", "sqlcipher");
        const Run r = runCli({"selftest", "--help"}, env);
        QCOMPARE(r.exitCode, 0); // help never touches secrets
        const Run unknown = runCli({"nosuchcommand"}, env);
        QCOMPARE(unknown.exitCode, 3);
        QVERIFY(unknown.err.contains("self-test failed"));
    }

    void usageErrors()
    {
        const Run unknown = runCli({"nosuchcommand"});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains("unknown command"));
        const Run badOption = runCli({"selftest", "--bogus"});
        QCOMPARE(badOption.exitCode, 1);
        QVERIFY(badOption.err.contains("--bogus"));
        const Run extra = runCli({"selftest", "extra-argument"});
        QCOMPARE(extra.exitCode, 1);
        const Run none = runCli({});
        QCOMPARE(none.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestCliBasic)
#include "TestCliBasic.moc"
