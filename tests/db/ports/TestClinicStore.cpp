// SPDX-License-Identifier: GPL-3.0-or-later
// ClinicStore: create, open in two stages, and the refusals (busy, foreign files, wrong key, existing clinic).
#include "db/ClinicSchema.h"
#include "db/ClinicStore.h"
#include "db/Database.h"
#include "db/FileAnchorSink.h"
#include "db/FileKeySlotStore.h"
#include "db/PendingAuditFile.h"
#include "db/SqlAuditStore.h"
#include "db/SqlCareTeamStore.h"
#include "db/SqlClinicMetaStore.h"
#include "db/SqlTransactionFactory.h"

#include "../DbTestSupport.h"

#include "core/access/KeySlotFile.h"
#include "core/crypto/Rng.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cc;
using cc::db::ClinicStore;
using cc::db::test::str;
using cc::db::test::testKey;

namespace {

db::ClinicDescriptor descriptorFor(const access::KeySlotFile& slotFile)
{
    db::ClinicDescriptor d;
    d.clinicId = slotFile.clinicId();
    d.name = "Test clinic";
    d.createdAt = 1767225600;
    return d;
}

} // namespace

class TestClinicStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_parent;
    std::string m_dir;

    /// A complete clinic as the setup service would leave it: clinic.json, clinic.db, key slots.
    void makeClinic(std::uint64_t seed = 1)
    {
        crypto::DeterministicRng rng(seed);
        const access::KeySlotFile slotFile = access::KeySlotFile::create(rng);
        auto store = ClinicStore::create(m_dir, descriptorFor(slotFile), testKey(9));
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().describe().c_str());
        QVERIFY(store->databaseOpen());
        QVERIFY(store->keySlots().save(slotFile).ok());
        QVERIFY(store->meta().set(ports::meta::kClinicId, slotFile.clinicId()).ok());
    }

private slots:
    void init()
    {
        m_parent = std::make_unique<QTemporaryDir>();
        m_dir = str(m_parent->filePath("clinic"));
    }

    void cleanup() { m_parent.reset(); }

    void createThenOpenInTwoStages()
    {
        makeClinic();
        auto store = ClinicStore::openFolder(m_dir);
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().describe().c_str());
        QCOMPARE(store->descriptor().name, std::string("Test clinic"));
        QVERIFY(!store->databaseOpen());
        QVERIFY(store->keySlots().load().ok());
        ports::PendingAuditEntry failed;
        failed.kind = "login-failed";
        QVERIFY(store->pendingAudit().append(failed).ok());
        QCOMPARE(store->pendingAudit().readAll()->size(), std::size_t{1});
        QVERIFY(store->openDatabase(testKey(9)).ok());
        QVERIFY(store->databaseOpen());
        QCOMPARE(*store->database().userVersion(), static_cast<int>(db::clinicMigrations().size()));
        QVERIFY(store->careTeams().add(access::PatientId{IdBytes{1}}, access::UserId{IdBytes{2}}, 1).ok());
        QCOMPARE(store->auditStore().state().error().code, ErrorCode::NotFound); // chain not started yet
        QCOMPARE(store->anchors().read().error().code, ErrorCode::NotFound);
        QVERIFY(store->transactions().begin().ok());
        QCOMPARE(store->openDatabase(testKey(9)).error().code, ErrorCode::InvalidArgument);

        // Moving keeps the stores working (they live behind the pimpl), also as the services'
        // ClinicBackend; closing drops the database but keeps the folder locked.
        std::unique_ptr<ports::ClinicBackend> backend = std::make_unique<ClinicStore>(std::move(store).value());
        QVERIFY(backend->meta().get(ports::meta::kClinicId)->has_value());
        backend->closeDatabase();
        QVERIFY(!backend->databaseOpen());
        QCOMPARE(ClinicStore::openFolder(m_dir).error().code, ErrorCode::StorageBusy);
        QVERIFY(backend->openDatabase(testKey(9)).ok());
        QVERIFY(backend->maintenance().exportTo(m_dir + "/backup.db", testKey(11)).ok());
        QVERIFY(db::Database::open(m_dir + "/backup.db", testKey(11), db::OpenMode::ReadOnly).ok());
    }

    void openTwiceIsBusyUntilClosed()
    {
        makeClinic();
        {
            auto first = ClinicStore::openFolder(m_dir);
            QVERIFY(first.ok());
            const auto second = ClinicStore::openFolder(m_dir);
            QVERIFY(!second.ok());
            QCOMPARE(second.error().code, ErrorCode::StorageBusy);
        }
        QVERIFY(ClinicStore::openFolder(m_dir).ok()); // destruction released the lock
    }

    void foreignKeySlotsAreKeyMismatch()
    {
        makeClinic(1);
        crypto::DeterministicRng other(2);
        QVERIFY(db::FileKeySlotStore(m_dir + "/keyslots.ccks").save(access::KeySlotFile::create(other)).ok());
        const auto store = ClinicStore::openFolder(m_dir);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, ErrorCode::KeyMismatch);
        QCOMPARE(store.error().message, std::string("keyslots.ccks belongs to another clinic"));
    }

    void foreignAnchorIsKeyMismatchDamagedIsLeftToTheVerifier()
    {
        makeClinic();
        audit::AuditAnchor anchor;
        anchor.clinicId.fill(0xee);
        db::FileAnchorSink sink(m_dir + "/audit.anchor");
        QVERIFY(sink.write(anchor).ok());
        QCOMPARE(ClinicStore::openFolder(m_dir).error().code, ErrorCode::KeyMismatch);
        QFile f(QString::fromStdString(sink.path()));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("damaged");
        f.close();
        QVERIFY(ClinicStore::openFolder(m_dir).ok());
    }

    void wrongDatabaseKeyIsKeyMismatch()
    {
        makeClinic();
        auto store = ClinicStore::openFolder(m_dir);
        QVERIFY(store.ok());
        const auto opened = store->openDatabase(testKey(10));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::KeyMismatch);
        QVERIFY(!store->databaseOpen());
        QVERIFY(store->openDatabase(testKey(9)).ok()); // the right key still works afterwards
    }

    void foreignDatabaseIsKeyMismatch()
    {
        makeClinic();
        {
            auto db = db::Database::open(m_dir + "/clinic.db", testKey(9), db::OpenMode::ExistingOnly);
            QVERIFY(db.ok());
            const std::uint8_t otherId[16] = {0xee};
            QVERIFY(db::SqlClinicMetaStore(*db).set(ports::meta::kClinicId, otherId).ok());
        }
        auto store = ClinicStore::openFolder(m_dir);
        QVERIFY(store.ok());
        QCOMPARE(store->openDatabase(testKey(9)).error().code, ErrorCode::KeyMismatch);
    }

    void createRefusesAnExistingClinic()
    {
        makeClinic();
        crypto::DeterministicRng rng(3);
        const auto again = ClinicStore::create(m_dir, descriptorFor(access::KeySlotFile::create(rng)), testKey(9));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
        // The existing clinic is untouched.
        auto store = ClinicStore::openFolder(m_dir);
        QVERIFY(store.ok());
        QVERIFY(store->openDatabase(testKey(9)).ok());
    }

    void missingPiecesAreNamed()
    {
        QCOMPARE(ClinicStore::openFolder(m_dir).error().code, ErrorCode::NotFound); // no folder
        QVERIFY(QDir().mkpath(QString::fromStdString(m_dir)));
        QCOMPARE(ClinicStore::openFolder(m_dir).error().code, ErrorCode::NotFound); // no clinic.json
        QVERIFY(!QFile::exists(QString::fromStdString(m_dir + "/clinic.lock")));    // nothing written
        makeClinic();
        QVERIFY(QFile::remove(QString::fromStdString(m_dir + "/keyslots.ccks")));
        QCOMPARE(ClinicStore::openFolder(m_dir).error().code, ErrorCode::NotFound);
    }

    void createValidatesFirst()
    {
        db::ClinicDescriptor bad;
        bad.name = "";
        QCOMPARE(ClinicStore::create(m_dir, bad, testKey(9)).error().code, ErrorCode::InvalidArgument);
        QVERIFY(!QFile::exists(QString::fromStdString(m_dir))); // nothing created
        bad.name = "ok";
        QCOMPARE(ClinicStore::create(m_dir, bad, crypto::SecureBytes(16)).error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestClinicStore)
#include "TestClinicStore.moc"
