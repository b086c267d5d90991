// SPDX-License-Identifier: GPL-3.0-or-later
// Migrations: every schema version reaches the latest; a failing step keeps the previous version.
#include "db/ClinicSchema.h"
#include "db/Database.h"
#include "db/Migration.h"

#include "DbTestSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace cc;
using namespace cc::db;
using cc::db::test::str;
using cc::db::test::testKey;

namespace {

std::vector<Migration> prefix(const std::vector<Migration>& all, std::size_t n)
{
    return std::vector<Migration>(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n));
}

/// The schema as text: every table, index, trigger and view with its SQL, in name order.
std::string schemaOf(Database& db)
{
    std::string out;
    auto stmt = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name;");
    while (*stmt->step())
        out += stmt->columnText(0) + "|" + stmt->columnText(1) + "|" + stmt->columnText(2) + "|" + stmt->columnText(3) +
               "\n";
    return out;
}

std::map<std::string, std::int64_t> rowCounts(Database& db)
{
    std::vector<std::string> tables;
    auto list = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';");
    while (*list->step())
        tables.push_back(list->columnText(0));
    std::map<std::string, std::int64_t> counts;
    for (const auto& table : tables) {
        auto count = db.prepare("SELECT count(*) FROM \"" + table + "\";");
        if (*count->step())
            counts[table] = count->columnInt64(0);
    }
    return counts;
}

/// Sample rows for the tables a clinic schema version introduced, so "vK -> latest" is tested
/// with data in it. Later migrations: add a case for your version.
Status seedVersion(Database& db, int version)
{
    switch (version) {
    case 1:
        CC_TRY(db.exec("INSERT INTO meta (name, value) VALUES ('clinic_id', x'00112233445566778899aabbccddeeff');"));
        CC_TRY(db.exec("INSERT INTO audit_events (seq, body, prev_hash, hash, mac) "
                       "VALUES (1, x'01', zeroblob(32), randomblob(32), randomblob(32));"));
        CC_TRY(
            db.exec("INSERT INTO audit_state (id, seq, hash, mac_key) VALUES (1, 1, randomblob(32), randomblob(32));"));
        return {};
    case 3:
        CC_TRY(db.exec("INSERT INTO patients (id, identity_key_id, identity_key_wrapped, clinical_key_id, "
                       "clinical_key_wrapped, doc) VALUES (x'0102030405060708090a0b0c0d0e0f10', 1, randomblob(60), 2, "
                       "randomblob(60), randomblob(80));"));
        CC_TRY(db.exec("INSERT INTO clinical_rows (id, patient_id, encounter_id, kind, doc) VALUES "
                       "(x'1102030405060708090a0b0c0d0e0f10', x'0102030405060708090a0b0c0d0e0f10', NULL, 'note', "
                       "randomblob(80));"));
        return {};
    case 4:
        // Needs the version-3 patient seeded above.
        CC_TRY(db.exec("INSERT INTO confidential_keys (patient_id, key_id, key_wrapped) VALUES "
                       "(x'0102030405060708090a0b0c0d0e0f10', 3, randomblob(60));"));
        CC_TRY(db.exec("INSERT INTO attachments (id, patient_id, encounter_id, file_key_id, file_key_sealed, doc) "
                       "VALUES (x'2102030405060708090a0b0c0d0e0f10', x'0102030405060708090a0b0c0d0e0f10', NULL, 4, "
                       "randomblob(65), randomblob(120));"));
        CC_TRY(db.exec("INSERT INTO attachment_chunks (attachment_id, chunk_index, data) VALUES "
                       "(x'2102030405060708090a0b0c0d0e0f10', 0, randomblob(100));"));
        return {};
    case 8:
        // A condition token of the version-3 row (its reference is the clear id until converted).
        CC_TRY(db.exec("INSERT INTO condition_tokens (row_id, patient_ref, token) VALUES "
                       "(x'1102030405060708090a0b0c0d0e0f10', x'0102030405060708090a0b0c0d0e0f10', randomblob(16));"));
        return {};
    default:
        return {};
    }
}

Database freshDb(QTemporaryDir& dir, const QString& name)
{
    auto db = Database::open(str(dir.filePath(name)), testKey(1), OpenMode::CreateIfMissing);
    if (!db.ok())
        qFatal("cannot create test database");
    return std::move(db).value();
}

Status createTable(Database& db, const char* name)
{
    return db.exec(std::string("CREATE TABLE ") + name + " (id INTEGER PRIMARY KEY, v BLOB);");
}

bool tableExists(Database& db, const char* name)
{
    auto stmt = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1;");
    if (!stmt->bindText(1, name).ok() || !*stmt->step())
        return false;
    return stmt->columnInt64(0) == 1;
}

std::vector<Migration> synthetic(int failAt)
{
    auto step = [failAt](int version, const char* table) {
        return [failAt, version, table](Database& db) -> Status {
            CC_TRY(createTable(db, table));
            if (version == failAt) {
                // Even a version bump inside the failing step must be undone.
                CC_TRY(db.setUserVersion(99));
                return makeError(ErrorCode::StorageFull, "simulated failure");
            }
            return {};
        };
    };
    return {
        {1, "one", step(1, "one"), false}, {2, "two", step(2, "two"), false}, {3, "three", step(3, "three"), false}};
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void clinicListIsValid();
    void freshToEveryVersion();
    void everyVersionToLatest();
    void failingMigrationKeepsPreviousVersion_data();
    void failingMigrationKeepsPreviousVersion();
    void newerDatabaseIsUnsupported();
    void invalidListsAreRejected_data();
    void invalidListsAreRejected();
    void tableRebuildPatternKeepsRowsAndForeignKeys();
    void readOnlyDatabaseNeedingUpgrade();
};

void TestMigrations::clinicListIsValid()
{
    QVERIFY(validateMigrations(clinicMigrations()).ok());
    for (const auto& m : clinicMigrations())
        QVERIFY(!m.description.empty());
}

void TestMigrations::freshToEveryVersion()
{
    const auto& all = clinicMigrations();
    for (std::size_t n = 1; n <= all.size(); ++n) {
        QTemporaryDir dir;
        Database db = freshDb(dir, "clinic.db");
        auto result = migrate(db, prefix(all, n));
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(*db.userVersion(), static_cast<int>(n));
        QVERIFY(db.integrityCheck().ok());
        // Running again is a no-op.
        const std::string schema = schemaOf(db);
        QVERIFY(migrate(db, prefix(all, n)).ok());
        QCOMPARE(schemaOf(db), schema);
    }
}

void TestMigrations::everyVersionToLatest()
{
    const auto& all = clinicMigrations();
    QTemporaryDir referenceDir;
    Database reference = freshDb(referenceDir, "reference.db");
    QVERIFY(migrate(reference, all).ok());
    const std::string latestSchema = schemaOf(reference);

    for (std::size_t k = 0; k <= all.size(); ++k) {
        QTemporaryDir dir;
        const QString path = dir.filePath("clinic.db");
        std::map<std::string, std::int64_t> before;
        {
            Database db = freshDb(dir, "clinic.db");
            if (k > 0) {
                for (std::size_t v = 1; v <= k; ++v) {
                    QVERIFY(migrate(db, prefix(all, v)).ok());
                    QVERIFY(seedVersion(db, static_cast<int>(v)).ok());
                }
            }
            QCOMPARE(*db.userVersion(), static_cast<int>(k));
            before = rowCounts(db);
        }
        // Reopen as a later CipherChart would, then upgrade.
        auto db = Database::open(str(path), testKey(1), OpenMode::ExistingOnly);
        QVERIFY(db.ok());
        auto result = migrate(*db, all);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(*db->userVersion(), static_cast<int>(all.size()));
        QCOMPARE(schemaOf(*db), latestSchema);
        const auto after = rowCounts(*db);
        for (const auto& [table, count] : before) {
            QVERIFY2(after.count(table) == 1, table.c_str());
            QCOMPARE(after.at(table), count);
        }
        QVERIFY(db->integrityCheck().ok());
    }
}

void TestMigrations::failingMigrationKeepsPreviousVersion_data()
{
    QTest::addColumn<int>("failAt");
    QTest::addColumn<int>("startAt");
    QTest::newRow("first of three fails on a fresh file") << 1 << 0;
    QTest::newRow("second fails on a fresh file") << 2 << 0;
    QTest::newRow("third fails on a fresh file") << 3 << 0;
    QTest::newRow("third fails on a version-1 file") << 3 << 1;
    QTest::newRow("second fails on a version-1 file") << 2 << 1;
}

void TestMigrations::failingMigrationKeepsPreviousVersion()
{
    QFETCH(int, failAt);
    QFETCH(int, startAt);
    QTemporaryDir dir;
    Database db = freshDb(dir, "clinic.db");
    if (startAt > 0)
        QVERIFY(migrate(db, prefix(synthetic(0), static_cast<std::size_t>(startAt))).ok());

    auto result = migrate(db, synthetic(failAt));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::StorageFull); // the step's own code is kept
    QVERIFY(result.error().message.find("migration " + std::to_string(failAt)) != std::string::npos);
    QCOMPARE(*db.userVersion(), failAt - 1);
    QVERIFY(!db.inTransaction());
    static const char* names[] = {"one", "two", "three"};
    for (int v = 1; v <= 3; ++v)
        QCOMPARE(tableExists(db, names[v - 1]), v < failAt);

    // A fixed list then carries on from where the failed run stopped.
    QVERIFY(migrate(db, synthetic(0)).ok());
    QCOMPARE(*db.userVersion(), 3);
    for (const char* name : names)
        QVERIFY(tableExists(db, name));
}

void TestMigrations::newerDatabaseIsUnsupported()
{
    QTemporaryDir dir;
    Database db = freshDb(dir, "clinic.db");
    QVERIFY(migrate(db, synthetic(0)).ok());
    const std::string schema = schemaOf(db);
    auto result = migrate(db, prefix(synthetic(0), 2));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Unsupported);
    QCOMPARE(*db.userVersion(), 3);
    QCOMPARE(schemaOf(db), schema);
    // The real list too: a database from a future CipherChart is left alone.
    QVERIFY(db.setUserVersion(static_cast<int>(clinicMigrations().size()) + 1).ok());
    QCOMPARE(migrate(db, clinicMigrations()).error().code, ErrorCode::Unsupported);
}

void TestMigrations::invalidListsAreRejected_data()
{
    QTest::addColumn<QList<int>>("versions");
    QTest::addColumn<bool>("withApply");
    QTest::newRow("empty") << QList<int>{} << true;
    QTest::newRow("starts at 0") << QList<int>{0, 1} << true;
    QTest::newRow("starts at 2") << QList<int>{2, 3} << true;
    QTest::newRow("gap") << QList<int>{1, 2, 4} << true;
    QTest::newRow("duplicate") << QList<int>{1, 2, 2} << true;
    QTest::newRow("out of order") << QList<int>{1, 3, 2} << true;
    QTest::newRow("no apply") << QList<int>{1} << false;
}

void TestMigrations::invalidListsAreRejected()
{
    QFETCH(QList<int>, versions);
    QFETCH(bool, withApply);
    std::vector<Migration> list;
    for (int v : versions) {
        Migration m{v, "m", nullptr, false};
        if (withApply)
            m.apply = [](Database&) -> Status { return {}; };
        list.push_back(m);
    }
    QTemporaryDir dir;
    Database db = freshDb(dir, "clinic.db");
    auto result = migrate(db, list);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(*db.userVersion(), 0);
    QVERIFY(schemaOf(db).empty());
}

void TestMigrations::tableRebuildPatternKeepsRowsAndForeignKeys()
{
    // The documented rebuild pattern (Migration.h), as a later migration would use it to drop a column.
    std::vector<Migration> list = {
        {1, "parent and child",
         [](Database& db) -> Status {
             CC_TRY(db.exec("CREATE TABLE parent (id INTEGER PRIMARY KEY, old BLOB, keep BLOB);"
                            "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL "
                            "REFERENCES parent(id) ON DELETE CASCADE);"
                            "INSERT INTO parent VALUES (1, x'aa', x'01'), (2, x'bb', x'02');"
                            "INSERT INTO child VALUES (10, 1), (11, 2);"));
             return {};
         },
         false},
        {2, "drop parent.old by rebuilding",
         [](Database& db) -> Status {
             CC_TRY(db.exec("CREATE TABLE new_parent (id INTEGER PRIMARY KEY, keep BLOB);"
                            "INSERT INTO new_parent (id, keep) SELECT id, keep FROM parent;"
                            "DROP TABLE parent;"
                            "ALTER TABLE new_parent RENAME TO parent;"));
             return {};
         },
         true},
    };
    QTemporaryDir dir;
    Database db = freshDb(dir, "clinic.db");
    auto result = migrate(db, list);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    auto children = db.prepare("SELECT count(*) FROM child;");
    QVERIFY(*children->step());
    QCOMPARE(children->columnInt64(0), std::int64_t{2}); // no cascade fired during the rebuild
    auto fk = db.prepare("PRAGMA foreign_keys;");
    QVERIFY(*fk->step());
    QCOMPARE(fk->columnInt64(0), std::int64_t{1}); // switched back on
    // The child's REFERENCES still name "parent" and are enforced.
    QVERIFY(!db.exec("INSERT INTO child VALUES (12, 99);").ok());
    QVERIFY(db.exec("DELETE FROM parent WHERE id = 1;").ok());
    auto left = db.prepare("SELECT count(*) FROM child;");
    QVERIFY(*left->step());
    QCOMPARE(left->columnInt64(0), std::int64_t{1});

    // A rebuild that breaks a reference is refused by foreign_key_check and rolled back.
    std::vector<Migration> broken = list;
    broken.push_back(
        {3, "orphan the children", [](Database& d) -> Status { return d.exec("DELETE FROM parent;"); }, true});
    auto refused = migrate(db, broken);
    QCOMPARE(refused.error().code, ErrorCode::IntegrityFailure);
    QCOMPARE(*db.userVersion(), 2);
}

void TestMigrations::readOnlyDatabaseNeedingUpgrade()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("clinic.db");
    {
        Database db = freshDb(dir, "clinic.db");
        QVERIFY(migrate(db, prefix(synthetic(0), 1)).ok());
    }
    auto db = Database::open(str(path), testKey(1), OpenMode::ReadOnly);
    QVERIFY(db.ok());
    QCOMPARE(migrate(*db, synthetic(0)).error().code, ErrorCode::StorageReadOnly);
    QVERIFY(migrate(*db, prefix(synthetic(0), 1)).ok()); // already current: fine read-only
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
