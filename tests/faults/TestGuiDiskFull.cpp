// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI on a failing disk (issue 13 item 3, docs/RELIABILITY.md): a doctor adds a note through
// the chart's Notes tab (GuiNoteChild.cpp, the real widgets in their own process) while the
// fault-injecting file system (FaultFs.cpp) makes the clinic's disk full, read-only, or fail one
// I/O, at points spread over every file event of the login, the chart and the note. At each
// point: the GUI process ends normally (no crash, no hang); what it shows is the storage text of
// ui::ErrorText, naming a file of the clinic and saying what to do; and afterwards, without
// faults, the clinic opens, `audit verify` passes and the note is listed exactly when the GUI
// listed it, or when the GUI said that a failed COMMIT may have stored it all the same.
// CC_GUI_FAULT_POINTS (default 8 per mode) sets the number of points.
#include "tests/support/ProcessRun.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>

namespace {

constexpr const char* kAdminPassword = "gui-fault-admin-password-1";
constexpr const char* kDoctorPassword = "gui-fault-doctor-password-1";

/// What the user must read for each mode (ui/common/ErrorText.cpp).
const std::map<QString, QString> kShown{
    {"enospc", "The disk is full"}, {"erofs", "The storage is read-only"}, {"eio", "could not be read or written"}};

} // namespace

class TestGuiDiskFull : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noteOnAFailingDisk_data();
    void noteOnAFailingDisk();
    void cleanupTestCase();

private:
    cc::test::ProcessRun cli(const char* user, const char* password, QStringList words) const
    {
        words << "--clinic" << m_clinic << "--as" << user << "--password-stdin";
        return cc::test::runProcess(QStringLiteral(CC_CLI_PATH), words, QString(password) + "\n");
    }
    cc::test::ProcessRun child(const QString& title, const QString& mode, unsigned long at) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("LD_PRELOAD", QStringLiteral(CC_FAULTFS_PATH));
        env.insert("CC_FAULT_DIR", m_clinic);
        env.insert("QT_QPA_PLATFORM", "offscreen"); // a widget process with no display
        env.insert("CC_FAULT_MODE", mode);
        env.insert("CC_FAULT_AT", QString::number(at));
        env.insert("CC_FAULT_LOG", m_tmp.filePath("events.log"));
        return cc::test::runProcess(QStringLiteral(CC_GUI_CHILD_PATH), {m_clinic, "doc", m_mrn, title},
                                    QString(kDoctorPassword) + "\n", env, 120000);
    }

    QTemporaryDir m_tmp;
    QString m_clinic;
    QString m_mrn;
    unsigned long m_events = 0;
    std::map<QString, std::map<QString, int>> m_tally; // mode → outcome → points
};

void TestGuiDiskFull::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_clinic = m_tmp.filePath("clinic");
    auto r =
        cc::test::runProcess(QStringLiteral(CC_CLI_PATH),
                             {"init", "--clinic", m_clinic, "--admin", "admin", "--name", "Disk fault clinic",
                              "--doctor", "doc", "--report-key-file", CC_TEST_DATA_DIR "/paillier/test-key-2048.json",
                              "--recovery-out", m_tmp.path(), "--recovery-shares", "2", "--demo", "--password-stdin"},
                             QString(kAdminPassword) + "\n" + kDoctorPassword + "\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = cli("doc", kDoctorPassword, {"import", "fhir", CC_TEST_DATA_DIR "/fhir/examples/patient-example.json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = cli("doc", kDoctorPassword, {"--json", "patient", "list"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    m_mrn = cc::test::firstMrn(r.out);
    QVERIFY(!m_mrn.isEmpty());
    // A run without faults: it saves, and tells how many file events there are to fail.
    r = child("counted", "count", 0);
    QVERIFY2(r.exitCode == 0 && r.out.trimmed() == "SAVED", qPrintable(r.out + r.err));
    QFile log(m_tmp.filePath("events.log"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QList<QByteArray> words = log.readAll().trimmed().split('\n').last().split(' ');
    QVERIFY(words.size() == 2 && words[0] == "events");
    m_events = words[1].toULong();
    QVERIFY2(m_events > 10, qPrintable(QString::number(m_events)));
}

void TestGuiDiskFull::noteOnAFailingDisk_data()
{
    QTest::addColumn<QString>("mode");
    for (const char* mode : {"enospc", "erofs", "eio"})
        QTest::newRow(mode) << QString::fromLatin1(mode);
}

void TestGuiDiskFull::noteOnAFailingDisk()
{
    QFETCH(QString, mode);
    const int points =
        qEnvironmentVariableIsSet("CC_GUI_FAULT_POINTS") ? qEnvironmentVariableIntValue("CC_GUI_FAULT_POINTS") : 8;
    for (int i = 0; i < points; ++i) {
        // Spread over every event of the run, the last one included.
        const unsigned long at =
            1 + (m_events - 1) * static_cast<unsigned long>(i) / static_cast<unsigned long>(std::max(points - 1, 1));
        const QString title = QStringLiteral("%1-at-%2").arg(mode).arg(at);
        const QString where = QStringLiteral("%1 at event %2 of %3").arg(mode).arg(at).arg(m_events);
        auto r = child(title, mode, at);
        QVERIFY2(r.exitCode == 0, qPrintable(where + ": the GUI process did not end normally (exit " +
                                             QString::number(r.exitCode) + "): " + r.out + r.err));
        const QString line = r.out.trimmed();
        const QString childErr = r.err.right(600);
        const bool saved = line == "SAVED";
        ++m_tally[mode][line.section(':', 0, 0)];
        // Without faults: the clinic opens, its trail verifies, and the note is there if and only
        // if the GUI listed it.
        r = cli("admin", kAdminPassword, {"audit", "verify"});
        QVERIFY2(r.exitCode == 0, qPrintable(where + ": audit verify afterwards: " + r.out + r.err));
        r = cli("doc", kDoctorPassword, {"note", "list", "--patient", m_mrn});
        QVERIFY2(r.exitCode == 0, qPrintable(where + ": note list afterwards: " + r.err));
        const bool stored = r.out.contains(title);
        // A failed COMMIT may have reached the write-ahead log (db/Transaction.cpp), and the audit
        // anchor is written after the commit (audit/AuditLog.cpp): then, and only then, the text
        // must say that the note may be, or is, there all the same.
        const bool maybe = line.contains("the change may be in the clinic all the same") ||
                           line.contains("the change was saved with its audit event");
        QVERIFY2(stored == saved || (stored && maybe),
                 qPrintable(where + ": the GUI showed \"" + line + "\", the clinic " + (stored ? "holds" : "lacks") +
                            " the note\n" + childErr));
        m_tally[mode]["stored-though-commit-failed"] += stored && !saved ? 1 : 0;
        if (!saved) {
            QVERIFY2(line.contains(kShown.at(mode)), qPrintable(where + ": the GUI showed: " + line));
            QVERIFY2(line.contains(m_clinic), qPrintable(where + ": the text names no file of the clinic: " + line));
            QVERIFY2(line.contains("then try again"), qPrintable(where + ": the text says not what to do: " + line));
        }
    }
}

void TestGuiDiskFull::cleanupTestCase()
{
    for (const auto& [mode, outcomes] : m_tally) {
        QString text;
        for (const auto& [outcome, n] : outcomes)
            text += QStringLiteral(" %1=%2").arg(outcome).arg(n);
        qInfo("GUIFAULTS %s events=%lu%s", qPrintable(mode), m_events, qPrintable(text));
    }
}

QTEST_GUILESS_MAIN(TestGuiDiskFull)
#include "TestGuiDiskFull.moc"
