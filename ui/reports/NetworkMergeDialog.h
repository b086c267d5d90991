// SPDX-License-Identifier: GPL-3.0-or-later
// Merge of clinics' research-network exports (docs/REPORTS.md section 8): the .ccrx files with each
// one's clinic and whether it can be merged, the network key file, the minimum number of clinics,
// then ReportService::merge (the CLI's `report merge`) off the GUI thread.
#pragma once

#include "core/reports/ReportFile.h"
#include "core/services/ReportService.h"

#include <QDialog>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace cc::ui {

class NetworkKeyPicker;
class NetworkOutputFile;

class NetworkMergeDialog : public QDialog
{
    Q_OBJECT

public:
    /// The service call (the caller runs it off the GUI thread with progress).
    using MergeCall = std::function<Result<services::MergedReport>(
        const std::vector<std::vector<std::uint8_t>>& files, const services::NetworkKey&, std::uint32_t minimumSites)>;

    explicit NetworkMergeDialog(MergeCall mergeCall, QWidget* parent = nullptr);
    ~NetworkMergeDialog() override;

    /// Adds an export file to the list (read and checked at once; its row says what it is).
    void addFile(const QString& path);
    /// Checks the form again and, if it is complete, merges and writes the bundle.
    void merge();
    /// True once a merged file was written.
    [[nodiscard]] bool merged() const { return m_merged; }
    [[nodiscard]] NetworkKeyPicker* keyPicker() const { return m_key; }

private:
    struct Site
    {
        QString path;
        std::vector<std::uint8_t> bytes;
        std::optional<reports::ReportFile> file;
        QString readError;
    };
    /// Each file's status and why the merge cannot run yet (empty: it can).
    QString validate();
    [[nodiscard]] QString siteProblem(std::size_t index) const;
    /// The service's message with "exported file N" replaced by that file's name.
    [[nodiscard]] QString namingFiles(const QString& message) const;

    MergeCall m_call;
    std::vector<Site> m_sites;
    QTableWidget* m_files;
    QPushButton* m_add;
    QPushButton* m_remove;
    NetworkKeyPicker* m_key;
    QSpinBox* m_minimumSites;
    NetworkOutputFile* m_output;
    QLabel* m_problem;
    QLabel* m_result;
    QPushButton* m_go;
    QPushButton* m_close;
    bool m_merged = false;
};

} // namespace cc::ui
