// SPDX-License-Identifier: GPL-3.0-or-later
// The element map's ChaCha20 keystream against RFC 8439's vectors and OpenSSL; LtHash16 as a multiset hash: order-free,
// removable, counting multiplicity, and changed by any one-bit change of an element.
#include "CryptoTestUtil.h"
#include "core/crypto/Kdf.h"
#include "core/crypto/LtHash.h"

#include <sodium.h>

#include <QTest>

using namespace cc;
using namespace cc::crypto;
using namespace cc::crypto::test;

class TestLtHash : public QObject
{
    Q_OBJECT

private slots:
    void chacha20Vectors_data()
    {
        QTest::addColumn<QString>("block");
        QTest::addColumn<QString>("expected");
        // RFC 8439 appendix A.1, test vectors 1 and 2: key and nonce all zero, block counters 0 and 1.
        QTest::newRow("A.1 #1") << "0"
                                << "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
                                   "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586";
        QTest::newRow("A.1 #2") << "1"
                                << "9f07e7be5551387a98ba977c732d080dcb0f29a048e3656912c6533e32ee7aed"
                                   "29b721769ce64e43d57133b074d839d531ed1f28510afb45ace10a1f4b794d6f";
    }

    void chacha20Vectors()
    {
        QFETCH(QString, block);
        QFETCH(QString, expected);
        const std::array<std::uint8_t, 32> key{};
        std::vector<std::uint8_t> stream(128);
        chacha20Keystream(key, stream);
        const auto b = static_cast<std::size_t>(block.toInt());
        QCOMPARE(hexOf(std::span<const std::uint8_t>(stream).subspan(64 * b, 64)), expected);
    }

    void keystreamAgreesWithLibsodium()
    {
        // A second, independent ChaCha20 (libsodium's IETF variant, nonce zero): the whole 2048-byte
        // expansion of an arbitrary key must agree, and so must a length that is not whole blocks.
        std::array<std::uint8_t, 32> key{};
        for (std::size_t i = 0; i < key.size(); ++i)
            key[i] = static_cast<std::uint8_t>(7 * i + 3);
        for (std::size_t length : {LtHash16::kBytes, std::size_t{1000}, std::size_t{1}}) {
            std::vector<std::uint8_t> ours(length), theirs(length);
            chacha20Keystream(key, ours);
            const std::array<std::uint8_t, crypto_stream_chacha20_ietf_NONCEBYTES> nonce{};
            QCOMPARE(crypto_stream_chacha20_ietf(theirs.data(), theirs.size(), nonce.data(), key.data()), 0);
            QCOMPARE(ours, theirs);
        }
    }

    void lanesAreTheKeystreamOfTheElementsHash()
    {
        // LtHash16::of(x) is ChaCha20Keystream(SHA-256(x)) read as little-endian 16-bit lanes.
        const auto element = bytesOf(std::string_view("row"));
        std::vector<std::uint8_t> stream(LtHash16::kBytes);
        chacha20Keystream(sha256(element), stream);
        QCOMPARE(LtHash16::of(element).bytes(), stream);
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
