// SPDX-License-Identifier: GPL-3.0-or-later
// One report on screen: its header (clinic, purpose, spec in words, ids, signer), its state, the
// table of cells and, once published, a histogram per cell, the means per group and the exports.
#pragma once

#include "core/reports/ReportFile.h"
#include "core/services/ReportService.h"

#include <QWidget>

#include <optional>

class QChart;
class QChartView;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;

namespace cc::ui {

class ReportCellModel;

/// Shows what it is given; reading and verifying the file is the caller's (ReportService::verify).
class ReportView : public QWidget
{
    Q_OBJECT

public:
    explicit ReportView(QWidget* parent = nullptr);
    ~ReportView() override;

    /// Shows a verified report. `shares` is the quorum's state of an encrypted report (if known);
    /// `published` says an encrypted report has a published counterpart.
    void setReport(const reports::ReportFile& file, const std::optional<services::ShareStatus>& shares = {},
                   bool published = false);
    void clear();
    [[nodiscard]] const reports::ReportFile* report() const;
    [[nodiscard]] ReportCellModel* model() const { return m_model; }
    [[nodiscard]] QChart* histogramChart() const { return m_histogram; }
    [[nodiscard]] QChart* groupChart() const { return m_groups; }
    /// The state line ("Encrypted — decryption shares 1 of 2 …").
    [[nodiscard]] static QString stateText(const reports::ReportFile& file,
                                           const std::optional<services::ShareStatus>& shares, bool published);

    /// Asks for a file name (FileDialog seam) and writes the CSV / the PDF; the result is shown.
    void exportCsv();
    void exportPdf();

private:
    void showCell(int row);
    void showStatus(const QString& text, bool error);

    QLabel* m_title;
    QLabel* m_header;
    QLabel* m_state;
    QLabel* m_status;
    QTableView* m_table;
    ReportCellModel* m_model;
    QChart* m_histogram;
    QChart* m_groups;
    QChartView* m_histogramView;
    QChartView* m_groupView;
    QWidget* m_charts;
    QSplitter* m_split;
    QPushButton* m_csv;
    QPushButton* m_pdf;
};

} // namespace cc::ui
