// SPDX-License-Identifier: GPL-3.0-or-later
// Offline insider attacks on care-team rows (issue 10 item 6; services::CareTeamBinding): a doctor
// holds the database key, so they could put themselves on a patient's care team by SQL and open
// the chart as routine care, without the break-glass event an administrator reviews. Each row must
// name the audit event that made it; a row that does not, or names another event, gives no access,
// hides the patient from the list, and is named by every whole-clinic verify. Real data: the
// Synthea sample, imported (the import's event binds the rows it made).
#include "core/audit/AuditEvent.h"
#include "core/crypto/Hex.h"
#include "core/services/AccountService.h"
#include "core/services/CareTeamService.h"
#include "core/services/ImportService.h"
#include "core/services/PatientService.h"
#include "core/services/VerifyService.h"
#include "db/Database.h"
#include "tests/support/TestClinic.h"

#include <algorithm>

#include <QTest>

using namespace cc;
using namespace cc::test;

namespace {

const QString kData = QStringLiteral(CC_TEST_DATA_DIR);
constexpr const char* kDave = "drdave";
constexpr const char* kDavePassword = "drdave-password-1";

} // namespace

class TestInsiderCareTeams : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestClinic> m_t;
    access::PatientId m_imported{}; ///< a patient the import created
    access::PatientId m_byHand{};   ///< a patient drbob created by hand
    std::string m_dave;             ///< drdave's user id, hex

    void as(const std::string& name, const std::string& password)
    {
        m_t->clinic().logout();
        auto s = m_t->login(name, password);
        if (!s.ok())
            qFatal("login %s: %s", name.c_str(), s.error().describe().c_str());
    }

    void exec(const std::string& sql)
    {
        auto s = m_t->store().database().exec(sql);
        if (!s.ok())
            qFatal("%s: %s", sql.c_str(), s.error().message.c_str());
    }

    qint64 count(const std::string& sql)
    {
        auto stmt = m_t->store().database().prepare(sql);
        if (!stmt.ok() || !*stmt->step())
            qFatal("%s", sql.c_str());
        return stmt->columnInt64(0);
    }

    /// The chart as `name` opens it: empty on success, else the error code and message.
    std::pair<ErrorCode, std::string> chartAs(const std::string& name, const std::string& password,
                                              const access::PatientId& patient)
    {
        as(name, password);
        auto chart = services::PatientService(m_t->clinic()).chart(patient);
        if (chart.ok())
            return {ErrorCode::Internal, std::string()};
        return {chart.error().code, chart.error().message};
    }

    bool listedFor(const std::string& name, const std::string& password, const access::PatientId& patient)
    {
        as(name, password);
        auto patients = services::PatientService(m_t->clinic()).list();
        if (!patients.ok())
            qFatal("list: %s", patients.error().describe().c_str());
        return std::any_of(patients->begin(), patients->end(), [&](const auto& p) { return p.id == patient; });
    }

    /// A whole-clinic verify as `name`: its first problem, or empty.
    std::string verifyAs(const std::string& name, const std::string& password)
    {
        as(name, password);
        auto report = services::VerifyService(m_t->clinic()).verifyClinic();
        if (!report.ok())
            return report.error().describe();
        return report->ok ? std::string() : report->problem;
    }

    std::string row(const access::PatientId& patient, const std::string& doctor, const std::string& seq)
    {
        return "INSERT INTO care_team (patient_id, doctor_id, audit_seq) VALUES (x'" + crypto::hexEncode(patient) +
               "', x'" + doctor + "', " + seq + ");";
    }

private slots:
    void initTestCase()
    {
        auto t = TestClinic::create();
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().describe().c_str());
        m_t = std::move(t).value();
        as(kDoctor, kDoctorPassword);
        auto imported = services::ImportService(m_t->clinic()).importSynthea(kData + "/synthea");
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().describe().c_str());
        auto patients = services::PatientService(m_t->clinic()).list();
        QVERIFY(patients.ok() && patients->size() >= 2);
        m_imported = patients->front().id;
        model::Patient p;
        p.givenName = QStringLiteral("Ada");
        p.familyName = QStringLiteral("Byhand");
        p.mrn = QStringLiteral("MRN-HAND-1");
        p.birthDate = QStringLiteral("1970-01-01");
        p.sex = model::Sex::Female;
        auto created = services::PatientService(m_t->clinic()).create(p);
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().describe().c_str());
        m_byHand = *created;

        as(kAdmin, kAdminPassword);
        services::Sponsor sponsor{kDoctor, test::secret(kDoctorPassword)};
        auto dave = services::AccountService(m_t->clinic())
                        .create(kDave, access::Role::Doctor, test::bytes("drdave-temporary-1"), &sponsor);
        QVERIFY2(dave.ok(), dave.ok() ? "" : dave.error().message.c_str());
        as(kDave, "drdave-temporary-1");
        QVERIFY(m_t->clinic().changeOwnPassword(test::bytes(kDavePassword)).ok());
        m_dave = crypto::hexEncode(m_t->clinic().session()->userId());
    }

    // Every row the services wrote names its event: the import's, the hand-made patient's.
    void genuineRowsVerify()
    {
        QCOMPARE(count("SELECT count(*) FROM care_team WHERE audit_seq <= 0;"), qint64{0});
        QCOMPARE(chartAs(kDoctor, kDoctorPassword, m_imported).second, std::string());
        QCOMPARE(chartAs(kDoctor, kDoctorPassword, m_byHand).second, std::string());
        QCOMPARE(verifyAs(kDoctor, kDoctorPassword), std::string());
        QCOMPARE(verifyAs(kAdmin, kAdminPassword), std::string());
        auto report = services::VerifyService(m_t->clinic()).verifyClinic();
        QVERIFY(report.ok() && report->ok);
        QCOMPARE(static_cast<qint64>(report->careTeamRows), count("SELECT count(*) FROM care_team;"));
        QCOMPARE(chartAs(kDave, kDavePassword, m_imported).first, ErrorCode::AccessDenied);
    }

    // drdave writes himself onto the care team by SQL: with no event, with another doctor's import
    // event, with the event of drbob's hand-made patient, with a number past the trail's end.
    void forgedRowsOpenNothing()
    {
        const auto importSeq =
            count("SELECT audit_seq FROM care_team WHERE patient_id = x'" + crypto::hexEncode(m_imported) + "';");
        const auto handSeq =
            count("SELECT audit_seq FROM care_team WHERE patient_id = x'" + crypto::hexEncode(m_byHand) + "';");
        const std::vector<std::pair<access::PatientId, std::string>> forged{
            {m_imported, "0"},
            {m_imported, std::to_string(importSeq)},
            {m_imported, std::to_string(handSeq)},
            {m_byHand, std::to_string(handSeq)},
            {m_imported, "999999"},
        };
        for (const auto& [patient, seq] : forged) {
            exec(row(patient, m_dave, seq));
            const auto [code, message] = chartAs(kDave, kDavePassword, patient);
            QCOMPARE(code, ErrorCode::IntegrityFailure);
            QVERIFY2(message.find("care-team row of doctor " + m_dave) != std::string::npos &&
                         message.find("gives no access") != std::string::npos,
                     message.c_str());
            QVERIFY(!listedFor(kDave, kDavePassword, patient));
            const std::string admin = verifyAs(kAdmin, kAdminPassword);
            QVERIFY2(admin.find("care-team row of doctor " + m_dave) != std::string::npos, admin.c_str());
            QVERIFY(verifyAs(kDoctor, kDoctorPassword).find(m_dave) != std::string::npos);
            // The administrator's care-team list shows the row for what it is.
            as(kAdmin, kAdminPassword);
            auto team = services::CareTeamService(m_t->clinic()).list(crypto::hexEncode(patient));
            QVERIFY(team.ok());
            const bool marked = std::any_of(team->begin(), team->end(), [&](const std::string& n) {
                return n.rfind(kDave, 0) == 0 && n.find("forged row") != std::string::npos;
            });
            QVERIFY(marked);
            exec("DELETE FROM care_team WHERE doctor_id = x'" + m_dave + "';");
        }
        QCOMPARE(chartAs(kDave, kDavePassword, m_imported).first, ErrorCode::AccessDenied);
        QCOMPARE(verifyAs(kAdmin, kAdminPassword), std::string());
    }

    // An administrator's event that put drdave on one patient's team does not open another's.
    void anAdministratorsAdditionOpensOnlyItsPatient()
    {
        as(kAdmin, kAdminPassword);
        QVERIFY(services::CareTeamService(m_t->clinic()).add(crypto::hexEncode(m_byHand), kDave).ok());
        QCOMPARE(chartAs(kDave, kDavePassword, m_byHand).second, std::string());
        QVERIFY(listedFor(kDave, kDavePassword, m_byHand));
        const auto addSeq = count("SELECT audit_seq FROM care_team WHERE doctor_id = x'" + m_dave + "';");
        QVERIFY(addSeq > 0);
        exec(row(m_imported, m_dave, std::to_string(addSeq)));
        QCOMPARE(chartAs(kDave, kDavePassword, m_imported).first, ErrorCode::IntegrityFailure);
        QVERIFY(!listedFor(kDave, kDavePassword, m_imported));
        exec("DELETE FROM care_team WHERE doctor_id = x'" + m_dave + "' AND patient_id = x'" +
             crypto::hexEncode(m_imported) + "';");
        as(kAdmin, kAdminPassword);
        QVERIFY(services::CareTeamService(m_t->clinic()).remove(crypto::hexEncode(m_byHand), kDave).ok());
        QCOMPARE(chartAs(kDave, kDavePassword, m_byHand).first, ErrorCode::AccessDenied);
        QCOMPARE(verifyAs(kAdmin, kAdminPassword), std::string());
        // The removal undone by SQL: the row put back with the event that first made it. Its
        // event still checks, so the chart opens; the whole-clinic verify (the tamper alarm's
        // check) reads the trail and names the removal that came after it.
        exec(row(m_byHand, m_dave, std::to_string(addSeq)));
        QCOMPARE(chartAs(kDave, kDavePassword, m_byHand).second, std::string());
        for (const auto& [name, password] : {std::pair{kAdmin, kAdminPassword}, std::pair{kDoctor, kDoctorPassword}}) {
            const std::string found = verifyAs(name, password);
            QVERIFY2(found.find("took the doctor off this team since: the row was put back outside CipherChart") !=
                         std::string::npos,
                     found.c_str());
        }
        exec("DELETE FROM care_team WHERE doctor_id = x'" + m_dave + "';");
        QCOMPARE(verifyAs(kAdmin, kAdminPassword), std::string());
    }

    // A doctor disabled loses every care-team row; one put back by SQL afterwards is named too.
    void rowsOfADisabledDoctorPutBackAreNamed()
    {
        as(kAdmin, kAdminPassword);
        services::Sponsor sponsor{kDoctor, test::secret(kDoctorPassword)};
        auto erin = services::AccountService(m_t->clinic())
                        .create("drerin", access::Role::Doctor, test::bytes("drerin-temporary-1"), &sponsor);
        QVERIFY(erin.ok());
        QVERIFY(services::CareTeamService(m_t->clinic()).add(crypto::hexEncode(m_byHand), "drerin").ok());
        const std::string saved = "CREATE TABLE saved AS SELECT * FROM care_team WHERE patient_id = x'" +
                                  crypto::hexEncode(m_byHand) +
                                  "' AND audit_seq = (SELECT max(audit_seq) FROM "
                                  "care_team);";
        exec(saved);
        QCOMPARE(count("SELECT count(*) FROM saved;"), qint64{1});
        as(kAdmin, kAdminPassword);
        QVERIFY(services::AccountService(m_t->clinic()).disable("drerin", &sponsor).ok());
        QCOMPARE(count("SELECT count(*) FROM care_team WHERE doctor_id = (SELECT doctor_id FROM saved);"), qint64{0});
        exec("INSERT INTO care_team SELECT * FROM saved;");
        const std::string found = verifyAs(kAdmin, kAdminPassword);
        QVERIFY2(found.find("took the doctor off this team since") != std::string::npos, found.c_str());
        exec("DELETE FROM care_team WHERE doctor_id = (SELECT doctor_id FROM saved); DROP TABLE saved;");
        QCOMPARE(verifyAs(kAdmin, kAdminPassword), std::string());
    }

    // The import's event names the set of patients it created: a patient moved into that set by
    // SQL (its creation event rewritten, its row pointed at the import) breaks the set, so the
    // rows of every patient of that import stop giving access until it is put back.
    void importSetChangedBySqlOpensNothing()
    {
        const std::string hand = crypto::hexEncode(m_byHand);
        const auto importSeq =
            count("SELECT audit_seq FROM care_team WHERE patient_id = x'" + crypto::hexEncode(m_imported) + "';");
        const auto handSeq = count("SELECT created_seq FROM patients WHERE id = x'" + hand + "';");
        exec("UPDATE patients SET created_seq = " + std::to_string(importSeq) + " WHERE id = x'" + hand + "';");
        exec("UPDATE care_team SET audit_seq = " + std::to_string(importSeq) + " WHERE patient_id = x'" + hand + "';");
        const auto [code, message] = chartAs(kDoctor, kDoctorPassword, m_imported);
        QCOMPARE(code, ErrorCode::IntegrityFailure);
        QVERIFY2(message.find("set of created patients was changed") != std::string::npos, message.c_str());
        QCOMPARE(chartAs(kDoctor, kDoctorPassword, m_byHand).first, ErrorCode::IntegrityFailure);
        QVERIFY(!verifyAs(kAdmin, kAdminPassword).empty());
        exec("UPDATE patients SET created_seq = " + std::to_string(handSeq) + " WHERE id = x'" + hand + "';");
        exec("UPDATE care_team SET audit_seq = " + std::to_string(handSeq) + " WHERE patient_id = x'" + hand + "';");
        QCOMPARE(chartAs(kDoctor, kDoctorPassword, m_imported).second, std::string());
        QCOMPARE(chartAs(kDoctor, kDoctorPassword, m_byHand).second, std::string());
    }

    // A clinic from before schema 10: its rows name no event. They give access until the first
    // doctor's login binds them, one event each and one flagged summary (trust on first use);
    // from then on a row with no event gives none.
    void olderRowsAreBoundAtTheFirstDoctorLogin()
    {
        const qint64 rows = count("SELECT count(*) FROM care_team;");
        exec("UPDATE care_team SET audit_seq = 0;");
        exec("DELETE FROM meta WHERE name = 'care_team_bound';");
        QCOMPARE(verifyAs(kAdmin, kAdminPassword), std::string());                     // not bound yet: unchecked
        QCOMPARE(chartAs(kDoctor, kDoctorPassword, m_imported).second, std::string()); // this login binds
        QCOMPARE(count("SELECT count(*) FROM care_team WHERE audit_seq <= 0;"), qint64{0});
        QVERIFY(m_t->store().meta().get(ports::meta::kCareTeamBound)->has_value());
        auto records = m_t->store().auditStore().read(1, 1'000'000);
        QVERIFY(records.ok());
        std::size_t perRow = 0, summaries = 0;
        for (const auto& r : *records) {
            auto e = audit::decodeEvent(r.body);
            QVERIFY(e.ok());
            if (e->detail.rfind("care-team membership recorded as it stood", 0) == 0)
                ++perRow;
            if (e->detail.rfind("care-team rows bound to audit events", 0) == 0) {
                ++summaries;
                QVERIFY(e->flagged);
                QCOMPARE(e->detail, "care-team rows bound to audit events: " + std::to_string(rows) + " rows");
            }
        }
        QCOMPARE(perRow, static_cast<std::size_t>(rows));
        QCOMPARE(summaries, std::size_t{1});
        QCOMPARE(verifyAs(kAdmin, kAdminPassword), std::string());
        QCOMPARE(chartAs(kDoctor, kDoctorPassword, m_byHand).second, std::string());
        // Bound once: a later row with no event is refused.
        exec(row(m_byHand, m_dave, "0"));
        QCOMPARE(chartAs(kDave, kDavePassword, m_byHand).first, ErrorCode::IntegrityFailure);
        exec("DELETE FROM care_team WHERE doctor_id = x'" + m_dave + "';");
    }
};

QTEST_GUILESS_MAIN(TestInsiderCareTeams)
#include "TestInsiderCareTeams.moc"
