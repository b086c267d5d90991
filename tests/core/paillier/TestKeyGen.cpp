// SPDX-License-Identifier: GPL-3.0-or-later
// Key generation: sizes, cancellation, and (slow, label "slow") a real 3072-bit safe-prime key.
#include "core/paillier/KeyGenerator.h"
#include "core/paillier/Paillier.h"
#include "tests/core/paillier/PaillierTestMain.h"

using namespace cc;
using namespace cc::paillier;

class TestKeyGen : public QObject
{
    Q_OBJECT

private slots:
    void refusesOtherSizes()
    {
        QCOMPARE(generateKeyPair(1024).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(generateKeyPair(2047).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(generateKeyPair(8192).error().code, ErrorCode::InvalidArgument); // 4096 is accepted (report keys)
    }

    void cancellable()
    {
        int calls = 0;
        auto key = generateKeyPair(2048, [&](const KeyGenProgress&) { return ++calls < 3; });
        QCOMPARE(key.error().code, ErrorCode::Cancelled);
        QCOMPARE(calls, 3);
    }

    void generates3072()
    {
        // Safe primes of 1536 bits: tens of seconds to minutes. This is the one slow test.
        int primesFound = 0;
        auto key = generateKeyPair(3072, [&](const KeyGenProgress& p) {
            primesFound += p.event == 2 ? 1 : 0;
            return true;
        });
        QVERIFY(key.ok());
        QCOMPARE(key->publicKey().bits(), 3072u);
        QVERIFY(primesFound >= 2);
        crypto::DeterministicRng rng(1);
        auto c = encrypt(key->publicKey(), Plaintext(-3072), rng);
        QCOMPARE(decrypt(*key, *c)->toInt64().value(), -3072);
        // The factors are safe primes of exactly half the length (checked again by fromPrimes).
        QCOMPARE(key->primeP().size(), std::size_t{192});
        QCOMPARE(key->primeQ().size(), std::size_t{192});
    }
};

CC_PAILLIER_TEST_MAIN(TestKeyGen)
#include "TestKeyGen.moc"
