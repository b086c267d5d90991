// SPDX-License-Identifier: GPL-3.0-or-later
// Audit chain, writer and verifier: known answers, and every kind of tampering found at the right seq.
#include "AuditFixture.h"
#include "MemoryAnchorSink.h"
#include "MemoryAuditStore.h"

#include "core/audit/AuditChain.h"
#include "core/audit/AuditLog.h"
#include "core/audit/AuditVerifier.h"
#include "core/crypto/Hex.h"

#include <QTest>

#include <thread>

using namespace cc;
using namespace cc::audit;
using cc::audit::test::Column;

Q_DECLARE_METATYPE(cc::audit::test::Column)
Q_DECLARE_METATYPE(cc::audit::AuditProblem)

namespace {

constexpr int kEvents = 50;

QString describe(const AuditReport& r)
{
    return QStringLiteral("%1 at %2: %3")
        .arg(QString::fromLatin1(auditProblemName(r.problem).data()))
        .arg(r.problemSeq)
        .arg(QString::fromStdString(r.message));
}

} // namespace

class TestAuditVerifier : public QObject
{
    Q_OBJECT

    crypto::SecureBytes m_root = test::fixedRootKey();
    std::unique_ptr<test::MemoryAuditStore> m_store;
    std::unique_ptr<test::MemoryAnchorSink> m_anchors;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<AuditLog> m_log;

    void recordSamples(int from, int to)
    {
        for (int i = from; i < to; ++i) {
            m_clock->advance(std::chrono::milliseconds(1500));
            const Status st = m_log->record(test::sampleEvent(i));
            QVERIFY2(st.ok(), st.ok() ? "" : st.error().describe().c_str());
        }
    }

    AuditReport verify(const crypto::SecureBytes& root, const ClinicId& clinic = test::clinicA())
    {
        auto report = AuditVerifier(*m_store, clinic).verify(root, *m_anchors);
        if (!report.ok())
            qFatal("verifier failed: %s", report.error().describe().c_str());
        return std::move(report).value();
    }
    AuditReport verify() { return verify(m_root); }

    // A record as someone holding the hashes but not the key would forge it.
    AuditRecord forge(std::uint64_t seq, const Digest256& prev, int sample)
    {
        AuditEvent e = test::sampleEvent(sample);
        e.seq = seq;
        e.timeMs = 1'767'225'600'000;
        AuditRecord r;
        r.seq = seq;
        r.body = *encodeEvent(e);
        r.prevHash = prev;
        r.hash = AuditChain::linkHash(prev, seq, r.body);
        r.mac = *AuditChain::mac(test::fixedRootKey(0x40), r.hash);
        return r;
    }

#define EXPECT_PROBLEM(report, kind, seq)                                                                              \
    do {                                                                                                               \
        const AuditReport r_ = (report);                                                                               \
        QVERIFY2(!r_.ok, qPrintable(describe(r_)));                                                                    \
        QVERIFY2(r_.problem == (kind), qPrintable(describe(r_)));                                                      \
        QVERIFY2(r_.problemSeq == (seq), qPrintable(describe(r_)));                                                    \
        QVERIFY2(r_.message.find("event " + std::to_string(seq)) != std::string::npos, r_.message.c_str());            \
    } while (false)

private slots:
    void init()
    {
        m_store = std::make_unique<test::MemoryAuditStore>();
        m_anchors = std::make_unique<test::MemoryAnchorSink>();
        m_clock = std::make_unique<ManualClock>();
        QVERIFY(AuditLog::initialise(*m_store, *m_anchors, m_root, test::clinicA()).ok());
        m_log = std::make_unique<AuditLog>(*m_store, *m_anchors, *m_clock, test::clinicA());
        recordSamples(0, kEvents);
    }

    // Values computed independently in Python (hashlib, hmac, RFC 5869 HKDF written out) for
    // root key 00..1f and the body pinned in TestAuditEvent::exactCanonicalBytes.
    void knownAnswer()
    {
        QCOMPARE(QString::fromStdString(crypto::hexEncode(AuditChain::keyAt(m_root, 1)->span())),
                 QStringLiteral("8f662a4bf3a78d59dbd4c59e9188c857c02098ffae9b766cb55f8015e6a0b040"));
        QCOMPARE(QString::fromStdString(crypto::hexEncode(AuditChain::keyAt(m_root, 2)->span())),
                 QStringLiteral("4d626cc29b95170069288406c5f3b6476454df11acaa26707da885fd7dbf84b8"));
        const std::string body =
            R"({"action":"R","detail":"","eventId":110110,"eventType":0,"flagged":false,"objectId":"aa",)"
            R"("objectType":"Observation","outcome":0,"patient":"00112233445566778899aabbccddeeff","reason":"",)"
            R"("role":"doctor","seq":1,"time":1767225600000,"userId":"0123456789abcdef0123456789abcdef",)"
            R"("userName":"dr.okafor","v":1,"workstation":"ws1"})";
        auto state = AuditChain::initialState(m_root);
        QVERIFY(state.ok());
        auto record = AuditChain::seal(*state, std::vector<std::uint8_t>(body.begin(), body.end()));
        QVERIFY(record.ok());
        QCOMPARE(QString::fromStdString(crypto::hexEncode(record->hash)),
                 QStringLiteral("cb5a777bd697d0929c5db241c944dbb657eaa12aae6da9f4bb690b828690dd29"));
        QCOMPARE(QString::fromStdString(crypto::hexEncode(record->mac)),
                 QStringLiteral("5473b6d7ae3369e29ca5602ff21f2ee99649f9b25d8172e3613c9eeff8b9983b"));
        QVERIFY(state->macKey == *AuditChain::keyAt(m_root, 2));
        QCOMPARE(state->seq, std::uint64_t{1});
        // Wrong key size is refused, not padded.
        QCOMPARE(AuditChain::keyAt(crypto::SecureBytes(16), 1).error().code, ErrorCode::InvalidArgument);
    }

    void intactTrailVerifies()
    {
        const AuditReport r = verify();
        QVERIFY2(r.ok, qPrintable(describe(r)));
        QCOMPARE(r.eventsChecked, std::uint64_t{kEvents});
        QCOMPARE(r.headSeq, std::uint64_t{kEvents});
        QVERIFY(!r.anchorLagging);
        QCOMPARE(m_log->lastSeq(), std::uint64_t{kEvents});
        // Time comes from the injected clock.
        const auto& records = m_store->records();
        QCOMPARE(decodeEvent(records.at(1).body)->timeMs, std::int64_t{1'767'225'601'500});
    }

    void wrongRootKeyFails()
    {
        EXPECT_PROBLEM(verify(test::fixedRootKey(1)), AuditProblem::MacMismatch, 1u);
    }

    void everyBitFlipDetected_data()
    {
        QTest::addColumn<quint64>("seq");
        QTest::addColumn<Column>("column");
        QTest::addColumn<AuditProblem>("kind");
        for (quint64 seq : {quint64(1), quint64(17), quint64(kEvents)}) {
            QTest::addRow("body %llu", seq) << seq << Column::Body << AuditProblem::HashMismatch;
            QTest::addRow("prev_hash %llu", seq) << seq << Column::PrevHash << AuditProblem::BrokenLink;
            QTest::addRow("hash %llu", seq) << seq << Column::Hash << AuditProblem::HashMismatch;
            QTest::addRow("mac %llu", seq) << seq << Column::Mac << AuditProblem::MacMismatch;
        }
    }

    void everyBitFlipDetected()
    {
        QFETCH(quint64, seq);
        QFETCH(Column, column);
        QFETCH(AuditProblem, kind);
        const std::size_t size = column == Column::Body ? m_store->records().at(seq).body.size() : 32;
        for (std::size_t byte = 0; byte < size; ++byte) {
            const int bit = static_cast<int>(byte % 8);
            m_store->flipBit(seq, column, byte, bit);
            EXPECT_PROBLEM(verify(), kind, seq);
            m_store->flipBit(seq, column, byte, bit);
        }
        QVERIFY(verify().ok); // flipped back: intact again, so the detections above were real
    }

    void deletedEventIsAGap()
    {
        m_store->remove(25);
        EXPECT_PROBLEM(verify(), AuditProblem::SequenceGap, 25u);
    }

    void forgedInsertIsDetected()
    {
        // Well linked and hashed, but MACed under a key that is not A_20.
        m_store->insertShifting(forge(20, m_store->records().at(19).hash, 3));
        EXPECT_PROBLEM(verify(), AuditProblem::MacMismatch, 20u);
    }

    void forgedAppendIsDetected()
    {
        const AuditRecord forged = forge(kEvents + 1, m_store->records().at(kEvents).hash, 0);
        auto state = m_store->state();
        state->seq = forged.seq;
        state->hash = forged.hash;
        QVERIFY(m_store->append(forged, *state).ok());
        EXPECT_PROBLEM(verify(), AuditProblem::MacMismatch, std::uint64_t{kEvents + 1});
    }

    void reorderIsDetected()
    {
        m_store->swapContents(30, 31);
        EXPECT_PROBLEM(verify(), AuditProblem::BrokenLink, 30u);
    }

    void truncatedEndIsDetected()
    {
        m_store->truncateFrom(46);
        EXPECT_PROBLEM(verify(), AuditProblem::Truncated, 46u);
    }

    void truncationWithoutOldKeyBreaksState()
    {
        // An insider holding only the current key truncates and rewrites the state row: the key
        // there is not A_46, which only the (erased) older keys or A_0 give.
        m_store->truncateFrom(46);
        auto state = m_store->state();
        state->seq = 45;
        state->hash = m_store->records().at(45).hash;
        m_store->setState(*state);
        m_anchors->setText(
            AuditAnchor{test::clinicA(), 45, m_store->records().at(45).hash, m_store->records().at(45).mac}.encode());
        EXPECT_PROBLEM(verify(), AuditProblem::StateMismatch, 45u);
    }

    void storeRolledBackIsDetected()
    {
        const auto snapshot = m_store->snapshot(); // at 50
        recordSamples(kEvents, kEvents + 10);
        m_store->restore(snapshot);
        EXPECT_PROBLEM(verify(), AuditProblem::Truncated, std::uint64_t{kEvents + 1});
        // The writer refuses to go on over a rolled-back database, so the evidence survives.
        const std::string anchorBefore = *m_anchors->text();
        const Status st = m_log->record(test::sampleEvent(1));
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, ErrorCode::IntegrityFailure);
        QCOMPARE(*m_store->count(), std::uint64_t{kEvents});
        QCOMPARE(*m_anchors->text(), anchorBefore);
    }

    void rolledBackAndRewrittenIsDetected()
    {
        const auto snapshot = m_store->snapshot(); // at 50, with the key A_51
        recordSamples(kEvents, kEvents + 5);
        const std::string realAnchor = *m_anchors->text();
        m_store->restore(snapshot);
        // The insider writes five other events with the snapshot's key, through their own anchor.
        test::MemoryAnchorSink ownAnchor;
        ownAnchor.setText(AuditAnchor{test::clinicA(), kEvents, m_store->records().at(kEvents).hash,
                                      m_store->records().at(kEvents).mac}
                              .encode());
        AuditLog insider(*m_store, ownAnchor, *m_clock, test::clinicA());
        for (int i = 0; i < 5; ++i)
            QVERIFY(insider.record(test::sampleEvent(0)).ok());
        m_anchors->setText(realAnchor); // the verifier reads the real, out-of-reach anchor
        EXPECT_PROBLEM(verify(), AuditProblem::AnchorMismatch, std::uint64_t{kEvents + 5});
    }

    void anchorRolledBackIsDetected()
    {
        const std::string old = *m_anchors->text(); // at 50
        recordSamples(kEvents, kEvents + 10);
        m_anchors->setText(old);
        EXPECT_PROBLEM(verify(), AuditProblem::AnchorRolledBack, std::uint64_t{kEvents + 1});
        QCOMPARE(m_log->record(test::sampleEvent(1)).error().code, ErrorCode::IntegrityFailure);
    }

    void anchorOneBehindIsALaggingWrite()
    {
        // A crash between the database commit and the anchor write.
        m_anchors->failWrites(true);
        const Status st = m_log->record(test::sampleEvent(0));
        QCOMPARE(st.error().code, ErrorCode::StorageFull);
        QCOMPARE(*m_store->count(), std::uint64_t{kEvents + 1});
        m_anchors->failWrites(false);
        AuditReport r = verify();
        QVERIFY2(r.ok, qPrintable(describe(r)));
        QVERIFY(r.anchorLagging);
        // A fresh process (no memory of its own failed write) goes on and catches the anchor up.
        AuditLog restarted(*m_store, *m_anchors, *m_clock, test::clinicA());
        QVERIFY(restarted.record(test::sampleEvent(1)).ok());
        r = verify();
        QVERIFY(r.ok && !r.anchorLagging);
        QCOMPARE(r.headSeq, std::uint64_t{kEvents + 2});
    }

    void ownFailedAnchorWritesAreTolerated()
    {
        m_anchors->failWrites(true);
        QVERIFY(!m_log->record(test::sampleEvent(0)).ok());
        QVERIFY(!m_log->record(test::sampleEvent(1)).ok()); // two behind, but this process knows why
        m_anchors->failWrites(false);
        QVERIFY(m_log->record(test::sampleEvent(2)).ok());
        QVERIFY(verify().ok);
        // Another process does not know that history: two behind is a rollback to it.
        m_anchors->failWrites(true);
        QVERIFY(!m_log->record(test::sampleEvent(0)).ok());
        QVERIFY(!m_log->record(test::sampleEvent(1)).ok());
        m_anchors->failWrites(false);
        AuditLog other(*m_store, *m_anchors, *m_clock, test::clinicA());
        QCOMPARE(other.record(test::sampleEvent(0)).error().code, ErrorCode::IntegrityFailure);
    }

    void foreignAnchorIsDetected()
    {
        auto anchor = m_anchors->read();
        anchor->clinicId = test::clinicB();
        m_anchors->setText(anchor->encode());
        EXPECT_PROBLEM(verify(), AuditProblem::AnchorForeign, std::uint64_t{kEvents});
        QCOMPARE(m_log->record(test::sampleEvent(0)).error().code, ErrorCode::IntegrityFailure);
    }

    void damagedOrMissingAnchorIsDetected()
    {
        std::string text = *m_anchors->text();
        text[text.find("seq=") + 4] ^= 0x01; // "50" becomes "40": intact-looking, but the checksum breaks
        m_anchors->setText(text);
        EXPECT_PROBLEM(verify(), AuditProblem::AnchorDamaged, std::uint64_t{kEvents});
        m_anchors->setText(std::nullopt);
        EXPECT_PROBLEM(verify(), AuditProblem::AnchorMissing, std::uint64_t{kEvents});
        QCOMPARE(m_log->record(test::sampleEvent(0)).error().code, ErrorCode::IntegrityFailure);
    }

    void oldMacKeysAreNotRetained()
    {
        auto state = m_store->state();
        QVERIFY(state.ok());
        QCOMPARE(state->seq, std::uint64_t{kEvents});
        QVERIFY(state->macKey == *AuditChain::keyAt(m_root, kEvents + 1));
        // The state holds one key; no earlier key, and not the root, appears anywhere in the store.
        for (std::uint64_t i = 0; i <= kEvents; ++i) {
            const crypto::SecureBytes old = AuditChain::keyAt(m_root, i).value();
            QVERIFY(!(state->macKey == old));
            for (const auto& [seq, r] : m_store->records()) {
                const auto contains = [&old](std::span<const std::uint8_t> hay) {
                    return std::search(hay.begin(), hay.end(), old.span().begin(), old.span().end()) != hay.end();
                };
                QVERIFY(!contains(r.body) && !contains(r.hash) && !contains(r.mac) && !contains(r.prevHash));
            }
        }
    }

    void tamperedStateKeyIsDetected()
    {
        auto state = m_store->state();
        state->macKey = test::fixedRootKey(0x55);
        m_store->setState(*state);
        EXPECT_PROBLEM(verify(), AuditProblem::StateMismatch, std::uint64_t{kEvents});
    }

    void failedAppendLeavesNothing()
    {
        m_store->failNextAppend(ErrorCode::StorageFull);
        QCOMPARE(m_log->record(test::sampleEvent(0)).error().code, ErrorCode::StorageFull);
        QCOMPARE(*m_store->count(), std::uint64_t{kEvents});
        QCOMPARE(m_store->state()->seq, std::uint64_t{kEvents});
        QVERIFY(verify().ok);
    }

    void breakGlassNeedsReasonAndIsFlagged()
    {
        AuditEvent e = test::sampleEvent(4);
        e.reason.clear();
        const Status st = m_log->record(e);
        QCOMPARE(st.error().code, ErrorCode::MalformedInput);
        QCOMPARE(QString::fromStdString(st.error().field), QStringLiteral("reason"));
        QCOMPARE(*m_store->count(), std::uint64_t{kEvents});
        e = test::sampleEvent(4);
        e.flagged = false; // the log flags it regardless
        QVERIFY(m_log->record(e).ok());
        QVERIFY(decodeEvent(m_store->records().at(kEvents + 1).body)->flagged);
    }

    void concurrentWritersKeepOneChain()
    {
        AuditLog second(*m_store, *m_anchors, *m_clock, test::clinicA()); // another instance
        std::vector<std::thread> threads;
        std::atomic<int> failures{0};
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                AuditLog& log = (t % 2) ? second : *m_log;
                for (int i = 0; i < 10; ++i) {
                    if (!log.record(test::sampleEvent(i)).ok())
                        ++failures;
                }
            });
        }
        for (auto& th : threads)
            th.join();
        // Two logs race on the anchor; any event either logged or refused, and the chain stays whole.
        const AuditReport r = verify();
        QVERIFY2(r.ok, qPrintable(describe(r)));
        QCOMPARE(r.headSeq + static_cast<std::uint64_t>(failures.load()), std::uint64_t{kEvents + 40});
    }
};

QTEST_GUILESS_MAIN(TestAuditVerifier)
#include "TestAuditVerifier.moc"
