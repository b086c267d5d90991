// SPDX-License-Identifier: GPL-3.0-or-later
// `storage upgrade` under faults (issue 13, docs/RELIABILITY.md): the rewrite of a clinic database
// from SQLCipher's old 4 KB pages to 32 KB (export beside the file, integrity check, close, rename,
// folder sync, reopen; docs/STORAGE.md "Page size") with a power loss (crash, tear), a kill -9, a
// full disk, read-only media or an I/O error at file events spread over the export and at every
// event around the rename. After each: the clinic opens, `verify` passes, every patient is there,
// a failure named the clinic's path and what to do and left no file behind, and the upgrade then
// runs to its end (or, if the faulty run finished, has nothing left to do).
#include "tests/faults/FaultWorkspace.h"
#include "tests/support/LegacyDatabase.h"
#include "tests/support/ProcessRun.h"
#include "tests/support/TestClinic.h"

#include "core/services/PatientService.h"
#include "db/FileSystem.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <map>
#include <set>

using namespace cc;

namespace {

constexpr int kPatients = 30;
constexpr int kExitStorage = 4;
constexpr int kExitPowerLoss = 86;

struct Tally
{
    int points = 0, failed = 0, finished = 0, interrupted = 0;
};

} // namespace

class TestUpgradeFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void upgrade_data();
    void upgrade();
    void cleanupTestCase();

private:
    QString cli() const { return QStringLiteral(CC_CLI_PATH); }
    QString clinic() const { return m_tmp.filePath("run/clinic"); }
    test::ProcessRun as(const char* user, const char* password, QStringList words,
                        const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) const
    {
        words << "--clinic" << clinic() << "--as" << user << "--password-stdin";
        return test::runProcess(cli(), words, QString(password) + "\n", env, 300000);
    }
    test::ProcessRun admin(const QStringList& words,
                           const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) const
    {
        return as(test::kAdmin, test::kAdminPassword, words, env);
    }
    void reset() const;
    QProcessEnvironment faultEnv(const QString& mode, unsigned long at) const;

    QTemporaryDir m_tmp;
    QSet<QString> m_baseFiles;
    unsigned long m_events = 0; ///< file events of a whole upgrade
    unsigned long m_rename = 0; ///< the event that moves the rewritten copy over clinic.db
    std::map<QString, Tally> m_tally;
};

void TestUpgradeFaults::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(QFile::exists(QStringLiteral(CC_FAULTFS_PATH)));
    // CC_FAULT_KEEP: the folders stay after the run, to replay a failing point by hand.
    if (qEnvironmentVariableIsSet("CC_FAULT_KEEP")) {
        m_tmp.setAutoRemove(false);
        qInfo("UPGRADE-FAULTS folder %s", qPrintable(m_tmp.path()));
    }
    {
        // A clinic with patients, then its database rewritten at 4 KB pages as older versions wrote it.
        auto t = test::TestClinic::create();
        QVERIFY(t.ok());
        QVERIFY((*t)->login(test::kDoctor, test::kDoctorPassword).ok());
        services::PatientService patients((*t)->clinic());
        for (int i = 0; i < kPatients; ++i) {
            model::Patient p;
            p.mrn = QStringLiteral("UPG-%1").arg(100 + i);
            p.givenName = QStringLiteral("Ada");
            p.familyName = QStringLiteral("Lovelace");
            p.birthDate = QStringLiteral("1965-12-10");
            p.sex = model::Sex::Female;
            QVERIFY(patients.create(p).ok());
        }
        (*t)->clinic().logout();
        QVERIFY((*t)->login(test::kAdmin, test::kAdminPassword).ok());
        auto ring = (*t)->clinic().keys();
        QVERIFY(ring.ok());
        const crypto::SecureBytes dbk = (*ring)->find(access::KeyKind::DatabaseKey)->secret.clone();
        (*t)->clinic().logout();
        (*t)->close();
        QVERIFY(test::makeLegacy((*t)->dir() + "/clinic/clinic.db", dbk));
        std::filesystem::copy((*t)->dir() + "/clinic", m_tmp.filePath("base").toStdString(),
                              std::filesystem::copy_options::recursive);
    }
    m_baseFiles = test::filesOf(m_tmp.filePath("base"));

    // One whole upgrade, traced: how many file events, and which one is the rename over clinic.db.
    reset();
    QProcessEnvironment env = faultEnv("count", 0);
    env.insert("CC_FAULT_TRACE", "1");
    auto r = admin({"--json", "storage", "upgrade"}, env);
    QVERIFY2(r.exitCode == 0, qPrintable("the traced upgrade failed: " + r.err));
    const auto answer = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY2(answer.value("rewritten").toBool() && answer.value("pageSizeBefore").toInt() == 4096, qPrintable(r.out));
    for (const QString& line : r.err.split('\n')) {
        const QStringList w = line.split(' ');
        // The copy's name is touched last by the rename (the trace shows a rename's source).
        if (w.size() >= 4 && w[0] == "faultfs:" && w[1] == "event" && line.contains(".tmp-") &&
            line.contains("clinic.db"))
            m_rename = w[2].toULong();
    }
    QFile log(m_tmp.filePath("events.log"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QList<QByteArray> words = log.readAll().trimmed().split(' ');
    QVERIFY(words.size() == 2 && words[0] == "events");
    m_events = words[1].toULong();
    QVERIFY2(m_rename > 0 && m_rename < m_events,
             qPrintable("no rename of the rewritten copy over clinic.db among the events:\n" + r.err.left(4000)));
}

void TestUpgradeFaults::reset() const
{
    test::resetWorkspace(QDir(m_tmp.path()));
    QFile::remove(m_tmp.filePath("events.log"));
}

QProcessEnvironment TestUpgradeFaults::faultEnv(const QString& mode, unsigned long at) const
{
    return test::faultEnvironment(QStringLiteral(CC_FAULTFS_PATH), QDir(m_tmp.path()), mode, at, 29u);
}

void TestUpgradeFaults::upgrade_data()
{
    QTest::addColumn<QString>("mode");
    for (const char* mode : {"crash", "tear", "kill", "enospc", "erofs", "eio"})
        QTest::addRow("%s", mode) << QString(mode);
}

void TestUpgradeFaults::upgrade()
{
    QFETCH(QString, mode);
    // Every event from 6 before the rename to 6 after it (close, rename, folder sync, reopen, the
    // audit event), and CC_FAULT_POINTS (default 6) more at random places in equal slices of the
    // rest; CC_FAULT_POINTS=0: every event of the upgrade.
    const int spread =
        qEnvironmentVariableIsSet("CC_FAULT_POINTS") ? qEnvironmentVariableIntValue("CC_FAULT_POINTS") : 6;
    std::set<unsigned long> points;
    if (spread == 0) {
        for (unsigned long at = 1; at <= m_events; ++at)
            points.insert(at);
    } else {
        for (unsigned long at = m_rename > 6 ? m_rename - 6 : 1; at <= std::min(m_events, m_rename + 6); ++at)
            points.insert(at);
        QRandomGenerator random(20261207u + quint32(qHash(mode)));
        for (int p = 0; p < spread; ++p) {
            const unsigned long from = 1 + m_events * unsigned(p) / unsigned(spread);
            const unsigned long to = std::max(from, m_events * unsigned(p + 1) / unsigned(spread));
            points.insert(from + random.bounded(quint32(to - from + 1)));
        }
    }
    Tally& tally = m_tally[mode];
    const bool powerLoss = mode == "crash" || mode == "tear";
    const bool kill = mode == "kill";
    for (unsigned long at : points) {
        reset();
        auto r = admin({"--json", "storage", "upgrade"}, faultEnv(mode, at));
        const QString where =
            QStringLiteral("%1 at event %2 of %3 (rename at %4)").arg(mode).arg(at).arg(m_events).arg(m_rename);
        ++tally.points;
        const bool finished = r.exitCode == 0;
        if (finished) {
            ++tally.finished;
        } else if (powerLoss || kill) {
            // runProcess gives -2 for a process ended by a signal.
            QVERIFY2(r.exitCode == (kill ? -2 : kExitPowerLoss),
                     qPrintable(where + ": exit " + QString::number(r.exitCode) + " " + r.err));
            ++tally.interrupted;
        } else {
            ++tally.failed;
            QVERIFY2(r.exitCode == kExitStorage, qPrintable(where + ": exit " + QString::number(r.exitCode) +
                                                            " (not the storage code 4): " + r.err));
            QVERIFY2(r.err.contains(clinic()), qPrintable(where + ": the message does not name the clinic: " + r.err));
            QVERIFY2(r.err.contains("What to do: "),
                     qPrintable(where + ": the message does not say what to do: " + r.err));
            QSet<QString> left = test::filesOf(clinic()) - m_baseFiles;
            // Read-only media cannot take a removal either: the copy stays under its temporary
            // name until the clinic next opens on writable storage (checked below).
            if (mode == "erofs")
                left.removeIf(
                    [](const QString& name) { return db::detail::isTemporarySiblingName(name.toStdString()); });
            QVERIFY2(left.isEmpty(),
                     qPrintable(where + ": partial files left: " + QStringList(left.values()).join(", ") +
                                " (the upgrade said: " + r.err + ")"));
        }
        const QString faulty = " (the faulty run said: " + r.err + ")";
        // The clinic opens and verifies whole: pages, key slots, audit chain and anchor, index seal.
        r = admin({"verify"});
        QVERIFY2(r.exitCode == 0,
                 qPrintable(where + ": verify exit " + QString::number(r.exitCode) + ": " + r.out + r.err + faulty));
        r = as(test::kDoctor, test::kDoctorPassword, {"--json", "patient", "list"});
        QVERIFY2(r.exitCode == 0, qPrintable(where + ": patient list: " + r.err + faulty));
        for (int i = 0; i < kPatients; ++i)
            QVERIFY2(r.out.contains(QStringLiteral("UPG-%1").arg(100 + i)),
                     qPrintable(where + ": patient UPG-" + QString::number(100 + i) + " is missing" + faulty));
        // The upgrade then runs to its end, or found it done; and then there is nothing left to do.
        r = admin({"--json", "storage", "upgrade"});
        QVERIFY2(r.exitCode == 0, qPrintable(where + ": the upgrade afterwards failed: " + r.err + faulty));
        const bool rewritten = QJsonDocument::fromJson(r.out.toUtf8()).object().value("rewritten").toBool();
        QVERIFY2(!(finished && rewritten), qPrintable(where + ": a finished upgrade left the old pages" + faulty));
        r = admin({"--json", "storage", "upgrade"});
        const auto last = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY2(r.exitCode == 0 && !last.value("rewritten").toBool() && last.value("pageSize").toInt() == 32768,
                 qPrintable(where + ": after the upgrade: " + r.out + r.err));
        // What a crash left (the copy under a temporary name) is gone once the clinic has opened.
        const QSet<QString> left = test::filesOf(clinic()) - m_baseFiles;
        QVERIFY2(left.isEmpty(),
                 qPrintable(where + ": files left after reopening: " + QStringList(left.values()).join(", ")));
    }
}

void TestUpgradeFaults::cleanupTestCase()
{
    for (const auto& [name, t] : m_tally)
        qInfo("UPGRADE-FAULTS %s points=%d failed-cleanly=%d finished=%d interrupted=%d", qPrintable(name), t.points,
              t.failed, t.finished, t.interrupted);
}

QTEST_GUILESS_MAIN(TestUpgradeFaults)
#include "TestUpgradeFaults.moc"
