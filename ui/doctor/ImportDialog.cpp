// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/ImportDialog.h"

#include "core/access/Session.h"
#include "core/services/ClinicService.h"
#include "core/services/ImportService.h"
#include "ui/common/ErrorText.h"
#include "ui/doctor/ChartTableModel.h"

#include "ui_ImportDialog.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QHeaderView>

#include <initializer_list>
#include <map>

namespace cc::ui {

ImportDialog::ImportDialog(services::ClinicService& clinic, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ImportDialog>())
    , m_clinic(clinic)
    , m_skipped(new ChartTableModel({tr("File"), tr("Line"), tr("Field"), tr("Reason")}, this))
    , m_preview(
          new ChartTableModel({tr("Patient (MRN)"), tr("Code"), tr("Test"), tr("Value"), tr("Unit"), tr("Time")}, this))
{
    m_ui->setupUi(this);
    m_ui->sourceComboBox->addItem(tr("Synthea CSV folder"));
    m_ui->sourceComboBox->addItem(tr("ACTG 315 trial file (ACTG315.csv)"));
    m_ui->sourceComboBox->addItem(tr("FHIR R4 JSON files (Bundles or single resources)"));
    m_ui->sourceComboBox->addItem(tr("CSV table with a mapping file (trial or laboratory export)"));
    m_ui->previewTableView->setModel(m_preview);
    m_ui->previewTableView->verticalHeader()->hide();
    m_ui->previewTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->mappingLineEdit->setPlaceholderText(tr("Mapping file (JSON) of the table's columns"));
    m_ui->skippedTableView->setModel(m_skipped);
    m_ui->skippedTableView->verticalHeader()->hide();
    m_ui->skippedTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->pathLineEdit->setPlaceholderText(tr("Folder or file to import"));

    connect(m_ui->browseButton, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(m_ui->importButton, &QPushButton::clicked, this, [this]() { (void)startImport(); });
    connect(m_ui->cancelButton, &QPushButton::clicked, this, [this]() { m_cancelRequested = true; });
    connect(m_ui->closeButton, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(m_ui->pathLineEdit, &QLineEdit::textChanged, this, &ImportDialog::updateButtons);
    connect(m_ui->mappingLineEdit, &QLineEdit::textChanged, this, &ImportDialog::updateButtons);
    connect(m_ui->mappingBrowseButton, &QPushButton::clicked, this, &ImportDialog::browseMapping);
    connect(m_ui->previewButton, &QPushButton::clicked, this, [this]() { (void)preview(); });
    connect(m_ui->sourceComboBox, &QComboBox::currentIndexChanged, this, &ImportDialog::updateButtons);
    updateButtons();
}

ImportDialog::~ImportDialog() = default;

void ImportDialog::setInput(Source source, const QString& path)
{
    m_ui->sourceComboBox->setCurrentIndex(static_cast<int>(source));
    m_ui->pathLineEdit->setText(path);
}

void ImportDialog::setMapping(const QString& path)
{
    m_ui->mappingLineEdit->setText(path);
}

void ImportDialog::browseMapping()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Mapping file"), m_ui->mappingLineEdit->text(),
                                                      tr("Mapping (*.json);;All files (*)"));
    if (!path.isEmpty())
        m_ui->mappingLineEdit->setText(path);
}

Status ImportDialog::preview()
{
    m_preview->clear();
    m_skipped->clear();
    const QString table = m_ui->pathLineEdit->text().trimmed();
    const QString mapping = m_ui->mappingLineEdit->text().trimmed();
    if (table.isEmpty() || mapping.isEmpty()) {
        m_ui->previewLabel->setText(tr("Choose the table and its mapping file first."));
        return makeError(ErrorCode::InvalidArgument, "no table or mapping given");
    }
    auto read = services::ImportService(m_clinic).previewTable(table, mapping, kPreviewRows);
    if (!read) {
        m_ui->previewLabel->setText(
            tr("The mapping or the table is refused: %1").arg(QString::fromStdString(read.error().describe())));
        return read.error();
    }
    std::map<access::PatientId, QString> mrns;
    for (const auto& p : read->patients)
        mrns[p.id] = p.mrn;
    std::vector<ChartRow> rows;
    for (const auto& o : read->observations)
        rows.push_back({{mrns[o.patientId], o.code, o.display, o.value ? QString::number(*o.value, 'g', 12) : o.text,
                         o.unit, o.effective},
                        {}});
    m_preview->setRows(std::move(rows));
    m_ui->previewTableView->resizeColumnsToContents();
    m_ui->previewLabel->setText(tr("Preview of the first %1 rows with the mapping applied: %2 patients, %3 "
                                   "observations, %4 skipped (nothing is stored yet).")
                                    .arg(read->summary.count("rows"))
                                    .arg(read->patients.size())
                                    .arg(read->observations.size())
                                    .arg(read->summary.skipped.size()));
    showSkipped(read->summary.skipped);
    return {};
}

void ImportDialog::browse()
{
    const auto source = static_cast<Source>(m_ui->sourceComboBox->currentIndex());
    QString path;
    if (source == Source::SyntheaFolder)
        path = QFileDialog::getExistingDirectory(this, tr("Synthea CSV folder"), m_ui->pathLineEdit->text());
    else if (source == Source::FhirFiles)
        path =
            QFileDialog::getOpenFileNames(this, tr("FHIR R4 JSON files"), {}, tr("FHIR JSON (*.json);;All files (*)"))
                .join(QLatin1Char(';'));
    else
        path = QFileDialog::getOpenFileName(this, source == Source::MappedTable ? tr("CSV table") : tr("ACTG 315 file"),
                                            m_ui->pathLineEdit->text(), tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        m_ui->pathLineEdit->setText(path);
}

void ImportDialog::updateButtons()
{
    const bool mapped = static_cast<Source>(m_ui->sourceComboBox->currentIndex()) == Source::MappedTable;
    const bool hasMapping = !m_ui->mappingLineEdit->text().trimmed().isEmpty();
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_ui->mappingLabel, m_ui->mappingLineEdit, m_ui->mappingBrowseButton,
                                         m_ui->previewButton, m_ui->previewLabel, m_ui->previewTableView})
        w->setVisible(mapped);
    m_ui->mappingLineEdit->setEnabled(!m_running);
    m_ui->mappingBrowseButton->setEnabled(!m_running);
    m_ui->previewButton->setEnabled(!m_running && hasMapping && !m_ui->pathLineEdit->text().trimmed().isEmpty());
    m_ui->importButton->setEnabled(!m_running && !m_ui->pathLineEdit->text().trimmed().isEmpty() &&
                                   (!mapped || hasMapping));
    m_ui->cancelButton->setEnabled(m_running);
    m_ui->closeButton->setEnabled(!m_running);
    m_ui->sourceComboBox->setEnabled(!m_running);
    m_ui->pathLineEdit->setEnabled(!m_running);
    m_ui->browseButton->setEnabled(!m_running);
}

bool ImportDialog::onProgress(std::size_t done, std::size_t total)
{
    // Progress is activity: a long import must not be cut by the idle lock in mid-transaction
    // (the lock wipes the keys the import is using). The doctor still sees the window working.
    if (auto* session = m_clinic.session())
        (void)session->touch();
    const int maximum = total > 0 ? static_cast<int>(std::min<std::size_t>(total, 1'000'000'000)) : 0;
    m_ui->progressBar->setMaximum(maximum);
    m_ui->progressBar->setValue(static_cast<int>(std::min<std::size_t>(done, static_cast<std::size_t>(maximum))));
    m_ui->statusLabel->setText(tr("Importing… %1 of %2 steps").arg(done).arg(total));
    QCoreApplication::processEvents();
    return !m_cancelRequested;
}

Status ImportDialog::startImport()
{
    if (m_running)
        return makeError(ErrorCode::InvalidArgument, "an import is already running");
    const QString path = m_ui->pathLineEdit->text().trimmed();
    if (path.isEmpty()) {
        m_ui->statusLabel->setText(tr("Choose a folder or file first."));
        return makeError(ErrorCode::InvalidArgument, "no path given");
    }
    m_running = true;
    m_cancelRequested = false;
    m_skipped->clear();
    m_ui->progressBar->setMaximum(0); // busy until the first batch reports
    m_ui->statusLabel->setText(tr("Reading and checking the input…"));
    updateButtons();
    QCoreApplication::processEvents();

    services::ImportService service(m_clinic);
    const auto progress = [this](std::size_t done, std::size_t total) { return onProgress(done, total); };
    const auto source = static_cast<Source>(m_ui->sourceComboBox->currentIndex());
    Result<interop::ImportSummary> result = makeError(ErrorCode::InvalidArgument, "no source chosen");
    switch (source) {
    case Source::SyntheaFolder:
        result = service.importSynthea(path, progress);
        break;
    case Source::Actg315File:
        result = service.importActg315(path, progress);
        break;
    case Source::FhirFiles: {
        // One transaction per file: a refusal names the file and says the files before it stay.
        QStringList files;
        for (const QString& file : path.split(QLatin1Char(';'), Qt::SkipEmptyParts))
            files << file.trimmed();
        result = service.importFhir(files, progress);
        break;
    }
    case Source::MappedTable:
        result = service.importTable(path, m_ui->mappingLineEdit->text().trimmed(), progress);
        break;
    }
    m_running = false;
    updateButtons();
    m_ui->progressBar->setMaximum(100);
    if (!result) {
        m_ui->progressBar->setValue(0);
        if (result.error().code == ErrorCode::Cancelled)
            m_ui->statusLabel->setText(tr("Import cancelled. Nothing was kept."));
        else if (result.error().code == ErrorCode::MalformedInput)
            m_ui->statusLabel->setText(
                tr("Refused, nothing of it was kept: %1").arg(QString::fromStdString(result.error().describe())));
        else
            m_ui->statusLabel->setText(tr("Nothing was kept. %1").arg(ErrorText::forError(result.error())));
        return result.error();
    }
    m_ui->progressBar->setValue(100);
    showSummary(*result);
    emit imported();
    return {};
}

void ImportDialog::showSummary(const interop::ImportSummary& summary)
{
    QStringList parts;
    for (const auto& [type, count] : summary.counts)
        parts << tr("%1 %2").arg(count).arg(QString::fromStdString(type));
    QString status = tr("Imported: %1. Skipped: %2.")
                         .arg(parts.isEmpty() ? tr("nothing") : parts.join(QStringLiteral(", ")))
                         .arg(summary.skipped.size());
    // Codes kept without a catalogue entry, one line per code and unit (docs/CLINICAL_DATA.md).
    for (const auto& [key, count] : summary.uncatalogued)
        status += QLatin1Char('\n') +
                  tr("Stored without catalogue entry: %1 %2 \u00d7 %3").arg(key.first, key.second).arg(count);
    if (!summary.unindexed.empty())
        status += QLatin1Char('\n') +
                  tr("Stored without a Paillier value (outside the generic range): %1").arg(summary.unindexed.size());
    m_ui->statusLabel->setText(status);
    showSkipped(summary.skipped);
}

void ImportDialog::showSkipped(const std::vector<interop::SkippedItem>& items)
{
    std::vector<ChartRow> rows;
    rows.reserve(items.size());
    for (const auto& item : items)
        rows.push_back({{item.file, item.line > 0 ? QString::number(item.line) : QString(),
                         QString::fromStdString(item.field), QString::fromStdString(item.reason)},
                        {}});
    m_skipped->setRows(std::move(rows));
    m_ui->skippedTableView->resizeColumnsToContents();
}

void ImportDialog::reject()
{
    if (m_running) {
        m_cancelRequested = true;
        return;
    }
    QDialog::reject();
}

} // namespace cc::ui
