// SPDX-License-Identifier: GPL-3.0-or-later
// The administrator's reports workbench over a real clinic (ACTG 315 imported, the administrator is
// the sole custodian of the 2048-bit fixture report key): the builder's summary and its refusal of
// an incomplete spec, a run saved in the report folder (state "shares 0 of 1", one audit event),
// the custodian's dialog naming what is decrypted, publication, the published view against the
// dataset's README figures, CSV and PDF exports, a custodian refusing a substituted cell, a tampered
// file refused on opening, backups and reports opened as files, and the home page's counter.
#include "core/audit/AuditEvent.h"
#include "core/crypto/Ed25519PrivateKey.h"
#include "core/reports/ReportFile.h"
#include "core/services/BackupService.h"
#include "core/services/ImportService.h"
#include "db/SqlReportStore.h"
#include "tests/ui/admin/AdminTestSupport.h"
#include "tests/ui/support/ClinicFixture.h"
#include "ui/admin/AdminHomeView.h"
#include "ui/admin/AdminWindow.h"
#include "ui/admin/BackupView.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/reports/DecryptShareDialog.h"
#include "ui/reports/ReportCellModel.h"
#include "ui/reports/ReportPdf.h"
#include "ui/reports/ReportView.h"
#include "ui/reports/ReportsPage.h"

#include <QAbstractItemModelTester>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using cc::testing::ClinicFixture;
using namespace cc;
using namespace cc::ui;
using cc::testing::labelText;
using cc::testing::readAll;

namespace {

const QString kData = QStringLiteral(CC_TEST_DATA_DIR);

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

std::vector<std::uint8_t> bytesOf(const QByteArray& a)
{
    return {a.begin(), a.end()};
}

} // namespace

class TestReportsWorkbench : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClinicFixture> m_fixture;
    std::unique_ptr<AdminWindow> m_window;
    QTemporaryDir m_tmp;

    /// Lets the charts lay out (posted layout requests), then writes the screenshot.
    static bool shot(QWidget* widget, const QString& name)
    {
        widget->show();
        QTest::qWait(150);
        return testing::adminScreenshot(widget, name);
    }

    QString folder() const { return m_tmp.filePath(QStringLiteral("reports")); }
    ReportsPage* page() const { return m_window->reportsPage(); }

    ReportsAccess access()
    {
        ReportsAccess a;
        auto* store = &m_fixture->store();
        a.openStore = [store]() -> std::unique_ptr<ports::ReportStore> {
            return std::make_unique<db::SqlReportStore>(store->database());
        };
        a.folder = folder();
        return a;
    }

    void loginAdmin()
    {
        m_fixture->clinic().logout();
        auto s = m_fixture->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().describe().c_str());
    }

    void openWindow()
    {
        m_window = std::make_unique<AdminWindow>(m_fixture->clinic());
        m_window->setReportsAccess(access());
        m_window->resize(1280, 900);
        m_window->show();
        m_window->showPage(AdminWindow::Page::Reports);
    }

    /// Fills the builder: CD4 (found by searching "CD4"), each patient's latest value, quality.
    void buildCd4Latest(const QString& title)
    {
        auto* search = page()->findChild<QLineEdit*>(QStringLiteral("measureSearchLineEdit"));
        auto* list = page()->findChild<QListWidget*>(QStringLiteral("measuresListWidget"));
        page()->findChild<QLineEdit*>(QStringLiteral("titleLineEdit"))->setText(title);
        search->setText(QStringLiteral("24467-3"));
        int visible = 0;
        for (int i = 0; i < list->count(); ++i)
            if (!list->item(i)->isHidden()) {
                ++visible;
                list->item(i)->setCheckState(Qt::Checked);
            }
        QCOMPARE(visible, 1);
        auto* purpose = page()->findChild<QComboBox*>(QStringLiteral("purposeComboBox"));
        purpose->setCurrentIndex(purpose->findData(QStringLiteral("quality")));
        auto* selection = page()->findChild<QComboBox*>(QStringLiteral("selectionComboBox"));
        selection->setCurrentIndex(selection->findData(QStringLiteral("latest")));
    }

    /// Runs the builder's report; returns the path of the encrypted file.
    QString run()
    {
        const int before = page()->list()->rowCount();
        const QStringList earlier = QDir(folder()).entryList({QStringLiteral("*.ccrep")}, QDir::Files);
        MessageBox::setNextAnswer(true);
        page()->findChild<QPushButton*>(QStringLiteral("runPushButton"))->click();
        if (page()->list()->rowCount() != before + 1)
            return {};
        for (const QString& name : QDir(folder()).entryList({QStringLiteral("*.ccrep")}, QDir::Files))
            if (!earlier.contains(name))
                return QDir(folder()).filePath(name);
        return {};
    }

    int rowOf(const QString& path)
    {
        const QString id = QFileInfo(path).fileName().section(QLatin1Char('.'), 0, 0);
        for (int r = 0; r < page()->list()->rowCount(); ++r)
            if (page()->list()->item(r, 4)->text() == id)
                return r;
        return -1;
    }

    DecryptShareDialog* openDecryptDialog(const QString& path)
    {
        page()->list()->selectRow(rowOf(path));
        auto* button = page()->findChild<QPushButton*>(QStringLiteral("decryptPushButton"));
        if (!button->isEnabled())
            return nullptr;
        button->click();
        return page()->findChild<DecryptShareDialog*>();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        MessageBox::setTestMode(true);
        m_fixture = std::make_unique<ClinicFixture>();
        QVERIFY2(m_fixture->ok(), m_fixture->error());
        auto s = m_fixture->login(ClinicFixture::kDoctor, ClinicFixture::kDoctorPassword);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().describe().c_str());
        auto imported =
            services::ImportService(m_fixture->clinic()).importActg315(kData + QStringLiteral("/actg315/ACTG315.csv"));
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().describe().c_str());
        loginAdmin();
        openWindow();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_fixture.reset();
    }

    void builderSaysWhatIsMissingAndDescribesTheCohort()
    {
        auto* summary = page()->findChild<QLabel*>(QStringLiteral("summaryLabel"));
        auto* runButton = page()->findChild<QPushButton*>(QStringLiteral("runPushButton"));
        // Nothing chosen: the core's validation names the missing field and Run stays disabled.
        QVERIFY2(summary->text().contains(QStringLiteral("Not a complete report yet")), qPrintable(summary->text()));
        QVERIFY(!runButton->isEnabled());
        buildCd4Latest(QStringLiteral("CD4 latest per patient"));
        QVERIFY(runButton->isEnabled());
        QVERIFY2(summary->text().contains(QStringLiteral("24467-3")), qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(QStringLiteral("latest value")), qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(QStringLiteral("Everyone is included")), qPrintable(summary->text()));
        // Grouping by year needs a year range: the core refuses and the summary says so.
        auto* group = page()->findChild<QComboBox*>(QStringLiteral("groupBy1ComboBox"));
        group->setCurrentIndex(group->findData(QStringLiteral("year")));
        QVERIFY2(summary->text().contains(QStringLiteral("Not a complete report yet")), qPrintable(summary->text()));
        QVERIFY(!runButton->isEnabled());
        group->setCurrentIndex(0);
        QVERIFY(runButton->isEnabled());
        // Condition codes: validated by the core (the bad one named), described in words.
        auto* conditions = page()->findChild<QLineEdit*>(QStringLiteral("conditionsLineEdit"));
        QVERIFY(conditions != nullptr);
        conditions->setText(QStringLiteral("44054006, 0123"));
        QVERIFY2(summary->text().contains(QStringLiteral("filters.conditions[1].code")), qPrintable(summary->text()));
        QVERIFY(!runButton->isEnabled());
        conditions->setText(QStringLiteral("44054006 15777000"));
        QVERIFY(runButton->isEnabled());
        QVERIFY2(summary->text().contains(QStringLiteral("SNOMED CT 15777000 or SNOMED CT 44054006")),
                 qPrintable(summary->text()));
        conditions->clear();
        QVERIFY(adminScreenshotOfBuilder());
    }

    void runDecryptPublishAndView()
    {
        const QString path = run();
        QVERIFY2(!path.isEmpty(), qPrintable(labelText(page(), "statusLabel")));
        const int row = rowOf(path);
        QVERIFY(row >= 0);
        QCOMPARE(page()->list()->item(row, 3)->text(), QStringLiteral("encrypted — shares 0 of 1"));
        // The run is one audit event naming the report.
        const QString id = QFileInfo(path).fileName().section(QLatin1Char('.'), 0, 0);
        int runs = 0;
        for (const auto& e : testing::eventsStartingWith(m_fixture->clinic(), "encrypted report run"))
            runs += e.objectId == id.toStdString() ? 1 : 0;
        QCOMPARE(runs, 1);
        // The encrypted view: no figures, the quorum's state.
        page()->list()->selectRow(row);
        auto* view = page()->view();
        QVERIFY2(labelText(view, "reportStateLabel").contains(QStringLiteral("Decryption shares: 0 of 1")),
                 qPrintable(labelText(view, "reportStateLabel")));
        QCOMPARE(view->model()->data(view->model()->index(0, ReportCellModel::Mean)).toString(), QStringLiteral("—"));
        QVERIFY(!view->findChild<QPushButton*>(QStringLiteral("exportPdfPushButton"))->isEnabled());
        QVERIFY(!page()->findChild<QPushButton*>(QStringLiteral("publishPushButton"))->isEnabled());
        m_window->showPage(AdminWindow::Page::Home);
        QCOMPARE(m_window->homeView()->reportsWaiting(), 1);
        QVERIFY2(labelText(m_window->homeView(), "reportsWaitingLabel").contains(QStringLiteral("need yours")),
                 qPrintable(labelText(m_window->homeView(), "reportsWaitingLabel")));
        m_window->showPage(AdminWindow::Page::Reports);
        QVERIFY(shot(m_window.get(), QStringLiteral("report-encrypted.png")));

        // The custodian's dialog names what is decrypted, then recomputes and decrypts.
        auto* dialog = openDecryptDialog(path);
        QVERIFY(dialog != nullptr);
        const QString what = labelText(dialog, "whatLabel");
        QVERIFY2(what.contains(id) && what.contains(QStringLiteral("Riverside Clinic")) &&
                     what.contains(QStringLiteral("24467-3")),
                 qPrintable(what));
        QCOMPARE(dialog->findChild<QListWidget*>(QStringLiteral("cellsListWidget"))->count(), 1);
        QVERIFY(shot(dialog, QStringLiteral("report-decrypt-share.png")));
        dialog->findChild<QPushButton*>(QStringLiteral("decryptPushButton"))->click();
        QVERIFY2(dialog->contributed(), qPrintable(labelText(dialog, "resultLabel")));
        QVERIFY2(labelText(dialog, "resultLabel").contains(QStringLiteral("1 cell(s) decrypted")),
                 qPrintable(labelText(dialog, "resultLabel")));
        dialog->findChild<QPushButton*>(QStringLiteral("closePushButton"))->click();
        QTRY_VERIFY(page()->findChild<DecryptShareDialog*>() == nullptr);
        QCOMPARE(page()->list()->item(rowOf(path), 3)->text(), QStringLiteral("encrypted — shares 1 of 1"));
        QCOMPARE(m_window->homeView()->reportsWaiting(), 0);

        // Publish: a published file beside the encrypted one, shown with its figures.
        page()->list()->selectRow(rowOf(path));
        auto* publish = page()->findChild<QPushButton*>(QStringLiteral("publishPushButton"));
        QVERIFY(publish->isEnabled());
        MessageBox::setNextAnswer(true);
        publish->click();
        const QString published = QDir(folder()).filePath(id + QStringLiteral(".published.ccrep"));
        QVERIFY2(QFile::exists(published), qPrintable(labelText(page(), "statusLabel")));
        QCOMPARE(page()->list()->item(rowOf(path), 3)->text(), QStringLiteral("published"));
        page()->list()->selectRow(rowOf(path));
        auto* model = view->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 1);
        // ACTG 315 README: latest CD4 per patient n = 46, mean 285.665870, SD 102.017767.
        QCOMPARE(model->data(model->index(0, ReportCellModel::Patients)).toString(), QStringLiteral("46"));
        QCOMPARE(model->data(model->index(0, ReportCellModel::Mean)).toString(), QLocale().toString(285.67, 'f', 2));
        QCOMPARE(model->data(model->index(0, ReportCellModel::Sd)).toString(), QLocale().toString(102.02, 'f', 2));
        QVERIFY(model->data(model->index(0, ReportCellModel::Median)).toString().contains(QStringLiteral("estimate")));
        QVERIFY(labelText(view, "reportHeaderLabel").contains(QStringLiteral("Quality of the clinic")));
        QVERIFY(labelText(view, "reportHeaderLabel").contains(id));
        QVERIFY(labelText(view, "reportStateLabel").startsWith(QStringLiteral("Published")));
        // The histogram: one bar per published bin, together the 46 observations.
        const auto series = view->histogramChart()->series();
        QCOMPARE(series.size(), 1);
        auto* bars = qobject_cast<QBarSeries*>(series.first());
        QVERIFY(bars != nullptr && bars->count() == 1);
        double total = 0;
        for (int i = 0; i < bars->barSets().first()->count(); ++i)
            total += bars->barSets().first()->at(i);
        QCOMPARE(total, 46.0);

        // CSV and PDF, written atomically where the user chose.
        const QString csv = m_tmp.filePath(QStringLiteral("cd4.csv"));
        FileDialog::setNextSaveFileName(csv);
        view->findChild<QPushButton*>(QStringLiteral("exportCsvPushButton"))->click();
        const QByteArray csvText = readAll(csv);
        QVERIFY2(csvText.startsWith("report_id,purpose,cell,measure"), csvText.constData());
        QVERIFY2(csvText.contains(",46,46,285.67,102.02,"), csvText.constData());
        const QString pdf = m_tmp.filePath(QStringLiteral("cd4.pdf"));
        FileDialog::setNextSaveFileName(pdf);
        view->findChild<QPushButton*>(QStringLiteral("exportPdfPushButton"))->click();
        const QByteArray pdfBytes = readAll(pdf);
        QVERIFY2(pdfBytes.startsWith("%PDF-"), qPrintable(labelText(view, "reportExportStatusLabel")));
        QVERIFY(pdfBytes.size() > 2000);
        // A cancelled save writes nothing; an unwritable place is reported and leaves no file.
        FileDialog::setNextSaveFileName(QString());
        view->findChild<QPushButton*>(QStringLiteral("exportPdfPushButton"))->click();
        const QString nowhere = m_tmp.filePath(QStringLiteral("missing-folder/cd4.pdf"));
        FileDialog::setNextSaveFileName(nowhere);
        view->findChild<QPushButton*>(QStringLiteral("exportPdfPushButton"))->click();
        QVERIFY(!QFile::exists(nowhere));
        QVERIFY2(labelText(view, "reportExportStatusLabel").startsWith(QStringLiteral("Not exported")),
                 qPrintable(labelText(view, "reportExportStatusLabel")));
    }

    void groupedReportShowsSuppressionMarksAndGroupBars()
    {
        // Each patient's latest CD4 by year, 1995–1997: the ACTG 315 visits all fall in 1996
        // (synthetic study start 1996-01-01), so 1995 and 1997 are empty cells, suppressed, and
        // 1996 holds every patient.
        buildCd4Latest(QStringLiteral("Latest CD4 by year"));
        page()->findChild<QCheckBox*>(QStringLiteral("yearsCheckBox"))->setChecked(true);
        page()->findChild<QSpinBox*>(QStringLiteral("yearFromSpinBox"))->setValue(1995);
        page()->findChild<QSpinBox*>(QStringLiteral("yearToSpinBox"))->setValue(1997);
        auto* group = page()->findChild<QComboBox*>(QStringLiteral("groupBy1ComboBox"));
        group->setCurrentIndex(group->findData(QStringLiteral("year")));
        const QString path = run();
        QVERIFY2(!path.isEmpty(), qPrintable(labelText(page(), "statusLabel")));
        auto* dialog = openDecryptDialog(path);
        QVERIFY(dialog != nullptr);
        QCOMPARE(dialog->findChild<QListWidget*>(QStringLiteral("cellsListWidget"))->count(), 3);
        dialog->findChild<QPushButton*>(QStringLiteral("decryptPushButton"))->click();
        QVERIFY2(labelText(dialog, "resultLabel").contains(QStringLiteral("1 cell(s) decrypted, 2 withheld")),
                 qPrintable(labelText(dialog, "resultLabel")));
        dialog->findChild<QPushButton*>(QStringLiteral("closePushButton"))->click();
        QTRY_VERIFY(page()->findChild<DecryptShareDialog*>() == nullptr);
        page()->list()->selectRow(rowOf(path));
        MessageBox::setNextAnswer(true);
        page()->findChild<QPushButton*>(QStringLiteral("publishPushButton"))->click();
        page()->list()->selectRow(rowOf(path));
        auto* model = page()->view()->model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->data(model->index(0, ReportCellModel::Status)).toString(),
                 QStringLiteral("suppressed: fewer than 11 patients"));
        QCOMPARE(model->data(model->index(0, ReportCellModel::Patients)).toString(), QStringLiteral("—"));
        // ACTG 315 README: latest CD4 per patient n = 46, mean 285.665870.
        QCOMPARE(model->data(model->index(1, ReportCellModel::Patients)).toString(), QStringLiteral("46"));
        QCOMPARE(model->data(model->index(1, ReportCellModel::Mean)).toString(), QLocale().toString(285.67, 'f', 2));
        QCOMPARE(model->data(model->index(1, ReportCellModel::Group)).toString(), QStringLiteral("1996"));
        // The group bars: one category per year, the suppressed ones marked.
        auto* bars = qobject_cast<QBarSeries*>(page()->view()->groupChart()->series().value(0));
        QVERIFY(bars != nullptr);
        QCOMPARE(bars->barSets().first()->count(), 3);
        QCOMPARE(bars->barSets().first()->at(1), 285.67);
        page()->view()->findChild<QTableView*>(QStringLiteral("reportCellsTableView"))->selectRow(1);
        QVERIFY(!page()->view()->histogramChart()->series().isEmpty());
        QVERIFY(shot(m_window.get(), QStringLiteral("report-published.png")));
        // The PDF of a report with suppressed cells.
        const QString pdf = m_tmp.filePath(QStringLiteral("cd4-by-year.pdf"));
        FileDialog::setNextSaveFileName(pdf);
        page()->view()->findChild<QPushButton*>(QStringLiteral("exportPdfPushButton"))->click();
        QVERIFY(readAll(pdf).startsWith("%PDF-"));
        // Its first page, painted by the same code into an A4 image at 150 dpi (to be looked at).
        QImage page1(1240, 1754, QImage::Format_RGB32);
        page1.setDotsPerMeterX(5906);
        page1.setDotsPerMeterY(5906);
        page1.fill(Qt::white);
        int pagesPainted = 1;
        {
            QPainter painter(&page1);
            painter.setViewport(89, 89, 1240 - 178, 1754 - 160);
            painter.setWindow(0, 0, 1240 - 178, 1754 - 160);
            ReportPdf::paint(*page()->view()->report(), painter, [&pagesPainted]() { ++pagesPainted; });
        }
        QCOMPARE(pagesPainted, 1);
        if (qEnvironmentVariableIntValue("CC_WRITE_SCREENSHOTS") == 1)
            QVERIFY(page1.scaledToWidth(900, Qt::SmoothTransformation)
                        .save(QStringLiteral(CC_SCREENSHOT_DIR "/report-pdf.png")));
        group->setCurrentIndex(0);
        page()->findChild<QCheckBox*>(QStringLiteral("yearsCheckBox"))->setChecked(false);
    }

    void custodianRefusesASubstitutedCell()
    {
        buildCd4Latest(QStringLiteral("CD4 substituted"));
        const QString first = run();
        QVERIFY(!first.isEmpty());
        buildCd4Latest(QStringLiteral("CD4 donor"));
        const QString donor = run();
        QVERIFY(!donor.isEmpty() && donor != first);
        // Another run's ciphertext (another blinding) in the first file, re-signed with the clinic's
        // key as any administrator could: format and signature pass, the recomputation does not.
        auto victim = reports::ReportFile::read(bytesOf(readAll(first)));
        auto other = reports::ReportFile::read(bytesOf(readAll(donor)));
        QVERIFY(victim.ok() && other.ok());
        victim->cells[0].ciphertext = other->cells[0].ciphertext;
        const auto* ring = m_fixture->clinic().keys().value();
        auto signer = crypto::Ed25519PrivateKey::fromSeed(ring->find(access::KeyKind::ClinicSigning)->secret.span());
        QVERIFY(signer.ok());
        const auto forged = victim->sign(*signer);
        QVERIFY(writeAll(
            first, QByteArray(reinterpret_cast<const char*>(forged.data()), static_cast<qsizetype>(forged.size()))));
        page()->refresh();
        auto* dialog = openDecryptDialog(first);
        QVERIFY(dialog != nullptr);
        dialog->findChild<QPushButton*>(QStringLiteral("decryptPushButton"))->click();
        QVERIFY(!dialog->contributed());
        const QString result = labelText(dialog, "resultLabel");
        QVERIFY2(result.startsWith(QStringLiteral("Refused, nothing was decrypted")) &&
                     result.contains(QStringLiteral("not the product of the clinic's rows")),
                 qPrintable(result));
        QVERIFY(shot(dialog, QStringLiteral("report-decrypt-refused.png")));
        dialog->findChild<QPushButton*>(QStringLiteral("closePushButton"))->click();
        QTRY_VERIFY(page()->findChild<DecryptShareDialog*>() == nullptr);
        QCOMPARE(page()->list()->item(rowOf(first), 3)->text(), QStringLiteral("encrypted — shares 0 of 1"));
        QVERIFY(QFile::remove(first));
        QVERIFY(QFile::remove(donor));
        page()->refresh();
    }

    void openingFilesVerifiesFirst()
    {
        const auto published = QDir(folder()).entryList({QStringLiteral("*.published.ccrep")}, QDir::Files);
        QCOMPARE(published.size(), 2);
        const QString good = QDir(folder()).filePath(published.first());
        // A copy elsewhere (as a file manager would open it) is verified and shown.
        const QString copy = m_tmp.filePath(QStringLiteral("copy.ccrep"));
        QVERIFY(QFile::copy(good, copy));
        m_window->showPage(AdminWindow::Page::Home);
        QVERIFY(m_window->openFile(copy));
        QCOMPARE(m_window->findChild<QStackedWidget*>(QStringLiteral("pagesStackedWidget"))->currentWidget(),
                 static_cast<QWidget*>(page()));
        QVERIFY(page()->view()->report() != nullptr);
        QCOMPARE(page()->view()->report()->kind, reports::ReportFile::Kind::Published);
        // One flipped byte: refused with the reason, nothing shown.
        QByteArray bytes = readAll(copy);
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
        const QString tampered = m_tmp.filePath(QStringLiteral("tampered.ccrep"));
        QVERIFY(writeAll(tampered, bytes));
        QVERIFY(!m_window->openFile(tampered));
        QVERIFY2(MessageBox::lastText().contains(QStringLiteral("was refused")), qPrintable(MessageBox::lastText()));
        QVERIFY(page()->view()->report() == nullptr);
        // A backup opens the backup page's inspection (nothing decrypted).
        const QString backup = m_tmp.filePath(QStringLiteral("clinic.ccbk"));
        auto made = services::BackupService(m_fixture->clinic()).create(backup.toStdString());
        QVERIFY2(made.ok(), made.ok() ? "" : made.error().describe().c_str());
        QVERIFY(m_window->openFile(backup));
        QCOMPARE(m_window->findChild<QStackedWidget*>(QStringLiteral("pagesStackedWidget"))->currentWidget(),
                 static_cast<QWidget*>(m_window->backupView()));
        QVERIFY(m_window->backupView()
                    ->findChild<QPlainTextEdit*>(QStringLiteral("manifestPlainTextEdit"))
                    ->toPlainText()
                    .contains(QString::fromStdString(made->backupId)));
        // Anything else is not opened.
        QVERIFY(!m_window->openFile(m_tmp.filePath(QStringLiteral("cd4.csv"))));
    }

    /// The Settings tab sets the clinic's minimum cell size after a confirmation that says what
    /// changes; a declined confirmation changes nothing; the change is audited.
    void suppressionSettingIsAppliedAndAudited()
    {
        auto* tabs = page()->findChild<QTabWidget*>(QStringLiteral("reportsTabWidget"));
        auto* spin = page()->findChild<QSpinBox*>(QStringLiteral("minimumCellSpinBox"));
        auto* apply = page()->findChild<QPushButton*>(QStringLiteral("applyMinimumPushButton"));
        QVERIFY(tabs && spin && apply);
        m_window->showPage(AdminWindow::Page::Reports);
        tabs->setCurrentIndex(2);
        QCOMPARE(tabs->tabText(2), QStringLiteral("&Settings"));
        auto store = access().openStore();
        services::ReportService reports(m_fixture->clinic(), *store);
        const auto before = reports.minimumCellSize();
        QVERIFY(before.ok());
        QCOMPARE(spin->value(), static_cast<int>(*before));
        spin->setValue(3); // below the floor: the spin box stops at 5
        QCOMPARE(spin->value(), 5);
        spin->setValue(20);
        MessageBox::setNextAnswer(false);
        apply->click();
        QVERIFY2(MessageBox::lastText().contains(QStringLiteral("More cells will be withheld")),
                 qPrintable(MessageBox::lastText()));
        QCOMPARE(reports.minimumCellSize().value(), *before); // declined: unchanged
        MessageBox::setNextAnswer(true);
        apply->click();
        QCOMPARE(reports.minimumCellSize().value(), std::uint32_t{20});
        QVERIFY2(labelText(page(), "settingsStatusLabel").contains(QStringLiteral("at least 20")),
                 qPrintable(labelText(page(), "settingsStatusLabel")));
        QVERIFY(shot(m_window.get(), QStringLiteral("report-settings.png")));
        const auto count = m_fixture->store().auditStore().count();
        QVERIFY(count.ok());
        const auto last = m_fixture->store().auditStore().read(*count, 1);
        QVERIFY(last.ok() && last->size() == 1);
        QCOMPARE(audit::decodeEvent(last->front().body).value().detail,
                 std::string("report minimum cell size set to 20"));
        // Shown again from the clinic when the tab is reopened; then put back.
        tabs->setCurrentIndex(0);
        spin->setValue(7);
        tabs->setCurrentIndex(2);
        QCOMPARE(spin->value(), 20);
        spin->setValue(static_cast<int>(*before));
        MessageBox::setNextAnswer(true);
        apply->click();
        QCOMPARE(reports.minimumCellSize().value(), *before);
        tabs->setCurrentIndex(0);
    }

    void idleLockClearsTheReports()
    {
        m_window->showPage(AdminWindow::Page::Reports);
        QVERIFY(page()->list()->rowCount() > 0);
        m_window->clearSensitiveData();
        QCOMPARE(page()->list()->rowCount(), 0);
        QVERIFY(page()->view()->report() == nullptr);
        QCOMPARE(page()->view()->model()->rowCount(), 0);
    }

private:
    bool adminScreenshotOfBuilder()
    {
        page()->findChild<QTabWidget*>(QStringLiteral("reportsTabWidget"))->setCurrentIndex(1);
        const bool ok = shot(m_window.get(), QStringLiteral("report-builder.png"));
        page()->findChild<QTabWidget*>(QStringLiteral("reportsTabWidget"))->setCurrentIndex(0);
        return ok;
    }
};

QTEST_MAIN(TestReportsWorkbench)
#include "TestReportsWorkbench.moc"
