// SPDX-License-Identifier: GPL-3.0-or-later
// Clinic schema version 1: the audit trail is append-only in the database itself.
#include "db/ClinicSchema.h"
#include "db/Database.h"
#include "db/Transaction.h"

#include "DbTestSupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cc;
using namespace cc::db;
using cc::db::test::str;
using cc::db::test::testKey;

namespace {

Database migratedDb(QTemporaryDir& dir)
{
    auto db = Database::open(str(dir.filePath("clinic.db")), testKey(1), OpenMode::CreateIfMissing);
    if (!db.ok() || !migrate(*db, clinicMigrations()).ok())
        qFatal("cannot create the clinic schema");
    return std::move(db).value();
}

Status appendEvent(Database& db, std::int64_t seq)
{
    auto stmt = db.prepare("INSERT INTO audit_events (seq, body, prev_hash, hash, mac) VALUES (?1, ?2, ?3, ?4, ?5);");
    CC_TRY(stmt);
    const std::vector<std::uint8_t> bytes(32, static_cast<std::uint8_t>(seq));
    CC_TRY(stmt->bindInt64(1, seq));
    for (int i = 2; i <= 5; ++i)
        CC_TRY(stmt->bindBlob(i, bytes));
    CC_TRY(stmt->step());
    return {};
}

std::int64_t count(Database& db, const char* sql)
{
    auto stmt = db.prepare(sql);
    return *stmt->step() ? stmt->columnInt64(0) : -1;
}

} // namespace

class TestClinicSchema : public QObject
{
    Q_OBJECT

private slots:
    void tablesExist();
    void auditEventsAreAppendOnly_data();
    void auditEventsAreAppendOnly();
    void auditStateHasOneRowUpdatedInPlace();
    void metaNeedsAValue();
    void attachmentTablesCheckTheirRows();
};

void TestClinicSchema::tablesExist()
{
    QTemporaryDir dir;
    Database db = migratedDb(dir);
    QCOMPARE(*db.userVersion(), static_cast<int>(clinicMigrations().size()));
    QCOMPARE(count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                       "('meta', 'audit_events', 'audit_state');"),
             std::int64_t{3});
    QCOMPARE(count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events';"),
             std::int64_t{3});
}

void TestClinicSchema::auditEventsAreAppendOnly_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("update body") << "UPDATE audit_events SET body = x'00' WHERE seq = 1;";
    QTest::newRow("update mac of all") << "UPDATE audit_events SET mac = zeroblob(32);";
    QTest::newRow("update seq") << "UPDATE audit_events SET seq = 7 WHERE seq = 2;";
    QTest::newRow("delete one") << "DELETE FROM audit_events WHERE seq = 2;";
    QTest::newRow("delete all (truncate)") << "DELETE FROM audit_events;";
    QTest::newRow("replace an event") << "INSERT OR REPLACE INTO audit_events VALUES (1, x'ff', x'ff', x'ff', x'ff');";
    QTest::newRow("REPLACE INTO") << "REPLACE INTO audit_events VALUES (2, x'ff', x'ff', x'ff', x'ff');";
}

void TestClinicSchema::auditEventsAreAppendOnly()
{
    QFETCH(QString, sql);
    QTemporaryDir dir;
    Database db = migratedDb(dir);
    QVERIFY(appendEvent(db, 1).ok());
    QVERIFY(appendEvent(db, 2).ok());
    const std::int64_t before = count(db, "SELECT count(*) FROM audit_events;");

    auto result = db.exec(sql.toStdString());
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.find("audit trail is append-only") != std::string::npos,
             result.error().message.c_str());
    QCOMPARE(count(db, "SELECT count(*) FROM audit_events;"), before);
    // Event 1 is byte-for-byte what was appended (32 bytes of 0x01 in every column).
    QCOMPARE(count(db, "SELECT count(*) FROM audit_events WHERE seq = 1 AND hex(body) = hex(hash) "
                       "AND hex(body) = hex(mac) AND hex(body) = "
                       "'0101010101010101010101010101010101010101010101010101010101010101';"),
             std::int64_t{1});
    // Appending still works, also inside a transaction after the refused statement.
    auto tx = Transaction::begin(db, Transaction::Mode::Immediate);
    QVERIFY(appendEvent(db, 3).ok());
    QVERIFY(tx->commit().ok());
    QCOMPARE(count(db, "SELECT count(*) FROM audit_events;"), before + 1);
}

void TestClinicSchema::auditStateHasOneRowUpdatedInPlace()
{
    QTemporaryDir dir;
    Database db = migratedDb(dir);
    QVERIFY(
        db.exec("INSERT INTO audit_state (id, seq, hash, mac_key) VALUES (1, 0, zeroblob(32), randomblob(32));").ok());
    QVERIFY(!db.exec("INSERT INTO audit_state (id, seq, hash, mac_key) VALUES (2, 0, x'00', x'00');").ok());
    QVERIFY(!db.exec("INSERT INTO audit_state (id, seq, hash, mac_key) VALUES (1, 0, x'00', x'00');").ok());
    QVERIFY(db.exec("UPDATE audit_state SET seq = 1, mac_key = randomblob(32) WHERE id = 1;").ok());
    QCOMPARE(db.changes(), 1);
    QCOMPARE(count(db, "SELECT count(*) FROM audit_state;"), std::int64_t{1});
    QVERIFY(!db.exec("UPDATE audit_state SET mac_key = NULL;").ok());
}

void TestClinicSchema::metaNeedsAValue()
{
    QTemporaryDir dir;
    Database db = migratedDb(dir);
    QVERIFY(db.exec("INSERT INTO meta (name, value) VALUES ('clinic_id', x'0102');").ok());
    QVERIFY(!db.exec("INSERT INTO meta (name, value) VALUES ('clinic_id', x'0304');").ok());
    QVERIFY(!db.exec("INSERT INTO meta (name, value) VALUES ('created', NULL);").ok());
}

void TestClinicSchema::attachmentTablesCheckTheirRows()
{
    QTemporaryDir dir;
    Database db = migratedDb(dir);
    QVERIFY(db.exec("PRAGMA foreign_keys = ON;").ok());
    const std::string patient = "x'0102030405060708090a0b0c0d0e0f10'";
    const std::string attachment = "x'2102030405060708090a0b0c0d0e0f10'";
    // Foreign keys: no confidential key without its patient, no chunk without its attachment.
    // Attachments name their patient by an opaque 16-byte reference (schema 7), never joined to
    // patients: only its length is checked.
    QVERIFY(!db.exec("INSERT INTO confidential_keys VALUES (" + patient + ", 1, x'00');").ok());
    QVERIFY(!db.exec("INSERT INTO attachments VALUES (" + attachment + ", x'0102', NULL, 1, x'00', x'00');").ok());
    QVERIFY(db.exec("INSERT INTO patients (id, identity_key_id, identity_key_wrapped, clinical_key_id, "
                    "clinical_key_wrapped, doc) VALUES (" +
                    patient + ", 1, x'00', 2, x'00', x'00');")
                .ok());
    QVERIFY(db.exec("INSERT INTO confidential_keys VALUES (" + patient + ", 1, x'00');").ok());
    QVERIFY(!db.exec("INSERT INTO confidential_keys VALUES (" + patient + ", 2, x'00');").ok()); // one per patient
    QVERIFY(!db.exec("INSERT INTO attachment_chunks VALUES (" + attachment + ", 0, x'00');").ok());
    QVERIFY(
        db.exec("INSERT INTO attachments VALUES (" + attachment + ", " + patient + ", NULL, 1, x'00', x'00');").ok());
    QVERIFY(!db.exec("INSERT INTO attachments VALUES (x'01', " + patient + ", NULL, 1, x'00', x'00');").ok());
    QVERIFY(db.exec("INSERT INTO attachment_chunks VALUES (" + attachment + ", 0, x'00');").ok());
    QVERIFY(!db.exec("INSERT INTO attachment_chunks VALUES (" + attachment + ", 0, x'01');").ok()); // unique index
    QVERIFY(!db.exec("INSERT INTO attachment_chunks VALUES (" + attachment + ", -1, x'01');").ok());
    QCOMPARE(count(db, "SELECT count(*) FROM attachment_chunks;"), std::int64_t{1});
}

QTEST_GUILESS_MAIN(TestClinicSchema)
#include "TestClinicSchema.moc"
