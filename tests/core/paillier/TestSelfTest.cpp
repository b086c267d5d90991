// SPDX-License-Identifier: GPL-3.0-or-later
// The start-up self-test passes, each check can be broken by the test hook, and it is fast.
#include "core/crypto/Kdf.h"
#include "core/paillier/Paillier.h"
#include "core/paillier/PaillierSelfTest.h"
#include "tests/core/paillier/PaillierTestMain.h"

#include <QElapsedTimer>

using namespace cc;

class TestSelfTest : public QObject
{
    Q_OBJECT

private slots:
    void passesAndIsFast()
    {
        (void)paillier::paillierSelfTest({}); // warm-up (page faults, OpenSSL initialisation)
        QElapsedTimer timer;
        timer.start();
        const auto results = paillier::paillierSelfTest({});
        const auto ms = timer.elapsed();
        QCOMPARE(results.size(), std::size_t{2});
        for (const auto& r : results)
            QVERIFY2(r.passed, (r.name + ": " + r.detail).c_str());
        QVERIFY(allPassed(results));
        qInfo("paillier self-test: %lld ms", static_cast<long long>(ms));
        QVERIFY2(ms < 1000, "self-test is far slower than its 200 ms budget");
    }

    void djnKnownAnswerMatchesFormula()
    {
        // Recompute the self-test's known answer without the fixed-base table: (1 + m·n)·h_s^α mod n²
        // with h_s^α by plain modular exponentiation, α = the first 64 bytes of DeterministicRng(1).
        using namespace cc::paillier;
        auto dec = [](const char* t) {
            return crypto::SecureBytes(std::span<const std::uint8_t>(Plaintext::fromDecimal(t).value().magnitude()));
        };
        auto key = PrivateKey::fromPrimes(
            dec("10672836529249560628224528447126337146640448511229680590832341401436076675134382042574748184229"
                "216520385644461608189766595789204397170967841412340648422159"),
            dec("10617261754780457982148866347547228907044518422157595304175740622145685328138681951450708599219"
                "406275915986082693387671217581903714492934129627759831998983"));
        QVERIFY(key.ok());
        const auto& pub = key->publicKey();
        crypto::DeterministicRng rng(1);
        const auto alpha = rng.bytes(64);
        auto hs = Ciphertext::fromDecimal(pub, Plaintext::fromMagnitude(pub.djnBase(), false).toDecimal());
        QVERIFY(hs.ok());
        auto c = addPlain(pub, multiplyScalar(pub, *hs, Plaintext::fromMagnitude(alpha, false)).value(),
                          Plaintext(-20240521));
        QVERIFY(c.ok());
        const auto digest = crypto::sha256(c->toBytes());
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(digest.data()), 32).toHex(),
                 QByteArray("95a000b7fc439d02be54da68e9553d9e95db265998f01ab7334f4f605c8f9136"));
    }

    void breakHookFailsEachCheck_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("djn") << "paillier-djn";
        QTest::newRow("threshold") << "paillier-threshold";
    }
    void breakHookFailsEachCheck()
    {
        QFETCH(QString, name);
        const auto results = paillier::paillierSelfTest({name.toStdString()});
        for (const auto& r : results)
            QCOMPARE(r.passed, r.name != name.toStdString());
        QVERIFY(!allPassed(results));
    }
};

CC_PAILLIER_TEST_MAIN(TestSelfTest)
#include "TestSelfTest.moc"
