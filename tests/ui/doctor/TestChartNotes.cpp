// SPDX-License-Identifier: GPL-3.0-or-later
// The chart's Notes and Attachments tabs over a real clinic: add / amend / delete notes through the
// dialog, attachments through the FileDialog seam, the image viewer, patient mode.
// With CC_WRITE_SCREENSHOTS=1 the notes tab and the viewer are also saved into docs/screenshots.
#include "core/services/AccountService.h"
#include "core/services/NoteService.h"
#include "core/services/PatientService.h"
#include "tests/ui/support/ClinicFixture.h"
#include "ui/common/BackgroundTask.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/doctor/AttachmentsPage.h"
#include "ui/doctor/ChartTableModel.h"
#include "ui/doctor/ChartView.h"
#include "ui/doctor/ImageViewerDialog.h"
#include "ui/doctor/NoteDialog.h"
#include "ui/doctor/NotesPage.h"
#include "ui/patient/PatientWindow.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using cc::testing::ClinicFixture;
using namespace cc;
using namespace cc::ui;

namespace {

/// A small line chart drawn here (no patient photo): a weight-for-age curve with axes and labels.
QImage drawChart()
{
    QImage image(640, 400, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::black, 2));
    p.drawLine(60, 340, 610, 340);
    p.drawLine(60, 340, 60, 30);
    p.setPen(QPen(QColor(0xcc, 0xcc, 0xcc), 1));
    for (int i = 1; i <= 5; ++i)
        p.drawLine(60, 340 - i * 60, 610, 340 - i * 60);
    p.setPen(Qt::black);
    p.drawText(QRect(0, 350, 640, 30), Qt::AlignCenter, QStringLiteral("age (months)"));
    p.drawText(QRect(5, 10, 200, 20), Qt::AlignLeft, QStringLiteral("weight (kg)"));
    QPainterPath curve;
    curve.moveTo(60, 320);
    for (int x = 0; x <= 550; x += 10)
        curve.lineTo(60 + x, 320 - 260.0 * (1.0 - 1.0 / (1.0 + x / 120.0)));
    p.setPen(QPen(QColor(0x1f, 0x77, 0xb4), 3));
    p.drawPath(curve);
    p.setBrush(QColor(0xd6, 0x27, 0x28));
    p.setPen(Qt::NoPen);
    for (int x : {40, 110, 200, 330, 470})
        p.drawEllipse(QPointF(60 + x, 320 - 260.0 * (1.0 - 1.0 / (1.0 + x / 120.0)) + (x % 3) * 4 - 4), 6, 6);
    return image;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestChartNotes : public QObject
{
    Q_OBJECT

    QTemporaryDir m_temp;
    QString m_shotDir;
    std::unique_ptr<ClinicFixture> m_fixture;
    access::PatientId m_patient{};

    void save(QWidget* widget, const QString& name)
    {
        QVERIFY(QTest::qWaitForWindowExposed(widget));
        QCoreApplication::processEvents();
        const QImage image = widget->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY2(image.save(QDir(m_shotDir).filePath(name)), qPrintable(name));
    }

    void addNote(NotesPage* page, const QString& title, const QString& text, bool shared)
    {
        page->setDialogHook([&](NoteDialog& d) {
            d.findChild<QLineEdit*>(QStringLiteral("titleLineEdit"))->setText(title);
            d.findChild<QPlainTextEdit*>(QStringLiteral("textPlainTextEdit"))->setPlainText(text);
            d.findChild<QCheckBox*>(QStringLiteral("sharedCheckBox"))->setChecked(shared);
            return true;
        });
        page->addNote();
    }

private slots:
    void initTestCase()
    {
        m_shotDir = qEnvironmentVariable("CC_WRITE_SCREENSHOTS") == QLatin1String("1")
                        ? QStringLiteral(CC_SCREENSHOT_DIR)
                        : m_temp.path();
        MessageBox::setTestMode(true);
    }

    void init()
    {
        m_fixture = std::make_unique<ClinicFixture>();
        QVERIFY2(m_fixture->ok(), m_fixture->error());
        QVERIFY(m_fixture->login(ClinicFixture::kDoctor, ClinicFixture::kDoctorPassword).ok());
        model::Patient p;
        p.mrn = QStringLiteral("UI-1");
        p.givenName = QStringLiteral("Ada");
        p.familyName = QStringLiteral("Example");
        p.birthDate = QStringLiteral("1980-04-02");
        auto id = services::PatientService(m_fixture->clinic()).create(p);
        QVERIFY(id.ok());
        m_patient = *id;
    }

    void cleanup()
    {
        waitForBackgroundTasks();
        m_fixture.reset();
    }

    void notesAreWrittenAmendedAndDeleted()
    {
        ChartView view(m_fixture->clinic());
        QAbstractItemModelTester tester(view.notesModel());
        view.resize(1100, 700);
        view.show();
        QVERIFY(view.load(m_patient).ok());
        NotesPage* page = view.notesPage();
        QVERIFY(!page->findChild<QPushButton*>(QStringLiteral("addButton"))->isHidden());

        // An empty note cannot be saved: the dialog says why and keeps Save disabled.
        bool saveEnabled = true;
        QString problem;
        page->setDialogHook([&](NoteDialog& d) {
            d.findChild<QLineEdit*>(QStringLiteral("titleLineEdit"))->setText(QStringLiteral("No text"));
            saveEnabled = d.findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"))
                              ->button(QDialogButtonBox::Save)
                              ->isEnabled();
            problem = d.problem();
            return true; // as if Save were pressed anyway: the page must still refuse
        });
        page->addNote();
        QVERIFY(!saveEnabled);
        QCOMPARE(problem, QStringLiteral("Write the note's text."));
        QCOMPARE(view.notesModel()->rowCount(), 0);

        addNote(page, QStringLiteral("Follow-up"), QStringLiteral("Blood pressure 128/82, continue."), true);
        addNote(page, QString(), QStringLiteral("Private remark for colleagues."), false);
        QCOMPARE(view.notesModel()->rowCount(), 2);
        QCOMPARE(page->errorText(), QString());
        // Both notes carry the same time (ManualClock): find the rows by title, not by position.
        auto rowOf = [&](const QString& title) {
            for (int row = 0; row < view.notesModel()->rowCount(); ++row)
                if (view.notesModel()->index(row, 2).data().toString() == title)
                    return row;
            return -1;
        };
        const QString followUp = QStringLiteral("Follow-up");
        QVERIFY(rowOf(followUp) >= 0);
        page->selectRow(rowOf(followUp));
        QCOMPARE(page->shownText(), QStringLiteral("Blood pressure 128/82, continue."));
        QCOMPARE(view.notesModel()->index(rowOf(followUp), 3).data().toString(), QStringLiteral("yes"));
        QCOMPARE(view.notesModel()->index(rowOf(followUp), 1).data().toString(),
                 QString::fromLatin1(ClinicFixture::kDoctor));

        // Amend: the dialog opens with the note and the sharing flag changes.
        page->setDialogHook([](NoteDialog& d) {
            if (d.findChild<QPlainTextEdit*>(QStringLiteral("textPlainTextEdit"))->toPlainText().isEmpty())
                return false;
            d.findChild<QCheckBox*>(QStringLiteral("sharedCheckBox"))->setChecked(false);
            return true;
        });
        page->selectRow(rowOf(followUp));
        page->editNote();
        QCOMPARE(view.notesModel()->index(rowOf(followUp), 3).data().toString(), QStringLiteral("no"));

        MessageBox::setNextAnswer(false);
        page->selectRow(rowOf(followUp));
        page->deleteNote();
        QCOMPARE(view.notesModel()->rowCount(), 2);
        MessageBox::setNextAnswer(true);
        page->selectRow(rowOf(followUp));
        page->deleteNote();
        QCOMPARE(view.notesModel()->rowCount(), 1);
        QCOMPARE(rowOf(followUp), -1);
    }

    void patientWindowShowsSharedNotesOnlyAndNoButtons()
    {
        services::NoteService notes(m_fixture->clinic());
        model::ClinicalNote shared;
        shared.title = QStringLiteral("Visit summary");
        shared.text = QStringLiteral("Your results are fine.");
        shared.sharedWithPatient = true;
        QVERIFY(notes.add(m_patient, shared).ok());
        model::ClinicalNote hidden;
        hidden.text = QStringLiteral("Not for the portal.");
        QVERIFY(notes.add(m_patient, hidden).ok());
        m_fixture->clinic().logout();
        QVERIFY(m_fixture->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword).ok());
        services::Sponsor sponsor{ClinicFixture::kDoctor,
                                  crypto::SecureBytes(cc::testing::bytesOf(ClinicFixture::kDoctorPassword))};
        QVERIFY(services::AccountService(m_fixture->clinic())
                    .createPatientAccount("patient1", "UI-1", cc::testing::bytesOf("patient password 1"), &sponsor)
                    .ok());
        m_fixture->clinic().logout();
        QVERIFY(m_fixture->login("patient1", "patient password 1").ok());
        QVERIFY(m_fixture->clinic().changeOwnPassword(cc::testing::bytesOf("patient password 2")).ok());
        PatientWindow w(m_fixture->clinic());
        w.show();
        w.refresh();
        ChartView* chart = w.chartView();
        QCOMPARE(chart->notesModel()->rowCount(), 1);
        QCOMPARE(chart->notesModel()->index(0, 2).data().toString(), QStringLiteral("Visit summary"));
        QVERIFY(chart->notesPage()->findChild<QPushButton*>(QStringLiteral("addButton"))->isHidden());
        QVERIFY(chart->notesPage()->findChild<QPushButton*>(QStringLiteral("deleteButton"))->isHidden());
        QVERIFY(chart->attachmentsPage()->findChild<QPushButton*>(QStringLiteral("addButton"))->isHidden());
        QCOMPARE(chart->notesPage()->errorText(), QString());
    }

    void attachmentsAreAddedShownAndSaved()
    {
        const QString png = m_temp.filePath(QStringLiteral("growth-chart.png"));
        const QImage chartImage = drawChart();
        QVERIFY(chartImage.save(png));
        ChartView view(m_fixture->clinic());
        view.resize(1100, 700);
        view.show();
        QVERIFY(view.load(m_patient).ok());
        AttachmentsPage* page = view.attachmentsPage();
        QAbstractItemModelTester tester(page->model());

        FileDialog::setNextOpenFileName(png);
        page->addFile(); // encrypts on the GUI thread under a modal progress dialog, then returns
        QVERIFY(!page->busy());
        QCOMPARE(page->errorText(), QString());
        QCOMPARE(page->model()->rowCount(), 1);
        QCOMPARE(page->model()->index(0, 0).data().toString(), QStringLiteral("growth-chart.png"));
        QCOMPARE(page->model()->index(0, 1).data().toString(), QStringLiteral("image/png"));

        // A file type the service refuses: the reason is shown, nothing is added.
        const QString text = m_temp.filePath(QStringLiteral("notes.txt"));
        QFile t(text);
        QVERIFY(t.open(QIODevice::WriteOnly) && t.write("plain text") > 0);
        t.close();
        FileDialog::setNextOpenFileName(text);
        page->addFile();
        QVERIFY(!page->busy());
        QVERIFY(!page->errorText().isEmpty());
        QCOMPARE(page->model()->rowCount(), 1);

        page->selectRow(0);
        bool shown = false;
        page->setViewerHook([&](ImageViewerDialog& viewer) {
            shown = true;
            QCOMPARE(viewer.image().size(), chartImage.size());
            viewer.resize(520, 380);
            viewer.show();
            QVERIFY(QTest::qWaitForWindowExposed(&viewer));
            QCoreApplication::processEvents();
            // Fit to the window: smaller than the image; full size: the image's own size.
            QVERIFY(viewer.shownSize().width() < chartImage.width());
            QVERIFY(viewer.shownSize().width() > chartImage.width() / 2);
            save(&viewer, QStringLiteral("attachment-viewer.png"));
            viewer.setFitToWindow(false);
            QCOMPARE(viewer.shownSize(), chartImage.size());
        });
        page->openSelected();
        QVERIFY(shown);

        const QString out = m_temp.filePath(QStringLiteral("saved.png"));
        FileDialog::setNextSaveFileName(out);
        page->saveSelected();
        QCOMPARE(readAll(out), readAll(png));

        MessageBox::setNextAnswer(true);
        page->selectRow(0);
        page->deleteSelected();
        QCOMPARE(page->model()->rowCount(), 0);
    }

    void notesTabScreenshot()
    {
        services::NoteService notes(m_fixture->clinic());
        const struct
        {
            const char* title;
            const char* text;
            bool shared;
        } rows[] = {{"Initial visit", "Fatigue for three weeks. Labs ordered: CBC, TSH, ferritin.", true},
                    {"Results", "Ferritin low (9 ng/mL). Start oral iron, recheck in 8 weeks.", true},
                    {"Colleague note", "Consider coeliac screening if no response to iron.", false}};
        for (const auto& r : rows) {
            model::ClinicalNote n;
            n.title = QString::fromLatin1(r.title);
            n.text = QString::fromLatin1(r.text);
            n.sharedWithPatient = r.shared;
            QVERIFY(notes.add(m_patient, n).ok());
            m_fixture->clock().advance(std::chrono::minutes(3)); // within the idle timeout
        }
        ChartView view(m_fixture->clinic());
        view.resize(1100, 640);
        view.show();
        QVERIFY(view.load(m_patient).ok());
        view.showTab(ChartView::Tab::Notes);
        view.notesPage()->selectRow(1);
        save(&view, QStringLiteral("doctor-chart-notes.png"));
    }
};

QTEST_MAIN(TestChartNotes)
#include "TestChartNotes.moc"
