// SPDX-License-Identifier: GPL-3.0-or-later
// Shared setup of the note and attachment tests: two fixture patients of drbob, a patient account
// "pat" for the first, and a doctor "carol" outside their care team.
#pragma once

#include "core/audit/AuditExport.h"
#include "core/services/AccountService.h"
#include "core/services/PatientService.h"
#include "tests/support/TestClinic.h"

#include <QTest>

namespace cc::test {

inline constexpr const char* kPatientAccount = "pat";
inline constexpr const char* kPatientPassword = "patient-own-password-1";
inline constexpr const char* kOtherDoctor = "carol";
inline constexpr const char* kOtherDoctorPassword = "carol-own-password-1";

/// The clinic, the two patients and the accounts. Create with make(); QVERIFY-style failures
/// are reported through the returned Status.
struct ChartFixture
{
    std::unique_ptr<TestClinic> t;
    access::PatientId own{};   ///< has the patient account "pat"
    access::PatientId other{}; ///< another patient of drbob

    [[nodiscard]] static Result<std::unique_ptr<ChartFixture>> make()
    {
        auto f = std::make_unique<ChartFixture>();
        auto clinic = TestClinic::create();
        CC_TRY(clinic);
        f->t = std::move(clinic).value();
        CC_TRY(f->t->login(kDoctor, kDoctorPassword));
        services::PatientService patients(f->t->clinic());
        for (int i = 0; i < 2; ++i) {
            model::Patient p;
            p.mrn = QStringLiteral("FIX-%1").arg(i);
            p.givenName = QStringLiteral("Fixture");
            p.familyName = QStringLiteral("Patient %1").arg(i);
            p.birthDate = QStringLiteral("1970-01-0%1").arg(i + 1);
            auto id = patients.create(p);
            CC_TRY(id);
            (i == 0 ? f->own : f->other) = *id;
        }
        f->t->clinic().logout();
        CC_TRY(f->t->login(kAdmin, kAdminPassword));
        services::Sponsor sponsor{kDoctor, secret(kDoctorPassword)};
        services::AccountService accounts(f->t->clinic());
        CC_TRY(accounts.createPatientAccount(kPatientAccount, "FIX-0", bytes("patient-temporary-1"), &sponsor));
        CC_TRY(accounts.create(kOtherDoctor, access::Role::Doctor, bytes("carol-temporary-1"), &sponsor));
        f->t->clinic().logout();
        CC_TRY(f->t->login(kPatientAccount, "patient-temporary-1"));
        CC_TRY(f->t->clinic().changeOwnPassword(bytes(kPatientPassword)));
        f->t->clinic().logout();
        CC_TRY(f->t->login(kOtherDoctor, "carol-temporary-1"));
        CC_TRY(f->t->clinic().changeOwnPassword(bytes(kOtherDoctorPassword)));
        f->t->clinic().logout();
        CC_TRY(f->t->login(kDoctor, kDoctorPassword));
        return f;
    }

    /// Logs out and in as `name`.
    [[nodiscard]] Status loginAs(const char* name, const char* password)
    {
        t->clinic().logout();
        return t->login(name, password);
    }

    /// Every audit event, oldest first.
    [[nodiscard]] std::vector<audit::AuditEvent> events()
    {
        std::vector<audit::AuditEvent> out;
        auto list = audit::AuditExport::list(t->store().auditStore(), {});
        if (list)
            for (auto& r : *list)
                out.push_back(std::move(r.event));
        return out;
    }
};

} // namespace cc::test
