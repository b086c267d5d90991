// SPDX-License-Identifier: GPL-3.0-or-later
// Problems, medications, allergies and observation edits through the services (docs/CLINICAL_DATA.md).
#include "core/audit/AuditExport.h"
#include "core/model/CodeSystem.h"
#include "core/records/SealedRow.h"
#include "core/services/ClinicalEntryService.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"
#include "tests/support/TestClinic.h"

#include <QTest>

using namespace cc;
using namespace cc::test;

namespace {

model::Patient samplePatient(const QString& mrn)
{
    model::Patient p;
    p.mrn = mrn;
    p.givenName = QStringLiteral("Ada");
    p.familyName = QStringLiteral("Lovelace");
    p.birthDate = QStringLiteral("1970-05-01");
    p.sex = model::Sex::Female;
    return p;
}

model::Condition sampleCondition()
{
    model::Condition c;
    c.codeSystem = QString::fromLatin1(model::codesystem::kIcd10);
    c.code = QStringLiteral("E11.9");
    c.display = QStringLiteral("Type 2 diabetes mellitus without complications");
    c.onset = QStringLiteral("2019-03-04");
    c.clinicalStatus = QStringLiteral("active");
    return c;
}

model::Medication sampleMedication()
{
    model::Medication m;
    m.code = QStringLiteral("860975");
    m.display = QStringLiteral("Metformin 500 MG Oral Tablet");
    m.start = QStringLiteral("2019-03-04");
    m.dosage = QStringLiteral("500 mg twice a day");
    m.status = QStringLiteral("active");
    return m;
}

model::Allergy sampleAllergy()
{
    model::Allergy a;
    a.codeSystem = QString::fromLatin1(model::codesystem::kSnomed);
    a.code = QStringLiteral("91936005");
    a.display = QStringLiteral("Allergy to penicillin");
    a.start = QStringLiteral("2001-06-01");
    a.criticality = QStringLiteral("high");
    a.clinicalStatus = QStringLiteral("active");
    a.reactions.push_back({QStringLiteral("271807003"), QStringLiteral("Skin rash"), QStringLiteral("moderate")});
    return a;
}

model::Observation weight(const QString& effective, double kg)
{
    model::Observation o;
    o.codeSystem = QString::fromLatin1(model::codesystem::kLoinc);
    o.code = QStringLiteral("29463-7");
    o.display = QStringLiteral("Body weight");
    o.category = QStringLiteral("vital-signs");
    o.effective = effective;
    o.value = kg;
    o.unit = QStringLiteral("kg");
    return o;
}

} // namespace

class TestClinicalEntry : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestClinic> m_t;
    access::PatientId m_patient{};

    std::size_t auditCount()
    {
        auto events = audit::AuditExport::list(m_t->store().auditStore(), {});
        return events ? events->size() : 0;
    }

    audit::AuditEvent lastEvent()
    {
        auto events = audit::AuditExport::list(m_t->store().auditStore(), {});
        return events->back().event;
    }

    /// The row id whose latest flag is set, among the patient's weight index rows.
    std::vector<model::RowId> latestRows()
    {
        auto rows = m_t->store().clinical().indexOf(m_t->refOf(m_patient), {});
        std::vector<model::RowId> out;
        for (const auto& r : *rows)
            if (r.latest)
                out.push_back(r.rowId);
        return out;
    }

private slots:
    void init()
    {
        auto t = TestClinic::create();
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
        m_t = std::move(t).value();
        QVERIFY(m_t->login(kDoctor, kDoctorPassword).ok());
        auto id = services::PatientService(m_t->clinic()).create(samplePatient(QStringLiteral("MRN-1")));
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().message.c_str());
        m_patient = *id;
    }

    void cleanup() { m_t.reset(); }

    void conditionAddEditRemoveAuditedOnce()
    {
        services::ClinicalEntryService entry(m_t->clinic());
        std::size_t before = auditCount();
        auto id = entry.addCondition(m_patient, sampleCondition());
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().message.c_str());
        QCOMPARE(auditCount(), before + 1);
        audit::AuditEvent e = lastEvent();
        QCOMPARE(e.action, audit::AuditAction::Create);
        QCOMPARE(e.eventId, audit::AuditEventId::PatientRecord);
        QCOMPARE(e.patientId, services::idHex(m_patient));
        QCOMPARE(e.objectType, std::string("Condition"));
        // No code, display or date in the event.
        for (const std::string* field : {&e.detail, &e.objectId, &e.reason})
            QVERIFY(field->find("E11") == std::string::npos && field->find("2019") == std::string::npos);

        auto list = entry.conditions(m_patient);
        QVERIFY(list.ok());
        QCOMPARE(list->size(), std::size_t{1});
        QCOMPARE(list->front().code, QStringLiteral("E11.9"));
        QCOMPARE(list->front().clinicalStatus, QStringLiteral("active"));

        model::Condition edited = list->front();
        edited.abatement = QStringLiteral("2020-01-01");
        edited.clinicalStatus = QStringLiteral("resolved");
        before = auditCount();
        QVERIFY(entry.updateCondition(edited).ok());
        QCOMPARE(auditCount(), before + 1);
        QCOMPARE(lastEvent().action, audit::AuditAction::Update);
        list = entry.conditions(m_patient);
        QCOMPARE(list->front().clinicalStatus, QStringLiteral("resolved"));
        QCOMPARE(list->front().abatement, QStringLiteral("2020-01-01"));

        before = auditCount();
        QVERIFY(entry.removeCondition(m_patient, *id).ok());
        QCOMPARE(auditCount(), before + 1);
        QCOMPARE(lastEvent().action, audit::AuditAction::Delete);
        QCOMPARE(entry.conditions(m_patient)->size(), std::size_t{0});
        QCOMPARE(entry.removeCondition(m_patient, *id).error().code, ErrorCode::NotFound);
    }

    void validationNamesTheField_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("field");
        QTest::newRow("condition code") << 0 << "condition.code";
        QTest::newRow("condition abatement before onset") << 1 << "condition.abatement";
        QTest::newRow("condition status") << 2 << "condition.clinicalStatus";
        QTest::newRow("medication code") << 3 << "medication.code";
        QTest::newRow("medication stop before start") << 4 << "medication.stop";
        QTest::newRow("medication status") << 5 << "medication.status";
        QTest::newRow("allergy criticality") << 6 << "allergy.criticality";
        QTest::newRow("allergy reaction code") << 7 << "allergy.reactions[0].code";
        QTest::newRow("allergy start missing") << 8 << "allergy.start";
    }

    void validationNamesTheField()
    {
        QFETCH(int, which);
        QFETCH(QString, field);
        services::ClinicalEntryService entry(m_t->clinic());
        model::Condition c = sampleCondition();
        model::Medication m = sampleMedication();
        model::Allergy a = sampleAllergy();
        Error error;
        const std::size_t before = auditCount();
        auto run = [&](auto result) {
            QVERIFY(!result.ok());
            error = result.error();
        };
        switch (which) {
        case 0:
            c.code = QStringLiteral("not-a-code");
            run(entry.addCondition(m_patient, c));
            break;
        case 1:
            c.abatement = QStringLiteral("2018-01-01");
            run(entry.addCondition(m_patient, c));
            break;
        case 2:
            c.clinicalStatus = QStringLiteral("cured");
            run(entry.addCondition(m_patient, c));
            break;
        case 3:
            m.code = QStringLiteral("RX-12");
            run(entry.addMedication(m_patient, m));
            break;
        case 4:
            m.stop = QStringLiteral("2019-01-01");
            run(entry.addMedication(m_patient, m));
            break;
        case 5:
            m.status = QStringLiteral("paused");
            run(entry.addMedication(m_patient, m));
            break;
        case 6:
            a.criticality = QStringLiteral("extreme");
            run(entry.addAllergy(m_patient, a));
            break;
        case 7:
            a.reactions.front().code = QStringLiteral("rash");
            run(entry.addAllergy(m_patient, a));
            break;
        default:
            a.start.clear();
            run(entry.addAllergy(m_patient, a));
            break;
        }
        QCOMPARE(error.code, ErrorCode::MalformedInput);
        QCOMPARE(QString::fromStdString(error.field), field);
        // The refusal is audited once and nothing is stored.
        QCOMPARE(auditCount(), before + 1);
        QCOMPARE(lastEvent().outcome, audit::AuditOutcome::MinorFailure);
        auto rows = m_t->store().clinical().rowsOf(m_t->refOf(m_patient), std::nullopt);
        QCOMPARE(rows->size(), std::size_t{0});
    }

    void medicationsAndAllergiesRoundTrip()
    {
        services::ClinicalEntryService entry(m_t->clinic());
        auto med = entry.addMedication(m_patient, sampleMedication());
        QVERIFY(med.ok());
        auto allergy = entry.addAllergy(m_patient, sampleAllergy());
        QVERIFY(allergy.ok());
        auto meds = entry.medications(m_patient);
        QVERIFY(meds.ok());
        QCOMPARE(meds->size(), std::size_t{1});
        QCOMPARE(meds->front().dosage, QStringLiteral("500 mg twice a day"));
        model::Medication stopped = meds->front();
        stopped.stop = QStringLiteral("2021-02-03");
        stopped.status = QStringLiteral("stopped");
        QVERIFY(entry.updateMedication(stopped).ok());
        QCOMPARE(entry.medications(m_patient)->front(), stopped);
        auto allergies = entry.allergies(m_patient);
        QVERIFY(allergies.ok());
        QCOMPARE(allergies->front().criticality, QStringLiteral("high"));
        QCOMPARE(allergies->front().reactions.size(), std::size_t{1});
        // An id of another kind is not found through the wrong method (no kind confusion).
        QCOMPARE(entry.removeAllergy(m_patient, *med).error().code, ErrorCode::NotFound);
        model::Condition wrongKind = sampleCondition();
        wrongKind.id = *allergy;
        QCOMPARE(entry.updateCondition(wrongKind).error().code, ErrorCode::NotFound);
        // The chart sees the same rows.
        auto chart = services::PatientService(m_t->clinic()).chart(m_patient);
        QVERIFY(chart.ok());
        QCOMPARE(chart->medications.size(), std::size_t{1});
        QCOMPARE(chart->allergies.size(), std::size_t{1});
    }

    void editRefusesATamperedRow()
    {
        services::ClinicalEntryService entry(m_t->clinic());
        auto id = entry.addCondition(m_patient, sampleCondition());
        QVERIFY(id.ok());
        auto row = m_t->store().clinical().findRow(*id);
        QVERIFY(row.ok() && row->has_value());
        std::vector<std::uint8_t> doc = (*row)->document;
        doc[doc.size() / 2] ^= 0x01;
        QVERIFY(m_t->store().clinical().updateRow(*id, doc).ok());
        model::Condition edited = sampleCondition();
        edited.id = *id;
        edited.patientId = m_patient;
        QCOMPARE(entry.updateCondition(edited).error().code, ErrorCode::IntegrityFailure);
        // Named for another chart, the row is not found there (rows carry the patient's reference).
        edited.patientId = access::PatientId{};
        QCOMPARE(entry.updateCondition(edited).error().code, ErrorCode::NotFound);
        QCOMPARE(entry.conditions(m_patient).error().code, ErrorCode::IntegrityFailure);
    }

    void administratorIsDenied()
    {
        services::ClinicalEntryService doctorEntry(m_t->clinic());
        auto id = doctorEntry.addCondition(m_patient, sampleCondition());
        QVERIFY(id.ok());
        m_t->clinic().logout();
        QVERIFY(m_t->login(kAdmin, kAdminPassword).ok());
        services::ClinicalEntryService entry(m_t->clinic());
        const std::size_t before = auditCount();
        QCOMPARE(entry.addCondition(m_patient, sampleCondition()).error().code, ErrorCode::AccessDenied);
        QCOMPARE(entry.conditions(m_patient).error().code, ErrorCode::AccessDenied);
        QCOMPARE(entry.removeCondition(m_patient, *id).error().code, ErrorCode::AccessDenied);
        QCOMPARE(auditCount(), before + 3);
        QCOMPARE(lastEvent().outcome, audit::AuditOutcome::SeriousFailure);
    }

    void observationEditKeepsTheLatestFlagRight()
    {
        services::ObservationService obs(m_t->clinic());
        auto a = obs.add(m_patient, weight(QStringLiteral("2020-01-01T09:00:00Z"), 70));
        auto b = obs.add(m_patient, weight(QStringLiteral("2021-01-01T09:00:00Z"), 72));
        auto c = obs.add(m_patient, weight(QStringLiteral("2022-01-01T09:00:00Z"), 74));
        QVERIFY(a.ok() && b.ok() && c.ok());
        QCOMPARE(latestRows(), std::vector<model::RowId>{*c});

        // Move the latest one earlier: b becomes the latest.
        auto list = obs.list(m_patient);
        QVERIFY(list.ok());
        model::Observation moved = list->back().observation; // oldest first
        QCOMPARE(moved.id, *c);
        const auto oldIndex = m_t->store().clinical().indexOf(m_t->refOf(m_patient), {});
        moved.effective = QStringLiteral("2019-06-01T09:00:00Z");
        const std::size_t before = auditCount();
        QVERIFY(obs.update(moved).ok());
        QCOMPARE(auditCount(), before + 1);
        QCOMPARE(lastEvent().action, audit::AuditAction::Update);
        QCOMPARE(latestRows(), std::vector<model::RowId>{*b});
        // New Paillier ciphertext, MAC and year token for the edited row.
        const auto newIndex = m_t->store().clinical().indexOf(m_t->refOf(m_patient), {});
        for (std::size_t i = 0; i < newIndex->size(); ++i) {
            if ((*newIndex)[i].rowId != *c)
                continue;
            QVERIFY((*newIndex)[i].paillier != (*oldIndex)[i].paillier);
            QVERIFY((*newIndex)[i].paillierMac != (*oldIndex)[i].paillierMac);
            QVERIFY((*newIndex)[i].yearToken != (*oldIndex)[i].yearToken);
        }

        // Move the oldest one later than all: a becomes the latest.
        model::Observation later = weight(QStringLiteral("2023-03-01T09:00:00Z"), 71);
        later.id = *a;
        later.patientId = m_patient;
        QVERIFY(obs.update(later).ok());
        QCOMPARE(latestRows(), std::vector<model::RowId>{*a});
        auto after = obs.list(m_patient);
        QCOMPARE(after->back().observation.id, *a);
        QCOMPARE(*after->back().observation.value, 71.0);
        QVERIFY(after->back().latest);

        // Delete the latest: the flag moves to b (2021), the next latest.
        QVERIFY(obs.remove(m_patient, *a).ok());
        QCOMPARE(latestRows(), std::vector<model::RowId>{*b});
    }

    void observationEditValidates()
    {
        services::ObservationService obs(m_t->clinic());
        auto a = obs.add(m_patient, weight(QStringLiteral("2020-01-01T09:00:00Z"), 70));
        QVERIFY(a.ok());
        model::Observation bad = weight(QStringLiteral("2020-01-01T09:00:00Z"), 9000);
        bad.id = *a;
        bad.patientId = m_patient;
        auto refused = obs.update(bad);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::MalformedInput);
        bad = weight(QStringLiteral("2020-01-01T09:00:00Z"), 70);
        bad.id = *a;
        bad.patientId = m_patient;
        bad.unit = QStringLiteral("furlong");
        QCOMPARE(obs.update(bad).error().field, std::string("unit"));
        bad = weight(QStringLiteral("2020-13-01T09:00:00Z"), 70);
        bad.id = *a;
        bad.patientId = m_patient;
        QCOMPARE(obs.update(bad).error().code, ErrorCode::MalformedInput);
        model::Observation missing = weight(QStringLiteral("2020-01-01T09:00:00Z"), 70);
        missing.id = model::RowId{};
        missing.patientId = m_patient;
        QCOMPARE(obs.update(missing).error().code, ErrorCode::NotFound);
        // The stored value did not change.
        QCOMPARE(*obs.list(m_patient)->front().observation.value, 70.0);
    }
};

QTEST_GUILESS_MAIN(TestClinicalEntry)
#include "TestClinicalEntry.moc"
