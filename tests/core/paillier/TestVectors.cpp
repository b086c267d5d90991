// SPDX-License-Identifier: GPL-3.0-or-later
// Interoperability: vectors produced once by paillier-bigint 3.4.3 (npm), an independent
// implementation; provenance and the script in tests/data/paillier/README.md.
#include "core/paillier/Paillier.h"
#include "tests/core/paillier/PaillierTestMain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace cc;
using namespace cc::paillier;

namespace {
std::vector<std::uint8_t> bytesOf(const QString& decimal)
{
    return Plaintext::fromDecimal(decimal.toStdString()).value().magnitude();
}
} // namespace

class TestVectors : public QObject
{
    Q_OBJECT

    std::optional<PrivateKey> m_key;
    QJsonObject m_vectors;

    const PublicKey& pub() const { return m_key->publicKey(); }
    Plaintext signedResidue(const QString& m) const { return decodeResidue(pub(), bytesOf(m)).value(); }

private slots:
    void initTestCase()
    {
        m_key = test::fixtureKey("test-key-2048.json");
        m_vectors =
            QJsonDocument::fromJson(QByteArray::fromStdString(test::fixture("vectors-paillier-bigint.json"))).object();
        QVERIFY(m_vectors.value("source").toString().startsWith("paillier-bigint 3.4.3"));
        QCOMPARE(bytesOf(m_vectors.value("n").toString()), pub().modulus());
    }

    void textbookEncryptionMatches_data()
    {
        QTest::addColumn<QString>("m");
        QTest::addColumn<QString>("r");
        QTest::addColumn<QString>("c");
        for (const auto& v : m_vectors.value("encryptions").toArray()) {
            const auto o = v.toObject();
            QTest::newRow(qPrintable(o.value("m").toString().left(12)))
                << o.value("m").toString() << o.value("r").toString() << o.value("c").toString();
        }
    }
    void textbookEncryptionMatches()
    {
        QFETCH(QString, m);
        QFETCH(QString, r);
        QFETCH(QString, c);
        const auto value = signedResidue(m);
        auto theirs = Ciphertext::fromDecimal(pub(), c.toStdString());
        QVERIFY(theirs.ok());
        QCOMPARE(decrypt(*m_key, *theirs).value(), value);
        auto ours = encryptTextbookWithNonce(pub(), value, bytesOf(r));
        if (!value.checkFitsPlainSum(pub()).ok()) {
            // Values near ⌊n/3⌋ decrypt, but CipherChart does not encrypt them as plain numbers:
            // a sum of a few would leave the band (PLAIN_SUM_MAX_TERMS).
            QCOMPARE(ours.error().code, ErrorCode::Overflow);
            return;
        }
        QVERIFY(ours.ok());
        QCOMPARE(QString::fromStdString(ours->toDecimal()), c);
        // Failure: another r gives another ciphertext; a changed c does not decrypt to m.
        auto otherR = bytesOf(r);
        otherR.back() ^= 1;
        auto other = encryptTextbookWithNonce(pub(), value, otherR);
        QVERIFY(!other.ok() || QString::fromStdString(other->toDecimal()) != c);
        auto tampered = addPlain(pub(), *theirs, Plaintext(1));
        auto changed = decrypt(*m_key, *tampered);
        QVERIFY(!changed.ok() || *changed != value); // m = ⌊n/3⌋ + 1 overflows the band
    }

    void homomorphicVectors()
    {
        const auto add1 = m_vectors.value("addition").toObject();
        auto c1 = Ciphertext::fromDecimal(pub(), add1.value("c1").toString().toStdString()).value();
        auto c2 = Ciphertext::fromDecimal(pub(), add1.value("c2").toString().toStdString()).value();
        QCOMPARE(QString::fromStdString(add(pub(), c1, c2)->toDecimal()), add1.value("c").toString());
        QCOMPARE(decrypt(*m_key, add(pub(), c1, c2).value()).value(), signedResidue(add1.value("m").toString()));
        const auto mul = m_vectors.value("multiply").toObject();
        auto c = Ciphertext::fromDecimal(pub(), mul.value("c").toString().toStdString()).value();
        auto k = Plaintext::fromDecimal(mul.value("k").toString().toStdString()).value();
        QCOMPARE(QString::fromStdString(multiplyScalar(pub(), c, k)->toDecimal()), mul.value("result").toString());
    }

    void decryptTheirRandomEncryptions()
    {
        for (const auto& v : m_vectors.value("decryptOnly").toArray()) {
            const auto o = v.toObject();
            auto c = Ciphertext::fromDecimal(pub(), o.value("c").toString().toStdString());
            QVERIFY(c.ok());
            QCOMPARE(decrypt(*m_key, *c).value(), signedResidue(o.value("m").toString()));
            auto other = test::fixtureKey("test-key-2048-b.json");
            // Under another key the same integer is a different (or invalid) ciphertext.
            auto foreign = Ciphertext::fromDecimal(other.publicKey(), o.value("c").toString().toStdString());
            if (foreign.ok()) {
                auto m = decrypt(other, *foreign);
                QVERIFY(!m.ok() || *m != signedResidue(o.value("m").toString()));
            }
        }
    }
};

CC_PAILLIER_TEST_MAIN(TestVectors)
#include "TestVectors.moc"
