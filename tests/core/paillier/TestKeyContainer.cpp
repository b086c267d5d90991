// SPDX-License-Identifier: GPL-3.0-or-later
// AEAD-wrapped private keys and shares: round trip, and wrong key, flipped bit, truncation, replay refused.
#include "core/paillier/KeyContainer.h"
#include "core/paillier/Paillier.h"
#include "tests/core/paillier/PaillierTestMain.h"

using namespace cc;
using namespace cc::paillier;

class TestKeyContainer : public QObject
{
    Q_OBJECT

    crypto::DeterministicRng m_rng{99};
    crypto::SecureBytes m_wrap = m_rng.secureBytes(32);

private slots:
    void privateKeyRoundTripAndTamper()
    {
        auto key = test::fixtureKey("test-key-2048.json");
        const auto id = key.publicKey().keyId();
        auto blob = KeyContainer::sealPrivateKey(key, m_wrap, 7, m_rng);
        QVERIFY(blob.ok());
        auto opened = KeyContainer::openPrivateKey(m_wrap, 7, *blob, id);
        QVERIFY(opened.ok());
        QCOMPARE(opened->publicKey(), key.publicKey());
        auto c = encrypt(key.publicKey(), Plaintext(-8), m_rng).value();
        QCOMPARE(decrypt(*opened, c)->toInt64().value(), -8);

        auto other = m_rng.secureBytes(32);
        QCOMPARE(KeyContainer::openPrivateKey(other, 7, *blob, id).error().code, ErrorCode::IntegrityFailure);
        QCOMPARE(KeyContainer::openPrivateKey(m_wrap, 8, *blob, id).error().code, ErrorCode::KeyMismatch);
        auto flipped = *blob;
        flipped[40] ^= 1;
        QCOMPARE(KeyContainer::openPrivateKey(m_wrap, 7, flipped, id).error().code, ErrorCode::IntegrityFailure);
        auto truncated = std::vector<std::uint8_t>(blob->begin(), blob->end() - 1);
        QVERIFY(!KeyContainer::openPrivateKey(m_wrap, 7, truncated, id).ok());
        // Presented as another key's container: the AAD differs, so the tag fails.
        const auto otherId = test::fixtureKey("test-key-2048-b.json").publicKey().keyId();
        QCOMPARE(KeyContainer::openPrivateKey(m_wrap, 7, *blob, otherId).error().code, ErrorCode::IntegrityFailure);
    }

    void shareRoundTripAndReplay()
    {
        auto set = dealThreshold(test::fixtureKey("test-key-2048.json"), 2, 3, m_rng).value();
        const auto id = set.publicKey.keyId();
        auto blob = KeyContainer::sealShare(set.shares[1], m_wrap, 1, m_rng);
        QVERIFY(blob.ok());
        auto opened = KeyContainer::openShare(m_wrap, 1, *blob, id, 2);
        QVERIFY(opened.ok());
        QCOMPARE(opened->index, 2u);
        QVERIFY(opened->secret == set.shares[1].secret);
        // Replayed as custodian 3's share: refused.
        QCOMPARE(KeyContainer::openShare(m_wrap, 1, *blob, id, 3).error().code, ErrorCode::IntegrityFailure);
        auto flipped = *blob;
        flipped.back() ^= 0x80;
        QCOMPARE(KeyContainer::openShare(m_wrap, 1, flipped, id, 2).error().code, ErrorCode::IntegrityFailure);
        QVERIFY(!KeyContainer::openShare(m_wrap, 1, std::span(*blob).first(10), id, 2).ok());
    }
};

CC_PAILLIER_TEST_MAIN(TestKeyContainer)
#include "TestKeyContainer.moc"
