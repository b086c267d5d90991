// SPDX-License-Identifier: GPL-3.0-or-later
// Anchoring after commit and the external witness: the anchor never runs ahead of a rolled-back
// transaction, heads reach the witness only once durable, and a trail rewritten from an old copy
// is named event by event against the witness's log.
#include "AuditFixture.h"
#include "MemoryAnchorSink.h"
#include "MemoryAuditStore.h"

#include "core/audit/AuditChain.h"
#include "core/audit/AuditLog.h"
#include "core/audit/AuditVerifier.h"
#include "core/audit/AuditWitness.h"
#include "core/audit/WitnessCheck.h"

#include <QTest>

using namespace cc;
using namespace cc::audit;

namespace {

/// A witness that keeps what it received (as the collector's log file would), or refuses.
class MemoryWitness final : public AuditWitness
{
public:
    Status deliver(std::span<const std::string> messages) override
    {
        ++attempts;
        if (down)
            return makeError(ErrorCode::StorageError, "cannot connect to the audit witness 127.0.0.1:1: refused");
        for (const auto& m : messages)
            log += "Dec  4 20:00:00 ws1 cipherchart " + m + "\n";
        return {};
    }
    std::string log;
    bool down = false;
    int attempts = 0;
};

} // namespace

class TestAuditWitness : public QObject
{
    Q_OBJECT

    crypto::SecureBytes m_root = test::fixedRootKey();
    std::unique_ptr<test::MemoryAuditStore> m_store;
    std::unique_ptr<test::MemoryAnchorSink> m_anchors;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<AuditLog> m_log;
    MemoryWitness* m_witness = nullptr;

    void record(int sample)
    {
        m_clock->advance(std::chrono::milliseconds(700));
        const Status st = m_log->record(test::sampleEvent(sample));
        QVERIFY2(st.ok(), st.ok() ? "" : st.error().describe().c_str());
    }

    WitnessReport compare(const std::string& log)
    {
        auto report = checkAgainstWitness(*m_store, m_root, test::clinicA(), parseWitnessLog(log));
        if (!report.ok())
            qFatal("witness check failed: %s", report.error().describe().c_str());
        return std::move(report).value();
    }

private slots:
    void init()
    {
        m_store = std::make_unique<test::MemoryAuditStore>();
        m_anchors = std::make_unique<test::MemoryAnchorSink>();
        m_clock = std::make_unique<ManualClock>();
        QVERIFY(AuditLog::initialise(*m_store, *m_anchors, m_root, test::clinicA()).ok());
        m_log = std::make_unique<AuditLog>(*m_store, *m_anchors, *m_clock, test::clinicA());
        auto witness = std::make_unique<MemoryWitness>();
        m_witness = witness.get();
        m_log->setWitness(std::move(witness));
    }

    void messageRoundTrips()
    {
        WitnessedHead h;
        h.clinicId = test::clinicA();
        h.seq = 42;
        h.hash.fill(0x3f);
        h.mac.fill(0x9c);
        h.timeMs = 1767225600123;
        h.eventId = AuditEventId::SecurityAlert;
        h.eventType = AuditEventType::EmergencyOverrideStarted;
        h.action = AuditAction::Execute;
        h.outcome = AuditOutcome::SeriousFailure;
        h.userId = "fedcba9876543210fedcba9876543210";
        h.workstation = "ws-ward3.clinic.example";
        const std::string m = formatWitnessMessage(h);
        // RFC 5424: PRI 110 (facility 13 log audit, severity 6), version 1, then the timestamp.
        QVERIFY(
            m.rfind("<110>1 2026-01-01T00:00:00.123Z ws-ward3.clinic.example cipherchart - audit-head [cchead@32473 ",
                    0) == 0);
        // rsyslog's RSYSLOG_FileFormat and traditional formats both keep MSG; a CRLF line too.
        const std::string file = "2026-12-04T20:00:00+00:00 host " + m + "\r\nunrelated line\n" + m + "\n";
        const WitnessLog log = parseWitnessLog(file);
        QCOMPARE(log.heads.size(), std::size_t{2});
        QVERIFY(log.heads[0].head == h);
        QCOMPARE(log.heads[0].line, std::size_t{1});
        QCOMPARE(log.heads[1].line, std::size_t{3});
        QVERIFY(log.damagedLines.empty());
    }

    void damagedLinesAreReported_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::newRow("seq not a number") << "seq=4x";
        QTest::newRow("short hash") << "hash=3f3f";
        QTest::newRow("unknown event") << "event=1/0";
        QTest::newRow("upper-case clinic") << "clinic=C11C";
        QTest::newRow("unknown field") << "extra=1";
    }

    void damagedLinesAreReported()
    {
        QFETCH(QString, edit);
        WitnessedHead h;
        h.clinicId = test::clinicA();
        h.seq = 4;
        std::string m = formatWitnessMessage(h);
        const std::string e = edit.toStdString();
        const std::string key = e.substr(0, e.find('=') + 1);
        const std::size_t at = m.find(" " + key, m.find("cipherchart-audit-head"));
        if (at == std::string::npos)
            m += " " + e;
        else
            m.replace(at + 1, m.find(' ', at + 1) - at - 1, e);
        const WitnessLog log = parseWitnessLog("x\n" + m + "\n");
        QVERIFY(log.heads.empty());
        QCOMPARE(log.damagedLines, std::vector<std::size_t>{2});
        QVERIFY(!log.unterminatedTail);
    }

    /// A collector's log read while it grows ends inside a line: that is not a damaged line (the
    /// flaky failure of TestInsiderAudit with a real rsyslogd), and a whole line before it counts.
    void lineBeingWrittenIsNotDamaged()
    {
        WitnessedHead h;
        h.clinicId = test::clinicA();
        h.seq = 3;
        const std::string whole = formatWitnessMessage(h);
        h.seq = 4;
        const std::string next = formatWitnessMessage(h);
        const std::string_view marker = "cipherchart-audit-head v1 ";
        for (std::size_t cut = next.find(marker) + marker.size(); cut < next.size(); cut += 7) {
            const WitnessLog log = parseWitnessLog(whole + "\n" + next.substr(0, cut));
            QVERIFY(log.damagedLines.empty());
            QVERIFY(log.unterminatedTail);
            QCOMPARE(log.heads.size(), std::size_t{1}); // the cut line is never parsed, even if it could be
            QCOMPARE(log.heads.front().head.seq, std::uint64_t{3});
        }
        // The same cut followed by a line feed is a damaged line.
        const WitnessLog cutLine = parseWitnessLog(whole + "\n" + next.substr(0, next.size() - 20) + "\n");
        QCOMPARE(cutLine.damagedLines, std::vector<std::size_t>{2});
    }

    void everyCommittedHeadIsWitnessedAfterItsCommit()
    {
        record(0);
        QCOMPARE(m_anchors->read()->seq, std::uint64_t{1});
        QCOMPARE(parseWitnessLog(m_witness->log).heads.size(), std::size_t{1});
        const int purgesBefore = m_store->purges();

        m_store->beginTransaction();
        record(1);
        record(2);
        // Inside the transaction: neither anchor nor witness has heard of events 2 and 3, and a
        // further record in the same transaction is not refused for the anchor "lagging".
        QCOMPARE(m_anchors->read()->seq, std::uint64_t{1});
        QCOMPARE(parseWitnessLog(m_witness->log).heads.size(), std::size_t{1});
        m_store->commitTransaction();
        QCOMPARE(m_anchors->read()->seq, std::uint64_t{3});
        QCOMPARE(parseWitnessLog(m_witness->log).heads.size(), std::size_t{3});
        QCOMPARE(m_store->purges(), purgesBefore + 1); // one truncating checkpoint per commit
        auto report = AuditVerifier(*m_store, test::clinicA()).verify(m_root, *m_anchors);
        QVERIFY(report.ok() && report->ok);
        QVERIFY(compare(m_witness->log).ok);
    }

    void rolledBackEventsLeaveNoAnchorAhead()
    {
        record(0);
        m_store->beginTransaction();
        record(1);
        m_store->rollbackTransaction(); // the service's commit failed
        QCOMPARE(m_anchors->read()->seq, std::uint64_t{1});
        QCOMPARE(parseWitnessLog(m_witness->log).heads.size(), std::size_t{1});
        // The trail goes on (before the fix the anchor named event 2, which no longer existed,
        // and every later record was refused as a truncation).
        record(2);
        QCOMPARE(m_anchors->read()->seq, std::uint64_t{2});
        auto report = AuditVerifier(*m_store, test::clinicA()).verify(m_root, *m_anchors);
        QVERIFY2(report.ok() && report->ok, report.ok() ? report->message.c_str() : "");
        QVERIFY(compare(m_witness->log).ok);
    }

    void unreachableWitnessDoesNotStopTheWork()
    {
        m_witness->down = true;
        record(0);
        record(1); // within the retry interval: not even tried
        QCOMPARE(m_witness->attempts, 1);
        QVERIFY(!m_log->witnessStatus().lastError.empty());
        QCOMPARE(m_log->witnessStatus().backlog, std::size_t{2});
        m_witness->down = false;
        m_clock->advance(std::chrono::seconds(31));
        record(2);
        QVERIFY(m_log->witnessStatus().lastError.empty());
        QCOMPARE(m_log->witnessStatus().deliveredSeq, std::uint64_t{3});
        QCOMPARE(parseWitnessLog(m_witness->log).heads.size(), std::size_t{3});
    }

    // The attack of issue 10 item 5: an insider with the database key copies the database at event
    // n (so holds A_{n+1}), lets the clinic work on, then puts the copy back, writes new events of
    // their choosing with the copied key and a matching anchor. The trail and anchor verify; the
    // witness names every event the clinic no longer has.
    void rewriteFromAnOldCopyIsNamedByTheWitness()
    {
        for (int i = 0; i < 5; ++i)
            record(i);
        const auto copy = m_store->snapshot();
        for (int i = 5; i < 9; ++i)
            record(i); // events 6..9, witnessed
        m_store->restore(copy);
        test::MemoryAnchorSink ownAnchor;
        AuditLog insider(*m_store, ownAnchor, *m_clock, test::clinicA());
        QVERIFY(insider.reanchor().ok());
        for (int i = 20; i < 22; ++i)
            QVERIFY(insider.record(test::sampleEvent(i)).ok()); // forged 6 and 7 with the copied key
        auto plain = AuditVerifier(*m_store, test::clinicA()).verify(m_root, ownAnchor);
        QVERIFY(plain.ok());
        QVERIFY2(plain->ok, "without the witness the rewrite verifies: that is the gap the witness closes");

        const WitnessReport w = compare(m_witness->log);
        QVERIFY(!w.ok);
        QCOMPARE(w.lastWitnessedSeq, std::uint64_t{9});
        std::vector<std::uint64_t> different;
        std::vector<std::uint64_t> missing;
        for (const auto& f : w.findings) {
            if (f.kind == WitnessFinding::Kind::Different)
                different.push_back(f.seq);
            if (f.kind == WitnessFinding::Kind::Missing)
                missing.push_back(f.seq);
            QVERIFY2(f.message.find("event " + std::to_string(f.seq)) != std::string::npos, f.message.c_str());
        }
        QCOMPARE(different, (std::vector<std::uint64_t>{6, 7}));
        QCOMPARE(missing, (std::vector<std::uint64_t>{8, 9}));
    }

    void forgedWitnessLinesAreNotMistakenForEvents()
    {
        record(0);
        record(1);
        // Anyone can send to the collector: a line for seq 3 with a MAC made without the audit key.
        WitnessedHead forged;
        forged.clinicId = test::clinicA();
        forged.seq = 3;
        forged.hash.fill(1);
        forged.mac = *AuditChain::mac(test::fixedRootKey(0x40), forged.hash);
        WitnessedHead other = forged; // another clinic's head: ignored
        other.clinicId = test::clinicB();
        const std::string log =
            m_witness->log + formatWitnessMessage(forged) + "\n" + formatWitnessMessage(other) + "\n";
        const WitnessReport w = compare(log);
        QVERIFY(!w.ok);
        QCOMPARE(w.findings.size(), std::size_t{1});
        QCOMPARE(w.findings[0].kind, WitnessFinding::Kind::Unauthenticated);
        QCOMPARE(w.otherClinics, std::size_t{1});
        QCOMPARE(w.lastWitnessedSeq, std::uint64_t{2});
    }

    void addressIsValidated_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ipv4") << "127.0.0.1:6514" << true;
        QTest::newRow("name") << "logs.clinic.example:514" << true;
        QTest::newRow("no port") << "127.0.0.1" << false;
        QTest::newRow("port 0") << "127.0.0.1:0" << false;
        QTest::newRow("port too big") << "127.0.0.1:65536" << false;
        QTest::newRow("space") << "a b:514" << false;
        QTest::newRow("empty host") << ":514" << false;
    }

    void addressIsValidated()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        auto a = WitnessAddress::parse(text.toStdString());
        QCOMPARE(a.ok(), valid);
        if (valid)
            QCOMPARE(QString::fromStdString(a->text()), text);
    }
};

QTEST_GUILESS_MAIN(TestAuditWitness)
#include "TestAuditWitness.moc"
