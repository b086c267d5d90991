// SPDX-License-Identifier: GPL-3.0-or-later
// Rng: uniform() bounds and distribution, DeterministicRng reproducibility, SystemRng sanity.
#include "core/crypto/Rng.h"

#include <QTest>

#include <array>
#include <set>

using namespace cc::crypto;

class TestRng : public QObject
{
    Q_OBJECT

private slots:
    void deterministicIsReproducible()
    {
        DeterministicRng a(1), b(1), c(2);
        const auto xa = a.bytes(100);
        QCOMPARE(xa, b.bytes(100));
        QVERIFY(xa != c.bytes(100));
        // Reading in pieces gives the same stream as one read.
        DeterministicRng d(1);
        auto first = d.bytes(7);
        const auto rest = d.bytes(93);
        first.insert(first.end(), rest.begin(), rest.end());
        QCOMPARE(first, xa);
        // The stream continues rather than repeating.
        QVERIFY(a.bytes(100) != xa);
    }

    void uniformRespectsBound_data()
    {
        QTest::addColumn<quint64>("bound");
        QTest::newRow("1") << quint64(1);
        QTest::newRow("2") << quint64(2);
        QTest::newRow("7") << quint64(7);
        QTest::newRow("2^63 + 1") << (quint64(1) << 63) + 1;
        QTest::newRow("max") << ~quint64(0);
    }

    void uniformRespectsBound()
    {
        QFETCH(quint64, bound);
        DeterministicRng rng(3);
        for (int i = 0; i < 2000; ++i)
            QVERIFY(rng.uniform(bound) < bound);
        if (bound == 1)
            QCOMPARE(rng.uniform(1), std::uint64_t{0});
    }

    void uniformDistribution()
    {
        // 60,000 draws into 6 cells: expected 10,000 each. The chi-square statistic with 5 degrees of
        // freedom exceeds 30 with probability about 1.5e-5; with a fixed seed the outcome is fixed anyway,
        // so the bound is loose enough never to flake yet would catch a biased or stuck generator.
        DeterministicRng rng(4);
        std::array<int, 6> cells{};
        const int draws = 60000;
        for (int i = 0; i < draws; ++i)
            ++cells[static_cast<std::size_t>(rng.uniform(6))];
        double chi2 = 0;
        for (const int n : cells) {
            const double d = n - draws / 6.0;
            chi2 += d * d / (draws / 6.0);
        }
        QVERIFY2(chi2 < 30.0, qPrintable(QString::number(chi2)));

        // All values of a small bound show up.
        std::set<std::uint64_t> seen;
        for (int i = 0; i < 500; ++i)
            seen.insert(rng.uniform(10));
        QCOMPARE(seen.size(), std::size_t{10});
    }

    void uniformHighBoundUsesTopHalf()
    {
        // With bound 2^63 + 1, a modulo-biased generator would almost never pass 2^63; a correct one
        // lands above 2^62 about half the time.
        DeterministicRng rng(5);
        const std::uint64_t bound = (std::uint64_t{1} << 63) + 1;
        int high = 0;
        for (int i = 0; i < 1000; ++i)
            high += rng.uniform(bound) >= (std::uint64_t{1} << 62) ? 1 : 0;
        QVERIFY(high > 400 && high < 600);
    }

    void secureBytesAndBytes()
    {
        DeterministicRng a(6), b(6);
        const SecureBytes s = a.secureBytes(32);
        QCOMPARE(s.size(), std::size_t{32});
        QVERIFY(s.equals(b.bytes(32)));
        QVERIFY(a.secureBytes(0).empty());
    }

    void systemRngIsNotConstant()
    {
        auto& rng = SystemRng::instance();
        QCOMPARE(&rng, &SystemRng::instance());
        const auto x = rng.bytes(32);
        const auto y = rng.bytes(32);
        QVERIFY(x != y);
        QVERIFY(x != std::vector<std::uint8_t>(32, 0));
        std::vector<std::uint8_t> empty;
        rng.fill(empty); // zero-length fill is fine
    }
};

QTEST_GUILESS_MAIN(TestRng)
#include "TestRng.moc"
