// SPDX-License-Identifier: GPL-3.0-or-later
// Merge of clinics' research-network exports (docs/REPORTS.md section 8): the .ccrx files with each
// one's clinic and whether it can be merged, the network key file, the network's signed member list
// (each member clinic and whether its export is in; a non-member's file refused), the minimum number
// of clinics, then ReportService::merge (the CLI's `report merge --members`) off the GUI thread.
#pragma once

#include "core/reports/ReportFile.h"
#include "core/services/ReportService.h"

#include <QDialog>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
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
        const std::vector<std::vector<std::uint8_t>>& files, const services::NetworkKey&, std::uint32_t minimumSites,
        const services::NetworkMembers* members)>;

    explicit NetworkMergeDialog(MergeCall mergeCall, QWidget* parent = nullptr);
    ~NetworkMergeDialog() override;

    /// Adds an export file to the list (read and checked at once; its row says what it is).
    void addFile(const QString& path);
    /// Reads and checks the network's member list at `path` against the chosen network key (empty:
    /// none; any clinic's export is then accepted here and the custodians check membership).
    void setMembersPath(const QString& path);
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
    /// Reads the member list file again (after the key or the path changed).
    void loadMembers();
    /// The members table: each member clinic and the export file that is its, if any.
    void showMembers();

    MergeCall m_call;
    std::vector<Site> m_sites;
    QTableWidget* m_files;
    QPushButton* m_add;
    QPushButton* m_remove;
    NetworkKeyPicker* m_key;
    QLineEdit* m_membersPath;
    QPushButton* m_membersBrowse;
    QLabel* m_membersInfo;
    QTableWidget* m_members;
    std::optional<services::NetworkMembers> m_memberList;
    QString m_membersError; ///< why the chosen member list was refused (empty: none chosen, or accepted)
    QSpinBox* m_minimumSites;
    NetworkOutputFile* m_output;
    QLabel* m_problem;
    QLabel* m_result;
    QPushButton* m_go;
    QPushButton* m_close;
    bool m_merged = false;
};

} // namespace cc::ui
