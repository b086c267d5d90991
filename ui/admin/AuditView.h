// SPDX-License-Identifier: GPL-3.0-or-later
// The administrator's audit viewer: filtered event table, verifier banner, CSV and syslog export.
#pragma once

#include "core/services/AuditService.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class AuditView;
}

namespace cc::ui {

class AuditTableModel;

/// Lists audit events through AuditService (each listing is itself audited), verifies the chain and
/// shows the verdict in a banner, and exports through the FileDialog seam with QSaveFile, so an
/// export is either complete or absent.
class AuditView : public QWidget
{
    Q_OBJECT

public:
    /// `clinic` must outlive the view.
    explicit AuditView(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~AuditView() override;

    /// Lists the events matching the filter fields.
    void refresh();
    /// Runs the verifier and shows its verdict.
    void verify();
    /// Forgets every row and the banner (idle lock, logout).
    void clear();
    /// The table's model (tests).
    [[nodiscard]] AuditTableModel* model() const { return m_model; }

private:
    enum class ExportFormat { Csv, Syslog };
    [[nodiscard]] audit::AuditFilter serviceFilter() const;
    [[nodiscard]] std::optional<std::string> resolvedUserId(QString* problem) const;
    void exportTo(ExportFormat format);
    void showStatus(const QString& text, bool error);

    std::unique_ptr<Ui::AuditView> m_ui;
    services::ClinicService& m_clinic;
    services::AuditService m_audit;
    AuditTableModel* m_model;
};

} // namespace cc::ui
