// SPDX-License-Identifier: GPL-3.0-or-later
// The doctor's window driven by object name over a real clinic with tests/data/synthea imported.
#include "core/audit/AuditEvent.h"
#include "core/audit/AuditExport.h"
#include "core/crypto/Hex.h"
#include "core/services/AccountService.h"
#include "core/services/ChartSummary.h"
#include "core/services/ClinicalEntryService.h"
#include "core/services/ImportService.h"
#include "core/services/NoteService.h"
#include "core/services/PatientRegistration.h"
#include "core/services/PatientService.h"
#include "db/Database.h"
#include "tests/support/TestClinic.h"
#include "ui/common/BackgroundTask.h"
#include "ui/common/ChartPrint.h"
#include "ui/common/DisplayText.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/doctor/BreakGlassDialog.h"
#include "ui/doctor/ChartEntryBar.h"
#include "ui/doctor/ChartTableModel.h"
#include "ui/doctor/ChartView.h"
#include "ui/doctor/DoctorWindow.h"
#include "ui/doctor/NewPatientDialog.h"
#include "ui/doctor/NoteDialog.h"
#include "ui/doctor/NotesPage.h"
#include "ui/doctor/ObservationsPage.h"
#include "ui/doctor/PatientBanner.h"
#include "ui/doctor/PatientListModel.h"
#include "ui/login/LoginWindow.h"
#include "ui/session/IdleWatcher.h"
#include "ui/session/LockScreen.h"
#include "ui/session/SessionFlow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
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

/// Writes a screenshot into docs/screenshots with CC_WRITE_SCREENSHOTS=1, else into a temporary
/// folder. A main window is grabbed at 1400x860, a dialog at its own size.
void screenshot(QWidget* widget, const QString& name)
{
    const bool write = qEnvironmentVariableIntValue("CC_WRITE_SCREENSHOTS") == 1;
    const QString dir = write ? QStringLiteral(CC_SCREENSHOT_DIR) : QDir::tempPath();
    if (widget->isWindow() && qobject_cast<QDialog*>(widget) == nullptr)
        widget->resize(1400, 860);
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget));
    QCoreApplication::processEvents();
    const QImage image = widget->grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(QDir(dir).filePath(name)));
}

} // namespace

class TestDoctorWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestClinic> m_t;
    access::PatientId m_labPatient{};
    /// A patient of drcarol's care team only (outside drbob's list).
    access::PatientId m_carolPatient{};
    model::Patient m_carolIdentity;

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
    static void openThroughList(ui::DoctorWindow& window, const access::PatientId& id)
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
        QVERIFY(m_labPatient != access::PatientId{});

        // A second doctor, not on any care team: created by the administrator, sponsored by drbob.
        loginAs(test::kAdmin, test::kAdminPassword);
        services::Sponsor sponsor{test::kDoctor, test::secret(test::kDoctorPassword)};
        auto carol = services::AccountService(m_t->clinic())
                         .create(kCarol, access::Role::Doctor, test::bytes("drcarol-temporary-1"), &sponsor);
        QVERIFY2(carol.ok(), carol.ok() ? "" : carol.error().message.c_str());
        loginAs(kCarol, "drcarol-temporary-1");
        QVERIFY(m_t->clinic().changeOwnPassword(test::bytes(kCarolPassword)).ok());
        // drcarol registers a patient: on her care team, not on drbob's.
        m_carolIdentity.mrn = QStringLiteral("CAROL-0001");
        m_carolIdentity.givenName = QStringLiteral("Wilma");
        m_carolIdentity.familyName = QStringLiteral("Outsider");
        m_carolIdentity.birthDate = QStringLiteral("1950-04-02");
        m_carolIdentity.sex = model::Sex::Female;
        auto created = services::PatientService(m_t->clinic()).create(m_carolIdentity);
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
        m_carolPatient = *created;
        m_carolIdentity.id = m_carolPatient;
        m_t->clinic().logout();
    }

    /// The break-glass dialog from the toolbar, for this MRN, after Check.
    static ui::BreakGlassDialog* toolbarBreakGlass(ui::DoctorWindow& window, const QString& mrn)
    {
        window.findChild<QAction*>("actionEmergencyAccess")->trigger();
        auto* dialog = window.breakGlassDialog();
        if (dialog == nullptr)
            return nullptr;
        QTest::keyClicks(dialog->findChild<QLineEdit*>("recordLineEdit"), mrn);
        QTest::mouseClick(dialog->findChild<QPushButton*>("checkPushButton"), Qt::LeftButton);
        return dialog;
    }

    static QPushButton* okButton(QDialog* dialog)
    {
        return dialog->findChild<QDialogButtonBox*>("buttonBox")->button(QDialogButtonBox::Ok);
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
        // At the default size the list keeps birth date and sex visible beside the name.
        window.resize(1200, 760);
        QCoreApplication::processEvents();
        auto* view = window.findChild<QTableView*>("patientTableView");
        for (int column : {ui::PatientListModel::NameColumn, ui::PatientListModel::BirthDateColumn,
                           ui::PatientListModel::SexColumn, ui::PatientListModel::MrnColumn}) {
            const int x = view->columnViewportPosition(column);
            QVERIFY2(x >= 0 && x + std::min(view->columnWidth(column), 40) <= view->viewport()->width(),
                     qPrintable(QString::number(column)));
        }
        QCOMPARE(window.patientModel()->index(0, ui::PatientListModel::MrnColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("MRN %1").arg(window.patientModel()->patient(0)->mrn));
        screenshot(&window, QStringLiteral("doctor-patients.png"));
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

    /// A chart row deleted behind CipherChart's back (an insider with the database key): the chart
    /// does not open, and the doctor reads which row and what to do (docs/RECORDS.md, "Chart
    /// manifests"); put back, it opens again.
    void tamperedChartIsRefusedNamingTheRow()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        const std::string ref = crypto::hexEncode(m_t->refOf(m_labPatient).bytes);
        auto exec = [&](const std::string& sql) {
            const auto s = m_t->store().database().exec(sql);
            QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        };
        exec("CREATE TABLE saved_row AS SELECT * FROM clinical_rows WHERE patient_ref = x'" + ref +
             "' AND kind = 'medication' ORDER BY id LIMIT 1;");
        exec("DELETE FROM clinical_rows WHERE id = (SELECT id FROM saved_row);");
        ui::DoctorWindow window(m_t->clinic());
        window.show();
        window.refresh();
        openThroughList(window, m_labPatient);
        auto* chart = window.chartView();
        QVERIFY(!chart->hasPatient());
        const QString shown = window.findChild<QLabel*>("emptyLabel")->text();
        QVERIFY2(shown.contains(QStringLiteral("integrity check failed")) &&
                     shown.contains(QStringLiteral("deleted outside CipherChart")),
                 qPrintable(shown));
        screenshot(&window, QStringLiteral("doctor-chart-tampered.png"));
        exec("INSERT INTO clinical_rows SELECT * FROM saved_row; DROP TABLE saved_row;");
        openThroughList(window, m_labPatient);
        QTRY_VERIFY(chart->hasPatient());
    }

    /// Print: the summary and a trend go to PDF files readable by their owner only, and each print
    /// is an audited export of the chart naming what was printed (never a value or a name).
    void printSummaryAndTrend()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::DoctorWindow window(m_t->clinic());
        window.show();
        window.refresh();
        auto* printSummary = window.findChild<QAction*>("actionPrintSummary");
        auto* printTrend = window.findChild<QAction*>("actionPrintTrend");
        QVERIFY(printSummary != nullptr && printTrend != nullptr);
        QVERIFY(!printSummary->isEnabled()); // no chart open
        QVERIFY(window.openPatient(m_labPatient).ok());
        QVERIFY(printSummary->isEnabled());

        QTemporaryDir dir;
        const QString summaryPath = QDir(dir.path()).filePath(QStringLiteral("summary.pdf"));
        ui::FileDialog::setNextSaveFileName(summaryPath);
        printSummary->trigger();
        QFile summary(summaryPath);
        QVERIFY(summary.open(QIODevice::ReadOnly));
        QVERIFY(summary.read(5) == "%PDF-");
        QVERIFY(summary.size() > 2000);
        QCOMPARE(summary.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions{});
        auto events = audit::AuditExport::list(m_t->store().auditStore(), {});
        QVERIFY(events.ok());
        QCOMPARE(events->back().event.eventId, audit::AuditEventId::Export);
        QCOMPARE(events->back().event.patientId, services::idHex(m_labPatient));
        QCOMPARE(QString::fromStdString(events->back().event.detail), QStringLiteral("printed: summary"));
        if (qEnvironmentVariableIntValue("CC_WRITE_SCREENSHOTS") == 1) { // the sample printout in docs/
            QFile::remove(QStringLiteral(CC_SCREENSHOT_DIR "/chart-summary.pdf"));
            QVERIFY(QFile::copy(summaryPath, QStringLiteral(CC_SCREENSHOT_DIR "/chart-summary.pdf")));
        }

        // The trend needs an observation shown: without one the window says so and writes nothing.
        const QString trendPath = QDir(dir.path()).filePath(QStringLiteral("trend.pdf"));
        ui::FileDialog::setNextSaveFileName(trendPath);
        window.chartView()->observationsPage()->selectCode(kGlucose);
        printTrend->trigger();
        QFile trend(trendPath);
        QVERIFY(trend.open(QIODevice::ReadOnly));
        QVERIFY(trend.read(5) == "%PDF-");
        events = audit::AuditExport::list(m_t->store().auditStore(), {});
        QCOMPARE(QString::fromStdString(events->back().event.detail),
                 QStringLiteral("printed: trend %1").arg(kGlucose));

        // What the summary holds: the banner names the patient, the body the sections.
        auto chart = services::PatientService(m_t->clinic()).chart(m_labPatient);
        QVERIFY(chart.ok());
        const auto s = services::summarizeChart(*chart, QDate::currentDate());
        const QString banner = ui::chartprint::bannerLine(chart->patient, s);
        QVERIFY(banner.contains(chart->patient.mrn));
        QVERIFY(banner.contains(chart->patient.familyName));
        const QString html = ui::chartprint::summaryHtml(s, false);
        QVERIFY(html.contains(QStringLiteral("Latest laboratory results")));
        QVERIFY(ui::chartprint::summaryHtml(s, true).contains(QStringLiteral("Your latest test results")));
        // A file that cannot be written is an error naming it, and nothing is left behind.
        const Status refused = ui::chartprint::writeDocumentPdf(QStringLiteral("/nonexistent-dir/x.pdf"),
                                                                QStringLiteral("t"), banner, html);
        QVERIFY(!refused.ok());
        QVERIFY(QString::fromStdString(refused.error().message).contains(QStringLiteral("/nonexistent-dir/x.pdf")));
    }

    /// Recent patients: each chart opened goes first in the menu, once; reopening from the menu
    /// opens that chart and selects it, as every route does.
    void recentPatientsMenu()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::DoctorWindow window(m_t->clinic());
        window.show();
        window.refresh();
        auto* menu = window.findChild<QMenu*>("recentMenu");
        QVERIFY(menu != nullptr);
        window.fillRecentMenu();
        QCOMPARE(menu->actions().size(), 1);
        QVERIFY(!menu->actions().front()->isEnabled()); // "No chart opened yet"
        auto list = services::PatientService(m_t->clinic()).list();
        QVERIFY(list.ok() && list->size() >= 2);
        const access::PatientId first = (*list)[0].id;
        const access::PatientId second = (*list)[1].id;
        QVERIFY(window.openPatient(first).ok());
        QVERIFY(window.openPatient(second).ok());
        QVERIFY(window.openPatient(first).ok());
        QCOMPARE(window.recentPatients().size(), std::size_t{2});
        QCOMPARE(window.recentPatients().front(), first);
        window.fillRecentMenu();
        QCOMPARE(menu->actions().size(), 2);
        QVERIFY(!menu->actions()[0]->isEnabled()); // the open chart
        QVERIFY(menu->actions()[1]->text().contains((*list)[1].mrn));
        menu->actions()[1]->trigger();
        QCOMPARE(window.chartView()->patientId(), second);
        QCOMPARE(window.recentPatients().front(), second);
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
        // The UCUM code is stored; its display form is shown.
        QCOMPARE(page->findChild<QLabel*>("unitLabel")->text(), QStringLiteral("mmHg"));
        QTest::keyClicks(page->findChild<QLineEdit*>("valueLineEdit"), QStringLiteral("128"));
        const auto eventsBefore = m_t->store().auditStore().count();
        QVERIFY(eventsBefore.ok());
        QTest::mouseClick(page->findChild<QPushButton*>("addPushButton"), Qt::LeftButton);
        QTRY_COMPARE(page->observationsModel()->rowCount(), before + 1);
        QVERIFY(!page->findChild<QLabel*>("errorLabel")->isVisible());
        // Only what changed is refreshed: one audit event (the observation added), no re-read of
        // the chart, its notes or its attachments.
        const auto eventsAfter = m_t->store().auditStore().count();
        QVERIFY(eventsAfter.ok());
        QCOMPARE(*eventsAfter, *eventsBefore + 1);
        const auto last = m_t->store().auditStore().read(*eventsAfter, 1);
        QVERIFY(last.ok() && last->size() == 1);
        const auto event = audit::decodeEvent(last->front().body);
        QVERIFY(event.ok());
        QCOMPARE(event->objectType, std::string("Observation"));
        QCOMPARE(event->detail, std::string("observation added"));
        bool found = false;
        for (int row = 0; row < page->observationsModel()->rowCount(); ++row)
            found = found || page->observationsModel()->index(row, 1).data().toString() == QStringLiteral("128 mmHg");
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
        // ... and the message names the observation, not only its code.
        QVERIFY2(error->text().contains(QStringLiteral("Systolic blood pressure")), qPrintable(error->text()));
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
        QCOMPARE(window.patientModel()->rowCount(), 1); // only the patient she registered
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
        // The care team itself is unchanged: the list still shows only her own patient.
        window.refresh();
        QCOMPARE(window.patientModel()->rowCount(), 1);
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
        auto* status = dialog->findChild<QLabel*>("statusLabel");
        auto* error = dialog->findChild<QLabel*>("errorLabel");
        // The patient first: no reason is asked before the MRN is checked.
        QVERIFY(!reason->isVisible());
        QVERIFY(!okButton(dialog)->isEnabled());
        QTest::keyClicks(record, QStringLiteral("NO-SUCH-MRN"));
        QTest::mouseClick(dialog->findChild<QPushButton*>("checkPushButton"), Qt::LeftButton);
        QTRY_VERIFY(status->isVisible());
        QVERIFY2(status->text().contains(QStringLiteral("emergency access is needed")), qPrintable(status->text()));
        QVERIFY(reason->isVisible());
        QTest::keyClicks(reason, QStringLiteral("patient unconscious in the emergency room"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("no patient with this MRN")), qPrintable(error->text()));
        QVERIFY(!window.chartView()->hasPatient());
        // Another MRN is another question: the answer is asked again.
        record->clear();
        QTest::keyClicks(record, lab->mrn);
        QVERIFY(!reason->isVisible());
        QVERIFY(!okButton(dialog)->isEnabled());
        QTest::mouseClick(dialog->findChild<QPushButton*>("checkPushButton"), Qt::LeftButton);
        QTRY_VERIFY(reason->isVisible());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(window.breakGlassDialog() == nullptr);
        QTRY_VERIFY(window.chartView()->hasPatient());
        QVERIFY(window.chartView()->emergencyAccess());
        QCOMPARE(window.chartView()->patientId(), m_labPatient);
    }

    void breakGlassForCareTeamPatientOpensNormally()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        auto lab = services::PatientService(m_t->clinic()).identity(m_labPatient);
        QVERIFY(lab.ok());
        ui::DoctorWindow window(m_t->clinic());
        window.show();
        window.refresh();
        auto* dialog = toolbarBreakGlass(window, lab->mrn);
        QVERIFY(dialog != nullptr);
        auto* status = dialog->findChild<QLabel*>("statusLabel");
        QTRY_VERIFY(status->isVisible());
        QVERIFY2(status->text().contains(QStringLiteral("is on your care team")), qPrintable(status->text()));
        QVERIFY2(status->text().contains(lab->mrn), qPrintable(status->text()));
        QVERIFY(!dialog->findChild<QPlainTextEdit*>("reasonPlainTextEdit")->isVisible());
        QCOMPARE(okButton(dialog)->text(), QStringLiteral("&Open chart"));
        screenshot(dialog, QStringLiteral("break-glass-on-care-team.png"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(window.breakGlassDialog() == nullptr);
        QTRY_VERIFY(window.chartView()->hasPatient());
        QCOMPARE(window.chartView()->patientId(), m_labPatient);
        QVERIFY(!window.chartView()->emergencyAccess()); // no grant, no red banner
        QCOMPARE(window.selectedPatientId().value_or(access::PatientId{}), m_labPatient);
    }

    void breakGlassThenNoteLandsOnShownPatient()
    {
        // The patient-safety finding: drbob has a patient of his list open, then opens drcarol's
        // patient by emergency access. List, title, banner and the note dialog must all name the
        // new patient, and the note must be stored on that patient.
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::DoctorWindow window(m_t->clinic());
        window.show();
        window.refresh();
        openThroughList(window, m_labPatient);
        QTRY_VERIFY(window.chartView()->hasPatient());
        QCOMPARE(window.selectedPatientId().value_or(access::PatientId{}), m_labPatient);
        const QString labName = window.chartView()->banner()->nameText();
        QVERIFY(window.windowTitle().contains(labName));

        auto* dialog = toolbarBreakGlass(window, m_carolIdentity.mrn);
        QVERIFY(dialog != nullptr);
        auto* reason = dialog->findChild<QPlainTextEdit*>("reasonPlainTextEdit");
        QTRY_VERIFY(reason->isVisible());
        QTest::keyClicks(reason, QStringLiteral("patient collapsed in the waiting room"));
        screenshot(dialog, QStringLiteral("break-glass-needed.png"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(window.breakGlassDialog() == nullptr);
        QTRY_COMPARE(window.chartView()->patientId(), m_carolPatient);

        const QString name = ui::DisplayText::patientName(m_carolIdentity);
        // List: no row selected (the patient is not in it), the banner says so.
        QVERIFY(!window.selectedPatientId().has_value());
        QVERIFY(window.chartShown());
        QVERIFY(window.chartView()->banner()->findChild<QLabel*>("outsideListLabel")->isVisible());
        QVERIFY(window.chartView()->banner()->findChild<QLabel*>("emergencyLabel")->isVisible());
        // Title and banner: the new patient.
        QVERIFY2(window.windowTitle().contains(name), qPrintable(window.windowTitle()));
        QVERIFY(window.windowTitle().contains(m_carolIdentity.mrn));
        QVERIFY(!window.windowTitle().contains(labName));
        screenshot(&window, QStringLiteral("doctor-emergency-outside-list.png"));
        QCOMPARE(window.chartView()->banner()->nameText(), name);
        QCOMPARE(window.chartView()->banner()->mrnText(), m_carolIdentity.mrn);
        QCOMPARE(window.chartView()->banner()->allergiesText(), QStringLiteral("No known allergies"));
        // Nothing of the previous patient is left on any page.
        QCOMPARE(window.chartView()->observationsPage()->codesModel()->rowCount(), 0);
        QCOMPARE(window.chartView()->observationsPage()->trendSeries()->count(), 0);

        // The note dialog names the patient the chart shows, and the note lands there.
        window.chartView()->showTab(ui::ChartView::Tab::Notes);
        QString dialogPatient;
        window.chartView()->notesPage()->setDialogHook([&](ui::NoteDialog& d) {
            dialogPatient = d.patientText();
            d.findChild<QLineEdit*>("titleLineEdit")->setText(QStringLiteral("Emergency note"));
            d.findChild<QPlainTextEdit*>("textPlainTextEdit")->setPlainText(QStringLiteral("Found collapsed."));
            screenshot(&d, QStringLiteral("note-dialog-patient.png"));
            d.findChild<QLineEdit*>("titleLineEdit")->setText(QStringLiteral("Emergency note"));
            d.findChild<QPlainTextEdit*>("textPlainTextEdit")->setPlainText(QStringLiteral("Found collapsed."));
            return true;
        });
        QTest::mouseClick(window.chartView()->notesPage()->findChild<QPushButton*>("addButton"), Qt::LeftButton);
        QVERIFY2(dialogPatient.contains(name), qPrintable(dialogPatient));
        QVERIFY2(dialogPatient.contains(m_carolIdentity.mrn), qPrintable(dialogPatient));
        QTRY_COMPARE(window.chartView()->notesModel()->rowCount(), 1);
        auto carolNotes = services::NoteService(m_t->clinic()).list(m_carolPatient);
        QVERIFY(carolNotes.ok());
        QCOMPARE(carolNotes->size(), std::size_t{1});
        QCOMPARE(carolNotes->front().title, QStringLiteral("Emergency note"));
        auto labNotes = services::NoteService(m_t->clinic()).list(m_labPatient);
        QVERIFY(labNotes.ok());
        for (const auto& n : *labNotes)
            QVERIFY(n.title != QStringLiteral("Emergency note"));

        // Back to the list: opening a patient of the list selects it again and clears the mark.
        openThroughList(window, m_labPatient);
        QTRY_COMPARE(window.chartView()->patientId(), m_labPatient);
        QVERIFY(!window.chartView()->banner()->findChild<QLabel*>("outsideListLabel")->isVisible());
        QVERIFY(!window.windowTitle().contains(name));
    }

    void selectionAndChartNeverDisagree()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::DoctorWindow window(m_t->clinic());
        window.show();
        window.refresh();
        QVERIFY(window.openPatient(m_labPatient).ok());
        // Opened by another route than the list (here: directly), the row is selected.
        QCOMPARE(window.selectedPatientId().value_or(access::PatientId{}), m_labPatient);
        QVERIFY(window.chartShown());
        // Selecting another row (without opening it) hides the chart and says why.
        auto* view = window.findChild<QTableView*>("patientTableView");
        auto* proxy = window.patientProxyModel();
        int other = -1;
        for (int row = 0; row < proxy->rowCount() && other < 0; ++row)
            if (window.patientModel()->patient(proxy->mapToSource(proxy->index(row, 0)).row())->id != m_labPatient)
                other = row;
        QVERIFY(other >= 0);
        view->setCurrentIndex(proxy->index(other, 0));
        QVERIFY(!window.chartShown());
        auto* empty = window.findChild<QLabel*>("emptyLabel");
        QVERIFY2(empty->text().contains(window.chartView()->patientLine()), qPrintable(empty->text()));
        // Back on the open patient's row, the chart is shown again.
        openThroughList(window, m_labPatient);
        QTRY_VERIFY(window.chartShown());

        // A search that hides the open patient is cleared when the chart is (re)opened.
        auto* search = window.findChild<QLineEdit*>("searchLineEdit");
        QTest::keyClicks(search, QStringLiteral("zzzz-no-such-patient"));
        QCOMPARE(proxy->rowCount(), 0);
        QVERIFY(window.openPatient(m_labPatient).ok());
        QVERIFY(search->text().isEmpty());
        QCOMPARE(window.selectedPatientId().value_or(access::PatientId{}), m_labPatient);
        // The open patient is marked in the list.
        const int row = window.patientModel()->rowOf(m_labPatient);
        QVERIFY(window.patientModel()->index(row, 0).data().toString().startsWith(QStringLiteral("▶")));
        QVERIFY(window.patientModel()->index(row, 0).data(Qt::FontRole).value<QFont>().bold());
    }

    void trendAndAxesClearedOnPatientChange()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::DoctorWindow window(m_t->clinic());
        window.show();
        window.refresh();
        QVERIFY(window.openPatient(m_labPatient).ok());
        auto* page = window.chartView()->observationsPage();
        page->selectCode(kGlucose);
        QCOMPARE(page->trendSeries()->count(), 4);
        QVERIFY(page->trendChartView()->chart()->title().contains(QStringLiteral("Glucose")));
        access::PatientId other{};
        for (int row = 0; row < window.patientModel()->rowCount(); ++row)
            if (window.patientModel()->patient(row)->id != m_labPatient)
                other = window.patientModel()->patient(row)->id;
        QVERIFY(window.openPatient(other).ok());
        QCOMPARE(page->trendSeries()->count(), 0);
        QVERIFY(page->trendChartView()->chart()->title().isEmpty());
        QCOMPARE(page->observationsModel()->rowCount(), 0);
    }

    void enterInSearchOpensSingleMatch()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        auto lab = services::PatientService(m_t->clinic()).identity(m_labPatient);
        QVERIFY(lab.ok());
        ui::DoctorWindow window(m_t->clinic());
        window.show();
        window.refresh();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* search = window.findChild<QLineEdit*>("searchLineEdit");
        auto* view = window.findChild<QTableView*>("patientTableView");
        // Several matches: Down moves into the list, on the first row.
        search->setFocus();
        QTest::keyClick(search, Qt::Key_Down);
        QTRY_VERIFY(view->hasFocus());
        QCOMPARE(view->currentIndex().row(), 0);
        QVERIFY(!window.chartView()->hasPatient());
        // One match (the full MRN): Enter opens it.
        search->setFocus();
        QTest::keyClicks(search, lab->mrn);
        QCOMPARE(window.patientProxyModel()->rowCount(), 1);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY(window.chartView()->hasPatient());
        QCOMPARE(window.chartView()->patientId(), m_labPatient);
    }

    void summaryBannerAndFlags()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        // An allergy, so the banner lists it.
        model::Allergy peanut;
        peanut.codeSystem = QStringLiteral("http://snomed.info/sct");
        peanut.code = QStringLiteral("91935009");
        peanut.display = QStringLiteral("Allergy to peanuts");
        peanut.start = QStringLiteral("2015-01-01");
        peanut.criticality = QStringLiteral("high");
        auto added = services::ClinicalEntryService(m_t->clinic()).addAllergy(m_labPatient, peanut);
        QVERIFY2(added.ok(), added.ok() ? "" : added.error().describe().c_str());

        ui::DoctorWindow window(m_t->clinic());
        attachChartTesters(&window, window.chartView());
        window.show();
        window.refresh();
        QVERIFY(window.openPatient(m_labPatient).ok());
        auto* chart = window.chartView();
        auto chartData = services::PatientService(m_t->clinic()).chart(m_labPatient);
        QVERIFY(chartData.ok());
        const auto& p = chartData->patient;
        auto* banner = chart->banner();
        QCOMPARE(banner->mrnText(), p.mrn); // full, never elided
        QCOMPARE(banner->nameText(), ui::DisplayText::patientName(p));
        QVERIFY2(banner->allergiesText().contains(QStringLiteral("Allergy to peanuts (high risk)")),
                 qPrintable(banner->allergiesText()));
        const QString demographics = banner->findChild<QLabel*>("demographicsLabel")->text();
        QVERIFY2(demographics.contains(ui::DisplayText::date(p.birthDate)), qPrintable(demographics));
        QVERIFY(!p.birthDate.isEmpty() && !demographics.contains(p.birthDate)); // locale form, not ISO
        QCOMPARE(banner->findChild<QLabel*>("deceasedLabel")->isVisible(), !p.deathDate.isEmpty());

        // The summary follows the core's rules: categories in order, flags against the ranges.
        const auto summary = services::summarizeChart(*chartData, QDate::currentDate());
        QCOMPARE(chart->problemsSummaryModel()->rowCount(), static_cast<int>(summary.activeProblems.size()));
        for (int row = 1; row < chart->problemsSummaryModel()->rowCount(); ++row)
            QVERIFY(summary.activeProblems[static_cast<std::size_t>(row - 1)].category <=
                    summary.activeProblems[static_cast<std::size_t>(row)].category);
        if (!summary.activeProblems.empty())
            QCOMPARE(chart->problemsSummaryModel()->index(0, 1).data().toString(),
                     summary.activeProblems.front().condition.display);
        QCOMPARE(chart->vitalsModel()->rowCount(),
                 static_cast<int>(summary.latestVitals.size() + summary.latestLabs.size()));
        int abnormal = 0;
        for (const auto* group : {&summary.latestVitals, &summary.latestLabs})
            for (const auto& f : *group)
                abnormal += f.flag == services::ObservationFlag::High || f.flag == services::ObservationFlag::Low;
        int shown = 0;
        for (int row = 0; row < chart->vitalsModel()->rowCount(); ++row) {
            const QString flag = chart->vitalsModel()->index(row, 2).data().toString();
            if (flag == QStringLiteral("High") || flag == QStringLiteral("Low")) {
                ++shown;
                QVERIFY(chart->vitalsModel()->index(row, 0).data(Qt::ForegroundRole).isValid());
            }
            // Units in their display form: never a UCUM bracket.
            QVERIFY(!chart->vitalsModel()->index(row, 1).data().toString().contains(QStringLiteral("[")));
        }
        QCOMPARE(shown, abnormal);
        QVERIFY(chart->encountersSummaryModel()->rowCount() <= 5);
        QCOMPARE(chart->encountersSummaryModel()->rowCount(),
                 static_cast<int>(std::min<std::size_t>(5, chartData->encounters.size())));
        QVERIFY(chart->allergiesSummaryModel()->rowCount() >= 1);
        chart->showTab(ui::ChartView::Tab::Summary);
        screenshot(&window, QStringLiteral("doctor-summary.png"));
        chart->showTab(ui::ChartView::Tab::Observations);
        chart->observationsPage()->selectCode(kGlucose);
        screenshot(&window, QStringLiteral("doctor-observations-flags.png"));
        chart->showTab(ui::ChartView::Tab::Encounters);
        auto* encounters = chart->findChild<QTableView*>("encountersTableView");
        // Synthea links records to their encounter: some encounter shows its records.
        for (int row = 0; row < encounters->model()->rowCount() && chart->linkedModel()->rowCount() == 0; ++row)
            encounters->setCurrentIndex(encounters->model()->index(row, 0));
        QVERIFY(chart->linkedModel()->rowCount() > 0);
        screenshot(&window, QStringLiteral("doctor-encounters.png"));
        QVERIFY(services::ClinicalEntryService(m_t->clinic()).removeAllergy(m_labPatient, *added).ok());
    }

    void listsSortAndFilter()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::DoctorWindow window(m_t->clinic());
        window.show();
        window.refresh();
        // The patient list sorts by birth date (the ISO date behind the locale's form).
        auto* view = window.findChild<QTableView*>("patientTableView");
        view->sortByColumn(ui::PatientListModel::BirthDateColumn, Qt::AscendingOrder);
        auto* proxy = window.patientProxyModel();
        for (int row = 1; row < proxy->rowCount(); ++row)
            QVERIFY(window.patientModel()->patient(proxy->mapToSource(proxy->index(row - 1, 0)).row())->birthDate <=
                    window.patientModel()->patient(proxy->mapToSource(proxy->index(row, 0)).row())->birthDate);

        // The patient with the most problems, resolved ones among them.
        access::PatientId busiest{};
        std::size_t most = 0;
        for (int row = 0; row < window.patientModel()->rowCount(); ++row) {
            const auto id = window.patientModel()->patient(row)->id;
            auto conditions = services::ClinicalEntryService(m_t->clinic()).conditions(id);
            QVERIFY(conditions.ok());
            if (conditions->size() > most) {
                most = conditions->size();
                busiest = id;
            }
        }
        QVERIFY(most > 2);
        QVERIFY(window.openPatient(busiest).ok());
        auto* chart = window.chartView();
        auto* problems = chart->problemsProxy();
        const int all = chart->problemsModel()->rowCount();
        int active = 0;
        for (int row = 0; row < all; ++row)
            active += !chart->problemsModel()->index(row, 0).data(ui::ChartTableModel::InactiveRole).toBool();
        QCOMPARE(problems->rowCount(), active); // "Active only" is on by default
        auto* activeOnly = chart->findChild<QCheckBox*>("problemsActiveCheckBox");
        activeOnly->setChecked(false);
        QCOMPARE(problems->rowCount(), all);
        // Category split: diagnoses only, then findings only; together no more than all.
        auto* category = chart->findChild<QComboBox*>("problemsCategoryComboBox");
        category->setCurrentIndex(category->findText(QStringLiteral("Diagnosis")));
        const int diagnoses = problems->rowCount();
        for (int row = 0; row < diagnoses; ++row)
            QCOMPARE(problems->index(row, 2).data().toString(), QStringLiteral("Diagnosis"));
        category->setCurrentIndex(category->findText(QStringLiteral("Finding")));
        const int findings = problems->rowCount();
        for (int row = 0; row < findings; ++row)
            QCOMPARE(problems->index(row, 2).data().toString(), QStringLiteral("Finding"));
        QVERIFY(diagnoses + findings <= all);
        category->setCurrentIndex(0);
        QCOMPARE(problems->rowCount(), all);
        chart->showTab(ui::ChartView::Tab::Problems);
        screenshot(&window, QStringLiteral("doctor-problems.png"));
        // Every column sorts; the onset column by date, not by the locale's text.
        auto* table = chart->findChild<QTableView*>("problemsTableView");
        for (int column = 0; column < problems->columnCount(); ++column) {
            table->sortByColumn(column, Qt::DescendingOrder);
            QCOMPARE(problems->rowCount(), all);
        }
        table->sortByColumn(3, Qt::AscendingOrder);
        for (int row = 1; row < all; ++row)
            QVERIFY(problems->index(row - 1, 3).data(ui::ChartTableModel::SortRole).toString() <=
                    problems->index(row, 3).data(ui::ChartTableModel::SortRole).toString());
        // Dates are shown in the locale's form, never as raw ISO.
        QVERIFY(!problems->index(0, 3).data().toString().contains(QLatin1Char('T')));
    }

    void writeDialogsNameThePatient()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::DoctorWindow window(m_t->clinic());
        window.show();
        window.refresh();
        QVERIFY(window.openPatient(m_labPatient).ok());
        const QString line = window.chartView()->patientLine();
        QVERIFY(line.contains(window.chartView()->patient().mrn));
        for (auto tab :
             {ui::ChartView::Tab::Problems, ui::ChartView::Tab::Medications, ui::ChartView::Tab::Allergies}) {
            window.chartView()->showTab(tab);
            auto* bar = window.chartView()->entryBar(tab);
            QTest::mouseClick(bar->findChild<QPushButton*>("addPushButton"), Qt::LeftButton);
            QDialog* dialog = bar->currentDialog();
            QVERIFY(dialog != nullptr);
            auto* label = dialog->findChild<QLabel*>("patientLabel");
            QVERIFY(label != nullptr);
            QVERIFY2(label->text().contains(line), qPrintable(label->text()));
            QVERIFY(dialog->windowTitle().contains(line));
            dialog->reject();
            QTRY_VERIFY(bar->currentDialog() == nullptr);
        }
        // The observation form's title names the patient too.
        auto* page = window.chartView()->observationsPage();
        QVERIFY(page->findChild<QGroupBox*>("newObservationGroupBox")->title().contains(line));
        // Closing with a typed value not added asks first.
        page->findChild<QLineEdit*>("valueLineEdit")->setText(QStringLiteral("120"));
        ui::MessageBox::setNextAnswer(false);
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        QVERIFY(ui::MessageBox::lastText().contains(line));
        ui::MessageBox::setNextAnswer(true);
        QVERIFY(window.close());
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
        // The directory opens on a worker after login (refreshInBackground): the list follows.
        QTRY_COMPARE(window->patientModel()->rowCount(), 27);
        QVERIFY(!window->loadingDirectory());
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
        QTRY_COMPARE(window->patientModel()->rowCount(), 27);
        QTRY_VERIFY(chart->hasPatient());
    }

    /// Last: it adds patients to drbob's list, which the tests above count.
    void newPatientRegistration()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::DoctorWindow window(m_t->clinic());
        window.show();
        window.refresh();
        QCOMPARE(window.patientModel()->rowCount(), 27);
        window.findChild<QAction*>("actionNewPatient")->trigger();
        auto* dialog = window.newPatientDialog();
        QVERIFY(dialog != nullptr);
        QTRY_VERIFY(dialog->isVisible());
        auto* save = dialog->findChild<QDialogButtonBox*>("buttonBox")->button(QDialogButtonBox::Save);
        auto* error = dialog->findChild<QLabel*>("errorLabel");
        // No MRN: the form says what to do.
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("Generate")));
        // A generated MRN; no name: the identity decoder's rule names the field.
        QTest::mouseClick(dialog->findChild<QPushButton*>("generateMrnPushButton"), Qt::LeftButton);
        const QString mrn = dialog->findChild<QLineEdit*>("mrnLineEdit")->text();
        QVERIFY2(QRegularExpression(QStringLiteral("^CC\\d{8}$")).match(mrn).hasMatch(), qPrintable(mrn));
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY2(error->text().contains(QStringLiteral("givenName")), qPrintable(error->text()));
        QTest::keyClicks(dialog->findChild<QLineEdit*>("givenNameLineEdit"), QStringLiteral("Nora"));
        QTest::keyClicks(dialog->findChild<QLineEdit*>("familyNameLineEdit"), QStringLiteral("Newcomer"));
        dialog->findChild<QDateEdit*>("birthDateEdit")->setDate(QDate(1988, 7, 9));
        // An MRN in use is refused.
        auto lab = services::PatientService(m_t->clinic()).identity(m_labPatient);
        QVERIFY(lab.ok());
        auto* mrnEdit = dialog->findChild<QLineEdit*>("mrnLineEdit");
        mrnEdit->setText(lab->mrn);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY2(error->text().contains(QStringLiteral("already in use")), qPrintable(error->text()));
        mrnEdit->setText(mrn);
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY(window.newPatientDialog() == nullptr);
        // Registered: on the list (the care-team link), selected, its chart open.
        QCOMPARE(window.patientModel()->rowCount(), 28);
        QTRY_VERIFY(window.chartView()->hasPatient());
        QCOMPARE(window.chartView()->patient().mrn, mrn);
        QCOMPARE(window.selectedPatientId().value_or(access::PatientId{}), window.chartView()->patientId());
        const QString firstLine = window.chartView()->patientLine();

        // The same name and birth date again: a probable duplicate, saved only when confirmed.
        window.findChild<QAction*>("actionNewPatient")->trigger();
        dialog = window.newPatientDialog();
        QVERIFY(dialog != nullptr);
        save = dialog->findChild<QDialogButtonBox*>("buttonBox")->button(QDialogButtonBox::Save);
        QTest::mouseClick(dialog->findChild<QPushButton*>("generateMrnPushButton"), Qt::LeftButton);
        QTest::keyClicks(dialog->findChild<QLineEdit*>("givenNameLineEdit"), QStringLiteral("nora "));
        QTest::keyClicks(dialog->findChild<QLineEdit*>("familyNameLineEdit"), QStringLiteral("NEWCOMER"));
        dialog->findChild<QDateEdit*>("birthDateEdit")->setDate(QDate(1988, 7, 9));
        QTest::mouseClick(save, Qt::LeftButton);
        auto* duplicate = dialog->findChild<QLabel*>("duplicateLabel");
        QTRY_VERIFY(duplicate->isVisible());
        QVERIFY2(duplicate->text().contains(firstLine), qPrintable(duplicate->text()));
        screenshot(dialog, QStringLiteral("new-patient-duplicate.png"));
        QVERIFY(window.newPatientDialog() != nullptr); // not saved
        QCOMPARE(window.patientModel()->rowCount(), 28);
        dialog->findChild<QCheckBox*>("duplicateCheckBox")->setChecked(true);
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY(window.newPatientDialog() == nullptr);
        QCOMPARE(window.patientModel()->rowCount(), 29);

        // A duplicate outside the care team is counted, never named.
        services::PatientRegistration registration(m_t->clinic());
        model::Patient again = m_carolIdentity;
        again.id = {};
        again.mrn = QStringLiteral("DUP-0002");
        auto check = registration.check(again);
        QVERIFY(check.ok());
        QVERIFY(check->duplicatesOnCareTeam.empty());
        QCOMPARE(check->duplicatesElsewhere, std::size_t{1});
        QVERIFY(!check->mrnInUse);
        auto refused = registration.registerPatient(again, false);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::AlreadyExists);
        again.mrn = m_carolIdentity.mrn;
        QVERIFY(registration.check(again)->mrnInUse);
        QCOMPARE(registration.registerPatient(again, true).error().code, ErrorCode::AlreadyExists);
    }
};

QTEST_MAIN(TestDoctorWindow)
#include "TestDoctorWindow.moc"
