// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI end to end: version, help, self-test and its failure hook, usage errors and exit codes;
// its text in Spanish under a Spanish locale, in English under the C locale.
#include <QProcess>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// The environment with `variable` set and every other locale variable removed.
QProcessEnvironment localeEnv(const QString& variable, const QString& value)
{
    auto env = QProcessEnvironment::systemEnvironment();
    for (const char* v : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"})
        env.remove(QString::fromLatin1(v));
    env.insert(variable, value);
    return env;
}

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

    void helpFollowsTheLocale_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("spanish");
        QTest::newRow("LANGUAGE=es") << "LANGUAGE"
                                     << "es" << true;
        QTest::newRow("LANG=es_ES.UTF-8") << "LANG"
                                          << "es_ES.UTF-8" << true;
        QTest::newRow("LC_ALL=es_ES.UTF-8") << "LC_ALL"
                                            << "es_ES.UTF-8" << true;
        QTest::newRow("LC_ALL=C") << "LC_ALL"
                                  << "C" << false;
        QTest::newRow("LANG=C.UTF-8") << "LANG"
                                      << "C.UTF-8" << false;
    }

    void helpFollowsTheLocale()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QFETCH(bool, spanish);
        const auto env = localeEnv(variable, value);
        const Run overview = runCli({"--help"}, env);
        QCOMPARE(overview.exitCode, 0);
        QCOMPARE(overview.out.contains("Usage: cipherchart-cli"), !spanish);
        QCOMPARE(overview.out.contains("Uso: cipherchart-cli"), spanish);
        const Run command = runCli({"backup", "create", "--help"}, env);
        QCOMPARE(command.exitCode, 0);
        QCOMPARE(command.out.contains("Back up the whole clinic into one signed, encrypted file"), !spanish);
        QCOMPARE(command.out.contains(QString::fromUtf8("la carpeta de la clínica")), spanish);
        const Run unknown = runCli({"nosuchcommand", "--help"}, env);
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(unknown.err.contains("unknown command"), !spanish);
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
