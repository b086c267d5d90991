// SPDX-License-Identifier: GPL-3.0-or-later
// The doctor's import dialog: a Synthea folder, the ACTG 315 file, FHIR R4 JSON files or a CSV table
// with a mapping file (previewed), with progress and summary.
#pragma once

#include "core/Result.h"

#include <QDialog>

#include <memory>
#include <vector>

namespace Ui {
class ImportDialog;
}

namespace cc::interop {
struct ImportSummary;
struct SkippedItem;
} // namespace cc::interop

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

class ChartTableModel;

/// Runs services::ImportService on the GUI thread (the services are not thread-safe), reporting
/// progress after every encrypted batch and keeping the window responsive between batches; the
/// Paillier encryption inside a batch uses its own worker threads. Progress counts as activity, so
/// the idle lock does not pull the keys away in the middle of a transaction. Cancel (or closing the
/// window) stops at the next batch and keeps nothing. The summary shows counts per record type and
/// every skipped item with its file, line, field and reason; a refusal names where the input is wrong.
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    /// What is imported (the order of the source list).
    enum class Source { SyntheaFolder = 0, Actg315File = 1, FhirFiles = 2, MappedTable = 3 };
    /// Data rows the preview of a mapped table reads.
    static constexpr std::size_t kPreviewRows = 5;

    /// `clinic` must outlive the dialog.
    explicit ImportDialog(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~ImportDialog() override;

    /// Chooses the source type and path (as the doctor would by hand; for tests and callers).
    /// Several FHIR files are separated by ';'.
    void setInput(Source source, const QString& path);
    /// The mapping file of a mapped table (docs/CLINICAL_DATA.md, "Mapped tables").
    void setMapping(const QString& path);
    /// Reads the first kPreviewRows rows of the mapped table with the mapping applied and shows the
    /// observations they give (patient, code, value, unit, time) and what they skip; nothing is
    /// stored. Returns the service's result (a bad mapping names its field in the dialog).
    Status preview();
    /// The observations of the last preview.
    [[nodiscard]] ChartTableModel* previewModel() const { return m_preview; }
    /// Runs the import now. Returns the service's result (also shown in the dialog).
    Status startImport();
    /// True while an import runs.
    [[nodiscard]] bool isRunning() const { return m_running; }
    /// The skipped items of the last import (file, line, field, reason).
    [[nodiscard]] ChartTableModel* skippedModel() const { return m_skipped; }

    /// Cancels a running import instead of closing; closes otherwise.
    void reject() override;

signals:
    /// Emitted after an import that kept records, so the patient list can be reloaded.
    void imported();

private:
    void browse();
    void browseMapping();
    void showSkipped(const std::vector<interop::SkippedItem>& items);
    void updateButtons();
    bool onProgress(std::size_t done, std::size_t total);
    void showSummary(const interop::ImportSummary& summary);

    std::unique_ptr<Ui::ImportDialog> m_ui;
    services::ClinicService& m_clinic;
    ChartTableModel* m_skipped;
    ChartTableModel* m_preview;
    bool m_running = false;
    bool m_cancelRequested = false;
};

} // namespace cc::ui
