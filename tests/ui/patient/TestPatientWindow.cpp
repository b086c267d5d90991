// SPDX-License-Identifier: GPL-3.0-or-later
// The patient's window over a real patient session: own record read-only, who opened it, honest
// disabled buttons, notes not shared left out, idle lock clears the models.
#include "core/services/AccountService.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"
#include "tests/support/TestClinic.h"
#include "ui/common/BackgroundTask.h"
#include "ui/common/FileDialog.h"
#include "ui/doctor/ChartTableModel.h"
#include "ui/doctor/ChartView.h"
#include "ui/doctor/ObservationsPage.h"
#include "ui/login/LoginWindow.h"
#include "ui/patient/AccessHistoryModel.h"
#include "ui/patient/PatientWindow.h"
#include "ui/session/IdleWatcher.h"
#include "ui/session/LockScreen.h"
#include "ui/session/SessionFlow.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace cc;
using namespace std::chrono_literals;
using test::TestClinic;

namespace {

constexpr const char* kCarol = "drcarol";
constexpr const char* kPatient = "pat.jones";
constexpr const char* kPatientPassword = "pat-jones-password-1";
constexpr const char* kReason = "patient unconscious in the emergency room";

} // namespace

class TestPatientWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestClinic> m_t;
    access::PatientId m_patient{};

    void loginAs(const std::string& name, const std::string& password)
    {
        m_t->clinic().logout();
        const auto status = m_t->login(name, password);
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
    }

private slots:
    void initTestCase()
    {
        auto t = TestClinic::create();
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
        m_t = std::move(*t);
        loginAs(test::kDoctor, test::kDoctorPassword);
        model::Patient p;
        p.mrn = QStringLiteral("MRN-7001");
        p.givenName = QStringLiteral("Pat");
        p.familyName = QStringLiteral("Jones");
        p.birthDate = QStringLiteral("1970-05-04");
        p.sex = model::Sex::Female;
        auto id = services::PatientService(m_t->clinic()).create(p);
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().message.c_str());
        m_patient = *id;
        model::Observation weight;
        weight.codeSystem = QStringLiteral("http://loinc.org");
        weight.code = QStringLiteral("29463-7");
        weight.display = QStringLiteral("Body weight");
        weight.category = QStringLiteral("vital-signs");
        weight.effective = QStringLiteral("2025-06-01T09:00:00Z");
        weight.value = 71.5;
        weight.unit = QStringLiteral("kg");
        auto added = services::ObservationService(m_t->clinic()).add(m_patient, weight);
        QVERIFY2(added.ok(), added.ok() ? "" : added.error().message.c_str());

        // A second doctor who breaks the glass: the patient must see it, with the reason.
        loginAs(test::kAdmin, test::kAdminPassword);
        services::AccountService accounts(m_t->clinic());
        services::Sponsor sponsor{test::kDoctor, test::secret(test::kDoctorPassword)};
        QVERIFY(accounts.create(kCarol, access::Role::Doctor, test::bytes("drcarol-temporary-1"), &sponsor).ok());
        services::Sponsor sponsor2{test::kDoctor, test::secret(test::kDoctorPassword)};
        auto patientAccount =
            accounts.createPatientAccount(kPatient, "MRN-7001", test::bytes("pat-temporary-1"), &sponsor2);
        QVERIFY2(patientAccount.ok(), patientAccount.ok() ? "" : patientAccount.error().message.c_str());
        loginAs(kCarol, "drcarol-temporary-1");
        QVERIFY(m_t->clinic().changeOwnPassword(test::bytes("drcarol-password-1")).ok());
        QVERIFY(services::PatientService(m_t->clinic()).breakGlass(m_patient, kReason).ok());
        loginAs(kPatient, "pat-temporary-1");
        QVERIFY(m_t->clinic().changeOwnPassword(test::bytes(kPatientPassword)).ok());
        m_t->clinic().logout();
    }

    void cleanup()
    {
        ui::waitForBackgroundTasks();
        m_t->clinic().logout();
    }

    void ownRecordAndAccessHistory()
    {
        loginAs(kPatient, kPatientPassword);
        ui::PatientWindow window(m_t->clinic());
        auto* chart = window.chartView();
        for (QAbstractItemModel* model : std::initializer_list<QAbstractItemModel*>{
                 window.accessModel(), chart->vitalsModel(), chart->problemsModel(), chart->notesModel(),
                 chart->observationsPage()->codesModel()})
            new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, &window);
        window.show();
        window.refresh();
        QVERIFY2(!window.findChild<QLabel*>("errorLabel")->isVisible(),
                 qPrintable(window.findChild<QLabel*>("errorLabel")->text()));
        QVERIFY(chart->hasPatient());
        QCOMPARE(chart->patientId(), m_patient);
        QCOMPARE(chart->vitalsModel()->rowCount(), 1); // the body weight
        // The patient's window speaks plainly: "Weight", not the clinical "Body weight".
        QCOMPARE(chart->vitalsModel()->index(0, 0).data().toString(), QStringLiteral("Weight"));
        QCOMPARE(chart->observationsPage()->codesModel()->index(0, 0).data().toString(), QStringLiteral("Weight"));
        QCOMPARE(chart->observationsPage()->codesModel()->rowCount(), 1);
        // Read-only: no entry form.
        chart->showTab(ui::ChartView::Tab::Observations);
        QVERIFY(!chart->observationsPage()->findChild<QGroupBox*>("newObservationGroupBox")->isVisible());

        // Who opened my record: the doctor's writes and the emergency access with its reason.
        auto* access = window.accessModel();
        QVERIFY(access->rowCount() >= 3);
        bool emergency = false;
        bool careTeamDoctor = false;
        for (int row = 0; row < access->rowCount(); ++row) {
            const QString who = access->index(row, ui::AccessHistoryModel::UserColumn).data().toString();
            const QString reason = access->index(row, ui::AccessHistoryModel::ReasonColumn).data().toString();
            careTeamDoctor = careTeamDoctor || who == QString::fromLatin1(test::kDoctor);
            if (who == QString::fromLatin1(kCarol) && reason.contains(QString::fromLatin1(kReason)))
                emergency = reason.startsWith(QStringLiteral("Emergency access, reviewed by an administrator"));
        }
        QVERIFY(careTeamDoctor);
        QVERIFY(emergency);
        // Newest first (the tooltip has the UTC ISO time; the cell the locale's local time).
        QVERIFY(access->index(0, 0).data(Qt::ToolTipRole).toString() >=
                access->index(access->rowCount() - 1, 0).data(Qt::ToolTipRole).toString());
        QVERIFY(!access->index(0, 0).data().toString().contains(QLatin1Char('T')));
    }

    /// The kiosk's printable summary: a PDF in the patient's words, the print shown at once in the
    /// access history, which groups each visit into one plain-language row.
    void printsOwnSummaryAndSeesItInTheHistory()
    {
        loginAs(kPatient, kPatientPassword);
        ui::PatientWindow window(m_t->clinic());
        window.refresh();
        auto* button = window.findChild<QPushButton*>("printPushButton");
        QVERIFY(button != nullptr);
        QTemporaryDir dir;
        const QString out = QDir(dir.path()).filePath(QStringLiteral("mine.pdf"));
        ui::FileDialog::setNextSaveFileName(out);
        QTest::mouseClick(button, Qt::LeftButton);
        QFile saved(out);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.read(5) == "%PDF-");
        auto* access = window.accessModel();
        QVERIFY(access->rowCount() >= 1);
        // Newest first: the patient's own visit, with the print in plain words.
        QCOMPARE(access->index(0, ui::AccessHistoryModel::UserColumn).data().toString(), QStringLiteral("you"));
        const QString what = access->index(0, ui::AccessHistoryModel::ActionColumn).data().toString();
        QVERIFY2(what.contains(QStringLiteral("printed your record")), qPrintable(what));
        // One row per visit: no row repeats the same account with the same start time.
        QSet<QString> visits;
        for (int row = 0; row < access->rowCount(); ++row) {
            const QString key = access->index(row, ui::AccessHistoryModel::UserColumn).data().toString() + u'|' +
                                access->index(row, ui::AccessHistoryModel::TimeColumn).data(Qt::ToolTipRole).toString();
            QVERIFY2(!visits.contains(key), qPrintable(key));
            visits.insert(key);
            QVERIFY(!access->index(row, ui::AccessHistoryModel::ActionColumn).data().toString().contains(u'—'));
        }
    }

    void downloadsOwnRecordAsFhir()
    {
        loginAs(kPatient, kPatientPassword);
        ui::PatientWindow window(m_t->clinic());
        window.refresh();
        auto* button = window.findChild<QPushButton*>("fhirPushButton");
        QVERIFY(button != nullptr);
        QVERIFY(button->isEnabled());
        QTemporaryDir dir;
        const QString out = QDir(dir.path()).filePath(QStringLiteral("mine.json"));
        ui::FileDialog::setNextSaveFileName(out);
        QTest::mouseClick(button, Qt::LeftButton);
        QFile saved(out);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QJsonObject bundle = QJsonDocument::fromJson(saved.readAll()).object();
        QCOMPARE(bundle.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Bundle"));
        // Only the patient's own record: exactly one Patient resource, with the patient's MRN.
        int patients = 0;
        for (const auto& entry : bundle.value(QStringLiteral("entry")).toArray()) {
            const QJsonObject resource = entry.toObject().value(QStringLiteral("resource")).toObject();
            if (resource.value(QStringLiteral("resourceType")).toString() == QStringLiteral("Patient"))
                ++patients;
        }
        QCOMPARE(patients, 1);
        QVERIFY(window.chartView()->hasPatient());
        // Cancelled: nothing written, nothing else happens.
        ui::FileDialog::setNextSaveFileName({});
        QCOMPARE(window.downloadRecord().error().code, ErrorCode::Cancelled);
    }

    void notesNotSharedAreHiddenFromThePatient()
    {
        loginAs(kPatient, kPatientPassword);
        ui::PatientWindow window(m_t->clinic());
        model::ClinicalNote shared;
        shared.authored = QStringLiteral("2025-06-01T09:00:00Z");
        shared.author = QStringLiteral("Dr Bob");
        shared.title = QStringLiteral("Visit summary");
        shared.text = QStringLiteral("Shared text");
        shared.sharedWithPatient = true;
        model::ClinicalNote privateNote = shared;
        privateNote.title = QStringLiteral("Private");
        privateNote.sharedWithPatient = false;
        window.chartView()->setNotes({shared, privateNote});
        QCOMPARE(window.chartView()->notesModel()->rowCount(), 1);
        QCOMPARE(window.chartView()->notesModel()->index(0, 2).data().toString(), QStringLiteral("Visit summary"));

        // The doctor's chart shows both, with the flag visible.
        ui::ChartView doctorChart(m_t->clinic());
        doctorChart.setNotes({shared, privateNote});
        QCOMPARE(doctorChart.notesModel()->rowCount(), 2);
        QCOMPARE(doctorChart.notesModel()->index(1, 3).data().toString(), QStringLiteral("no"));
    }

    void doctorSessionIsRefused()
    {
        // The window asks the services; they refuse a doctor (not linked to a record).
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::PatientWindow window(m_t->clinic());
        window.show();
        window.refresh();
        auto* error = window.findChild<QLabel*>("errorLabel");
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("not linked to a patient record")));
        QCOMPARE(window.accessModel()->rowCount(), 0);
        QVERIFY(!window.chartView()->hasPatient());
    }

    void idleLockClearsThePatientsModels()
    {
        m_t->clinic().logout();
        ui::SessionFlow flow(m_t->clinic(), QStringLiteral("Test Clinic"), false);
        flow.start();
        auto* login = flow.loginWindow();
        QTest::keyClicks(login->findChild<QLineEdit*>("userLineEdit"), QString::fromLatin1(kPatient));
        QTest::keyClicks(login->findChild<QLineEdit*>("passwordLineEdit"), QString::fromLatin1(kPatientPassword));
        QTest::mouseClick(login->findChild<QPushButton*>("loginPushButton"), Qt::LeftButton);
        QTRY_VERIFY(flow.patientWindow() != nullptr);
        auto* window = flow.patientWindow();
        QVERIFY(window->accessModel()->rowCount() > 0);
        QVERIFY(window->chartView()->hasPatient());
        m_t->clock().advance(11min);
        flow.idleWatcher()->pollNow();
        QTRY_VERIFY(flow.lockScreen()->isVisible());
        QCOMPARE(window->accessModel()->rowCount(), 0);
        QVERIFY(!window->chartView()->hasPatient());
        QCOMPARE(window->chartView()->vitalsModel()->rowCount(), 0);
    }
};

QTEST_MAIN(TestPatientWindow)
#include "TestPatientWindow.moc"
