// SPDX-License-Identifier: GPL-3.0-or-later
// Chart access: own record, care team, break-glass (60 min, reason), administrators identity only.
#include "AccessTestSupport.h"

#include "core/access/ChartAccess.h"

#include <QTest>

using namespace cc;
using namespace cc::access;
using namespace cc::access::test;
using namespace std::chrono_literals;

namespace {

UserId uid(std::uint8_t v)
{
    UserId id{};
    id.fill(v);
    return id;
}

PatientId pid(std::uint8_t v)
{
    PatientId id{};
    id.fill(v);
    return id;
}

Session sessionFor(Role role, const UserId& id, const Clock& clock)
{
    LoginResult login;
    login.ring = ringFor(role); // a patient ring is linked to pid(0x5a)
    login.userId = id;
    login.userName = "user";
    login.role = role;
    return Session(std::move(login), clock);
}

const char* kReason = "patient unconscious in emergency room";

} // namespace

class TestChartAccess : public QObject
{
    Q_OBJECT

private slots:
    void patientSeesOnlyOwnRecord()
    {
        ManualClock clock;
        Session s = sessionFor(Role::Patient, uid(1), clock);
        const CareTeam own(pid(0x5a));
        const CareTeam other(pid(0x11));
        for (ChartData d : {ChartData::Identity, ChartData::Clinical}) {
            QCOMPARE(*canOpenChart(s, pid(0x5a), d, own, {}, clock), AccessBasis::OwnRecord);
            QCOMPARE(canOpenChart(s, pid(0x11), d, other, {}, clock).error().code, ErrorCode::AccessDenied);
        }
    }

    void doctorViaCareTeam()
    {
        ManualClock clock;
        Session s = sessionFor(Role::Doctor, uid(2), clock);
        CareTeam team(pid(9));
        QCOMPARE(canOpenChart(s, pid(9), ChartData::Clinical, team, {}, clock).error().code, ErrorCode::AccessDenied);
        QVERIFY(team.add(uid(2), Role::Doctor).ok());
        QCOMPARE(team.add(uid(2), Role::Doctor).error().code, ErrorCode::AlreadyExists);
        QCOMPARE(team.add(uid(3), Role::Administrator).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(*canOpenChart(s, pid(9), ChartData::Clinical, team, {}, clock), AccessBasis::CareTeam);
        QVERIFY(team.remove(uid(2)));
        QVERIFY(!team.remove(uid(2)));
        QCOMPARE(canOpenChart(s, pid(9), ChartData::Clinical, team, {}, clock).error().code, ErrorCode::AccessDenied);
        // A care team of another patient is a caller bug.
        QCOMPARE(canOpenChart(s, pid(8), ChartData::Clinical, team, {}, clock).error().code,
                 ErrorCode::InvalidArgument);
    }

    void breakGlassForSixtyMinutes()
    {
        ManualClock clock;
        Session s = sessionFor(Role::Doctor, uid(2), clock);
        const CareTeam team(pid(9));
        auto grant = BreakGlassGrant::create(uid(2), Role::Doctor, pid(9), kReason, clock);
        QVERIFY(grant.ok());
        QVERIFY(grant->flaggedForReview());
        QCOMPARE(grant->expiresAt(), clock.now() + 60min);
        const std::vector<BreakGlassGrant> grants{*grant};
        QCOMPARE(*canOpenChart(s, pid(9), ChartData::Clinical, team, grants, clock), AccessBasis::BreakGlass);
        clock.advance(9min);
        QVERIFY(s.touch().ok());
        clock.advance(9min);
        QVERIFY(s.touch().ok());
        QCOMPARE(*canOpenChart(s, pid(9), ChartData::Identity, team, grants, clock), AccessBasis::BreakGlass);
        // A fresh session (the first one idled out) just before and just after the 60 minutes.
        clock.set(grant->grantedAt() + 60min - 1s);
        Session fresh = sessionFor(Role::Doctor, uid(2), clock);
        QCOMPARE(*canOpenChart(fresh, pid(9), ChartData::Clinical, team, grants, clock), AccessBasis::BreakGlass);
        clock.advance(1s);
        QCOMPARE(canOpenChart(fresh, pid(9), ChartData::Clinical, team, grants, clock).error().code,
                 ErrorCode::AccessDenied);
        grant->markReviewed();
        QVERIFY(!grant->flaggedForReview());
    }

    void grantIsForOneDoctorAndOnePatient()
    {
        ManualClock clock;
        Session s = sessionFor(Role::Doctor, uid(2), clock);
        const CareTeam team(pid(9));
        const CareTeam team7(pid(7));
        auto forOtherDoctor = BreakGlassGrant::create(uid(3), Role::Doctor, pid(9), kReason, clock);
        auto forOtherPatient = BreakGlassGrant::create(uid(2), Role::Doctor, pid(7), kReason, clock);
        const std::vector<BreakGlassGrant> grants{*forOtherDoctor, *forOtherPatient};
        QCOMPARE(canOpenChart(s, pid(9), ChartData::Clinical, team, grants, clock).error().code,
                 ErrorCode::AccessDenied);
        QCOMPARE(*canOpenChart(s, pid(7), ChartData::Clinical, team7, grants, clock), AccessBasis::BreakGlass);
        // Not before it was granted either.
        clock.advance(-1s);
        QCOMPARE(canOpenChart(s, pid(7), ChartData::Clinical, team7, grants, clock).error().code,
                 ErrorCode::AccessDenied);
        QCOMPARE(BreakGlassGrant::create(uid(4), Role::Administrator, pid(9), kReason, clock).error().code,
                 ErrorCode::InvalidArgument);
    }

    void reasonRule_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty") << "" << false;
        QTest::newRow("spaces") << "                    " << false;
        QTest::newRow("one long word") << "emergencyemergencyemergency" << false;
        QTest::newRow("two words") << "cardiac arrest!!!!!" << false;
        QTest::newRow("three short words") << "a b c" << false;
        QTest::newRow("control char") << QString("patient in ER\x01 now please") << false;
        QTest::newRow("too long") << QString("word ").repeated(101) << false;
        QTest::newRow("ok") << "patient unconscious in ER" << true;
        QTest::newRow("ok padded") << "   covering for Dr Smith tonight   " << true;
        // The audit trail records the reason as one field without control characters (issue 10).
        QTest::newRow("multi-line") << "sepsis suspected\nneeds history" << false;
        QTest::newRow("trailing newline (trimmed)") << "sepsis suspected needs history\n" << true;
        QTest::newRow("tab") << "sepsis suspected\tneeds history" << false;
    }

    void reasonRule()
    {
        QFETCH(QString, reason);
        QFETCH(bool, valid);
        const auto s = BreakGlassGrant::validateReason(reason.toStdString());
        QCOMPARE(s.ok(), valid);
        if (!valid)
            QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
    }

    void reasonIsTrimmed()
    {
        ManualClock clock;
        auto g = BreakGlassGrant::create(uid(2), Role::Doctor, pid(9), "  covering for Dr Smith tonight \n", clock);
        QVERIFY(g.ok());
        QCOMPARE(g->reason(), std::string("covering for Dr Smith tonight"));
    }

    void administratorIdentityOnly()
    {
        ManualClock clock;
        Session s = sessionFor(Role::Administrator, uid(5), clock);
        CareTeam team(pid(9));
        QCOMPARE(*canOpenChart(s, pid(9), ChartData::Identity, team, {}, clock), AccessBasis::Administration);
        QCOMPARE(canOpenChart(s, pid(9), ChartData::Clinical, team, {}, clock).error().code, ErrorCode::AccessDenied);
        // Even on a care team and with a grant (both impossible through the API) it stays denied.
        auto g = BreakGlassGrant::create(uid(5), Role::Doctor, pid(9), kReason, clock);
        const std::vector<BreakGlassGrant> grants{*g};
        QCOMPARE(canOpenChart(s, pid(9), ChartData::Clinical, team, grants, clock).error().code,
                 ErrorCode::AccessDenied);
    }

    void lockedSessionIsRefused()
    {
        ManualClock clock;
        Session s = sessionFor(Role::Doctor, uid(2), clock);
        CareTeam team(pid(9));
        QVERIFY(team.add(uid(2), Role::Doctor).ok());
        clock.advance(10min);
        QCOMPARE(canOpenChart(s, pid(9), ChartData::Clinical, team, {}, clock).error().code, ErrorCode::SessionLocked);
        clock.advance(12h);
        QCOMPARE(canOpenChart(s, pid(9), ChartData::Clinical, team, {}, clock).error().code, ErrorCode::SessionExpired);
    }
};

QTEST_GUILESS_MAIN(TestChartAccess)
#include "TestChartAccess.moc"
