// SPDX-License-Identifier: GPL-3.0-or-later
// SecureBytes: move semantics, explicit clone, constant-time equality, clear; and the free helpers.
#include "core/crypto/SecureBytes.h"

#include <QTest>

#include <type_traits>
#include <vector>

using namespace cc::crypto;

class TestSecureBytes : public QObject
{
    Q_OBJECT

private slots:
    void construction()
    {
        const SecureBytes empty;
        QVERIFY(empty.empty());
        QCOMPARE(empty.size(), std::size_t{0});
        QVERIFY(empty.data() == nullptr);

        const SecureBytes zeros(16);
        QCOMPARE(zeros.size(), std::size_t{16});
        for (std::size_t i = 0; i < zeros.size(); ++i)
            QCOMPARE(int(zeros[i]), 0);

        const std::vector<std::uint8_t> src{1, 2, 3};
        const SecureBytes copy{std::span<const std::uint8_t>(src)};
        QCOMPARE(copy.size(), std::size_t{3});
        QCOMPARE(int(copy[2]), 3);
        QVERIFY(copy.data() != src.data());
    }

    void moveOnly()
    {
        static_assert(!std::is_copy_constructible_v<SecureBytes>);
        static_assert(!std::is_copy_assignable_v<SecureBytes>);
        static_assert(std::is_nothrow_move_constructible_v<SecureBytes>);

        SecureBytes a(std::vector<std::uint8_t>{9, 8, 7});
        const std::uint8_t* buffer = a.data();
        SecureBytes b(std::move(a));
        QCOMPARE(b.data(), buffer); // ownership moved, no copy left behind
        QVERIFY(a.empty());         // NOLINT(bugprone-use-after-move): the moved-from state is specified
        QVERIFY(a.data() == nullptr);

        SecureBytes c(4);
        c = std::move(b);
        QCOMPARE(c.data(), buffer);
        QCOMPARE(c.size(), std::size_t{3});
        QVERIFY(b.empty()); // NOLINT(bugprone-use-after-move)

        auto& self = c;
        c = std::move(self); // self-move keeps the contents
        QCOMPARE(c.size(), std::size_t{3});
    }

    void cloneIsDeep()
    {
        SecureBytes a(std::vector<std::uint8_t>{1, 2, 3, 4});
        SecureBytes b = a.clone();
        QVERIFY(a == b);
        QVERIFY(a.data() != b.data());
        b[0] = 42;
        QVERIFY(!(a == b));
        QCOMPARE(int(a[0]), 1);
    }

    void equality()
    {
        const SecureBytes a(std::vector<std::uint8_t>{1, 2, 3});
        const SecureBytes same(std::vector<std::uint8_t>{1, 2, 3});
        const SecureBytes lastDiffers(std::vector<std::uint8_t>{1, 2, 4});
        const SecureBytes shorter(std::vector<std::uint8_t>{1, 2});
        QVERIFY(a == same);
        QVERIFY(!(a == lastDiffers));
        QVERIFY(!(a == shorter));
        QVERIFY(SecureBytes() == SecureBytes());
        QVERIFY(a.equals(std::vector<std::uint8_t>{1, 2, 3}));

        QVERIFY(constantTimeEqual({}, {}));
        const std::vector<std::uint8_t> x{5, 6}, y{5, 7}, z{5};
        QVERIFY(constantTimeEqual(x, x));
        QVERIFY(!constantTimeEqual(x, y));
        QVERIFY(!constantTimeEqual(x, z));
    }

    void clearWipesAndReleases()
    {
        SecureBytes a(std::vector<std::uint8_t>{1, 2, 3});
        a.clear();
        QVERIFY(a.empty());
        QVERIFY(a.data() == nullptr);
        a.clear(); // twice is harmless

        std::uint8_t raw[8] = {1, 1, 1, 1, 1, 1, 1, 1};
        secureWipe(raw, sizeof raw);
        for (const auto b : raw)
            QCOMPARE(int(b), 0);
        secureWipe(nullptr, 4); // tolerated
    }
};

QTEST_GUILESS_MAIN(TestSecureBytes)
#include "TestSecureBytes.moc"
