// SPDX-License-Identifier: GPL-3.0-or-later
// The import dialog over a real clinic: a Synthea folder imported with its summary, a refused file
// and a cancelled import that keep nothing, and the doctor's list reloaded afterwards.
#include "core/services/PatientService.h"
#include "tests/support/TestClinic.h"
#include "ui/common/FileDialog.h"
#include "ui/doctor/ChartTableModel.h"
#include "ui/doctor/DoctorWindow.h"
#include "ui/doctor/ImportDialog.h"
#include "ui/doctor/PatientListModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace cc;
using test::TestClinic;

namespace {

const QString kSynthea = QStringLiteral(CC_TEST_DATA_DIR "/synthea");

/// Copies the Synthea fixture into `dir` (so a test can damage its copy).
bool copySynthea(const QString& dir)
{
    const QDir source(kSynthea);
    for (const QString& name : source.entryList({QStringLiteral("*.csv")}, QDir::Files))
        if (!QFile::copy(source.filePath(name), QDir(dir).filePath(name)))
            return false;
    return true;
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestClinic> m_t;

    std::size_t patientCount()
    {
        auto patients = services::PatientService(m_t->clinic()).list();
        return patients ? patients->size() : std::size_t{9999};
    }

private slots:
    void init()
    {
        auto t = TestClinic::create();
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
        m_t = std::move(*t);
        const auto status = m_t->login(test::kDoctor, test::kDoctorPassword);
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
    }

    void cleanup() { m_t.reset(); }

    void importsSyntheaAndReloadsTheList()
    {
        ui::DoctorWindow window(m_t->clinic());
        window.show();
        window.refresh();
        QCOMPARE(window.patientModel()->rowCount(), 0);
        window.findChild<QAction*>("actionImport")->trigger();
        auto* dialog = window.importDialog();
        QVERIFY(dialog != nullptr);
        new QAbstractItemModelTester(dialog->skippedModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     dialog);
        auto* importButton = dialog->findChild<QPushButton*>("importButton");
        QVERIFY(!importButton->isEnabled()); // no path yet
        // A copy of the sample with one more observation the catalogue refuses (a body height of
        // 9999 cm): valid CSV, so it is skipped with its reason rather than refusing the folder.
        QTemporaryDir dir;
        QVERIFY(copySynthea(dir.path()));
        QFile file(QDir(dir.path()).filePath(QStringLiteral("observations.csv")));
        QVERIFY(file.open(QIODevice::Append));
        file.write("2023-10-10T04:17:47Z,3edac2e3-d223-6fae-d515-daf96ef6bc76,0622440b-ab3a-87bf-b0d7-f8145ac11cc5,"
                   "vital-signs,8302-2,Body Height,9999,cm,numeric\r\n");
        file.close();
        dialog->setInput(ui::ImportDialog::Source::SyntheaFolder, dir.path());
        QVERIFY(importButton->isEnabled());

        // Progress is reported while the import runs (the bar moves off zero at least once).
        int progressSeen = 0;
        auto* bar = dialog->findChild<QProgressBar*>("progressBar");
        connect(bar, &QProgressBar::valueChanged, dialog,
                [&](int value) { progressSeen = std::max(progressSeen, value); });
        QTest::mouseClick(importButton, Qt::LeftButton);
        QVERIFY(!dialog->isRunning());
        QVERIFY(progressSeen > 0);
        const QString status = dialog->findChild<QLabel*>("statusLabel")->text();
        QVERIFY2(status.contains(QStringLiteral("27 patients")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("observations")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("Skipped: 1")), qPrintable(status));
        QCOMPARE(dialog->skippedModel()->rowCount(), 1);
        auto* skipped = dialog->skippedModel();
        QVERIFY(skipped->index(0, 0).data().toString().endsWith(QStringLiteral("observations.csv")));
        QVERIFY(skipped->index(0, 1).data().toString().toInt() > 1);
        QCOMPARE(skipped->index(0, 2).data().toString(), QStringLiteral("VALUE"));
        QVERIFY2(skipped->index(0, 3).data().toString().contains(QStringLiteral("8302-2")),
                 qPrintable(skipped->index(0, 3).data().toString()));
        // The doctor joined the care team of every patient: the list reloaded by itself.
        QCOMPARE(window.patientModel()->rowCount(), 27);
        QTest::mouseClick(dialog->findChild<QPushButton*>("closeButton"), Qt::LeftButton);
        QTRY_VERIFY(window.importDialog() == nullptr);
    }

    void mappedTablePreviewThenImport()
    {
        const QString table = QStringLiteral(CC_TEST_DATA_DIR "/mapped/trial_wide.csv");
        const QString mapping = QStringLiteral(CC_TEST_DATA_DIR "/mapped/trial_wide.mapping.json");
        ui::ImportDialog dialog(m_t->clinic());
        new QAbstractItemModelTester(dialog.previewModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     &dialog);
        dialog.setInput(ui::ImportDialog::Source::MappedTable, table);
        auto* importButton = dialog.findChild<QPushButton*>("importButton");
        QVERIFY(!importButton->isEnabled()); // a mapped table needs its mapping
        dialog.setMapping(mapping);
        QVERIFY(importButton->isEnabled());
        // The first five rows (tests/data/mapped/README.md): S01 6, S02 4, S03 5 observations;
        // S04 and S05 skipped by the row. Nothing stored.
        QVERIFY(dialog.preview().ok());
        QCOMPARE(dialog.previewModel()->rowCount(), 15);
        QCOMPARE(dialog.skippedModel()->rowCount(), 2);
        QCOMPARE(dialog.previewModel()->index(0, 0).data().toString(), QStringLiteral("TW-S01"));
        QCOMPARE(dialog.previewModel()->index(0, 1).data().toString(), QStringLiteral("24467-3"));
        QVERIFY(dialog.findChild<QLabel*>("previewLabel")->text().contains(QStringLiteral("15")));
        QCOMPARE(patientCount(), std::size_t{0});
        QVERIFY(dialog.startImport().ok());
        QCOMPARE(patientCount(), std::size_t{6});
        QCOMPARE(dialog.skippedModel()->rowCount(), 4);
        // A bad mapping is refused in the preview, naming its field.
        QTemporaryDir dir;
        QFile bad(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(R"({"cipherchartTableMapping": 1, "source": "x", "patient": {"id": "subject"}})");
        bad.close();
        dialog.setMapping(bad.fileName());
        QCOMPARE(dialog.preview().error().code, ErrorCode::MalformedInput);
        QVERIFY2(dialog.findChild<QLabel*>("previewLabel")->text().contains(QStringLiteral("patient.sex")),
                 qPrintable(dialog.findChild<QLabel*>("previewLabel")->text()));
    }

    void refusedFolderKeepsNothing()
    {
        QTemporaryDir dir;
        QVERIFY(copySynthea(dir.path()));
        // Damage one observation: a number field that is not a number.
        QFile file(QDir(dir.path()).filePath(QStringLiteral("observations.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray csv = file.readAll();
        file.close();
        const qsizetype secondLine = csv.indexOf('\n') + 1;
        const qsizetype thirdLine = csv.indexOf('\n', secondLine);
        QVERIFY(secondLine > 0 && thirdLine > secondLine);
        csv.insert(thirdLine, QByteArrayLiteral("\"unterminated"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(csv);
        file.close();

        ui::ImportDialog dialog(m_t->clinic());
        dialog.setInput(ui::ImportDialog::Source::SyntheaFolder, dir.path());
        const auto status = dialog.startImport();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::MalformedInput);
        const QString text = dialog.findChild<QLabel*>("statusLabel")->text();
        QVERIFY2(text.contains(QStringLiteral("nothing of it was kept")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("observations.csv")), qPrintable(text));
        QCOMPARE(patientCount(), std::size_t{0});
    }

    void cancelKeepsNothing()
    {
        ui::ImportDialog dialog(m_t->clinic());
        dialog.show();
        dialog.setInput(ui::ImportDialog::Source::SyntheaFolder, kSynthea);
        // The first progress report processes events: the click lands while the import runs.
        QTimer::singleShot(0, &dialog, [&dialog]() {
            QVERIFY(dialog.isRunning());
            QVERIFY(dialog.findChild<QPushButton*>("cancelButton")->isEnabled());
            QVERIFY(!dialog.findChild<QPushButton*>("closeButton")->isEnabled());
            QTest::mouseClick(dialog.findChild<QPushButton*>("cancelButton"), Qt::LeftButton);
        });
        const auto status = dialog.startImport();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::Cancelled);
        QVERIFY(dialog.findChild<QLabel*>("statusLabel")->text().contains(QStringLiteral("Nothing was kept")));
        QCOMPARE(patientCount(), std::size_t{0});
    }

    void importsFhirFiles()
    {
        // HL7's example patient, then its observation (which names Patient/example in the clinic).
        const QString examples = QStringLiteral(CC_TEST_DATA_DIR "/fhir/examples/");
        ui::ImportDialog dialog(m_t->clinic());
        dialog.setInput(ui::ImportDialog::Source::FhirFiles, examples + QStringLiteral("patient-example.json;") +
                                                                 examples + QStringLiteral("observation-example.json"));
        const auto status = dialog.startImport();
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
        const QString text = dialog.findChild<QLabel*>("statusLabel")->text();
        QVERIFY2(text.contains(QStringLiteral("1 patients")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("1 observations")), qPrintable(text));
        QCOMPARE(patientCount(), std::size_t{1});

        // A file that is not JSON: refused, named, nothing of it kept.
        QTemporaryDir dir;
        const QString bad = QDir(dir.path()).filePath(QStringLiteral("broken.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"resourceType\": \"Patient\", ");
        file.close();
        dialog.setInput(ui::ImportDialog::Source::FhirFiles, bad);
        QVERIFY(!dialog.startImport().ok());
        const QString refused = dialog.findChild<QLabel*>("statusLabel")->text();
        QVERIFY2(refused.contains(QStringLiteral("broken.json")), qPrintable(refused));
        QCOMPARE(patientCount(), std::size_t{1});

        // The doctor exports the imported patient back as FHIR: an owner-only file, a Bundle.
        ui::DoctorWindow window(m_t->clinic());
        window.refresh();
        auto* exportAction = window.findChild<QAction*>("actionExportFhir");
        QVERIFY(!exportAction->isEnabled()); // no chart open
        QVERIFY(window.openPatient(window.patientModel()->patient(0)->id).ok());
        QVERIFY(exportAction->isEnabled());
        const QString out = QDir(dir.path()).filePath(QStringLiteral("out.json"));
        ui::FileDialog::setNextSaveFileName(out);
        const auto exported = window.exportOpenPatient();
        QVERIFY2(exported.ok(), exported.ok() ? "" : exported.error().message.c_str());
        QFile saved(out);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const auto doc = QJsonDocument::fromJson(saved.readAll());
        QCOMPARE(doc.object().value(QStringLiteral("resourceType")).toString(), QStringLiteral("Bundle"));
        QCOMPARE(saved.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions{});
        // Cancelled file choice: nothing exported.
        ui::FileDialog::setNextSaveFileName({});
        QCOMPARE(window.exportOpenPatient().error().code, ErrorCode::Cancelled);
    }

    void wrongPathIsNamed()
    {
        ui::ImportDialog dialog(m_t->clinic());
        dialog.setInput(ui::ImportDialog::Source::Actg315File, QStringLiteral("/nonexistent/ACTG315.csv"));
        const auto status = dialog.startImport();
        QVERIFY(!status.ok());
        QCOMPARE(patientCount(), std::size_t{0});
        QVERIFY(!dialog.findChild<QLabel*>("statusLabel")->text().isEmpty());
    }
};

QTEST_MAIN(TestImportDialog)
#include "TestImportDialog.moc"
