// SPDX-License-Identifier: GPL-3.0-or-later
// The doctor's window driven by object name over a real clinic with tests/data/synthea imported.
#include "core/services/AccountService.h"
#include "core/services/ImportService.h"
#include "core/services/PatientService.h"
#include "tests/support/TestClinic.h"
#include "ui/common/BackgroundTask.h"
#include "ui/doctor/BreakGlassDialog.h"
#include "ui/doctor/ChartTableModel.h"
#include "ui/doctor/ChartView.h"
#include "ui/doctor/DoctorWindow.h"
#include "ui/doctor/ObservationsPage.h"
#include "ui/doctor/PatientListModel.h"
#include "ui/login/LoginWindow.h"
#include "ui/session/IdleWatcher.h"
#include "ui/session/LockScreen.h"
#include "ui/session/SessionFlow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace cc;
using namespace std::chrono_literals;
using test::TestClinic;

namespace {

constexpr const char* kCarol = "drcarol";
constexpr const char* kCarolPassword = "drcarol-password-1";
/// tests/data/synthea/observations.csv: this patient has four Glucose (LOINC 2339-0) results.
const QString kLabPatientSource = QStringLiteral("5f8d3e13-bc80-dd66-0f1b-d24f9692a697");
const QString kGlucose = QStringLiteral("2339-0");
const QString kSystolic = QStringLiteral("8480-6");

} // namespace

class TestDoctorWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestClinic> m_t;
    model::RowId m_labPatient{};

    void loginAs(const std::string& name, const std::string& password)
    {
        m_t->clinic().logout();
        const auto status = m_t->login(name, password);
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
    }

    static void attachTesters(QObject* owner, std::initializer_list<QAbstractItemModel*> models)
    {
        for (auto* model : models)
            new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, owner);
    }

    static void attachChartTesters(QObject* owner, ui::ChartView* chart)
    {
        attachTesters(owner, {chart->vitalsModel(), chart->problemsModel(), chart->medicationsModel(),
                              chart->allergiesModel(), chart->notesModel(), chart->observationsPage()->codesModel(),
                              chart->observationsPage()->observationsModel()});
    }

    /// Opens the patient the way a doctor does: select the row, press Enter.
    static void openThroughList(ui::DoctorWindow& window, const model::RowId& id)
    {
        auto* view = window.findChild<QTableView*>("patientTableView");
        auto* proxy = window.patientProxyModel();
        for (int row = 0; row < proxy->rowCount(); ++row) {
            const auto* p = window.patientModel()->patient(proxy->mapToSource(proxy->index(row, 0)).row());
            if (p != nullptr && p->id == id) {
                view->setCurrentIndex(proxy->index(row, 0));
                QTest::keyClick(view, Qt::Key_Return);
                return;
            }
        }
        QFAIL("patient not in the list");
    }

private slots:
    void initTestCase()
    {
        auto t = TestClinic::create();
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
        m_t = std::move(*t);
        loginAs(test::kDoctor, test::kDoctorPassword);
        // Read in place: the import only reads the fixture folder.
        auto summary =
            services::ImportService(m_t->clinic()).importSynthea(QStringLiteral(CC_TEST_DATA_DIR "/synthea"));
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.error().message.c_str());
        QCOMPARE(summary->count("patients"), std::size_t{27});
        auto patients = services::PatientService(m_t->clinic()).list();
        QVERIFY(patients.ok());
        for (const auto& p : *patients)
            if (p.sourceId == kLabPatientSource)
                m_labPatient = p.id;
        QVERIFY(m_labPatient != model::RowId{});

        // A second doctor, not on any care team: created by the administrator, sponsored by drbob.
        loginAs(test::kAdmin, test::kAdminPassword);
        services::Sponsor sponsor{test::kDoctor, test::secret(test::kDoctorPassword)};
        auto carol = services::AccountService(m_t->clinic())
                         .create(kCarol, access::Role::Doctor, test::bytes("drcarol-temporary-1"), &sponsor);
        QVERIFY2(carol.ok(), carol.ok() ? "" : carol.error().message.c_str());
        loginAs(kCarol, "drcarol-temporary-1");
        QVERIFY(m_t->clinic().changeOwnPassword(test::bytes(kCarolPassword)).ok());
        m_t->clinic().logout();
    }

    void cleanup()
    {
        ui::waitForBackgroundTasks();
        m_t->clinic().logout();
    }

    void listShowsCareTeamPatients()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::DoctorWindow window(m_t->clinic());
        attachTesters(&window, {window.patientModel(), window.patientProxyModel()});
        window.show();
        window.refresh();
        QCOMPARE(window.patientModel()->rowCount(), 27);
        QCOMPARE(window.patientProxyModel()->rowCount(), 27);
        QVERIFY(!window.findChild<QLabel*>("listErrorLabel")->isVisible());
    }

    void searchNarrowsAsYouType()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::DoctorWindow window(m_t->clinic());
        attachTesters(&window, {window.patientModel(), window.patientProxyModel()});
        window.show();
        window.refresh();
        const model::Patient target = *window.patientModel()->patient(0);
        const QString prefix = target.familyName.left(4);
        auto* search = window.findChild<QLineEdit*>("searchLineEdit");
        int previous = window.patientProxyModel()->rowCount();
        for (const QChar c : prefix) {
            QTest::keyClicks(search, QString(c));
            const int now = window.patientProxyModel()->rowCount();
            QVERIFY(now <= previous); // each keystroke narrows (or keeps) the list
            previous = now;
        }
        QVERIFY(previous >= 1);
        QVERIFY(previous < 27);
        // Exactly what the service's search finds on the same documents.
        auto expected = services::PatientService(m_t->clinic()).list(prefix);
        QVERIFY(expected.ok());
        QCOMPARE(static_cast<std::size_t>(previous), expected->size());
        search->clear();
        QCOMPARE(window.patientProxyModel()->rowCount(), 27);
        QTest::keyClicks(search, QStringLiteral("zzzz-no-such-patient"));
        QCOMPARE(window.patientProxyModel()->rowCount(), 0);
    }

    void openingPatientShowsObservationsAndTrend()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::DoctorWindow window(m_t->clinic());
        attachChartTesters(&window, window.chartView());
        window.show();
        window.refresh();
        openThroughList(window, m_labPatient);
        auto* chart = window.chartView();
        QTRY_VERIFY(chart->hasPatient());
        QVERIFY(!chart->emergencyAccess());
        QVERIFY(chart->vitalsModel()->rowCount() > 0);
        auto* page = chart->observationsPage();
        QVERIFY(page->codesModel()->rowCount() > 5);
        page->selectCode(kGlucose);
        QCOMPARE(page->observationsModel()->rowCount(), 4);
        QCOMPARE(page->trendSeries()->count(), 4);
        // Points in time order, unit on the value axis.
        for (int i = 1; i < page->trendSeries()->count(); ++i)
            QVERIFY(page->trendSeries()->at(i).x() > page->trendSeries()->at(i - 1).x());
    }

    void addedObservationAppears()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::DoctorWindow window(m_t->clinic());
        attachChartTesters(&window, window.chartView());
        window.show();
        window.refresh();
        QVERIFY(window.openPatient(m_labPatient).ok());
        window.chartView()->showTab(ui::ChartView::Tab::Observations);
        auto* page = window.chartView()->observationsPage();
        QVERIFY(page->isVisible());
        page->selectCode(kSystolic);
        const int before = page->observationsModel()->rowCount();
        auto* combo = page->findChild<QComboBox*>("codeComboBox");
        combo->setCurrentIndex(combo->findData(kSystolic));
        QCOMPARE(page->findChild<QLabel*>("unitLabel")->text(), QStringLiteral("mm[Hg]"));
        QTest::keyClicks(page->findChild<QLineEdit*>("valueLineEdit"), QStringLiteral("128"));
        QTest::mouseClick(page->findChild<QPushButton*>("addPushButton"), Qt::LeftButton);
        QTRY_COMPARE(page->observationsModel()->rowCount(), before + 1);
        QVERIFY(!page->findChild<QLabel*>("errorLabel")->isVisible());
        bool found = false;
        for (int row = 0; row < page->observationsModel()->rowCount(); ++row)
            found = found || page->observationsModel()->index(row, 1).data().toString() == QStringLiteral("128");
        QVERIFY(found);
        QCOMPARE(page->trendSeries()->count(), before + 1);
    }

    void outOfRangeValueShowsServiceError()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::DoctorWindow window(m_t->clinic());
        window.show();
        window.refresh();
        QVERIFY(window.openPatient(m_labPatient).ok());
        window.chartView()->showTab(ui::ChartView::Tab::Observations);
        auto* page = window.chartView()->observationsPage();
        QVERIFY(page->isVisible());
        page->selectCode(kSystolic);
        const int before = page->observationsModel()->rowCount();
        auto* combo = page->findChild<QComboBox*>("codeComboBox");
        combo->setCurrentIndex(combo->findData(kSystolic));
        auto* value = page->findChild<QLineEdit*>("valueLineEdit");
        auto* error = page->findChild<QLabel*>("errorLabel");
        QTest::keyClicks(value, QStringLiteral("900"));
        QTest::mouseClick(page->findChild<QPushButton*>("addPushButton"), Qt::LeftButton);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(QStringLiteral("Not added:")), qPrintable(error->text()));
        QVERIFY2(error->text().contains(kSystolic), qPrintable(error->text())); // the service names the code
        QCOMPARE(page->observationsModel()->rowCount(), before);
        // Not a number: refused by the form before any service call.
        value->clear();
        QTest::keyClicks(value, QStringLiteral("abc"));
        QTest::mouseClick(page->findChild<QPushButton*>("addPushButton"), Qt::LeftButton);
        QCOMPARE(error->text(), QStringLiteral("Enter the value as a number."));
    }

    void breakGlassPath()
    {
        loginAs(kCarol, kCarolPassword);
        ui::DoctorWindow window(m_t->clinic());
        attachChartTesters(&window, window.chartView());
        window.show();
        window.refresh();
        QCOMPARE(window.patientModel()->rowCount(), 0); // on no care team
        const auto refused = window.openPatient(m_labPatient);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::AccessDenied);
        QVERIFY(!window.chartView()->hasPatient());
        auto* dialog = window.breakGlassDialog();
        QVERIFY(dialog != nullptr);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->findChild<QLineEdit*>("recordLineEdit")->text(), model::rowIdToHex(m_labPatient));

        // Too short: the service's rule, its message, the dialog stays open.
        auto* reason = dialog->findChild<QPlainTextEdit*>("reasonPlainTextEdit");
        auto* ok = dialog->findChild<QDialogButtonBox*>("buttonBox")->button(QDialogButtonBox::Ok);
        QTest::keyClicks(reason, QStringLiteral("urgent"));
        QTest::mouseClick(ok, Qt::LeftButton);
        auto* error = dialog->findChild<QLabel*>("errorLabel");
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(
            error->text(),
            QStringLiteral("Please check your input: give a reason of at least 15 characters for emergency access"));
        QVERIFY(dialog->isVisible());
        QVERIFY(!window.chartView()->hasPatient());

        reason->clear();
        QTest::keyClicks(reason, QStringLiteral("patient unconscious in the emergency room"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(window.breakGlassDialog() == nullptr);
        QTRY_VERIFY(window.chartView()->hasPatient());
        QVERIFY(window.chartView()->emergencyAccess());
        QCOMPARE(window.chartView()->findChild<QLabel*>("bannerLabel")->text(),
                 QStringLiteral("Emergency access — reviewed by an administrator"));
        QVERIFY(window.chartView()->observationsPage()->codesModel()->rowCount() > 0);
        // The care team itself is unchanged: the list still shows nobody.
        window.refresh();
        QCOMPARE(window.patientModel()->rowCount(), 0);
    }

    void breakGlassByMrnFromTheToolbar()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        auto lab = services::PatientService(m_t->clinic()).identity(m_labPatient);
        QVERIFY(lab.ok());
        loginAs(kCarol, kCarolPassword);
        ui::DoctorWindow window(m_t->clinic());
        window.show();
        window.findChild<QAction*>("actionEmergencyAccess")->trigger();
        auto* dialog = window.breakGlassDialog();
        QVERIFY(dialog != nullptr);
        QTRY_VERIFY(dialog->isVisible());
        auto* record = dialog->findChild<QLineEdit*>("recordLineEdit");
        QVERIFY(!record->isReadOnly());
        auto* reason = dialog->findChild<QPlainTextEdit*>("reasonPlainTextEdit");
        auto* ok = dialog->findChild<QDialogButtonBox*>("buttonBox")->button(QDialogButtonBox::Ok);
        auto* error = dialog->findChild<QLabel*>("errorLabel");
        QTest::keyClicks(record, QStringLiteral("NO-SUCH-MRN"));
        QTest::keyClicks(reason, QStringLiteral("patient unconscious in the emergency room"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("no patient with this MRN")), qPrintable(error->text()));
        QVERIFY(!window.chartView()->hasPatient());
        record->clear();
        QTest::keyClicks(record, lab->mrn);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(window.breakGlassDialog() == nullptr);
        QTRY_VERIFY(window.chartView()->hasPatient());
        QVERIFY(window.chartView()->emergencyAccess());
    }

    void idleLockClearsEveryModel()
    {
        m_t->clinic().logout();
        ui::SessionFlow flow(m_t->clinic(), QStringLiteral("Test Clinic"), false);
        flow.start();
        auto* login = flow.loginWindow();
        QTest::keyClicks(login->findChild<QLineEdit*>("userLineEdit"), QString::fromLatin1(test::kDoctor));
        QTest::keyClicks(login->findChild<QLineEdit*>("passwordLineEdit"), QString::fromLatin1(test::kDoctorPassword));
        QTest::mouseClick(login->findChild<QPushButton*>("loginPushButton"), Qt::LeftButton);
        QTRY_VERIFY(flow.doctorWindow() != nullptr);
        auto* window = flow.doctorWindow();
        attachTesters(window, {window->patientModel(), window->patientProxyModel()});
        attachChartTesters(window, window->chartView());
        QCOMPARE(window->patientModel()->rowCount(), 27);
        QVERIFY(window->openPatient(m_labPatient).ok());
        auto* chart = window->chartView();
        QVERIFY(chart->observationsPage()->codesModel()->rowCount() > 0);

        m_t->clock().advance(11min);
        flow.idleWatcher()->pollNow();
        QTRY_VERIFY(flow.lockScreen()->isVisible());
        QVERIFY(!window->isVisible());
        QCOMPARE(window->patientModel()->rowCount(), 0);
        QCOMPARE(window->patientProxyModel()->rowCount(), 0);
        QVERIFY(!chart->hasPatient());
        for (auto* model :
             {chart->vitalsModel(), chart->problemsModel(), chart->medicationsModel(), chart->allergiesModel(),
              chart->observationsPage()->codesModel(), chart->observationsPage()->observationsModel()})
            QCOMPARE(model->rowCount(), 0);
        QCOMPARE(chart->observationsPage()->trendSeries()->count(), 0);

        // Unlock reloads the list and the open chart.
        QTest::keyClicks(flow.lockScreen()->findChild<QLineEdit*>("passwordLineEdit"),
                         QString::fromLatin1(test::kDoctorPassword));
        QTest::mouseClick(flow.lockScreen()->findChild<QPushButton*>("unlockPushButton"), Qt::LeftButton);
        QTRY_VERIFY(window->isVisible());
        QCOMPARE(window->patientModel()->rowCount(), 27);
        QVERIFY(chart->hasPatient());
    }
};

QTEST_MAIN(TestDoctorWindow)
#include "TestDoctorWindow.moc"
