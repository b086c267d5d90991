// SPDX-License-Identifier: GPL-3.0-or-later
// Threshold decryption 3-of-5: every 3-subset decrypts, 2 shares do not, tampered partials are named.
#include "core/paillier/Paillier.h"
#include "core/paillier/Threshold.h"
#include "tests/core/paillier/PaillierTestMain.h"

using namespace cc;
using namespace cc::paillier;

class TestThreshold : public QObject
{
    Q_OBJECT

    std::optional<ThresholdKeySet> m_set;
    std::vector<PartialDecryption> m_partials;
    Ciphertext m_ct;
    const std::int64_t m_value = -31337;

    const PublicKey& pub() const { return m_set->publicKey; }

private slots:
    void initTestCase()
    {
        crypto::DeterministicRng rng(2024);
        auto dealt = dealThreshold(test::fixtureKey("test-key-2048.json"), 3, 5, rng);
        QVERIFY(dealt.ok());
        m_set = std::move(dealt).value();
        QCOMPARE(m_set->shares.size(), std::size_t{5});
        QCOMPARE(m_set->parameters.verificationKeys.size(), std::size_t{5});
        m_ct = encrypt(pub(), Plaintext(m_value), rng).value();
        for (const auto& share : m_set->shares) {
            auto p = partialDecrypt(pub(), m_set->parameters, share, m_ct, rng);
            QVERIFY(p.ok());
            QVERIFY(verifyPartial(pub(), m_set->parameters, m_ct, *p).ok());
            m_partials.push_back(std::move(p).value());
        }
    }

    void everyThreeSubsetDecrypts()
    {
        int subsets = 0;
        for (int a = 0; a < 5; ++a)
            for (int b = a + 1; b < 5; ++b)
                for (int c = b + 1; c < 5; ++c) {
                    std::vector<PartialDecryption> chosen{m_partials[static_cast<std::size_t>(c)],
                                                          m_partials[static_cast<std::size_t>(a)],
                                                          m_partials[static_cast<std::size_t>(b)]};
                    auto m = combinePartials(pub(), m_set->parameters, m_ct, chosen);
                    QVERIFY2(m.ok(), m.ok() ? "" : m.error().describe().c_str());
                    QCOMPARE(m->toInt64().value(), m_value);
                    ++subsets;
                }
        QCOMPARE(subsets, 10);
        // More than t partials: the first t are used.
        QCOMPARE(combinePartials(pub(), m_set->parameters, m_ct, m_partials)->toInt64().value(), m_value);
    }

    void twoSharesDoNot()
    {
        std::vector<PartialDecryption> two{m_partials[0], m_partials[3]};
        auto m = combinePartials(pub(), m_set->parameters, m_ct, two);
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code, ErrorCode::InvalidArgument);
        // Duplicates do not count twice, and the refusal names the duplicate.
        std::vector<PartialDecryption> dup{m_partials[0], m_partials[3], m_partials[0]};
        auto d = combinePartials(pub(), m_set->parameters, m_ct, dup);
        QCOMPARE(d.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(d.error().message.find("custodian 1") != std::string::npos, d.error().message.c_str());
    }

    void homomorphicSumDecryptsByQuorum()
    {
        crypto::DeterministicRng rng(77);
        auto a = encrypt(pub(), Plaintext(1000), rng).value();
        auto b = encrypt(pub(), Plaintext(-1), rng).value();
        auto s = add(pub(), a, b).value();
        std::vector<PartialDecryption> ps;
        for (std::size_t i : {4u, 1u, 2u})
            ps.push_back(partialDecrypt(pub(), m_set->parameters, m_set->shares[i], s, rng).value());
        QCOMPARE(combinePartials(pub(), m_set->parameters, s, ps)->toInt64().value(), 999);
    }

    void tamperedPartialIsNamed_data()
    {
        QTest::addColumn<int>("what");
        QTest::newRow("value bit flipped") << 0;
        QTest::newRow("response bit flipped") << 1;
        QTest::newRow("challenge bit flipped") << 2;
        QTest::newRow("partial for another ciphertext") << 3;
        QTest::newRow("claims another custodian's index") << 4;
        QTest::newRow("value squared (wrong share)") << 5;
    }
    void tamperedPartialIsNamed()
    {
        QFETCH(int, what);
        PartialDecryption bad = m_partials[2]; // custodian 3
        crypto::DeterministicRng rng(5);
        switch (what) {
        case 0:
            bad.value[10] ^= 0x01;
            break;
        case 1:
            bad.response.back() ^= 0x01;
            break;
        case 2:
            bad.challenge[0] ^= 0x80;
            break;
        case 3: {
            auto other = encrypt(pub(), Plaintext(1), rng).value();
            bad = partialDecrypt(pub(), m_set->parameters, m_set->shares[2], other, rng).value();
            break;
        }
        case 4:
            bad.index = 4;
            break;
        case 5: {
            // A custodian using a wrong share: c^(2Δ·2s_i) with an honest-looking proof cannot pass.
            ThresholdShare wrong{m_set->shares[2].keyId, 3, 3, 5, m_set->shares[0].secret.clone()};
            bad = partialDecrypt(pub(), m_set->parameters, wrong, m_ct, rng).value();
            break;
        }
        default:
            QFAIL("unknown case");
        }
        const std::uint32_t named = bad.index;
        auto v = verifyPartial(pub(), m_set->parameters, m_ct, bad);
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, ErrorCode::IntegrityFailure);
        const std::string who = "custodian " + std::to_string(named);
        QVERIFY2(v.error().message.find(who) != std::string::npos, v.error().message.c_str());
        // Two valid partials and the bad one: not enough, and the refusal names the bad custodian.
        std::vector<PartialDecryption> set{m_partials[0], bad, m_partials[4]};
        CombineOutcome outcome;
        auto m = combinePartials(pub(), m_set->parameters, m_ct, set, {}, &outcome);
        QCOMPARE(m.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(m.error().message.find(who) != std::string::npos, m.error().message.c_str());
        QCOMPARE(outcome.rejected.size(), std::size_t{1});
        QCOMPARE(outcome.rejected[0].first, named);
        // One more valid partial: the bad one is named and skipped, the other three combine.
        set.push_back(m_partials[1]);
        auto m2 = combinePartials(pub(), m_set->parameters, m_ct, set, {}, &outcome);
        QVERIFY2(m2.ok(), m2.ok() ? "" : m2.error().describe().c_str());
        QCOMPARE(m2->toInt64().value(), m_value);
        QCOMPARE(outcome.used, (std::vector<std::uint32_t>{1, 5, 2}));
        QCOMPARE(outcome.rejected.size(), std::size_t{1});
        QVERIFY(outcome.rejected[0].second.find(who) != std::string::npos);
    }

    void contextIsBoundIntoTheProof()
    {
        crypto::DeterministicRng rng(11);
        const std::vector<std::uint8_t> reportA{'r', 'e', 'p', 'o', 'r', 't', 0, 0, 0, 1};
        const std::vector<std::uint8_t> reportB{'r', 'e', 'p', 'o', 'r', 't', 0, 0, 0, 2};
        std::vector<PartialDecryption> ps;
        for (std::size_t i : {0u, 1u, 2u})
            ps.push_back(partialDecrypt(pub(), m_set->parameters, m_set->shares[i], m_ct, rng, reportA).value());
        QVERIFY(verifyPartial(pub(), m_set->parameters, m_ct, ps[0], reportA).ok());
        // The same partial presented for another report cell, or without context, fails its proof.
        QCOMPARE(verifyPartial(pub(), m_set->parameters, m_ct, ps[0], reportB).error().code,
                 ErrorCode::IntegrityFailure);
        QCOMPARE(verifyPartial(pub(), m_set->parameters, m_ct, ps[0]).error().code, ErrorCode::IntegrityFailure);
        QCOMPARE(combinePartials(pub(), m_set->parameters, m_ct, ps, reportA)->toInt64().value(), m_value);
        QCOMPARE(combinePartials(pub(), m_set->parameters, m_ct, ps, reportB).error().code, ErrorCode::InvalidArgument);
    }

    void duplicatePartialIsSkipped()
    {
        std::vector<PartialDecryption> dup{m_partials[0], m_partials[0], m_partials[3], m_partials[1]};
        CombineOutcome outcome;
        auto m = combinePartials(pub(), m_set->parameters, m_ct, dup, {}, &outcome);
        QVERIFY(m.ok());
        QCOMPARE(m->toInt64().value(), m_value);
        QCOMPARE(outcome.rejected.size(), std::size_t{1});
        QCOMPARE(outcome.rejected[0].first, std::uint32_t{1});
    }

    void parametersThatAreNotUnitsAreRefused_data()
    {
        QTest::addColumn<int>("which"); // -1: v, else v_which
        QTest::addColumn<int>("what");  // 0: one, 1: n (not a unit), 2: zero
        QTest::newRow("v = 1") << -1 << 0;
        QTest::newRow("v = n") << -1 << 1;
        QTest::newRow("v_2 = 1") << 1 << 0;
        QTest::newRow("v_5 = n") << 4 << 1;
        QTest::newRow("v_3 = 0") << 2 << 2;
    }
    void parametersThatAreNotUnitsAreRefused()
    {
        QFETCH(int, which);
        QFETCH(int, what);
        ThresholdParameters params = m_set->parameters;
        std::vector<std::uint8_t> value;
        if (what == 0)
            value = {1};
        else if (what == 1)
            value = pub().modulus();
        else
            value = {0};
        (which < 0 ? params.verificationBase : params.verificationKeys[static_cast<std::size_t>(which)]) = value;
        auto checked = checkThresholdParameters(pub(), params);
        QCOMPARE(checked.error().code, ErrorCode::MalformedInput);
        QCOMPARE(QString::fromStdString(checked.error().field),
                 which < 0 ? QStringLiteral("v") : QStringLiteral("vk[%1]").arg(which));
        crypto::DeterministicRng rng(3);
        QCOMPARE(partialDecrypt(pub(), params, m_set->shares[0], m_ct, rng).error().code, ErrorCode::MalformedInput);
        QCOMPARE(combinePartials(pub(), params, m_ct, m_partials).error().code, ErrorCode::MalformedInput);
    }

    void wrongKeyRefused()
    {
        crypto::DeterministicRng rng(8);
        auto other = test::fixtureKey("test-key-2048-b.json");
        auto foreign = encrypt(other.publicKey(), Plaintext(1), rng).value();
        QCOMPARE(partialDecrypt(pub(), m_set->parameters, m_set->shares[0], foreign, rng).error().code,
                 ErrorCode::KeyMismatch);
        QCOMPARE(partialDecrypt(other.publicKey(), m_set->parameters, m_set->shares[0], foreign, rng).error().code,
                 ErrorCode::KeyMismatch);
    }

    void dealerRejectsBadParameters()
    {
        crypto::DeterministicRng rng(1);
        QCOMPARE(dealThreshold(test::fixtureKey("test-key-2048-b.json"), 0, 3, rng).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(dealThreshold(test::fixtureKey("test-key-2048-b.json"), 4, 3, rng).error().code,
                 ErrorCode::InvalidArgument);
    }
};

CC_PAILLIER_TEST_MAIN(TestThreshold)
#include "TestThreshold.moc"
