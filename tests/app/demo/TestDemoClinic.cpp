// SPDX-License-Identifier: GPL-3.0-or-later
// app::openOrCreateDemoClinic: accounts, the bundled Synthea sample, reopening, refusal and cancellation.
#include "app/DemoClinic.h"
#include "core/Clock.h"
#include "core/paillier/KeyFile.h"
#include "core/services/PatientService.h"
#include "tests/support/TestClinic.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace cc;

class TestDemoClinic : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::string m_keyJson;

    app::DemoOptions options(std::set<std::string>* steps = nullptr) const
    {
        app::DemoOptions o;
        o.serviceOptions = {crypto::Argon2Params::forTests(), "test-ws"};
        // The 2048-bit fixture key (tests/data/paillier/README.md) instead of 3072-bit safe primes.
        o.reportKeyBits = 2048;
        const std::string json = m_keyJson;
        o.reportKeySource = [json]() { return paillier::KeyFile::readPrivate(json); };
        if (steps)
            o.progress = [steps](const std::string& step, std::size_t, std::size_t) {
                steps->insert(step);
                return true;
            };
        return o;
    }

    std::string path(const char* name) const { return (m_tmp.path() + "/" + name).toStdString(); }

    static Result<std::vector<model::Patient>> patientsVisibleTo(db::ClinicStore& store, const char* user,
                                                                 const char* password)
    {
        SystemClock clock;
        services::ClinicService clinic(store, clock, crypto::SystemRng::instance(),
                                       {crypto::Argon2Params::forTests(), "test-ws"});
        CC_TRY(clinic.login(user, test::bytes(password)));
        services::PatientService patients(clinic);
        auto list = patients.list();
        clinic.logout();
        return list;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_keyJson = test::readTestData("paillier/test-key-2048.json");
        QVERIFY(!m_keyJson.empty());
    }

    void defaultFolderIsUnderTheUsersDataFolder()
    {
        const std::string dir = app::defaultDemoClinicDir();
        QVERIFY(QString::fromStdString(dir).endsWith("/cipherchart/demo-clinic"));
        QVERIFY(QDir::isAbsolutePath(QString::fromStdString(dir)));
    }

    void createsAccountsAndImportsTheSample()
    {
        std::set<std::string> steps;
        auto demo = app::openOrCreateDemoClinic(path("demo"), options(&steps));
        QVERIFY2(demo.ok(), demo ? "" : demo.error().describe().c_str());
        QVERIFY(demo->created);
        QVERIFY(steps.count("import") == 1);
        // Reference figures of tests/data/synthea/README.md: 27 patients, 990 observation rows.
        QCOMPARE(demo->imported.count("patients"), std::size_t{27});
        QCOMPARE(demo->imported.count("observations") + demo->imported.skipped.size() >= 990, true);
        QCOMPARE(demo->recoveryShares.size(), std::size_t{3});
        QCOMPARE(demo->store->descriptor().name, std::string(app::kDemoClinicName));
        QVERIFY(demo->store->descriptor().demo);
        QVERIFY(QFile::exists(m_tmp.path() + "/demo/recovery.ccr"));
        QVERIFY(!QFile::exists(m_tmp.path() + "/demo.creating"));

        // The doctor imported the sample, so all 27 are on the doctor's care team.
        auto doctor = patientsVisibleTo(*demo->store, app::kDemoDoctor, app::kDemoDoctorPassword);
        QVERIFY2(doctor.ok(), doctor ? "" : doctor.error().describe().c_str());
        QCOMPARE(doctor->size(), std::size_t{27});
        auto admin = patientsVisibleTo(*demo->store, app::kDemoAdmin, app::kDemoAdminPassword);
        QVERIFY(admin.ok());
        QCOMPARE(admin->size(), std::size_t{27});
        // The demo passwords are the only ones that work.
        auto wrong = patientsVisibleTo(*demo->store, app::kDemoDoctor, app::kDemoAdminPassword);
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, ErrorCode::WrongPassword);
        // The demo patient account reads its own chart, with the README's password, no forced change.
        SystemClock clock;
        services::ClinicService clinic(*demo->store, clock, crypto::SystemRng::instance(),
                                       {crypto::Argon2Params::forTests(), "test-ws"});
        QVERIFY(clinic.login(app::kDemoPatient, test::bytes(app::kDemoPatientPassword)).ok());
        QVERIFY(!clinic.mustChangePassword());
        QVERIFY(clinic.session()->patientId().has_value());
        auto chart = services::PatientService(clinic).chart(*clinic.session()->patientId());
        QVERIFY2(chart.ok(), chart ? "" : chart.error().describe().c_str());
        clinic.logout();
    }

    void secondCallOpensWithoutImportingAgain()
    {
        std::set<std::string> steps;
        auto demo = app::openOrCreateDemoClinic(path("demo"), options(&steps));
        QVERIFY2(demo.ok(), demo ? "" : demo.error().describe().c_str());
        QVERIFY(!demo->created);
        QVERIFY(steps.empty());
        QCOMPARE(demo->imported.counts.size(), std::size_t{0});
        auto doctor = patientsVisibleTo(*demo->store, app::kDemoDoctor, app::kDemoDoctorPassword);
        QVERIFY(doctor.ok());
        QCOMPARE(doctor->size(), std::size_t{27});
        // While it is open here, a second instance is refused rather than creating anything.
        auto busy = app::openOrCreateDemoClinic(path("demo"), options());
        QVERIFY(!busy.ok());
        QCOMPARE(busy.error().code, ErrorCode::StorageBusy);
    }

    void refusesAClinicThatIsNotADemo()
    {
        auto real = test::TestClinic::create();
        QVERIFY(real.ok());
        const std::string dir = (*real)->dir() + "/clinic";
        (*real)->close();
        auto demo = app::openOrCreateDemoClinic(dir, options());
        QVERIFY(!demo.ok());
        QCOMPARE(demo.error().code, ErrorCode::InvalidArgument);
        QVERIFY(QString::fromStdString(demo.error().message).contains("not a demo clinic"));
    }

    void cancelledCreationLeavesNothing()
    {
        app::DemoOptions o = options();
        o.progress = [](const std::string& step, std::size_t, std::size_t) { return step != "import"; };
        auto demo = app::openOrCreateDemoClinic(path("cancelled"), o);
        QVERIFY(!demo.ok());
        QCOMPARE(demo.error().code, ErrorCode::Cancelled);
        QVERIFY(!QFile::exists(m_tmp.path() + "/cancelled/clinic.json"));
        QVERIFY(!QFile::exists(m_tmp.path() + "/cancelled.creating"));
    }

    void leftoverStagingFolderIsRebuilt()
    {
        // An interrupted creation leaves "<dir>.creating" behind: the next call starts again.
        QVERIFY(QDir().mkpath(m_tmp.path() + "/leftover.creating"));
        QFile junk(m_tmp.path() + "/leftover.creating/clinic.json");
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("{half");
        junk.close();
        auto demo = app::openOrCreateDemoClinic(path("leftover"), options());
        QVERIFY2(demo.ok(), demo ? "" : demo.error().describe().c_str());
        QVERIFY(demo->created);
        QCOMPARE(demo->imported.count("patients"), std::size_t{27});
    }
};

QTEST_GUILESS_MAIN(TestDemoClinic)
#include "TestDemoClinic.moc"
