// SPDX-License-Identifier: GPL-3.0-or-later
// Kill -9 harness (issue 13 item 1, docs/RELIABILITY.md): a scripted mix of CLI actions on one
// clinic (notes, new accounts, category-key and DBK rotation, backups, restores), each run as its
// own `cipherchart-cli` process that the harness kills with SIGKILL at a random moment. An action
// is acknowledged when its process exits 0 before the kill. After every kill point the clinic
// must open, `audit verify` must pass, and every acknowledged action must be present: after a
// restore, those of the backup's time. A killed restore is finished or abandoned by the next
// opening, which must say which; the harness then expects the backup's state or the previous one.
// A killed key rotation is finished by the next login when the key-slot file already held the new
// key, and that login's event says so; the same rotation must then run again without a kill.
// CC_KILL_POINTS (default 16) and CC_KILL_SEED set the run's length and randomness.
#include "tests/support/ProcessRun.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

#include <algorithm>
#include <map>
#include <vector>

namespace {

constexpr const char* kAdminPassword = "kill-admin-password-1";
constexpr const char* kDoctorPassword = "kill-doctor-password-1";
constexpr const char* kNewPassword = "kill-temp-password-1";

enum class Action { Note, User, RotateIdentity, RotateDbk, Backup, Restore };
constexpr Action kScript[] = {Action::Note,   Action::User, Action::Note,      Action::RotateIdentity, Action::Note,
                              Action::Backup, Action::Note, Action::RotateDbk, Action::Restore};

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
    case Action::Restore:
        return "backup restore";
    }
    return "?";
}

/// What the clinic must hold: the acknowledged notes and accounts.
struct Expected
{
    QStringList notes, users;
};

/// An acknowledged backup and what the clinic held when it was made.
struct BackupMade
{
    QString path;
    Expected state;
    bool restoreTried = false; // a backup is restored into a clinic once (its pre-restore folder)
};

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
    /// The arguments and standard input of action `a` at point `k` (`backup`: the file a restore
    /// restores).
    std::pair<QStringList, QString> command(Action a, int k, const QString& backup = {}) const;
    /// Checks the clinic after a kill point; an empty string when everything holds.
    QString check() const;
    /// The newest acknowledged backup not yet restored, or nullptr.
    BackupMade* restorable();
    /// The pre-restore folders of the clinic that hold a database (one per finished swap).
    int swapsDone() const;
    /// After a killed restore: reads what the next opening said and sets the expected state. An
    /// empty string when it is consistent.
    QString settleKilledRestore(BackupMade& backup, int swapsBefore);
    /// How many login events of the trail say they finished an interrupted rotation, or -1.
    int rotationsFinishedAtLogin() const;
    /// After a killed rotation: the next login finishes it if the key-slot file already held the
    /// new key, and says so in its event (at most one more such event than `saidBefore`); then a
    /// rotation of the same key, not killed, must succeed, since it checks every pin and key slot
    /// that a half-done rotation would have left disagreeing. An empty string when it holds.
    QString settleKilledRotation(Action a, int k, int saidBefore);

    QTemporaryDir m_tmp;
    QString m_clinic;
    QString m_mrn;
    Expected m_now;
    std::vector<BackupMade> m_backups;
    int m_restoresAcknowledged = 0, m_restoresFinished = 0, m_restoresAbandoned = 0, m_restoresKilledSilent = 0;
    int m_rotationsKilled = 0, m_rotationsFinishedAtLogin = 0;
    int m_lateRotationKills = 0; // rotations aimed at the end of their run (some finish first)
    qint64 m_loginMs = 0;
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
    // What a command costs before it does anything (process start, opening, the Argon2id login):
    // kills are spread from most of this on, so they land in the work rather than in the login.
    QElapsedTimer timer;
    timer.start();
    r = admin({"user", "list"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    m_loginMs = timer.elapsed();
}

std::pair<QStringList, QString> TestKillNine::command(Action a, int k, const QString& backup) const
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
    case Action::Restore:
        // The DBK may have been rotated since: the backup's own admin account opens it.
        return {as("admin", {"backup", "restore", backup, "--backup-as", "admin"}),
                QString(kAdminPassword) + "\n" + kAdminPassword + "\n"};
    }
    return {};
}

BackupMade* TestKillNine::restorable()
{
    for (auto it = m_backups.rbegin(); it != m_backups.rend(); ++it)
        if (!it->restoreTried)
            return &*it;
    return nullptr;
}

int TestKillNine::swapsDone() const
{
    int n = 0;
    QDirIterator it(m_clinic, {"pre-restore-*"}, QDir::Dirs);
    while (it.hasNext())
        n += QFileInfo::exists(it.next() + "/clinic.db") ? 1 : 0;
    return n;
}

QString TestKillNine::settleKilledRestore(BackupMade& backup, int swapsBefore)
{
    // The next command's opening settles the restore and says which on standard error.
    auto r = admin({"audit", "verify"});
    const bool finished = r.err.contains("has been finished");
    const bool abandoned = r.err.contains("has been abandoned");
    const bool swapped = swapsDone() > swapsBefore;
    if (finished && abandoned)
        return "the opening said both finished and abandoned: " + r.err;
    if (finished || abandoned) {
        if (finished != swapped)
            return QString("the opening said %1, but the swap was %2done: %3")
                .arg(finished ? "finished" : "abandoned", swapped ? "" : "not ")
                .arg(r.err);
        ++(finished ? m_restoresFinished : m_restoresAbandoned);
    } else {
        // Killed before anything was staged, or after the restore's last step: the pre-restore
        // folder tells which, and nothing was left to say.
        ++m_restoresKilledSilent;
    }
    if (swapped)
        m_now = backup.state;
    return {};
}

int TestKillNine::rotationsFinishedAtLogin() const
{
    const auto r = admin({"audit", "list"});
    return r.exitCode == 0 ? static_cast<int>(r.out.count(QLatin1String("finished an interrupted"))) : -1;
}

QString TestKillNine::settleKilledRotation(Action a, int k, int saidBefore)
{
    ++m_rotationsKilled;
    const int said = rotationsFinishedAtLogin(); // this login is the first since the kill
    if (said < 0)
        return "audit list failed after the killed rotation";
    if (said > saidBefore + 1)
        return QStringLiteral("%1 logins said they finished an interrupted rotation, for one kill")
            .arg(said - saidBefore);
    m_rotationsFinishedAtLogin += said - saidBefore;
    const auto [args, input] = command(a, k);
    const auto again = cc::test::runProcess(cli(), args, input);
    if (again.exitCode != 0)
        return "the same rotation, run again after the kill, failed: " + again.err;
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
    for (const QString& note : m_now.notes)
        if (!r.out.contains(note))
            return "acknowledged note " + note + " is missing";
    r = admin({"user", "list"});
    if (r.exitCode != 0)
        return "user list exit " + QString::number(r.exitCode) + ": " + r.err;
    for (const QString& user : m_now.users)
        if (!r.out.contains(user))
            return "acknowledged account " + user + " is missing";
    // Backups are written once and never touched again: the newest one is checked at each point.
    if (!m_backups.empty()) {
        r = cc::test::runProcess(cli(), {"backup", "inspect", m_backups.back().path});
        if (r.exitCode != 0)
            return "acknowledged backup " + m_backups.back().path + " does not inspect: " + r.err;
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
        Action action = kScript[static_cast<std::size_t>(k) % std::size(kScript)];
        if (action == Action::Restore && restorable() == nullptr) {
            // Nothing acknowledged to restore (most backups are killed): make one first, unkilled,
            // so that every restore point kills a restore.
            const QString path = m_tmp.filePath(QStringLiteral("backups/kill-%1-before-restore.ccbk").arg(k));
            auto made = admin({"backup", "create", "--out", path});
            QVERIFY2(made.exitCode == 0, qPrintable(made.err));
            m_backups.push_back({path, m_now});
        }
        BackupMade* restoring = action == Action::Restore ? restorable() : nullptr;
        const auto [args, input] = command(action, k, restoring != nullptr ? restoring->path : QString());
        if (restoring != nullptr)
            restoring->restoreTried = true;
        const int swapsBefore = swapsDone();
        const bool rotating = action == Action::RotateIdentity || action == Action::RotateDbk;
        const int saidBefore = rotating ? rotationsFinishedAtLogin() : 0;
        QVERIFY2(saidBefore >= 0, "audit list failed before a rotation");
        const qint64 typical = typicalMs.count(action) ? typicalMs[action] : 2000;
        const qint64 from = std::min(m_loginMs * 8 / 10, typical / 2);
        // Every other rotation is killed in the last eighth of its typical time: it replaces the
        // key-slot file and commits the database 4-10 ms before it ends (at 92-96 % of a 220-320 ms
        // run, measured with strace), a window that kills spread over the whole run hardly ever hit
        // (none of 31 in the long run of 2026-12-07 morning).
        const bool late = rotating && (k / static_cast<int>(std::size(kScript))) % 2 == 1;
        const qint64 delay =
            late ? random.bounded(typical * 7 / 8, typical + 1) : random.bounded(from, typical * 11 / 10 + 1);
        m_lateRotationKills += late ? 1 : 0;
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
                m_now.notes << tag;
            else if (action == Action::User)
                m_now.users << tag;
            else if (action == Action::Backup)
                m_backups.push_back({m_tmp.filePath("backups/" + tag + ".ccbk"), m_now});
            else if (action == Action::Restore) {
                m_now = restoring->state;
                ++m_restoresAcknowledged;
            }
        } else if (restoring != nullptr) {
            const QString said = settleKilledRestore(*restoring, swapsBefore);
            QVERIFY2(said.isEmpty(), qPrintable(QStringLiteral("restore killed at point %1: %2").arg(k).arg(said)));
        } else if (rotating) {
            const QString said = settleKilledRotation(action, k, saidBefore);
            QVERIFY2(said.isEmpty(), qPrintable(QStringLiteral("%1 killed at point %2 after %3 ms: %4")
                                                    .arg(nameOf(action))
                                                    .arg(k)
                                                    .arg(delay)
                                                    .arg(said)));
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
    qInfo("KILL9 restores: %d acknowledged; killed: %d finished and said at the next opening, %d abandoned and said, "
          "%d with nothing to say (before staging, or after the last step)",
          m_restoresAcknowledged, m_restoresFinished, m_restoresAbandoned, m_restoresKilledSilent);
    qInfo("KILL9 rotations killed: %d (%d points aimed at the last eighth of the run); the next login finished %d "
          "of them and said so; every one ran again",
          m_rotationsKilled, m_lateRotationKills, m_rotationsFinishedAtLogin);
}

QTEST_GUILESS_MAIN(TestKillNine)
#include "TestKillNine.moc"
