// SPDX-License-Identifier: GPL-3.0-or-later
// Export of a published research report to a research network (docs/REPORTS.md section 8): the
// network key file and its fingerprint given out of band, what leaves the clinic before anything
// is done, then ReportService::exportToNetwork (the CLI's `report export`) off the GUI thread.
#pragma once

#include "core/reports/ReportFile.h"
#include "core/services/ReportService.h"

#include <QDialog>
#include <QString>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace cc::ui {

class NetworkKeyPicker;
class NetworkOutputFile;

class NetworkExportDialog : public QDialog
{
    Q_OBJECT

public:
    /// The service call: the network key and the fingerprint typed (the caller runs it off the GUI
    /// thread with progress).
    using ExportCall =
        std::function<Result<services::ExportOutcome>(const services::NetworkKey&, const std::string& fingerprint)>;

    /// `published` is the clinic's published report (what the export will hold: its released cells
    /// re-encrypted, its suppressed cells withheld); `clinicMinimum` the clinic's minimum cell size
    /// now, which the service applies again.
    NetworkExportDialog(const reports::ReportFile& published, std::uint32_t clinicMinimum, ExportCall exportCall,
                        QWidget* parent = nullptr);
    ~NetworkExportDialog() override;

    /// Lowercase hex of a typed fingerprint (spaces, colons and dashes ignored), or nothing if it is
    /// not 64 hexadecimal digits.
    [[nodiscard]] static std::optional<QString> normalizedFingerprint(const QString& typed);

    /// Suggests saving the export in `folder`, the clinic's report folder. An export saved
    /// anywhere else also leaves a copy there (named by the export's id), so the list of reports
    /// shows the report as exported wherever the file went.
    void suggestFolder(const QString& folder);
    /// Checks the form again and, if it is complete, runs the export and writes the file.
    void exportReport();
    /// True once a file was written.
    [[nodiscard]] bool exported() const { return m_exported; }
    [[nodiscard]] NetworkKeyPicker* keyPicker() const { return m_key; }

private:
    /// Why the export cannot run yet (empty: it can); updates the preview and the button.
    QString validate();
    void updatePreview();

    reports::ReportFile m_report;
    std::uint32_t m_clinicMinimum;
    ExportCall m_call;
    NetworkKeyPicker* m_key;
    QLineEdit* m_fingerprint;
    QLabel* m_fingerprintState;
    QLabel* m_preview;
    QListWidget* m_cells;
    NetworkOutputFile* m_output;
    QLabel* m_problem;
    QLabel* m_result;
    QPushButton* m_go;
    QPushButton* m_close;
    bool m_exported = false;
    QString m_folder; ///< the clinic's report folder (suggestFolder), where a copy is kept
};

} // namespace cc::ui
