// SPDX-License-Identifier: GPL-3.0-or-later
// The start-up crypto self-test passes, names every check, and each check can be made to fail.
#include "core/crypto/CryptoSelfTest.h"

#include <QTest>

using namespace cc;
using namespace cc::crypto;

namespace {

const QStringList kNames = {"sha-256", "hmac-sha-256",      "hkdf-sha-256", "aes-256-gcm", "argon2id",
                            "ed25519", "x25519-sealed-box", "shamir",       "rng"};

}

class TestCryptoSelfTest : public QObject
{
    Q_OBJECT

private slots:
    void allPass()
    {
        const auto results = cryptoSelfTest({});
        QCOMPARE(int(results.size()), int(kNames.size()));
        for (int i = 0; i < kNames.size(); ++i) {
            QCOMPARE(QString::fromStdString(results[static_cast<std::size_t>(i)].name), kNames[i]);
            QVERIFY2(results[static_cast<std::size_t>(i)].passed, results[static_cast<std::size_t>(i)].detail.c_str());
            QVERIFY(!results[static_cast<std::size_t>(i)].detail.empty());
        }
        QVERIFY(allPassed(results));
    }

    void breakingOneCheckFailsOnlyThatCheck_data()
    {
        QTest::addColumn<QString>("name");
        for (const auto& n : kNames)
            QTest::newRow(qPrintable(n)) << n;
    }

    void breakingOneCheckFailsOnlyThatCheck()
    {
        QFETCH(QString, name);
        const auto results = cryptoSelfTest(SelfTestOptions{name.toStdString()});
        QVERIFY(!allPassed(results));
        for (const auto& r : results) {
            const bool broken = QString::fromStdString(r.name) == name;
            QCOMPARE(r.passed, !broken);
            if (broken)
                QVERIFY(QString::fromStdString(r.detail).startsWith(QStringLiteral("FAILED")));
        }
    }

    void unknownBreakNameChangesNothing() { QVERIFY(allPassed(cryptoSelfTest(SelfTestOptions{"no-such-check"}))); }
};

QTEST_GUILESS_MAIN(TestCryptoSelfTest)
#include "TestCryptoSelfTest.moc"
