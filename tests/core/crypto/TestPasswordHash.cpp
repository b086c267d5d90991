// SPDX-License-Identifier: GPL-3.0-or-later
// Argon2id through libsodium: independently computed vectors, sensitivity to every input, validation.
#include "CryptoTestUtil.h"
#include "core/crypto/PasswordHash.h"

#include <QTest>

using namespace cc;
using namespace cc::crypto;
using namespace cc::crypto::test;

// About RFC 9106 section 5.3: its Argon2id vector uses a secret key K and associated data X, which
// libsodium's crypto_pwhash API does not accept, so it cannot be reproduced here. Instead the vectors
// below were computed once, independently of libsodium, with the reference implementation's command
// line tool (Debian 12 package argon2 0~20171227-0.3+deb12u1, unpacked in /tmp only for this purpose):
//   printf 'password' | argon2 somesaltsomesalt -id -t 1 -m 13 -p 1 -l 32 -r
//   printf 'CipherChart' | argon2 NaCl-salt-16byte -id -t 2 -k 10240 -p 1 -l 64 -r
// (argon2 version 0x13; the first line also printed $argon2id$v=19$m=8192,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$...).
class TestPasswordHash : public QObject
{
    Q_OBJECT

private slots:
    void referenceVectors_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<uint>("memoryKiB");
        QTest::addColumn<uint>("iterations");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("expected");
        QTest::newRow("argon2 CLI, m=8192 t=1 p=1 (forTests)")
            << QByteArray("password") << QByteArray("somesaltsomesalt") << 8192u << 1u << 32
            << "84fb006bbc3cd69895722b64b5bf735251a9e8e9f3ecb93ff595b98aeb7accb7";
        QTest::newRow("argon2 CLI, m=10240 t=2 p=1, 64 bytes")
            << QByteArray("CipherChart") << QByteArray("NaCl-salt-16byte") << 10240u << 2u << 64
            << "58d61431cfde261164204cc4338abb90f54ce7f65ef478705fdd4b44210550658f6dafecf8409588e36b10e30260585d555d"
               "8b517e08efae93e8bb6772410c8a";
    }

    void referenceVectors()
    {
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, salt);
        QFETCH(uint, memoryKiB);
        QFETCH(uint, iterations);
        QFETCH(int, length);
        QFETCH(QString, expected);
        const Argon2Params params{memoryKiB, iterations, 1};
        const auto n = static_cast<std::size_t>(length);
        const auto r = argon2id(bytesOf(password), bytesOf(salt), params, n);
        QVERIFY(r.ok());
        QCOMPARE(hexOf(r->span()), expected);

        // A one-bit change of password or salt, or a different cost, gives another key.
        QByteArray wrongPassword = password;
        wrongPassword[0] = static_cast<char>(wrongPassword[0] ^ 0x01);
        const auto wp = argon2id(bytesOf(wrongPassword), bytesOf(salt), params, n);
        QVERIFY(wp.ok());
        QVERIFY(hexOf(wp->span()) != expected);
        QByteArray wrongSalt = salt;
        wrongSalt[15] = static_cast<char>(wrongSalt[15] ^ 0x80);
        const auto ws = argon2id(bytesOf(password), bytesOf(wrongSalt), params, n);
        QVERIFY(ws.ok());
        QVERIFY(hexOf(ws->span()) != expected);
        const auto wt = argon2id(bytesOf(password), bytesOf(salt), Argon2Params{memoryKiB, iterations + 1, 1}, n);
        QVERIFY(wt.ok());
        QVERIFY(hexOf(wt->span()) != expected);
        const auto wm = argon2id(bytesOf(password), bytesOf(salt), Argon2Params{memoryKiB + 8, iterations, 1}, n);
        QVERIFY(wm.ok());
        QVERIFY(hexOf(wm->span()) != expected);
        // A truncated password (last byte dropped) too.
        const auto tr =
            argon2id(bytesOf(password).first(static_cast<std::size_t>(password.size() - 1)), bytesOf(salt), params, n);
        QVERIFY(tr.ok());
        QVERIFY(hexOf(tr->span()) != expected);
    }

    void deterministicAndEmptyPassword()
    {
        const std::vector<std::uint8_t> salt(16, 0x5a);
        const auto a = argon2id({}, salt, Argon2Params::forTests());
        const auto b = argon2id({}, salt, Argon2Params::forTests());
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->size(), std::size_t{32});
        QVERIFY(*a == *b);
    }

    void paramsPresets()
    {
        QCOMPARE(Argon2Params::defaults(), (Argon2Params{65536, 3, 1}));
        QCOMPARE(Argon2Params::forTests(), (Argon2Params{8192, 1, 1}));
        QVERIFY(Argon2Params::defaults() != Argon2Params::forTests());
    }

    void rejectsBadParameters_data()
    {
        QTest::addColumn<int>("saltSize");
        QTest::addColumn<uint>("memoryKiB");
        QTest::addColumn<uint>("iterations");
        QTest::addColumn<uint>("parallelism");
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("expected");
        QTest::newRow("salt 15 bytes") << 15 << 8192u << 1u << 1u << 32 << int(ErrorCode::InvalidArgument);
        QTest::newRow("salt 17 bytes") << 17 << 8192u << 1u << 1u << 32 << int(ErrorCode::InvalidArgument);
        QTest::newRow("no salt") << 0 << 8192u << 1u << 1u << 32 << int(ErrorCode::InvalidArgument);
        QTest::newRow("zero iterations") << 16 << 8192u << 0u << 1u << 32 << int(ErrorCode::InvalidArgument);
        QTest::newRow("memory below 8 KiB") << 16 << 7u << 1u << 1u << 32 << int(ErrorCode::InvalidArgument);
        QTest::newRow("output below 16 bytes") << 16 << 8192u << 1u << 1u << 15 << int(ErrorCode::InvalidArgument);
        QTest::newRow("parallelism 4") << 16 << 8192u << 1u << 4u << 32 << int(ErrorCode::Unsupported);
        QTest::newRow("parallelism 0") << 16 << 8192u << 1u << 0u << 32 << int(ErrorCode::Unsupported);
    }

    void rejectsBadParameters()
    {
        QFETCH(int, saltSize);
        QFETCH(uint, memoryKiB);
        QFETCH(uint, iterations);
        QFETCH(uint, parallelism);
        QFETCH(int, length);
        QFETCH(int, expected);
        const std::vector<std::uint8_t> salt(static_cast<std::size_t>(saltSize), 1);
        const auto r = argon2id(bytesOf(std::string_view("pw")), salt, Argon2Params{memoryKiB, iterations, parallelism},
                                static_cast<std::size_t>(length));
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().code), expected);
    }

    void minimumMemoryAccepted()
    {
        // libsodium's floor is 8 KiB; exactly that must work (a boundary test for the validation above).
        const std::vector<std::uint8_t> salt(16, 2);
        QVERIFY(argon2id(bytesOf(std::string_view("pw")), salt, Argon2Params{8, 1, 1}).ok());
    }
};

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "TestPasswordHash.moc"
