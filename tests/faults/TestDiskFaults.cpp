// SPDX-License-Identifier: GPL-3.0-or-later
// Disk full, I/O errors, read-only media and power loss (issue 13 items 2 and 3, docs/RELIABILITY.md).
// Each action of a scripted set (note, account, FHIR and Synthea imports, attachment, identity and
// DBK rotation, backup, restore) runs as a real cipherchart-cli process with the fault library
// (FaultFs.cpp) preloaded. A first run counts the file events the action makes in the clinic's
// folder; then, from the same starting clinic each time, the fault strikes at points spread over
// that count: ENOSPC that stays, EROFS that stays, one EIO, or a power loss that undoes everything
// not yet durable (dropped, or torn at a sector). Afterwards, without the fault library:
//   - a failed action exited with the storage code (4) and a message naming the clinic's path and
//     what to do; a power loss ended the process (86) or it finished first;
//   - the clinic opens, `audit verify` passes, the doctor lists the chart's notes and the
//     administrator the accounts; every earlier action is still there;
//   - after a failure (not a power loss) nothing partial stays: no file was left beside the clinic's own;
//   - the same action then succeeds, so nothing half-done blocks the clinic.
// CC_FAULT_POINTS (default 2) sets the points per action and fault; CC_FAULT_SEED their placement.
// crashWindow: a power loss, or a kill -9 (the library's `kill` mode), at every file event around
// the key-slot file's replacement in rotations and account changes.
#include "tests/faults/FaultWorkspace.h"
#include "tests/support/ProcessRun.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <map>

namespace {

constexpr const char* kAdminPassword = "fault-admin-password-1";
constexpr const char* kDoctorPassword = "fault-doctor-password-1";
constexpr const char* kNewPassword = "fault-temp-password-1";
constexpr int kExitStorage = 4;
constexpr int kExitPowerLoss = 86;

enum class Action {
    Note,
    User,
    ImportFhir,
    ImportSynthea,
    Attachment,
    RotateIdentity,
    RotateDbk,
    Backup,
    Restore,
    RotateClinical,
    ResetPassword
};

struct Tally
{
    int points = 0, failed = 0, finished = 0, crashed = 0;
};

} // namespace

class TestDiskFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void faults_data();
    void faults();
    void crashWindow_data();
    void crashWindow();
    void cleanupTestCase();

private:
    QString cli() const { return QStringLiteral(CC_CLI_PATH); }
    QString clinic() const { return m_tmp.filePath("run/clinic"); }
    QStringList as(const char* user, QStringList words) const
    {
        return words << "--clinic" << clinic() << "--as" << user << "--password-stdin";
    }
    cc::test::ProcessRun run(const QStringList& args, const QString& input, const QProcessEnvironment& env) const
    {
        return cc::test::runProcess(cli(), args, input, env, 300000);
    }
    cc::test::ProcessRun admin(const QStringList& words) const
    {
        return run(as("admin", words), QString(kAdminPassword) + "\n", QProcessEnvironment::systemEnvironment());
    }
    cc::test::ProcessRun doctor(const QStringList& words) const
    {
        return run(as("doc", words), QString(kDoctorPassword) + "\n", QProcessEnvironment::systemEnvironment());
    }
    std::pair<QStringList, QString> command(Action a, const QString& tag) const;
    /// Puts the starting clinic back in run/ (same path each time).
    void reset() const;
    QSet<QString> filesOf(const QString& dir) const;
    QProcessEnvironment faultEnv(const QString& mode, unsigned long at) const;
    /// Checks the clinic after a fault; an empty string when everything holds.
    QString check(Action a, const QString& tag, bool acknowledged) const;

    QTemporaryDir m_tmp;
    QString m_mrn;
    QSet<QString> m_baseFiles;
    std::map<QString, Tally> m_tally;
};

void TestDiskFaults::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(QFile::exists(QStringLiteral(CC_FAULTFS_PATH)));
    QDir().mkpath(m_tmp.filePath("run"));
    QDir().mkpath(m_tmp.filePath("saved"));
    QDir().mkpath(m_tmp.filePath("recovery"));
    // An attachment of two and a half chunks: the media type is sniffed from "%PDF-".
    QFile scan(m_tmp.filePath("scan.pdf"));
    QVERIFY(scan.open(QIODevice::WriteOnly));
    QByteArray content("%PDF-1.4\n");
    while (content.size() < 5 * 512 * 1024)
        content.append(QByteArray::number(QRandomGenerator::global()->generate64(), 36));
    scan.write(content);
    scan.close();
    auto r = run({"init", "--clinic", clinic(), "--admin", "admin", "--name", "Fault clinic", "--doctor", "doc",
                  "--report-key-file", CC_TEST_DATA_DIR "/paillier/test-key-2048.json", "--report-key-bits", "2048",
                  "--recovery-out", m_tmp.filePath("recovery"), "--recovery-shares", "2", "--demo", "--password-stdin"},
                 QString(kAdminPassword) + "\n" + kDoctorPassword + "\n", QProcessEnvironment::systemEnvironment());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = doctor({"import", "fhir", CC_TEST_DATA_DIR "/fhir/examples/patient-example.json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = doctor({"--json", "patient", "list"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    m_mrn = cc::test::firstMrn(r.out);
    QVERIFY2(!m_mrn.isEmpty(), qPrintable(r.out));
    // A second administrator, whose password the reset-password crash window replaces.
    r = run(as("admin", {"user", "add", "admin2", "--role", "admin"}),
            QString(kAdminPassword) + "\n" + kNewPassword + "\n", QProcessEnvironment::systemEnvironment());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = doctor({"note", "add", "--patient", m_mrn, "--title", "before-backup", "--text", "kept by the backup"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = admin({"backup", "create", "--out", m_tmp.filePath("base.ccbk")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = doctor({"note", "add", "--patient", m_mrn, "--title", "after-backup", "--text", "not in the backup"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // The starting clinic, closed: every point begins from a copy of it at the same path.
    std::filesystem::copy(clinic().toStdString(), m_tmp.filePath("base").toStdString(),
                          std::filesystem::copy_options::recursive);
    m_baseFiles = filesOf(m_tmp.filePath("base"));
}

std::pair<QStringList, QString> TestDiskFaults::command(Action a, const QString& tag) const
{
    const QString doctorIn = QString(kDoctorPassword) + "\n";
    const QString adminIn = QString(kAdminPassword) + "\n";
    switch (a) {
    case Action::Note:
        return {as("doc", {"note", "add", "--patient", m_mrn, "--title", tag, "--text", "written at " + tag}),
                doctorIn};
    case Action::User:
        return {as("admin", {"user", "add", tag, "--role", "admin"}), adminIn + kNewPassword + "\n"};
    case Action::ImportFhir:
        return {as("doc", {"import", "fhir", CC_TEST_DATA_DIR "/fhir/examples/bundle-transaction.json"}), doctorIn};
    case Action::ImportSynthea:
        return {as("doc", {"import", "synthea", CC_TEST_DATA_DIR "/synthea"}), doctorIn};
    case Action::Attachment:
        return {as("doc", {"attachment", "add", "--patient", m_mrn, "--description", tag, m_tmp.filePath("scan.pdf")}),
                doctorIn};
    case Action::RotateIdentity:
        return {as("admin", {"keys", "rotate", "--key", "identity"}), adminIn};
    case Action::RotateDbk:
        return {as("admin", {"keys", "rotate", "--key", "dbk"}), adminIn};
    case Action::RotateClinical:
        return {as("admin", {"keys", "rotate", "--key", "clinical", "--sponsor", "doc"}), adminIn + doctorIn};
    case Action::Backup:
        return {as("admin", {"backup", "create", "--out", m_tmp.filePath("run/" + tag + ".ccbk")}), adminIn};
    case Action::Restore:
        return {as("admin", {"backup", "restore", m_tmp.filePath("base.ccbk")}), adminIn};
    case Action::ResetPassword:
        return {as("admin", {"user", "reset-password", "admin2"}), adminIn + kNewPassword + "\n"};
    }
    return {};
}

void TestDiskFaults::reset() const
{
    cc::test::resetWorkspace(QDir(m_tmp.path()));
}

QSet<QString> TestDiskFaults::filesOf(const QString& dir) const
{
    return cc::test::filesOf(dir);
}

QProcessEnvironment TestDiskFaults::faultEnv(const QString& mode, unsigned long at) const
{
    return cc::test::faultEnvironment(QStringLiteral(CC_FAULTFS_PATH), QDir(m_tmp.path()), mode, at, 17u);
}

QString TestDiskFaults::check(Action a, const QString& tag, bool acknowledged) const
{
    auto r = admin({"audit", "verify"});
    if (r.exitCode != 0)
        return "audit verify exit " + QString::number(r.exitCode) + ": " + r.out + r.err;
    r = doctor({"note", "list", "--patient", m_mrn});
    if (r.exitCode != 0)
        return "note list exit " + QString::number(r.exitCode) + ": " + r.err;
    if (!r.out.contains("before-backup"))
        return "the note written before every action is missing";
    if (a != Action::Restore && !r.out.contains("after-backup"))
        return "the note written after the backup is missing (and no restore ran)";
    if (a == Action::Note && acknowledged && !r.out.contains(tag))
        return "acknowledged note " + tag + " is missing";
    // The patients' keys open under whatever identity and clinical keys the accounts now hold.
    r = doctor({"patient", "list"});
    if (r.exitCode != 0 || !r.out.contains(m_mrn))
        return "patient list exit " + QString::number(r.exitCode) + ": " + r.err;
    r = admin({"user", "list"});
    if (r.exitCode != 0)
        return "user list exit " + QString::number(r.exitCode) + ": " + r.err;
    if (!r.out.contains("doc"))
        return "the doctor's account is missing";
    if (a == Action::User && acknowledged && !r.out.contains(tag))
        return "acknowledged account " + tag + " is missing";
    if (a == Action::Attachment && acknowledged) {
        r = doctor({"attachment", "list", "--patient", m_mrn});
        if (r.exitCode != 0 || !r.out.contains(tag))
            return "acknowledged attachment " + tag + " is missing: " + r.out + r.err;
    }
    const QString backup = m_tmp.filePath("run/" + tag + ".ccbk");
    if (a == Action::Backup && (acknowledged || QFile::exists(backup))) {
        // Written under its final name only when complete: present means whole.
        r = cc::test::runProcess(cli(), {"backup", "inspect", backup});
        if (r.exitCode != 0)
            return "backup " + backup + " exists but does not inspect: " + r.err;
    }
    return {};
}

void TestDiskFaults::faults_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("mode");
    const std::pair<Action, const char*> actions[] = {{Action::Note, "note"},
                                                      {Action::User, "user"},
                                                      {Action::ImportFhir, "fhir"},
                                                      {Action::ImportSynthea, "synthea"},
                                                      {Action::Attachment, "attach"},
                                                      {Action::RotateIdentity, "rotate-identity"},
                                                      {Action::RotateDbk, "rotate-dbk"},
                                                      {Action::Backup, "backup"},
                                                      {Action::Restore, "restore"}};
    for (const auto& [action, name] : actions)
        for (const char* mode : {"enospc", "erofs", "eio", "crash", "tear"})
            QTest::addRow("%s-%s", name, mode) << static_cast<int>(action) << QString(mode);
}

void TestDiskFaults::faults()
{
    QFETCH(int, action);
    QFETCH(QString, mode);
    const auto a = static_cast<Action>(action);
    const int pointsWanted =
        qEnvironmentVariableIsSet("CC_FAULT_POINTS") ? qEnvironmentVariableIntValue("CC_FAULT_POINTS") : 2;
    const quint32 seed =
        qEnvironmentVariableIsSet("CC_FAULT_SEED") ? quint32(qEnvironmentVariableIntValue("CC_FAULT_SEED")) : 20261205u;
    QRandomGenerator random(seed + quint32(action) * 31u + quint32(qHash(mode)));

    // Count the action's file events.
    reset();
    QFile::remove(m_tmp.filePath("events.log"));
    auto [args, input] = command(a, "counted");
    auto r = run(args, input, faultEnv("count", 0));
    QVERIFY2(r.exitCode == 0, qPrintable("counting run failed: " + r.err));
    QFile log(m_tmp.filePath("events.log"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QList<QByteArray> words = log.readAll().trimmed().split(' ');
    QVERIFY(words.size() == 2 && words[0] == "events");
    const unsigned long events = words[1].toULong();
    QVERIFY2(events > 0, "the fault library saw no file event: is it preloaded?");

    Tally& tally = m_tally[QTest::currentDataTag()];
    for (int p = 0; p < pointsWanted; ++p) {
        // One point in each of `pointsWanted` equal slices of the events, at a random place in it.
        const unsigned long from = 1 + events * unsigned(p) / unsigned(pointsWanted);
        const unsigned long to = std::max(from, events * unsigned(p + 1) / unsigned(pointsWanted));
        const unsigned long at = from + random.bounded(quint32(to - from + 1));
        const QString tag = QStringLiteral("f%1").arg(at);
        reset();
        std::tie(args, input) = command(a, tag);
        r = run(args, input, faultEnv(mode, at));
        const QString where = QStringLiteral("%1 at event %2 of %3").arg(QTest::currentDataTag()).arg(at).arg(events);
        ++tally.points;
        const bool powerLoss = mode == "crash" || mode == "tear";
        if (r.exitCode == 0) {
            ++tally.finished;
        } else if (powerLoss) {
            QVERIFY2(r.exitCode == kExitPowerLoss,
                     qPrintable(where + ": exit " + QString::number(r.exitCode) + " " + r.err));
            ++tally.crashed;
        } else {
            ++tally.failed;
            QVERIFY2(r.exitCode == kExitStorage, qPrintable(where + ": exit " + QString::number(r.exitCode) +
                                                            " (not the storage code 4): " + r.err));
            QVERIFY2(r.err.contains(m_tmp.filePath("run")),
                     qPrintable(where + ": the message does not name the clinic's path: " + r.err));
            QVERIFY2(r.err.contains("What to do: "),
                     qPrintable(where + ": the message does not say what happened and what to do: " + r.err));
        }
        const QString problem = check(a, tag, r.exitCode == 0);
        QVERIFY2(problem.isEmpty(), qPrintable(where + ": " + problem + "\n(action's error: " + r.err + ")"));
        if (!powerLoss && r.exitCode != 0) {
            QSet<QString> left = filesOf(clinic()) - m_baseFiles;
            // A restore that swapped the files in keeps the previous clinic beside it, and says so.
            if (a == Action::Restore &&
                (r.err.contains("the backup was restored") || r.err.contains("opening the clinic again finishes it")))
                left.removeIf([](const QString& name) { return name.startsWith("pre-restore-"); });
            QVERIFY2(left.isEmpty(),
                     qPrintable(where + ": partial files left: " + QStringList(left.values()).join(", ") +
                                " (the action said: " + r.err + ")"));
        }
        // A finished import cannot run twice (its MRNs are taken), nor a finished restore of the same
        // backup (refused by design); anything else runs again.
        if (r.exitCode == 0 && (a == Action::ImportFhir || a == Action::ImportSynthea || a == Action::Restore))
            continue;
        if (a == Action::Restore &&
            (r.err.contains("the backup was restored") || r.err.contains("opening the clinic again finishes it")))
            continue;
        const QString firstError = r.err;
        std::tie(args, input) = command(a, tag + "r");
        r = run(args, input, QProcessEnvironment::systemEnvironment());
        // A power loss may strike after an import's commit (while the anchor or a portal is
        // written): the import is then whole, and running it again finds its MRNs taken.
        const bool imported = a == Action::ImportFhir || a == Action::ImportSynthea;
        if (powerLoss && imported && r.exitCode != 0 && r.err.contains("already in use"))
            continue;
        // Likewise a restore whose journal was durable: the next opening finished the swap.
        if (powerLoss && a == Action::Restore && r.exitCode != 0 && r.err.contains("was restored here before"))
            continue;
        QVERIFY2(r.exitCode == 0, qPrintable(where + ": the same action afterwards failed: " + r.err +
                                             "(the faulty run said: " + firstError + ")"));
    }
}

void TestDiskFaults::crashWindow_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("mode");
    QTest::addRow("rotate-identity") << static_cast<int>(Action::RotateIdentity) << QStringLiteral("crash");
    QTest::addRow("rotate-clinical") << static_cast<int>(Action::RotateClinical) << QStringLiteral("crash");
    QTest::addRow("user") << static_cast<int>(Action::User) << QStringLiteral("crash");
    QTest::addRow("reset-password") << static_cast<int>(Action::ResetPassword) << QStringLiteral("crash");
    // kill -9 aimed at the same windows (issue 13: the random kills never landed in one), and the
    // DBK rotation, whose window lies between the key-slot file (with the new DBK) and the rekey.
    QTest::addRow("rotate-dbk") << static_cast<int>(Action::RotateDbk) << QStringLiteral("crash");
    QTest::addRow("rotate-dbk-kill") << static_cast<int>(Action::RotateDbk) << QStringLiteral("kill");
    QTest::addRow("rotate-identity-kill") << static_cast<int>(Action::RotateIdentity) << QStringLiteral("kill");
}

// Power loss at every file event around the key-slot file's replacement, where two stores (the
// key-slot file and the database) must end up agreeing: an identity or clinical rotation (the file
// takes the new key for every account, the database the patients' keys re-wrapped under it) and
// an account (the file takes the slot, the database its pinned box public key), and a password
// reset (the same, over an existing slot: until the new slot is on disk the old one's pin must
// still pass). Regression test for the defects the long runs found (docs/RELIABILITY.md):
// afterwards both accounts log in and read the chart, and an identity rotation, which checks every
// pin, still succeeds.
void TestDiskFaults::crashWindow()
{
    QFETCH(int, action);
    QFETCH(QString, mode);
    const bool kill = mode == "kill";
    const auto a = static_cast<Action>(action);
    reset();
    auto [args, input] = command(a, "traced");
    QProcessEnvironment env = faultEnv("count", 0);
    env.insert("CC_FAULT_TRACE", "1");
    auto r = run(args, input, env);
    QVERIFY2(r.exitCode == 0, qPrintable("tracing run failed: " + r.err));
    unsigned long first = 0, last = 0;
    for (const QString& line : r.err.split('\n')) {
        const QStringList w = line.split(' ');
        if (w.size() >= 5 && w[0] == "faultfs:" && w[1] == "event" && line.contains(QLatin1String("keyslots.ccks"))) {
            const unsigned long n = w[2].toULong();
            first = first == 0 ? n : first;
            last = n;
        }
    }
    QVERIFY2(first > 0, qPrintable("no event touched keyslots.ccks:\n" + r.err.left(4000)));
    // The first login saves the file too (counters); the window starts at the last save's writes.
    const unsigned long from = last > 12 ? last - 12 : 1;
    const unsigned long to = last + 12;
    int crashed = 0;
    int finishedAtLogin = 0;
    for (unsigned long at = from; at <= to; ++at) {
        const QString tag = QStringLiteral("w%1").arg(at);
        reset();
        std::tie(args, input) = command(a, tag);
        r = run(args, input, faultEnv(mode, at));
        const QString where = QStringLiteral("%1, %2 at event %3 (key-slot file events %4..%5)")
                                  .arg(QTest::currentDataTag())
                                  .arg(kill ? "kill -9" : "power loss")
                                  .arg(at)
                                  .arg(first)
                                  .arg(last);
        // runProcess gives -2 for a process ended by a signal.
        const int interrupted = kill ? -2 : kExitPowerLoss;
        QVERIFY2(r.exitCode == 0 || r.exitCode == interrupted,
                 qPrintable(where + ": exit " + QString::number(r.exitCode) + " " + r.err));
        crashed += r.exitCode == interrupted ? 1 : 0;
        const QString problem = check(a, tag, r.exitCode == 0);
        QVERIFY2(problem.isEmpty(), qPrintable(where + ": " + problem + "\n(action's error: " + r.err + ")"));
        // The login after the cut says when it finished an interrupted rotation (docs/KEYS.md 8).
        r = admin({"audit", "list"});
        QVERIFY2(r.exitCode == 0, qPrintable(where + ": audit list: " + r.err));
        finishedAtLogin += r.out.contains("finished an interrupted") ? 1 : 0;
        r = admin({"keys", "rotate", "--key", "identity"});
        QVERIFY2(r.exitCode == 0, qPrintable(where + ": an identity rotation afterwards failed: " + r.err));
        r = doctor({"patient", "list"});
        QVERIFY2(r.exitCode == 0 && r.out.contains(m_mrn),
                 qPrintable(where + ": the chart does not open after the next rotation: " + r.err));
    }
    qInfo("CRASHWINDOW %s points=%lu %s=%d finished-at-login=%d", QTest::currentDataTag(), to - from + 1,
          kill ? "killed" : "power-lost", crashed, finishedAtLogin);
    // The window holds the moment the defect lived in: at least one cut of a rotation must have
    // landed between the key-slot file and the commit, or this test proves nothing.
    if (a == Action::RotateIdentity || a == Action::RotateClinical || a == Action::RotateDbk)
        QVERIFY2(finishedAtLogin > 0, "no cut landed between the key-slot file and the re-wrap's commit or rekey");
}

void TestDiskFaults::cleanupTestCase()
{
    for (const auto& [name, t] : m_tally)
        qInfo("FAULTS %s points=%d failed-cleanly=%d finished=%d power-lost=%d", qPrintable(name), t.points, t.failed,
              t.finished, t.crashed);
}

QTEST_GUILESS_MAIN(TestDiskFaults)
#include "TestDiskFaults.moc"
