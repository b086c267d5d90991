// SPDX-License-Identifier: GPL-3.0-or-later
// X25519 sealed boxes: round trip, wrong key, tampering and truncation are rejected.
#include "CryptoTestUtil.h"
#include "core/crypto/SealedBox.h"

#include <QTest>

using namespace cc;
using namespace cc::crypto;
using namespace cc::crypto::test;

class TestSealedBox : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("key share") << QByteArray(32, '\x5c');
        QTest::newRow("larger") << QByteArray(4000, 'q');
    }

    void roundTrip()
    {
        QFETCH(QByteArray, plaintext);
        DeterministicRng rng(1);
        const BoxKeyPair pair = BoxKeyPair::generate(rng);
        const auto box = sealTo(pair.publicKey, bytesOf(plaintext));
        QVERIFY(box.ok());
        QCOMPARE(box->size(), static_cast<std::size_t>(plaintext.size()) + kSealedBoxOverhead);
        const auto opened = openSealed(pair, *box);
        QVERIFY(opened.ok());
        QCOMPARE(hexOf(opened->span()), hexOf(bytesOf(plaintext)));
        // Sealing twice gives different boxes (fresh ephemeral key from libsodium's own RNG).
        const auto again = sealTo(pair.publicKey, bytesOf(plaintext));
        QVERIFY(again.ok());
        QVERIFY(*again != *box);
    }

    void generateIsReproducibleWithInjectedRng()
    {
        DeterministicRng a(9), b(9), c(10);
        const auto pa = BoxKeyPair::generate(a);
        const auto pb = BoxKeyPair::generate(b);
        const auto pc = BoxKeyPair::generate(c);
        QVERIFY(pa.publicKey == pb.publicKey);
        QVERIFY(pa.secretKey == pb.secretKey);
        QVERIFY(pa.publicKey != pc.publicKey);
        const auto rebuilt = BoxKeyPair::fromSecretKey(pa.secretKey.span());
        QVERIFY(rebuilt.ok());
        QVERIFY(rebuilt->publicKey == pa.publicKey);
    }

    void x25519KnownAnswer()
    {
        // RFC 7748 section 6.1: Alice's private key and public key. fromSecretKey computes X25519(a, 9).
        const auto alice =
            BoxKeyPair::fromSecretKey(hexBytes("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        QVERIFY(alice.ok());
        QCOMPARE(hexOf(alice->publicKey),
                 QStringLiteral("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
    }

    void rejectsTamperingWrongKeyAndTruncation()
    {
        DeterministicRng rng(2);
        const BoxKeyPair pair = BoxKeyPair::generate(rng);
        const BoxKeyPair other = BoxKeyPair::generate(rng);
        const QByteArray plaintext("custodian share 3 of 5");
        const auto box = sealTo(pair.publicKey, bytesOf(plaintext));
        QVERIFY(box.ok());

        for (std::size_t i = 0; i < box->size(); ++i) {
            auto bad = *box;
            bad[i] ^= static_cast<std::uint8_t>(1u << (i % 8));
            const auto r = openSealed(pair, bad);
            QVERIFY2(!r.ok(), qPrintable(QStringLiteral("flip at byte %1 accepted").arg(i)));
            QCOMPARE(r.error().code, ErrorCode::IntegrityFailure);
        }
        QCOMPARE(openSealed(other, *box).error().code, ErrorCode::IntegrityFailure);
        for (std::size_t n = 0; n < box->size(); ++n) {
            const auto r = openSealed(pair, std::span(*box).first(n));
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, n < kSealedBoxOverhead ? ErrorCode::MalformedInput : ErrorCode::IntegrityFailure);
        }
    }

    void rejectsBadKeys()
    {
        QCOMPARE(sealTo(std::vector<std::uint8_t>(31, 1), {}).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(BoxKeyPair::fromSecretKey(std::vector<std::uint8_t>(16, 1)).error().code, ErrorCode::InvalidArgument);
        // The all-zero public key is a low-order point: libsodium refuses to seal to it.
        QVERIFY(!sealTo(std::vector<std::uint8_t>(32, 0), bytesOf(QByteArray("x"))).ok());
        BoxKeyPair empty;
        const std::vector<std::uint8_t> box(kSealedBoxOverhead + 1, 0);
        QCOMPARE(openSealed(empty, box).error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestSealedBox)
#include "TestSealedBox.moc"
