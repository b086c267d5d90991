// SPDX-License-Identifier: GPL-3.0-or-later
// Patient accounts: created for a record by an administrator with a sponsoring doctor; the ring
// holds only that patient's keys; the patient reads their own record and access history and is
// denied everything else (audited).
#include "tests/support/TestClinic.h"

#include "core/audit/AuditExport.h"
#include "core/services/AccountService.h"
#include "core/services/AuditService.h"
#include "core/services/ImportService.h"
#include "core/services/PatientService.h"

#include <QTest>

using namespace cc;
using namespace cc::test;

class TestPatientAccounts : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestClinic> m_t;
    std::vector<model::Patient> m_patients;

private slots:
    void init()
    {
        auto t = TestClinic::create();
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
        m_t = std::move(t).value();
        QVERIFY(m_t->login(kDoctor, kDoctorPassword).ok());
        auto imported =
            services::ImportService(m_t->clinic()).importSynthea(QStringLiteral(CC_TEST_DATA_DIR "/synthea"));
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().describe().c_str());
        auto list = services::PatientService(m_t->clinic()).list();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), std::size_t{27});
        m_patients = *list;
        m_t->clinic().logout();
        QVERIFY(m_t->login(kAdmin, kAdminPassword).ok());
    }

    void cleanup() { m_t.reset(); }

    void createNeedsSponsorAndAKnownRecord()
    {
        services::AccountService accounts(m_t->clinic());
        const std::string mrn = m_patients.front().mrn.toStdString();
        QCOMPARE(accounts.createPatientAccount("pat", mrn, bytes("patient-temporary-1"), nullptr).error().code,
                 ErrorCode::InvalidArgument);
        services::Sponsor sponsor{kDoctor, secret(kDoctorPassword)};
        QCOMPARE(
            accounts.createPatientAccount("pat", "NO-SUCH-MRN", bytes("patient-temporary-1"), &sponsor).error().code,
            ErrorCode::NotFound);
        QVERIFY(accounts.createPatientAccount("pat", mrn, bytes("patient-temporary-1"), &sponsor).ok());
        QCOMPARE(accounts.createPatientAccount("pat2", mrn, bytes("patient-temporary-2"), &sponsor).error().code,
                 ErrorCode::AlreadyExists);
        // The generic path refuses the patient role: it has no record to take keys from.
        QCOMPARE(accounts.create("pat3", access::Role::Patient, bytes("patient-temporary-3")).error().code,
                 ErrorCode::Unsupported);
    }

    void patientReadsOnlyTheirOwnRecord()
    {
        const model::Patient& own = m_patients.front();
        const model::Patient& other = m_patients.back();
        services::Sponsor sponsor{kDoctor, secret(kDoctorPassword)};
        QVERIFY(services::AccountService(m_t->clinic())
                    .createPatientAccount("pat", own.mrn.toStdString(), bytes("patient-temporary-1"), &sponsor)
                    .ok());
        m_t->clinic().logout();
        QVERIFY(m_t->login("pat", "patient-temporary-1").ok());
        QVERIFY(m_t->clinic().mustChangePassword());
        QVERIFY(m_t->clinic().changeOwnPassword(bytes("patient-own-password-1")).ok());

        auto ring = m_t->clinic().keys();
        QVERIFY(ring.ok());
        QVERIFY((*ring)->has(access::KeyKind::PatientIdentity));
        QVERIFY((*ring)->has(access::KeyKind::PatientClinical));
        for (auto forbidden : {access::KeyKind::IdentityCategory, access::KeyKind::ClinicalCategory,
                               access::KeyKind::Index, access::KeyKind::AuditRoot, access::KeyKind::ClinicSigning})
            QVERIFY(!(*ring)->has(forbidden));
        QVERIFY((*ring)->patientId() == own.id);

        services::PatientService patients(m_t->clinic());
        auto chart = patients.chart(own.id);
        QVERIFY2(chart.ok(), chart.ok() ? "" : chart.error().message.c_str());
        QCOMPARE(chart->patient.mrn, own.mrn);
        auto denied = patients.chart(other.id);
        QCOMPARE(denied.error().code, ErrorCode::AccessDenied);

        auto accounts = services::AccountService(m_t->clinic()).list();
        QCOMPARE(accounts.error().code, ErrorCode::AccessDenied);
        auto history = services::AuditService(m_t->clinic()).ownAccessHistory();
        QVERIFY(history.ok());
        QVERIFY(!history->empty());
        for (const auto& e : *history)
            QCOMPARE(e.event.patientId, services::idHex(own.id));

        // The patient's events (the denial included) enter the trail at the next doctor login.
        m_t->clinic().logout();
        QVERIFY(m_t->login(kDoctor, kDoctorPassword).ok());
        auto events = audit::AuditExport::list(m_t->store().auditStore(), {});
        QVERIFY(events.ok());
        bool denial = false;
        for (const auto& e : *events)
            denial = denial || (e.event.role == "patient" && e.event.outcome == audit::AuditOutcome::SeriousFailure &&
                                e.event.detail.find("denied: ManageAccounts") != std::string::npos);
        QVERIFY(denial);
    }
};

QTEST_GUILESS_MAIN(TestPatientAccounts)
#include "TestPatientAccounts.moc"
