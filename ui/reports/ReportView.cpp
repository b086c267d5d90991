// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/ReportView.h"

#include "core/crypto/Hex.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorText.h"
#include "ui/common/FileDialog.h"
#include "ui/reports/ReportCellModel.h"
#include "ui/reports/ReportCharts.h"
#include "ui/reports/ReportPdf.h"
#include "ui/reports/ReportText.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace cc::ui {

ReportView::ReportView(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_header(new QLabel)
    , m_state(new QLabel)
    , m_status(new QLabel)
    , m_table(new QTableView)
    , m_model(new ReportCellModel(this))
    , m_histogram(new QChart)
    , m_groups(new QChart)
    , m_histogramView(new QChartView(m_histogram))
    , m_groupView(new QChartView(m_groups))
    , m_csv(new QPushButton(tr("Export &CSV…")))
    , m_pdf(new QPushButton(tr("Export &PDF…")))
{
    m_title->setObjectName(QStringLiteral("reportTitleLabel"));
    m_header->setObjectName(QStringLiteral("reportHeaderLabel"));
    m_state->setObjectName(QStringLiteral("reportStateLabel"));
    m_status->setObjectName(QStringLiteral("reportExportStatusLabel"));
    m_table->setObjectName(QStringLiteral("reportCellsTableView"));
    m_histogramView->setObjectName(QStringLiteral("histogramChartView"));
    m_groupView->setObjectName(QStringLiteral("groupChartView"));
    m_csv->setObjectName(QStringLiteral("exportCsvPushButton"));
    m_pdf->setObjectName(QStringLiteral("exportPdfPushButton"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setWordWrap(true);
    m_status->setWordWrap(true);
    m_status->hide();
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Report cells"));
    m_histogramView->setRenderHint(QPainter::Antialiasing);
    m_groupView->setRenderHint(QPainter::Antialiasing);
    m_histogramView->setMinimumHeight(240);
    m_groupView->setMinimumHeight(240);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_csv);
    buttons->addWidget(m_pdf);
    buttons->addStretch();
    auto* charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(m_histogramView);
    charts->addWidget(m_groupView);
    m_charts = charts;
    m_split = new QSplitter(Qt::Vertical);
    m_split->addWidget(m_table);
    m_split->addWidget(charts);
    m_split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_header);
    layout->addWidget(m_state);
    layout->addWidget(m_split, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showCell(current.row()); });
    connect(m_csv, &QPushButton::clicked, this, &ReportView::exportCsv);
    connect(m_pdf, &QPushButton::clicked, this, &ReportView::exportPdf);
    clear();
}

ReportView::~ReportView() = default;

const reports::ReportFile* ReportView::report() const
{
    return m_model->report();
}

QString ReportView::stateText(const reports::ReportFile& file, const std::optional<services::ShareStatus>& shares,
                              bool published)
{
    if (file.kind == reports::ReportFile::Kind::Published) {
        QStringList custodians;
        for (auto c : file.custodians)
            custodians << QString::number(c);
        return tr("Published %1 from the decryption shares of custodian(s) %2; minimum cell size %3 patients.")
            .arg(DisplayText::dateTime(file.createdAtMs), custodians.join(QStringLiteral(", ")))
            .arg(file.minimumCellSize);
    }
    QString text = tr("Encrypted: every figure, counts included, is still inside its ciphertext (%n cell(s)).", nullptr,
                      static_cast<int>(file.cells.size()));
    if (shares)
        text += QLatin1Char(' ') + tr("Decryption shares: %1 of %2 needed (of %3 custodians).")
                                       .arg(shares->custodians.size())
                                       .arg(shares->threshold)
                                       .arg(shares->parties);
    if (published)
        text += QLatin1Char(' ') + tr("Published: the figures are in the published report.");
    return text;
}

void ReportView::setReport(const reports::ReportFile& file, const std::optional<services::ShareStatus>& shares,
                           bool published)
{
    const bool isPublished = file.kind == reports::ReportFile::Kind::Published;
    m_model->setReport(file);
    m_title->setText(file.spec.title);
    const QString created = DisplayText::dateTime(file.createdAtMs);
    m_header->setText(
        tr("<b>Clinic:</b> %1<br><b>Purpose:</b> %2<br><b>What it covers:</b> %3<br><b>Created:</b> %4 · "
           "<b>report id</b> %5 · <b>report key</b> %6 · <b>signed by the clinic key</b> %7")
            .arg(file.clinicName.toHtmlEscaped(), ReportText::purpose(file.spec.purpose).toHtmlEscaped(),
                 ReportText::describe(file.spec).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral(" ")),
                 created, QString::fromStdString(reports::reportIdHex(file.reportId)),
                 QString::fromStdString(crypto::hexEncode(file.keyId)), ReportText::grouped(file.signerFingerprint())));
    m_state->setText(stateText(file, shares, published));
    m_state->setStyleSheet(isPublished ? QStringLiteral("color:#1b5e20") : QStringLiteral("color:#0d47a1"));
    m_charts->setVisible(isPublished);
    m_table->setMinimumHeight(0);
    m_groupView->setVisible(isPublished && !file.spec.groupBy.empty());
    if (isPublished) {
        // The table as tall as its rows (at most a third), the charts the rest.
        const int wanted = m_table->horizontalHeader()->sizeHint().height() + m_table->verticalHeader()->length() +
                           2 * m_table->frameWidth() + 4;
        const int total = std::max(m_split->height(), 600);
        const int tableHeight = std::min(wanted, total / 3);
        m_table->setMinimumHeight(std::min(wanted, 260));
        m_split->setSizes({tableHeight, total - tableHeight});
    }
    m_csv->setEnabled(isPublished);
    m_pdf->setEnabled(isPublished);
    m_status->hide();
    m_table->resizeColumnsToContents();
    if (!file.cells.empty())
        m_table->selectRow(0);
    showCell(0);
}

void ReportView::clear()
{
    m_model->clear();
    m_title->setText(tr("No report open"));
    m_header->setText(tr("Run a report, choose one in the list or open a report file."));
    m_state->clear();
    m_status->hide();
    ReportCharts::clear(m_histogram);
    ReportCharts::clear(m_groups);
    m_csv->setEnabled(false);
    m_pdf->setEnabled(false);
}

void ReportView::showCell(int row)
{
    const auto* file = m_model->report();
    const auto* cell = m_model->cellAt(row);
    if (file == nullptr || cell == nullptr) {
        ReportCharts::clear(m_histogram);
        ReportCharts::clear(m_groups);
        return;
    }
    ReportCharts::histogram(m_histogram, *file, *cell);
    if (!file->spec.groupBy.empty())
        ReportCharts::groupMeans(m_groups, *file, cell->key.measure);
}

void ReportView::showStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color:#b00020") : QStringLiteral("color:#1b5e20"));
    m_status->show();
}

void ReportView::exportCsv()
{
    const auto* file = report();
    if (file == nullptr)
        return;
    const QString path = FileDialog::saveFileName(
        this, tr("Export report as CSV"),
        QStringLiteral("report-%1.csv").arg(QString::fromStdString(reports::reportIdHex(file->reportId)).left(8)),
        tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    if (auto written = ReportPdf::writeCsv(*file, path); !written)
        showStatus(tr("Not exported: %1").arg(ErrorText::forError(written.error())), true);
    else
        showStatus(tr("CSV written to %1").arg(path), false);
}

void ReportView::exportPdf()
{
    const auto* file = report();
    if (file == nullptr)
        return;
    const QString path = FileDialog::saveFileName(
        this, tr("Export report as PDF"),
        QStringLiteral("report-%1.pdf").arg(QString::fromStdString(reports::reportIdHex(file->reportId)).left(8)),
        tr("PDF files (*.pdf);;All files (*)"));
    if (path.isEmpty())
        return;
    if (auto written = ReportPdf::write(*file, path); !written)
        showStatus(tr("Not exported: %1").arg(ErrorText::forError(written.error())), true);
    else
        showStatus(tr("PDF written to %1").arg(path), false);
}

} // namespace cc::ui
