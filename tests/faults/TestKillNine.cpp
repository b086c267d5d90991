// SPDX-License-Identifier: GPL-3.0-or-later
// Kill -9 harness (issue 13 item 1, docs/RELIABILITY.md): a scripted mix of CLI actions on one
// clinic (notes, new accounts, category-key and DBK rotation, backups), each run as its own
// `cipherchart-cli` process that the harness kills with SIGKILL at a random moment. An action
// is acknowledged when its process exits 0 before the kill. After every kill point the clinic
// must open, `audit verify` must pass, and every acknowledged action must be present.
// CC_KILL_POINTS (default 16) and CC_KILL_SEED set the run's length and randomness.
#include "tests/support/ProcessRun.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

#include <map>
#include <vector>

namespace {

constexpr const char* kAdminPassword = "kill-admin-password-1";
constexpr const char* kDoctorPassword = "kill-doctor-password-1";
constexpr const char* kNewPassword = "kill-temp-password-1";

enum class Action { Note, User, RotateIdentity, RotateDbk, Backup };
constexpr Action kScript[] = {Action::Note, Action::User,   Action::Note, Action::RotateIdentity,
                              Action::Note, Action::Backup, Action::Note, Action::RotateDbk};

const char* nameOf(Action a)
{
    switch (a) {
    case Action::Note:
        return "note add";
    case Action::User:
        return "user add";
    case Action::RotateIdentity:
        return "keys rotate identity";
    case Action::RotateDbk:
        return "keys rotate dbk";
    case Action::Backup:
        return "backup create";
    }
    return "?";
}

} // namespace

class TestKillNine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killAtRandomPoints();

private:
    QString cli() const { return QStringLiteral(CC_CLI_PATH); }
    QStringList as(const char* user, QStringList words) const
    {
        return words << "--clinic" << m_clinic << "--as" << user << "--password-stdin";
    }
    cc::test::ProcessRun admin(const QStringList& words, const QString& more = {}) const
    {
        return cc::test::runProcess(cli(), as("admin", words), QString(kAdminPassword) + "\n" + more);
    }
    cc::test::ProcessRun doctor(const QStringList& words) const
    {
        return cc::test::runProcess(cli(), as("doc", words), QString(kDoctorPassword) + "\n");
    }
    /// The arguments and standard input of action `a` at point `k`.
    std::pair<QStringList, QString> command(Action a, int k) const;
    /// Checks the clinic after a kill point; an empty string when everything holds.
    QString check() const;

    QTemporaryDir m_tmp;
    QString m_clinic;
    QString m_mrn;
    QStringList m_notes, m_users, m_backups;
};

void TestKillNine::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_clinic = m_tmp.filePath("clinic");
    QDir().mkpath(m_tmp.filePath("backups"));
    auto r =
        cc::test::runProcess(cli(),
                             {"init", "--clinic", m_clinic, "--admin", "admin", "--name", "Kill clinic", "--doctor",
                              "doc", "--report-key-file", CC_TEST_DATA_DIR "/paillier/test-key-2048.json",
                              "--recovery-out", m_tmp.path(), "--recovery-shares", "2", "--demo", "--password-stdin"},
                             QString(kAdminPassword) + "\n" + kDoctorPassword + "\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = doctor({"import", "fhir", CC_TEST_DATA_DIR "/fhir/examples/patient-example.json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = doctor({"--json", "patient", "list"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    m_mrn = cc::test::firstMrn(r.out);
    QVERIFY2(!m_mrn.isEmpty(), qPrintable(r.out));
}

std::pair<QStringList, QString> TestKillNine::command(Action a, int k) const
{
    const QString tag = QStringLiteral("kill-%1").arg(k);
    switch (a) {
    case Action::Note:
        return {
            as("doc", {"note", "add", "--patient", m_mrn, "--title", tag, "--text", "written at kill point " + tag}),
            QString(kDoctorPassword) + "\n"};
    case Action::User:
        return {as("admin", {"user", "add", tag, "--role", "admin"}),
                QString(kAdminPassword) + "\n" + kNewPassword + "\n"};
    case Action::RotateIdentity:
        return {as("admin", {"keys", "rotate", "--key", "identity"}), QString(kAdminPassword) + "\n"};
    case Action::RotateDbk:
        return {as("admin", {"keys", "rotate", "--key", "dbk"}), QString(kAdminPassword) + "\n"};
    case Action::Backup:
        return {as("admin", {"backup", "create", "--out", m_tmp.filePath("backups/" + tag + ".ccbk")}),
                QString(kAdminPassword) + "\n"};
    }
    return {};
}

QString TestKillNine::check() const
{
    auto r = admin({"audit", "verify"});
    if (r.exitCode != 0)
        return "audit verify exit " + QString::number(r.exitCode) + ": " + r.out + r.err;
    r = doctor({"note", "list", "--patient", m_mrn});
    if (r.exitCode != 0)
        return "note list exit " + QString::number(r.exitCode) + ": " + r.err;
    for (const QString& note : m_notes)
        if (!r.out.contains(note))
            return "acknowledged note " + note + " is missing";
    r = admin({"user", "list"});
    if (r.exitCode != 0)
        return "user list exit " + QString::number(r.exitCode) + ": " + r.err;
    for (const QString& user : m_users)
        if (!r.out.contains(user))
            return "acknowledged account " + user + " is missing";
    // Backups are written once and never touched again: the newest one is checked at each point.
    if (!m_backups.isEmpty()) {
        r = cc::test::runProcess(cli(), {"backup", "inspect", m_backups.last()});
        if (r.exitCode != 0)
            return "acknowledged backup " + m_backups.last() + " does not inspect: " + r.err;
    }
    return {};
}

void TestKillNine::killAtRandomPoints()
{
    const int points =
        qEnvironmentVariableIsSet("CC_KILL_POINTS") ? qEnvironmentVariableIntValue("CC_KILL_POINTS") : 16;
    const quint32 seed =
        qEnvironmentVariableIsSet("CC_KILL_SEED") ? quint32(qEnvironmentVariableIntValue("CC_KILL_SEED")) : 20261204u;
    QRandomGenerator random(seed);
    std::map<Action, qint64> typicalMs; // learnt from runs that finished, so kills land inside the work
    int killed = 0, acknowledged = 0;
    for (int k = 0; k < points; ++k) {
        const Action action = kScript[static_cast<std::size_t>(k) % std::size(kScript)];
        const auto [args, input] = command(action, k);
        const qint64 typical = typicalMs.count(action) ? typicalMs[action] : 2000;
        const qint64 delay = random.bounded(qint64{0}, typical * 11 / 10 + 1);
        QProcess p;
        QElapsedTimer timer;
        timer.start();
        p.start(cli(), args);
        QVERIFY(p.waitForStarted(10000));
        p.write(input.toUtf8());
        p.closeWriteChannel();
        const bool finished = p.waitForFinished(static_cast<int>(delay));
        if (!finished) {
            ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
            QVERIFY(p.waitForFinished(30000));
            ++killed;
        }
        const bool ok = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (finished) {
            // Not killed: it must have succeeded (nothing else makes these actions fail here).
            QVERIFY2(ok, qPrintable(QStringLiteral("%1 at point %2 failed: %3")
                                        .arg(nameOf(action))
                                        .arg(k)
                                        .arg(QString::fromUtf8(p.readAllStandardError()))));
            typicalMs[action] = timer.elapsed();
            ++acknowledged;
            const QString tag = QStringLiteral("kill-%1").arg(k);
            if (action == Action::Note)
                m_notes << tag;
            else if (action == Action::User)
                m_users << tag;
            else if (action == Action::Backup)
                m_backups << m_tmp.filePath("backups/" + tag + ".ccbk");
        }
        const QString problem = check();
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("after %1 at point %2 (%3 after %4 ms): %5")
                                                   .arg(nameOf(action))
                                                   .arg(k)
                                                   .arg(finished ? "finished" : "killed")
                                                   .arg(delay)
                                                   .arg(problem)));
        if ((k + 1) % 100 == 0)
            qInfo("KILL9 progress: %d points held (%d killed, %d acknowledged)", k + 1, killed, acknowledged);
    }
    qInfo("KILL9 points=%d killed=%d acknowledged=%d seed=%u: every acknowledged action present, audit verifies",
          points, killed, acknowledged, seed);
}

QTEST_GUILESS_MAIN(TestKillNine)
#include "TestKillNine.moc"
