// SPDX-License-Identifier: GPL-3.0-or-later
// The reports page's research-network actions: export of a published research report and the
// merge of clinics' exports (docs/GUI.md, "Research networks").
#include "ui/common/OffThread.h"
#include "ui/reports/NetworkExportDialog.h"
#include "ui/reports/NetworkMergeDialog.h"
#include "ui/reports/ReportsPage.h"

#include <QApplication>
#include <QLabel>
#include <QTableWidget>

#include <memory>

namespace cc::ui {

namespace {

/// The progress dialog goes over the federation dialog (window-modal), not only the main window.
QWidget* progressParent(QWidget* fallback)
{
    QWidget* modal = QApplication::activeModalWidget();
    return modal != nullptr ? modal : fallback;
}

} // namespace

void ReportsPage::exportSelectedToNetwork()
{
    const Entry* e = selectedEntry();
    if (e == nullptr || !e->published() || e->encryptedPath.isEmpty())
        return;
    // The service exports from the encrypted report (with the custodians' stored shares); the
    // published one beside it says which cells were released.
    auto opened = openEncrypted(e->encryptedPath);
    if (!opened)
        return;
    auto* dialog = new NetworkExportDialog(
        e->file, opened->minimumCellSize,
        [this, session = opened->session, shared = opened->bytes](const services::NetworkKey& network,
                                                                  const std::string& fingerprint) {
            auto& service = session->service();
            return runOffGuiThread<services::ExportOutcome>(
                progressParent(this),
                tr("Recomputing every cell from the clinic's rows, combining the custodians' shares and "
                   "re-encrypting the released totals under the network key…"),
                [&service, &shared, &network, &fingerprint]() {
                    return service.exportToNetwork(*shared, network, fingerprint);
                });
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->suggestFolder(m_access.folder);
    // An export saved in the report folder shows in the list as "exported (network …)".
    connect(dialog, &QDialog::finished, this, [this, dialog]() {
        if (dialog->exported())
            refresh();
    });
    dialog->open();
}

void ReportsPage::mergeNetworkExports()
{
    auto session = std::shared_ptr<ReportSession>(ReportSession::open(m_clinic, m_access));
    if (!session)
        return;
    auto* dialog = new NetworkMergeDialog(
        [this, session](const std::vector<std::vector<std::uint8_t>>& files, const services::NetworkKey& network,
                        std::uint32_t minimumSites, const services::NetworkMembers* members) {
            auto& service = session->service();
            return runOffGuiThread<services::MergedReport>(
                progressParent(this),
                tr("Checking every export and multiplying the clinics' encrypted totals cell by cell…"),
                [&service, &files, &network, minimumSites, members]() {
                    return service.merge(files, network, minimumSites, members);
                });
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ReportsPage::closeNetworkDialogs()
{
    for (auto* dialog : findChildren<NetworkExportDialog*>(Qt::FindDirectChildrenOnly))
        dialog->reject();
    for (auto* dialog : findChildren<NetworkMergeDialog*>(Qt::FindDirectChildrenOnly))
        dialog->reject();
}

} // namespace cc::ui
