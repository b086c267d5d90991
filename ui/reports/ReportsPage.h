// SPDX-License-Identifier: GPL-3.0-or-later
// The administrator's reports workbench: the report builder, the clinic's report files and their
// state, the custodian's decryption, publication and the report view (docs/GUI.md, docs/REPORTS.md).
#pragma once

#include "ui/reports/ReportFolder.h"
#include "ui/reports/ReportsAccess.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace cc::ui {

class ReportSettingsTab;
class ReportView;

/// Every step goes through ReportService (permission, audit, disclosure control are the
/// service's); this page builds the spec JSON, which the core validates, keeps the report files in
/// the clinic's report folder and shows them.
class ReportsPage : public QWidget
{
    Q_OBJECT

public:
    explicit ReportsPage(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~ReportsPage() override;

    void setAccess(ReportsAccess access);
    /// Reloads the list of report files from the report folder.
    void refresh();
    /// Forgets what is on screen (idle lock, logout).
    void clear();

    /// Verifies a report file (ReportService::verify, audited) and shows it; a refusal is shown in
    /// a message box with its reason. Returns true if the view shows it.
    bool openReportFile(const QString& path);

    /// The builder's spec as JSON (validated by the core when run).
    [[nodiscard]] QByteArray specJson() const;
    [[nodiscard]] ReportView* view() const { return m_view; }
    [[nodiscard]] QTableWidget* list() const { return m_list; }

    /// Runs the builder's spec, stores the encrypted file in the report folder and shows it.
    void runReport();
    /// Opens the custodian's decryption dialog for the selected report.
    void decryptSelected();
    /// Publishes the selected report when its quorum is in.
    void publishSelected();
    /// Opens the export to a research network for the selected published research report
    /// (ReportsPageNetwork.cpp).
    void exportSelectedToNetwork();
    /// Opens the merge of clinics' network exports (ReportsPageNetwork.cpp).
    void mergeNetworkExports();
    /// Closes an open export or merge dialog (idle lock, logout): their service calls need the
    /// session (ReportsPageNetwork.cpp).
    void closeNetworkDialogs();

signals:
    /// A report ran, a share was stored or a report was published (the home page's counter).
    void reportsChanged();

private:
    /// A report of the folder and, while it is encrypted, its quorum's state.
    struct Entry : ReportFolderEntry
    {
        std::optional<services::ShareStatus> shares;
    };
    QWidget* buildBuilder();
    QWidget* buildList();
    void updateSummary();
    void filterMeasures(const QString& text);
    void selectionChanged();
    void showStatus(const QString& text, bool error);
    [[nodiscard]] const Entry* selectedEntry() const;
    [[nodiscard]] std::optional<services::ShareStatus> shareStatusOf(const reports::ReportId& id);
    void showReport(const reports::ReportFile& file, bool published);
    /// A report action's service (kept alive by its dialog's callback), the encrypted file's bytes
    /// and the clinic's minimum cell size; nothing if reports are unavailable or the file cannot be
    /// read (said in the status line).
    struct OpenedReport
    {
        std::shared_ptr<ReportSession> session;
        std::shared_ptr<std::vector<std::uint8_t>> bytes;
        std::uint32_t minimumCellSize = 0;
    };
    [[nodiscard]] std::optional<OpenedReport> openEncrypted(const QString& path);

    services::ClinicService& m_clinic;
    ReportsAccess m_access;
    std::vector<Entry> m_entries;

    QTabWidget* m_tabs;
    // builder
    QLineEdit* m_title;
    QComboBox* m_purpose;
    QLineEdit* m_search;
    QListWidget* m_measures;
    QComboBox* m_selection;
    std::vector<QCheckBox*> m_sexes;
    QListWidget* m_ageBands;
    QCheckBox* m_years;
    QSpinBox* m_yearFrom;
    QSpinBox* m_yearTo;
    QLineEdit* m_conditions;
    QComboBox* m_group1;
    QComboBox* m_group2;
    QLabel* m_summary;
    QPushButton* m_run;
    // list and view
    QTableWidget* m_list;
    QPushButton* m_open;
    QPushButton* m_decrypt;
    QPushButton* m_publish;
    QPushButton* m_networkExport;
    QPushButton* m_networkMerge;
    QLabel* m_status;
    QString m_damagedText; ///< the last "Not listed" message, taken down when the files are gone
    ReportView* m_view;
    ReportSettingsTab* m_settings = nullptr;
};

} // namespace cc::ui
