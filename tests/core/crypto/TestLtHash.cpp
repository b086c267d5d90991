// SPDX-License-Identifier: GPL-3.0-or-later
// SHAKE128 against published vectors; LtHash16 as a multiset hash: order-free, removable,
// counting multiplicity, and changed by any one-bit change of an element.
#include "CryptoTestUtil.h"
#include "core/crypto/LtHash.h"

#include <QTest>

using namespace cc;
using namespace cc::crypto;
using namespace cc::crypto::test;

class TestLtHash : public QObject
{
    Q_OBJECT

private slots:
    void shake128Vectors_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("digest");
        // FIPS 202 SHAKE128 with 256 output bits (NIST "SHA-3 Standard" examples; also the
        // widely reproduced test values of the Keccak team).
        QTest::newRow("empty") << QByteArray() << "7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26";
        QTest::newRow("quick brown fox") << QByteArray("The quick brown fox jumps over the lazy dog")
                                         << "f4202e3c5852f9182a0430fd8144f0a74b95e7417ecae17db0f8cfeed0e3e66e";
    }

    void shake128Vectors()
    {
        QFETCH(QByteArray, message);
        QFETCH(QString, digest);
        std::array<std::uint8_t, 32> out{};
        shake128(bytesOf(message), out);
        QCOMPARE(hexOf(out), digest);
        // An extendable output: a longer read starts with the same bytes.
        std::vector<std::uint8_t> longer(LtHash16::kBytes);
        shake128(bytesOf(message), longer);
        QCOMPARE(hexOf(std::span<const std::uint8_t>(longer).first(32)), digest);
    }

    void laneLayoutIsLittleEndianShake()
    {
        // LtHash16::of(x) is SHAKE128(x) read as little-endian 16-bit lanes: its bytes are the stream.
        std::vector<std::uint8_t> stream(LtHash16::kBytes);
        shake128(bytesOf(std::string_view("row")), stream);
        QCOMPARE(LtHash16::of(bytesOf(std::string_view("row"))).bytes(), stream);
        // The empty multiset is all zero lanes.
        QVERIFY(LtHash16().isZero());
        QCOMPARE(LtHash16().bytes(), std::vector<std::uint8_t>(LtHash16::kBytes, 0));
    }

    void multisetProperties()
    {
        const LtHash16 a = LtHash16::of(bytesOf(std::string_view("a")));
        const LtHash16 b = LtHash16::of(bytesOf(std::string_view("b")));
        const LtHash16 c = LtHash16::of(bytesOf(std::string_view("c")));
        LtHash16 abc;
        abc.add(a).add(b).add(c);
        LtHash16 cab;
        cab.add(c).add(a).add(b);
        QCOMPARE(abc, cab); // order does not matter
        LtHash16 ac = abc;
        ac.subtract(b);
        LtHash16 direct;
        direct.add(a).add(c);
        QCOMPARE(ac, direct); // removal undoes addition
        QVERIFY(ac != abc);
        LtHash16 aa;
        aa.add(a).add(a);
        QVERIFY(aa != a); // multiplicity counts: a duplicated row changes the hash
        LtHash16 back = abc;
        back.subtract(a).subtract(b).subtract(c);
        QVERIFY(back.isZero());
    }

    void oneBitChangesTheHash()
    {
        QByteArray element(200, 'x');
        const LtHash16 h = LtHash16::of(bytesOf(element));
        for (int bit : {0, 7, 800, 1599}) {
            QByteArray flipped = element;
            flipped[bit / 8] = static_cast<char>(flipped[bit / 8] ^ (1 << (bit % 8)));
            QVERIFY2(LtHash16::of(bytesOf(flipped)) != h, qPrintable(QString::number(bit)));
        }
    }

    void lanesWrapModulo65536()
    {
        std::vector<std::uint8_t> ones(LtHash16::kBytes, 0xff); // every lane 0xffff
        auto max = LtHash16::fromBytes(ones);
        QVERIFY(max.ok());
        std::vector<std::uint8_t> oneLane(LtHash16::kBytes, 0);
        for (std::size_t i = 0; i < LtHash16::kLanes; ++i)
            oneLane[2 * i] = 1; // every lane 1
        auto one = LtHash16::fromBytes(oneLane);
        QVERIFY(one.ok());
        LtHash16 sum = *max;
        sum.add(*one);
        QVERIFY(sum.isZero());
        sum.subtract(*one);
        QCOMPARE(sum, *max);
    }

    void fromBytesRoundTripsAndChecksSize()
    {
        const LtHash16 h = LtHash16::of(bytesOf(std::string_view("round trip")));
        auto back = LtHash16::fromBytes(h.bytes());
        QVERIFY(back.ok());
        QCOMPARE(*back, h);
        std::vector<std::uint8_t> shortBytes(LtHash16::kBytes - 1);
        auto bad = LtHash16::fromBytes(shortBytes);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::MalformedInput);
    }
};

QTEST_APPLESS_MAIN(TestLtHash)
#include "TestLtHash.moc"
