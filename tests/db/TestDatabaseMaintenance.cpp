// SPDX-License-Identifier: GPL-3.0-or-later
// Rekey, encrypted export and checkpoint: the old key stops working, rows survive unchanged.
#include "db/Database.h"
#include "db/RawKey.h"

#include "DbTestSupport.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cstring>

using namespace cc;
using namespace cc::db;
using cc::db::test::fileBytes;
using cc::db::test::str;
using cc::db::test::testKey;

namespace {

using Rows = std::vector<std::pair<std::int64_t, std::vector<std::uint8_t>>>;

Rows readRows(Database& db)
{
    Rows rows;
    auto stmt = db.prepare("SELECT id, v FROM t ORDER BY id;");
    if (!stmt.ok())
        return rows;
    while (true) {
        auto row = stmt->step();
        if (!row.ok() || !*row)
            break;
        rows.emplace_back(stmt->columnInt64(0), stmt->columnBlob(1));
    }
    return rows;
}

Database populated(const QString& path, std::uint64_t seed, int rows)
{
    auto db = Database::open(str(path), testKey(seed), OpenMode::CreateIfMissing);
    if (!db.ok() || !db->exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL);").ok())
        qFatal("cannot create test database");
    crypto::DeterministicRng rng(seed);
    auto stmt = db->prepare("INSERT INTO t (v) VALUES (?1);");
    for (int i = 0; i < rows; ++i) {
        const auto value = rng.bytes(100 + static_cast<std::size_t>(i % 7) * 300);
        if (!stmt->bindBlob(1, value).ok() || !stmt->step().ok())
            qFatal("cannot insert");
        stmt->reset();
    }
    if (!db->setUserVersion(42).ok())
        qFatal("cannot set user_version");
    return std::move(db).value();
}

/// A 300-row database written at the legacy 4 KB page size through the C API, as the old code did.
bool createLegacy(const QString& path, std::uint64_t seed)
{
    sqlite3* raw = nullptr;
    auto keySpec = detail::rawKeySpec(testKey(seed));
    const bool ok =
        keySpec.ok() &&
        sqlite3_open_v2(str(path).c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK &&
        sqlite3_key(raw, keySpec->data(), int(keySpec->size())) == SQLITE_OK &&
        sqlite3_exec(raw,
                     "PRAGMA cipher_page_size = 4096; PRAGMA journal_mode = WAL;"
                     "CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL); WITH RECURSIVE c(i) AS "
                     "(SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 300) INSERT INTO t (v) SELECT "
                     "randomblob(700) FROM c; PRAGMA user_version = 9;",
                     nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(raw);
    return ok;
}

} // namespace

class TestDatabaseMaintenance : public QObject
{
    Q_OBJECT

private slots:
    void rekeyOldKeyFailsNewKeyOpens();
    void rekeyRefusesBadKeyAndOpenTransaction();
    void rekeyIsAtomicInWal_data();
    void rekeyIsAtomicInWal();
    void legacyPageSizeOpensRekeysAndExportsCurrent();
    void upgradePageSizeKeepsRowsAndRefusesWhileShared();
    void legacyFileWithHotJournalOpensAtItsSize();
    void exportReopensUnderNewKey();
    void exportRefusesExistingTarget();
    void exportFailureLeavesNothing();
    void checkpointEmptiesWal();
};

void TestDatabaseMaintenance::rekeyOldKeyFailsNewKeyOpens()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("clinic.db");
    Rows before;
    {
        Database db = populated(path, 1, 40);
        before = readRows(db);
        QVERIFY(db.rekey(testKey(2)).ok());
        QCOMPARE(readRows(db), before); // the open connection continues under the new key
        QVERIFY(db.exec("INSERT INTO t (v) VALUES (x'aa');").ok());
        before.emplace_back(41, std::vector<std::uint8_t>{0xaa});
        QVERIFY(fileBytes(path + "-wal").size() < 2 * Database::kPageSize); // truncated, no old-key pages
    }
    auto old = Database::open(str(path), testKey(1), OpenMode::ExistingOnly);
    QVERIFY(!old.ok());
    QCOMPARE(old.error().code, ErrorCode::KeyMismatch);
    auto fresh = Database::open(str(path), testKey(2), OpenMode::ExistingOnly);
    QVERIFY2(fresh.ok(), fresh.ok() ? "" : fresh.error().message.c_str());
    QCOMPARE(readRows(*fresh), before);
    QCOMPARE(*fresh->userVersion(), 42);
    QVERIFY(fresh->integrityCheck().ok());
}

void TestDatabaseMaintenance::rekeyRefusesBadKeyAndOpenTransaction()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("clinic.db");
    Database db = populated(path, 3, 3);
    QCOMPARE(db.rekey(crypto::SecureBytes(16)).error().code, ErrorCode::InvalidArgument);
    QVERIFY(db.exec("BEGIN;").ok());
    QCOMPARE(db.rekey(testKey(4)).error().code, ErrorCode::InvalidArgument);
    QVERIFY(db.exec("ROLLBACK;").ok());
    // Nothing changed: the original key still opens the file.
    QVERIFY(Database::open(str(path), testKey(3), OpenMode::ExistingOnly).ok());
}

// Pins the library behaviour Database::rekey relies on: SQLCipher 3.4.1's sqlite3_rekey works in
// WAL mode as one transaction. Files copied after the rekey committed but before any checkpoint
// (what a crash leaves) open under the new key only; copies of the main file alone (the WAL lost)
// still open under the old key: no state needs both keys.
void TestDatabaseMaintenance::rekeyIsAtomicInWal_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::newRow("current pages") << Database::kPageSize;
    QTest::newRow("legacy pages") << Database::kLegacyPageSize;
}

void TestDatabaseMaintenance::rekeyIsAtomicInWal()
{
    QFETCH(int, pageSize);
    const std::string pageSizeSql = "PRAGMA cipher_page_size = " + std::to_string(pageSize) + ";";
    QTemporaryDir dir;
    const QString path = dir.filePath("raw.db");
    static const char oldKey[] = "x'0101010101010101010101010101010101010101010101010101010101010101'";
    static const char newKey[] = "x'0202020202020202020202020202020202020202020202020202020202020202'";
    sqlite3* raw = nullptr;
    QCOMPARE(sqlite3_open_v2(str(path).c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_key(raw, oldKey, int(sizeof oldKey - 1)), SQLITE_OK);
    const std::string create =
        pageSizeSql + "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                      "CREATE TABLE t (v BLOB); WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c "
                      "WHERE i < 200) INSERT INTO t SELECT randomblob(500) FROM c; PRAGMA wal_checkpoint(TRUNCATE);";
    QCOMPARE(sqlite3_exec(raw, create.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_rekey(raw, newKey, int(sizeof newKey - 1)), SQLITE_OK);
    // Snapshot as a crash would leave it: main file plus WAL, nothing checkpointed.
    QVERIFY(QFile::copy(path, dir.filePath("crash.db")));
    QVERIFY(QFile::copy(path + "-wal", dir.filePath("crash.db-wal")));
    QVERIFY(QFile::copy(path, dir.filePath("lostwal.db")));
    sqlite3_close(raw);

    auto opensWith = [&pageSizeSql](const QString& file, const char* key) {
        sqlite3* db = nullptr;
        sqlite3_open_v2(str(file).c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
        sqlite3_key(db, key, int(std::strlen(key)));
        sqlite3_stmt* stmt = nullptr;
        int count = -1;
        if (sqlite3_exec(db, pageSizeSql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK &&
            sqlite3_prepare_v2(db, "SELECT count(*) FROM t;", -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            count = sqlite3_column_int(stmt, 0);
        sqlite3_finalize(stmt);
        sqlite3_close(db);
        return count;
    };
    QCOMPARE(opensWith(dir.filePath("crash.db"), newKey), 200);
    QCOMPARE(opensWith(dir.filePath("crash.db"), oldKey), -1);
    // Without its WAL the main file still holds the complete pre-rekey state under the old key.
    QCOMPARE(opensWith(dir.filePath("lostwal.db"), newKey), -1);
    QCOMPARE(opensWith(dir.filePath("lostwal.db"), oldKey), 200);
    QCOMPARE(opensWith(path, newKey), 200);
    QCOMPARE(opensWith(path, oldKey), -1);
}

// A clinic created before the page size grew (4 KB pages, written here through the C API as the
// old code did) still opens, is rekeyed at its own page size, and its exports (a backup, whose
// restore is how it moves) are written at the current one.
void TestDatabaseMaintenance::legacyPageSizeOpensRekeysAndExportsCurrent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("legacy.db");
    QVERIFY(createLegacy(path, 31));
    auto db = Database::open(str(path), testKey(31), OpenMode::ExistingOnly);
    QVERIFY2(db.ok(), db.ok() ? "" : db.error().message.c_str());
    QCOMPARE(db->pageSize(), Database::kLegacyPageSize);
    const Rows before = readRows(*db);
    QCOMPARE(before.size(), std::size_t{300});
    QCOMPARE(Database::open(str(path), testKey(32), OpenMode::ExistingOnly).error().code, ErrorCode::KeyMismatch);

    QVERIFY(db->rekey(testKey(33)).ok());
    QCOMPARE(db->pageSize(), Database::kLegacyPageSize);
    QCOMPARE(readRows(*db), before);

    const QString exported = dir.filePath("exported.db");
    QVERIFY(db->exportTo(str(exported), testKey(34)).ok());
    auto copy = Database::open(str(exported), testKey(34), OpenMode::ExistingOnly);
    QVERIFY2(copy.ok(), copy.ok() ? "" : copy.error().message.c_str());
    QCOMPARE(copy->pageSize(), Database::kPageSize);
    QCOMPARE(readRows(*copy), before);
    QCOMPARE(*copy->userVersion(), 9);
    QVERIFY(copy->integrityCheck().ok());
    QCOMPARE(fileBytes(exported).size() % Database::kPageSize, 0);
    db = Database::open(str(path), testKey(33), OpenMode::ExistingOnly); // the rekeyed legacy file reopens
    QVERIFY(db.ok());
    QCOMPARE(db->pageSize(), Database::kLegacyPageSize);
}

// The live rewrite (`storage upgrade`): rows committed but still in the WAL come along, the file is
// replaced in place with nothing left beside it, and a second connection (which would keep the old
// WAL) makes it refuse without changing anything.
void TestDatabaseMaintenance::upgradePageSizeKeepsRowsAndRefusesWhileShared()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("clinic.db");
    QVERIFY(createLegacy(path, 41));
    auto db = Database::open(str(path), testKey(41), OpenMode::ExistingOnly);
    QVERIFY(db.ok());
    QCOMPARE(db->pageSize(), Database::kLegacyPageSize);
    QVERIFY(db->exec("INSERT INTO t (v) VALUES (x'0102030405');").ok()); // in the WAL only
    const Rows before = readRows(*db);
    QCOMPARE(before.size(), std::size_t{301});

    {
        auto other = Database::open(str(path), testKey(41), OpenMode::ReadOnly);
        QVERIFY(other.ok());
        auto refused = db->upgradePageSize();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::StorageBusy);
        QCOMPARE(db->pageSize(), Database::kLegacyPageSize);
        QCOMPARE(readRows(*db), before); // reopened and usable
        QCOMPARE(readRows(*other), before);
    }
    QCOMPARE(QDir(dir.path()).entryList({"*.tmp-*"}, QDir::Files).size(), 0);

    auto upgraded = db->upgradePageSize();
    QVERIFY2(upgraded.ok(), upgraded.ok() ? "" : upgraded.error().message.c_str());
    QVERIFY(*upgraded);
    QCOMPARE(db->pageSize(), Database::kPageSize);
    QCOMPARE(readRows(*db), before);
    QCOMPARE(*db->userVersion(), 9);
    QVERIFY(db->exec("INSERT INTO t (v) VALUES (x'06');").ok()); // writable after the swap
    QCOMPARE(QDir(dir.path()).entryList({"*.tmp-*"}, QDir::Files).size(), 0);
    auto again = db->upgradePageSize();
    QVERIFY(again.ok());
    QVERIFY(!*again);

    auto fresh = Database::open(str(path), testKey(41), OpenMode::ExistingOnly);
    QVERIFY(fresh.ok());
    QCOMPARE(fresh->pageSize(), Database::kPageSize);
    QCOMPARE(readRows(*fresh).size(), std::size_t{302});
    QVERIFY(fresh->integrityCheck().ok());
    QCOMPARE(Database::open(str(path), testKey(42), OpenMode::ExistingOnly).error().code, ErrorCode::KeyMismatch);
}

// A legacy file that lost power in the middle of a rollback-journal transaction (SQLite switching it
// to WAL at its first opening, for one): the hot journal must be played back at its own page size.
// SQLCipher 3.4, keyed at 32 KB, read past its page buffer while playing back a 4 KB journal and
// crashed the process (found by test_upgrade_faults); the journal's header says the size in the clear.
void TestDatabaseMaintenance::legacyFileWithHotJournalOpensAtItsSize()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("hot.db");
    const QString copy = dir.filePath("copy.db");
    sqlite3* raw = nullptr;
    auto keySpec = detail::rawKeySpec(testKey(51));
    QVERIFY(keySpec.ok());
    QCOMPARE(sqlite3_open_v2(str(path).c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_key(raw, keySpec->data(), int(keySpec->size())), SQLITE_OK);
    QCOMPARE(sqlite3_exec(raw,
                          "PRAGMA cipher_page_size = 4096; PRAGMA journal_mode = DELETE; PRAGMA cache_size = 2;"
                          "CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL); WITH RECURSIVE c(i) AS "
                          "(SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 300) INSERT INTO t (v) SELECT "
                          "randomblob(700) FROM c;",
                          nullptr, nullptr, nullptr),
             SQLITE_OK);
    // Whole 32 KB multiples, so that only the journal can tell the size.
    for (int i = 0; i < 80 && QFileInfo(path).size() % Database::kPageSize != 0; ++i)
        QCOMPARE(sqlite3_exec(raw, "INSERT INTO t (v) VALUES (randomblob(700));", nullptr, nullptr, nullptr),
                 SQLITE_OK);
    QCOMPARE(QFileInfo(path).size() % Database::kPageSize, 0);
    sqlite3_close(raw);
    auto committed = Database::open(str(path), testKey(51), OpenMode::ReadOnly);
    QVERIFY(committed.ok());
    const Rows before = readRows(*committed);
    committed = makeError(ErrorCode::Internal, "closed");

    // A transaction that spills changed pages into the file (a cache of two pages), copied with its
    // journal while it is still open: the copy is a database with a hot journal.
    QCOMPARE(sqlite3_open_v2(str(path).c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_key(raw, keySpec->data(), int(keySpec->size())), SQLITE_OK);
    QCOMPARE(sqlite3_exec(raw,
                          "PRAGMA cipher_page_size = 4096; PRAGMA cache_size = 2; BEGIN;"
                          "UPDATE t SET v = randomblob(700) WHERE id % 3 = 0;",
                          nullptr, nullptr, nullptr),
             SQLITE_OK);
    QVERIFY(QFile::copy(path, copy));
    QVERIFY(QFile::copy(path + "-journal", copy + "-journal"));
    QCOMPARE(sqlite3_exec(raw, "ROLLBACK;", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(raw);
    const auto hint = Database::pageSizeHint(str(copy));
    QCOMPARE(hint.pageSize, Database::kLegacyPageSize);
    QVERIFY(hint.hotJournal);

    auto db = Database::open(str(copy), testKey(51), OpenMode::ExistingOnly);
    QVERIFY2(db.ok(), db.ok() ? "" : db.error().message.c_str());
    QCOMPARE(db->pageSize(), Database::kLegacyPageSize);
    QCOMPARE(readRows(*db), before); // the journal played back: the committed rows, none changed
    QVERIFY(db->integrityCheck().ok());
    QVERIFY(!QFile::exists(copy + "-journal"));
    // A wrong key fails as a wrong key, and is not tried at the other size.
    db = makeError(ErrorCode::Internal, "closed");
    QCOMPARE(Database::open(str(path), testKey(52), OpenMode::ExistingOnly).error().code, ErrorCode::KeyMismatch);
}

void TestDatabaseMaintenance::exportReopensUnderNewKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("clinic.db");
    const QString backup = dir.filePath("backup.db");
    Database db = populated(path, 6, 60);
    QVERIFY(db.exec("CREATE INDEX t_v ON t (v); CREATE TRIGGER t_guard BEFORE DELETE ON t "
                    "BEGIN SELECT RAISE(ABORT, 'kept'); END;")
                .ok());
    const Rows before = readRows(db);
    auto exported = db.exportTo(str(backup), testKey(7));
    QVERIFY2(exported.ok(), exported.ok() ? "" : exported.error().message.c_str());
    QVERIFY(!fileBytes(backup).startsWith("SQLite format 3"));
    QVERIFY(QDir(dir.path()).entryList({"*.tmp-*"}, QDir::Files).isEmpty());
    QVERIFY(!QFile::exists(backup + "-journal"));
    QCOMPARE(QFile::permissions(backup) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    auto sameKey = Database::open(str(backup), testKey(6), OpenMode::ReadOnly);
    QCOMPARE(sameKey.error().code, ErrorCode::KeyMismatch);
    auto copy = Database::open(str(backup), testKey(7), OpenMode::ExistingOnly);
    QVERIFY2(copy.ok(), copy.ok() ? "" : copy.error().message.c_str());
    QCOMPARE(readRows(*copy), before);
    QCOMPARE(*copy->userVersion(), 42);
    QVERIFY(copy->integrityCheck().ok());
    // Schema objects came along: the trigger still guards the copy.
    QVERIFY(!copy->exec("DELETE FROM t;").ok());
    // The source is untouched and still under its own key.
    QCOMPARE(readRows(db), before);
}

void TestDatabaseMaintenance::exportRefusesExistingTarget()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("clinic.db");
    const QString target = dir.filePath("exists.db");
    QFile file(target);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("keep me");
    file.close();
    Database db = populated(path, 8, 2);
    QCOMPARE(db.exportTo(str(target), testKey(9)).error().code, ErrorCode::AlreadyExists);
    QCOMPARE(fileBytes(target), QByteArray("keep me"));
    QCOMPARE(db.exportTo(str(dir.filePath("x.db")), crypto::SecureBytes(8)).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(db.exportTo(str(path), testKey(9)).error().code, ErrorCode::InvalidArgument);
}

void TestDatabaseMaintenance::exportFailureLeavesNothing()
{
    QTemporaryDir dir;
    Database db = populated(dir.filePath("clinic.db"), 10, 2);
    auto missingFolder = db.exportTo(str(dir.filePath("no/such/folder/backup.db")), testKey(11));
    QVERIFY(!missingFolder.ok());
    QCOMPARE(missingFolder.error().code, ErrorCode::StorageError);

    const QString mountPoint = dir.filePath("small");
    QVERIFY(QDir().mkpath(mountPoint));
    if (!test::mountTmpfs(mountPoint, "64k"))
        QSKIP("cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN); disk-full export not tested");
    struct Cleanup
    {
        QString dir;
        ~Cleanup() { test::unmount(dir); }
    } cleanup{mountPoint};
    Database big = populated(dir.filePath("big.db"), 12, 200); // far more than 64 KiB
    auto full = big.exportTo(str(mountPoint + "/backup.db"), testKey(13));
    QVERIFY(!full.ok());
    QVERIFY2(full.error().code == ErrorCode::StorageFull, full.error().message.c_str());
    QVERIFY(QDir(mountPoint).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
    QVERIFY(!big.inTransaction());
    QVERIFY(big.exec("INSERT INTO t (v) VALUES (x'01');").ok()); // the source still works
}

void TestDatabaseMaintenance::checkpointEmptiesWal()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("clinic.db");
    Database db = populated(path, 14, 20);
    QVERIFY(fileBytes(path + "-wal").size() > 0);
    QVERIFY(db.checkpoint().ok());
    QCOMPARE(fileBytes(path + "-wal").size(), qsizetype(0));
}

QTEST_GUILESS_MAIN(TestDatabaseMaintenance)
#include "TestDatabaseMaintenance.moc"
