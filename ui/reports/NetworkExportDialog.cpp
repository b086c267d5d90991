// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/NetworkExportDialog.h"

#include "ui/common/DisplayText.h"
#include "ui/common/ErrorText.h"
#include "ui/reports/NetworkKeyPicker.h"
#include "ui/reports/NetworkOutputFile.h"
#include "ui/reports/ReportFolder.h"
#include "ui/reports/ReportText.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace cc::ui {

namespace {

const QString kRed = QStringLiteral("color:#b00020");
const QString kGreen = QStringLiteral("color:#1b5e20");

QString nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

NetworkExportDialog::NetworkExportDialog(const reports::ReportFile& published, std::uint32_t clinicMinimum,
                                         ExportCall exportCall, QWidget* parent)
    : QDialog(parent)
    , m_report(published)
    , m_clinicMinimum(clinicMinimum)
    , m_call(std::move(exportCall))
    , m_key(new NetworkKeyPicker)
    , m_fingerprint(new QLineEdit)
    , m_fingerprintState(new QLabel)
    , m_preview(new QLabel)
    , m_cells(new QListWidget)
    , m_output(new NetworkOutputFile(tr("Save the network export"), QStringLiteral("ccrx"),
                                     tr("Research network exports (*.ccrx)")))
    , m_problem(new QLabel)
    , m_result(new QLabel)
    , m_go(new QPushButton(tr("&Export")))
    , m_close(new QPushButton(tr("Close")))
{
    setObjectName(QStringLiteral("NetworkExportDialog"));
    setWindowTitle(tr("Export to research network — %1").arg(published.spec.title));
    auto* what = new QLabel(tr("<p><b>%1</b><br>Clinic: %2<br>Report id: %3<br>Published: %4<br>%5</p>")
                                .arg(published.spec.title.toHtmlEscaped(), published.clinicName.toHtmlEscaped(),
                                     QString::fromStdString(reports::reportIdHex(published.reportId)),
                                     DisplayText::dateTime(published.createdAtMs),
                                     ReportText::purpose(published.spec.purpose).toHtmlEscaped()));
    what->setObjectName(QStringLiteral("reportLabel"));
    what->setWordWrap(true);
    m_fingerprint->setObjectName(QStringLiteral("fingerprintLineEdit"));
    m_fingerprint->setPlaceholderText(tr("64 hexadecimal digits, as the network gave them"));
    m_fingerprint->setAccessibleName(tr("Network fingerprint given by the network"));
    m_fingerprintState->setObjectName(QStringLiteral("fingerprintStateLabel"));
    m_fingerprintState->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("previewLabel"));
    m_preview->setWordWrap(true);
    m_preview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_cells->setObjectName(QStringLiteral("exportCellsListWidget"));
    m_cells->setAccessibleName(tr("Cells and what is exported of each"));
    m_cells->setMinimumHeight(60);
    m_output->setSuggestedName(QString::fromStdString(reports::reportIdHex(m_report.reportId)) + ".ccrx");
    for (auto* label : {m_problem, m_result}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->hide();
    }
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_go->setObjectName(QStringLiteral("exportPushButton"));
    m_close->setObjectName(QStringLiteral("closePushButton"));

    auto* form = new QFormLayout;
    auto* keyLabel = new QLabel(tr("Network &key file:"));
    keyLabel->setBuddy(m_key->lineEdit());
    form->addRow(keyLabel, m_key);
    auto* fingerprintLabel = new QLabel(tr("Network &fingerprint:"));
    fingerprintLabel->setBuddy(m_fingerprint);
    form->addRow(fingerprintLabel, m_fingerprint);
    form->addRow(QString(), m_fingerprintState);
    auto* previewBox = new QGroupBox(tr("What will be exported"));
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_preview);
    previewLayout->addWidget(m_cells, 1);
    auto* outputForm = new QFormLayout;
    auto* outputLabel = new QLabel(tr("&Save the export as:"));
    outputLabel->setBuddy(m_output->lineEdit());
    outputForm->addRow(outputLabel, m_output);
    auto* buttons = new QDialogButtonBox;
    buttons->addButton(m_go, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    m_go->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(previewBox);
    layout->addLayout(outputForm);
    layout->addWidget(m_problem);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(700, 600);

    connect(m_key, &NetworkKeyPicker::changed, this, [this]() { validate(); });
    connect(m_fingerprint, &QLineEdit::textChanged, this, [this]() { validate(); });
    connect(m_output, &NetworkOutputFile::changed, this, [this]() { validate(); });
    connect(m_go, &QPushButton::clicked, this, &NetworkExportDialog::exportReport);
    connect(m_close, &QPushButton::clicked, this, [this]() { done(m_exported ? Accepted : Rejected); });
    validate();
}

NetworkExportDialog::~NetworkExportDialog() = default;

std::optional<QString> NetworkExportDialog::normalizedFingerprint(const QString& typed)
{
    QString hex = typed.toLower();
    hex.remove(QRegularExpression(QStringLiteral("[\\s:-]")));
    static const QRegularExpression valid(QStringLiteral("^[0-9a-f]{64}$"));
    if (!valid.match(hex).hasMatch())
        return std::nullopt;
    return hex;
}

void NetworkExportDialog::updatePreview()
{
    m_cells->clear();
    const auto& network = m_key->network();
    std::size_t withheld = 0;
    for (const auto& cell : m_report.cells) {
        const bool out = !cell.figures.suppressed;
        withheld += out ? 0 : 1;
        const QString fate = out ? tr("exported, re-encrypted under the network key")
                                 : tr("withheld (%1)").arg(ReportText::suppression(cell.figures.reason));
        m_cells->addItem(
            tr("Cell %1: %2 — %3: %4")
                .arg(cell.key.index)
                .arg(ReportText::measure(cell.key.measure), ReportText::group(m_report.spec, cell.key), fate));
    }
    if (!network) {
        m_preview->setText(tr("Choose the network key file to see where the cells go."));
        return;
    }
    const std::size_t exported = m_report.cells.size() - withheld;
    QString text =
        tr("To research network \"%1\" (key id %2): %3 of %4 cell(s) exported, %5 withheld.")
            .arg(network->name, QString::fromStdString(network->key.keyIdHex()))
            .arg(exported)
            .arg(m_report.cells.size())
            .arg(withheld) +
        QLatin1Char(' ') +
        tr("An exported cell carries the clinic's exact totals (count, sum, sum of squares, histogram) and its "
           "patient count, encrypted under the network's key: only the network's custodians can decrypt them, and "
           "only after merging with at least %1 other clinics; merged cells with fewer than %2 patients are "
           "suppressed at the network. A cell withheld here (suppressed in the clinic's published report) goes as an "
           "encryption of zero marked withheld: its figures never leave the clinic, its patients are still counted.")
            .arg(std::max<std::uint32_t>(network->minimumSites, 2) - 1)
            .arg(network->minimumCellSize) +
        QLatin1Char(' ') +
        tr("The export recomputes every cell from the clinic's rows, combines the custodians' stored shares again, "
           "applies the clinic's minimum cell size (%1 patients), signs the file with the clinic key and is recorded "
           "in the audit trail.")
            .arg(m_clinicMinimum);
    if (m_report.minimumCellSize != 0 && m_report.minimumCellSize != m_clinicMinimum)
        text += QStringLiteral("\n") + tr("Note: the report was published with a minimum of %1 patients per cell; "
                                          "the clinic's minimum is now %2, so the cells withheld may differ from "
                                          "those listed.")
                                           .arg(m_report.minimumCellSize)
                                           .arg(m_clinicMinimum);
    m_preview->setText(text);
}

void NetworkExportDialog::suggestFolder(const QString& folder)
{
    m_folder = folder;
    m_output->setSuggestedName(
        QDir(folder).filePath(QString::fromStdString(reports::reportIdHex(m_report.reportId)) + ".ccrx"));
}

QString NetworkExportDialog::validate()
{
    updatePreview();
    const auto& network = m_key->network();
    const QString typed = m_fingerprint->text().trimmed();
    const auto fingerprint = normalizedFingerprint(typed);
    QString problem;
    m_fingerprintState->setStyleSheet(kRed);
    if (typed.isEmpty()) {
        m_fingerprintState->setStyleSheet({});
        m_fingerprintState->setText(tr("Type or paste the fingerprint the network gave you out of band (64 "
                                       "hexadecimal digits), to be sure the key file is the network's."));
        problem = tr("Type the network's fingerprint.");
    } else if (!fingerprint) {
        QString digits = typed;
        digits.remove(QRegularExpression(QStringLiteral("[\\s:-]")));
        m_fingerprintState->setText(tr("Not a fingerprint: 64 hexadecimal digits (0–9, a–f) are expected; %n "
                                       "character(s) typed.",
                                       nullptr, static_cast<int>(digits.size())));
        problem = m_fingerprintState->text();
    } else if (!network) {
        m_fingerprintState->setStyleSheet({});
        m_fingerprintState->setText(tr("Choose the network key file to compare the fingerprint with it."));
        problem = tr("Choose the network key file.");
    } else if (*fingerprint != QString::fromStdString(network->fingerprintHex())) {
        m_fingerprintState->setText(
            tr("✗ Does not match: the key file's fingerprint is %1. This file is not the key the network gave "
               "out (or the fingerprint was mistyped); the clinic's totals are not encrypted to it.")
                .arg(m_key->fingerprintText()));
        problem = tr("Refused: the fingerprint typed is not the network key file's.");
    } else {
        m_fingerprintState->setStyleSheet(kGreen);
        m_fingerprintState->setText(tr("✓ Matches the key file's fingerprint."));
    }
    if (problem.isEmpty())
        problem = m_output->problem();
    m_go->setEnabled(problem.isEmpty() && !m_exported);
    // A refusal shown after a click follows the form: gone once the form is complete.
    m_problem->setText(problem);
    m_problem->setVisible(m_problem->isVisible() && !problem.isEmpty());
    return problem;
}

void NetworkExportDialog::exportReport()
{
    const QString problem = validate();
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->setStyleSheet(kRed);
        m_problem->show();
        return;
    }
    m_problem->hide();
    m_go->setEnabled(false);
    const QString output = m_output->path();
    auto outcome = m_call(*m_key->network(), normalizedFingerprint(m_fingerprint->text())->toStdString());
    m_result->show();
    if (!outcome) {
        m_result->setStyleSheet(kRed);
        m_result->setText(tr("Not exported, nothing was written: %1").arg(ErrorText::forError(outcome.error())));
        m_go->setEnabled(true);
        return;
    }
    if (auto saved = ReportFolder::writeNew(output, outcome->file); !saved) {
        m_result->setStyleSheet(kRed);
        m_result->setText(
            tr("Exported, but %1 was not written: %2").arg(nativePath(output), ErrorText::forError(saved.error())));
        m_go->setEnabled(true);
        return;
    }
    m_exported = true;
    const QString exportId = QString::fromStdString(reports::reportIdHex(outcome->report.reportId));
    QString text = tr("Exported to %1 (export id %2): %3 cell(s) re-encrypted under the key of \"%4\", %5 withheld. "
                      "Give the file to the network's merger.")
                       .arg(nativePath(output), exportId)
                       .arg(outcome->cellsExported)
                       .arg(m_key->network()->name)
                       .arg(outcome->cellsWithheld);
    // Saved outside the report folder: the folder keeps a copy, which is what the list of reports
    // reads to show the report as exported (ReportFolder::scan).
    if (!m_folder.isEmpty() && QFileInfo(output).absolutePath() != QFileInfo(m_folder).absoluteFilePath()) {
        const QString copy = QDir(m_folder).filePath(exportId + QStringLiteral(".ccrx"));
        if (auto kept = ReportFolder::writeNew(copy, outcome->file); kept)
            text += QLatin1Char(' ') + tr("A copy is kept in the clinic's report folder (%1), so the list of reports "
                                          "shows the report as exported.")
                                           .arg(nativePath(copy));
        else
            text += QLatin1Char(' ') + tr("The copy for the clinic's report folder was not written (%1): the list of "
                                          "reports will not show this export.")
                                           .arg(ErrorText::forError(kept.error()));
    }
    if (!outcome->rejectedPartials.empty()) {
        QStringList rejected;
        for (const auto& r : outcome->rejectedPartials)
            rejected << QString::fromStdString(r);
        text += QLatin1Char(' ') + tr("Skipped as invalid: %1").arg(rejected.join(QStringLiteral("; ")));
    }
    m_result->setStyleSheet(kGreen);
    m_result->setText(text);
}

} // namespace cc::ui
