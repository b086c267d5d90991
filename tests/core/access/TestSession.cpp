// SPDX-License-Identifier: GPL-3.0-or-later
// Session: idle lock wipes keys, resume, 12-hour expiry, timeout bounds (DESIGN.md section 8).
#include "AccessTestSupport.h"

#include "core/access/Session.h"

#include <QTest>

using namespace cc;
using namespace cc::access;
using namespace cc::access::test;
using namespace std::chrono_literals;

namespace {

const crypto::Argon2Params kParams = crypto::Argon2Params::forTests();

struct Fixture
{
    crypto::DeterministicRng rng{3};
    ManualClock clock;
    KeySlotFile file = KeySlotFile::create(rng);

    Fixture()
    {
        auto a = file.addSlot("alice", Role::Doctor, pw("alice-password"), ringFor(Role::Doctor), kParams, rng, clock);
        Q_ASSERT(a.ok());
    }

    Session start()
    {
        auto login = attemptLogin(file, "alice", pw("alice-password"), clock, rng, kParams);
        Q_ASSERT(login.ok());
        return Session(std::move(login).value(), clock);
    }
};

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void idleLockWipesTheKeys()
    {
        Fixture f;
        Session s = f.start();
        int locks = 0;
        s.setLockCallback([&] { ++locks; });
        auto keys = s.keys();
        QVERIFY(keys.ok());
        const KeyRing* ring = *keys;
        QVERIFY(ring->has(KeyKind::DatabaseKey));
        f.clock.advance(9min + 59s);
        QCOMPARE(s.poll(), Session::State::Active);
        QVERIFY(!ring->empty());
        f.clock.advance(1s);
        QCOMPARE(s.poll(), Session::State::Locked);
        QCOMPARE(locks, 1);
        QVERIFY(ring->empty()); // the very ring services held is wiped
        QCOMPARE(s.keys().error().code, ErrorCode::SessionLocked);
        QCOMPARE(s.touch().error().code, ErrorCode::SessionLocked);
        QCOMPARE(s.poll(), Session::State::Locked);
        QCOMPARE(locks, 1); // the callback runs once per transition
    }

    void idleLockWithoutPoll()
    {
        // A late UI timer does not matter: keys() applies the clock itself.
        Fixture f;
        Session s = f.start();
        f.clock.advance(11min);
        QCOMPARE(s.keys().error().code, ErrorCode::SessionLocked);
    }

    void activityKeepsTheSessionOpen()
    {
        Fixture f;
        Session s = f.start();
        for (int i = 0; i < 5; ++i) {
            f.clock.advance(9min);
            QVERIFY(s.touch().ok());
        }
        QCOMPARE(s.poll(), Session::State::Active);
        QCOMPARE(s.lastActivity(), f.clock.now());
    }

    void resumeNeedsTheRightPassword()
    {
        Fixture f;
        Session s = f.start();
        s.lock();
        QCOMPARE(s.state(), Session::State::Locked);
        QCOMPARE(s.resume(f.file, pw("wrong-password"), f.rng, kParams).error().code, ErrorCode::WrongPassword);
        QCOMPARE(s.state(), Session::State::Locked);
        QCOMPARE(f.file.slot("alice")->failedAttempts, 1u); // counted by the throttle
        QVERIFY(s.resume(f.file, pw("alice-password"), f.rng, kParams).ok());
        QCOMPARE(s.state(), Session::State::Active);
        auto keys = s.keys();
        QVERIFY(keys.ok());
        QVERIFY((*keys)->find(KeyKind::DatabaseKey)->secret == key32(1));
    }

    void resumeRefusesAnotherUsersSlot()
    {
        Fixture f;
        Session s = f.start();
        s.lock();
        // The account was deleted and re-created under the same name while the session was locked.
        auto admin = ringFor(Role::Administrator);
        QVERIFY(f.file.removeSlot("alice", admin, f.clock).ok());
        QVERIFY(
            f.file.addSlot("alice", Role::Doctor, pw("alice-password"), ringFor(Role::Doctor), kParams, f.rng, f.clock)
                .ok());
        QCOMPARE(s.resume(f.file, pw("alice-password"), f.rng, kParams).error().code, ErrorCode::IntegrityFailure);
        QCOMPARE(s.state(), Session::State::Locked);
    }

    void expiresAfterTwelveHours()
    {
        Fixture f;
        Session s = f.start();
        int locks = 0;
        s.setLockCallback([&] { ++locks; });
        for (int i = 0; i < 79; ++i) { // 79 x 9 min = 11 h 51 min: still inside 12 h
            f.clock.advance(9min);
            QVERIFY(s.touch().ok());
        }
        f.clock.set(s.loginTime() + 12h - 1s);
        QVERIFY(s.touch().ok());
        f.clock.advance(1s);
        QCOMPARE(s.touch().error().code, ErrorCode::SessionExpired);
        QCOMPARE(s.state(), Session::State::Expired);
        QCOMPARE(locks, 1);
        QCOMPARE(s.resume(f.file, pw("alice-password"), f.rng, kParams).error().code, ErrorCode::SessionExpired);
    }

    void lockedSessionExpiresToo()
    {
        Fixture f;
        Session s = f.start();
        f.clock.advance(11min);
        QCOMPARE(s.poll(), Session::State::Locked);
        f.clock.advance(12h);
        QCOMPARE(s.resume(f.file, pw("alice-password"), f.rng, kParams).error().code, ErrorCode::SessionExpired);
        QCOMPARE(f.file.slot("alice")->failedAttempts, 0u); // the password was not even tried
    }

    void timeoutBounds_data()
    {
        QTest::addColumn<int>("minutes");
        QTest::addColumn<bool>("valid");
        // DESIGN.md section 8: administrators choose 2 to 30 minutes.
        QTest::newRow("0") << 0 << false;
        QTest::newRow("1") << 1 << false;
        QTest::newRow("2") << 2 << true;
        QTest::newRow("10") << 10 << true;
        QTest::newRow("30") << 30 << true;
        QTest::newRow("31") << 31 << false;
        QTest::newRow("-5") << -5 << false;
    }

    void timeoutBounds()
    {
        QFETCH(int, minutes);
        QFETCH(bool, valid);
        Fixture f;
        Session s = f.start();
        QCOMPARE(s.idleTimeout(), 10min);
        const auto r = s.setIdleTimeout(std::chrono::minutes{minutes});
        QCOMPARE(r.ok(), valid);
        if (!valid) {
            QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
            QCOMPARE(s.idleTimeout(), 10min);
            return;
        }
        f.clock.advance(std::chrono::minutes{minutes} - 1s);
        QCOMPARE(s.poll(), Session::State::Active);
        f.clock.advance(1s);
        QCOMPARE(s.poll(), Session::State::Locked);
    }

    void logoutIsFinal()
    {
        Fixture f;
        Session s = f.start();
        const KeyRing* ring = *s.keys();
        s.logout();
        QVERIFY(ring->empty());
        QCOMPARE(s.keys().error().code, ErrorCode::AccessDenied);
        QCOMPARE(s.resume(f.file, pw("alice-password"), f.rng, kParams).error().code, ErrorCode::AccessDenied);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "TestSession.moc"
