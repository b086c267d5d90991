// SPDX-License-Identifier: GPL-3.0-or-later
// Key validation on every load path: the DJN base is always derived from n, n is capped at 4096
// bits, report keys are 2048/3072/4096 bits, primes must be as large as the key needs,
// python-paillier's private JWK reads, decryption is blinded, plain-number sums cannot overflow.
#include "core/paillier/KeyContainer.h"
#include "core/paillier/Paillier.h"
#include "tests/core/paillier/PaillierTestMain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gmp.h>

using namespace cc;
using namespace cc::paillier;

namespace {

QString b64(std::span<const std::uint8_t> bytes)
{
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::string json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

// An odd number of exactly `bits` bits (top and bottom bit set), not a square: enough for the
// public-key checks, which do not factor n.
std::vector<std::uint8_t> oddModulus(unsigned bits)
{
    std::vector<std::uint8_t> n((bits + 7) / 8, 0x5a);
    n.front() = static_cast<std::uint8_t>(0x80 >> ((8 - bits % 8) % 8));
    n.front() |= static_cast<std::uint8_t>(n.front() >> 1);
    n.back() |= 1;
    return n;
}

crypto::SecureBytes mpzBytes(mpz_srcptr v)
{
    std::vector<std::uint8_t> out((mpz_sizeinbase(v, 2) + 7) / 8);
    mpz_export(out.data(), nullptr, 1, 1, 0, 0, v);
    return crypto::SecureBytes(std::span<const std::uint8_t>(out));
}

// The self-test's published 1024-bit TEST key (PaillierSelfTest.cpp): two 512-bit safe primes.
crypto::SecureBytes decimal(const char* text)
{
    return crypto::SecureBytes(std::span<const std::uint8_t>(Plaintext::fromDecimal(text).value().magnitude()));
}
const char* const kP1024 = "10672836529249560628224528447126337146640448511229680590832341401436076675134382042574748"
                           "184229216520385644461608189766595789204397170967841412340648422159";
const char* const kQ1024 = "10617261754780457982148866347547228907044518422157595304175740622145685328138681951450708"
                           "599219406275915986082693387671217581903714492934129627759831998983";

} // namespace

class TestKeyValidation : public QObject
{
    Q_OBJECT

    std::optional<PrivateKey> m_key;
    QJsonObject m_jwk;

    const PublicKey& pub() const { return m_key->publicKey(); }

private slots:
    void initTestCase()
    {
        m_key = test::fixtureKey("test-key-2048.json");
        m_jwk = QJsonDocument::fromJson(QByteArray::fromStdString(KeyFile::publicJwk(pub()))).object();
    }

    void djnBaseIsAlwaysDerived_data()
    {
        QTest::addColumn<QString>("hs"); // "derived", "absent", or a replacement
        QTest::addColumn<bool>("accepted");
        QTest::newRow("derived hs") << "derived" << true;
        QTest::newRow("no hs (python-paillier)") << "absent" << true;
        QTest::newRow("hs = n² − 1 (decrypts everything)") << "n2minus1" << false;
        QTest::newRow("hs = 4 (a known root)") << "four" << false;
        QTest::newRow("hs one bit flipped") << "flipped" << false;
    }
    void djnBaseIsAlwaysDerived()
    {
        QFETCH(QString, hs);
        QFETCH(bool, accepted);
        QJsonObject o = m_jwk;
        const auto derived = pub().djnBase();
        if (hs == "absent") {
            o.remove("hs");
        } else if (hs == "n2minus1") {
            // n² − 1 as bytes: n² from the public key's ciphertext width, minus one.
            mpz_t n, n2;
            mpz_inits(n, n2, nullptr);
            const auto nb = pub().modulus();
            mpz_import(n, nb.size(), 1, 1, 0, 0, nb.data());
            mpz_mul(n2, n, n);
            mpz_sub_ui(n2, n2, 1);
            o.insert("hs", b64(mpzBytes(n2).span()));
            mpz_clears(n, n2, nullptr);
        } else if (hs == "four") {
            o.insert("hs", b64(std::vector<std::uint8_t>{4}));
        } else if (hs == "flipped") {
            auto bad = derived;
            bad[bad.size() / 2] ^= 0x01;
            o.insert("hs", b64(bad));
        }
        auto key = KeyFile::readPublic(json(o));
        QCOMPARE(key.ok(), accepted);
        if (accepted) {
            QCOMPARE(key->djnBase(), derived);
            QCOMPARE(key->keyId(), pub().keyId());
        } else {
            QCOMPARE(key.error().code, ErrorCode::MalformedInput);
            QCOMPARE(QString::fromStdString(key.error().field), QStringLiteral("hs"));
        }
    }

    void modulusSizes_data()
    {
        QTest::addColumn<unsigned>("bits");
        QTest::addColumn<bool>("publicKeyOk"); // PublicKey::fromModulus
        QTest::addColumn<bool>("reportKeyOk"); // every report-key load path (KeyFile, containers, meta)
        QTest::newRow("1023") << 1023u << false << false;
        QTest::newRow("1024 (self-test only)") << 1024u << true << false;
        QTest::newRow("2047") << 2047u << true << false;
        QTest::newRow("2048 (tests)") << 2048u << true << true;
        QTest::newRow("2560") << 2560u << true << false;
        QTest::newRow("3072") << 3072u << true << true;
        QTest::newRow("4096") << 4096u << true << true;
        QTest::newRow("4097 (cap)") << 4097u << false << false;
        QTest::newRow("8192") << 8192u << false << false;
    }
    void modulusSizes()
    {
        QFETCH(unsigned, bits);
        QFETCH(bool, publicKeyOk);
        QFETCH(bool, reportKeyOk);
        const auto n = oddModulus(bits);
        auto key = PublicKey::fromModulus(n);
        QCOMPARE(key.ok(), publicKeyOk);
        if (!key.ok()) {
            QCOMPARE(key.error().code, ErrorCode::MalformedInput);
            QCOMPARE(QString::fromStdString(key.error().field), QStringLiteral("n"));
            if (bits > PublicKey::MAX_BITS)
                QVERIFY(key.error().message.find("at most 4096") != std::string::npos);
        } else {
            QCOMPARE(key->bits(), bits);
            QCOMPARE(key->checkReportKeySize().ok(), reportKeyOk);
        }
        const auto read = KeyFile::readPublic(json(QJsonObject{{"kty", "DAJ"}, {"alg", "PAI-GN1"}, {"n", b64(n)}}));
        QCOMPARE(read.ok(), reportKeyOk);
        if (!read.ok())
            QCOMPARE(QString::fromStdString(read.error().field), QStringLiteral("n"));
    }

    void primesMustBeAsLargeAsTheKeyNeeds()
    {
        // Two 512-bit primes whose product has 1023 bits: shorter than twice their length.
        mpz_t p, q;
        mpz_inits(p, q, nullptr);
        mpz_setbit(p, 511);
        mpz_nextprime(p, p);
        mpz_setbit(q, 511);
        mpz_setbit(q, 420); // |p − q| ≈ 2^420 ≥ 2^(512 − 100): only the length rule refuses them
        mpz_nextprime(q, q);
        auto shortKey = PrivateKey::fromPrimes(mpzBytes(p), mpzBytes(q));
        QVERIFY(!shortKey.ok());
        QCOMPARE(shortKey.error().code, ErrorCode::MalformedInput);
        QVERIFY(shortKey.error().message.find("too small") != std::string::npos);
        mpz_clears(p, q, nullptr);
        // Unequal lengths and a composite are refused too.
        auto unequal = PrivateKey::fromPrimes(decimal(kP1024), m_key->primeQ());
        QCOMPARE(unequal.error().code, ErrorCode::MalformedInput);
        auto composite = decimal(kQ1024);
        composite.data()[composite.size() - 1] ^= 2; // still odd, no longer prime
        QCOMPARE(PrivateKey::fromPrimes(decimal(kP1024), composite).error().code, ErrorCode::MalformedInput);
        // The 1024-bit self-test key is a valid key but never a report key.
        auto selfTest = PrivateKey::fromPrimes(decimal(kP1024), decimal(kQ1024));
        QVERIFY(selfTest.ok());
        QCOMPARE(selfTest->publicKey().checkReportKeySize().error().code, ErrorCode::MalformedInput);
        auto file = KeyFile::readPrivate(KeyFile::privateJson(*selfTest));
        QCOMPARE(file.error().code, ErrorCode::MalformedInput);
        QCOMPARE(QString::fromStdString(file.error().field), QStringLiteral("n"));
        crypto::DeterministicRng rng(3);
        const auto wrap = rng.secureBytes(32);
        auto sealed = KeyContainer::sealPrivateKey(*selfTest, wrap, 1, rng);
        QVERIFY(sealed.ok());
        QCOMPARE(KeyContainer::openPrivateKey(wrap, 1, *sealed, selfTest->publicKey().keyId()).error().code,
                 ErrorCode::MalformedInput);
    }

    void pythonPaillierPrivateJwk()
    {
        // pheutil genpkey (python-paillier 1.4, phe/command_line.py): p, q at the top, the public
        // members nested in "pub", free-text kids, no "alg" at the top level.
        const QJsonObject pubJwk{{"kty", "DAJ"},
                                 {"alg", "PAI-GN1"},
                                 {"key_ops", QJsonArray{"encrypt"}},
                                 {"n", b64(pub().modulus())},
                                 {"kid", "Paillier public key generated by pheutil on 2026-12-04 20:00:00"}};
        QJsonObject priv{{"kty", "DAJ"},
                         {"key_ops", QJsonArray{"decrypt"}},
                         {"p", b64(m_key->primeP().span())},
                         {"q", b64(m_key->primeQ().span())},
                         {"pub", pubJwk},
                         {"kid", "Paillier private key generated by pheutil on 2026-12-04 20:00:00"}};
        auto key = KeyFile::readPrivate(json(priv));
        QVERIFY2(key.ok(), key.ok() ? "" : key.error().describe().c_str());
        QCOMPARE(key->publicKey().keyId(), pub().keyId());
        auto pubOnly = KeyFile::readPublic(json(priv));
        QVERIFY(pubOnly.ok());
        QCOMPARE(pubOnly->keyId(), pub().keyId());
        crypto::DeterministicRng rng(5);
        auto c = encrypt(pub(), Plaintext(-31), rng).value();
        QCOMPARE(decrypt(*key, c)->toInt64().value(), -31);

        // Tampered: pub is not an object, pub's alg is another scheme, a top-level n that differs.
        QJsonObject bad = priv;
        bad.insert("pub", "n");
        QCOMPARE(QString::fromStdString(KeyFile::readPrivate(json(bad)).error().field), QStringLiteral("pub"));
        QJsonObject otherAlg = pubJwk;
        otherAlg.insert("alg", "PAI-GN2");
        bad = priv;
        bad.insert("pub", otherAlg);
        QCOMPARE(KeyFile::readPrivate(json(bad)).error().code, ErrorCode::Unsupported);
        bad = priv;
        auto otherN = pub().modulus();
        otherN[10] ^= 4;
        bad.insert("n", b64(otherN));
        QCOMPARE(QString::fromStdString(KeyFile::readPrivate(json(bad)).error().field), QStringLiteral("n"));
        // Primes of another key: p·q is not pub.n.
        auto other = test::fixtureKey("test-key-2048-b.json");
        bad = priv;
        bad.insert("p", b64(other.primeP().span()));
        bad.insert("q", b64(other.primeQ().span()));
        QCOMPARE(KeyFile::readPrivate(json(bad)).error().code, ErrorCode::KeyMismatch);
    }

    void publishedTestKeysAreKnown()
    {
        QVERIFY(KeyFile::isPublishedTestKey(pub()));
        QVERIFY(KeyFile::isPublishedTestKey(test::fixtureKey("test-key-2048-b.json").publicKey()));
        auto selfTest = PrivateKey::fromPrimes(decimal(kP1024), decimal(kQ1024));
        QVERIFY(!KeyFile::isPublishedTestKey(selfTest->publicKey()));
        QVERIFY(!KeyFile::isPublishedTestKey(PublicKey()));
    }

    void blindedDecryption_data()
    {
        QTest::addColumn<qint64>("value");
        QTest::newRow("zero") << qint64{0};
        QTest::newRow("one") << qint64{1};
        QTest::newRow("minus one") << qint64{-1};
        QTest::newRow("large positive") << qint64{INT64_MAX};
        QTest::newRow("large negative") << qint64{INT64_MIN};
    }
    void blindedDecryption()
    {
        QFETCH(qint64, value);
        crypto::DeterministicRng rng(11);
        auto c = encrypt(pub(), Plaintext(value), rng);
        QVERIFY(c.ok());
        // Each decryption draws a fresh blinding; the result never depends on it.
        for (int i = 0; i < 4; ++i)
            QCOMPARE(decrypt(*m_key, *c)->toInt64().value(), value);
        // A residue ≥ q (the CRT recombination's other branch) decrypts exactly too.
        const auto qBytes = m_key->primeQ();
        const auto bigger = Plaintext::fromMagnitude(qBytes.span(), value < 0);
        auto cq = encrypt(pub(), bigger, rng, 1);
        QVERIFY(cq.ok());
        QCOMPARE(decrypt(*m_key, *cq).value(), bigger);
    }

    void plainSumsCannotOverflowSilently()
    {
        crypto::DeterministicRng rng(12);
        // ⌊n/3⌋ itself: three of them would be n − (n mod 3), which decodes as −1 or −2.
        mpz_t n, third, bound;
        mpz_inits(n, third, bound, nullptr);
        const auto nb = pub().modulus();
        mpz_import(n, nb.size(), 1, 1, 0, 0, nb.data());
        mpz_fdiv_q_ui(third, n, 3);
        mpz_fdiv_q_2exp(bound, third, 24);
        const auto thirdPt = Plaintext::fromMagnitude(mpzBytes(third).span(), false);
        const auto boundPt = Plaintext::fromMagnitude(mpzBytes(bound).span(), false);
        mpz_mul_ui(third, bound, 3);
        const auto threeBounds = Plaintext::fromMagnitude(mpzBytes(third).span(), false);
        mpz_add_ui(bound, bound, 1);
        const auto abovePt = Plaintext::fromMagnitude(mpzBytes(bound).span(), true);
        mpz_clears(n, third, bound, nullptr);
        QCOMPARE(encrypt(pub(), thirdPt, rng).error().code, ErrorCode::Overflow);
        QCOMPARE(encryptTextbook(pub(), thirdPt, rng).error().code, ErrorCode::Overflow);
        std::vector<Plaintext> batch{Plaintext(1), thirdPt};
        QCOMPARE(encryptBatch(pub(), batch, rng, 1).error().code, ErrorCode::Overflow);
        QCOMPARE(encrypt(pub(), abovePt, rng).error().code, ErrorCode::Overflow);
        // The largest plain number encrypts, and three of them sum exactly.
        auto top = encrypt(pub(), boundPt, rng);
        QVERIFY(top.ok());
        std::vector<Ciphertext> three{*top, *top, *top};
        auto total = sum(pub(), three, 2);
        QVERIFY(total.ok());
        auto decoded = decrypt(*m_key, *total);
        QVERIFY(decoded.ok());
        QCOMPARE(*decoded, threeBounds);
        // addPlain takes the same bound; the term count is bounded like a packed layout's.
        QCOMPARE(addPlain(pub(), *top, thirdPt).error().code, ErrorCode::Overflow);
        QVERIFY(checkPlainSumTerms(PLAIN_SUM_MAX_TERMS).ok());
        QCOMPARE(checkPlainSumTerms(PLAIN_SUM_MAX_TERMS + 1).error().code, ErrorCode::Overflow);
        // A packed layout's id keeps the full band: its own overflow rule bounds its sums.
        QVERIFY(encrypt(pub(), thirdPt, rng, 5).ok());
    }
};

CC_PAILLIER_TEST_MAIN(TestKeyValidation)
#include "TestKeyValidation.moc"
