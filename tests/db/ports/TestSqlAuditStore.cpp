// SPDX-License-Identifier: GPL-3.0-or-later
// SqlAuditStore + FileAnchorSink under the real AuditLog and AuditVerifier, tampering at the SQL level.
#include "db/ClinicSchema.h"
#include "db/Database.h"
#include "db/FileAnchorSink.h"
#include "db/SqlAuditStore.h"
#include "db/SqlClinicMetaStore.h"
#include "db/SqlTransactionFactory.h"

#include "../DbTestSupport.h"
#include "tests/core/audit/AuditFixture.h"

#include "core/audit/AuditLog.h"
#include "core/audit/AuditVerifier.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cc;
using namespace cc::audit;
using cc::db::test::str;
using cc::db::test::testKey;

Q_DECLARE_METATYPE(cc::audit::AuditProblem)

namespace {

constexpr int kEvents = 30;

QString describe(const AuditReport& r)
{
    return QStringLiteral("%1 at %2: %3")
        .arg(QString::fromLatin1(auditProblemName(r.problem).data()))
        .arg(r.problemSeq)
        .arg(QString::fromStdString(r.message));
}

/// A record that need not verify: the store checks only the sequence.
AuditRecord rawRecord(std::uint64_t seq)
{
    AuditRecord r;
    r.seq = seq;
    r.body = {0x7b, 0x7d};
    r.hash.fill(static_cast<std::uint8_t>(seq));
    r.mac.fill(0xaa);
    return r;
}

AuditState rawState(std::uint64_t seq)
{
    AuditState s;
    s.seq = seq;
    s.hash.fill(static_cast<std::uint8_t>(seq));
    s.macKey = crypto::SecureBytes(std::vector<std::uint8_t>(32, static_cast<std::uint8_t>(0x40 + seq)));
    return s;
}

} // namespace

class TestSqlAuditStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<db::SqlAuditStore> m_store;
    std::unique_ptr<db::FileAnchorSink> m_anchors;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<AuditLog> m_log;
    crypto::SecureBytes m_root = test::fixedRootKey();

    QString dbPath() const { return m_dir->filePath("clinic.db"); }

    void openDb(db::OpenMode mode = db::OpenMode::ExistingOnly)
    {
        m_log.reset();
        m_store.reset();
        m_db.reset();
        auto opened = db::Database::open(str(dbPath()), testKey(7), mode);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().describe().c_str());
        m_db = std::make_unique<db::Database>(std::move(opened).value());
        QVERIFY(db::migrate(*m_db, db::clinicMigrations()).ok());
        m_store = std::make_unique<db::SqlAuditStore>(*m_db);
        m_log = std::make_unique<AuditLog>(*m_store, *m_anchors, *m_clock, test::clinicA());
    }

    void closeDb()
    {
        m_log.reset();
        m_store.reset();
        QVERIFY(m_db->checkpoint().ok());
        m_db.reset();
    }

    void recordSamples(int from, int to)
    {
        for (int i = from; i < to; ++i) {
            m_clock->advance(std::chrono::milliseconds(1500));
            const Status st = m_log->record(test::sampleEvent(i));
            QVERIFY2(st.ok(), st.ok() ? "" : st.error().describe().c_str());
        }
    }

    AuditReport verify()
    {
        auto report = AuditVerifier(*m_store, test::clinicA()).verify(m_root, *m_anchors);
        if (!report.ok())
            qFatal("verifier failed: %s", report.error().describe().c_str());
        return std::move(report).value();
    }

    std::int64_t scalar(const char* sql)
    {
        auto stmt = m_db->prepare(sql);
        return *stmt->step() ? stmt->columnInt64(0) : -1;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_anchors = std::make_unique<db::FileAnchorSink>(str(m_dir->filePath("audit.anchor")));
        m_clock = std::make_unique<ManualClock>();
        openDb(db::OpenMode::CreateIfMissing);
        QVERIFY(AuditLog::initialise(*m_store, *m_anchors, m_root, test::clinicA()).ok());
    }

    void cleanup()
    {
        m_log.reset();
        m_store.reset();
        m_db.reset();
        m_dir.reset();
    }

    void chainOfThirtyVerifies()
    {
        recordSamples(0, kEvents);
        QCOMPARE(*m_store->count(), std::uint64_t{kEvents});
        const AuditReport report = verify();
        QVERIFY2(report.ok, qPrintable(describe(report)));
        QCOMPARE(report.eventsChecked, std::uint64_t{kEvents});
        QCOMPARE(m_anchors->read()->seq, std::uint64_t{kEvents});
        // Survives closing and reopening the database.
        closeDb();
        openDb();
        QVERIFY(verify().ok);
        recordSamples(kEvents, kEvents + 2);
        QVERIFY(verify().ok);
    }

    void initialiseTwiceIsAlreadyExists()
    {
        const auto again = m_store->initialise(rawState(0));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
    }

    void appendChecksTheHead()
    {
        auto gap = m_store->append(rawRecord(2), rawState(2));
        QVERIFY(!gap.ok());
        QCOMPARE(gap.error().code, ErrorCode::AlreadyExists);
        QVERIFY(m_store->append(rawRecord(1), rawState(1)).ok());
        auto replay = m_store->append(rawRecord(1), rawState(1));
        QVERIFY(!replay.ok());
        QCOMPARE(replay.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(*m_store->count(), std::uint64_t{1});
        const AuditState state = m_store->state().value().clone();
        QCOMPARE(state.seq, std::uint64_t{1});
        QVERIFY(state.macKey.equals(rawState(1).macKey.span()));
        QCOMPARE(m_store->read(1, 10)->front(), rawRecord(1));
        QVERIFY(m_store->read(2, 10)->empty());
        QVERIFY(m_store->read(1, 0)->empty());
    }

    void appendWithoutStateIsNotFound()
    {
        QVERIFY(m_db->exec("DELETE FROM audit_state;").ok());
        auto result = m_store->append(rawRecord(1), rawState(1));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::NotFound);
        QCOMPARE(m_store->state().error().code, ErrorCode::NotFound);
        QCOMPARE(scalar("SELECT count(*) FROM audit_events;"), std::int64_t{0});
    }

    // Inside a service's unit of work the append uses a SAVEPOINT: rolled back with the outer
    // transaction, and a failing append leaves the outer transaction's own writes alone.
    void savepointComposesWithOuterTransaction()
    {
        db::SqlTransactionFactory transactions(*m_db);
        {
            auto tx = transactions.begin();
            QVERIFY(tx.ok());
            QVERIFY(m_store->append(rawRecord(1), rawState(1)).ok());
            QVERIFY(m_db->inTransaction());
            QCOMPARE(scalar("SELECT count(*) FROM audit_events;"), std::int64_t{1});
            // destroyed without commit: rolls back
        }
        QVERIFY(!m_db->inTransaction());
        QCOMPARE(*m_store->count(), std::uint64_t{0});
        QCOMPARE(m_store->state()->seq, std::uint64_t{0});

        {
            auto tx = transactions.begin();
            QVERIFY(tx.ok());
            const std::uint8_t value[] = {1, 2, 3};
            QVERIFY(db::SqlClinicMetaStore(*m_db).set("probe", value).ok());
            auto wrong = m_store->append(rawRecord(5), rawState(5));
            QCOMPARE(wrong.error().code, ErrorCode::AlreadyExists);
            QVERIFY(m_db->inTransaction());
            QVERIFY(m_store->append(rawRecord(1), rawState(1)).ok());
            QVERIFY((*tx)->commit().ok());
        }
        QCOMPARE(*m_store->count(), std::uint64_t{1});
        QVERIFY(db::SqlClinicMetaStore(*m_db).get("probe")->has_value());
        // Without an outer transaction the store takes its own and leaves none open.
        QVERIFY(m_store->append(rawRecord(2), rawState(2)).ok());
        QVERIFY(!m_db->inTransaction());
    }

    void sqlTamperingIsNamed_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<AuditProblem>("problem");
        QTest::addColumn<int>("seq");
        QTest::newRow("UPDATE a body") << "UPDATE audit_events SET body = CAST('{}' AS BLOB) WHERE seq = 7;"
                                       << AuditProblem::HashMismatch << 7;
        QTest::newRow("UPDATE a mac") << "UPDATE audit_events SET mac = zeroblob(32) WHERE seq = 12;"
                                      << AuditProblem::MacMismatch << 12;
        QTest::newRow("DELETE a row") << "DELETE FROM audit_events WHERE seq = 9;" << AuditProblem::SequenceGap << 9;
        QTest::newRow("DELETE the last rows")
            << "DELETE FROM audit_events WHERE seq > 25;" << AuditProblem::Truncated << 26;
    }

    void sqlTamperingIsNamed()
    {
        QFETCH(QString, sql);
        QFETCH(AuditProblem, problem);
        QFETCH(int, seq);
        recordSamples(0, kEvents);
        // The triggers stop even the key holder's UPDATE and DELETE ...
        QVERIFY(!m_db->exec(sql.toStdString()).ok());
        // ... until an insider with the DBK drops them.
        QVERIFY(m_db->exec("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;").ok());
        QVERIFY(m_db->exec(sql.toStdString()).ok());
        const AuditReport report = verify();
        QVERIFY(!report.ok);
        QCOMPARE(report.problem, problem);
        QCOMPARE(report.problemSeq, static_cast<std::uint64_t>(seq));
        QVERIFY(report.message.find(std::to_string(seq)) != std::string::npos);
    }

    void damagedColumnIsIntegrityFailure()
    {
        recordSamples(0, 5);
        QVERIFY(m_db->exec("DROP TRIGGER audit_events_no_update;").ok());
        QVERIFY(m_db->exec("UPDATE audit_events SET hash = x'00' WHERE seq = 3;").ok());
        auto records = m_store->read(1, 10);
        QVERIFY(!records.ok());
        QCOMPARE(records.error().code, ErrorCode::IntegrityFailure);
        QVERIFY(records.error().message.find("3") != std::string::npos);
        QVERIFY(m_db->exec("UPDATE audit_state SET mac_key = x'01';").ok());
        QCOMPARE(m_store->state().error().code, ErrorCode::IntegrityFailure);
    }

    // A copy of clinic.db from earlier put back while the anchor file stays at the newer head.
    void olderDatabaseCopyIsDetected()
    {
        recordSamples(0, 10);
        closeDb();
        QVERIFY(QFile::copy(dbPath(), m_dir->filePath("old.db")));
        openDb();
        recordSamples(10, kEvents);
        closeDb();
        QVERIFY(QFile::remove(dbPath()));
        QFile::remove(dbPath() + "-wal");
        QFile::remove(dbPath() + "-shm");
        QVERIFY(QFile::copy(m_dir->filePath("old.db"), dbPath()));
        openDb();
        QCOMPARE(*m_store->count(), std::uint64_t{10});
        const AuditReport report = verify();
        QVERIFY(!report.ok);
        QCOMPARE(report.problem, AuditProblem::Truncated);
        QCOMPARE(report.problemSeq, std::uint64_t{11});
        // And the writer refuses to continue the rolled-back chain.
        const Status next = m_log->record(test::sampleEvent(40));
        QVERIFY(!next.ok());
        QCOMPARE(next.error().code, ErrorCode::IntegrityFailure);
        QCOMPARE(*m_store->count(), std::uint64_t{10});
    }
};

QTEST_GUILESS_MAIN(TestSqlAuditStore)
#include "TestSqlAuditStore.moc"
