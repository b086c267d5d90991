// SPDX-License-Identifier: GPL-3.0-or-later
// Account administration over a real store: create with sponsorship, temporary passwords,
// disable / enable / reset / set role, and the refusals that protect the clinic.
#include "tests/support/TestClinic.h"

#include "core/audit/AuditExport.h"
#include "core/services/AccountService.h"

#include <QTest>

using namespace cc;
using namespace cc::test;
using services::AccountService;
using services::Sponsor;

class TestAccountService : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestClinic> m_t;

    AccountService accounts() { return AccountService(m_t->clinic()); }
    void loginAdmin()
    {
        m_t->clinic().logout();
        QVERIFY(m_t->login(kAdmin, kAdminPassword).ok());
    }

private slots:
    void init()
    {
        auto t = TestClinic::create();
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
        m_t = std::move(t).value();
        loginAdmin();
    }

    void cleanup() { m_t.reset(); }

    void doctorNeedsASponsoringDoctor()
    {
        auto a = accounts();
        QCOMPARE(a.create("carol", access::Role::Doctor, bytes("carol-temporary-1")).error().code,
                 ErrorCode::InvalidArgument);
        Sponsor wrong{kDoctor, secret("not-the-password")};
        QCOMPARE(a.create("carol", access::Role::Doctor, bytes("carol-temporary-1"), &wrong).error().code,
                 ErrorCode::WrongPassword);
        Sponsor notDoctor{kAdmin, secret(kAdminPassword)};
        QCOMPARE(a.create("carol", access::Role::Doctor, bytes("carol-temporary-1"), &notDoctor).error().code,
                 ErrorCode::InvalidArgument);
        Sponsor sponsor{kDoctor, secret(kDoctorPassword)};
        QVERIFY(a.create("carol", access::Role::Doctor, bytes("carol-temporary-1"), &sponsor).ok());
        QCOMPARE(a.create("carol", access::Role::Administrator, bytes("carol-temporary-2")).error().code,
                 ErrorCode::AlreadyExists);
        QCOMPARE(a.create("pat", access::Role::Patient, bytes("pat-temporary-12")).error().code,
                 ErrorCode::Unsupported);
    }

    void temporaryPasswordMustBeChanged()
    {
        Sponsor sponsor{kDoctor, secret(kDoctorPassword)};
        QVERIFY(accounts().create("carol", access::Role::Doctor, bytes("carol-temporary-1"), &sponsor).ok());
        m_t->clinic().logout();
        QVERIFY(m_t->login("carol", "carol-temporary-1").ok());
        QVERIFY(m_t->clinic().mustChangePassword());
        auto ring = m_t->clinic().keys();
        QVERIFY(ring.ok());
        QVERIFY((*ring)->has(access::KeyKind::ClinicalCategory)); // the sponsor's key reached the new doctor
        // Nothing else works until the password is changed.
        auto denied = m_t->clinic().authorize(access::Permission::ReadChart, {});
        QCOMPARE(denied.error().code, ErrorCode::AccessDenied);
        QVERIFY(m_t->clinic().changeOwnPassword(bytes("carol-own-password-1")).ok());
        QVERIFY(!m_t->clinic().mustChangePassword());
        m_t->clinic().logout();
        QCOMPARE(m_t->login("carol", "carol-temporary-1").error().code, ErrorCode::WrongPassword);
        QVERIFY(m_t->login("carol", "carol-own-password-1").ok());
        QVERIFY(!m_t->clinic().mustChangePassword());
    }

    void disableEnableKeepsTheIdentity()
    {
        auto a = accounts();
        auto before = a.list();
        QVERIFY(before.ok());
        access::UserId bobId{};
        for (const auto& s : *before)
            if (s.info.userName == kDoctor)
                bobId = s.info.userId;
        QVERIFY(a.disable(kDoctor).ok());
        QCOMPARE(a.disable(kDoctor).error().code, ErrorCode::NotFound);
        m_t->clinic().logout();
        QCOMPARE(m_t->login(kDoctor, kDoctorPassword).error().code, ErrorCode::WrongPassword);
        loginAdmin();
        auto listed = accounts().list();
        QVERIFY(listed.ok());
        bool seenDisabled = false;
        for (const auto& s : *listed)
            if (s.info.userName == kDoctor)
                seenDisabled = !s.enabled;
        QVERIFY(seenDisabled);
        // The only doctor is disabled: enabling a doctor needs a sponsoring doctor, so create one first
        // from... nobody: the clinic must fall back to the recovery key. Re-enable as administrator instead.
        QCOMPARE(accounts().enable(kDoctor, bytes("drbob-temporary-1")).error().code, ErrorCode::InvalidArgument);
    }

    void enableWithSponsor()
    {
        Sponsor sponsor{kDoctor, secret(kDoctorPassword)};
        QVERIFY(accounts().create("carol", access::Role::Doctor, bytes("carol-temporary-1"), &sponsor).ok());
        QVERIFY(accounts().disable("carol").ok());
        QVERIFY(accounts().enable("carol", bytes("carol-temporary-2"), &sponsor).ok());
        m_t->clinic().logout();
        QVERIFY(m_t->login("carol", "carol-temporary-2").ok());
        QVERIFY(m_t->clinic().mustChangePassword());
    }

    void resetPasswordAndSetRole()
    {
        Sponsor sponsor{kDoctor, secret(kDoctorPassword)};
        QVERIFY(accounts().create("carol", access::Role::Doctor, bytes("carol-temporary-1"), &sponsor).ok());
        QVERIFY(accounts().resetPassword("carol", bytes("carol-temporary-9"), &sponsor).ok());
        QVERIFY(accounts().setRole("carol", access::Role::Administrator, bytes("carol-admin-temp-1")).ok());
        m_t->clinic().logout();
        QVERIFY(m_t->login("carol", "carol-admin-temp-1").ok());
        QCOMPARE(m_t->clinic().session()->role(), access::Role::Administrator);
        auto ring = m_t->clinic().keys();
        QVERIFY(ring.ok());
        QVERIFY(!(*ring)->has(access::KeyKind::ClinicalCategory)); // the new role's keys only
    }

    void refusalsThatProtectTheClinic()
    {
        auto a = accounts();
        QCOMPARE(a.disable(kAdmin).error().code, ErrorCode::InvalidArgument); // yourself
        QCOMPARE(a.resetPassword(kAdmin, bytes("alice-temporary-1")).error().code, ErrorCode::InvalidArgument);
        QVERIFY(a.create("dave", access::Role::Administrator, bytes("dave-temporary-1")).ok());
        m_t->clinic().logout();
        QVERIFY(m_t->login("dave", "dave-temporary-1").ok());
        QVERIFY(m_t->clinic().changeOwnPassword(bytes("dave-own-password-1")).ok());
        services::AccountService asDave(m_t->clinic());
        // alice holds the only report-key share: she cannot be disabled or reset.
        QCOMPARE(asDave.disable(kAdmin).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(asDave.resetPassword(kAdmin, bytes("alice-temporary-2")).error().code, ErrorCode::InvalidArgument);
    }

    // An account change whose event could not be written (recordChange's transaction failed, and
    // so did every later try in the session) leaves the key-slot file ahead of the database's
    // record of its generation: the next staff login says so in its event, flagged, once.
    void aKeySlotChangeWithoutItsRecordIsNotedAtTheNextLogin()
    {
        auto ring = m_t->clinic().keys();
        QVERIFY(ring.ok());
        const access::KeyRing& adminRing = **ring; // the administrator's ring, for an account of the role
        auto file = m_t->store().keySlots().load();
        QVERIFY(file.ok());
        const std::uint64_t before = file->generation();
        QVERIFY(file->addSlot("mallory", access::Role::Administrator, bytes("mallory-temporary-1"), adminRing,
                              m_t->clinic().options().kdf, m_t->clinic().rng(), m_t->clock())
                    .ok());
        QVERIFY(m_t->store().keySlots().save(*file).ok()); // the file alone: no record, no event
        QVERIFY(file->generation() > before);

        auto notes = [&]() {
            auto events = audit::AuditExport::list(m_t->store().auditStore(), {});
            std::vector<audit::AuditEvent> found;
            for (const auto& e : *events)
                if (e.event.detail.find("a change made without its record") != std::string::npos)
                    found.push_back(e.event);
            return found;
        };
        QVERIFY(notes().empty());
        loginAdmin();
        auto found = notes();
        QCOMPARE(found.size(), std::size_t{1});
        QCOMPARE(found.front().eventType, audit::AuditEventType::Login);
        QVERIFY(found.front().flagged);
        QVERIFY2(found.front().detail.find("generation " + std::to_string(file->generation()) +
                                           ", the database had recorded " + std::to_string(before)) !=
                     std::string::npos,
                 found.front().detail.c_str());
        loginAdmin(); // recorded now: said once
        QCOMPARE(notes().size(), std::size_t{1});
    }

    // A change through the service records its generation with its event: no note at login.
    void aRecordedChangeIsNotNoted()
    {
        QVERIFY(accounts().create("carol", access::Role::Administrator, bytes("carol-temporary-1")).ok());
        loginAdmin();
        auto events = audit::AuditExport::list(m_t->store().auditStore(), {});
        QVERIFY(events.ok());
        for (const auto& e : *events)
            QVERIFY2(e.event.detail.find("without its record") == std::string::npos, e.event.detail.c_str());
    }

    void unlockLiftsALockOut()
    {
        m_t->clinic().logout();
        for (int i = 0; i < 5; ++i)
            QVERIFY(!m_t->login(kDoctor, "wrong-password").ok());
        QCOMPARE(m_t->login(kDoctor, kDoctorPassword).error().code, ErrorCode::AccountLocked);
        loginAdmin();
        QVERIFY(accounts().unlock(kDoctor).ok());
        m_t->clinic().logout();
        QVERIFY(m_t->login(kDoctor, kDoctorPassword).ok());
    }
};

QTEST_GUILESS_MAIN(TestAccountService)
#include "TestAccountService.moc"
