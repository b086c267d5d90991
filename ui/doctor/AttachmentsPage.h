// SPDX-License-Identifier: GPL-3.0-or-later
// The chart's Attachments tab: the list, Add… (encrypted off the GUI thread), Open (images), Save as….
#pragma once

#include "core/Result.h"
#include "core/model/AttachmentInfo.h"
#include "core/model/RowId.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

namespace Ui {
class AttachmentsPage;
}

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

class ChartTableModel;
class ImageViewerDialog;

/// Lists a patient's attachments through AttachmentService and adds, shows, saves and deletes
/// them through it (the service checks access, encrypts and audits). Adding runs on the GUI thread
/// under a window-modal progress dialog with Cancel (the services are not thread-safe). Open shows PNG and JPEG images
/// in ImageViewerDialog from memory; every type can be saved. Read-only mode (the patient's
/// window) hides Add and Delete.
class AttachmentsPage : public QWidget
{
    Q_OBJECT

public:
    /// `clinic` must outlive the page.
    explicit AttachmentsPage(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~AttachmentsPage() override;

    /// Loads the attachments of `patient`. Errors are shown on the page and returned.
    Status load(const access::PatientId& patient);
    /// How the file question and the progress name the patient ("Doe, Jane — MRN 1").
    void setPatientLine(const QString& patientLine) { m_patientLine = patientLine; }
    /// Hides Add and Delete.
    void setReadOnly(bool readOnly);
    /// Forgets everything shown.
    void clear();

    /// Asks for a file (FileDialog seam) and adds it in the background; attachmentAdded or the
    /// error on the page follows.
    void addFile();
    /// Shows the selected image attachment (ImageViewerDialog), or says that the type is not shown.
    void openSelected();
    /// Asks where to save (FileDialog seam) and exports the selected attachment.
    void saveSelected();
    /// Deletes the selected attachment after a confirmation (MessageBox seam).
    void deleteSelected();
    /// Selects row `row`.
    void selectRow(int row);
    /// Test seam: instead of exec(), the viewer is handed to `hook` (screenshots, checks).
    void setViewerHook(std::function<void(ImageViewerDialog&)> hook) { m_viewerHook = std::move(hook); }

    [[nodiscard]] ChartTableModel* model() const { return m_model; }
    [[nodiscard]] const std::vector<model::AttachmentInfo>& attachments() const { return m_attachments; }
    [[nodiscard]] QString errorText() const;
    [[nodiscard]] bool busy() const { return m_busy; }

signals:
    /// An attachment was stored (after the background work finished).
    void attachmentAdded();

private:
    const model::AttachmentInfo* selected() const;
    void updateButtons();
    void showError(const QString& text);

    services::ClinicService& m_clinic;
    std::unique_ptr<Ui::AttachmentsPage> m_ui;
    ChartTableModel* m_model;
    std::vector<model::AttachmentInfo> m_attachments;
    access::PatientId m_patient{};
    QString m_patientLine;
    bool m_hasPatient = false;
    bool m_readOnly = false;
    bool m_busy = false;
    std::function<void(ImageViewerDialog&)> m_viewerHook;
};

} // namespace cc::ui
