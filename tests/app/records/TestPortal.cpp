// SPDX-License-Identifier: GPL-3.0-or-later
// The patient portal (issue 10 item 1, docs/PORTAL.md): a patient account holds no clinic-wide
// key and never opens the database; its record, notes, files and access history come from a
// sealed portal file that staff sessions keep current; what the patient does (consent changes,
// downloads) waits, sealed, in an outbox that the next doctor session applies.
#include "core/audit/AuditExport.h"
#include "core/model/CodeSystem.h"
#include "core/services/AccountService.h"
#include "core/services/AuditService.h"
#include "core/services/ConsentService.h"
#include "core/services/ExportService.h"
#include "core/services/NoteService.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"
#include "core/services/PortalService.h"
#include "core/services/ReportService.h"
#include "db/SqlReportStore.h"
#include "tests/support/TestClinic.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace cc;
using namespace cc::test;

namespace {

constexpr const char* kPatient = "grace";
constexpr const char* kPatientPassword = "patient-own-password-1";

model::Patient samplePatient(const QString& mrn, const QString& given)
{
    model::Patient p;
    p.mrn = mrn;
    p.givenName = given;
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

std::vector<audit::AuditEvent> trail(TestClinic& t)
{
    std::vector<audit::AuditEvent> out;
    auto entries = audit::AuditExport::list(t.store().auditStore(), {});
    if (!entries)
        return out;
    for (const auto& e : *entries)
        out.push_back(e.event);
    return out;
}

} // namespace

class TestPortal : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestClinic> m_t;
    access::PatientId m_own{};
    access::PatientId m_other{};

    void loginAs(const std::string& name, const std::string& password)
    {
        m_t->clinic().logout();
        const auto status = m_t->login(name, password);
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().describe().c_str());
    }

    QString portalDir() const { return QString::fromStdString(m_t->dir()) + QStringLiteral("/clinic/portal"); }
    QString portalFile(const access::PatientId& patient) const
    {
        return portalDir() + QLatin1Char('/') + model::rowIdToHex(patient) + QStringLiteral(".ccp");
    }
    QStringList messageFiles() const
    {
        return QDir(portalDir()).entryList({QStringLiteral("m-*")}, QDir::Files, QDir::Name);
    }

private slots:
    void init()
    {
        auto t = TestClinic::create();
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
        m_t = std::move(t).value();
        loginAs(kDoctor, kDoctorPassword);
        services::PatientService patients(m_t->clinic());
        auto own = patients.create(samplePatient(QStringLiteral("MRN-G"), QStringLiteral("Grace")));
        auto other = patients.create(samplePatient(QStringLiteral("MRN-H"), QStringLiteral("Helen")));
        QVERIFY(own.ok() && other.ok());
        m_own = *own;
        m_other = *other;
        services::ObservationService obs(m_t->clinic());
        for (const auto& id : {m_own, m_other})
            for (const char* when : {"2020-01-01T08:00:00Z", "2021-01-01T08:00:00Z"})
                QVERIFY(obs.add(id, weight(QString::fromLatin1(when), 70)).ok());
        model::ClinicalNote shared;
        shared.title = QStringLiteral("Visit summary");
        shared.text = QStringLiteral("Weight stable.");
        shared.sharedWithPatient = true;
        QVERIFY(services::NoteService(m_t->clinic()).add(m_own, shared).ok());
        model::ClinicalNote privateNote;
        privateNote.title = QStringLiteral("Private");
        privateNote.text = QStringLiteral("Not for the patient.");
        privateNote.sharedWithPatient = false;
        QVERIFY(services::NoteService(m_t->clinic()).add(m_own, privateNote).ok());

        loginAs(kAdmin, kAdminPassword);
        services::Sponsor sponsor{kDoctor, secret(kDoctorPassword)};
        auto id = services::AccountService(m_t->clinic())
                      .createPatientAccount(kPatient, "MRN-G", bytes("patient-temporary-1"), &sponsor);
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().message.c_str());
        loginAs(kPatient, "patient-temporary-1");
        const Status changed = m_t->clinic().changeOwnPassword(bytes(kPatientPassword));
        QVERIFY2(changed.ok(), changed.ok() ? "" : changed.error().describe().c_str());
    }

    void cleanup() { m_t.reset(); }

    void patientHoldsNoClinicWideKeyAndNeverOpensTheDatabase()
    {
        loginAs(kPatient, kPatientPassword);
        QVERIFY(m_t->clinic().portalMode());
        QVERIFY(!m_t->store().databaseOpen());
        auto ring = m_t->clinic().keys();
        QVERIFY(ring.ok());
        for (access::KeyKind kind : (*ring)->kinds())
            QVERIFY2(kind == access::KeyKind::PatientIdentity || kind == access::KeyKind::PatientClinical ||
                         kind == access::KeyKind::UserBox || kind == access::KeyKind::ConsentTokens,
                     std::string(access::keyKindName(kind)).c_str());
        // A staff login still verifies the key-slot file the patient re-wrapped without the DBK.
        loginAs(kDoctor, kDoctorPassword);
        QVERIFY(m_t->store().databaseOpen());
    }

    void patientReadsTheSameRecordTheDoctorSees()
    {
        loginAs(kDoctor, kDoctorPassword);
        auto doctorView = services::PatientService(m_t->clinic()).chart(m_own);
        QVERIFY(doctorView.ok());
        auto doctorExport = services::ExportService(m_t->clinic()).exportFhir(m_own);
        QVERIFY(doctorExport.ok());
        loginAs(kPatient, kPatientPassword); // the doctor's logout brought the portal up to date

        auto mine = services::PatientService(m_t->clinic()).chart(m_own);
        QVERIFY2(mine.ok(), mine.ok() ? "" : mine.error().describe().c_str());
        QCOMPARE(mine->patient.mrn, QStringLiteral("MRN-G"));
        QCOMPARE(mine->observations.size(), doctorView->observations.size());
        QCOMPARE(mine->basis, access::AccessBasis::OwnRecord);
        auto notes = services::NoteService(m_t->clinic()).list(m_own);
        QVERIFY(notes.ok());
        QCOMPARE(notes->size(), std::size_t{1}); // the shared note only
        QCOMPARE(notes->front().title, QStringLiteral("Visit summary"));
        auto exported = services::ExportService(m_t->clinic()).exportFhir(m_own);
        QVERIFY(exported.ok());
        QCOMPARE(*exported, *doctorExport); // the same Bundle, byte for byte

        // Another patient's record is refused.
        auto other = services::PatientService(m_t->clinic()).chart(m_other);
        QVERIFY(!other.ok());
        QCOMPARE(other.error().code, ErrorCode::AccessDenied);

        // The access history names the doctor's read of the chart.
        auto history = services::AuditService(m_t->clinic()).ownAccessHistory();
        QVERIFY(history.ok());
        bool doctorRead = false;
        for (const auto& e : *history) {
            QCOMPARE(e.event.patientId, services::idHex(m_own));
            doctorRead = doctorRead || (e.event.userName == kDoctor && e.event.action == audit::AuditAction::Read);
        }
        QVERIFY(doctorRead);
    }

    void patientActionsEnterTheTrailAtTheNextDoctorLogin()
    {
        loginAs(kPatient, kPatientPassword);
        QVERIFY(services::ExportService(m_t->clinic()).exportFhir(m_own).ok());
        m_t->clinic().logout();
        QVERIFY(messageFiles().size() >= 3); // login, export, logout
        loginAs(kAdmin, kAdminPassword);     // an administrator cannot open them
        QVERIFY(messageFiles().size() >= 3);
        loginAs(kDoctor, kDoctorPassword);
        QVERIFY(messageFiles().isEmpty());
        bool exportSeen = false;
        for (const auto& e : trail(*m_t)) {
            if (e.userName != kPatient || e.detail.find("fhir export") == std::string::npos)
                continue;
            exportSeen = true;
            QCOMPARE(e.role, std::string("patient"));
            QCOMPARE(e.patientId, services::idHex(m_own));
            QVERIFY(e.detail.rfind("in the patient portal at ", 0) == 0);
        }
        QVERIFY(exportSeen);
    }

    void consentWaitsForADoctorAndBlocksReportsMeanwhile()
    {
        loginAs(kPatient, kPatientPassword);
        services::ConsentService consent(m_t->clinic());
        QVERIFY(consent.setResearchOptOut(true).ok());
        auto pending = consent.pendingOwnChoice();
        QVERIFY(pending.ok() && pending->has_value() && **pending);

        loginAs(kAdmin, kAdminPassword);
        const auto spec = reports::ReportSpec::fromJson(
            R"({"version":1,"title":"Weight","purpose":"research","measures":[{"code":"29463-7"}],"selection":"latest"})");
        QVERIFY(spec.ok());
        db::SqlReportStore store(m_t->store().database()); // valid while this session's database is open
        auto refused = services::ReportService(m_t->clinic(), store).run(*spec);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("patient portal") != std::string::npos, refused.error().message.c_str());

        loginAs(kDoctor, kDoctorPassword);
        QCOMPARE(*services::PortalService(m_t->clinic()).pendingConsents(), std::size_t{0});
        auto chart = services::PatientService(m_t->clinic()).chart(m_own);
        QVERIFY(chart.ok() && chart->patient.researchOptOut);
        bool applied = false;
        for (const auto& e : trail(*m_t))
            if (e.objectType == "Consent" && e.userName == kPatient && e.action == audit::AuditAction::Update &&
                e.detail.find("research opt-out") != std::string::npos &&
                e.detail.find("index rows") != std::string::npos)
                applied = true;
        QVERIFY(applied);

        loginAs(kAdmin, kAdminPassword);
        db::SqlReportStore reopened(m_t->store().database());
        QVERIFY(services::ReportService(m_t->clinic(), reopened).run(*spec).ok());
        loginAs(kPatient, kPatientPassword);
        auto mine = services::PatientService(m_t->clinic()).chart(m_own);
        QVERIFY(mine.ok() && mine->patient.researchOptOut); // the portal was rewritten
        QVERIFY(!services::ConsentService(m_t->clinic()).pendingOwnChoice()->has_value());
    }

    void tamperedOrMisplacedPortalIsRefused_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("expected");
        QTest::newRow("magic") << 0 << int(ErrorCode::MalformedInput);
        QTest::newRow("clinic id") << 6 << int(ErrorCode::KeyMismatch);
        QTest::newRow("patient id") << 22 << int(ErrorCode::KeyMismatch);
        QTest::newRow("built-at seq") << 40 << int(ErrorCode::IntegrityFailure);
        QTest::newRow("ciphertext") << 200 << int(ErrorCode::IntegrityFailure);
        QTest::newRow("tag") << -1 << int(ErrorCode::IntegrityFailure);
    }

    void tamperedOrMisplacedPortalIsRefused()
    {
        QFETCH(int, offset);
        QFETCH(int, expected);
        m_t->clinic().logout();
        QFile f(portalFile(m_own));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        const qsizetype at = offset >= 0 ? offset : bytes.size() + offset;
        bytes[at] = static_cast<char>(bytes[at] ^ 0x01);
        QVERIFY(f.seek(0));
        QCOMPARE(f.write(bytes), bytes.size());
        f.close();
        loginAs(kPatient, kPatientPassword);
        auto chart = services::PatientService(m_t->clinic()).chart(m_own);
        QVERIFY(!chart.ok());
        QCOMPARE(int(chart.error().code), expected);
        // Truncated: refused as malformed, never read past the end.
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(bytes.left(30)), qint64(30));
        f.close();
        auto truncated = services::PortalService(m_t->clinic()).openOwn();
        QVERIFY(!truncated.ok());
        QCOMPARE(truncated.error().code, ErrorCode::MalformedInput);
        // The next doctor login rewrites a portal that does not read back.
        loginAs(kDoctor, kDoctorPassword);
        loginAs(kPatient, kPatientPassword);
        QVERIFY(services::PortalService(m_t->clinic()).openOwn().ok());
    }

    void forgedMessagesAreRefusedAndFlagged()
    {
        m_t->clinic().logout();
        QDir().mkpath(portalDir());
        // Garbage under a well-formed name.
        QFile garbage(portalDir() + QStringLiteral("/m-00000000000000001-") + model::rowIdToHex(m_own) +
                      QStringLiteral("-0011223344556677.consent"));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(200, 'x'));
        garbage.close();
        // A properly sealed message (the patient's key) that claims to be the doctor's action.
        loginAs(kDoctor, kDoctorPassword);
        auto key = services::PatientService::openChartKey(m_t->clinic(), m_own, access::ChartData::Clinical);
        QVERIFY(key.ok());
        services::PortalMessageBody body;
        body.timeMs = 1;
        audit::AuditEvent forged = m_t->clinic().eventFor(
            services::makeSubject(audit::AuditEventId::PatientRecord, audit::AuditEventType::None,
                                  audit::AuditAction::Delete, "Chart", {}, "forged"),
            audit::AuditOutcome::Success);
        forged.seq = 1;
        forged.timeMs = 1;
        body.activity = forged;
        auto sealed = services::PortalService::sealMessage(body, m_t->store().descriptor().clinicId, m_own, key->key,
                                                           m_t->clinic().rng());
        QVERIFY(sealed.ok());
        QVERIFY(m_t->store().portals().postMessage(m_own, ports::PortalMessageKind::Activity, *sealed).ok());
        loginAs(kDoctor, kDoctorPassword);
        QVERIFY(messageFiles().isEmpty());
        std::size_t refused = 0;
        std::string seen;
        const auto events = trail(*m_t);
        for (std::size_t i = 0; i < events.size(); ++i) { // init() refused nothing
            const auto& e = events[i];
            seen += e.userName + ": " + e.detail + "\n";
            QVERIFY(e.detail != "forged");
            if (e.detail.rfind("portal message refused", 0) == 0) {
                ++refused;
                QVERIFY(e.flagged);
                QCOMPARE(e.patientId, services::idHex(m_own));
            }
        }
        QVERIFY2(refused == 2, seen.c_str());
    }

    void patientSlotsIssuedWithTheDbkLoseItAtLogin()
    {
        // An account issued before the portal: its ring held the DBK.
        loginAs(kAdmin, kAdminPassword);
        auto admin = m_t->clinic().keys();
        QVERIFY(admin.ok());
        loginAs(kDoctor, kDoctorPassword);
        auto identity = services::PatientService::openChartKey(m_t->clinic(), m_other, access::ChartData::Identity);
        auto clinical = services::PatientService::openChartKey(m_t->clinic(), m_other, access::ChartData::Clinical);
        QVERIFY(identity.ok() && clinical.ok());
        access::KeyRing legacy;
        QVERIFY(legacy.addUserBox(m_t->clinic().rng()).ok());
        auto ring = m_t->clinic().keys();
        const access::KeyEntry* dbk = (*ring)->find(access::KeyKind::DatabaseKey);
        QVERIFY(legacy.add(access::KeyKind::DatabaseKey, dbk->keyId, dbk->version, dbk->secret.clone()).ok());
        QVERIFY(
            legacy.add(access::KeyKind::PatientIdentity, identity->key.keyId, 1, identity->key.secret.clone()).ok());
        QVERIFY(
            legacy.add(access::KeyKind::PatientClinical, clinical->key.keyId, 1, clinical->key.secret.clone()).ok());
        legacy.setPatientId(m_other);
        QVERIFY(legacy.conformsTo(access::Role::Patient).ok());
        QVERIFY(m_t->clinic()
                    .updateKeySlots([&](access::KeySlotFile& file) -> Status {
                        auto added = file.addSlot("helen", access::Role::Patient, bytes("helen-password-1"), legacy,
                                                  m_t->options().kdf, m_t->clinic().rng(), m_t->clinic().clock());
                        return added ? Status{} : Status{added.error()};
                    })
                    .ok());
        const std::uint32_t versionBefore = m_t->store().keySlots().load()->slot("helen")->slotVersion;
        const std::uint64_t generationBefore = m_t->store().keySlots().load()->generation();
        loginAs("helen", "helen-password-1");
        QVERIFY(m_t->clinic().portalMode());
        QVERIFY(!(*m_t->clinic().keys())->has(access::KeyKind::DatabaseKey));
        m_t->clinic().logout();
        // The slot was re-wrapped (without the DBK) by the patient alone: no generation change.
        auto file = m_t->store().keySlots().load();
        QVERIFY(file->slot("helen")->slotVersion > versionBefore);
        QCOMPARE(file->generation(), generationBefore);
        loginAs(kDoctor, kDoctorPassword); // the file MAC still verifies for staff
    }
};

QTEST_GUILESS_MAIN(TestPortal)
#include "TestPortal.moc"
