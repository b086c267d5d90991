// SPDX-License-Identifier: GPL-3.0-or-later
// Database, Statement and Transaction: keying, pragmas, plaintext canary, error mapping.
#include "db/Database.h"
#include "db/Transaction.h"

#include "DbTestSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>

using namespace cc;
using namespace cc::db;
using cc::db::test::fileBytes;
using cc::db::test::str;
using cc::db::test::testKey;

namespace {

Result<std::string> pragmaText(Database& db, const char* sql)
{
    auto stmt = db.prepare(sql);
    CC_TRY(stmt);
    auto row = stmt->step();
    CC_TRY(row);
    if (!*row)
        return std::string();
    return stmt->columnText(0);
}

Result<std::int64_t> countRows(Database& db, const char* table)
{
    auto stmt = db.prepare(std::string("SELECT count(*) FROM ") + table + ";");
    CC_TRY(stmt);
    auto row = stmt->step();
    CC_TRY(row);
    return stmt->columnInt64(0);
}

Database createWithTable(const QString& path, std::uint64_t seed)
{
    auto db = Database::open(str(path), testKey(seed), OpenMode::CreateIfMissing);
    if (!db.ok())
        qFatal("cannot create test database: %s", db.error().message.c_str());
    if (!db->exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB);").ok())
        qFatal("cannot create test table");
    return std::move(db).value();
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void createThenReopen();
    void pragmasAreApplied();
    void newFileIsPrivate();
    void keyMustBe32Bytes();
    void missingFileIsNotFound();
    void wrongKeyIsKeyMismatch();
    void foreignFileIsKeyMismatch_data();
    void foreignFileIsKeyMismatch();
    void plaintextCanaryNeverReachesDisk();
    void statementBindsAndReadsEveryType();
    void bindErrorsNameNoValue();
    void transactionRollsBackOnDestruction();
    void transactionCommitAndMove();
    void busyWriterGivesStorageBusy();
    void readOnlyModeRefusesWrites();
    void readOnlyMediumIsStorageReadOnly();
    void tamperedPageFailsIntegrityCheck();
};

void TestDatabase::createThenReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("clinic.db");
    {
        Database db = createWithTable(path, 1);
        auto stmt = db.prepare("INSERT INTO t (v) VALUES (?1);");
        QVERIFY(stmt.ok());
        QVERIFY(stmt->bindText(1, "first").ok());
        QCOMPARE(*stmt->step(), false);
        QCOMPARE(db.lastInsertRowId(), std::int64_t{1});
        QCOMPARE(db.changes(), 1);
        QVERIFY(!db.isReadOnly());
    }
    auto reopened = Database::open(str(path), testKey(1), OpenMode::ExistingOnly);
    QVERIFY2(reopened.ok(), reopened.ok() ? "" : reopened.error().message.c_str());
    QCOMPARE(*countRows(*reopened, "t"), std::int64_t{1});
    QCOMPARE(reopened->path(), str(path));
}

void TestDatabase::pragmasAreApplied()
{
    QTemporaryDir dir;
    Database db = createWithTable(dir.filePath("clinic.db"), 2);
    QVERIFY(!pragmaText(db, "PRAGMA cipher_version;")->empty());
    QCOMPARE(*pragmaText(db, "PRAGMA cipher_page_size;"), std::to_string(Database::kPageSize));
    QCOMPARE(db.pageSize(), Database::kPageSize);
    QCOMPARE(*pragmaText(db, "PRAGMA journal_mode;"), std::string("wal"));
    QCOMPARE(*pragmaText(db, "PRAGMA synchronous;"), std::string("2")); // FULL
    QCOMPARE(*pragmaText(db, "PRAGMA temp_store;"), std::string("2"));  // MEMORY
    QCOMPARE(*pragmaText(db, "PRAGMA secure_delete;"), std::string("1"));
    QCOMPARE(*pragmaText(db, "PRAGMA foreign_keys;"), std::string("1"));
    QCOMPARE(*db.userVersion(), 0);
    QVERIFY(db.setUserVersion(7).ok());
    QCOMPARE(*db.userVersion(), 7);
    QCOMPARE(db.setUserVersion(-1).error().code, ErrorCode::InvalidArgument);
}

void TestDatabase::newFileIsPrivate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("clinic.db");
    Database db = createWithTable(path, 3);
    struct stat info
    {};
    QCOMPARE(::stat(str(path).c_str(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0600u);
    QCOMPARE(::stat(str(path + "-wal").c_str(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0600u);
}

void TestDatabase::keyMustBe32Bytes()
{
    QTemporaryDir dir;
    crypto::SecureBytes shortKey(31);
    auto db = Database::open(str(dir.filePath("a.db")), shortKey, OpenMode::CreateIfMissing);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!QFile::exists(dir.filePath("a.db")));
}

void TestDatabase::missingFileIsNotFound()
{
    QTemporaryDir dir;
    for (auto mode : {OpenMode::ExistingOnly, OpenMode::ReadOnly}) {
        auto db = Database::open(str(dir.filePath("absent.db")), testKey(1), mode);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::NotFound);
    }
    QVERIFY(!QFile::exists(dir.filePath("absent.db")));
}

void TestDatabase::wrongKeyIsKeyMismatch()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("clinic.db");
    {
        Database db = createWithTable(path, 4);
    }
    for (auto mode : {OpenMode::ExistingOnly, OpenMode::ReadOnly, OpenMode::CreateIfMissing}) {
        auto db = Database::open(str(path), testKey(5), mode);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::KeyMismatch);
        QVERIFY(db.error().message.find("wrong database key or not a CipherChart database") != std::string::npos);
    }
    // One flipped key bit is as wrong as any other key.
    crypto::SecureBytes flipped = testKey(4);
    flipped[31] ^= 0x01;
    auto db = Database::open(str(path), flipped, OpenMode::ExistingOnly);
    QCOMPARE(db.error().code, ErrorCode::KeyMismatch);
    QVERIFY(Database::open(str(path), testKey(4), OpenMode::ExistingOnly).ok());
}

void TestDatabase::foreignFileIsKeyMismatch_data()
{
    QTest::addColumn<QByteArray>("content");
    crypto::DeterministicRng rng(99);
    const auto random = rng.bytes(8192);
    QTest::newRow("random bytes") << QByteArray(reinterpret_cast<const char*>(random.data()), 8192);
    QByteArray plain("SQLite format 3\0", 16);
    plain.append(QByteArray(4096 - 16, '\0'));
    QTest::newRow("plain SQLite header") << plain;
    QTest::newRow("short text") << QByteArray("patient list\n");
    QTest::newRow("empty file") << QByteArray();
}

void TestDatabase::foreignFileIsKeyMismatch()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath("foreign.db");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    auto db = Database::open(str(path), testKey(1), OpenMode::ExistingOnly);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, ErrorCode::KeyMismatch);
    QCOMPARE(fileBytes(path), content); // nothing written into a file that is not ours
}

void TestDatabase::plaintextCanaryNeverReachesDisk()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("clinic.db");
    const QByteArray canary = "CANARY-Quokka-Zebra-7f3e91-PATIENT-NAME";
    {
        Database db = createWithTable(path, 6);
        auto stmt = db.prepare("INSERT INTO t (v) VALUES (?1);");
        QVERIFY(stmt.ok());
        for (int i = 0; i < 50; ++i) {
            QVERIFY(stmt->bindText(1, canary.toStdString()).ok());
            QVERIFY(stmt->step().ok());
            stmt->reset();
        }
        QVERIFY(db.exec("CREATE INDEX t_v ON t (v);").ok());
        // Before the checkpoint the pages live in the WAL: it must be ciphertext too.
        QVERIFY(!fileBytes(path + "-wal").isEmpty());
        QVERIFY(!fileBytes(path + "-wal").contains(canary));
        QVERIFY(!fileBytes(path + "-shm").contains(canary));
        QVERIFY(db.checkpoint().ok());
    }
    const QByteArray main = fileBytes(path);
    QVERIFY(main.size() >= 4096);
    QVERIFY(!main.contains(canary));
    QVERIFY(!main.contains("CANARY"));
    QVERIFY(!main.startsWith("SQLite format 3"));
    QVERIFY(!main.contains("CREATE TABLE")); // the schema is encrypted as well
    QVERIFY(!fileBytes(path + "-wal").contains(canary));
    QVERIFY(!fileBytes(path + "-shm").contains(canary));
    // Control: the canary is really stored, so the scan above could have found it.
    auto db = Database::open(str(path), testKey(6), OpenMode::ReadOnly);
    QVERIFY(db.ok());
    auto stmt = db->prepare("SELECT v FROM t LIMIT 1;");
    QVERIFY(*stmt->step());
    QCOMPARE(QByteArray::fromStdString(stmt->columnText(0)), canary);
}

void TestDatabase::statementBindsAndReadsEveryType()
{
    QTemporaryDir dir;
    Database db = createWithTable(dir.filePath("clinic.db"), 7);
    QVERIFY(db.exec("CREATE TABLE v (i INTEGER, d REAL, s TEXT, b BLOB, n BLOB);").ok());
    auto insert = db.prepare("INSERT INTO v VALUES (?1, ?2, ?3, ?4, ?5);");
    QVERIFY(insert.ok());
    const std::vector<std::uint8_t> blob = {0x00, 0xff, 0x10, 0x00};
    QVERIFY(insert->bindInt64(1, -9007199254740993LL).ok());
    QVERIFY(insert->bindDouble(2, 2.5).ok());
    QVERIFY(insert->bindText(3, std::string_view("h\xc3\xa9llo\0x", 8)).ok());
    QVERIFY(insert->bindBlob(4, blob).ok());
    QVERIFY(insert->bindNull(5).ok());
    QCOMPARE(*insert->step(), false);
    // Empty blob stays a blob, not NULL; a secret binds without a copy.
    insert->reset();
    crypto::SecureBytes secret = testKey(8);
    QVERIFY(insert->bindBlob(4, std::span<const std::uint8_t>()).ok());
    QVERIFY(insert->bindSecret(5, secret).ok());
    QCOMPARE(*insert->step(), false);

    auto select = db.prepare("SELECT i, d, s, b, n FROM v ORDER BY rowid;");
    QVERIFY(select.ok());
    QCOMPARE(select->columnCount(), 5);
    QCOMPARE(*select->step(), true);
    QCOMPARE(select->columnInt64(0), std::int64_t{-9007199254740993LL});
    QCOMPARE(select->columnDouble(1), 2.5);
    QCOMPARE(select->columnText(2), std::string("h\xc3\xa9llo\0x", 8));
    QVERIFY(select->columnBlob(3) == blob);
    const auto span = select->columnSpan(3); // SQLite's own bytes, no copy
    QVERIFY(std::equal(span.begin(), span.end(), blob.begin(), blob.end()));
    QVERIFY(select->columnSpan(4).empty()); // NULL
    QVERIFY(select->isNull(4));
    QVERIFY(!select->isNull(3));
    QCOMPARE(*select->step(), true);
    QVERIFY(select->isNull(0)); // reset() cleared the bindings
    QVERIFY(!select->isNull(3));
    QVERIFY(select->columnBlob(3).empty());
    QVERIFY(select->columnSpan(3).empty());
    QVERIFY(select->columnSecureBlob(4) == secret);
    QCOMPARE(*select->step(), false);
}

void TestDatabase::bindErrorsNameNoValue()
{
    QTemporaryDir dir;
    Database db = createWithTable(dir.filePath("clinic.db"), 9);
    auto stmt = db.prepare("INSERT INTO t (id, v) VALUES (?1, ?2);");
    QCOMPARE(stmt->bindInt64(3, 1).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(stmt->bindInt64(0, 1).error().code, ErrorCode::InvalidArgument);
    QVERIFY(stmt->bindInt64(1, 5).ok());
    QVERIFY(stmt->bindText(2, "SECRET-VALUE-1").ok());
    QVERIFY(stmt->step().ok());
    stmt->reset();
    QVERIFY(stmt->bindInt64(1, 5).ok()); // duplicate primary key
    QVERIFY(stmt->bindText(2, "SECRET-VALUE-2").ok());
    auto failed = stmt->step();
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::StorageError);
    QVERIFY(failed.error().message.find("INSERT INTO") != std::string::npos);
    QVERIFY(failed.error().message.find("SECRET-VALUE") == std::string::npos);
    auto bad = db.prepare("SELEKT nothing;");
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode::StorageError);
}

void TestDatabase::transactionRollsBackOnDestruction()
{
    QTemporaryDir dir;
    Database db = createWithTable(dir.filePath("clinic.db"), 10);
    {
        auto tx = Transaction::begin(db, Transaction::Mode::Immediate);
        QVERIFY(tx.ok());
        QVERIFY(db.inTransaction());
        QVERIFY(db.exec("INSERT INTO t (v) VALUES (x'01');").ok());
        QCOMPARE(*countRows(db, "t"), std::int64_t{1});
    } // no commit
    QVERIFY(!db.inTransaction());
    QCOMPARE(*countRows(db, "t"), std::int64_t{0});
    {
        auto tx = Transaction::begin(db, Transaction::Mode::Deferred);
        QVERIFY(db.exec("INSERT INTO t (v) VALUES (x'02');").ok());
        QVERIFY(tx->rollback().ok());
        QVERIFY(!tx->active());
        QCOMPARE(tx->commit().error().code, ErrorCode::InvalidArgument);
    }
    QCOMPARE(*countRows(db, "t"), std::int64_t{0});
    // Transactions do not nest.
    auto outer = Transaction::begin(db, Transaction::Mode::Immediate);
    auto inner = Transaction::begin(db, Transaction::Mode::Immediate);
    QVERIFY(!inner.ok());
}

void TestDatabase::transactionCommitAndMove()
{
    QTemporaryDir dir;
    Database db = createWithTable(dir.filePath("clinic.db"), 11);
    {
        auto tx = Transaction::begin(db, Transaction::Mode::Immediate);
        QVERIFY(db.exec("INSERT INTO t (v) VALUES (x'01');").ok());
        Transaction moved = std::move(tx).value(); // the moved-from object must not roll back
        QVERIFY(db.exec("INSERT INTO t (v) VALUES (x'02');").ok());
        QVERIFY(moved.commit().ok());
        QVERIFY(!moved.active());
    }
    QCOMPARE(*countRows(db, "t"), std::int64_t{2});
}

void TestDatabase::busyWriterGivesStorageBusy()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("clinic.db");
    Database first = createWithTable(path, 12);
    auto second = Database::open(str(path), testKey(12), OpenMode::ExistingOnly);
    QVERIFY(second.ok());
    second->setBusyTimeout(std::chrono::milliseconds(50));

    auto holding = Transaction::begin(first, Transaction::Mode::Immediate);
    QVERIFY(holding.ok());
    QVERIFY(first.exec("INSERT INTO t (v) VALUES (x'01');").ok());

    auto blocked = Transaction::begin(*second, Transaction::Mode::Immediate);
    QVERIFY(!blocked.ok());
    QCOMPARE(blocked.error().code, ErrorCode::StorageBusy);
    auto write = second->exec("INSERT INTO t (v) VALUES (x'02');");
    QCOMPARE(write.error().code, ErrorCode::StorageBusy);
    // WAL: readers are not blocked, and do not see the uncommitted row.
    QCOMPARE(*countRows(*second, "t"), std::int64_t{0});

    QVERIFY(holding->commit().ok());
    QVERIFY(second->exec("INSERT INTO t (v) VALUES (x'02');").ok());
    QCOMPARE(*countRows(first, "t"), std::int64_t{2});
}

void TestDatabase::readOnlyModeRefusesWrites()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("clinic.db");
    {
        Database db = createWithTable(path, 13);
    }
    const QByteArray before = fileBytes(path);
    auto db = Database::open(str(path), testKey(13), OpenMode::ReadOnly);
    QVERIFY(db.ok());
    QVERIFY(db->isReadOnly());
    QCOMPARE(*countRows(*db, "t"), std::int64_t{0});
    auto write = db->exec("INSERT INTO t (v) VALUES (x'01');");
    QVERIFY(!write.ok());
    QCOMPARE(write.error().code, ErrorCode::StorageReadOnly);
    QCOMPARE(db->setUserVersion(3).error().code, ErrorCode::StorageReadOnly);
    QCOMPARE(db->rekey(testKey(14)).error().code, ErrorCode::StorageReadOnly);
    QCOMPARE(fileBytes(path), before);
}

void TestDatabase::readOnlyMediumIsStorageReadOnly()
{
    QTemporaryDir dir;
    const QString mountPoint = dir.filePath("media");
    QVERIFY(QDir().mkpath(mountPoint));
    if (!test::mountTmpfs(mountPoint, "2m"))
        QSKIP("cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN); read-only media not tested");
    struct Cleanup
    {
        QString dir;
        ~Cleanup() { test::unmount(dir); }
    } cleanup{mountPoint};

    const QString walDb = mountPoint + "/clinic.db";
    {
        Database db = createWithTable(walDb, 15);
        QVERIFY(db.exec("INSERT INTO t (v) VALUES (x'01');").ok());
        // A backup (sqlcipher_export) is in rollback-journal mode: readable from read-only media.
        QVERIFY(db.exportTo(str(mountPoint + "/backup.db"), testKey(16)).ok());
    }
    QVERIFY(test::remount(mountPoint, true));

    // SQLite 3.15 cannot read a WAL database without creating its -shm: the medium is the cause.
    for (auto mode : {OpenMode::ExistingOnly, OpenMode::ReadOnly}) {
        auto db = Database::open(str(walDb), testKey(15), mode);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::StorageReadOnly);
    }
    auto created = Database::open(str(mountPoint + "/new.db"), testKey(15), OpenMode::CreateIfMissing);
    QCOMPARE(created.error().code, ErrorCode::StorageReadOnly);

    auto backup = Database::open(str(mountPoint + "/backup.db"), testKey(16), OpenMode::ReadOnly);
    QVERIFY2(backup.ok(), backup.ok() ? "" : backup.error().message.c_str());
    QCOMPARE(*countRows(*backup, "t"), std::int64_t{1});
    QCOMPARE(backup->exec("INSERT INTO t (v) VALUES (x'02');").error().code, ErrorCode::StorageReadOnly);
}

void TestDatabase::tamperedPageFailsIntegrityCheck()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("clinic.db");
    {
        Database db = createWithTable(path, 17);
        auto stmt = db.prepare("INSERT INTO t (v) VALUES (?1);");
        const std::vector<std::uint8_t> payload(3000, 0x5a);
        for (int i = 0; i < 4; ++i) {
            QVERIFY(stmt->bindBlob(1, payload).ok());
            QVERIFY(stmt->step().ok());
            stmt->reset();
        }
        QVERIFY(db.integrityCheck().ok());
        QVERIFY(db.checkpoint().ok());
    }
    QByteArray bytes = fileBytes(path);
    QVERIFY(bytes.size() >= 2 * Database::kPageSize);
    bytes[Database::kPageSize + 1000] = static_cast<char>(bytes[Database::kPageSize + 1000] ^ 0x01); // page 2
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();

    auto db = Database::open(str(path), testKey(17), OpenMode::ExistingOnly);
    QVERIFY(db.ok()); // page 1 is intact, so the key check passes
    auto check = db->integrityCheck();
    QVERIFY(!check.ok());
    QCOMPARE(check.error().code, ErrorCode::IntegrityFailure);
    auto read = db->prepare("SELECT count(*), sum(length(v)) FROM t;");
    QVERIFY(read.ok());
    QCOMPARE(read->step().error().code, ErrorCode::IntegrityFailure);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
