// SPDX-License-Identifier: GPL-3.0-or-later
// Shamir k-of-n over GF(256): every k-subset rebuilds, k-1 shares do not, validation and corruption cases.
#include "CryptoTestUtil.h"
#include "core/crypto/Shamir.h"

#include <QTest>

#include <thread>

using namespace cc;
using namespace cc::crypto;
using namespace cc::crypto::test;

namespace {

std::vector<ShamirShare> pick(const std::vector<ShamirShare>& all, std::initializer_list<std::size_t> which)
{
    std::vector<ShamirShare> out;
    for (const std::size_t i : which)
        out.push_back(ShamirShare{all[i].index, all[i].data.clone()});
    return out;
}

SecureBytes sampleSecret()
{
    DeterministicRng rng(1234);
    return rng.secureBytes(32);
}

} // namespace

class TestShamir : public QObject
{
    Q_OBJECT

private slots:
    void everySubsetOfThresholdRebuilds_data()
    {
        QTest::addColumn<uint>("threshold");
        QTest::addColumn<uint>("count");
        QTest::newRow("2 of 2") << 2u << 2u;
        QTest::newRow("2 of 3") << 2u << 3u;
        QTest::newRow("3 of 5") << 3u << 5u;
        QTest::newRow("5 of 5") << 5u << 5u;
        QTest::newRow("4 of 7") << 4u << 7u;
    }

    void everySubsetOfThresholdRebuilds()
    {
        QFETCH(uint, threshold);
        QFETCH(uint, count);
        const SecureBytes secret = sampleSecret();
        DeterministicRng rng(threshold * 100 + count);
        const auto shares = shamirSplit(secret, threshold, count, rng);
        QVERIFY(shares.ok());
        QCOMPARE(shares->size(), std::size_t{count});
        for (std::size_t i = 0; i < count; ++i) {
            QCOMPARE(unsigned((*shares)[i].index), unsigned(i + 1));
            QCOMPARE((*shares)[i].data.size(), secret.size());
            QVERIFY(!((*shares)[i].data == secret));
        }
        // Every subset of exactly `threshold` shares rebuilds the secret; every subset of threshold - 1
        // shares (combined as if it were enough) gives something else.
        for (unsigned mask = 1; mask < (1u << count); ++mask) {
            const auto bits = static_cast<unsigned>(__builtin_popcount(mask));
            if (bits != threshold && bits != threshold - 1)
                continue;
            std::vector<ShamirShare> subset;
            for (unsigned i = 0; i < count; ++i) {
                if (mask & (1u << i))
                    subset.push_back(ShamirShare{(*shares)[i].index, (*shares)[i].data.clone()});
            }
            if (bits == threshold) {
                const auto r = shamirCombine(subset, threshold);
                QVERIFY(r.ok());
                QVERIFY(*r == secret);
            } else {
                QCOMPARE(shamirCombine(subset, threshold).error().code, ErrorCode::InvalidArgument);
                if (bits >= 2) {
                    const auto wrong = shamirCombine(subset, bits);
                    QVERIFY(wrong.ok());
                    QVERIFY(!(*wrong == secret));
                }
            }
        }
    }

    void allSharesConsistentAreAccepted()
    {
        const SecureBytes secret = sampleSecret();
        DeterministicRng rng(5);
        const auto shares = shamirSplit(secret, 3, 6, rng);
        QVERIFY(shares.ok());
        const auto r = shamirCombine(*shares, 3);
        QVERIFY(r.ok());
        QVERIFY(*r == secret);
    }

    void corruptShareGivesWrongSecretOrIsDetected()
    {
        const SecureBytes secret = sampleSecret();
        DeterministicRng rng(6);
        const auto shares = shamirSplit(secret, 3, 5, rng);
        QVERIFY(shares.ok());
        // Exactly k shares, one corrupted: no integrity, the result is silently wrong (documented).
        auto subset = pick(*shares, {0, 2, 4});
        subset[1].data[7] ^= 0x01;
        const auto wrong = shamirCombine(subset, 3);
        QVERIFY(wrong.ok());
        QVERIFY(!(*wrong == secret));
        // With an extra share the inconsistency is detected, wherever the corrupt share sits.
        for (std::size_t bad = 0; bad < 4; ++bad) {
            auto four = pick(*shares, {0, 2, 4, 1});
            four[bad].data[0] ^= 0x80;
            QCOMPARE(shamirCombine(four, 3).error().code, ErrorCode::IntegrityFailure);
        }
        // A share from another split of the same secret does not mix in either.
        DeterministicRng rng2(7);
        const auto otherSplit = shamirSplit(secret, 3, 5, rng2);
        QVERIFY(otherSplit.ok());
        auto mixed = pick(*shares, {0, 1, 2});
        mixed.push_back(ShamirShare{(*otherSplit)[3].index, (*otherSplit)[3].data.clone()});
        QCOMPARE(shamirCombine(mixed, 3).error().code, ErrorCode::IntegrityFailure);
    }

    void rngDrivesCoefficients()
    {
        const SecureBytes secret = sampleSecret();
        DeterministicRng a(8), b(8), c(9);
        const auto sa = shamirSplit(secret, 2, 3, a);
        const auto sb = shamirSplit(secret, 2, 3, b);
        const auto sc = shamirSplit(secret, 2, 3, c);
        QVERIFY(sa.ok() && sb.ok() && sc.ok());
        QVERIFY((*sa)[0].data == (*sb)[0].data);
        QVERIFY(!((*sa)[0].data == (*sc)[0].data));
        // For k = 2 the polynomial is s + a*x: share 1 xor secret equals the coefficient, which must be
        // the first bytes drawn from the Rng (proves libgfshare used the injected Rng, not random()).
        DeterministicRng again(8);
        const auto coeff = again.bytes(secret.size());
        for (std::size_t i = 0; i < secret.size(); ++i)
            QCOMPARE(int((*sa)[0].data[i] ^ secret[i]), int(coeff[i]));
    }

    void rejectsBadArguments()
    {
        const SecureBytes secret = sampleSecret();
        DeterministicRng rng(10);
        QCOMPARE(shamirSplit(secret, 1, 3, rng).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(shamirSplit(secret, 4, 3, rng).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(shamirSplit(secret, 2, 256, rng).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(shamirSplit(SecureBytes(), 2, 3, rng).error().code, ErrorCode::InvalidArgument);
        QVERIFY(shamirSplit(secret, 255, 255, rng).ok());

        const auto shares = shamirSplit(secret, 2, 4, rng);
        QVERIFY(shares.ok());
        QCOMPARE(shamirCombine(pick(*shares, {0}), 2).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(shamirCombine(pick(*shares, {0, 1}), 1).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(shamirCombine(pick(*shares, {1, 1}), 2).error().code, ErrorCode::MalformedInput);
        auto zeroIndex = pick(*shares, {0, 1});
        zeroIndex[0].index = 0;
        QCOMPARE(shamirCombine(zeroIndex, 2).error().code, ErrorCode::MalformedInput);
        auto shortShare = pick(*shares, {0, 1});
        shortShare[1].data = SecureBytes(31);
        QCOMPARE(shamirCombine(shortShare, 2).error().code, ErrorCode::MalformedInput);
    }

    void concurrentSplitsUseTheirOwnRng()
    {
        // Two threads splitting at once must each get coefficients from their own Rng (the global
        // libgfshare filler is guarded): results equal the single-threaded ones.
        const SecureBytes secret = sampleSecret();
        DeterministicRng refA(20), refB(21);
        const auto expectA = shamirSplit(secret, 2, 3, refA);
        const auto expectB = shamirSplit(secret, 2, 3, refB);
        QVERIFY(expectA.ok() && expectB.ok());
        bool okA = true, okB = true;
        auto worker = [&secret](std::uint64_t seed, const std::vector<ShamirShare>& expect, bool& ok) {
            for (int round = 0; round < 50; ++round) {
                DeterministicRng rng(seed);
                const auto s = shamirSplit(secret, 2, 3, rng);
                ok = ok && s.ok() && (*s)[2].data == expect[2].data;
            }
        };
        std::thread ta(worker, 20, std::cref(*expectA), std::ref(okA));
        std::thread tb(worker, 21, std::cref(*expectB), std::ref(okB));
        ta.join();
        tb.join();
        QVERIFY(okA);
        QVERIFY(okB);
    }
};

QTEST_GUILESS_MAIN(TestShamir)
#include "TestShamir.moc"
