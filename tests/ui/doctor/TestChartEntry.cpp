// SPDX-License-Identifier: GPL-3.0-or-later
// The chart's entry forms and the patient's research consent control, driven by object name over a
// real clinic; writes the screenshots of docs/GUI.md (medication dialog, research consent).
#include "core/model/CodeSystem.h"
#include "core/services/AccountService.h"
#include "core/services/ClinicalEntryService.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"
#include "tests/support/TestClinic.h"
#include "ui/common/MessageBox.h"
#include "ui/doctor/ChartEntryBar.h"
#include "ui/doctor/ChartTableModel.h"
#include "ui/doctor/ChartView.h"
#include "ui/doctor/ObservationsPage.h"
#include "ui/patient/PatientWindow.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace cc;
using test::TestClinic;

namespace {

constexpr const char* kPatientUser = "pat.ada";
constexpr const char* kPatientPassword = "pat-ada-password-1";

void click(QWidget* parent, const char* name)
{
    auto* button = parent->findChild<QAbstractButton*>(name);
    QVERIFY2(button != nullptr, name);
    QVERIFY2(button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}

void type(QWidget* parent, const char* name, const QString& text)
{
    auto* edit = parent->findChild<QLineEdit*>(name);
    QVERIFY2(edit != nullptr, name);
    edit->clear();
    QTest::keyClicks(edit, text);
}

/// Clicks a check box on its indicator (a click in the middle of a wide box may miss its text).
void toggle(QWidget* parent, const char* name)
{
    auto* box = parent->findChild<QCheckBox*>(name);
    QVERIFY2(box != nullptr, name);
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
}

void save(QDialog* dialog)
{
    // A completer's popup (the coded-entry search) closes as a click elsewhere would close it.
    for (auto* completer : dialog->findChildren<QCompleter*>())
        completer->popup()->hide();
    auto* box = dialog->findChild<QDialogButtonBox*>("buttonBox");
    QTest::mouseClick(box->button(QDialogButtonBox::Save), Qt::LeftButton);
}

QString errorOf(QWidget* parent)
{
    auto* label = parent->findChild<QLabel*>("errorLabel");
    return label != nullptr && label->isVisibleTo(parent) ? label->text() : QString();
}

/// Writes a screenshot into docs/screenshots with CC_WRITE_SCREENSHOTS=1, else into a temporary folder.
void screenshot(QWidget* widget, const QString& name)
{
    const bool write = qEnvironmentVariableIntValue("CC_WRITE_SCREENSHOTS") == 1;
    const QString dir = write ? QStringLiteral(CC_SCREENSHOT_DIR) : QDir::tempPath();
    widget->adjustSize();
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget));
    const QImage image = widget->grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(QDir(dir).filePath(name)));
}

/// The same, with an open popup (a separate window) painted where it shows over the dialog.
void screenshotWithPopup(QWidget* dialog, QWidget* popup, const QString& name)
{
    const bool write = qEnvironmentVariableIntValue("CC_WRITE_SCREENSHOTS") == 1;
    const QString dir = write ? QStringLiteral(CC_SCREENSHOT_DIR) : QDir::tempPath();
    QVERIFY(popup->isVisible());
    const QImage base = dialog->grab().toImage();
    const QPoint at = dialog->mapFromGlobal(popup->mapToGlobal(QPoint(0, 0)));
    const QImage over = popup->grab().toImage();
    QImage image(base.width(), std::max(base.height(), at.y() + over.height()), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.drawImage(0, 0, base);
    painter.drawImage(at, over);
    painter.end();
    QVERIFY(image.save(QDir(dir).filePath(name)));
}

} // namespace

class TestChartEntry : public QObject
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
        ui::MessageBox::setTestMode(true);
        auto t = TestClinic::create();
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
        m_t = std::move(t).value();
        loginAs(test::kDoctor, test::kDoctorPassword);
        model::Patient p;
        p.mrn = QStringLiteral("MRN-ADA");
        p.givenName = QStringLiteral("Ada");
        p.familyName = QStringLiteral("Lovelace");
        p.birthDate = QStringLiteral("1970-05-01");
        p.sex = model::Sex::Female;
        auto id = services::PatientService(m_t->clinic()).create(p);
        QVERIFY(id.ok());
        m_patient = *id;
    }

    void cleanupTestCase() { m_t.reset(); }

    void medicationDialogValidatesInlineAndStores()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::ChartView view(m_t->clinic());
        QAbstractItemModelTester tester(view.medicationsModel());
        QVERIFY(view.load(m_patient).ok());
        view.showTab(ui::ChartView::Tab::Medications);
        ui::ChartEntryBar* bar = view.entryBar(ui::ChartView::Tab::Medications);
        QVERIFY(bar != nullptr);
        click(bar, "addPushButton");
        QDialog* dialog = bar->currentDialog();
        QVERIFY(dialog != nullptr);

        // A code that is not an RxNorm id: refused by the form, nothing stored.
        type(dialog, "codeLineEdit", QStringLiteral("RX-860975"));
        type(dialog, "displayLineEdit", QStringLiteral("Metformin 500 MG Oral Tablet"));
        save(dialog);
        QVERIFY(errorOf(dialog).contains(QStringLiteral("RxNorm")));
        QVERIFY(dialog->isVisible());

        // Stop before start: the service's rule, its field named inline.
        type(dialog, "codeLineEdit", QStringLiteral("860975"));
        dialog->findChild<QDateEdit*>("startDateEdit")->setDate(QDate(2020, 3, 1));
        toggle(dialog, "stoppedCheckBox");
        dialog->findChild<QDateEdit*>("stopDateEdit")->setDate(QDate(2019, 1, 1));
        type(dialog, "dosageLineEdit", QStringLiteral("500 mg twice a day"));
        save(dialog);
        QVERIFY2(errorOf(dialog).contains(QStringLiteral("medication.stop")), qPrintable(errorOf(dialog)));
        QCOMPARE(view.medicationsModel()->rowCount(), 0);
        screenshot(dialog, QStringLiteral("medication-dialog.png"));

        toggle(dialog, "stoppedCheckBox");
        save(dialog);
        QTRY_VERIFY(bar->currentDialog() == nullptr);
        QCOMPARE(view.medicationsModel()->rowCount(), 1);
        auto stored = services::ClinicalEntryService(m_t->clinic()).medications(m_patient);
        QCOMPARE(stored->front().start, QStringLiteral("2020-03-01"));
        QCOMPARE(stored->front().dosage, QStringLiteral("500 mg twice a day"));
        QCOMPARE(stored->front().status, QStringLiteral("active"));

        // Edit: the dialog opens with the stored values; the change is saved.
        auto* table = view.findChild<QTableView*>("medicationsTableView");
        table->setCurrentIndex(table->model()->index(0, 0));
        click(bar, "editPushButton");
        dialog = bar->currentDialog();
        QVERIFY(dialog != nullptr);
        QCOMPARE(dialog->findChild<QLineEdit*>("codeLineEdit")->text(), QStringLiteral("860975"));
        type(dialog, "dosageLineEdit", QStringLiteral("1000 mg once a day"));
        dialog->findChild<QComboBox*>("statusComboBox")->setCurrentText(QStringLiteral("on-hold"));
        save(dialog);
        QTRY_VERIFY(bar->currentDialog() == nullptr);
        stored = services::ClinicalEntryService(m_t->clinic()).medications(m_patient);
        QCOMPARE(stored->front().dosage, QStringLiteral("1000 mg once a day"));
        QCOMPARE(stored->front().status, QStringLiteral("on-hold"));

        // Remove asks first: "no" keeps the row, "yes" removes it.
        table->setCurrentIndex(table->model()->index(0, 0));
        ui::MessageBox::setNextAnswer(false);
        click(bar, "removePushButton");
        QCOMPARE(view.medicationsModel()->rowCount(), 1);
        table->setCurrentIndex(table->model()->index(0, 0));
        ui::MessageBox::setNextAnswer(true);
        click(bar, "removePushButton");
        QCOMPARE(view.medicationsModel()->rowCount(), 0);
    }

    void problemAndAllergyDialogs()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::ChartView view(m_t->clinic());
        QVERIFY(view.load(m_patient).ok());
        ui::ChartEntryBar* problems = view.entryBar(ui::ChartView::Tab::Problems);
        click(problems, "addPushButton");
        QDialog* dialog = problems->currentDialog();
        auto* system = dialog->findChild<QComboBox*>("systemComboBox");
        system->setCurrentIndex(system->findData(QString::fromLatin1(model::codesystem::kIcd10)));
        type(dialog, "codeLineEdit", QStringLiteral("diabetes"));
        type(dialog, "displayLineEdit", QStringLiteral("Type 2 diabetes mellitus"));
        save(dialog);
        QVERIFY(errorOf(dialog).contains(QStringLiteral("ICD-10")));
        type(dialog, "codeLineEdit", QStringLiteral("E11.9"));
        dialog->findChild<QDateEdit*>("onsetDateEdit")->setDate(QDate(2019, 3, 4));
        save(dialog);
        QTRY_VERIFY(problems->currentDialog() == nullptr);
        QCOMPARE(view.problemsModel()->rowCount(), 1);
        QCOMPARE(view.problemsModel()->index(0, 1).data().toString(), QStringLiteral("E11.9"));

        ui::ChartEntryBar* allergies = view.entryBar(ui::ChartView::Tab::Allergies);
        click(allergies, "addPushButton");
        dialog = allergies->currentDialog();
        system = dialog->findChild<QComboBox*>("systemComboBox");
        system->setCurrentIndex(system->findData(QString::fromLatin1(model::codesystem::kSnomed)));
        type(dialog, "codeLineEdit", QStringLiteral("91936005"));
        type(dialog, "displayLineEdit", QStringLiteral("Allergy to penicillin"));
        type(dialog, "reactionLineEdit", QStringLiteral("Skin rash"));
        save(dialog);
        QVERIFY(errorOf(dialog).contains(QStringLiteral("reaction")));
        type(dialog, "reactionCodeLineEdit", QStringLiteral("271807003"));
        dialog->findChild<QComboBox*>("criticalityComboBox")->setCurrentText(QStringLiteral("high"));
        save(dialog);
        QTRY_VERIFY(allergies->currentDialog() == nullptr);
        auto stored = services::ClinicalEntryService(m_t->clinic()).allergies(m_patient);
        QCOMPARE(stored->size(), std::size_t{1});
        QCOMPARE(stored->front().criticality, QStringLiteral("high"));
        QCOMPARE(stored->front().reactions.front().code, QStringLiteral("271807003"));

        // Read-only (the patient's window) hides every entry bar.
        view.setReadOnly(true);
        QVERIFY(!problems->isVisibleTo(&view));
        QVERIFY(!allergies->isVisibleTo(&view));
    }

    /// Coded entry with search: typing offers the bundled code list, a pick codes the entry, editing
    /// the name afterwards drops the code, and an entry nobody coded is stored as free text.
    void codedEntrySearch()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        ui::ChartView view(m_t->clinic());
        QVERIFY(view.load(m_patient).ok());
        ui::ChartEntryBar* problems = view.entryBar(ui::ChartView::Tab::Problems);
        const std::size_t before = services::ClinicalEntryService(m_t->clinic()).conditions(m_patient)->size();
        click(problems, "addPushButton");
        QDialog* dialog = problems->currentDialog();
        QVERIFY(dialog != nullptr);
        auto* display = dialog->findChild<QLineEdit*>("displayLineEdit");
        auto* code = dialog->findChild<QLineEdit*>("codeLineEdit");
        auto* system = dialog->findChild<QComboBox*>("systemComboBox");
        auto* status = dialog->findChild<QLabel*>("codingStatusLabel");
        QVERIFY(display != nullptr && code != nullptr && system != nullptr && status != nullptr);
        QVERIFY(!code->isEnabled()); // a new problem starts as free text

        type(dialog, "displayLineEdit", QStringLiteral("essent hypert"));
        QCompleter* completer = display->completer();
        QVERIFY(completer != nullptr);
        QVERIFY(completer->completionModel()->rowCount() >= 1);
        const QModelIndex first = completer->completionModel()->index(0, 0);
        QVERIFY2(first.data().toString().contains(QStringLiteral("I10")), qPrintable(first.data().toString()));
        screenshotWithPopup(dialog, completer->popup(), QStringLiteral("coded-entry-search.png"));
        emit completer->activated(first);
        QTRY_COMPARE(display->text(), QStringLiteral("Essential (primary) hypertension"));
        QCOMPARE(code->text(), QStringLiteral("I10"));
        QCOMPARE(system->currentData().toString(), QString::fromLatin1(model::codesystem::kIcd10Cm));
        QVERIFY2(status->text().contains(QStringLiteral("ICD-10-CM I10")), qPrintable(status->text()));

        // Editing the name after the pick drops the code: it would no longer name this text.
        QTest::keyClicks(display, QStringLiteral(", stage 1"));
        QVERIFY(code->text().isEmpty());
        QVERIFY(system->currentData().toString().isEmpty());
        QVERIFY(status->text().contains(QStringLiteral("uncoded")));

        // Picked again and saved: stored coded.
        type(dialog, "displayLineEdit", QStringLiteral("essential hypertension"));
        emit completer->activated(completer->completionModel()->index(0, 0));
        QTRY_COMPARE(code->text(), QStringLiteral("I10"));
        save(dialog);
        QTRY_VERIFY(problems->currentDialog() == nullptr);
        auto stored = services::ClinicalEntryService(m_t->clinic()).conditions(m_patient);
        QCOMPARE(stored->size(), before + 1);
        const auto coded = std::find_if(stored->begin(), stored->end(),
                                        [](const model::Condition& c) { return c.code == QLatin1String("I10"); });
        QVERIFY(coded != stored->end());
        QCOMPARE(coded->codeSystem, QString::fromLatin1(model::codesystem::kIcd10Cm));
        QCOMPARE(coded->display, QStringLiteral("Essential (primary) hypertension"));

        // Free text: stored with neither system nor code.
        click(problems, "addPushButton");
        dialog = problems->currentDialog();
        type(dialog, "displayLineEdit", QStringLiteral("Worried about memory lapses"));
        save(dialog);
        QTRY_VERIFY(problems->currentDialog() == nullptr);
        stored = services::ClinicalEntryService(m_t->clinic()).conditions(m_patient);
        const auto uncoded = std::find_if(stored->begin(), stored->end(), [](const model::Condition& c) {
            return c.display == QLatin1String("Worried about memory lapses");
        });
        QVERIFY(uncoded != stored->end());
        QVERIFY(uncoded->code.isEmpty());
        QVERIFY(uncoded->codeSystem.isEmpty());

        // Medications search RxNorm (one fixed system): a pick fills the RXCUI.
        ui::ChartEntryBar* medications = view.entryBar(ui::ChartView::Tab::Medications);
        click(medications, "addPushButton");
        dialog = medications->currentDialog();
        type(dialog, "displayLineEdit", QStringLiteral("ibuprofen 100"));
        completer = dialog->findChild<QLineEdit*>("displayLineEdit")->completer();
        QVERIFY(completer->completionModel()->rowCount() >= 1);
        emit completer->activated(completer->completionModel()->index(0, 0));
        QTRY_COMPARE(dialog->findChild<QLineEdit*>("codeLineEdit")->text(), QStringLiteral("198405"));
        // Closing with typed input asks first: "no" keeps the dialog and what was typed.
        ui::MessageBox::setNextAnswer(false);
        dialog->reject();
        QCOMPARE(medications->currentDialog(), dialog);
        QCOMPARE(dialog->findChild<QLineEdit*>("codeLineEdit")->text(), QStringLiteral("198405"));
        ui::MessageBox::setNextAnswer(true);
        dialog->reject();
        QTRY_VERIFY(medications->currentDialog() == nullptr);
        // Nothing typed: it closes without a question.
        click(medications, "addPushButton");
        dialog = medications->currentDialog();
        QVERIFY(dialog != nullptr);
        dialog->reject();
        QTRY_VERIFY(medications->currentDialog() == nullptr);
    }

    void observationEditAndDelete()
    {
        loginAs(test::kDoctor, test::kDoctorPassword);
        services::ObservationService service(m_t->clinic());
        for (auto [when, kg] : {std::pair{"2021-01-01T09:00:00Z", 70.0}, std::pair{"2022-01-01T09:00:00Z", 72.0}}) {
            model::Observation o;
            o.codeSystem = QString::fromLatin1(model::codesystem::kLoinc);
            o.code = QStringLiteral("29463-7");
            o.display = QStringLiteral("Body weight");
            o.effective = QString::fromLatin1(when);
            o.value = kg;
            o.unit = QStringLiteral("kg");
            QVERIFY(service.add(m_patient, o).ok());
        }
        ui::ChartView view(m_t->clinic());
        QVERIFY(view.load(m_patient).ok());
        ui::ObservationsPage* page = view.observationsPage();
        page->selectCode(QStringLiteral("29463-7"));
        auto* rows = page->findChild<QTableView*>("observationsTableView");
        QCOMPARE(page->observationsModel()->rowCount(), 2);
        rows->setCurrentIndex(rows->model()->index(0, 0)); // newest first: 2022, 72 kg
        click(page, "editObservationPushButton");
        QCOMPARE(page->findChild<QLineEdit*>("valueLineEdit")->text(), QStringLiteral("72"));
        QCOMPARE(page->findChild<QPushButton*>("addPushButton")->text(), QStringLiteral("&Save"));
        // Out of the catalogue's range: the service's message, nothing changed.
        type(page, "valueLineEdit", QStringLiteral("9000"));
        click(page, "addPushButton");
        QVERIFY(errorOf(page).startsWith(QStringLiteral("Not saved")));
        type(page, "valueLineEdit", QStringLiteral("71.5"));
        click(page, "addPushButton");
        QVERIFY(errorOf(page).isEmpty());
        auto list = service.list(m_patient, QStringLiteral("29463-7"));
        QCOMPARE(list->size(), std::size_t{2});
        QCOMPARE(*list->back().observation.value, 71.5);
        QVERIFY(list->back().latest);
        QCOMPARE(page->findChild<QPushButton*>("addPushButton")->text(), QStringLiteral("&Add"));

        rows->setCurrentIndex(rows->model()->index(0, 0));
        ui::MessageBox::setNextAnswer(true);
        click(page, "deleteObservationPushButton");
        list = service.list(m_patient, QStringLiteral("29463-7"));
        QCOMPARE(list->size(), std::size_t{1});
        QVERIFY(list->front().latest);
        QCOMPARE(page->observationsModel()->rowCount(), 1);
    }

    void patientResearchConsentControl()
    {
        loginAs(test::kAdmin, test::kAdminPassword);
        services::Sponsor sponsor{test::kDoctor, test::secret(test::kDoctorPassword)};
        QVERIFY(services::AccountService(m_t->clinic())
                    .createPatientAccount(kPatientUser, "MRN-ADA", test::bytes("pat-ada-temporary-1"), &sponsor)
                    .ok());
        loginAs(kPatientUser, "pat-ada-temporary-1");
        QVERIFY(m_t->clinic().changeOwnPassword(test::bytes(kPatientPassword)).ok());

        ui::PatientWindow window(m_t->clinic());
        window.refresh();
        auto* box = window.findChild<QCheckBox*>("researchConsentCheckBox");
        QVERIFY(box != nullptr);
        QVERIFY(box->isEnabled());
        QVERIFY(box->isChecked()); // not opted out by default
        // The entry forms are not offered to a patient.
        QVERIFY(!window.chartView()->entryBar(ui::ChartView::Tab::Medications)->isVisibleTo(window.chartView()));

        // Declining the confirmation changes nothing.
        ui::MessageBox::setNextAnswer(false);
        toggle(&window, "researchConsentCheckBox");
        QVERIFY(box->isChecked());
        QVERIFY(!services::PatientService(m_t->clinic()).chart(m_patient)->patient.researchOptOut);

        ui::MessageBox::setNextAnswer(true);
        toggle(&window, "researchConsentCheckBox");
        QVERIFY(!box->isChecked());
        QVERIFY(ui::MessageBox::lastText().contains(QStringLiteral("research")));
        // Requested through the portal: the record changes when a doctor's session applies it, and
        // no report runs before (docs/PORTAL.md); the window says so.
        QVERIFY(!services::PatientService(m_t->clinic()).chart(m_patient)->patient.researchOptOut);
        auto* status = window.findChild<QLabel*>("researchStatusLabel");
        QVERIFY2(status->text().contains(QStringLiteral("asked to opt out")), qPrintable(status->text()));

        auto* tabs = window.findChild<QTabWidget*>("patientTabWidget");
        tabs->setCurrentWidget(window.findChild<QWidget*>("researchTab"));
        screenshot(&window, QStringLiteral("patient-research-consent.png"));

        // A doctor's login applies it; the patient's window then shows it as recorded.
        loginAs(test::kDoctor, test::kDoctorPassword);
        loginAs(kPatientUser, kPatientPassword);
        window.refresh();
        QVERIFY(services::PatientService(m_t->clinic()).chart(m_patient)->patient.researchOptOut);
        QVERIFY(!box->isChecked());
        QVERIFY(status->text().contains(QStringLiteral("opted out")));

        window.clearSensitiveData();
        QVERIFY(!box->isEnabled());
    }
};

QTEST_MAIN(TestChartEntry)
#include "TestChartEntry.moc"
