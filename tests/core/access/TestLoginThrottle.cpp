// SPDX-License-Identifier: GPL-3.0-or-later
// Login throttling (DESIGN.md section 8): back-off, suspension, restart survival, KDF upgrade.
#include "AccessTestSupport.h"

#include "core/access/LoginThrottle.h"

#include <QTest>

using namespace cc;
using namespace cc::access;
using namespace cc::access::test;
using namespace std::chrono_literals;

namespace {

const crypto::Argon2Params kParams = crypto::Argon2Params::forTests();

struct Fixture
{
    crypto::DeterministicRng rng{7};
    ManualClock clock;
    KeySlotFile file = KeySlotFile::create(rng);

    Fixture()
    {
        auto a = file.addSlot("alice", Role::Doctor, pw("alice-password"), ringFor(Role::Doctor), kParams, rng, clock);
        auto b = file.addSlot("admin", Role::Administrator, pw("admin-password"), ringFor(Role::Administrator), kParams,
                              rng, clock);
        Q_ASSERT(a.ok() && b.ok());
        file.markClean();
    }

    Result<LoginResult> login(std::string_view password, std::string_view name = "alice")
    {
        return attemptLogin(file, name, pw(password), clock, rng, kParams);
    }
};

} // namespace

class TestLoginThrottle : public QObject
{
    Q_OBJECT

private slots:
    void delayTable_data()
    {
        QTest::addColumn<unsigned>("failures");
        QTest::addColumn<int>("seconds");
        // Rule chosen in docs/KEYS.md: min(2^(f-5) s, 900 s) from the 5th failure.
        QTest::newRow("0") << 0u << 0;
        QTest::newRow("4") << 4u << 0;
        QTest::newRow("5") << 5u << 1;
        QTest::newRow("6") << 6u << 2;
        QTest::newRow("10") << 10u << 32;
        QTest::newRow("14") << 14u << 512;
        QTest::newRow("15 capped") << 15u << 900;
        QTest::newRow("19 capped") << 19u << 900;
        QTest::newRow("huge") << 4000000000u << 900;
    }

    void delayTable()
    {
        QFETCH(unsigned, failures);
        QFETCH(int, seconds);
        QCOMPARE(LoginThrottle::delayAfter(failures).count(), std::int64_t{seconds});
    }

    void successLogsIn()
    {
        Fixture f;
        auto r = f.login("alice-password");
        QVERIFY(r.ok());
        QCOMPARE(r->role, Role::Doctor);
        QCOMPARE(r->userName, std::string("alice"));
        QCOMPARE(r->userId, f.file.slot("alice")->userId);
        QVERIFY(r->ring.has(KeyKind::ClinicalCategory));
        QVERIFY(!r->kdfUpgraded);
        QVERIFY(!f.file.dirty()); // nothing to persist after a clean success
    }

    void backOffFromTheFifthFailure()
    {
        Fixture f;
        for (int i = 1; i <= 4; ++i) {
            QCOMPARE(f.login("wrong-password").error().code, ErrorCode::WrongPassword);
            QCOMPARE(f.file.slot("alice")->failedAttempts, std::uint32_t(i));
            QCOMPARE(f.file.slot("alice")->lockedUntil, std::int64_t{0});
        }
        QVERIFY(f.file.dirty());
        QCOMPARE(f.login("wrong-password").error().code, ErrorCode::WrongPassword); // 5th
        QCOMPARE(f.file.slot("alice")->lockedUntil, f.clock.nowSeconds() + 1);
        // During the back-off even the right password is refused, and not counted.
        auto locked = f.login("alice-password");
        QCOMPARE(locked.error().code, ErrorCode::AccountLocked);
        QVERIFY(locked.error().message.find("1 seconds") != std::string::npos);
        QCOMPARE(f.file.slot("alice")->failedAttempts, 5u);
        f.clock.advance(1s);
        QCOMPARE(f.login("wrong-password").error().code, ErrorCode::WrongPassword); // 6th: 2 s
        f.clock.advance(1s);
        QCOMPARE(f.login("alice-password").error().code, ErrorCode::AccountLocked);
        f.clock.advance(1s);
        auto ok = f.login("alice-password");
        QVERIFY(ok.ok());
        QCOMPARE(f.file.slot("alice")->failedAttempts, 0u);
        QCOMPARE(f.file.slot("alice")->lockedUntil, std::int64_t{0});
        // Other accounts are unaffected.
        QVERIFY(f.login("admin-password", "admin").ok());
    }

    void suspendedAtTwentyUntilAdministratorUnlocks()
    {
        Fixture f;
        for (int i = 1; i <= 20; ++i) {
            f.clock.advance(16min); // always past the back-off
            QCOMPARE(f.login("wrong-password").error().code, ErrorCode::WrongPassword);
        }
        QVERIFY(f.file.slot("alice")->suspended);
        f.clock.advance(24h);
        QCOMPARE(f.login("alice-password").error().code, ErrorCode::AccountSuspended);
        QCOMPARE(f.file.slot("alice")->failedAttempts, 20u);

        auto admin = f.login("admin-password", "admin");
        QVERIFY(admin.ok());
        QVERIFY(f.file.clearLockout("alice", admin->ring, f.clock).ok());
        QVERIFY(f.login("alice-password").ok());
    }

    void countersSurviveARestart()
    {
        Fixture f;
        for (int i = 0; i < 7; ++i) {
            f.clock.advance(16min);
            QCOMPARE(f.login("wrong-password").error().code, ErrorCode::WrongPassword);
        }
        const auto until = f.file.slot("alice")->lockedUntil;
        QCOMPARE(until, f.clock.nowSeconds() + 4);
        auto restarted = KeySlotFile::parse(f.file.serialise()); // persisted and re-read
        QVERIFY(restarted.ok());
        QCOMPARE(restarted->slot("alice")->failedAttempts, 7u);
        QCOMPARE(restarted->slot("alice")->lockedUntil, until);
        QCOMPARE(attemptLogin(*restarted, "alice", pw("alice-password"), f.clock, f.rng, kParams).error().code,
                 ErrorCode::AccountLocked);
        // Suspension survives too.
        QVERIFY(restarted->setThrottleState("alice", 20, 0, true).ok());
        auto again = KeySlotFile::parse(restarted->serialise());
        f.clock.advance(1h);
        QCOMPARE(attemptLogin(*again, "alice", pw("alice-password"), f.clock, f.rng, kParams).error().code,
                 ErrorCode::AccountSuspended);
    }

    // Issue 10 item 8: an unknown name answers exactly like a wrong password (no enumeration).
    void unknownAccountAnswersLikeAWrongPassword()
    {
        Fixture f;
        auto unknown = f.login("whatever-pass", "nobody");
        auto wrong = f.login("whatever-pass", "alice");
        QCOMPARE(unknown.error().code, ErrorCode::WrongPassword);
        QCOMPARE(unknown.error().code, wrong.error().code);
        QCOMPARE(unknown.error().message, wrong.error().message);
    }

    void weakerKdfIsUpgradedOnLogin()
    {
        Fixture f;
        const crypto::Argon2Params stronger{16384, 2, 1};
        const auto genBefore = f.file.generation();
        auto r = attemptLogin(f.file, "alice", pw("alice-password"), f.clock, f.rng, stronger);
        QVERIFY(r.ok());
        QVERIFY(r->kdfUpgraded);
        QCOMPARE(f.file.slot("alice")->kdf, stronger);
        QCOMPARE(f.file.generation(), genBefore + 1);
        QVERIFY(f.file.dirty());
        QCOMPARE(f.file.slot("admin")->kdf, kParams); // no other slot touched
        // Next login: already strong enough, no re-wrap; never downgraded either.
        auto again = attemptLogin(f.file, "alice", pw("alice-password"), f.clock, f.rng, kParams);
        QVERIFY(again.ok());
        QVERIFY(!again->kdfUpgraded);
        QCOMPARE(f.file.slot("alice")->kdf, stronger);
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "TestLoginThrottle.moc"
