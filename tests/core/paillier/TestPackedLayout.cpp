// SPDX-License-Identifier: GPL-3.0-or-later
// Packed encoding: layout validation (overflow rule), round trip of sums at the maximum count.
#include "core/paillier/PackedLayout.h"
#include "core/paillier/Paillier.h"
#include "tests/core/paillier/PaillierTestMain.h"

using namespace cc;
using namespace cc::paillier;

class TestPackedLayout : public QObject
{
    Q_OBJECT

    std::optional<PrivateKey> m_key;

private slots:
    void initTestCase() { m_key = test::fixtureKey("test-key-2048.json"); }

    void creationRules()
    {
        auto ok = PackedLayout::forValues(7, 1000, 5000, {100, 200, 1000});
        QVERIFY(ok.ok());
        QCOMPARE(ok->slotSpecs().size(), std::size_t{7});
        QCOMPARE(ok->slotSpecs()[0].name, std::string("count"));
        QCOMPARE(ok->slotSpecs()[6].name, std::string("bin3"));
        QCOMPARE(ok->slotSpecs()[0].width, 10u); // 1000 < 2^10
        QCOMPARE(ok->slotSpecs()[2].width, 35u); // 1000·5000² = 2.5e10 < 2^35
        // One bit too narrow for the sum slot: rejected at creation as a possible overflow.
        auto specs = ok->slotSpecs();
        specs[1].width -= 1;
        QCOMPARE(PackedLayout::create(7, specs, 1000, 5000, {100, 200, 1000}).error().code, ErrorCode::Overflow);
        QCOMPARE(PackedLayout::create(7, ok->slotSpecs(), 2000, 5000, {100, 200, 1000}).error().code,
                 ErrorCode::Overflow);
        QVERIFY(PackedLayout::create(7, ok->slotSpecs(), 1000, 5000, {100, 200, 1000}).ok());
        QCOMPARE(PackedLayout::forValues(0, 10, 10, {}).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(PackedLayout::forValues(1, 10, 10, {5, 5}).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(PackedLayout::forValues(1, 0, 10, {}).error().code, ErrorCode::InvalidArgument);
        // Σx² may take up to 128 bits (values of 2^40 over 2^20 records: 101), the other slots 64:
        // a sum of 2^20 values of 2^44 needs 65.
        auto wide = PackedLayout::forValues(1, 1u << 20, 1ULL << 40, {});
        QVERIFY(wide.ok());
        QCOMPARE(wide->slotSpecs()[2].width, 101u);
        QCOMPARE(PackedLayout::forValues(1, 1u << 20, 1ULL << 44, {}).error().code, ErrorCode::InvalidArgument);
        auto wider = wide->slotSpecs();
        wider[2].width = 128;
        QVERIFY(PackedLayout::create(1, wider, 1u << 20, 1ULL << 40, {}).ok());
        wider[2].width = 129;
        QCOMPARE(PackedLayout::create(1, wider, 1u << 20, 1ULL << 40, {}).error().code, ErrorCode::InvalidArgument);
        wider[2].width = 101;
        wider[1].width = 65;
        QCOMPARE(PackedLayout::create(1, wider, 1u << 20, 1ULL << 40, {}).error().code, ErrorCode::InvalidArgument);
        specs = ok->slotSpecs();
        std::swap(specs[0], specs[1]);
        QCOMPARE(PackedLayout::create(7, specs, 1000, 5000, {100, 200, 1000}).error().code, ErrorCode::InvalidArgument);
    }

    void roundTripAtMaximumCount()
    {
        // Every record holds maxValue: the sum fills every slot to its limit without carrying.
        const std::uint64_t maxCount = 64;
        auto layout = PackedLayout::forValues(3, maxCount, 4095, {1000, 2000, 3000}).value();
        QVERIFY(layout.checkFits(m_key->publicKey()).ok());
        crypto::DeterministicRng rng(12);
        std::vector<Ciphertext> records;
        std::uint64_t sum = 0, sumSq = 0;
        std::vector<std::uint64_t> hist(4, 0);
        for (std::uint64_t i = 0; i < maxCount; ++i) {
            const std::uint64_t x = i < maxCount / 2 ? 4095 : rng.uniform(4096);
            sum += x;
            sumSq += x * x;
            hist[x < 1000 ? 0 : x < 2000 ? 1 : x < 3000 ? 2 : 3] += 1;
            records.push_back(layout.encrypt(m_key->publicKey(), x, rng).value());
        }
        auto total = layout.sum(m_key->publicKey(), records, 2);
        QVERIFY(total.ok());
        QCOMPARE(total->layoutId(), std::uint16_t{3});
        auto decoded = layout.decode(decrypt(*m_key, *total).value());
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->count, maxCount);
        QCOMPARE(decoded->sum, sum);
        QCOMPARE(decoded->sumSquares, sumSq);
        QCOMPARE(decoded->histogram, hist);

        // One record more than the maximum is refused.
        records.push_back(records.front());
        QCOMPARE(layout.sum(m_key->publicKey(), records, 2).error().code, ErrorCode::Overflow);
    }

    void sumOfSquaresBeyond64Bits()
    {
        // Viral load in copies/mL: values up to 10^9, Σx² above 2^64 after 19 of them. The 84-bit
        // slot carries it exactly, and the slots above it (the histogram) are intact.
        auto layout = PackedLayout::forValues(9, 1u << 20, 1000000000, {50, 200, 1000000}).value();
        QCOMPARE(layout.slotSpecs()[2].width, 80u); // 2^20 · 10^18 < 2^80
        QVERIFY(layout.checkFits(m_key->publicKey()).ok());
        crypto::DeterministicRng rng(19);
        std::vector<Ciphertext> records;
        std::uint64_t sum = 0;
        UInt128 sumSq = 0;
        std::vector<std::uint64_t> hist(4, 0);
        for (int i = 0; i < 40; ++i) {
            const std::uint64_t x = i % 4 == 0 ? 1000000000 : i % 4 == 1 ? 50 : 999999937 - rng.uniform(1000);
            sum += x;
            sumSq += static_cast<UInt128>(x) * x;
            hist[x < 50 ? 0 : x < 200 ? 1 : x < 1000000 ? 2 : 3] += 1;
            records.push_back(layout.encrypt(m_key->publicKey(), x, rng).value());
        }
        QVERIFY(sumSq > UINT64_MAX);
        auto decoded = layout.decode(decrypt(*m_key, layout.sum(m_key->publicKey(), records, 2).value()).value());
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->count, std::uint64_t{40});
        QCOMPARE(decoded->sum, sum);
        QVERIFY(decoded->sumSquares == sumSq);
        QCOMPARE(decoded->histogram, hist);
    }

    void wrongLayoutRefused()
    {
        crypto::DeterministicRng rng(3);
        auto a = PackedLayout::forValues(1, 10, 100, {50}).value();
        auto b = PackedLayout::forValues(2, 10, 100, {50}).value();
        std::vector<Ciphertext> records{a.encrypt(m_key->publicKey(), 5, rng).value(),
                                        b.encrypt(m_key->publicKey(), 6, rng).value()};
        QCOMPARE(a.sum(m_key->publicKey(), records).error().code, ErrorCode::KeyMismatch);
        QCOMPARE(add(m_key->publicKey(), records[0], records[1]).error().code, ErrorCode::KeyMismatch);
        auto blob = records[1].toBytes();
        QCOMPARE(Ciphertext::fromBytes(m_key->publicKey(), blob, 1).error().code, ErrorCode::KeyMismatch);
        QCOMPARE(a.encode(101).error().code, ErrorCode::Overflow);
    }

    void decodeRejectsInconsistentSums()
    {
        auto layout = PackedLayout::forValues(1, 10, 100, {50}).value();
        // count 2 but one histogram entry: not a sum of valid records.
        auto bad = layout.encode(5).value();
        QCOMPARE(layout.decode(Plaintext(2)).error().code, ErrorCode::IntegrityFailure);
        QCOMPARE(layout.decode(Plaintext(-1)).error().code, ErrorCode::Overflow);
        QVERIFY(layout.decode(bad).ok());
    }
};

CC_PAILLIER_TEST_MAIN(TestPackedLayout)
#include "TestPackedLayout.moc"
