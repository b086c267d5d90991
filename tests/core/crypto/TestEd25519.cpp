// SPDX-License-Identifier: GPL-3.0-or-later
// Ed25519 against RFC 8032 section 7.1, plus tampered messages, signatures and keys.
#include "CryptoTestUtil.h"
#include "core/crypto/Ed25519.h"

#include <QTest>

using namespace cc;
using namespace cc::crypto;
using namespace cc::crypto::test;

class TestEd25519 : public QObject
{
    Q_OBJECT

private slots:
    void rfc8032_data()
    {
        QTest::addColumn<QByteArray>("seed");
        QTest::addColumn<QByteArray>("publicKey");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("signature");
        // RFC 8032 section 7.1, TEST 1-3.
        QTest::newRow("RFC 8032 TEST 1 (empty message)")
            << QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
            << QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a") << QByteArray()
            << QByteArray::fromHex(
                   "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e"
                   "39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        QTest::newRow("RFC 8032 TEST 2 (one byte)")
            << QByteArray::fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")
            << QByteArray::fromHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")
            << QByteArray::fromHex("72")
            << QByteArray::fromHex(
                   "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f"
                   "3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
        QTest::newRow("RFC 8032 TEST 3 (two bytes)")
            << QByteArray::fromHex("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7")
            << QByteArray::fromHex("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025")
            << QByteArray::fromHex("af82")
            << QByteArray::fromHex(
                   "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67"
                   "f760984dc6594a7c15e9716ed28dc027beceea1ec40a");
    }

    void rfc8032()
    {
        QFETCH(QByteArray, seed);
        QFETCH(QByteArray, publicKey);
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, signature);
        const auto key = Ed25519PrivateKey::fromSeed(bytesOf(seed));
        QVERIFY(key.ok());
        QCOMPARE(hexOf(key->publicKey().bytes()), hexOf(bytesOf(publicKey)));
        const auto sig = key->sign(bytesOf(message));
        QCOMPARE(hexOf(sig), hexOf(bytesOf(signature)));

        const auto pub = Ed25519PublicKey::fromBytes(bytesOf(publicKey));
        QVERIFY(pub.ok());
        QVERIFY(*pub == key->publicKey());
        QVERIFY(pub->verify(bytesOf(message), bytesOf(signature)).ok());

        // Every single-bit flip of the signature (one per byte) is rejected.
        for (qsizetype i = 0; i < signature.size(); ++i) {
            QByteArray bad = signature;
            bad[i] = static_cast<char>(bad[i] ^ (1 << (i % 8)));
            const auto r = pub->verify(bytesOf(message), bytesOf(bad));
            QVERIFY2(!r.ok(), qPrintable(QStringLiteral("flip at signature byte %1 accepted").arg(i)));
            QCOMPARE(r.error().code, ErrorCode::IntegrityFailure);
        }
        // A changed, extended or truncated message is rejected.
        const QByteArray extended = message + '\0';
        QCOMPARE(pub->verify(bytesOf(extended), bytesOf(signature)).error().code, ErrorCode::IntegrityFailure);
        if (!message.isEmpty()) {
            QByteArray changed = message;
            changed[0] = static_cast<char>(changed[0] ^ 0x01);
            QCOMPARE(pub->verify(bytesOf(changed), bytesOf(signature)).error().code, ErrorCode::IntegrityFailure);
            QCOMPARE(pub->verify(bytesOf(message.left(message.size() - 1)), bytesOf(signature)).error().code,
                     ErrorCode::IntegrityFailure);
        }
        // Another key's public key does not verify it.
        QByteArray otherSeed = seed;
        otherSeed[0] = static_cast<char>(otherSeed[0] ^ 0x01);
        const auto other = Ed25519PrivateKey::fromSeed(bytesOf(otherSeed));
        QVERIFY(other.ok());
        QCOMPARE(other->publicKey().verify(bytesOf(message), bytesOf(signature)).error().code,
                 ErrorCode::IntegrityFailure);
        // Truncated signature is malformed.
        QCOMPARE(pub->verify(bytesOf(message), bytesOf(signature.left(63))).error().code, ErrorCode::MalformedInput);
    }

    void generateUsesInjectedRng()
    {
        DeterministicRng a(42), b(42), c(43);
        const auto ka = Ed25519PrivateKey::generate(a);
        const auto kb = Ed25519PrivateKey::generate(b);
        const auto kc = Ed25519PrivateKey::generate(c);
        QVERIFY(ka.seed() == kb.seed());
        QVERIFY(ka.publicKey() == kb.publicKey());
        QVERIFY(!(ka.publicKey() == kc.publicKey()));
        // The seed is the first 32 bytes drawn from the Rng.
        DeterministicRng again(42);
        QCOMPARE(hexOf(ka.seed().span()), hexOf(again.bytes(32)));

        const QByteArray msg("report manifest");
        const auto sig = ka.sign(bytesOf(msg));
        QVERIFY(ka.publicKey().verify(bytesOf(msg), sig).ok());
        QVERIFY(!kc.publicKey().verify(bytesOf(msg), sig).ok());
    }

    void moveOnly()
    {
        static_assert(!std::is_copy_constructible_v<Ed25519PrivateKey>);
        static_assert(std::is_nothrow_move_constructible_v<Ed25519PrivateKey>);
        DeterministicRng rng(5);
        auto key = Ed25519PrivateKey::generate(rng);
        const auto pub = key.publicKey();
        Ed25519PrivateKey moved = std::move(key);
        QCOMPARE(moved.seed().size(), kEd25519SeedSize);
        QVERIFY(moved.publicKey() == pub);
    }

    void rejectsBadSizes()
    {
        QCOMPARE(Ed25519PrivateKey::fromSeed(std::vector<std::uint8_t>(31, 1)).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(Ed25519PrivateKey::fromSeed(std::vector<std::uint8_t>(64, 1)).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(Ed25519PublicKey::fromBytes(std::vector<std::uint8_t>(33, 1)).error().code, ErrorCode::MalformedInput);
        QCOMPARE(Ed25519PublicKey::fromBytes({}).error().code, ErrorCode::MalformedInput);
    }
};

QTEST_GUILESS_MAIN(TestEd25519)
#include "TestEd25519.moc"
