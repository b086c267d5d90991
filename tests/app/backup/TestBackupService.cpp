// SPDX-License-Identifier: GPL-3.0-or-later
// Backup and restore through the services over a real clinic folder (docs/BACKUP.md).
#include "tests/app/backup/BackupFixture.h"

#include "core/services/AccountService.h"
#include "core/services/AuditService.h"
#include "core/services/BackupService.h"
#include "core/services/CareTeamService.h"

#include <QTest>

using namespace cc;
using namespace cc::testing;

namespace {

constexpr const char* kMetaCanary = "CANARY-META-VALUE-51f0";

std::vector<std::uint8_t> readAll(const std::string& path)
{
    auto bytes = db::readFile(path, std::size_t{1} << 30);
    return bytes ? *bytes : std::vector<std::uint8_t>{};
}

void writeAll(const std::string& path, std::span<const std::uint8_t> data)
{
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(reinterpret_cast<const char*>(data.data()), static_cast<qint64>(data.size()));
}

std::uint64_t bigAt(const std::vector<std::uint8_t>& b, std::size_t at, int n)
{
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i)
        v = (v << 8) | b[at + static_cast<std::size_t>(i)];
    return v;
}

/// Offsets of the container's parts (docs/BACKUP.md, "Format").
struct Layout
{
    std::size_t manifest = 12, signature = 0, keySlots = 0, wrappedKey = 0, payload = 0, end = 0;
};

Layout layoutOf(const std::vector<std::uint8_t>& b)
{
    Layout l;
    l.signature = l.manifest + bigAt(b, 8, 4);
    l.keySlots = l.signature + 64 + 4;
    l.wrappedKey = l.keySlots + bigAt(b, l.signature + 64, 4) + 4;
    l.payload = l.wrappedKey + bigAt(b, l.wrappedKey - 4, 4) + 8;
    l.end = b.size();
    return l;
}

bool contains(const std::vector<std::uint8_t>& hay, const char* needle)
{
    const std::string_view n(needle);
    return std::search(hay.begin(), hay.end(), n.begin(), n.end()) != hay.end();
}

} // namespace

class TestBackupService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::unique_ptr<BackupFixture> m_clinic;
    std::string m_patient = "00112233445566778899aabbccddeeff";

    std::string path(const char* name) const { return (m_tmp.path() + "/" + name).toStdString(); }

    /// A fresh clinic with extra accounts, care-team rows and a distinctive meta value.
    void makeClinic()
    {
        ++m_count;
        m_clinic.reset(); // releases the previous clinic's folder first
        m_clinic = BackupFixture::create(m_tmp.path(), "live-" + std::to_string(m_count),
                                         1000 + static_cast<std::uint64_t>(m_count));
        QVERIFY(m_clinic);
        QVERIFY(m_clinic->login().ok());
        services::AccountService accounts(m_clinic->clinic());
        QVERIFY(accounts.create("admin2", access::Role::Administrator, pw("temporary-password-1")).ok());
        services::CareTeamService teams(m_clinic->clinic());
        QVERIFY(teams.add(m_patient, kDoctor).ok());
        QVERIFY(teams.add("ffeeddccbbaa99887766554433221100", kDoctor).ok());
        QVERIFY(m_clinic->backend().meta().set("test_canary", pw(kMetaCanary)).ok());
    }

    int m_count = 0;

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void roundTripIsEqualRowForRow()
    {
        makeClinic();
        auto& live = *m_clinic;
        const auto before = live.dumpTables();
        QVERIFY(before.count("meta") && before.count("audit_events") && before.count("care_team"));
        QVERIFY(!before.at("care_team").empty());
        const crypto::SecureBytes dbk = (*live.clinic().keys())->find(access::KeyKind::DatabaseKey)->secret.clone();
        services::BackupService backups(live.clinic());
        auto made = backups.create(path("round.ccbk"));
        QVERIFY2(made.ok(), made.ok() ? "" : made.error().describe().c_str());
        QCOMPARE(made->clinicId, services::idHex(live.backend().descriptor().clinicId));

        // Changes after the backup, which the restore must undo.
        services::CareTeamService teams(live.clinic());
        QVERIFY(teams.add("0123456789abcdef0123456789abcdef", kDoctor).ok());
        services::AccountService accounts(live.clinic());
        QVERIFY(accounts.create("latecomer", access::Role::Administrator, pw("temporary-password-2")).ok());

        auto restored = backups.restore(path("round.ccbk"), {});
        QVERIFY2(restored.ok(), restored.ok() ? "" : restored.error().describe().c_str());
        QVERIFY(live.clinic().session() == nullptr); // logged out by the restore
        QVERIFY(QDir(QString::fromStdString(live.file("pre-restore-") + made->backupId)).exists());
        QVERIFY(!QFile::exists(QString::fromStdString(live.file("restore.journal"))));
        QVERIFY(!QDir(QString::fromStdString(live.file("restore-staging"))).exists());

        // Before any login: the restored database under the same DBK equals the backed-up one.
        {
            auto db = db::Database::open(live.file("clinic.db"), dbk, db::OpenMode::ReadOnly);
            QVERIFY(db.ok());
        }
        QVERIFY(live.reopen().ok());
        QVERIFY(live.login().ok());
        auto after = live.dumpTables();
        // The restore recorded itself in the restored trail (issue 10) and the login just made added
        // one event; both moved the state row: compare the rest exactly.
        QCOMPARE(after.at("audit_events").size(), before.at("audit_events").size() + 2);
        after.at("audit_events").pop_back();
        after.at("audit_events").pop_back();
        after.erase("audit_state");
        after.erase("commit_marker"); // advanced by every transaction, like audit_state
        auto expected = before;
        expected.erase("audit_state");
        expected.erase("commit_marker");
        QVERIFY(after == expected);

        services::AuditService audit(live.clinic());
        auto report = audit.verify();
        QVERIFY(report.ok());
        QVERIFY2(report->ok, report->message.c_str());
        live.clinic().logout();
        QCOMPARE(live.login("latecomer", "temporary-password-2").error().code, ErrorCode::WrongPassword);
    }

    void flippedByteIsRefusedBeforeTouchingTheClinic_data()
    {
        QTest::addColumn<QString>("part");
        QTest::addColumn<int>("delta"); // offset from the part's start (negative: from its end)
        QTest::newRow("magic") << "header" << 0;
        QTest::newRow("version") << "header" << 5;
        QTest::newRow("manifest length") << "header" << 11;
        QTest::newRow("manifest start") << "manifest" << 0;
        QTest::newRow("manifest middle") << "manifest" << 60;
        QTest::newRow("manifest end") << "manifest" << -1;
        QTest::newRow("signature") << "signature" << 10;
        QTest::newRow("key slots length") << "keySlots" << -2;
        QTest::newRow("key slots") << "keySlots" << 40;
        QTest::newRow("wrapped key") << "wrappedKey" << 20;
        QTest::newRow("payload nonce") << "payload" << 8;
        QTest::newRow("payload middle") << "payload" << 4000;
        QTest::newRow("payload tag") << "payload" << -1;
    }

    void flippedByteIsRefusedBeforeTouchingTheClinic()
    {
        QFETCH(QString, part);
        QFETCH(int, delta);
        if (!m_clinic || !m_clinic->clinic().session()) {
            makeClinic();
        }
        auto& live = *m_clinic;
        services::BackupService backups(live.clinic());
        const std::string good = path(("flip-" + std::to_string(m_count) + ".ccbk").c_str());
        if (!QFile::exists(QString::fromStdString(good)))
            QVERIFY(backups.create(good).ok());
        auto bytes = readAll(good);
        const Layout l = layoutOf(bytes);
        std::map<QString, std::pair<std::size_t, std::size_t>> parts{{"header", {0, 12}},
                                                                     {"manifest", {l.manifest, l.signature}},
                                                                     {"signature", {l.signature, l.signature + 64}},
                                                                     {"keySlots", {l.keySlots, l.wrappedKey - 4}},
                                                                     {"wrappedKey", {l.wrappedKey, l.payload - 8}},
                                                                     {"payload", {l.payload, l.end}}};
        const auto [from, to] = parts.at(part);
        const std::size_t at =
            delta >= 0 ? from + static_cast<std::size_t>(delta) : to - static_cast<std::size_t>(-delta);
        QVERIFY(at < bytes.size());
        bytes[at] ^= 0x04;
        const std::string bad = path("flipped.ccbk");
        QFile::remove(QString::fromStdString(bad));
        writeAll(bad, bytes);

        const auto files = live.entries();
        const auto slotsHash = live.hashOf("keyslots.ccks");
        const auto descriptorHash = live.hashOf("clinic.json");
        auto tables = live.dumpTables();

        auto restored = backups.restore(bad, {});
        QVERIFY(!restored.ok());
        const ErrorCode code = restored.error().code;
        QVERIFY2(code == ErrorCode::IntegrityFailure || code == ErrorCode::MalformedInput ||
                     (QByteArray(QTest::currentDataTag()) == "version" && code == ErrorCode::Unsupported),
                 restored.error().describe().c_str());
        // Untouched: same files, same key slots and descriptor, same rows; the one new audit event
        // (the refusal itself) is the only change the restore may make (docs/BACKUP.md).
        QVERIFY(live.clinic().session() != nullptr);
        QCOMPARE(live.entries(), files);
        QCOMPARE(live.hashOf("keyslots.ccks"), slotsHash);
        QCOMPARE(live.hashOf("clinic.json"), descriptorHash);
        auto now = live.dumpTables();
        QCOMPARE(now.at("audit_events").size(), tables.at("audit_events").size() + 1);
        now.erase("audit_events");
        now.erase("audit_state");
        now.erase("commit_marker"); // the refusal's audit event advanced it
        tables.erase("audit_events");
        tables.erase("audit_state");
        tables.erase("commit_marker");
        QVERIFY(now == tables);
    }

    void truncatedBackupIsRefused_data()
    {
        QTest::addColumn<int>("keep"); // bytes kept; negative: all but that many
        QTest::newRow("empty") << 0;
        QTest::newRow("magic only") << 4;
        QTest::newRow("header only") << 12;
        QTest::newRow("half") << -20000;
        QTest::newRow("last byte missing") << -1;
    }

    void truncatedBackupIsRefused()
    {
        QFETCH(int, keep);
        if (!m_clinic || !m_clinic->clinic().session())
            makeClinic();
        services::BackupService backups(m_clinic->clinic());
        const std::string good = path(("trunc-" + std::to_string(m_count) + ".ccbk").c_str());
        if (!QFile::exists(QString::fromStdString(good)))
            QVERIFY(backups.create(good).ok());
        auto bytes = readAll(good);
        const std::size_t size = keep >= 0 ? static_cast<std::size_t>(keep)
                                           : bytes.size() - std::min(bytes.size(), static_cast<std::size_t>(-keep));
        bytes.resize(std::min(size, bytes.size()));
        const std::string bad = path("truncated.ccbk");
        QFile::remove(QString::fromStdString(bad));
        writeAll(bad, bytes);
        const auto slotsHash = m_clinic->hashOf("keyslots.ccks");
        auto restored = backups.restore(bad, {});
        QVERIFY(!restored.ok());
        QCOMPARE(restored.error().code, ErrorCode::MalformedInput);
        QCOMPARE(m_clinic->hashOf("keyslots.ccks"), slotsHash);
        QVERIFY(m_clinic->clinic().session() != nullptr);
    }

    void backupNeverHoldsCanariesInTheClear()
    {
        if (!m_clinic || !m_clinic->clinic().session())
            makeClinic(); // else reuse the previous test's clinic: creating one costs seconds
        services::BackupService backups(m_clinic->clinic());
        QVERIFY(backups.create(path("canary.ccbk")).ok());
        const auto bytes = readAll(path("canary.ccbk"));
        QVERIFY(bytes.size() > 1000);
        QVERIFY(!contains(bytes, kAdminPassword));
        QVERIFY(!contains(bytes, kDoctorPassword));
        QVERIFY(!contains(bytes, "temporary-password-1"));
        QVERIFY(!contains(bytes, kMetaCanary));
        // The control: the canary is really in the live database's meta table.
        QVERIFY(contains(readAll(path("canary.ccbk")), "CCBK"));
        auto stored = m_clinic->backend().meta().get("test_canary");
        QVERIFY(stored.ok() && stored->has_value());
        // Refuses to overwrite, and leaves no temporary file behind.
        const auto files = QDir(m_tmp.path()).entryList(QDir::Files);
        QCOMPARE(backups.create(path("canary.ccbk")).error().code, ErrorCode::AlreadyExists);
        QCOMPARE(QDir(m_tmp.path()).entryList(QDir::Files), files);
        auto inspected = backups.inspect(path("canary.ccbk"));
        QVERIFY(inspected.ok());
        QVERIFY(inspected->signedByThisClinic);
        QCOMPARE(inspected->manifest.createdBy, std::string(kAdmin));
    }

    void anotherClinicsBackupNeedsTheFlag()
    {
        makeClinic();
        auto other = BackupFixture::create(m_tmp.path(), "other", 777);
        QVERIFY(other);
        QVERIFY(other->login().ok());
        services::BackupService otherBackups(other->clinic());
        auto made = otherBackups.create(path("other.ccbk"));
        QVERIFY(made.ok());
        const std::string otherClinicId = made->clinicId;
        other->close();

        services::BackupService backups(m_clinic->clinic());
        const auto slotsHash = m_clinic->hashOf("keyslots.ccks");
        auto refused = backups.restore(path("other.ccbk"), {});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::KeyMismatch);
        QCOMPARE(m_clinic->hashOf("keyslots.ccks"), slotsHash);
        auto inspected = backups.inspect(path("other.ccbk"));
        QVERIFY(inspected.ok() && !inspected->signedByThisClinic);

        // With the flag, the live DBK cannot open it: an account of the backup must unlock it.
        services::RestoreOptions options;
        options.allowOtherClinic = true;
        QCOMPARE(backups.restore(path("other.ccbk"), options).error().code, ErrorCode::KeyMismatch);
        options.backupUser = kAdmin;
        options.backupPassword = secret("not-the-password-at-all");
        QCOMPARE(backups.restore(path("other.ccbk"), options).error().code, ErrorCode::WrongPassword);
        QCOMPARE(m_clinic->hashOf("keyslots.ccks"), slotsHash);
        options.backupPassword = secret(kAdminPassword);
        auto restored = backups.restore(path("other.ccbk"), options);
        QVERIFY2(restored.ok(), restored.ok() ? "" : restored.error().describe().c_str());
        QVERIFY(m_clinic->reopen().ok());
        QCOMPARE(services::idHex(m_clinic->backend().descriptor().clinicId), otherClinicId);
        QVERIFY(m_clinic->login().ok());
        services::AuditService audit(m_clinic->clinic());
        auto report = audit.verify();
        QVERIFY(report.ok() && report->ok);
    }

    void interruptedSwapIsFinishedAtNextOpen()
    {
        makeClinic();
        auto& live = *m_clinic;
        services::BackupService backups(live.clinic());
        auto made = backups.create(path("crash.ccbk"));
        QVERIFY(made.ok());
        services::AccountService accounts(live.clinic());
        QVERIFY(accounts.create("latecomer", access::Role::Administrator, pw("temporary-password-3")).ok());
        QVERIFY(backups.restore(path("crash.ccbk"), {}).ok());
        live.close();
        const std::string newSlots = live.hashOf("keyslots.ccks");
        const std::string newAnchor = live.hashOf("audit.anchor");

        // Rebuild the folder as a kill after clinic.db was swapped but before keyslots.ccks and
        // audit.anchor were: the new ones still staged, the old ones live, the journal present.
        const QString dir = QString::fromStdString(live.dir());
        const QString kept = dir + "/pre-restore-" + QString::fromStdString(made->backupId);
        QVERIFY(QDir(dir).mkdir("restore-staging"));
        for (const char* name : {"keyslots.ccks", "audit.anchor"}) {
            QVERIFY(QFile::rename(dir + "/" + name, dir + "/restore-staging/" + name));
            QVERIFY(QFile::rename(kept + "/" + name, dir + "/" + name));
        }
        QFile journal(dir + "/restore.journal");
        QVERIFY(journal.open(QIODevice::WriteOnly));
        journal.write("cipherchart-restore-journal 1\n" + QByteArray::fromStdString(made->backupId) + "\n");
        journal.close();
        QVERIFY(live.hashOf("keyslots.ccks") != newSlots);

        auto reopened = live.reopen();
        QVERIFY2(reopened.ok(), reopened.ok() ? "" : reopened.error().describe().c_str());
        QCOMPARE(live.hashOf("keyslots.ccks"), newSlots);
        QCOMPARE(live.hashOf("audit.anchor"), newAnchor);
        QVERIFY(!QFile::exists(dir + "/restore.journal"));
        QVERIFY(!QDir(dir + "/restore-staging").exists());
        QVERIFY(QFile::exists(kept + "/keyslots.ccks"));
        // The opening says which (the front ends show it before the login)...
        const auto& said = dynamic_cast<db::ClinicStore&>(live.backend()).interruptedRestore();
        QVERIFY(said.has_value());
        QCOMPARE(said->outcome, ports::InterruptedRestore::Outcome::Finished);
        QCOMPARE(said->label, made->backupId);
        // ...and says it again at every opening until a staff login has recorded it (the window
        // may be closed before anyone logs in)...
        QVERIFY(live.reopen().ok());
        const auto& again = dynamic_cast<db::ClinicStore&>(live.backend()).interruptedRestore();
        QVERIFY(again.has_value() && again->label == made->backupId);
        // ...and the first staff login records it, flagged, once.
        QVERIFY(live.login().ok());
        QCOMPARE(interruptedRestoreEvents(live, "finished when the clinic was opened", made->backupId), 1);
        live.clinic().logout();
        QVERIFY(live.login().ok());
        QCOMPARE(interruptedRestoreEvents(live, "finished when the clinic was opened", made->backupId), 1);
        services::AuditService audit(live.clinic());
        auto report = audit.verify();
        QVERIFY(report.ok() && report->ok);

        // A staging folder without a journal never reached the swap: removed, nothing else moves,
        // and the opening says it was abandoned.
        live.close();
        QVERIFY(QDir(dir).mkdir("restore-staging"));
        QVERIFY(live.reopen().ok());
        QVERIFY(!QDir(dir + "/restore-staging").exists());
        QCOMPARE(live.hashOf("keyslots.ccks"), newSlots);
        const auto& abandoned = dynamic_cast<db::ClinicStore&>(live.backend()).interruptedRestore();
        QVERIFY(abandoned.has_value());
        QCOMPARE(abandoned->outcome, ports::InterruptedRestore::Outcome::Abandoned);
        QVERIFY(live.login().ok());
        QCOMPARE(interruptedRestoreEvents(live, "was abandoned when the clinic was opened", ""), 1);
        // Recorded: the next opening says nothing.
        live.close();
        QVERIFY(live.reopen().ok());
        QVERIFY(!dynamic_cast<db::ClinicStore&>(live.backend()).interruptedRestore().has_value());

        // A damaged record of which it was (a label that is no backup id, then an oversized file)
        // does not keep the clinic shut: the opening says it cannot tell, the first staff login
        // records that, flagged, and the record goes.
        int recorded = 0;
        for (const QByteArray& damaged : {QByteArray("finished ../../etc\n"), QByteArray(4096, 'x')}) {
            live.close();
            QFile settled(dir + "/restore.settled");
            QVERIFY(settled.open(QIODevice::WriteOnly));
            settled.write(damaged);
            settled.close();
            auto opened = live.reopen();
            QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().describe().c_str());
            const auto& unknown = dynamic_cast<db::ClinicStore&>(live.backend()).interruptedRestore();
            QVERIFY(unknown.has_value());
            QCOMPARE(unknown->outcome, ports::InterruptedRestore::Outcome::Unknown);
            QVERIFY(live.login().ok());
            QCOMPARE(interruptedRestoreEvents(live, "(restore.settled) is damaged", ""), ++recorded);
            QVERIFY(!QFile::exists(dir + "/restore.settled"));
            live.clinic().logout();
        }
    }

    /// The flagged Security Alerts about an interrupted restore whose detail contains `what`.
    static int interruptedRestoreEvents(BackupFixture& live, const char* what, const std::string& backupId)
    {
        services::AuditService audit(live.clinic());
        auto events = audit.list({});
        if (!events.ok())
            return -1;
        int n = 0;
        for (const auto& e : *events)
            n += e.event.objectType == "Backup" && e.event.flagged && e.event.objectId == backupId &&
                         e.event.eventId == audit::AuditEventId::SecurityAlert &&
                         e.event.detail.find(what) != std::string::npos
                     ? 1
                     : 0;
        return n;
    }

    void doctorCannotBackUpOrRestore()
    {
        if (!m_clinic || !m_clinic->clinic().session())
            makeClinic(); // else reuse the previous test's clinic: creating one costs seconds
        services::BackupService adminBackups(m_clinic->clinic());
        QVERIFY(adminBackups.create(path("doctor.ccbk")).ok());
        m_clinic->clinic().logout();
        QVERIFY(m_clinic->login(kDoctor, kDoctorPassword).ok());
        services::BackupService backups(m_clinic->clinic());
        QCOMPARE(backups.create(path("by-doctor.ccbk")).error().code, ErrorCode::AccessDenied);
        QVERIFY(!QFile::exists(QString::fromStdString(path("by-doctor.ccbk"))));
        QCOMPARE(backups.restore(path("doctor.ccbk"), {}).error().code, ErrorCode::AccessDenied);
        m_clinic->clinic().logout();
        QVERIFY(m_clinic->login().ok());
        services::AuditService audit(m_clinic->clinic());
        auto events = audit.list({});
        QVERIFY(events.ok());
        int denied = 0;
        for (const auto& e : *events)
            if (e.event.objectType == "Backup" && e.event.outcome == audit::AuditOutcome::SeriousFailure &&
                e.event.userName == kDoctor)
                ++denied;
        QCOMPARE(denied, 2);
    }
};

QTEST_GUILESS_MAIN(TestBackupService)
#include "TestBackupService.moc"
