// SPDX-License-Identifier: GPL-3.0-or-later
// SHA-256, HMAC-SHA-256 and HKDF-SHA-256 against published vectors, plus failure cases.
#include "CryptoTestUtil.h"
#include "core/crypto/Kdf.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace cc;
using namespace cc::crypto;
using namespace cc::crypto::test;

class TestKdf : public QObject
{
    Q_OBJECT

private slots:
    void sha256Vectors_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("digest");
        // FIPS 180-4 examples (NIST CSRC "SHA256.pdf" example values): one-block and two-block messages.
        QTest::newRow("FIPS 180-4 'abc'")
            << QByteArray("abc") << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("FIPS 180-4 two-block") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                              << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        // NIST CAVP SHA256ShortMsg.rsp, Len = 0.
        QTest::newRow("empty message") << QByteArray()
                                       << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    }

    void sha256Vectors()
    {
        QFETCH(QByteArray, message);
        QFETCH(QString, digest);
        const Digest256 d = sha256(bytesOf(message));
        QCOMPARE(hexOf(d), digest);
        // One flipped input bit changes the digest.
        QByteArray flipped = message.isEmpty() ? QByteArray(1, '\0') : message;
        flipped[0] = static_cast<char>(flipped[0] ^ 0x01);
        QVERIFY(hexOf(sha256(bytesOf(flipped))) != digest);
    }

    void hmacVectors_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("mac");
        // RFC 4231 section 4, HMAC-SHA-256 results (test case 5 is a truncated MAC and is skipped).
        QTest::newRow("RFC 4231 test case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                                              << "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
        QTest::newRow("RFC 4231 test case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                                              << "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        QTest::newRow("RFC 4231 test case 3") << QByteArray(20, '\xaa') << QByteArray(50, '\xdd')
                                              << "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe";
        QTest::newRow("RFC 4231 test case 4")
            << QByteArray::fromHex("0102030405060708090a0b0c0d0e0f10111213141516171819") << QByteArray(50, '\xcd')
            << "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b";
        QTest::newRow("RFC 4231 test case 6")
            << QByteArray(131, '\xaa') << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
            << "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54";
        QTest::newRow("RFC 4231 test case 7")
            << QByteArray(131, '\xaa')
            << QByteArray("This is a test using a larger than block-size key and a larger than block-size data. "
                          "The key needs to be hashed before being used by the HMAC algorithm.")
            << "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2";
    }

    void hmacVectors()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QString, mac);
        const auto r = hmacSha256(bytesOf(key), bytesOf(data));
        QVERIFY(r.ok());
        QCOMPARE(hexOf(*r), mac);

        // Wrong key and flipped data bit must give a different MAC.
        QByteArray wrongKey = key;
        wrongKey[0] = static_cast<char>(wrongKey[0] ^ 0x80);
        const auto wk = hmacSha256(bytesOf(wrongKey), bytesOf(data));
        QVERIFY(wk.ok());
        QVERIFY(hexOf(*wk) != mac);
        QByteArray flipped = data;
        flipped[flipped.size() - 1] = static_cast<char>(flipped[flipped.size() - 1] ^ 0x01);
        const auto fd = hmacSha256(bytesOf(key), bytesOf(flipped));
        QVERIFY(fd.ok());
        QVERIFY(hexOf(*fd) != mac);
        // Truncated data (one byte short) too.
        const auto tr = hmacSha256(bytesOf(key), bytesOf(data).first(static_cast<std::size_t>(data.size() - 1)));
        QVERIFY(tr.ok());
        QVERIFY(hexOf(*tr) != mac);
    }

    void preparedHmacIsReusableAcrossThreads()
    {
        // RFC 4231 test case 2 ("Jefe"), through one prepared key used many times from two threads
        // at once (a report's MAC checks): every MAC equal to the published one, the key unchanged.
        auto prepared = HmacSha256::create(bytesOf(QByteArray("Jefe")));
        QVERIFY(prepared.ok());
        const QByteArray data("what do ya want for nothing?");
        const QString expected = QStringLiteral("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        std::atomic<int> wrong{0};
        auto work = [&] {
            for (int i = 0; i < 500; ++i) {
                const auto mac = prepared->mac(bytesOf(data));
                if (!mac.ok() || hexOf(*mac) != expected)
                    ++wrong;
            }
        };
        std::thread a(work), b(work);
        a.join();
        b.join();
        QCOMPARE(wrong.load(), 0);
        HmacSha256 moved = std::move(*prepared);
        QCOMPARE(hexOf(moved.mac(bytesOf(data)).value()), expected);
    }

    void hmacEmptyKeyAndData()
    {
        // An empty key is legal HMAC (RFC 2104 zero-pads the key); it must equal an all-zero 64-byte key,
        // since both pad to the same block. This also proves the empty key is not rejected.
        const auto empty = hmacSha256({}, {});
        const std::vector<std::uint8_t> zeros(64, 0);
        const auto zeroKey = hmacSha256(zeros, {});
        QVERIFY(empty.ok());
        QVERIFY(zeroKey.ok());
        QCOMPARE(hexOf(*empty), hexOf(*zeroKey));
        // Known value, computed with Python's hmac module (hmac.new(b"", b"", sha256)).
        QCOMPARE(hexOf(*empty), QStringLiteral("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"));
    }

    void hkdfVectors_data()
    {
        QTest::addColumn<QByteArray>("ikm");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<QByteArray>("info");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("okm");
        QByteArray ikm2, salt2, info2;
        for (int i = 0; i < 0x50; ++i) {
            ikm2.append(static_cast<char>(i));
            salt2.append(static_cast<char>(0x60 + i));
            info2.append(static_cast<char>(0xb0 + i));
        }
        // RFC 5869 appendix A.1-A.3 (SHA-256 cases).
        QTest::newRow("RFC 5869 A.1 basic")
            << QByteArray(22, '\x0b') << QByteArray::fromHex("000102030405060708090a0b0c")
            << QByteArray::fromHex("f0f1f2f3f4f5f6f7f8f9") << 42
            << "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865";
        QTest::newRow("RFC 5869 A.2 longer inputs")
            << ikm2 << salt2 << info2 << 82
            << "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da"
               "3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87";
        QTest::newRow("RFC 5869 A.3 zero-length salt and info")
            << QByteArray(22, '\x0b') << QByteArray() << QByteArray() << 42
            << "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8";
    }

    void hkdfVectors()
    {
        QFETCH(QByteArray, ikm);
        QFETCH(QByteArray, salt);
        QFETCH(QByteArray, info);
        QFETCH(int, length);
        QFETCH(QString, okm);
        const auto n = static_cast<std::size_t>(length);
        const auto r = hkdfSha256(bytesOf(ikm), bytesOf(salt), bytesOf(info), n);
        QVERIFY(r.ok());
        QCOMPARE(hexOf(r->span()), okm);

        // Flipped bit in the IKM, and a different info, give different keys.
        QByteArray wrongIkm = ikm;
        wrongIkm[0] = static_cast<char>(wrongIkm[0] ^ 0x01);
        const auto w = hkdfSha256(bytesOf(wrongIkm), bytesOf(salt), bytesOf(info), n);
        QVERIFY(w.ok());
        QVERIFY(hexOf(w->span()) != okm);
        const auto otherInfo = hkdfSha256(bytesOf(ikm), bytesOf(salt), bytesOf(info + "x"), n);
        QVERIFY(otherInfo.ok());
        QVERIFY(hexOf(otherInfo->span()) != okm);
        // A shorter output is a prefix (RFC 5869 section 2.3: T(1) | T(2) | ...).
        const auto shortOut = hkdfSha256(bytesOf(ikm), bytesOf(salt), bytesOf(info), 16);
        QVERIFY(shortOut.ok());
        QCOMPARE(hexOf(shortOut->span()), okm.left(32));
    }

    void hkdfRejectsBadArguments()
    {
        const std::vector<std::uint8_t> ikm(32, 7);
        QCOMPARE(hkdfSha256(ikm, {}, {}, 0).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(hkdfSha256(ikm, {}, {}, 255 * 32 + 1).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(hkdfSha256({}, {}, {}, 32).error().code, ErrorCode::InvalidArgument);
        const auto maxLen = hkdfSha256(ikm, {}, {}, 255 * 32);
        QVERIFY(maxLen.ok());
        QCOMPARE(maxLen->size(), std::size_t{255 * 32});
    }
};

QTEST_GUILESS_MAIN(TestKdf)
#include "TestKdf.moc"
