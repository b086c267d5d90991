// SPDX-License-Identifier: GPL-3.0-or-later
// AES-256-GCM: published known answers, the sealed-blob layout, and every tamper being rejected.
#include "CryptoTestUtil.h"
#include "core/crypto/Aead.h"

#include <QTest>

using namespace cc;
using namespace cc::crypto;
using namespace cc::crypto::test;

namespace {

const QByteArray kKey15 = QByteArray::fromHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
const QByteArray kPlain15 = QByteArray::fromHex(
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657"
    "ba637b391aafd255");
const QByteArray kCipher15 = QByteArray::fromHex(
    "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0a"
    "bcc9f662898015ad");

SecureBytes makeKey(std::uint8_t fill)
{
    SecureBytes key(Aead::kKeySize);
    for (std::size_t i = 0; i < key.size(); ++i)
        key[i] = static_cast<std::uint8_t>(fill + i);
    return key;
}

} // namespace

class TestAead : public QObject
{
    Q_OBJECT

private slots:
    void knownAnswers_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("iv");
        QTest::addColumn<QByteArray>("plaintext");
        QTest::addColumn<QByteArray>("aad");
        QTest::addColumn<QByteArray>("ciphertext");
        QTest::addColumn<QByteArray>("tag");
        // McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", appendix B, test cases 13-16
        // (AES-256, 96-bit IV), as used by NIST SP 800-38D validation.
        QTest::newRow("GCM test case 13")
            << QByteArray(32, '\0') << QByteArray(12, '\0') << QByteArray() << QByteArray() << QByteArray()
            << QByteArray::fromHex("530f8afbc74536b9a963b4f1c4cb738b");
        QTest::newRow("GCM test case 14") << QByteArray(32, '\0') << QByteArray(12, '\0') << QByteArray(16, '\0')
                                          << QByteArray() << QByteArray::fromHex("cea7403d4d606b6e074ec5d3baf39d18")
                                          << QByteArray::fromHex("d0d1c8a799996bf0265b98b5d48ab919");
        QTest::newRow("GCM test case 15")
            << kKey15 << QByteArray::fromHex("cafebabefacedbaddecaf888") << kPlain15 << QByteArray() << kCipher15
            << QByteArray::fromHex("b094dac5d93471bdec1a502270e3cc6c");
        QTest::newRow("GCM test case 16")
            << kKey15 << QByteArray::fromHex("cafebabefacedbaddecaf888") << kPlain15.left(60)
            << QByteArray::fromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2") << kCipher15.left(60)
            << QByteArray::fromHex("76fc6ece0f4e1768cddf8853bb2d551b");
    }

    void knownAnswers()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, iv);
        QFETCH(QByteArray, plaintext);
        QFETCH(QByteArray, aad);
        QFETCH(QByteArray, ciphertext);
        QFETCH(QByteArray, tag);
        const QByteArray expected = ciphertext + tag;

        const auto enc = Aead::encryptRaw(bytesOf(key), bytesOf(iv), bytesOf(plaintext), bytesOf(aad));
        QVERIFY(enc.ok());
        QCOMPARE(hexOf(*enc), hexOf(bytesOf(expected)));

        const auto dec = Aead::decryptRaw(bytesOf(key), bytesOf(iv), bytesOf(expected), bytesOf(aad));
        QVERIFY(dec.ok());
        QCOMPARE(hexOf(dec->span()), hexOf(bytesOf(plaintext)));

        // Every single-bit flip in ciphertext or tag is rejected (one bit per byte keeps this fast).
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QByteArray bad = expected;
            bad[i] = static_cast<char>(bad[i] ^ (1 << (i % 8)));
            const auto r = Aead::decryptRaw(bytesOf(key), bytesOf(iv), bytesOf(bad), bytesOf(aad));
            QVERIFY2(!r.ok(), qPrintable(QStringLiteral("flip at byte %1 accepted").arg(i)));
            QCOMPARE(r.error().code, ErrorCode::IntegrityFailure);
        }
        // Wrong key, wrong nonce, extra or missing AAD, truncation.
        QByteArray wrongKey = key;
        wrongKey[31] = static_cast<char>(wrongKey[31] ^ 0x01);
        QCOMPARE(Aead::decryptRaw(bytesOf(wrongKey), bytesOf(iv), bytesOf(expected), bytesOf(aad)).error().code,
                 ErrorCode::IntegrityFailure);
        QByteArray wrongIv = iv;
        wrongIv[0] = static_cast<char>(wrongIv[0] ^ 0x01);
        QCOMPARE(Aead::decryptRaw(bytesOf(key), bytesOf(wrongIv), bytesOf(expected), bytesOf(aad)).error().code,
                 ErrorCode::IntegrityFailure);
        const QByteArray otherAad = aad + "x";
        QCOMPARE(Aead::decryptRaw(bytesOf(key), bytesOf(iv), bytesOf(expected), bytesOf(otherAad)).error().code,
                 ErrorCode::IntegrityFailure);
        const QByteArray truncated = expected.left(expected.size() - 1);
        QVERIFY(!Aead::decryptRaw(bytesOf(key), bytesOf(iv), bytesOf(truncated), bytesOf(aad)).ok());
    }

    void rawRejectsBadSizes()
    {
        const std::vector<std::uint8_t> key(32, 1), shortKey(16, 1), nonce(12, 2), longNonce(16, 2), tagOnly(15, 0);
        QCOMPARE(Aead::encryptRaw(shortKey, nonce, {}, {}).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(Aead::encryptRaw(key, longNonce, {}, {}).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(Aead::decryptRaw(shortKey, nonce, tagOnly, {}).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(Aead::decryptRaw(key, nonce, tagOnly, {}).error().code, ErrorCode::MalformedInput);
    }

    void sealLayout()
    {
        const SecureBytes key = makeKey(0x40);
        DeterministicRng rng(7);
        const QByteArray plain("blood pressure 120/80");
        const QByteArray aad("observation|document|row-1");
        const auto blob = Aead::seal(key, 0x01020304u, bytesOf(plain), bytesOf(aad), rng);
        QVERIFY(blob.ok());
        QCOMPARE(blob->size(), static_cast<std::size_t>(plain.size()) + Aead::kOverhead);
        QCOMPARE(int((*blob)[0]), int(Aead::kVersion));
        QCOMPARE(hexOf(std::span(*blob).subspan(1, 4)), QStringLiteral("01020304"));
        // The nonce is the first 12 bytes drawn from the injected Rng.
        DeterministicRng same(7);
        QCOMPARE(hexOf(std::span(*blob).subspan(5, 12)), hexOf(same.bytes(12)));
        // The body is raw GCM with AAD = header || caller AAD: decrypting it that way must work.
        const QByteArray header(reinterpret_cast<const char*>(blob->data()), 5);
        const auto raw = Aead::decryptRaw(key.span(), std::span(*blob).subspan(5, 12), std::span(*blob).subspan(17),
                                          bytesOf(header + aad));
        QVERIFY(raw.ok());
        QCOMPARE(hexOf(raw->span()), hexOf(bytesOf(plain)));
        QCOMPARE(*Aead::keyIdOf(*blob), 0x01020304u);
    }

    void sealOpenRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::addColumn<QByteArray>("aad");
        QTest::newRow("empty plaintext, empty AAD") << QByteArray() << QByteArray();
        QTest::newRow("short") << QByteArray("x") << QByteArray("a");
        QTest::newRow("document") << QByteArray(5000, 'd') << QByteArray("encounter|doc|42");
    }

    void sealOpenRoundTrip()
    {
        QFETCH(QByteArray, plaintext);
        QFETCH(QByteArray, aad);
        const SecureBytes key = makeKey(1);
        auto& rng = SystemRng::instance();
        const auto a = Aead::seal(key, 9, bytesOf(plaintext), bytesOf(aad), rng);
        const auto b = Aead::seal(key, 9, bytesOf(plaintext), bytesOf(aad), rng);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(*a != *b); // fresh nonces
        const auto opened = Aead::open(key, 9, *a, bytesOf(aad));
        QVERIFY(opened.ok());
        QCOMPARE(hexOf(opened->span()), hexOf(bytesOf(plaintext)));
    }

    void openRejectsTampering_data()
    {
        QTest::addColumn<int>("offset"); // byte to flip; negative counts from the end
        QTest::addColumn<int>("expected");
        QTest::newRow("version byte") << 0 << int(ErrorCode::Unsupported);
        QTest::newRow("key id byte") << 4 << int(ErrorCode::KeyMismatch);
        QTest::newRow("nonce first byte") << 5 << int(ErrorCode::IntegrityFailure);
        QTest::newRow("nonce last byte") << 16 << int(ErrorCode::IntegrityFailure);
        QTest::newRow("ciphertext first byte") << 17 << int(ErrorCode::IntegrityFailure);
        QTest::newRow("ciphertext last byte") << -17 << int(ErrorCode::IntegrityFailure);
        QTest::newRow("tag first byte") << -16 << int(ErrorCode::IntegrityFailure);
        QTest::newRow("tag last byte") << -1 << int(ErrorCode::IntegrityFailure);
    }

    void openRejectsTampering()
    {
        QFETCH(int, offset);
        QFETCH(int, expected);
        const SecureBytes key = makeKey(3);
        DeterministicRng rng(11);
        const QByteArray aad("patient|identity|row-7");
        auto blob = Aead::seal(key, 77, bytesOf(QByteArray("Jane Doe, 1970-01-01")), bytesOf(aad), rng);
        QVERIFY(blob.ok());
        const auto index = static_cast<std::size_t>(offset < 0 ? static_cast<int>(blob->size()) + offset : offset);
        (*blob)[index] ^= 0x01;
        const auto r = Aead::open(key, 77, *blob, bytesOf(aad));
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().code), expected);
    }

    void openRejectsMovedKeyIdEvenWhenExpected()
    {
        // An attacker rewrites the key id and the caller looks the key up by that id: the header is
        // authenticated, so the tag still fails.
        const SecureBytes key = makeKey(5);
        DeterministicRng rng(12);
        auto blob = Aead::seal(key, 1, bytesOf(QByteArray("note")), {}, rng);
        QVERIFY(blob.ok());
        (*blob)[4] = 2;
        QCOMPARE(*Aead::keyIdOf(*blob), 2u);
        QCOMPARE(Aead::open(key, 2, *blob, {}).error().code, ErrorCode::IntegrityFailure);
    }

    void openRejectsWrongKeyAadAndLength()
    {
        const SecureBytes key = makeKey(5);
        DeterministicRng rng(13);
        const QByteArray aad("condition|doc|row-3");
        const auto blob = Aead::seal(key, 5, bytesOf(QByteArray("diabetes type 2")), bytesOf(aad), rng);
        QVERIFY(blob.ok());

        QCOMPARE(Aead::open(makeKey(6), 5, *blob, bytesOf(aad)).error().code, ErrorCode::IntegrityFailure);
        QCOMPARE(Aead::open(key, 5, *blob, bytesOf(QByteArray("condition|doc|row-4"))).error().code,
                 ErrorCode::IntegrityFailure);
        QCOMPARE(Aead::open(key, 5, *blob, {}).error().code, ErrorCode::IntegrityFailure);
        QCOMPARE(Aead::open(key, 6, *blob, bytesOf(aad)).error().code, ErrorCode::KeyMismatch);
        QCOMPARE(Aead::open(SecureBytes(16), 5, *blob, bytesOf(aad)).error().code, ErrorCode::InvalidArgument);

        // Every truncation: below the overhead it does not parse, above it the tag fails.
        for (std::size_t n = 0; n < blob->size(); ++n) {
            const auto r = Aead::open(key, 5, std::span(*blob).first(n), bytesOf(aad));
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, n < Aead::kOverhead ? ErrorCode::MalformedInput : ErrorCode::IntegrityFailure);
        }
        // An appended byte is rejected too.
        auto longer = *blob;
        longer.push_back(0);
        QCOMPARE(Aead::open(key, 5, longer, bytesOf(aad)).error().code, ErrorCode::IntegrityFailure);
    }

    void keyIdOfRejectsBadHeaders()
    {
        QCOMPARE(Aead::keyIdOf({}).error().code, ErrorCode::MalformedInput);
        std::vector<std::uint8_t> blob(Aead::kOverhead, 0);
        blob[0] = 2;
        QCOMPARE(Aead::keyIdOf(blob).error().code, ErrorCode::Unsupported);
        blob[0] = Aead::kVersion;
        QCOMPARE(Aead::keyIdOf(std::span(blob).first(Aead::kOverhead - 1)).error().code, ErrorCode::MalformedInput);
        QVERIFY(Aead::keyIdOf(blob).ok());
    }

    void sealRejectsBadKey()
    {
        DeterministicRng rng(1);
        QCOMPARE(Aead::seal(SecureBytes(31), 1, {}, {}, rng).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(Aead::seal(SecureBytes(), 1, {}, {}, rng).error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestAead)
#include "TestAead.moc"
