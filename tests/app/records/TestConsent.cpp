// SPDX-License-Identifier: GPL-3.0-or-later
// Research consent: opt-out by the patient or the care team flips the consent token of every index
// row in one step, and a report cohort selected by the "yes" token drops the patient at once.
#include "core/audit/AuditExport.h"
#include "core/model/CodeSystem.h"
#include "core/records/BlindToken.h"
#include "core/records/SealedRow.h"
#include "core/services/AccountService.h"
#include "core/services/ConsentService.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"
#include "tests/support/TestClinic.h"

#include <QTest>

#include <map>

using namespace cc;
using namespace cc::test;

namespace {

model::Patient samplePatient(const QString& mrn)
{
    model::Patient p;
    p.mrn = mrn;
    p.givenName = QStringLiteral("Grace");
    p.familyName = QStringLiteral("Hopper");
    p.birthDate = QStringLiteral("1960-12-09");
    p.sex = model::Sex::Female;
    return p;
}

model::Observation weight(const QString& effective, double kg)
{
    model::Observation o;
    o.codeSystem = QString::fromLatin1(model::codesystem::kLoinc);
    o.code = QStringLiteral("29463-7");
    o.display = QStringLiteral("Body weight");
    o.effective = effective;
    o.value = kg;
    o.unit = QStringLiteral("kg");
    return o;
}

std::vector<std::uint8_t> token(const crypto::SecureBytes& indexKey, records::TokenDimension dimension,
                                const char* value)
{
    auto t = records::BlindToken::compute(indexKey, dimension, value);
    return {t->begin(), t->end()};
}

} // namespace

class TestConsent : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestClinic> m_t;
    access::PatientId m_own{};
    access::PatientId m_other{};
    std::map<access::PatientId, access::PatientRef> m_refs; // the patients' references in index rows
    std::vector<std::uint8_t> m_yes;
    std::vector<std::uint8_t> m_no;
    std::vector<std::uint8_t> m_weightCode;

    void loginAs(const char* name, const char* password)
    {
        m_t->clinic().logout();
        const auto status = m_t->login(name, password);
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
    }

    /// The report side: every weight index row whose consent token is "yes", by patient.
    std::map<access::PatientId, std::size_t> cohort()
    {
        std::map<access::PatientId, std::size_t> out;
        auto rows = m_t->store().clinical().indexByCode(m_weightCode);
        for (const auto& r : *rows)
            if (r.consentToken == m_yes)
                for (const auto& [id, ref] : m_refs)
                    if (ref == r.patientRef)
                        ++out[id];
        return out;
    }

    std::vector<std::vector<std::uint8_t>> consentTokensOf(const access::PatientId& patient)
    {
        std::vector<std::vector<std::uint8_t>> out;
        auto rows = m_t->store().clinical().indexOf(m_refs.at(patient), {});
        for (const auto& r : *rows)
            out.push_back(r.consentToken);
        return out;
    }

    void createPatientAccount()
    {
        loginAs(kAdmin, kAdminPassword);
        services::Sponsor sponsor{kDoctor, secret(kDoctorPassword)};
        auto id = services::AccountService(m_t->clinic())
                      .createPatientAccount("grace", "MRN-G", bytes("patient-temporary-1"), &sponsor);
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().message.c_str());
        loginAs("grace", "patient-temporary-1");
        QVERIFY(m_t->clinic().changeOwnPassword(bytes("patient-own-password-1")).ok());
    }

private slots:
    void init()
    {
        auto t = TestClinic::create();
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
        m_t = std::move(t).value();
        loginAs(kDoctor, kDoctorPassword);
        services::PatientService patients(m_t->clinic());
        auto own = patients.create(samplePatient(QStringLiteral("MRN-G")));
        auto other = patients.create(samplePatient(QStringLiteral("MRN-H")));
        QVERIFY(own.ok() && other.ok());
        m_own = *own;
        m_other = *other;
        m_refs = {{m_own, m_t->refOf(m_own)}, {m_other, m_t->refOf(m_other)}};
        services::ObservationService obs(m_t->clinic());
        for (const auto& id : {m_own, m_other})
            for (const char* when : {"2020-01-01T08:00:00Z", "2021-01-01T08:00:00Z", "2022-01-01T08:00:00Z"})
                QVERIFY(obs.add(id, weight(QString::fromLatin1(when), 70)).ok());
        auto ring = m_t->clinic().keys();
        const auto& indexKey = (*ring)->find(access::KeyKind::Index)->secret;
        m_yes = token(indexKey, records::TokenDimension::ResearchConsent, "yes");
        m_no = token(indexKey, records::TokenDimension::ResearchConsent, "no");
        m_weightCode = token(indexKey, records::TokenDimension::ObservationCode, "29463-7");
    }

    void cleanup() { m_t.reset(); }

    void defaultIsConsentedAndTokensAreDistinct()
    {
        QVERIFY(m_yes != m_no);
        QCOMPARE(m_yes.size(), std::size_t{16});
        const auto c = cohort();
        QCOMPARE(c.at(m_own), std::size_t{3});
        QCOMPARE(c.at(m_other), std::size_t{3});
    }

    void patientOptsOutAndDropsOutOfEveryCohortAtOnce()
    {
        createPatientAccount();
        auto ring = m_t->clinic().keys();
        QVERIFY(ring.ok());
        QVERIFY(!(*ring)->has(access::KeyKind::Index));
        QVERIFY(!(*ring)->has(access::KeyKind::DatabaseKey));
        services::ConsentService consent(m_t->clinic());
        QVERIFY(consent.setResearchOptOut(true).ok()); // posted to the portal outbox (docs/PORTAL.md)
        loginAs(kDoctor, kDoctorPassword);             // a doctor's login applies it
        const auto events = audit::AuditExport::list(m_t->store().auditStore(), {});
        bool recorded = false;
        for (const auto& entry : *events) {
            const audit::AuditEvent& e = entry.event;
            if (e.objectType != "Consent" || e.userName != "grace" || e.detail.find("index rows") == std::string::npos)
                continue;
            recorded = true;
            QCOMPARE(e.action, audit::AuditAction::Update);
            QCOMPARE(e.patientId, services::idHex(m_own));
            QVERIFY(e.detail.find("research opt-out") != std::string::npos);
            QVERIFY(e.detail.find("MRN") == std::string::npos);
        }
        QVERIFY(recorded);

        for (const auto& t : consentTokensOf(m_own))
            QVERIFY(t == m_no);
        for (const auto& t : consentTokensOf(m_other))
            QVERIFY(t == m_yes);
        const auto c = cohort();
        QCOMPARE(c.count(m_own), std::size_t{0});
        QCOMPARE(c.at(m_other), std::size_t{3});
        // The identity document records the choice, and the patient's portal shows it.
        auto chart = services::PatientService(m_t->clinic()).chart(m_own);
        QVERIFY(chart.ok());
        QVERIFY(chart->patient.researchOptOut);
        loginAs("grace", "patient-own-password-1");
        auto own = services::PatientService(m_t->clinic()).chart(m_own);
        QVERIFY(own.ok() && own->patient.researchOptOut);

        // Opting in again flips every row back (at the next doctor login).
        QVERIFY(services::ConsentService(m_t->clinic()).setResearchOptOut(false).ok());
        loginAs(kDoctor, kDoctorPassword);
        for (const auto& t : consentTokensOf(m_own))
            QVERIFY(t == m_yes);
        QCOMPARE(cohort().at(m_own), std::size_t{3});
    }

    void newObservationsFollowTheChoice()
    {
        services::ConsentService consent(m_t->clinic());
        QVERIFY(consent.setResearchOptOut(m_own, true).ok());
        QVERIFY(services::ObservationService(m_t->clinic())
                    .add(m_own, weight(QStringLiteral("2023-01-01T08:00:00Z"), 71))
                    .ok());
        const auto tokens = consentTokensOf(m_own);
        QCOMPARE(tokens.size(), std::size_t{4});
        for (const auto& t : tokens)
            QVERIFY(t == m_no);
        // An edit re-tokenises with the recorded choice as well.
        auto list = services::ObservationService(m_t->clinic()).list(m_own);
        QVERIFY(services::ObservationService(m_t->clinic()).update(list->back().observation).ok());
        for (const auto& t : consentTokensOf(m_own))
            QVERIFY(t == m_no);
    }

    void patientIsDeniedAnotherPatient()
    {
        createPatientAccount();
        services::ConsentService consent(m_t->clinic());
        const auto result = consent.setResearchOptOut(m_other, true);
        QCOMPARE(result.error().code, ErrorCode::AccessDenied);
        loginAs(kDoctor, kDoctorPassword); // applies the outbox: the denial is in the trail
        for (const auto& t : consentTokensOf(m_other))
            QVERIFY(t == m_yes);
        const auto events = audit::AuditExport::list(m_t->store().auditStore(), {});
        bool denied = false;
        for (const auto& e : *events)
            denied = denied || (e.event.userName == "grace" && e.event.patientId == services::idHex(m_other) &&
                                e.event.outcome == audit::AuditOutcome::SeriousFailure);
        QVERIFY(denied);
    }

    void administratorAndOutsideDoctorAreDenied()
    {
        loginAs(kAdmin, kAdminPassword);
        QCOMPARE(services::ConsentService(m_t->clinic()).setResearchOptOut(m_own, true).error().code,
                 ErrorCode::AccessDenied);
        QCOMPARE(services::ConsentService(m_t->clinic()).setResearchOptOut(true).error().code, ErrorCode::AccessDenied);
        for (const auto& t : consentTokensOf(m_own))
            QVERIFY(t == m_yes);
    }

    void accountWithoutConsentTokensOptsOutThroughThePortal()
    {
        // An account issued before consent tokens existed: its ring lacks them. The portal's
        // consent message is applied by a doctor's session (index key), so it works all the same.
        createPatientAccount();
        auto ring = m_t->clinic().keys();
        access::KeyRing old;
        for (access::KeyKind k : (*ring)->kinds())
            if (k != access::KeyKind::ConsentTokens) {
                const access::KeyEntry* e = (*ring)->find(k);
                QVERIFY(old.add(k, e->keyId, e->version, e->secret.clone()).ok());
            }
        old.setPatientId(*(*ring)->patientId());
        QVERIFY(old.conformsTo(access::Role::Patient).ok());
        QVERIFY(!old.has(access::KeyKind::ConsentTokens));
        QVERIFY(m_t->clinic()
                    .updateKeySlots([&](access::KeySlotFile& file) -> Status {
                        return file.rewrap("grace", bytes("patient-own-password-1"), old, m_t->options().kdf,
                                           m_t->clinic().rng(), m_t->clock());
                    })
                    .ok());
        loginAs("grace", "patient-own-password-1");
        QVERIFY(!(*m_t->clinic().keys())->has(access::KeyKind::ConsentTokens));
        QVERIFY(services::ConsentService(m_t->clinic()).setResearchOptOut(true).ok());
        loginAs(kDoctor, kDoctorPassword);
        for (const auto& t : consentTokensOf(m_own))
            QVERIFY(t == m_no);
    }

    void oldPatientDocumentsStillDecode()
    {
        // A version-1 identity document written before the field existed.
        const QByteArray old = R"({"birthDate":"1960-12-09","familyName":"Hopper","givenName":"Grace",)"
                               R"("mrn":"MRN-G","sex":"female","v":1})";
        auto decoded = model::Patient::fromJson(old);
        QVERIFY(decoded.ok());
        QVERIFY(!decoded->researchOptOut);
        // Not opted out writes no field, so an old document re-encodes to the same bytes.
        QCOMPARE(decoded->toJson(), old);
        decoded->researchOptOut = true;
        auto back = model::Patient::fromJson(decoded->toJson());
        QVERIFY(back.ok() && back->researchOptOut);
        QCOMPARE(model::Patient::fromJson(R"({"birthDate":"1960-12-09","familyName":"H","givenName":"G",)"
                                          R"("mrn":"M","sex":"female","researchOptOut":"yes","v":1})")
                     .error()
                     .field,
                 std::string("patient.researchOptOut"));
    }
};

QTEST_GUILESS_MAIN(TestConsent)
#include "TestConsent.moc"
