// SPDX-License-Identifier: GPL-3.0-or-later
// The review step for flagged audit events: select, comment, mark reviewed (itself audited).
#pragma once

#include "core/services/AuditReviewService.h"

#include <QDialog>

#include <memory>

class QSortFilterProxyModel;

namespace Ui {
class ReviewDialog;
}

namespace cc::ui {

class ReviewTableModel;

/// Lists AuditReviewService::items() and marks the selected one reviewed with a comment; the
/// service checks the permission, refuses a second review and writes the review event.
class ReviewDialog : public QDialog
{
    Q_OBJECT

public:
    /// `clinic` must outlive the dialog.
    explicit ReviewDialog(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~ReviewDialog() override;

    /// Reloads the list from the service.
    void refresh();
    /// The model (tests).
    [[nodiscard]] ReviewTableModel* model() const { return m_model; }
    /// Selects the source row `row` (tests).
    void selectRow(int row);

signals:
    /// A review was recorded (the home page's counter changes).
    void reviewed();

private:
    void markReviewed();
    void updateButton();
    void showStatus(const QString& text, bool error);

    std::unique_ptr<Ui::ReviewDialog> m_ui;
    services::AuditReviewService m_service;
    ReviewTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
};

} // namespace cc::ui
