// SPDX-License-Identifier: GPL-3.0-or-later
// The session's patient directory behind PatientService::list: wiped on lock, expiry and logout,
// kept up to date by create and import, care team applied at every search.
#include "core/crypto/Hex.h"
#include "core/interop/ClinicalImport.h"
#include "core/model/CodeSystem.h"
#include "core/services/AccountService.h"
#include "core/services/CareTeamService.h"
#include "core/services/DirectoryBuild.h"
#include "core/services/ImportService.h"
#include "core/services/PatientDirectory.h"
#include "core/services/PatientService.h"
#include "db/Database.h"
#include "tests/support/TestClinic.h"

#include <QTest>

using namespace cc;
using namespace cc::test;

namespace {

model::Patient person(const char* given, const char* family, const char* mrn)
{
    model::Patient p;
    p.givenName = QString::fromUtf8(given);
    p.familyName = QString::fromUtf8(family);
    p.mrn = QString::fromUtf8(mrn);
    p.birthDate = QStringLiteral("1980-02-29");
    p.sex = model::Sex::Female;
    p.city = QStringLiteral("Testville");
    return p;
}

QStringList mrnsOf(const std::vector<model::Patient>& patients)
{
    QStringList out;
    for (const auto& p : patients)
        out << p.mrn;
    out.sort();
    return out;
}

} // namespace

class TestPatientDirectory : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestClinic> m_t;
    access::PatientId m_ada{};
    access::PatientId m_bea{};

    services::PatientDirectory& directory() { return m_t->clinic().patientDirectory(); }

    void loginAs(const char* name, const char* password)
    {
        m_t->clinic().logout();
        const auto status = m_t->login(name, password);
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
    }

    QStringList listed(const QString& search = {})
    {
        auto r = services::PatientService(m_t->clinic()).list(search);
        if (!r)
            return {QStringLiteral("error: ") + QString::fromStdString(r.error().message)};
        return mrnsOf(*r);
    }

private slots:
    void init()
    {
        auto t = TestClinic::create();
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
        m_t = std::move(t).value();
        loginAs(kDoctor, kDoctorPassword);
        services::PatientService patients(m_t->clinic());
        m_ada = patients.create(person("Ada", "Lovelace", "MRN-001")).value();
        m_bea = patients.create(person("Béatrice", "Ørsted", "MRN-002")).value();
    }

    void cleanup() { m_t.reset(); }

    void searchServesFromTheDirectory()
    {
        QVERIFY(!directory().isBuilt() || directory().size() == 2);
        QCOMPARE(listed(), (QStringList{"MRN-001", "MRN-002"}));
        QVERIFY(directory().isBuilt());
        QCOMPARE(directory().size(), std::size_t{2});
        // Lower-cased names and MRN, any part; non-ASCII letters too.
        QCOMPARE(listed(QStringLiteral("LOVE")), QStringList{"MRN-001"});
        QCOMPARE(listed(QStringLiteral("ørs")), QStringList{"MRN-002"});
        QCOMPARE(listed(QStringLiteral("BÉA")), QStringList{"MRN-002"});
        QCOMPARE(listed(QStringLiteral("mrn-00")), (QStringList{"MRN-001", "MRN-002"}));
        QCOMPARE(listed(QStringLiteral("Testville")), QStringList{}); // the city is not searched
        QCOMPARE(listed(QStringLiteral("ada\x1f")), QStringList{});   // no match across fields
        // The whole identity comes back, equal to the stored document.
        auto one = services::PatientService(m_t->clinic()).list(QStringLiteral("ada")).value();
        QCOMPARE(one.size(), std::size_t{1});
        auto stored = services::PatientService(m_t->clinic()).identity(m_ada).value();
        QCOMPARE(one.front(), stored);
    }

    void lockWipesTheDirectoryAndResumeRebuildsIt()
    {
        QCOMPARE(listed(QStringLiteral("ada")), QStringList{"MRN-001"});
        QVERIFY(directory().isBuilt());
        m_t->clinic().lock();
        QVERIFY(!directory().isBuilt());
        QCOMPARE(directory().size(), std::size_t{0});
        QCOMPARE(services::PatientService(m_t->clinic()).list().error().code, ErrorCode::SessionLocked);
        QVERIFY(m_t->clinic().resume(bytes(kDoctorPassword)).ok());
        QCOMPARE(listed(QStringLiteral("ada")), QStringList{"MRN-001"});
        QCOMPARE(directory().size(), std::size_t{2});
    }

    void idleLockExpiryAndLogoutWipeIt()
    {
        QCOMPARE(listed().size(), 2);
        m_t->clock().advance(std::chrono::minutes(11)); // past the 10-minute idle timeout
        QCOMPARE(m_t->clinic().session()->poll(), access::Session::State::Locked);
        QVERIFY(!directory().isBuilt());
        QCOMPARE(directory().size(), std::size_t{0});
        QVERIFY(m_t->clinic().resume(bytes(kDoctorPassword)).ok());
        QCOMPARE(listed().size(), 2);
        m_t->clock().advance(std::chrono::hours(13));
        QCOMPARE(m_t->clinic().session()->poll(), access::Session::State::Expired);
        QCOMPARE(directory().size(), std::size_t{0});
        loginAs(kDoctor, kDoctorPassword);
        QCOMPARE(listed().size(), 2);
        m_t->clinic().logout();
        QVERIFY(!directory().isBuilt());
        QCOMPARE(directory().size(), std::size_t{0});
    }

    void createdAndImportedPatientsAppear()
    {
        QCOMPARE(listed().size(), 2); // built
        services::PatientService patients(m_t->clinic());
        QVERIFY(patients.create(person("Cyd", "Charisse", "MRN-003")).ok());
        QCOMPARE(listed(QStringLiteral("charisse")), QStringList{"MRN-003"});
        // The MRN check reads the directory too: a duplicate is refused.
        QCOMPARE(patients.create(person("Other", "Person", "MRN-003")).error().code, ErrorCode::AlreadyExists);
        interop::ClinicalImport data;
        auto imported = person("Dora", "Maar", "MRN-004");
        imported.id = model::newRowId<access::PatientId>(m_t->clinic().rng());
        data.patients.push_back(imported);
        auto summary = services::ImportService(m_t->clinic()).importRecords(std::move(data), "test");
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.error().message.c_str());
        QCOMPARE(listed(QStringLiteral("maar")), QStringList{"MRN-004"});
        QCOMPARE(directory().size(), std::size_t{4});
        interop::ClinicalImport again;
        again.patients.push_back(person("Dup", "Licate", "MRN-004"));
        again.patients.back().id = model::newRowId<access::PatientId>(m_t->clinic().rng());
        QCOMPARE(services::ImportService(m_t->clinic()).importRecords(std::move(again), "test").error().code,
                 ErrorCode::AlreadyExists);
    }

    void careTeamIsAppliedAtEverySearch()
    {
        QCOMPARE(listed(), (QStringList{"MRN-001", "MRN-002"}));
        // Taken off Béatrice's care team behind the directory's back: she disappears at once,
        // although the directory still holds her.
        const access::UserId bob = m_t->clinic().session()->userId();
        QVERIFY(m_t->store().careTeams().remove(m_bea, bob).ok());
        QCOMPARE(listed(), QStringList{"MRN-001"});
        QCOMPARE(listed(QStringLiteral("ørsted")), QStringList{});
        QCOMPARE(services::PatientService(m_t->clinic()).findByMrn(QStringLiteral("MRN-002")).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(directory().size(), std::size_t{2});
        // A doctor on no care team sees nobody, though the directory holds everyone.
        loginAs(kAdmin, kAdminPassword);
        services::Sponsor sponsor{kDoctor, secret(kDoctorPassword)};
        QVERIFY(services::AccountService(m_t->clinic())
                    .create("carol", access::Role::Doctor, bytes("carol-temporary-1"), &sponsor)
                    .ok());
        loginAs("carol", "carol-temporary-1");
        QVERIFY(m_t->clinic().changeOwnPassword(bytes("carol-own-password-1")).ok());
        QCOMPARE(listed(), QStringList{});
        QCOMPARE(listed(QStringLiteral("a")), QStringList{});
        QCOMPARE(directory().size(), std::size_t{2});
        // A row written behind the services' back names no audit event: it shows nobody.
        QVERIFY(m_t->store().careTeams().add(m_ada, m_t->clinic().session()->userId(), 0).ok());
        QCOMPARE(listed(QStringLiteral("a")), QStringList{});
        QVERIFY(m_t->store().careTeams().remove(m_ada, m_t->clinic().session()->userId()).ok());
        loginAs(kAdmin, kAdminPassword);
        QVERIFY(services::CareTeamService(m_t->clinic()).add(crypto::hexEncode(m_ada), "carol").ok());
        loginAs("carol", "carol-own-password-1");
        QCOMPARE(listed(QStringLiteral("a")), QStringList{"MRN-001"});
    }

    void administratorSeesIdentityOnly()
    {
        loginAs(kAdmin, kAdminPassword);
        QCOMPARE(listed(), (QStringList{"MRN-001", "MRN-002"}));
        QCOMPARE(listed(QStringLiteral("lovelace")), QStringList{"MRN-001"});
        services::PatientService patients(m_t->clinic());
        QVERIFY(patients.identity(m_ada).ok());
        QCOMPARE(patients.chart(m_ada).error().code, ErrorCode::AccessDenied);
    }

    void importCancelledDuringEncryptionStoresNothing()
    {
        // The import encrypts on a worker while it writes the sealed rows: a cancellation while
        // the worker runs must still leave nothing, and the next import must work.
        QCOMPARE(listed().size(), 2);
        auto data = [this] {
            interop::ClinicalImport d;
            auto p = person("Fay", "Wray", "MRN-005");
            p.id = model::newRowId<access::PatientId>(m_t->clinic().rng());
            for (int j = 0; j < 600; ++j) { // three Paillier batches of one code
                model::Observation o;
                o.id = model::newRowId(m_t->clinic().rng());
                o.patientId = p.id;
                o.codeSystem = QString::fromLatin1(model::codesystem::kLoinc);
                o.code = QStringLiteral("8480-6");
                o.display = QStringLiteral("Systolic blood pressure");
                o.value = 100.0 + j % 60;
                o.unit = QStringLiteral("mm[Hg]");
                o.effective = QStringLiteral("2024-01-01T10:00:00Z");
                d.observations.push_back(std::move(o));
            }
            d.patients.push_back(p);
            return d;
        };
        const auto patientsBefore = m_t->store().patients().count().value();
        int calls = 0;
        auto cancelled =
            services::ImportService(m_t->clinic()).importRecords(data(), "test", [&](std::size_t done, std::size_t) {
                ++calls;
                return done == 0; // the first report after the worker started cancels
            });
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
        QVERIFY(calls >= 2);
        QCOMPARE(m_t->store().patients().count().value(), patientsBefore);
        QCOMPARE(listed(QStringLiteral("wray")), QStringList{});
        std::vector<std::size_t> reports;
        auto summary = services::ImportService(m_t->clinic())
                           .importRecords(data(), "test", [&](std::size_t done, std::size_t total) {
                               reports.push_back(done);
                               return done <= total;
                           });
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.error().message.c_str());
        QCOMPARE(summary->counts.at("numeric observations"), std::size_t{600});
        QVERIFY(std::is_sorted(reports.begin(), reports.end()));
        QCOMPARE(reports.back(), std::size_t{601});
        QCOMPARE(listed(QStringLiteral("wray")), QStringList{"MRN-005"});
    }

    /// The GUI's path (DirectoryBuild on a worker): several threads give the same directory as
    /// the service's own build, in the same order, and install() hands it to the session.
    void buildOnSeveralThreadsIsInstalled()
    {
        services::PatientService patients(m_t->clinic());
        for (int i = 3; i <= 40; ++i)
            QVERIFY(patients
                        .create(person("Cy", "Threadson",
                                       QStringLiteral("MRN-%1").arg(i, 3, 10, QLatin1Char('0')).toUtf8().constData()))
                        .ok());
        const QStringList expected = listed();
        loginAs(kDoctor, kDoctorPassword);
        QVERIFY(!directory().isBuilt());
        auto build = services::DirectoryBuild::prepare(m_t->clinic());
        QVERIFY(build.ok());
        QVERIFY(!(*build)->decode(3).ok()); // nothing read yet
        int pages = 0;
        for (bool done = false; !done; ++pages) {
            auto more = (*build)->readMore(m_t->clinic(), 7);
            QVERIFY(more.ok());
            done = *more;
        }
        QCOMPARE(pages, 6); // 7 × 5 + 5: the last page is short
        QCOMPARE((*build)->size(), std::size_t{40});
        QVERIFY((*build)->decode(3).ok());
        QVERIFY(!(*build)->decode(3).ok()); // once only
        auto installed = (*build)->install(m_t->clinic());
        QVERIFY(installed.ok() && *installed);
        QVERIFY(directory().isBuilt());
        QCOMPARE(directory().size(), std::size_t{40});
        QCOMPARE(listed(), expected);
        QCOMPARE(listed(QStringLiteral("mrn-017")), QStringList{QStringLiteral("MRN-017")});
    }

    /// What a lock, a logout or a write of an identity document (before the directory exists)
    /// made stale is never installed: the session builds afresh instead.
    void staleBuildIsDiscarded_data()
    {
        QTest::addColumn<QString>("between");
        QTest::addColumn<bool>("whileReading");
        for (const bool reading : {false, true}) {
            const char* when = reading ? " while the rows are read" : " before the decode";
            QTest::addRow("idle lock and resume%s", when) << "lock" << reading;
            QTest::addRow("logout and login%s", when) << "logout" << reading;
            QTest::addRow("an identity written%s", when) << "write" << reading;
        }
    }
    void staleBuildIsDiscarded()
    {
        QFETCH(QString, between);
        QFETCH(bool, whileReading);
        loginAs(kDoctor, kDoctorPassword);
        auto build = services::DirectoryBuild::prepare(m_t->clinic());
        QVERIFY(build.ok());
        if (!whileReading)
            QVERIFY((*build)->readMore(m_t->clinic(), 1000).value());
        else
            QVERIFY(!(*build)->readMore(m_t->clinic(), 1).value());
        if (between == QLatin1String("lock")) {
            m_t->clinic().lock();
            QVERIFY(m_t->clinic().resume(bytes(kDoctorPassword)).ok());
        } else if (between == QLatin1String("logout")) {
            loginAs(kDoctor, kDoctorPassword);
        } else {
            services::PatientService::noteStored(m_t->clinic(), {person("Di", "Late", "MRN-099")});
        }
        if (whileReading) {
            // The next page sees that the session moved on: the build stops there.
            auto more = (*build)->readMore(m_t->clinic(), 1);
            QVERIFY(!more.ok());
            QCOMPARE(more.error().code, ErrorCode::Cancelled);
        } else {
            QVERIFY((*build)->decode(2).ok());
            auto installed = (*build)->install(m_t->clinic());
            QVERIFY(installed.ok());
            QVERIFY(!*installed);
        }
        QVERIFY(!directory().isBuilt());
        QCOMPARE(listed(), (QStringList{QStringLiteral("MRN-001"), QStringLiteral("MRN-002")}));
    }

    /// One altered identity document fails the whole build, names nothing of the others and
    /// leaves the session without a directory (all or nothing, as the synchronous build).
    void alteredDocumentFailsTheBuild()
    {
        loginAs(kDoctor, kDoctorPassword);
        auto rows = m_t->store().patients().list();
        QVERIFY(rows.ok() && rows->size() == 2);
        std::vector<std::uint8_t> doc = rows->back().document;
        doc[doc.size() / 2] ^= 0x01;
        auto stmt = m_t->store().database().prepare("UPDATE patients SET doc = ?1 WHERE id = ?2;");
        QVERIFY(stmt.ok() && stmt->bindBlob(1, doc).ok() && stmt->bindBlob(2, rows->back().id).ok() &&
                stmt->step().ok());
        auto build = services::DirectoryBuild::prepare(m_t->clinic());
        QVERIFY(build.ok());
        QVERIFY((*build)->readMore(m_t->clinic(), 1000).value());
        const Status decoded = (*build)->decode(2);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code, ErrorCode::IntegrityFailure);
        QVERIFY(!(*build)->install(m_t->clinic()).ok());
        QVERIFY(!directory().isBuilt());
    }

    /// What the model would refuse to open later is refused when it is written: one such identity
    /// would otherwise make every later directory build (all or nothing) fail for every user.
    void unreadableIdentityIsRefusedAtCreate()
    {
        services::PatientService patients(m_t->clinic());
        model::Patient old = person("Cy", "Antique", "MRN-1788");
        old.birthDate = QStringLiteral("1788-01-22"); // the model reads years 1800-2200 only
        const auto refused = patients.create(old);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::MalformedInput);
        QVERIFY2(refused.error().field.find("birthDate") != std::string::npos, refused.error().describe().c_str());
        loginAs(kDoctor, kDoctorPassword); // a fresh directory builds from the store
        QCOMPARE(listed(), (QStringList{QStringLiteral("MRN-001"), QStringLiteral("MRN-002")}));
    }

    /// Two different people in one import with the same source id and birth date would share one
    /// source-index entry: the import is refused naming the id, and nothing is stored.
    void importWithTwoPatientsOfOneSourceKeyIsRefused()
    {
        interop::ClinicalImport data;
        for (const char* mrn : {"MRN-010", "MRN-011"}) {
            auto p = person("Twin", mrn, mrn);
            p.id = model::newRowId<access::PatientId>(m_t->clinic().rng());
            p.sourceId = QStringLiteral("same-source-id");
            data.patients.push_back(p);
        }
        const auto before = m_t->store().patients().count().value();
        auto refused = services::ImportService(m_t->clinic()).importRecords(std::move(data), "test");
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::MalformedInput);
        QVERIFY2(refused.error().message.find("same-source-id") != std::string::npos,
                 refused.error().describe().c_str());
        QCOMPARE(m_t->store().patients().count().value(), before);
    }

    void directoryReplacesAnEntryAndWipesOnClear()
    {
        services::PatientDirectory d;
        auto p = person("Eve", "Old", "MRN-9");
        p.id = model::newRowId<access::PatientId>(m_t->clinic().rng());
        d.put(p);
        p.familyName = QStringLiteral("New");
        d.put(p);
        QCOMPARE(d.size(), std::size_t{1});
        QCOMPARE(d.search(QStringLiteral("old"), nullptr).size(), std::size_t{0});
        QCOMPARE(d.search(QStringLiteral("new"), nullptr).size(), std::size_t{1});
        QCOMPARE(d.mrns(), (std::set<QString>{QStringLiteral("MRN-9")}));
        const std::vector<access::PatientId> none;
        QCOMPARE(d.search({}, &none).size(), std::size_t{0});
        d.markBuilt();
        d.clear();
        QVERIFY(!d.isBuilt());
        QCOMPARE(d.search({}, nullptr).size(), std::size_t{0});
    }
};

QTEST_GUILESS_MAIN(TestPatientDirectory)
#include "TestPatientDirectory.moc"
